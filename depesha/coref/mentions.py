"""Mention candidates of one Doc: noun phrases by their syntactic subtree, names, pronouns, with their features."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..doc import Doc, Sent, Token

NAME, NOMINAL, PRONOUN, POSSESSIVE, RELATIVE = range(5)
KINDS = 5
PERSONAL = {"он", "она", "оно", "они", "я", "мы", "вы", "ты", "себя"}
POSSESSIVES = {"его", "ее", "её", "их", "свой", "наш", "мой", "ваш", "твой"}
RELATIVES = {"который", "где", "там", "здесь", "туда", "откуда", "куда", "тут", "чей"}
HEAD_POS = {"NOUN", "PROPN", "PRON", "DET", "ADV"}
CUT = {"acl:relcl", "parataxis", "conj", "cc"}          # not part of the phrase the head names
OWN_CUT = {"case", "mark", "cop", "advmod", "punct"}   # the head's own preposition, conjunction, copula
PUNCT = set(".,;:!?()—–-")
OPEN_QUOTES, CLOSE_QUOTES = set("«\"„“"), set("»\"“”")
NER_TYPES = {"PER": 1, "ORG": 2, "LOC": 3}
GENDERS = {"Masc": 1, "Fem": 2, "Neut": 3}
NUMBERS = {"Sing": 1, "Plur": 2}


@dataclass
class Mention:
    """A candidate mention: its span, head token and the attributes the pair model reads."""

    start: int
    stop: int
    head: Token
    sent: int
    kind: int
    ner: int = 0
    lemma: str = ""           # head lemma, lower case
    text: str = ""            # the span, lower case
    names: tuple[str, ...] = ()   # lemmas of the proper nouns in the span, in order
    gender: int = 0
    number: int = 0
    subject: bool = False


def head_kind(token: Token) -> int | None:
    lemma = token.lemma.lower()
    if token.pos == "PROPN":
        return NAME
    if lemma in RELATIVES:
        return RELATIVE
    if lemma in POSSESSIVES and token.pos in ("DET", "PRON"):
        return POSSESSIVE
    if token.pos == "PRON" and lemma in PERSONAL:
        return PRONOUN
    if token.pos == "NOUN":
        return NOMINAL
    return None


def children_of(sent: Sent) -> dict[str, list[Token]]:
    children: dict[str, list[Token]] = defaultdict(list)
    for token in sent.tokens:
        children[token.head_id].append(token)
    return children


def subtree(sent: Sent, head: Token, children: dict[str, list[Token]], index: int) -> tuple[int, int]:
    """Token indexes [i, j] of the contiguous stretch of the head's phrase around the head (at `index`)."""
    inside, stack = set(), [head]
    while stack:
        node = stack.pop()
        if node.id in inside:
            continue
        inside.add(node.id)
        stack.extend(child for child in children[node.id] if child.rel not in CUT
                     and not (node is head and (child.rel in OWN_CUT or child.rel == "acl" and child.start > head.start)))
    i = j = index
    while i > 0 and sent.tokens[i - 1].id in inside:
        i -= 1
    while j < len(sent.tokens) - 1 and sent.tokens[j + 1].id in inside:
        j += 1
    tokens = sent.tokens
    while i < j and tokens[i].text in PUNCT | OPEN_QUOTES | CLOSE_QUOTES and i != index:
        i += 1
    while j > i and tokens[j].text in PUNCT | OPEN_QUOTES | CLOSE_QUOTES and j != index:
        j -= 1
    if i > 0 and j + 1 < len(tokens) and tokens[i - 1].text in OPEN_QUOTES and tokens[j + 1].text in CLOSE_QUOTES:
        i, j = i - 1, j + 1          # '"Газпрома"': the quotes belong to the name
    quotes = sum(token.text in OPEN_QUOTES | CLOSE_QUOTES for token in tokens[i:j + 1])
    if quotes % 2 and j + 1 < len(tokens) and tokens[j + 1].text in CLOSE_QUOTES:
        j += 1                       # 'движения "Гринпис"': close the quote the phrase opened
    return i, j


def find_mentions(doc: Doc) -> list[Mention]:
    """Candidates in text order: one per head (its phrase) plus the NER spans that differ from every phrase."""
    found: dict[tuple[int, int], Mention] = {}
    ner_at = {(span.start, span.stop): span.type for span in doc.ner}
    for number, sent in enumerate(doc.sents):
        children = children_of(sent)
        for index, token in enumerate(sent.tokens):
            if token.pos not in HEAD_POS:
                continue
            kind = head_kind(token)
            if kind is None:
                continue
            if kind in (PRONOUN, POSSESSIVE, RELATIVE):
                i = j = index
            else:
                i, j = subtree(sent, token, children, index)
            span = (sent.tokens[i].start, sent.tokens[j].stop)
            if span not in found:
                found[span] = mention_of(doc, sent.tokens[i:j + 1], token, number, kind)
        for ner in doc.ner:
            if sent.start <= ner.start and ner.stop <= sent.stop and (ner.start, ner.stop) not in found:
                tokens = [t for t in sent.tokens if ner.start <= t.start and t.stop <= ner.stop]
                if tokens:
                    head = next((t for t in tokens if t.head_id not in {x.id for x in tokens}), tokens[0])
                    found[(ner.start, ner.stop)] = mention_of(doc, tokens, head, number, NAME)
    mentions = sorted(found.values(), key=lambda m: (m.start, -m.stop))
    covered = ner_of_tokens(doc)
    for mention in mentions:
        mention.ner = NER_TYPES.get(ner_at.get((mention.start, mention.stop), ""), 0) or covered.get(mention.head.start, 0)
    return mentions


def ner_of_tokens(doc: Doc) -> dict[int, int]:
    """Token start -> the NER type of the span covering that token (first span wins)."""
    covered: dict[int, int] = {}
    spans = sorted(doc.ner, key=lambda span: span.start)
    index = 0
    for token in doc.tokens:
        while index < len(spans) and spans[index].stop <= token.start:
            index += 1
        if index < len(spans) and spans[index].start <= token.start and token.stop <= spans[index].stop:
            covered[token.start] = NER_TYPES.get(spans[index].type, 0)
    return covered


def mention_of(doc: Doc, tokens: list[Token], head: Token, sent: int, kind: int) -> Mention:
    start, stop = tokens[0].start, tokens[-1].stop
    return Mention(
        start=start, stop=stop, head=head, sent=sent, kind=kind,
        lemma=head.lemma.lower().replace("ё", "е"),
        text=doc.text[start:stop].lower().replace("ё", "е").strip("«»\"„“” "),
        names=tuple(t.lemma.lower().replace("ё", "е") for t in tokens if t.pos == "PROPN"),
        gender=GENDERS.get(head.feats.get("Gender", ""), 0),
        number=NUMBERS.get(head.feats.get("Number", ""), 0),
        subject=head.rel.startswith("nsubj"),
    )
