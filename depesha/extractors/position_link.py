"""Which person a post belongs to: the name after it, before it, the subject of a predicate title, or the
name of a title it is listed with ("Гергей Ковач - политик и лидер партии")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import RELATIVES, load_lines
from ..doc import Doc, Entity, Token
from .position_predicate import (
    SUBJECT_RELS,
    apposed,
    in_case_of,
    person_covering,
    predicate_person,
    predicate_subject,
    title_root,
)

APPOSITION_GAP = {",", "—", "–", "-", "("}
QUOTES = {'"', "«", "»", "„", "“", "”"}


@dataclass
class Post:
    """A position phrase in the text, tokens [first, end)."""

    first: int
    head_last: int      # end of the lexicon match
    title_last: int     # end of the title (head + extension)
    end: int            # end of the whole phrase (with body and country)
    title: str
    sector: str
    person: Entity | None = None



class PersonFinder:
    """Person mentions by token index, for linking posts to the name next to them."""

    def __init__(self, doc: Doc) -> None:
        self.starts: dict[int, Entity] = {}
        self.stops: dict[int, Entity] = {}
        self.spans: list[tuple[int, int, Entity]] = []
        for entity in doc.entities:
            if entity.type != "person":
                continue
            for start, stop in entity.mentions:
                self.starts[start] = entity
                self.stops[stop] = entity
                self.spans.append((start, stop, entity))
        # mentions that are the subject of their clause: what a later "он" most often refers to
        subjects = [token.start for token in doc.tokens if token.rel in SUBJECT_RELS]
        self.subjects = frozenset(start for start, stop, _ in self.spans
                                  if any(start <= offset < stop for offset in subjects))

    def at(self, token: Token) -> Entity | None:
        return self.starts.get(token.start)

    def holder(self, tokens: list[Token], index: int) -> int:
        """The index of the name a title holds when tokens[index] starts a name: the next name instead, when it
        follows right after it ("врач Хиллари Клинтон Лиза Бардек", "советника Путина Михаила Лесина")."""
        first = self.at(tokens[index])
        last = next((n for n in range(index, len(tokens)) if self.ending(tokens[n]) is first), None)
        if first is None or last is None or last + 1 == len(tokens):
            return index
        following = tokens[last + 1]
        other = self.at(following)
        return last + 1 if other is not None and other is not first and following.start - tokens[last].stop <= 1 else index

    def ending(self, token: Token) -> Entity | None:
        return self.stops.get(token.stop)


def link_posts(tokens: list[Token], posts: list[Post], finder: PersonFinder) -> None:
    """Name after the post, name before it as apposition, or a list of posts before one name."""
    stacked = frozenset(post.first for post in posts)
    heads = frozenset(first for first in stacked if first and tokens[first - 1].text.lower() in (",", "и"))
    kin = kin_governed(tokens, posts)
    for number in range(len(posts) - 1, -1, -1):
        post = posts[number]
        if number in kin:       # only a name in the title's own case: "сын президента Ивана Петрова"
            post.person = kin_holder(tokens, post, finder)
            continue
        after = tokens[post.end] if post.end < len(tokens) else None
        name = finder.holder(tokens, post.end) if after is not None and finder.at(after) else None
        if name is not None and apposed(tokens, post.first, post.head_last, name):
            post.person = finder.at(tokens[name])
            continue
        subject = predicate_person(tokens, post.first, post.head_last, finder.spans, finder.subjects) \
            or titled_subject(tokens, post, posts)
        if subject is not None:
            post.person = subject
            continue
        if post.first >= 2 and tokens[post.first - 1].text == "(" and finder.ending(tokens[post.first - 2]):
            post.person = finder.ending(tokens[post.first - 2])
            continue
        joined = after is not None and (after.text == "," or after.text.lower() == "и" and post.end == post.head_last)
        if joined and number + 1 < len(posts):
            following = posts[number + 1]
            if following.first == post.end + 1 and following.person is not None:
                post.person = following.person
                continue
        ahead = person_ahead(tokens, post, finder, heads=heads, stacked=stacked)
        if ahead is not None:
            post.person = ahead
            continue
        gap = modifiers_start(tokens, post.first) - 1      # "Андрей Санников — бывший заместитель министра"
        if gap >= 1 and tokens[gap].text in APPOSITION_GAP and agrees(tokens[post.first], tokens[gap - 1]) \
                and not genitive_of(tokens[gap - 1], tokens[post.first]):
            person = finder.ending(tokens[gap - 1])
            if person is not None:
                post.person = person
                continue
        post.person = person_behind(tokens, post, finder) or apposition_head(tokens, post, finder)
    share_conjoined(tokens, posts)


def modifiers_start(tokens: list[Token], first: int) -> int:
    """Where the lower-case adjectives before a title begin ("бывший", "нынешний")."""
    while first and tokens[first - 1].pos == "ADJ" and tokens[first - 1].text.islower():
        first -= 1
    return first


def person_behind(tokens: list[Token], post: Post, finder: PersonFinder, limit: int = 8) -> Entity | None:
    """"Александра Брода, известного борца с ксенофобией, члена палаты": a name, an apposition, then the
    title, in the same case, with no verb between."""
    if post.first < 4 or tokens[post.first - 1].text != ",":
        return None
    case = tokens[post.first].feats.get("Case")
    for index in range(post.first - 2, max(post.first - 2 - limit, 0), -1):
        token = tokens[index]
        if token.pos in ("VERB", "AUX", "PRON", "SCONJ") or token.text in ".;:!?()—" or finder.ending(token):
            return None
        previous = tokens[index - 1]
        if token.text == "," and finder.ending(previous):
            agreeing = case is not None and previous.feats.get("Case") == case
            return finder.ending(previous) if agreeing else None
    return None


def apposition_head(tokens: list[Token], post: Post, finder: PersonFinder) -> Entity | None:
    """"Ислам Каримов с 1991 года президент Узбекистана": a nominative title with no verb, which the parser makes
    the apposition of a name before it, or the head of a name as its subject."""
    root = title_root(tokens, post.first, post.head_last)
    if root is None or tokens[root].feats.get("Case") != "Nom":
        return None
    if tokens[root].rel == "appos":
        name = next((index for index in range(root) if tokens[index].id == tokens[root].head_id), None)
    else:
        name = next((index for index in range(root) if tokens[index].head_id == tokens[root].id
                     and tokens[index].rel == "nsubj"), None)
    if name is None or any(token.pos in ("VERB", "AUX") for token in tokens[name:root]):
        return None
    return person_covering(tokens[name], finder.spans)


def titled_subject(tokens: list[Token], post: Post, posts: list[Post]) -> Entity | None:
    """"премьер-министром станет глава партии Имя": the subject is itself a title, already linked to a name."""
    subject = predicate_subject(tokens, post.first, post.head_last)
    other = next((other for other in posts if other is not post and other.first <= (subject or -1) < other.head_last), None)
    return other.person if other is not None else None


def kin_governed(tokens: list[Token], posts: list[Post]) -> set[int]:
    """Numbers of the posts in the genitive after a kinship noun, and of the posts listed after such a post: "дочь
    знаменитого писателя, актёра и режиссёра Мария Шукшина" names a daughter, not a writer (`kin_holder`)."""
    out: set[int] = set()
    for number, post in enumerate(posts):
        before = modifiers_start(tokens, post.first) - 1
        while before >= 0 and tokens[before].text in QUOTES:
            before -= 1
        if before >= 0 and (tokens[before].lemma or "").lower() in relatives() \
                and tokens[post.first].feats.get("Case") != "Nom":
            out.add(number)
        elif number - 1 in out and posts[number - 1].end + 1 == post.first \
                and tokens[post.first - 1].text.lower() in (",", "и"):
            out.add(number)
    return out


