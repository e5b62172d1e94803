"""Annotation for non-Russian text: sentences and tokens from razdel, no morphology or NER."""

from __future__ import annotations

from razdel import sentenize, tokenize

from ..doc import Doc, Sent, Token


def annotate_plain(doc: Doc) -> Doc:
    """Stage `annotate` for other languages: enough structure for gazetteer matches."""
    doc.sents = []
    for number, sent in enumerate(sentenize(doc.text), 1):
        tokens = [Token(start=sent.start + token.start, stop=sent.start + token.stop, text=token.text,
                        lemma=token.text.lower(), id=f"{number}_{index}")
                  for index, token in enumerate(tokenize(sent.text), 1)]
        doc.sents.append(Sent(start=sent.start, stop=sent.stop, tokens=tokens))
    doc.tokens = [token for sent in doc.sents for token in sent.tokens]
    doc.ner = []
    return doc
