"""Run depesha over a factRuEval folder and write `book_N.task1` / `book_N.task3` for every document."""

from __future__ import annotations

import logging
import pickle
import sys
from collections.abc import Callable, Iterable
from dataclasses import fields
from pathlib import Path

from ...doc import Article, Doc
from .format import format_task1, format_task3
from .gold import list_docs
from .response import doc_facts, doc_mentions, to_raw

log = logging.getLogger(__name__)


def progress(items: list[str], desc: str) -> Iterable[str]:
    """tqdm on a terminal, the plain list otherwise."""
    if not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm
    except ImportError:
        return items
    return tqdm(items, desc=desc, unit="doc")


def load_cached(cache: Path | None, name: str, raw: str, extract: Callable[[str], Doc]) -> Doc:
    """Docs pickled under `cache` (a development aid for iterating on the mapping) or extracted now."""
    path = cache / f"{name}.pickle" if cache else None
    if path is not None and path.exists():
        try:
            with open(path, "rb") as file:
                doc = pickle.load(file)
            if doc.raw == raw:
                return doc
        except Exception:  # noqa: BLE001 - a stale cache entry is simply rebuilt
            log.info("stale cache entry %s", path)
    doc = extract(raw)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as file:
            pickle.dump(plain_doc(doc), file)
    return doc


def plain_doc(doc: Doc) -> Doc:
    """Only the declared Doc fields (records of depesha.doc), so pickles survive refactoring elsewhere."""
    return Doc(**{item.name: getattr(doc, item.name) for item in fields(Doc)})


def write_doc(out: Path, name: str, raw: str, doc: Doc | None, refine: bool = True) -> None:
    mentions = to_raw(doc_mentions(doc, refine), doc, raw) if doc is not None else []
    facts = doc_facts(doc, refine) if doc is not None else []
    (out / f"{name}.task1").write_text(format_task1(mentions), encoding="utf-8")
    (out / f"{name}.task3").write_text(format_task3(facts), encoding="utf-8")


def write_responses(gold_dir: str | Path, out: str | Path, limit: int | None = None,
                    cache: str | Path | None = None, refine: bool = True) -> list[str]:
    """Responses for the first `limit` documents; returns the names of documents that failed (written empty)."""
    from ... import extract_doc, make_pipeline

    pipeline = make_pipeline()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    failed = []
    names = list_docs(gold_dir)[:limit]
    for name in progress(names, "depesha"):
        with open(Path(gold_dir) / f"{name}.txt", encoding="utf-8-sig", newline="") as file:
            raw = file.read()
        try:
            def extract(text: str, name: str = name) -> Doc:
                return extract_doc(Article(text=text, source=name), pipeline)

            doc = load_cached(Path(cache) if cache else None, name, raw, extract)
            write_doc(out, name, raw, doc, refine)
        except Exception:  # noqa: BLE001 - one bad document must not stop the run
            log.exception("%s failed, empty responses written", name)
            failed.append(name)
            write_doc(out, name, raw, None)
    return failed