def kin_holder(tokens: list[Token], post: Post, finder: PersonFinder) -> Entity | None:
    """The first name after a post governed by a kinship noun, when it stands in the post's case."""
    root = title_root(tokens, post.first, post.head_last)
    for index in range(post.head_last, min(post.end + 1, len(tokens))):
        person = finder.at(tokens[index])
        if person is not None:
            return person if root is not None and in_case_of(tokens[root], tokens[index]) else None
    return None


@lru_cache(maxsize=1)
def relatives() -> frozenset[str]:
    """Lemmas of kinship nouns (depesha/data/relatives.txt)."""
    return frozenset(load_lines(RELATIVES))


def genitive_of(name: Token, title: Token) -> bool:
    """"Ли Пэн, соратник Цзян Цзэминя, премьер": a genitive name before a nominative title is another noun's."""
    return name.feats.get("Case") == "Gen" and title.feats.get("Case") == "Nom"


def share_conjoined(tokens: list[Token], posts: list[Post]) -> None:
    """"Гергей Ковач - политик и лидер партии": a title right after another one and "и" is the same person's."""
    for previous, post in zip(posts, posts[1:], strict=False):
        if post.person is None and previous.person is not None and previous.end == post.first - 1 \
                and tokens[post.first - 1].text.lower() in ("и", ","):
            post.person = previous.person


def agrees(title: Token, name: Token) -> bool:
    """An instrumental title is a predicate, not an apposition, unless the name is instrumental too."""
    return title.feats.get("Case") != "Ins" or name.feats.get("Case") == "Ins"


def person_ahead(tokens: list[Token], post: Post, finder: PersonFinder, limit: int = 10,
                 heads: frozenset[int] = frozenset(), stacked: frozenset[int] = frozenset()) -> Entity | None:
    """A name a few words on, with only nouns, adjectives and prepositions between ("посол X в Y Имя"),
    and no other title joined by "и" or a comma ("капитан клуба X и защитник Y Имя"). The phrase ends
    where a stacked title starts ("представитель армии | полковник Имя")."""
    end = None
    for index in range(post.head_last, min(post.head_last + limit, len(tokens))):
        token = tokens[index]
        if index in heads:
            return None
        if index in stacked and end is None:
            end = index
        if finder.at(token) is not None:
            name = finder.holder(tokens, index)
            if not apposed(tokens, post.first, post.head_last, name):
                return None
            post.end = end or index
            return finder.at(tokens[name])
        if token.pos in ("VERB", "AUX", "PRON", "SCONJ") or token.text in ",.;:!?—)" or second_head(tokens, index):
            return None
    return None


def second_head(tokens: list[Token], index: int) -> bool:
    """"Президент и | первая леди Имя": "и" before a nominative starts a second noun phrase, another person's."""
    token = tokens[index]
    return token.text.lower() == "и" and index + 1 < len(tokens) and tokens[index + 1].feats.get("Case") == "Nom"
