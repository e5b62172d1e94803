"""Stage `learned events`: a classifier trained on the event corpus decides which acts between states a sentence
reports; its events join the rule events (scripts/train_events.py trains it, depesha/models/events.npz holds it)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..data import EVENT_CUES, load_table
from ..doc import Doc, Event, Sent, Token
from .context import children, governed, negated_clause
from .dates import find_date
from .roles import people_in
from .triggers import Trigger, TriggerType, find_triggers

MODEL = Path(__file__).resolve().parent.parent / "models" / "events.npz"
CONTENT = ("NOUN", "VERB", "ADJ", "ADV", "PROPN", "AUX")
NEGATION = ("не", "ни", "нет")
IRREALIS = ("если", "бы", "ли")
PHONE = ("телефон", "телефонный", "созвониться")
ONLINE = ("видеосвязь", "видеоконференция", "онлайн", "видеоформат")
VISIT = ("визит", "посетить", "прибыть", "принять", "встреча", "встретиться", "переговоры")


@dataclass
class Candidate:
    """A sentence with the states that may act in it, and the features the classifier reads."""

    sent: Sent
    states: list[str]
    features: list[str]


def sentence_states(doc: Doc, sent: Sent) -> list[str]:
    """States a sentence names: country names, adjectives and capitals; people, bodies and posts with a country."""
    found: list[str] = []

    def add(iso: str | None) -> None:
        if iso and iso not in found:
            found.append(iso)

    for mention in doc.geo:
        if sent.start <= mention.start < sent.stop:
            add(mention.iso)
    for entity in doc.entities:
        if entity.type in ("person", "organization") and entity.country and any(
                sent.start <= start < sent.stop for start, _stop in entity.mentions):
            add(entity.country)
    for position in doc.positions:
        if position.evidence and sent.start <= position.evidence[0] < sent.stop:
            add(position.country)
    return found


def lemma_key(token: Token) -> str:
    """A token's lemma as the cue lexicon and the features spell it: lower case, ё as е."""
    return (token.lemma or token.text).lower().replace("ё", "е")


@lru_cache(maxsize=1)
def cues() -> dict[str, str]:
    return {lemma: category for lemma, category in load_table(EVENT_CUES, 2)}


ARGUMENT_RELS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "advcl", "xcomp")


def state_tokens(doc: Doc, sent: Sent) -> set[str]:
    """Ids of the tokens inside a mention of a state, or of a person or body with a country."""
    spans = [(mention.start, mention.stop) for mention in doc.geo if sent.start <= mention.start < sent.stop]
    spans += [(start, stop) for entity in doc.entities if entity.type in ("person", "organization") and entity.country
              for start, stop in entity.mentions if sent.start <= start < sent.stop]
    return {token.id for token in sent.tokens if any(start <= token.start < stop for start, stop in spans)}


def cue_features(sent: Sent, marked: set[str]) -> list[str]:
    """For each cue word: its category, whether it is negated, and which of its arguments hold a state."""
    children: dict[str, list[Token]] = {}
    for token in sent.tokens:
        children.setdefault(token.head_id, []).append(token)

    def holds_state(token: Token, depth: int = 0) -> bool:
        return token.id in marked or (depth < 4 and any(holds_state(child, depth + 1)
                                                        for child in children.get(token.id, [])))

    names = []
    for token in sent.tokens:
        category = cues().get(lemma_key(token))
        if category is None:
            continue
        names.append(f"cue:{category}")
        for child in children.get(token.id, []):
            if child.lemma.lower() in NEGATION:
                names.append(f"negcue:{category}")
            elif child.rel in ARGUMENT_RELS and holds_state(child):
                names.append(f"cue:{category}:{child.rel}")
    return names


def features(doc: Doc, sent: Sent, states: list[str], own: int, number: int) -> list[str]:
    """Lemmas (negated ones marked), cue words and their state arguments, trigger categories and kinds, tense,
    and how the states were found."""
    names = [f"states:{min(len(states), 4)}", f"own:{min(own, 3)}", "bias"]
    if own < len(states):
        names.append("borrowed")
    if number == 0:
        names.append("first")
    tokens = sent.tokens
    for index, token in enumerate(tokens):
        if token.pos not in CONTENT:
            continue
        negated = index > 0 and tokens[index - 1].text.lower() in NEGATION
        names.append(("neg:" if negated else "l:") + lemma_key(token))
        if token.pos in ("VERB", "AUX"):
            tense = token.feats.get("Tense")
            if tense:
                names.append(f"tense:{tense}")
            if token.feats.get("VerbForm") in ("Inf", "Conv", "Part"):
                names.append(f"form:{token.feats['VerbForm']}")
    for trigger in find_triggers(tokens):
        names += [f"cat:{trigger.type.category}", f"kind:{trigger.type.kind}"]
    names += cue_features(sent, state_tokens(doc, sent))
    return sorted(set(names))


