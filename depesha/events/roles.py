"""Who does what in a sentence: subjects, speakers and the countries a sentence names."""

from __future__ import annotations

from ..doc import Doc, Entity, Sent, Token

SUBJECT_RELS = ("nsubj", "nsubj:pass")
LINK_RELS = ("appos", "flat:name", "flat", "conj")
PRONOUNS = {"он", "она", "они"}


def token_index(sent: Sent) -> dict[str, Token]:
    return {token.id: token for token in sent.tokens}


def is_subject(sent: Sent, start: int, stop: int) -> bool:
    """A mention is a subject if it, or what it is in apposition to, is `nsubj`."""
    index = token_index(sent)
    for token in sent.tokens:
        if not (start <= token.start and token.stop <= stop):
            continue
        current: Token | None = token
        steps = 0
        while current is not None and steps < 4:
            if current.rel in SUBJECT_RELS:
                return True
            if current.rel not in LINK_RELS:
                break
            current, steps = index.get(current.head_id), steps + 1
    return False


def people_in(doc: Doc, start: int, stop: int) -> list[tuple[Entity, int, int]]:
    found = []
    for entity in doc.entities:
        if entity.type != "person":
            continue
        for mention_start, mention_stop in entity.mentions:
            if start <= mention_start and mention_stop <= stop:
                found.append((entity, mention_start, mention_stop))
    return sorted(found, key=lambda item: item[1])


def post_spans(doc: Doc) -> dict[str, list[list[int]]]:
    spans: dict[str, list[list[int]]] = {}
    for position in doc.positions:
        spans.setdefault(position.person, []).append(position.evidence)
    return spans


def subjects(doc: Doc, sent: Sent) -> list[Entity]:
    """People who are the grammatical subject of the sentence (directly or through their post)."""
    posts = post_spans(doc)
    found = []
    for entity, start, stop in people_in(doc, sent.start, sent.stop):
        spans = [[start, stop]] + [span for span in posts.get(entity.id, []) if sent.start <= span[0] < sent.stop]
        if any(is_subject(sent, span_start, span_stop) for span_start, span_stop in spans) and entity not in found:
            found.append(entity)
    return found


def pronoun_subject(sent: Sent) -> bool:
    return any(token.rel in SUBJECT_RELS and token.text.lower() in PRONOUNS for token in sent.tokens)


def countries_in(doc: Doc, start: int, stop: int) -> list[str]:
    found: list[str] = []
    for mention in doc.geo:
        if start <= mention.start and mention.stop <= stop and mention.iso not in found:
            found.append(mention.iso)
    return found


def orgs_in(doc: Doc, start: int, stop: int) -> list[Entity]:
    """Organisations mentioned between start and stop."""
    return [entity for entity in doc.entities if entity.type == "organization"
            and any(start <= mention_start and mention_stop <= stop for mention_start, mention_stop in entity.mentions)]


def place_in(doc: Doc, sent: Sent) -> str | None:
    """A city or country introduced by "в"/"во" in the sentence."""
    previous = {token.start: sent.tokens[index - 1].text.lower() for index, token in enumerate(sent.tokens) if index}
    for entity in doc.entities:
        if entity.type not in ("location",):
            continue
        for start, _stop in entity.mentions:
            if sent.start <= start < sent.stop and previous.get(start) in ("в", "во"):
                return entity.name
    return None
