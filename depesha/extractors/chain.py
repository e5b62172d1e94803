"""Genitive chains: how far a noun phrase runs to the right ("комиссии по ... нижней палаты Мексики")."""

from __future__ import annotations

from ..doc import Token

OPEN, CLOSE = "(", ")"
LINKS = {"по", "при", "в", "во", "на"}   # prepositions a post or body name may contain


def chain_end(tokens: list[Token], index: int, limit: int = 14, links: set[str] = LINKS,
              skips: dict[int, int] | None = None) -> int:
    """Index after the last token of the genitive/PP chain starting at `index`.

    `skips` maps the first token of a name the chain runs through (an organisation, a quoted title) to the
    index after it: "фотограф Ассошиэйтед Пресс", "редактор газеты «Радикальная политика»".
    """
    end, depth, steps = index, 0, 0
    while end < len(tokens) and steps < limit:
        token = tokens[end]
        steps += 1
        if skips and not depth and end in skips:
            end = skips[end]
            continue
        if token.text == OPEN:
            depth += 1
        elif token.text == CLOSE:
            if depth == 0:
                break
            depth -= 1
        elif depth:
            pass
        elif token.pos in ("NOUN", "PROPN", "ADJ", "NUM") and token.feats.get("Case") in ("Gen", None, "Loc", "Dat") \
                and not (token.pos == "PROPN" and token.feats.get("Case") == "Nom"):
            if token.feats.get("Case") in ("Loc", "Dat") and not preceded_by_link(tokens, end, index):
                break
        elif token.pos == "ADP" and token.text.lower() in links:
            pass
        elif token.pos == "CCONJ" and token.text.lower() == "и" and end + 1 < len(tokens) and end > index \
                and tokens[end + 1].feats.get("Case") in ("Gen", tokens[end - 1].feats.get("Case")):
            pass        # "комиссии по науке и образованию", "МЧС по Санкт-Петербургу и Ленобласти"
        else:
            break
        end += 1
    while end > index and (tokens[end - 1].pos in ("ADP", "CCONJ") or tokens[end - 1].text == OPEN):
        end -= 1
    return end


def preceded_by_link(tokens: list[Token], position: int, floor: int) -> bool:
    for back in range(position - 1, floor - 1, -1):
        token = tokens[back]
        if token.pos == "ADP":
            return token.text.lower() in LINKS
        if token.pos not in ("ADJ", "NUM", "DET", "NOUN", "PROPN", "CCONJ") or \
                token.pos in ("NOUN", "PROPN") and token.feats.get("Case") != tokens[position].feats.get("Case"):
            return False
    return False
