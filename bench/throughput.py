"""Benchmark: depesha's full extraction vs natasha's own pipeline on the same texts, one core, one process.

Prints articles/s for both, their ratio, start-up time and peak RSS. The two run interleaved, text by text, so a
busy or niced machine slows both alike; the ratio is taken from the process's CPU time (wall time shown too).
Run: .venv/bin/python bench/throughput.py [--dir ../shared/data/factrueval-2016/devset] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "factrueval-2016" / "devset"
sys.path.insert(0, str(ROOT))  # measure this tree's package, not whichever one is installed


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def natasha_run() -> Callable[[str], object]:
    from natasha import Doc

    from depesha.annotate.natasha import load_models

    models = load_models()

    def run(text: str) -> object:
        doc = Doc(text)
        doc.segment(models["segmenter"])
        doc.tag_morph(models["morph"])
        doc.parse_syntax(models["syntax"])
        doc.tag_ner(models["ner"])
        return doc

    return run


def depesha_run() -> Callable[[str], object]:
    from depesha import Article, extract_doc, make_pipeline

    pipeline = make_pipeline()
    return lambda text: extract_doc(Article(text=text), pipeline).as_record()


def interleaved(texts: list[str], runs: list[Callable[[str], object]]) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each run over all texts, the runs taking turns on every text."""
    totals = [[0.0, 0.0] for _ in runs]
    for text in texts:
        for run, total in zip(runs, totals, strict=True):
            wall, cpu = time.perf_counter(), time.process_time()
            run(text)
            total[0] += time.perf_counter() - wall
            total[1] += time.process_time() - cpu
    return [(wall, cpu) for wall, cpu in totals]


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
    import depesha

    depesha.make_pipeline()
    startup = time.perf_counter() - started
    extract = depesha_run()
    for text in texts[:3]:  # warm caches (pymorphy, gazetteers)
        extract(text)
    (natasha_wall, natasha_cpu), (depesha_wall, depesha_cpu) = interleaved(texts, [natasha_run(), extract])
    n = len(texts)
    print(f"texts: {n} from {args.dir}; package {Path(depesha.__file__).parent}")
    print(f"start-up (models + gazetteers): {startup:.2f} s")
    print(f"natasha pipeline: {n / natasha_cpu:.2f} articles/CPU-s, {n / natasha_wall:.2f} articles/s")
    print(f"depesha extract:  {n / depesha_cpu:.2f} articles/CPU-s, {n / depesha_wall:.2f} articles/s")
    print(f"ratio depesha/natasha: {natasha_cpu / depesha_cpu:.2f} by CPU time, {natasha_wall / depesha_wall:.2f} "
          "by wall time (target >= 0.70)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB (target <= 500)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
