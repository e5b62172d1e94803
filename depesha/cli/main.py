"""Entry point of the `depesha` command: builds the parser from the command modules."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import os
import sys

# natasha's models run numpy matrix products on small batches; extra BLAS threads only fight each other
# (3x slower measured on a busy 2-core machine). Set before numpy is imported; an explicit value wins.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

# Each module defines `register(subparsers)`, which adds its commands and sets `func` on them.
MODULES = [
    "depesha.cli.extract",
    "depesha.cli.store",
    "depesha.cli.query",
    "depesha.cli.serve",
    "depesha.cli.eval",
    "depesha.cli.batch",
]

DESCRIPTION = """\
depesha reads Russian news about international relations and returns structured records:
people with positions, organisations, countries, and events (meetings, visits, proposals...)
with every fact tied to the characters of the text that support it.

examples:
  depesha extract article.txt --format json
  depesha ingest samples/ --db depesha.db
  depesha relations KZ MX
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="depesha", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in MODULES:
        if importlib.util.find_spec(name) is None:
            continue
        importlib.import_module(name).register(subparsers)
    return parser


def only_depesha(record: logging.LogRecord) -> bool:
    """Pass depesha's own log records; other libraries' are shown with -v."""
    return record.name == "depesha" or record.name.startswith("depesha.")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from depesha import __version__

        print(__version__)
        return 0
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if not args.verbose:      # trafilatura's "discarding data" and the like: the one-line errors already say it
        logging.getLogger().handlers[0].addFilter(only_depesha)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as error:  # a file that cannot be read or written (the output of export, a full disk...)
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
