"""Stage `events`: triggers turned into events with participants, date, place, mode, topics and outcome."""

from __future__ import annotations

import re

from ..doc import Doc, Event, Sent
from .context import (
    PEOPLE_OBJECT_KINDS,
    clause_stop,
    governed,
    hosting,
    infinitive,
    is_future,
    is_reference,
    light_verb_ok,
    manner,
    negated_clause,
    people_object,
    secondary,
    takes_place,
    told,
)
from .dates import find_date
from .finish import finish
from .parties import (
    collective_subject,
    descriptor_person,
    linked_people,
    object_person,
    relative_antecedent,
    visitor_ok,
)
from .roles import countries_in, people_in, place_in, pronoun_subject, subjects
from .triggers import Trigger, find_triggers

ONLINE = re.compile(r"онлайн|видеосвяз|видеоконференц|дистанционн|виртуальн|видеоформат", re.I)
PHONE = re.compile(r"по телефону|телефонн", re.I)
SUPPORTED = re.compile(r"(?:поддерж|одобр|принят|принял|приняли|поддержан)", re.I)
AGREED = re.compile(r"(?:согласил|удовлетвор)", re.I)
REJECTED = re.compile(r"(?:отклон|отверг|не поддерж|отказал)", re.I)
PROPOSAL_NOUN = re.compile(r"\b(?:предложени|инициатив|приглашени|просьб)", re.I)
PROPOSAL_BACK = re.compile(r"\b(?:эт|данн|указанн|соответствующ)\w*\s+(?:предложени|инициатив|приглашени|просьб)", re.I)
FUTURE = re.compile(r"планируем|запланирован|предстоящ|будущ|следующ|очередн|подготовк", re.I)
PROPOSAL_OBJECT = ("предложение", "инициатива")
IRREALIS_KINDS = ("proposal", "offer", "invitation", "request", "demand")  # future-oriented by nature
SPEECH_NOUNS = ("предложение", "приглашение", "поздравление", "просьба")
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

    def span(self, sent: Sent) -> list[int]:
        """The sentence as evidence, without the dateline when the sentence starts inside it."""
        stop = self.doc.dateline.stop
        start = stop if sent.start < stop < sent.stop else sent.start
        return [start, sent.stop]

    def summary(self, sent: Sent) -> str:
        start, stop = self.span(sent)
        return self.doc.text[start:stop].strip()

    def add(self, event: Event) -> Event:
        event.id = f"v{len(self.events) + 1}"
        self.events.append(event)
        return event

    def when(self, sent: Sent, trigger: Trigger | None = None) -> tuple[str | None, str | None]:
        """The first date of the sentence; for an act that looks ahead (a proposal, an invitation, a request) only
        a date before its trigger or just after it counts ("пригласил посетить Баку в июне" is dated today)."""
        stop = sent.stop
        if trigger is not None and trigger.type.kind in IRREALIS_KINDS:
            stop = max(sent.tokens[min(trigger.last + 2, len(sent.tokens)) - 1].stop,
                       clause_stop(sent, sent.tokens[trigger.first]))
        text = self.doc.text[self.span(sent)[0] : stop]
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
        found = [trigger for trigger in find_triggers(sent.tokens) + hosting(sent, doc)
                 if not self.subordinate(sent, trigger) and not negated_clause(sent, trigger)
                 and (trigger.type.kind not in PEOPLE_OBJECT_KINDS or people_object(doc, sent, trigger))]
        consult = sorted((trigger for trigger in found if trigger.type.category == "CONSULT"
                          and not secondary(sent, trigger) and not infinitive(sent, trigger)
                          and visitor_ok(doc, sent, trigger)),
                         key=lambda trigger: (is_reference(sent, trigger), trigger.first))
        speech = sorted((trigger for trigger in found if trigger.type.category != "CONSULT"
                         and not is_reference(sent, trigger) and not secondary(sent, trigger)
                         and (sent.tokens[trigger.first].lemma.lower() not in SPEECH_NOUNS or light_verb_ok(sent, trigger))),
                        key=lambda trigger: (governed(sent, trigger, found), SPEECH_RANK.get(trigger.type.kind, 99)))
        outcome = self.outcome_sentence(sent, speakers)
        own = [trigger for trigger in consult if not is_reference(sent, trigger)]
        kinds: set[str] = set()
        for trigger in own or consult[:1]:  # "находящийся с визитом в Ташкенте, провел переговоры": both
            if trigger.type.kind not in kinds:
                kinds.add(trigger.type.kind)
                self.consult(sent, trigger, speakers)
        if speech and not outcome:
            self.speech(number, sent, speech[0], speakers)

    def subordinate(self, sent: Sent, trigger: Trigger) -> bool:
        """A future or proposed meeting ("предложил придать встречам ...") is part of another event."""
        token = sent.tokens[trigger.first]
        if trigger.type.kind not in IRREALIS_KINDS and (is_future(sent, trigger) or infinitive(sent, trigger)):
            return True  # "планируется подписать", "откажется": a promise or a threat, not the act
        if any(child.head_id == token.id and child.rel == "mark" and child.lemma.lower() in ("если", "ежели")
               for child in sent.tokens):
            return True  # "если Минск откажется платить": hypothetical
        if trigger.type.category == "CONSULT":
            before = " ".join(t.text for t in sent.tokens[max(0, trigger.first - 6) : trigger.first])
            if FUTURE.search(before) or is_future(sent, trigger) or manner(sent, trigger):
                return True
            index = {t.id: t for t in sent.tokens}
            current, steps = index.get(token.head_id), 0
            while current is not None and steps < 6:
                lemma = current.lemma.lower()
                if lemma in ("предложить", "пригласить", "договориться", "призвать", "согласиться", "планировать",
                             "предложение", "перенести", "перенос", "приглашение"):
                    return True
                current, steps = index.get(current.head_id), steps + 1
        return False

    def outcome_sentence(self, sent: Sent, speakers: list) -> bool:
        """"Предложение было единогласно поддержано", "согласилась с этой просьбой": the outcome of the last
        proposal, request or invitation."""
        text = self.doc.text[sent.start : sent.stop]
        proposals = [event for event in self.events if event.kind in ("proposal", "request", "invitation")]
        if not proposals or not (PROPOSAL_NOUN.search(text[:60]) or PROPOSAL_BACK.search(text)):
            return False
        last = proposals[-1]
        if REJECTED.search(text):
            last.outcome = "rejected"
        elif AGREED.search(text):
            last.outcome = "agreed"
        elif SUPPORTED.search(text):
            last.outcome = "supported"
        else:
            return False
        last.evidence.append([sent.start, sent.stop])
        last.participants += [entity.id for entity in speakers if entity.id not in last.participants]
        return True

    def people(self, sent: Sent, trigger: Trigger, speakers: list) -> tuple[list[str], str | None]:
        """Participants of a trigger's event and its initiator (the subject, a pronoun's antecedent, the person
        a descriptor stands for ("турецкий депутат"), or everyone named before for "стороны")."""
        doc = self.doc
        people = [entity.id for entity, _, _ in people_in(doc, sent.start, sent.stop)]
        initiator = speakers[0].id if speakers else None
        if initiator is None and pronoun_subject(sent):
            initiator = self.last_speaker
        if initiator is None:
            described = descriptor_person(doc, sent, trigger)
            initiator = described.id if described else None
        if trigger.type.kind == "visit":
            visitor = relative_antecedent(doc, sent, trigger)
            initiator = visitor.id if visitor is not None else initiator
        if initiator and initiator not in people:
            people.insert(0, initiator)
        if trigger.type.kind in ("invitation", "congratulation", "request", "proposal"):
            addressee = object_person(doc, sent, trigger)
            if addressee is not None and addressee.id not in people:
                people.append(addressee.id)
        if not speakers and collective_subject(sent, trigger):
            before = next((event for event in reversed(self.events) if len(event.participants) > 1), None)
            if before is not None:
                people += [person for person in before.participants if person not in people]
                initiator = None
        return people, initiator

    def consult(self, sent: Sent, trigger: Trigger, speakers: list) -> None:
        doc = self.doc
        kind = trigger.type.kind
        text = doc.text[sent.start : sent.stop]
        people, initiator = self.people(sent, trigger, speakers)
        date, precision = self.when(sent)
        reference = is_reference(sent, trigger)
        back = takes_place(sent, trigger)
        same = next((event for event in reversed(self.events) if event.category == "CONSULT" and event.kind == kind
                     and (event.date == date or reference or back)), None)
        if same is None and reference and not told(sent, trigger):
            return  # "в ходе заседания" of an event the article does not tell: background
        if same is not None:
            if back and same.date != date:  # the sentence's date and people may be another act's ("по приглашению,
                people = [person.id for person in linked_people(doc, sent, trigger)]  # переданному в январе послом")
            same.evidence.append(self.span(sent))
            same.participants += [person for person in people if person not in same.participants]
            if self.mode(text, trigger) in ("online", "phone"):
                same.mode = self.mode(text, trigger)
            same.place = same.place or place_in(doc, sent)
            return
        linked = linked_people(doc, sent, trigger)
        token = sent.tokens[trigger.first]
        if kind == "meeting" and len(linked) > 1 and initiator and (
                token.feats.get("Number") == "Plur" or "двусторон" in text.lower()):
            for other in linked:  # "провел двусторонние встречи с X и Y": one meeting each
                self.new_consult(sent, trigger, [initiator, other.id], initiator)
            return
        self.new_consult(sent, trigger, people, initiator)

    def new_consult(self, sent: Sent, trigger: Trigger, people: list[str], initiator: str | None) -> None:
        doc = self.doc
        kind = trigger.type.kind
        text = doc.text[sent.start : sent.stop]
        date, precision = self.when(sent)
        event = self.add(Event(
            id="", category="CONSULT", kind=kind, date=date, date_precision=precision,
            mode=self.mode(text, trigger), place=place_in(doc, sent), countries=countries_in(doc, sent.start, sent.stop),
            participants=people, initiator=initiator if kind in ("visit", "meeting") and people else None,
            evidence=[self.span(sent)],
            trigger=" ".join(token.text for token in sent.tokens[trigger.first : trigger.last]),
            summary=self.summary(sent),
        ))
        if kind != "meeting" or initiator is None or len(people) < 2:
            event.initiator = event.initiator if kind == "visit" else None
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
        people, initiator = self.people(sent, trigger, speakers)
        date, precision = self.when(sent, trigger)
        text = doc.text[sent.start : sent.stop]
        if self.merged(sent, kind, date, people, initiator):
            return
        outcome = {"proposal": "proposed", "request": "proposed", "invitation": "proposed", "demand": "proposed",
                   "agreement": "agreed", "rejection": "rejected"}.get(kind)
        if kind in ("proposal", "request", "invitation") and REJECTED.search(text[text.find(" ", 20):]):
            outcome = "rejected"
        evidence = self.span(sent)
        self.add(Event(
            id="", category=trigger.type.category, kind=kind, date=date, date_precision=precision,
            mode=None, place=place_in(doc, sent) if kind == "signing" else None,
            countries=countries_in(doc, sent.start, sent.stop), participants=people,
            initiator=initiator, outcome=outcome,
            related=[self.main.id] if self.main is not None else [],
            evidence=[evidence],
            trigger=" ".join(token.text for token in sent.tokens[trigger.first : trigger.last]),
            summary=self.summary(sent),
        ))
        if trigger.type.category == "REJECT":
            self.rejected_proposal(sent, trigger, date, precision, evidence)

    def merged(self, sent: Sent, kind: str, date: str | None, people: list[str], initiator: str | None) -> bool:
        """A later mention of the same act ("Подписанный сегодня документ", "с соответствующим предложением
        выступил X") adds to the earlier event instead of making a new one."""
        text = self.doc.text[sent.start : sent.stop]
        same = next((event for event in reversed(self.events) if event.kind == kind), None)
        if same is None:
            return False
        back = kind in ("proposal", "request", "invitation") and PROPOSAL_BACK.search(text)
        if not back and (same.date != date or (initiator and same.initiator and initiator != same.initiator)
                         or (initiator and not same.initiator)):
            return False
        same.evidence.append(self.span(sent))
        same.initiator = same.initiator or initiator
        same.participants += [person for person in people if person not in same.participants]
        return True

    def rejected_proposal(self, sent: Sent, trigger: Trigger, date: str | None, precision: str | None,
                          evidence: list[int]) -> None:
        """"Азербайджан отклонил предложение Ирана": the proposal itself, with outcome rejected."""
        token = sent.tokens[trigger.first]
        target = next((child for child in sent.tokens if child.head_id == token.id and child.rel == "obj"
                       and child.lemma.lower() in PROPOSAL_OBJECT), None)
        if target is None:
            return
        owners = [child for child in sent.tokens if child.head_id == target.id and child.rel == "nmod"]
        countries = [mention.iso for mention in self.doc.geo
                     if any(owner.start <= mention.start < owner.stop for owner in owners)]
        self.add(Event(
            id="", category="AGREE", kind="proposal", date=date, date_precision=precision,
            countries=countries, outcome="rejected", related=[self.events[-1].id], evidence=[list(evidence)],
            trigger=target.text, summary=self.summary(sent),
        ))


def extract_events(doc: Doc) -> Doc:
    """Stage `events`: fills doc.events."""
    builder = Builder(doc)
    for number, sent in enumerate(doc.sents):
        builder.sentence(number, sent)
    finish(doc, builder)
    doc.events = builder.events
    return doc
