"""Benchmark: depesha's full extraction vs natasha's own pipeline on the same texts, one core, one process.

Prints articles/s for both, their ratio, start-up time and peak RSS.
Run: .venv/bin/python bench/throughput.py [--dir ../shared/data/factrueval-2016/devset] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "factrueval-2016" / "devset"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def natasha_pass(texts: list[str]) -> float:
    from natasha import Doc

    from depesha.annotate.natasha import load_models

    models = load_models()
    started = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(models["segmenter"])
        doc.tag_morph(models["morph"])
        doc.parse_syntax(models["syntax"])
        doc.tag_ner(models["ner"])
    return time.perf_counter() - started


def depesha_pass(texts: list[str]) -> float:
    from depesha import Article, extract_doc, make_pipeline

    pipeline = make_pipeline()
    started = time.perf_counter()
    for text in texts:
        extract_doc(Article(text=text), pipeline).as_record()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    paths = sorted(args.dir.glob("*.txt"))
    if not paths:
        print(f"no .txt files in {args.dir}", file=sys.stderr)
        return 2
    texts = [path.read_text(encoding="utf-8-sig") for path in paths] * args.repeat
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    started = time.perf_counter()
    from depesha import make_pipeline

    make_pipeline()
    startup = time.perf_counter() - started
    depesha_pass(texts[:3])  # warm caches (pymorphy, gazetteers)
    natasha_seconds = natasha_pass(texts)
    depesha_seconds = depesha_pass(texts)
    n = len(texts)
    print(f"texts: {n} from {args.dir}")
    print(f"start-up (models + gazetteers): {startup:.2f} s")
    print(f"natasha pipeline: {n / natasha_seconds:.2f} articles/s")
    print(f"depesha extract:  {n / depesha_seconds:.2f} articles/s")
    print(f"ratio depesha/natasha: {natasha_seconds / depesha_seconds:.2f} (target >= 0.70)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB (target <= 500)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
