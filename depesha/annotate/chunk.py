"""Over-long sentences cut into pieces of at most MAX_TOKENS tokens: syntax and later stages cost grows with the
square of a sentence's length (a 240 KB text of one sentence took minutes), with pieces it grows linearly."""

from __future__ import annotations

from typing import Any

MAX_TOKENS = 200        # the longest sentence of the samples and gold articles has 56 tokens
BREAKS = {",", ";", ":", "—", "–", "-", ")"}


def cut_point(tokens: list[Any], limit: int) -> int:
    """Where to cut `tokens` (more than `limit` of them): after the last break in the second half, else at `limit`."""
    for index in range(limit, limit // 2, -1):
        if tokens[index - 1].text in BREAKS:
            return index
    return limit


def split_tokens(tokens: list[Any], limit: int = MAX_TOKENS) -> list[list[Any]]:
    """`tokens` in consecutive pieces of at most `limit`; a short list is one piece."""
    pieces = []
    while len(tokens) > limit:
        cut = cut_point(tokens, limit)
        pieces.append(tokens[:cut])
        tokens = tokens[cut:]
    pieces.append(tokens)
    return pieces


def split_sents(text: str, sents: list[Any], make: Any, limit: int = MAX_TOKENS) -> list[Any]:
    """natasha's sentences with each over-long one replaced by pieces built with `make(start, stop, text, tokens)`;
    offsets stay those of the original text. Sentences of at most `limit` tokens are returned as they are."""
    if all(len(sent.tokens) <= limit for sent in sents):
        return sents
    result = []
    for sent in sents:
        if len(sent.tokens) <= limit:
            result.append(sent)
            continue
        for piece in split_tokens(sent.tokens, limit):
            start, stop = piece[0].start, piece[-1].stop
            result.append(make(start, stop, text[start:stop], piece))
    return result


def group_sents(sents: list[Any], limit: int) -> list[tuple[int, int]]:
    """(start, stop) of runs of consecutive sentences holding at most `limit` tokens (more only for one sentence):
    windows for NER, whose memory grows with the length of the text it is given."""
    windows: list[list[int]] = []                # [start, stop, tokens]
    for sent in sents:
        if windows and windows[-1][2] + len(sent.tokens) <= limit:
            windows[-1][1:] = [sent.stop, windows[-1][2] + len(sent.tokens)]
        else:
            windows.append([sent.start, sent.stop, len(sent.tokens)])
    return [(start, stop) for start, stop, _ in windows]
