"""Follow-up of commitments: the kind a commitment names, and the later events that fulfil it."""

from __future__ import annotations

import pytest

from depesha.corpus.followup import MAX_LINKS, Commitment, Fulfilment, FulfilmentIndex, expected_kinds
from depesha.store.lemma import lemmatize


def commitment(text: str, kind: str = "proposal", date: str = "2025-11-28",
               countries: tuple[str, ...] = ("KZ", "MX")) -> Commitment:
    return Commitment(1, date, kind, frozenset(countries), lemmatize(text).split())


@pytest.mark.parametrize("text, kind, expected", [
    ("Кошанов предложил обменяться парламентскими визитами", "proposal", ("visit",)),
    ("стороны договорились подписать меморандум о сотрудничестве", "agreement", ("signing",)),
    ("предложил провести консультации по климату", "proposal", ("talks", "meeting")),
    ("выразил готовность встретиться в следующем году", "offer", ("meeting", "talks")),
    ("пригласил посетить Астану", "invitation", ("visit",)),
    ("пригласил коллег", "invitation", ("visit",)),                      # an invitation is to a visit
    ("предложил сделать встречи регулярными", "proposal", ("meeting", "talks")),
    ("призвал внести вклад в климатический саммит", "request", ("meeting", "talks")),
    ("предложил поделиться опытом", "proposal", ()),                     # nothing observable to follow
])
def test_corpus_followup_expected_kinds(text, kind, expected):
    assert expected_kinds(commitment(text, kind))[0] == expected


def test_corpus_followup_finds_later_events_between_the_parties():
    index = FulfilmentIndex()
    for event in [
        Fulfilment(10, "2025-06-01", "visit", frozenset({"KZ", "MX"})),   # before: not a follow-up
        Fulfilment(11, "2026-02-03", "visit", frozenset({"MX", "KZ"})),
        Fulfilment(12, "2026-03-01", "visit", frozenset({"KZ", "RU"})),   # other parties
        Fulfilment(13, "2026-04-01", "meeting", frozenset({"KZ", "MX"})),  # other kind
        Fulfilment(14, "2030-01-01", "visit", frozenset({"KZ", "MX"})),   # beyond the horizon
    ]:
        index.add(event)
    index.sort()
    found = index.find(commitment("предложил обменяться визитами"))
    assert [(id, kind) for id, kind, _ in found] == [(11, "visit")]
    assert index.find(commitment("предложил обменяться визитами", countries=("KZ",))) == []


@pytest.mark.parametrize("later, kind, place, linked", [
    ("Министр иностранных дел Мексики прибыл в Астану с визитом.", "visit", None, True),
    ("Министр иностранных дел Казахстана прибыл в Мехико с визитом.", "visit", None, False),   # the other way
    ("Министр обороны Мексики прибыл в Астану.", "visit", None, False),                        # another body
    ("Министр иностранных дел Мексики провел переговоры в Астане.", "talks", "Астана", True),   # talks where asked
    ("Министр иностранных дел Мексики провел переговоры.", "talks", None, False),              # talks: place unknown
    ("Стороны вновь заявили о намерении организовать визит.", "visit", None, False),           # only intended
])
def test_corpus_followup_a_visit_goes_where_asked_by_whom_asked(later, kind, place, linked):
    index = FulfilmentIndex()
    index.add(Fulfilment(20, "2026-02-03", kind, frozenset({"KZ", "MX"}), later, place))
    index.sort()
    text = "Министр иностранных дел Казахстана пригласил министра иностранных дел Мексики посетить Астану"
    asked = Commitment(1, "2025-11-28", "invitation", frozenset({"KZ", "MX"}), [], text)
    from depesha.corpus.acts import tokens
    from depesha.store.lemma import lemmatize_word

    asked.lemmas = [lemmatize_word(word) for word in tokens(text)]
    assert bool(index.find(asked)) is linked


@pytest.mark.parametrize("text, kind, expected", [
    ("Стороны договорились о визите министра в Москву", "agreement", ("visit",)),       # not a signing
    ("стороны договорились о встрече министров обороны", "agreement", ("meeting", "talks")),
    ("стороны договорились подписать меморандум", "agreement", ("signing",)),
    ("министры договорились", "agreement", ("signing",)),                               # the verb alone, as before
])
def test_corpus_followup_the_verb_does_not_name_the_act(text, kind, expected):
    from depesha.corpus.acts import tokens
    from depesha.store.lemma import lemmatize_word

    asked = Commitment(1, "2025-11-28", kind, frozenset({"KZ", "RU"}), [lemmatize_word(w) for w in tokens(text)], text)
    assert expected_kinds(asked)[0] == expected


def test_corpus_followup_each_kind_has_its_own_cap():
    index = FulfilmentIndex()
    for day in range(1, 13):     # twelve talks and a meeting on day 2: the talks do not fill the cap before it
        index.add(Fulfilment(day, f"2026-01-{day:02d}", "talks", frozenset({"KZ", "MX"}), "Министры провели переговоры."))
    index.add(Fulfilment(99, "2026-01-02", "meeting", frozenset({"KZ", "MX"}), "Министры провели встречу."))
    index.sort()
    found = index.find(commitment("предложил провести встречу министров"))
    assert [id for id, _, _ in found] == [1, 2, 99]      # before: 1, 2, 3 (six talks filled a shared cap)
    assert len(found) == MAX_LINKS


def test_corpus_followup_a_signing_named_after_the_verb_wins():
    from depesha.corpus.acts import tokens
    from depesha.store.lemma import lemmatize_word

    text = "Министры договорились, что в ходе предстоящего заседания комиссии стороны подпишут соглашение"
    asked = Commitment(1, "2025-11-28", "agreement", frozenset({"TM", "IR"}), [lemmatize_word(w) for w in tokens(text)],
                       text)
    assert expected_kinds(asked) == (("signing",), "подписать")
