"""`depesha ingest | db | reprocess | export`: filling, upgrading and dumping a store."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from typing import Any

from .common import error_line, extract_record
from .query import add_event_filters, make_filter

log = logging.getLogger(__name__)
BULK_BATCH = 5000   # articles per transaction of --bulk: fewer commits, each writing a page dirtied many times once


def add_db(parser: argparse.ArgumentParser) -> None:
    from depesha.web.config import Settings

    default = Settings().db
    parser.add_argument("--db", default=default, help=f"database (default {default}; env DEPESHA_DB): "
                        "a file path, sqlite:///path or postgresql://user@host/db")


def open_or_fail(url: str, **options: Any):  # -> Store | None
    from depesha.errors import StoreError
    from depesha.store import open_store

    try:
        return open_store(url, **options)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def report(summary: Any, what: str = "ingest") -> int:
    """One line per failure, then the counts; exit code 1 when anything failed."""
    for source, reason in summary.failures:
        print(error_line(source, reason), file=sys.stderr)
    print(f"depesha {what}: {summary.stored} stored, {summary.skipped} skipped (already stored), "
          f"{summary.duplicates} near-duplicates linked, {summary.failed} failed", file=sys.stderr)
    return 1 if summary.failed else 0


# INGEST


def load_records(paths: list[str], summary: Any) -> Iterator[tuple[bytes, None, str]]:
    """JSONL lines of records written by `depesha extract` (also .gz, .bz2), with where each came from (parsed when
    stored). Lines stay bytes: a line that is not UTF-8 is refused on its own when parsed, the rest of its file is
    read."""
    from depesha.read.files import open_stream

    for path in paths:
        try:
            file = open_stream(path)
        except OSError as error:
            summary.fail(path, error.strerror or str(error))
            continue
        with file:
            number = 0
            try:
                for number, line in enumerate(file, 1):
                    if line.strip():
                        yield line, None, f"{path}:{number}"
            except (OSError, EOFError) as error:  # a read error, a damaged or truncated archive: the rest is lost
                summary.fail(path, f"unreadable after line {number}: {error}" if number else f"unreadable: {error}")


def extract_records(paths: list[str], writer: Any, summary: Any, max_bytes: int) -> Iterator[tuple[dict[str, Any], str, str]]:
    """Articles read and extracted by the core; inputs stored before are skipped before extraction."""
    from depesha import make_pipeline
    from depesha.read import Failure, load_articles

    pipeline = None
    for item in load_articles(paths, max_bytes=max_bytes):
        if isinstance(item, Failure):
            summary.fail(item.source, item.reason)
            continue
        if writer.has_raw(item.text):
            summary.skipped += 1
            continue
        pipeline = pipeline or make_pipeline()
        record = extract_record(item, pipeline, summary.fail)
        if record is not None:
            yield record, item.text, item.source or "?"


def run_ingest(args: argparse.Namespace) -> int:
    from depesha import __version__
    from depesha.store import Summary
    from depesha.store.link import link_followups

    store = open_or_fail(args.db)
    if store is None:
        return 2
    summary = Summary()
    batch = args.batch or (BULK_BATCH if args.bulk else 1)
    with store.writer(batch=batch, extractor=__version__, bulk=args.bulk, parallel=args.parallel) as writer:
        items = load_records(args.paths, summary) if args.records else \
            extract_records(args.paths, writer, summary, args.max_bytes)

        def progress(number: int, summary: Any) -> None:
            if args.progress and number % args.progress == 0:
                print(f"... {number} read, {summary.stored} stored", file=sys.stderr)

        writer.add_all(items, summary, progress=progress)
        writer.commit()
        if not args.no_link:
            links = link_followups(writer)
            log.info("%d follow-up links", links)
    return report(summary)


# DB


def run_db(args: argparse.Namespace) -> int:
    from depesha.store import migrate

    store = open_or_fail(args.db, create=False, upgrade=args.action == "upgrade")
    if store is None:
        return 2
    print(f"{args.db}: schema version {store.version()} (latest {migrate.LATEST})")
    return 0


# REPROCESS


def run_reprocess(args: argparse.Namespace) -> int:
    from depesha import Article, __version__, extract_doc, make_pipeline
    from depesha.store.reprocess import reprocess

    store = open_or_fail(args.db, create=False)
    if store is None:
        return 2
    pipeline = make_pipeline()

    def extract(stored: dict[str, Any]) -> dict[str, Any]:
        article = Article(text=stored["raw"] or stored["text"], source=stored["source"],
                          published=stored["published"], title=stored["title"], url=stored["url"],
                          agency=stored["agency"])
        return extract_doc(article, pipeline).as_record()

    with store.writer(extractor=__version__) as writer:
        summary = reprocess(writer, extract, ids=args.ids or None, extractor=__version__)
        from depesha.store.link import link_followups

        link_followups(writer)
    return report(summary, "reprocess")


# EXPORT


def run_export(args: argparse.Namespace) -> int:
    from depesha.store.export import iter_records

    store = open_or_fail(args.db, create=False)
    if store is None:
        return 2
    try:
        flt = make_filter(args)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    count = 0
    try:
        with store.read() as conn:
            for count, record in enumerate(iter_records(conn, flt), 1):
                write_record(out, record, args.format, first=count == 1)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"depesha export: {count} articles", file=sys.stderr)
    return 0


def write_record(out: Any, record: dict[str, Any], fmt: str, first: bool) -> None:
    if fmt == "jsonl":
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "plover":
        from depesha.export.plover import format_plover

        for row in format_plover(record):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        from depesha.export.csv import format_csv

        out.write(format_csv([record], header=first))


# REGISTRATION


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest", help="extract articles and store them", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Read articles (anything `depesha extract` reads), extract and store them. Articles already "
        "stored are skipped, each article is stored whole or not at all, so an interrupted run can simply be "
        "run again. Near-duplicates are linked, reports of one event clustered, people resolved across articles.",
        epilog="examples:\n  depesha ingest samples/\n  depesha ingest feed.jsonl --db postgresql://localhost/depesha\n"
        "  depesha extract news/ > records.jsonl && depesha ingest --records records.jsonl\n"
        "  depesha ingest --records --bulk archive-*.jsonl   # a large collection of pre-extracted records\n")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or - for stdin")
    parser.add_argument("--records", action="store_true", help="inputs are JSONL records from `depesha extract`")
    parser.add_argument("--batch", type=int, default=0, help="articles per transaction (default 1; 5,000 with --bulk)")
    parser.add_argument("--bulk", action="store_true", help="load a large collection fast: the store's lookup "
                        "indexes are held in memory (about 4 KB per stored article) and rows written per batch")
    parser.add_argument("--parallel", action=argparse.BooleanOptionalAction, default=None,
                        help="with --bulk: check and hash JSONL records in a worker process and apply each batch's "
                        "SQL to an SQLite file in another while the next batch is built (default: on with 2 or more "
                        "CPU cores)")
    parser.add_argument("--no-link", action="store_true", help="skip the commitment follow-up pass at the end")
    parser.add_argument("--progress", type=int, default=0, metavar="N", help="print a progress line every N inputs")
    from .common import add_input_options

    add_input_options(parser)
    add_db(parser)
    parser.set_defaults(func=run_ingest)

    parser = subparsers.add_parser(
        "db", help="create or upgrade the store's schema", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Show the schema version of a store, or apply the migrations it lacks.",
        epilog="examples:\n  depesha db upgrade\n  depesha db version --db postgresql://localhost/depesha\n")
    parser.add_argument("action", choices=["upgrade", "version"], help="upgrade: apply migrations; version: show")
    add_db(parser)
    parser.set_defaults(func=run_db)

    parser = subparsers.add_parser(
        "reprocess", help="re-extract stored articles with this depesha",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Run the current extractor again on stored articles. Facts are replaced; entities that "
        "still match keep their ids; the stored text is never changed.",
        epilog="examples:\n  depesha reprocess\n  depesha reprocess --id a1b2c3d4e5f60718\n")
    parser.add_argument("--id", dest="ids", action="append", default=[], help="only this article (repeatable)")
    add_db(parser)
    parser.set_defaults(func=run_reprocess)

    parser = subparsers.add_parser(
        "export", help="dump the store (or a filtered part) as PLOVER, JSONL or CSV",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Write the stored records of the articles that match the filters: jsonl (the depesha/1 "
        "records with their text), plover (one PLOVER event per line) or csv (one row per event).",
        epilog="examples:\n  depesha export --format plover > events.jsonl\n"
        "  depesha export --format csv --country KZ --since 2025 -o kz.csv\n")
    parser.add_argument("--format", choices=["jsonl", "plover", "csv"], default="jsonl", help="default jsonl")
    parser.add_argument("-o", "--output", help="file to write (default standard output)")
    add_event_filters(parser)
    add_db(parser)
    parser.set_defaults(func=run_export)
