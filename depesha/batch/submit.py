"""Entry script for spark-submit: `spark-submit .../depesha/batch/submit.py INPUT... --out DIR`."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run `depesha batch` with these arguments; `--path` prints this file's path for spark-submit."""
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--path"]:
        print(__file__)
        return 0
    from depesha.cli.main import main as cli_main

    return cli_main(["batch", *argv])


if __name__ == "__main__":
    sys.exit(main())
