"""Golden outputs of the sample articles: `diff` shows changes, `up` rewrites them after review.

Usage: .venv/bin/python tests/golden/ctl.py diff|up
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent


def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def golden_path(sample: Path) -> Path:
    return GOLDEN / f"{sample.stem}.json"


def render(sample: Path) -> str:
    """The record of one sample as stable, pretty JSON (the path made relative)."""
    import depesha

    record = depesha.extract(sample.read_text(encoding="utf-8"), source=f"samples/{sample.name}")
    return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "diff"
    changed = 0
    for sample in sample_paths():
        current, golden = render(sample), golden_path(sample)
        old = golden.read_text(encoding="utf-8") if golden.exists() else ""
        if current == old:
            continue
        changed += 1
        if command == "up":
            golden.write_text(current, encoding="utf-8")
            print(f"updated {golden.relative_to(ROOT)}")
        else:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), current.splitlines(True),
                                                       str(golden.relative_to(ROOT)), "current", n=2))
    print(f"{changed} of {len(sample_paths())} golden files differ", file=sys.stderr)
    return 1 if changed and command == "diff" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
