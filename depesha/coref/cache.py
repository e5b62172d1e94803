"""An annotated Doc as compact JSON and back, so that training reads natasha's output without rerunning it."""

from __future__ import annotations

from typing import Any

from ..doc import Doc, NerSpan, Sent, Token


def dump_doc(doc: Doc) -> dict[str, Any]:
    """text, sentences of token rows [start, stop, pos, feats, lemma, id, head_id, rel], and NER spans."""
    return {
        "text": doc.text,
        "sents": [[sent.start, sent.stop, [[t.start, t.stop, t.pos, "|".join(f"{k}={v}" for k, v in sorted(t.feats.items())),
                                             t.lemma, t.id, t.head_id, t.rel] for t in sent.tokens]] for sent in doc.sents],
        "ner": [[span.start, span.stop, span.type] for span in doc.ner],
    }


def load_doc(item: dict[str, Any]) -> Doc:
    """The Doc that `dump_doc` wrote: tokens, sents and ner filled in."""
    text = item["text"]
    doc = Doc(text=text, language="ru")
    for start, stop, rows in item["sents"]:
        tokens = [Token(start=a, stop=b, text=text[a:b], pos=pos,
                        feats=dict(pair.split("=", 1) for pair in feats.split("|")) if feats else {},
                        lemma=lemma, id=id, head_id=head, rel=rel)
                  for a, b, pos, feats, lemma, id, head, rel in rows]
        doc.sents.append(Sent(start=start, stop=stop, tokens=tokens))
    doc.tokens = [token for sent in doc.sents for token in sent.tokens]
    doc.ner = [NerSpan(start=a, stop=b, type=kind, text=text[a:b]) for a, b, kind in item["ner"]]
    return doc
