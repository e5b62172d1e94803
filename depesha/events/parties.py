"""Who takes part in an event: people joined to the trigger, subjects, and the person a descriptor
("турецкий депутат", "грузинский коллега") or a collective ("стороны") stands for."""

from __future__ import annotations

from ..doc import Doc, Entity, Sent, Token
from .context import COLLECTIVE, HOST_VERBS, HOSTED, case_of, children, hosted_tokens, index_of
from .roles import people_in
from .triggers import Trigger

# descriptor nouns and the titles they stand for ("монгольский премьер" = премьер-министр)
DESCRIPTOR_TITLES = {
    "премьер": ("премьер",), "вице-премьер": ("вице-премьер", "заместитель председателя правительства",
                                             "заместитель премьер"),
    "лидер": ("президент", "лидер", "председатель", "премьер"), "дипломат": ("посол", "министр иностранных",
                                                                       "заместитель министра иностранных", "дипломат"),
    "министр": ("министр",), "депутат": ("депутат",), "посол": ("посол",), "президент": ("президент",),
    "глава": ("глава", "министр", "председатель", "президент"), "представитель": ("представитель",),
    "председатель": ("председатель",), "спикер": ("спикер", "председатель"), "канцлер": ("канцлер",),
    "коллега": (),
}


def visitor_ok(doc: Doc, sent: Sent, trigger: Trigger) -> bool:
    """"прибыл", "посетил" is a visit when a person, an official or a delegation travels (not "прибыли сотрудники
    полиции"); the noun "визит" always is."""
    token = sent.tokens[trigger.first]
    if trigger.type.kind != "visit" or token.pos != "VERB":
        return True
    subject = subject_token(sent, trigger)
    if subject is None:
        return False
    if subject.lemma.lower() in HOSTED or subject.lemma.lower() in COLLECTIVE:
        return True
    spans = [(start, stop) for entity in doc.entities if entity.type == "person"
             for start, stop in entity.mentions if sent.start <= start < sent.stop]
    return any(mention_under(sent, subject, start, stop) for start, stop in spans)


def relative_antecedent(doc: Doc, sent: Sent, trigger: Trigger) -> Entity | None:
    """"принял X, который находится в Астане с визитом": the visitor is X, on whom the "который" clause hangs."""
    index = index_of(sent)
    current, steps = index.get(sent.tokens[trigger.first].head_id), 0
    while current is not None and steps < 3 and current.rel != "acl:relcl":
        current, steps = index.get(current.head_id), steps + 1
    if current is None or current.rel != "acl:relcl" or not any(
            child.head_id == current.id and child.rel.startswith("nsubj") and child.lemma.lower() == "который"
            for child in sent.tokens):
        return None
    antecedent = index.get(current.head_id)
    if antecedent is None:
        return None
    return next((entity for entity, start, stop in people_in(doc, sent.start, sent.stop)
                 if mention_under(sent, antecedent, start, stop)), None)


def linked_people(doc: Doc, sent: Sent, trigger: Trigger) -> list[Entity]:
    """People joined to the trigger by "с"/"между" (and their conjuncts): "встретился с X и Y"."""
    index = index_of(sent)
    people = people_in(doc, sent.start, sent.stop)
    token = sent.tokens[trigger.first]
    heads = {token.id}
    if token.head_id in index and token.rel in ("obj", "nsubj", "nsubj:pass", "xcomp"):
        heads.add(token.head_id)
    linked: list[Entity] = []
    for child in sent.tokens:
        if child.head_id not in heads or case_of(sent, child) not in ("с", "со", "между"):
            continue
        members = [child] + conjuncts(sent, child)
        for member in members:
            for entity, start, stop in people:
                if entity not in linked and mention_under(sent, member, start, stop):
                    linked.append(entity)
    return linked


def conjuncts(sent: Sent, token: Token) -> list[Token]:
    found, queue = [], [token]
    while queue:
        current = queue.pop()
        for child in children(sent, current):
            if child.rel == "conj":
                found.append(child)
                queue.append(child)
    return found


def mention_under(sent: Sent, token: Token, start: int, stop: int) -> bool:
    """The person mention is the token itself or hangs from it through appos/flat/nmod (its title's name)."""
    index = index_of(sent)
    for candidate in sent.tokens:
        if not (start <= candidate.start < stop):
            continue
        current: Token | None = candidate
        steps = 0
        while current is not None and steps < 4:
            if current is token:
                return True
            if current.rel not in ("appos", "flat:name", "flat", "nmod", "amod"):
                break
            current, steps = index.get(current.head_id), steps + 1
    return False


def subject_token(sent: Sent, trigger: Trigger) -> Token | None:
    """The subject of the trigger's clause (the trigger's own nsubj, or its head verb's)."""
    index = index_of(sent)
    current: Token | None = sent.tokens[trigger.first]
    steps = 0
    while current is not None and steps < 3:
        for child in children(sent, current):
            if child.rel in ("nsubj", "nsubj:pass"):
                return child
        current, steps = index.get(current.head_id), steps + 1
    return None


