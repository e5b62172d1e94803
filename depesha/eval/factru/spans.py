"""factRuEval's track 1 conventions on top of the core's mentions: names only; Интернет is an organisation.

The core already splits "A (B)" and lists, trims edges, makes ЕС/Кремль/НАТО organisations and grows
organisations to "японского МИДа", "МИД России", "делегации Китая" (depesha.extractors.spans, .entities).
What is left here is how factRuEval annotates: only named entities (a bare descriptor such as "парламент" or
"российского правительства" is not one), the media at large (СМИ) is no organisation, Интернет is one.
"""

from __future__ import annotations

from ...doc import Doc, NerSpan, Token
from ...extractors.spans import split_span, trim
from .format import Mention

__all__ = ["refine_mentions", "split_mention", "trim"]
TYPES = {"per": "PER", "org": "ORG", "loc": "LOC", "locorg": "LOC"}
DROP_LEMMAS = {"сми", "жж", "рф."}
ORG_WORDS = {"интернет"}   # factRuEval tags Интернет as an organisation


def tokens_in(doc: Doc, start: int, stop: int) -> list[Token]:
    return [token for token in doc.tokens if start <= token.start and token.stop <= stop]


def lemmas(tokens: list[Token]) -> str:
    return " ".join((token.lemma or token.text).lower() for token in tokens)


def split_mention(text: str, mention: Mention) -> list[Mention]:
    """natasha spans no entity took get the core's split and trim too."""
    tag, start, stop = mention
    span = NerSpan(start, stop, TYPES[tag], text[start:stop])
    return [(tag, piece.span.start, piece.span.stop) for piece in split_span(text, span)]


def named(doc: Doc, mention: Mention) -> bool:
    """Not a bare descriptor ("парламент", "федерального правительства") and not the media at large."""
    tag, start, stop = mention
    tokens = tokens_in(doc, start, stop)
    if not tokens or lemmas(tokens) in DROP_LEMMAS:
        return False
    return tag != "org" or any(not token.text.islower() for token in tokens)


def org_words(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    taken = [(start, stop) for _, start, stop in mentions]
    return [("org", token.start, token.stop) for token in doc.tokens
            if (token.lemma or "").lower() in ORG_WORDS and not any(a < token.stop and token.start < b for a, b in taken)]


def refine_mentions(doc: Doc, mentions: list[Mention], claimed: int | None = None) -> list[Mention]:
    """The first `claimed` mentions come from entities (already refined); the rest are raw natasha spans."""
    claimed = len(mentions) if claimed is None else claimed
    result = mentions[:claimed] + [piece for mention in mentions[claimed:] for piece in split_mention(doc.text, mention)]
    result = [mention for mention in result if named(doc, mention)]
    return result + org_words(doc, result)
