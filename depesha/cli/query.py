"""`depesha events | people | relations | commitments | stats | search`: questions to a store."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from typing import Any

FORMATS = ["table", "json", "jsonl", "csv"]

# OUTPUT


def add_output_options(parser: argparse.ArgumentParser, limit: bool = True) -> None:
    from depesha.web.config import Settings

    settings = Settings()
    parser.add_argument("--db", default=settings.db, help=f"database (default {settings.db}; env DEPESHA_DB)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="table (default on a terminal), json, jsonl (default in a pipe) or csv")
    if limit:
        parser.add_argument("--limit", type=int, default=settings.page_size,
                            help=f"rows to print (default {settings.page_size}; env DEPESHA_PAGE_SIZE)")


def cell(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(cell(item) for item in value)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("title") or json.dumps(value, ensure_ascii=False))
    return "" if value is None else str(value)


def format_table(rows: list[dict[str, Any]], columns: list[str], width: int = 60) -> str:
    """Aligned columns, long cells cut to `width` characters."""
    cells = [[cell(row.get(column))[:width] for column in columns] for row in rows]
    sizes = [max([len(column)] + [len(line[index]) for line in cells]) for index, column in enumerate(columns)]
    lines = ["  ".join(column.upper().ljust(size) for column, size in zip(columns, sizes, strict=True))]
    lines += ["  ".join(value.ljust(size) for value, size in zip(line, sizes, strict=True)).rstrip() for line in cells]
    return "\n".join(lines)


def emit(rows: list[dict[str, Any]], fmt: str | None, columns: list[str]) -> None:
    """Print rows as a table on a terminal, else as JSONL, or in the format asked for."""
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "table":
        print(format_table(rows, columns) if rows else "(nothing found)")
    elif fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({column: cell(row.get(column)) for column in columns} for row in rows)


def run_query(args: argparse.Namespace, query: Callable[[Any], list[dict[str, Any]]], columns: list[str]) -> int:
    """Open the store, run the query, print; bad parameters and store errors become one line and exit 2."""
    from depesha.errors import StoreError
    from depesha.store import open_store

    try:
        store = open_store(args.db, create=False)
        with store.read() as conn:
            rows = query(conn)
    except (ValueError, StoreError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    emit(rows, args.format, columns)
    return 0


# FILTERS


def add_event_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--country", action="append", default=[], metavar="ISO2",
                       help="events with this country; repeat for a pair (KZ and MX)")
    group.add_argument("--person", help="a participant: name in any spelling, or entity id")
    group.add_argument("--org", dest="organization", help="a participating organisation: part of its name, or id")
    group.add_argument("--category", help="PLOVER category: CONSULT, AGREE, SUPPORT, REQUEST...")
    group.add_argument("--kind", help="meeting, talks, visit, phone_call, signing, proposal...")
    group.add_argument("--mode", help="online, in_person or phone")
    group.add_argument("--topic", help="PLOVER context: diplomatic, economic, environment...")
    group.add_argument("--since", help="first date, YYYY[-MM[-DD]]")
    group.add_argument("--until", help="last date, YYYY[-MM[-DD]]")
    group.add_argument("--text", help="words that the reporting articles contain (any inflected form)")


def make_filter(args: argparse.Namespace, countries: list[str] | None = None):  # -> EventFilter
    from depesha.store.filters import EventFilter

    return EventFilter(
        countries=countries if countries is not None else args.country, person=args.person,
        organization=args.organization, category=args.category, kind=args.kind, mode=args.mode,
        topic=args.topic, since=args.since, until=args.until, text=args.text,
    ).check()


def event_rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for item in items:
        item["who"] = [p["name"] for p in item.get("participants", []) if p["type"] != "country"]
    return items


EVENT_COLUMNS = ["id", "date", "category", "kind", "mode", "countries", "who", "articles", "summary"]

# COMMANDS


def run_events(args: argparse.Namespace) -> int:
    from depesha.store.filters import check_limit
    from depesha.store.queries import find_events

    return run_query(args, lambda conn: event_rows(
        find_events(conn, make_filter(args), limit=check_limit(args.limit)).items), EVENT_COLUMNS)


def run_relations(args: argparse.Namespace) -> int:
    from depesha.store.filters import check_limit
    from depesha.store.queries import find_events

    return run_query(args, lambda conn: event_rows(find_events(
        conn, make_filter(args, [args.a, args.b]), limit=check_limit(args.limit)).items), EVENT_COLUMNS)


def run_commitments(args: argparse.Namespace) -> int:
    from depesha.store.filters import check_limit
    from depesha.store.queries import find_events

    def query(conn: Any) -> list[dict[str, Any]]:
        flt = make_filter(args)
        flt.open = args.open
        items = event_rows(find_events(conn, flt, limit=check_limit(args.limit), commitments=True).items)
        for item in items:
            item["followed_by"] = [f"{f['kind']} {f['date']} (#{f['event']})" for f in item.get("followups", [])]
        return items

    return run_query(args, query, ["id", "date", "kind", "countries", "who", "followed_by", "summary"])


def run_people(args: argparse.Namespace) -> int:
    from depesha.store.queries import find_people

    def query(conn: Any) -> list[dict[str, Any]]:
        rows = []
        for person in find_people(conn, args.name, limit=args.limit):
            for position in person["positions"] or [{}]:
                rows.append({"id": person["id"], "name": person["name"], "country": person["country"],
                             "title": position.get("title"), "organization": position.get("organization_name"),
                             "first_seen": position.get("first_seen", person["first_seen"]),
                             "last_seen": position.get("last_seen", person["last_seen"]),
                             "reports": position.get("reports"), "evidence": position.get("evidence"),
                             "names": person["names"]})
        return rows

    return run_query(args, query, ["id", "name", "country", "title", "organization", "first_seen", "last_seen",
                                   "reports"])


def run_stats(args: argparse.Namespace) -> int:
    from depesha.store.queries import stats

    def query(conn: Any) -> list[dict[str, Any]]:
        numbers = stats(conn)
        rows = [{"what": key, "count": value} for key, value in numbers.items() if not isinstance(value, dict)]
        for group in ("entities", "events"):
            rows += [{"what": f"{group}.{key}", "count": value} for key, value in numbers[group].items()]
        return rows

    return run_query(args, query, ["what", "count"])


def run_search(args: argparse.Namespace) -> int:
    from depesha.store.filters import check_limit
    from depesha.store.queries import search

    def query(conn: Any) -> list[dict[str, Any]]:
        items = search(conn, " ".join(args.words), limit=check_limit(args.limit)).items
        for item in items:
            item["text"] = item["snippet"]["text"].replace("\n", " ")
        return items

    return run_query(args, query, ["id", "published", "source", "title", "text"])


# REGISTRATION


def add(subparsers: argparse._SubParsersAction, name: str, help: str, description: str, epilog: str,
        func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(name, help=help, description=description, epilog=epilog,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(func=func)
    return parser


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = add(subparsers, "events", "events in the store, filtered",
                 "List events (each real event once, with the number of articles that report it), in date order.",
                 "examples:\n  depesha events --country KZ --country MX --since 2025\n"
                 "  depesha events --person Кошанов --category CONSULT --format json\n"
                 "  depesha events --topic environment --mode online --format csv > events.csv\n", run_events)
    add_event_filters(parser)
    add_output_options(parser)

    parser = add(subparsers, "relations", "timeline of events between two countries",
                 "Every event in which both countries take part, in date order.",
                 "examples:\n  depesha relations KZ MX\n  depesha relations kz mx --since 2024-01 --format jsonl\n",
                 run_relations)
    parser.add_argument("a", metavar="ISO2", help="first country, e.g. KZ")
    parser.add_argument("b", metavar="ISO2", help="second country, e.g. MX")
    add_event_filters(parser)
    add_output_options(parser)

    parser = add(subparsers, "commitments", "proposals and agreements, and what followed them",
                 "Proposals, offers, invitations and agreements, each with the later events that fulfilled it.",
                 "examples:\n  depesha commitments --open\n  depesha commitments --country KZ --format json\n",
                 run_commitments)
    parser.add_argument("--open", action="store_true", help="only those not followed up yet")
    add_event_filters(parser)
    add_output_options(parser)

    parser = add(subparsers, "people", "a person's positions over time",
                 "Find persons by name (inflected, initials, either order, Latin) and list the posts each held, "
                 "with the dates first and last seen.",
                 "examples:\n  depesha people Турганбеков\n  depesha people 'Turganbekov Yerlan' --format json\n",
                 run_people)
    parser.add_argument("name", help="a name in any spelling, or an entity id")
    add_output_options(parser)

    parser = add(subparsers, "stats", "counts of what the store holds",
                 "Articles, duplicates, entities by type, events by category, commitments followed up.",
                 "examples:\n  depesha stats\n  depesha stats --db postgresql://localhost/depesha --format json\n",
                 run_stats)
    add_output_options(parser, limit=False)

    parser = add(subparsers, "search", "full-text search of article texts",
                 "Articles containing every word, in any inflected form (Russian morphology), latest stored first.",
                 "examples:\n  depesha search парламентские визиты\n  depesha search климат --format jsonl\n",
                 run_search)
    parser.add_argument("words", nargs="+", help="words to find")
    add_output_options(parser)
