"""Score a folder of factRuEval responses against a gold folder, micro-summed over documents."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .facts import FACT_TYPES, gold_facts, parse_task3
from .gold import GoldDoc, load_jobs, read_lines
from .metrics import Metric, format_table, sum_metrics
from .score_t1 import TAGS, TAGS_L, parse_task1
from .score_t1 import score_doc as score_t1
from .score_t3 import score_doc as score_t3

log = logging.getLogger(__name__)

SETTINGS = {"t1": ("task1", False), "t1_l": ("task1", True), "t3": ("task3", False), "t3_m": ("task3", True)}
TITLES = {"t1": "track 1", "t1_l": "track 1, -l (locorg as loc)", "t3": "track 3 (easy)", "t3_m": "track 3, -m (hard)"}


def jobs_path(gold_dir: str | Path) -> Path:
    """jobs_processed.txt sits next to devset/ and testset/."""
    return Path(gold_dir).resolve().parent / "jobs_processed.txt"


def response_lines(folder: Path, name: str, ext: str) -> list[str] | None:
    path = folder / f"{name}.{ext}"
    return read_lines(path) if path.exists() else None


def score_setting(golds: list[GoldDoc], folder: Path, key: str, jobs: dict[str, str]) -> tuple[dict[str, Metric], dict]:
    """Totals and per-document overall rows of one setting; a missing response file is an error row."""
    ext, flag = SETTINGS[key]
    rows, per_doc = [], {}
    for doc in golds:
        lines = response_lines(folder, doc.name, ext)
        if lines is None:
            log.warning("missing response file %s.%s: scored as empty", doc.name, ext)
            lines = []
        if ext == "task1":
            row = score_t1(doc, parse_task1(lines, doc.name), merge_locorg=flag)
        else:
            row = score_t3(gold_facts(doc, jobs, hard=flag), parse_task3(lines, doc.name))
        rows.append(row)
        per_doc[doc.name] = sum_metrics([row], list(row))["overall"].as_json()
    tags = FACT_TYPES if ext == "task3" else (TAGS_L if flag else TAGS)
    return sum_metrics(rows, tags), per_doc


def score_folder(golds: list[GoldDoc], folder: str | Path, gold_dir: str | Path) -> dict[str, Any]:
    """Every setting (t1, t1 -l, t3 easy, t3 -m): tables plus a JSON-ready report."""
    jobs = load_jobs(jobs_path(gold_dir))
    if not jobs:
        log.warning("no jobs_processed.txt next to %s: positions accept only their span text", gold_dir)
    report: dict[str, Any] = {"documents": len(golds), "gold_errors": {d.name: d.errors for d in golds if d.errors}}
    tables = {}
    for key in SETTINGS:
        totals, per_doc = score_setting(golds, Path(folder), key, jobs)
        report[key] = {tag: metric.as_json() for tag, metric in totals.items()}
        report[f"{key}_docs"] = per_doc
        tables[key] = format_table(totals, TITLES[key])
    report["tables"] = tables
    return report
