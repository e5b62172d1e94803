"""Genitive chains after a title or a body: where the noun phrase ends."""

from __future__ import annotations

import pytest

from depesha.doc import Token
from depesha.extractors.chain import chain_end


def tokens(spec: str) -> list[Token]:
    """'text/POS/Case ...' (Case may be empty)."""
    found, offset = [], 0
    for item in spec.split():
        text, pos, case = item.split("/")
        found.append(Token(offset, offset + len(text), text, pos, {"Case": case} if case else {}))
        offset += len(text) + 1
    return found


@pytest.mark.parametrize(
    "spec, start, phrase",
    [
        ("начальника/NOUN/Gen пресс-службы/NOUN/Gen МЧС/PROPN/Gen по/ADP/ Санкт-Петербургу/PROPN/Dat и/CCONJ/ "
         "Ленобласти/PROPN/Dat Татьяна/PROPN/Nom", 1, "пресс-службы МЧС по Санкт-Петербургу и Ленобласти"),
        ("министра/NOUN/Gen связи/NOUN/Gen и/CCONJ/ коммуникаций/NOUN/Gen РФ/PROPN/Gen Игорь/PROPN/Nom", 1,
         "связи и коммуникаций РФ"),
        ("посол/NOUN/Nom Японии/PROPN/Gen в/ADP/ России/PROPN/Loc Масахару/PROPN/Nom", 1, "Японии в России"),
        ("глава/NOUN/Nom Минкомсвязи/PROPN/Gen и/CCONJ/ министр/NOUN/Nom", 1, "Минкомсвязи"),
    ],
)
def test_chain_end(spec, start, phrase):
    found = tokens(spec)
    end = chain_end(found, start)
    assert " ".join(token.text for token in found[start:end]) == phrase
