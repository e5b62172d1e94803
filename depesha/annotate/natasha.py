"""natasha's models, loaded once per process, and `adapt_*` functions into depesha's Doc."""

from __future__ import annotations

import logging
import time
from functools import lru_cache
from typing import Any

from ..doc import Doc, NerSpan, Sent, Token
from .chunk import group_sents, split_sents
from .morph import analyzer

log = logging.getLogger(__name__)
NER_WINDOW = 5000       # tokens tagged at once by NER (about 35 KB of text); the longest sample has 251


@lru_cache(maxsize=1)
def load_models() -> dict[str, Any]:
    """Segmenter, morphology, syntax and NER models (shipped inside natasha's package)."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    started = time.perf_counter()
    embedding = NewsEmbedding()
    models = {
        "segmenter": Segmenter(),
        "morph_vocab": analyzer(),
        "morph": NewsMorphTagger(embedding),
        "syntax": NewsSyntaxParser(embedding),
        "ner": NewsNERTagger(embedding),
        "embedding": embedding,
    }
    log.info("natasha models loaded in %.2f s", time.perf_counter() - started)
    return models


@lru_cache(maxsize=300_000)
def lemmatize(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    """natasha's lemmatizer, cached: the same word with the same tags has the same lemma."""
    return load_models()["morph_vocab"].lemmatize(word, pos, dict(feats))


class LazyToken(Token):
    """A Token whose lemma is looked up the first time it is read: most lemmas are never needed."""

    _lemma: str = ""

    @property  # type: ignore[override]
    def lemma(self) -> str:
        if not self._lemma:
            self._lemma = lemmatize(self.text, self.pos, tuple(sorted(self.feats.items())))
        return self._lemma

    @lemma.setter
    def lemma(self, value: str) -> None:
        self._lemma = value


def adapt_token(token: Any) -> Token:
    return LazyToken(start=token.start, stop=token.stop, text=token.text, pos=token.pos or "",
                     feats=dict(token.feats or {}), lemma="", id=token.id or "",
                     head_id=token.head_id or "", rel=token.rel or "")


def adapt_span(span: Any) -> NerSpan:
    return NerSpan(start=span.start, stop=span.stop, type=span.type, text=span.text)


def tag_ner(nat: Any, tagger: Any, window: int = NER_WINDOW) -> list[Any]:
    """NER spans over the whole text; a text of more than `window` tokens is tagged by runs of sentences, so memory
    stays bounded (one 500 KB text at once took 400 MB more). Spans keep offsets into the whole text."""
    if len(nat.tokens) <= window:
        nat.tag_ner(tagger)
        return list(nat.spans)
    spans = []
    for start, stop in group_sents(nat.sents, window):
        for span in tagger(nat.text[start:stop]).spans:
            spans.append(NerSpan(start=start + span.start, stop=start + span.stop, type=span.type,
                                 text=nat.text[start + span.start:start + span.stop]))
    return spans


class NatashaAnnotator:
    """Stage `annotate`: fills tokens, sents and ner from natasha's News models."""

    def __init__(self) -> None:
        self.models = load_models()

    def __call__(self, doc: Doc) -> Doc:
        from natasha import Doc as NatashaDoc
        from natasha.doc import DocSent

        models = self.models
        nat = NatashaDoc(doc.text)
        nat.segment(models["segmenter"])
        nat.sents = split_sents(doc.text, nat.sents, DocSent)
        nat.tag_morph(models["morph"])
        nat.parse_syntax(models["syntax"])
        spans = tag_ner(nat, models["ner"])
        doc.sents = []
        for sent in nat.sents:
            tokens = [adapt_token(token) for token in sent.tokens]
            doc.sents.append(Sent(start=sent.start, stop=sent.stop, tokens=tokens))
        doc.tokens = [token for sent in doc.sents for token in sent.tokens]
        doc.ner = [adapt_span(span) for span in spans]
        return doc