def candidates(doc: Doc) -> list[Candidate]:
    """Every sentence with two or more states, its own or borrowed from the sentence before it."""
    found = []
    before: list[str] = []
    for number, sent in enumerate(doc.sents):
        own = sentence_states(doc, sent)
        states = own + [iso for iso in before if iso not in own] if len(own) < 2 else own
        if len(states) >= 2:
            found.append(Candidate(sent, states, features(doc, sent, states, len(own), number)))
        before = own or before
    return found


@dataclass
class EventModel:
    """One-vs-rest logistic regression over feature names: vocabulary, weights [features, categories], bias."""

    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    categories: list[str]
    threshold: float

    @classmethod
    def load(cls, path: Path = MODEL) -> EventModel:
        data = np.load(path, allow_pickle=False)
        return cls({str(name): index for index, name in enumerate(data["vocabulary"])},
                   data["weights"].astype(np.float32), data["bias"].astype(np.float32),
                   [str(name) for name in data["categories"]], float(data["threshold"]))

    def scores(self, names: list[str]) -> np.ndarray:
        """Probability of each category for one candidate."""
        rows = [self.vocabulary[name] for name in names if name in self.vocabulary]
        logits = self.weights[rows].sum(axis=0) + self.bias
        return 1.0 / (1.0 + np.exp(-logits))


@lru_cache(maxsize=1)
def load() -> EventModel | None:
    """The shipped model, once per process; None when the package was built without it."""
    return EventModel.load() if MODEL.exists() else None


def covered(doc: Doc, category: str, candidate: Candidate) -> bool:
    """A rule event already reads this act (same category, nested country sets), or reads the sentence as more
    of an act it already told (an outcome: "российская сторона согласилась с этой просьбой")."""
    mine, sent = set(candidate.states), candidate.sent
    for event in doc.events:
        nested = mine <= set(event.countries) or set(event.countries) <= mine
        told_here = any(start < sent.stop and sent.start < stop for start, stop in event.evidence[1:])
        if nested and (event.category == category or (told_here and len(set(event.countries)) >= 2)):
            return True
    return False


def make_event(doc: Doc, candidate: Candidate, category: str) -> Event:
    sent = candidate.sent
    lemmas = {token.lemma.lower() for token in sent.tokens}
    mode = None
    if category == "CONSULT":
        mode = "phone" if lemmas & set(PHONE) else "online" if lemmas & set(ONLINE) else \
            "in_person" if lemmas & set(VISIT) else None
    anchor = doc.dateline.date or doc.published
    found = find_date(doc.text[sent.start:sent.stop], anchor) or ((anchor, "day") if anchor else None)
    people = [entity.id for entity, _start, _stop in people_in(doc, sent.start, sent.stop)
              if entity.country in candidate.states]
    kind = next((trigger.type.kind for trigger in find_triggers(sent.tokens) if trigger.type.category == category),
                category.lower())
    cue = next((token.text for token in sent.tokens if cues().get(lemma_key(token)) == category), "")
    return Event(id="", category=category, kind=kind, date=found[0] if found else None,
                 date_precision=found[1] if found else None, mode=mode, countries=list(candidate.states),
                 participants=list(dict.fromkeys(people)), evidence=[[sent.start, sent.stop]], trigger=cue,
                 summary=doc.text[sent.start:sent.stop].strip())


def cue_triggers(sent: Sent) -> list[Trigger]:
    return [Trigger(index, index + 1, TriggerType(category, "cue", None))
            for index, token in enumerate(sent.tokens)
            if (category := cues().get(lemma_key(token))) is not None]


def ruled_out(sent: Sent, category: str) -> bool:
    """The sentence names this category only in words that report no act: negated ("не смогли договориться"),
    conditional ("если Минск откажется") or governed by another act ("призвал согласиться")."""
    found = cue_triggers(sent)
    own = [trigger for trigger in found if trigger.type.category == category]
    others = [trigger for trigger in found if trigger.type.category != category]
    return bool(own) and all(
        negated_clause(sent, trigger) or governed(sent, trigger, others)
        or any(child.lemma.lower() in IRREALIS for child in children(sent, sent.tokens[trigger.first]))
        for trigger in own)


def add_events(doc: Doc, model: EventModel) -> None:
    """Adds the model's events between states that no rule event already states."""
    added: list[Event] = []
    for candidate in candidates(doc):
        probabilities = model.scores(candidate.features)
        for index in np.flatnonzero(probabilities >= model.threshold):
            category = model.categories[index]
            if not covered(doc, category, candidate) and not ruled_out(candidate.sent, category) and not any(
                    event.category == category and set(event.countries) == set(candidate.states) for event in added):
                added.append(make_event(doc, candidate, category))
    for event in added:
        event.id = f"v{len(doc.events) + 1}"
        doc.events.append(event)


def extract_learned_events(doc: Doc) -> Doc:
    """Stage `learned events`: the shipped model's events join the rule events."""
    model = load()
    if model is not None:
        add_events(doc, model)
    return doc