def collective_subject(sent: Sent, trigger: Trigger) -> bool:
    token = subject_token(sent, trigger)
    return (token is not None and token.feats.get("Number") == "Plur" and token.lemma.lower() in COLLECTIVE)


def descriptor_person(doc: Doc, sent: Sent, trigger: Trigger) -> Entity | None:
    """"турецкий депутат предложил": the person whose post fits the subject noun (and its country adjective),
    the most recently mentioned one before the sentence."""
    token = subject_token(sent, trigger)
    return described(doc, sent, token) if token is not None else None


def object_person(doc: Doc, sent: Sent, trigger: Trigger) -> Entity | None:
    """"пригласил грузинского коллегу", "поздравил турецкого лидера": the person the object stands for."""
    token = sent.tokens[trigger.first]
    spans = [(start, stop) for entity in doc.entities if entity.type == "person"
             for start, stop in entity.mentions if sent.start <= start < sent.stop]
    heads = [token]
    if token.pos == "NOUN" and token.rel == "obj" and token.head_id in index_of(sent):
        heads.append(index_of(sent)[token.head_id])  # "направил поздравление турецкому лидеру"
    for child in (child for head in heads for child in children(sent, head)):
        if child is not token and child.rel in ("obj", "iobj") and child.pos == "NOUN" \
                and not any(mention_under(sent, child, start, stop) for start, stop in spans):
            return described(doc, sent, child)
    return None


def described(doc: Doc, sent: Sent, token: Token) -> Entity | None:
    """The person a descriptor noun stands for: a fitting post (and country, when an adjective names one),
    the most recently mentioned before the sentence; "коллега" needs the country."""
    if token.feats.get("Number") == "Plur":
        return None
    lemma = token.lemma.lower()
    titles = DESCRIPTOR_TITLES.get(lemma, (lemma,))
    span = [child for child in children(sent, token) if child.rel in ("amod", "nmod")] + [token]
    countries = {mention.iso for mention in doc.geo
                 if any(part.start <= mention.start < part.stop for part in span)}
    if not titles and not countries:
        return None
    people = {entity.id: entity for entity in doc.entities if entity.type == "person"}
    candidates: dict[str, tuple[int, bool]] = {}
    for position in doc.positions:
        entity = people.get(position.person)
        if entity is None or (titles and not any(title in position.title.lower() for title in titles)):
            continue
        before = [start for start, _ in entity.mentions if start < sent.start]
        if not before:
            continue
        fits = not countries or (position.country or entity.country) in countries
        if not titles and not fits:
            continue
        last, seen = candidates.get(entity.id, (-1, False))
        candidates[entity.id] = (max(last, max(before)), seen or fits)
    if not candidates:
        return None
    ranked = sorted(candidates.items(), key=lambda item: (item[1][1], item[1][0]), reverse=True)
    return people[ranked[0][0]]


CORE_RELS = {"nsubj", "nsubj:pass", "obj", "obl", "obl:agent", "nmod", "iobj"}


def core_people(doc: Doc, sent: Sent, first: int) -> list[Entity]:
    """People syntactically attached to the trigger at token `first`: its subject ("которые" resolved to
    the noun it refers to), its object ("принял посла"), the agent of a passive, and people joined by
    "с"/"между" (or a bare genitive of a noun: "встреча Путина"), each with its conjuncts and titles."""
    index = index_of(sent)
    trigger = sent.tokens[first]
    anchors = {trigger.id}
    if trigger.pos in ("NOUN", "PROPN") and trigger.rel in ("obj", "nsubj", "nsubj:pass") and trigger.head_id in index:
        anchors.add(trigger.head_id)  # "провел переговоры", "состоялась встреча"
    roots: list[Token] = []
    for token in sent.tokens:
        if token.head_id not in anchors or token.id in anchors or token.rel not in CORE_RELS:
            continue
        case = case_of(sent, token)
        if token.rel in ("obl", "nmod") and case not in ("", "с", "со", "между"):
            continue
        if token.rel == "nmod" and case == "" and token.head_id != trigger.id:
            continue
        if token.lemma.lower() == "который" and trigger.rel == "acl:relcl" and trigger.head_id in index:
            token = index[trigger.head_id]
        roots += [token] + conjuncts(sent, token)
    if trigger.lemma.lower() in HOST_VERBS:
        roots += [token for token in hosted_tokens(sent, trigger) if token not in roots]
    people: list[Entity] = []
    for entity, start, stop in people_in(doc, sent.start, sent.stop):
        if entity not in people and any(mention_under(sent, root, start, stop) for root in roots):
            people.append(entity)
    return people
