"""Train the NEREL span taggers and relation classifiers; writes depesha/models/nerel_relations.npz.

    python scripts/train_relations.py ../shared/data/nerel-1.1 [--cache /tmp/nerel-cache] [--out MODEL]

Fits on `train/` only and prints dev figures for tuning; no train figure is reported.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

from depesha.doc import Doc, NerSpan, Sent, Token
from depesha.eval.nerel.gold import BratDoc, load_split

# ANNOTATE


def make_natasha():
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    return Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb), MorphVocab()


def annotate(text: str, tools) -> Doc:
    """natasha's segmentation, morphology, syntax and NER as a depesha Doc (as the core pipeline fills it)."""
    from natasha import Doc as NatashaDoc

    segmenter, morph, syntax, ner, vocab = tools
    nd = NatashaDoc(text)
    nd.segment(segmenter)
    nd.tag_morph(morph)
    nd.parse_syntax(syntax)
    nd.tag_ner(ner)
    sents = []
    for sent in nd.sents:
        tokens = []
        for t in sent.tokens:
            t.lemmatize(vocab)
            tokens.append(Token(t.start, t.stop, t.text, t.pos or "", dict(t.feats or {}), t.lemma or "",
                                t.id, t.head_id, t.rel or ""))
        sents.append(Sent(sent.start, sent.stop, tokens))
    ner_spans = [NerSpan(s.start, s.stop, s.type, s.text) for s in nd.spans]
    return Doc(text=text, raw=text, tokens=[t for s in sents for t in s.tokens], sents=sents, ner=ner_spans)


def load_annotated(dir: Path, cache: Path, pipeline: str) -> list[tuple[BratDoc, Doc]]:
    """(gold, annotated doc) pairs of a split, cached as a pickle."""
    path = cache / f"{dir.name}-{pipeline}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    golds = list(load_split(dir))
    if pipeline == "depesha":
        import depesha

        docs = [depesha.extract_doc(depesha.Article(text=gold.text)) for gold in golds]
    else:
        tools = make_natasha()
        docs = [annotate(gold.text, tools) for gold in golds]
    pairs = list(zip(golds, docs, strict=True))
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(pairs))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="NEREL root with train/ and dev/")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/nerel-cache"))
    parser.add_argument("--pipeline", choices=["natasha", "depesha"], default="natasha")
    parser.add_argument("--annotate-only", action="store_true")
    parser.add_argument("--c-tagger", type=float, default=1.0, help="inverse L2 strength of the span taggers")
    parser.add_argument("--tagger-iter", type=int, default=150, help="lbfgs iterations of the span taggers")
    parser.add_argument("--c-relation", type=float, default=1.0, help="inverse L2 strength of the pair classifiers")
    parser.add_argument("--tune", action="store_true", help="pick each relation's probability cut-off on dev")
    parser.add_argument("--bits", type=int, default=32, help="random-projection bits of navec vectors (0: none)")
    parser.add_argument("--centroids", action="store_true", help="with --bits: cosine to each entity type's mean vector")
    parser.add_argument("--occupations", action="store_true",
                        help="occupation-lexicon features (depesha/data/occupations.txt) in the span taggers")
    parser.add_argument("--taggers", type=Path, default=None, help="reuse the span taggers of this model file")
    parser.add_argument("--out", type=Path, default=None, help="model path (default: the shipped one)")
    args = parser.parse_args(argv)
    started = time.time()
    train = load_annotated(args.data / "train", args.cache, args.pipeline)
    dev = load_annotated(args.data / "dev", args.cache, args.pipeline)
    print(f"annotated {len(train)} train, {len(dev)} dev docs in {time.time() - started:.0f}s", file=sys.stderr)
    if args.annotate_only:
        return 0
    from train_relations_fit import fit  # noqa: PLC0415 - training-only module beside this script

    return fit(train, dev, args)


if __name__ == "__main__":
    sys.exit(main())
