"""Stage `events`: triggers turned into events with participants, date, place, mode, topics and outcome."""

from __future__ import annotations

import re

from ..doc import Doc, Event, Sent
from .dates import find_date
from .roles import countries_in, people_in, place_in, pronoun_subject, subjects
from .topics import find_topics
from .triggers import Trigger, find_triggers

ONLINE = re.compile(r"онлайн|видеосвяз|видеоконференц|дистанционн|виртуальн|видеоформат", re.I)
PHONE = re.compile(r"по телефону|телефонн", re.I)
SUPPORTED = re.compile(r"(?:поддерж|одобр|принят|приняли|согласил|поддержан)", re.I)
REJECTED = re.compile(r"(?:отклон|отверг|не поддерж|отказал)", re.I)
PROPOSAL_NOUN = re.compile(r"\b(?:предложени|инициатив|приглашени|просьб)", re.I)
FUTURE = re.compile(r"планируем|предстоящ|будущ|следующ", re.I)
SPEECH_RANK = {"proposal": 0, "agreement": 1, "invitation": 2, "request": 3, "demand": 3, "rejection": 4,
               "offer": 5, "signing": 6, "ratification": 6, "congratulation": 7, "appointment": 8,
               "condemnation": 9, "criticism": 9, "accusation": 9, "protest": 9, "support": 10,
               "sanctions": 11, "expulsion": 11}
CONSULT_KINDS = ("meeting", "talks", "phone_call", "visit", "summit", "session")


