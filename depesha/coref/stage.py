"""Stage `coref`: the chains of one Doc (two or more mentions each, as [start, stop] spans in text order)."""

from __future__ import annotations

from ..doc import Doc
from .mentions import find_mentions
from .model import resolve
from .vectors import vector


def extract_coref(doc: Doc) -> Doc:
    """Fill `doc.coref` from the shipped mention-pair model; Docs without syntax (not Russian) get none."""
    doc.coref = []
    if not doc.sents or not any(token.head_id for token in doc.tokens[:50]):
        return doc
    for chain in resolve(find_mentions(doc), vector):
        doc.coref.append([[mention.start, mention.stop] for mention in chain])
    return doc
