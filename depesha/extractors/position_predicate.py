"""Titles used as predicates: "капитаном стал Михаель Баллак", "Иванов назначен послом", "является членом"."""

from __future__ import annotations

from ..doc import Entity, Token

SUBJECT_RELS = ("nsubj", "nsubj:pass")


def title_root(tokens: list[Token], first: int, last: int) -> int | None:
    """The token of tokens[first:last] whose syntactic head lies outside the title."""
    inside = {tokens[index].id for index in range(first, last)}
    return next((index for index in range(first, last) if tokens[index].head_id not in inside), None)


def predicate_subject(tokens: list[Token], first: int, last: int) -> int | None:
    """Index of the subject of the verb an instrumental title depends on ("капитаном стал X" -> X)."""
    root = title_root(tokens, first, last)
    if root is None or tokens[root].feats.get("Case") != "Ins" or not tokens[root].head_id:
        return None
    verb = tokens[root].head_id
    return next((index for index, token in enumerate(tokens)
                 if token.head_id == verb and token.rel in SUBJECT_RELS), None)


def person_covering(token: Token, people: list[tuple[int, int, Entity]]) -> Entity | None:
    return next((entity for start, stop, entity in people if start <= token.start < stop), None)


def predicate_person(tokens: list[Token], first: int, last: int,
                     people: list[tuple[int, int, Entity]]) -> Entity | None:
    """The person a title is predicated of, when the title is an instrumental complement of a verb."""
    subject = predicate_subject(tokens, first, last)
    return person_covering(tokens[subject], people) if subject is not None else None