class Builder:
    """Builds the events of one Doc, sentence by sentence."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.events: list[Event] = []
        self.main: Event | None = None
        self.last_speaker: str | None = None
        self.anchor = doc.dateline.date or doc.published

    def add(self, event: Event) -> Event:
        event.id = f"v{len(self.events) + 1}"
        self.events.append(event)
        return event

    def when(self, sent: Sent) -> tuple[str | None, str | None]:
        text = self.doc.text[max(sent.start, self.doc.dateline.stop) : sent.stop]
        found = find_date(text, self.anchor)
        if found:
            return found
        if self.anchor:
            return self.anchor, "day"
        return None, None

    def sentence(self, number: int, sent: Sent) -> None:
        doc = self.doc
        speakers = subjects(doc, sent)
        if speakers:
            self.last_speaker = speakers[0].id
        elif not pronoun_subject(sent):
            self.last_speaker = self.last_speaker if number else None
        found = [trigger for trigger in find_triggers(sent.tokens) if not self.subordinate(sent, trigger)]
        consult = [trigger for trigger in found if trigger.type.category == "CONSULT"]
        speech = sorted((trigger for trigger in found if trigger.type.category != "CONSULT"),
                        key=lambda trigger: SPEECH_RANK.get(trigger.type.kind, 99))
        if self.outcome_sentence(sent):
            return
        if consult:
            self.consult(sent, consult[0], speakers)
        if speech:
            self.speech(number, sent, speech[0], speakers)

    def subordinate(self, sent: Sent, trigger: Trigger) -> bool:
        """A future or proposed meeting ("предложил придать встречам ...") is part of another event."""
        token = sent.tokens[trigger.first]
        if trigger.type.category == "CONSULT":
            before = " ".join(t.text for t in sent.tokens[max(0, trigger.first - 6) : trigger.first])
            if FUTURE.search(before):
                return True
            index = {t.id: t for t in sent.tokens}
            current, steps = index.get(token.head_id), 0
            while current is not None and steps < 6:
                lemma = current.lemma.lower()
                if lemma in ("предложить", "пригласить", "договориться", "призвать", "согласиться", "планировать"):
                    return True
                current, steps = index.get(current.head_id), steps + 1
        return False

    def outcome_sentence(self, sent: Sent) -> bool:
        """"Предложение было единогласно поддержано": the outcome of the last proposal."""
        text = self.doc.text[sent.start : sent.stop]
        proposals = [event for event in self.events if event.kind in ("proposal", "request", "invitation")]
        if not proposals or not PROPOSAL_NOUN.search(text[:60]):
            return False
        last = proposals[-1]
        if REJECTED.search(text):
            last.outcome = "rejected"
        elif SUPPORTED.search(text):
            last.outcome = "supported"
        else:
            return False
        last.evidence.append([sent.start, sent.stop])
        return True

    def consult(self, sent: Sent, trigger: Trigger, speakers: list) -> None:
        doc = self.doc
        kind = trigger.type.kind
        text = doc.text[sent.start : sent.stop]
        people = [entity.id for entity, _, _ in people_in(doc, sent.start, sent.stop)]
        if not speakers and pronoun_subject(sent) and self.last_speaker and self.last_speaker not in people:
            people.insert(0, self.last_speaker)
        date, precision = self.when(sent)
        same = next((event for event in self.events if event.category == "CONSULT" and event.kind == kind
                     and event.date == date), None)
        if same is not None:
            same.evidence.append([max(sent.start, doc.dateline.stop), sent.stop])
            same.participants += [person for person in people if person not in same.participants]
            if self.mode(text, trigger) in ("online", "phone"):
                same.mode = self.mode(text, trigger)
            same.place = same.place or place_in(doc, sent)
            return
        event = self.add(Event(
            id="", category="CONSULT", kind=kind, date=date, date_precision=precision,
            mode=self.mode(text, trigger), place=place_in(doc, sent), countries=countries_in(doc, sent.start, sent.stop),
            participants=people, initiator=people[0] if kind == "visit" and people else None,
            evidence=[[max(sent.start, doc.dateline.stop), sent.stop]],
            trigger=" ".join(token.text for token in sent.tokens[trigger.first : trigger.last]),
            summary=text.strip(),
        ))
        if self.main is None:
            self.main = event

    def mode(self, text: str, trigger: Trigger) -> str | None:
        """online or phone when the text says so; otherwise a meeting is held in person."""
        if ONLINE.search(text):
            return "online"
        if PHONE.search(text) or trigger.type.mode == "phone":
            return "phone"
        return trigger.type.mode or "in_person"

    def speech(self, number: int, sent: Sent, trigger: Trigger, speakers: list) -> None:
        doc = self.doc
        kind = trigger.type.kind
        initiator = speakers[0].id if speakers else (self.last_speaker if pronoun_subject(sent) else None)
        people = [entity.id for entity, _, _ in people_in(doc, sent.start, sent.stop)]
        if initiator and initiator not in people:
            people.insert(0, initiator)
        date, precision = self.when(sent)
        outcome = {"proposal": "proposed", "request": "proposed", "invitation": "proposed", "demand": "proposed",
                   "agreement": "agreed", "rejection": "rejected"}.get(kind)
        text = doc.text[sent.start : sent.stop]
        if kind in ("proposal", "request", "invitation") and REJECTED.search(text[text.find(" ", 20):]):
            outcome = "rejected"
        self.add(Event(
            id="", category=trigger.type.category, kind=kind, date=date, date_precision=precision,
            mode=None, place=None, countries=countries_in(doc, sent.start, sent.stop), participants=people,
            initiator=initiator, outcome=outcome,
            related=[self.main.id] if self.main is not None else [],
            evidence=[[max(sent.start, doc.dateline.stop), sent.stop]],
            trigger=" ".join(token.text for token in sent.tokens[trigger.first : trigger.last]),
            summary=text.strip(),
        ))


def finish(doc: Doc, builder: Builder) -> None:
    """Participants' countries, article-wide participants and topics of the main meeting."""
    people = {entity.id: entity for entity in doc.entities if entity.type == "person"}
    main = builder.main
    if main is not None:
        first = main.evidence[0][0]
        for sent in doc.sents:
            if sent.start < first:
                continue
            for entity in subjects(doc, sent):
                if entity.id not in main.participants:
                    main.participants.append(entity.id)
        main.topics = find_topics(doc.tokens)
    for event in builder.events:
        for person in event.participants:
            country = people[person].country if person in people else None
            if country and country not in event.countries:
                event.countries.append(country)
        if event is not main:
            event.topics = find_topics(scope_tokens(doc, event))
        if event.category in ("CONSULT", "AGREE") and len(event.countries) > 1 and "diplomatic" not in event.topics:
            event.topics.append("diplomatic")


def scope_tokens(doc: Doc, event: Event) -> list:
    """Tokens of the event's sentences and of the sentence before the first one."""
    starts = [span[0] for span in event.evidence]
    sents = doc.sents
    chosen = set()
    for index, sent in enumerate(sents):
        if any(sent.start <= start < sent.stop for start in starts):
            chosen.add(index)
            if index:
                chosen.add(index - 1)
    return [token for index in sorted(chosen) for token in sents[index].tokens]


def extract_events(doc: Doc) -> Doc:
    """Stage `events`: fills doc.events."""
    builder = Builder(doc)
    for number, sent in enumerate(doc.sents):
        builder.sentence(number, sent)
    finish(doc, builder)
    doc.events = builder.events
    return doc
