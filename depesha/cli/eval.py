"""`depesha eval factru|nerel|events|coref`: score depesha against public gold standards."""

from __future__ import annotations

import argparse
import importlib
import importlib.util

# Each module defines `register(subparsers)` for one gold standard.
MODULES = ["depesha.eval.factru.cli", "depesha.eval.nerel.cli", "depesha.eval.events.cli", "depesha.eval.coref.cli"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="measure accuracy on factRuEval-2016, NEREL or the event corpus",
        description="Run depesha on a gold-standard collection, write responses in its official format and score them.",
        epilog="examples:\n  depesha eval factru ../shared/data/factrueval-2016/devset --out out/factru\n"
        "  depesha eval nerel ../shared/data/nerel-1.1/dev --out out/nerel --limit 20\n"
        "  depesha eval events gold/events/gold.json --split test --out out/events\n"
        "  depesha eval coref ../shared/data/rucoco/rucoco-train.jsonl.gz --split test --out out/coref",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    inner = parser.add_subparsers(dest="gold", metavar="GOLD")
    for name in MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).register(inner)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)
