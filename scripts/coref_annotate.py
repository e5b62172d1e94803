"""Annotate RuCoCo once with depesha's natasha stage and cache it (training and evaluation of coreference read it).

    PYTHONPATH=. python scripts/coref_annotate.py [../shared/data/rucoco/rucoco-train.jsonl.gz] [--out out/coref/annotated.jsonl.gz]
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import sys
import time

from depesha.coref.cache import dump_doc
from depesha.doc import Doc
from depesha.eval.coref.corpus import default_corpus, read_corpus


def annotate(item: tuple[str, str]) -> str:
    from depesha.stages import annotator

    doc_id, text = item
    doc = annotator()(Doc(text=text, language="ru"))
    return json.dumps({"id": doc_id, **dump_doc(doc)}, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", default=str(default_corpus()))
    parser.add_argument("--out", default="out/coref/annotated.jsonl.gz")
    parser.add_argument("--jobs", type=int, default=max(1, multiprocessing.cpu_count()))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    items = [(doc.id, doc.text) for doc in read_corpus(args.corpus, limit=args.limit)]
    import os

    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    started = time.perf_counter()
    with multiprocessing.Pool(args.jobs) as pool, gzip.open(args.out, "wt", encoding="utf-8") as out:
        for number, line in enumerate(pool.imap(annotate, items, chunksize=8), 1):
            out.write(line + "\n")
            if number % 100 == 0:
                print(f"{number}/{len(items)} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print(f"{len(items)} documents annotated in {time.perf_counter() - started:.0f} s -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
