"""natasha's models, loaded once per process, and `adapt_*` functions into depesha's Doc."""

from __future__ import annotations

import logging
import time
from functools import lru_cache
from typing import Any

from ..doc import Doc, NerSpan, Sent, Token
from .chunk import split_sents
from .morph import analyzer

log = logging.getLogger(__name__)


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
        nat.tag_ner(models["ner"])
        doc.sents = []
        for sent in nat.sents:
            tokens = [adapt_token(token) for token in sent.tokens]
            doc.sents.append(Sent(start=sent.start, stop=sent.stop, tokens=tokens))
        doc.tokens = [token for sent in doc.sents for token in sent.tokens]
        doc.ner = [adapt_span(span) for span in nat.spans]
        return doc
