"""factRuEval response writing: formats, offsets, span refinements and locorg rules on hand-built Docs."""

from __future__ import annotations

import pytest

from depesha.doc import Doc, Entity, Position, Token
from depesha.eval.factru.format import clean_value, format_task1, format_task3
from depesha.eval.factru.locorg import is_locorg
from depesha.eval.factru.refine_facts import occupation_facts
from depesha.eval.factru.spans import split_mention, trim
from depesha.eval.offsets import OffsetMap


@pytest.mark.parametrize(
    "text, pieces",
    [
        ("Джошуа Вольфа (Joshua Wolf)", ["Джошуа Вольфа", "Joshua Wolf"]),
        ("Овечкин, Фёдоров", ["Овечкин", "Фёдоров"]),
        ("• Коста Рика", ["Коста Рика"]),
        ("Эль Сальвадор • Эфиопия", ["Эль Сальвадор", "Эфиопия"]),
        ("Юрий Лужков", ["Юрий Лужков"]),
    ],
)
def test_factru_split_mention(text, pieces):
    assert [text[a:b] for _, a, b in split_mention(text, ("per", 0, len(text)))] == pieces


@pytest.mark.parametrize("text, kept", [("«Газпром»", "Газпром"), (" ЕС, ", "ЕС"), ("(СКС)", "СКС")])
def test_factru_trim(text, kept):
    a, b = trim(text, 0, len(text))
    assert text[a:b] == kept


@pytest.mark.parametrize(
    "value, clean",
    [("10:30", "10 30"), ("  мэр \n Москвы ", "мэр Москвы"), ("Газпром", "Газпром")],
)
def test_factru_clean_value(value, clean):
    assert clean_value(value) == clean


@pytest.mark.parametrize("mentions", [
    [("org", 9, 15), ("loc", 9, 15), ("per", 0, 5)],
    [("loc", 9, 15), ("per", 0, 5), ("org", 9, 15)],
])
def test_factru_format_task1_same_span_in_tag_order(mentions):
    assert format_task1(mentions) == "per 0 5\nloc 9 6\norg 9 6\n"


def test_factru_format_task1_single_spaces_sorted_unique():
    assert format_task1([("org", 37, 43), ("per", 0, 5), ("org", 37, 43), ("loc", 9, 9)]) == "per 0 5\norg 37 6\n"


def test_factru_format_task3_blocks():
    text = format_task3([("occupation", [("who", "Юрий Лужков"), ("where", "")]), ("meeting", [("participant", "А: Б")])])
    assert text == "occupation\nwho : Юрий Лужков\n\nmeeting\nparticipant : А Б\n"


@pytest.mark.parametrize(
    "raw, word",
    [("  Мама\u00adмыла раму", "мыла"), ("Мама мыла раму\n\n\n\nпапа", "папа"), ("без изменений", "изменений")],
)
def test_factru_offset_map(raw, word):
    text = raw.replace("\u00ad", "").replace("\n\n\n\n", "\n\n").strip()
    table = OffsetMap(text, raw)
    start = text.index(word)
    assert raw[table.start(start):table.stop(start + len(word))] == word


def sentence(words: list[tuple[str, str, str, str, str]]) -> Doc:
    """(text, lemma, pos, case, 'rel>head') per token; heads are 1-based positions, 0 is the root."""
    tokens, offset = [], 0
    for index, (text, lemma, pos, case, link) in enumerate(words, 1):
        rel, head = link.split(">")
        feats = {"Case": case} if case else {}
        tokens.append(Token(offset, offset + len(text), text, pos, feats, lemma, f"1_{index}", f"1_{head}", rel))
        offset += len(text) + 1
    from depesha.doc import Sent

    doc = Doc(text=" ".join(word[0] for word in words), tokens=tokens)
    doc.sents = [Sent(0, len(doc.text), tokens)]
    return doc


@pytest.mark.parametrize(
    "words, target, locorg",
    [
        ([("Россия", "россия", "PROPN", "Nom", "nsubj>2"), ("заявила", "заявить", "VERB", "", "root>0")], 0, True),
        ([("в", "в", "ADP", "", "case>2"), ("России", "россия", "PROPN", "Loc", "obl>3"), ("живут", "жить", "VERB", "", "root>0")], 1, False),
        ([("президент", "президент", "NOUN", "Nom", "root>0"), ("России", "россия", "PROPN", "Gen", "nmod>1")], 1, True),
        ([("территория", "территория", "NOUN", "Nom", "root>0"), ("России", "россия", "PROPN", "Gen", "nmod>1")], 1, False),
        ([("санкции", "санкция", "NOUN", "Nom", "root>0"), ("против", "против", "ADP", "", "case>3"), ("России", "россия", "PROPN", "Gen", "nmod>1")], 2, True),
        ([("Украина", "украина", "PROPN", "Nom", "nsubj>4"), ("и", "и", "CCONJ", "", "cc>3"), ("Турция", "турция", "PROPN", "Nom", "conj>1"), ("создали", "создать", "VERB", "", "root>0")], 2, True),
    ],
)
def test_factru_is_locorg(words, target, locorg):
    doc = sentence(words)
    token = doc.tokens[target]
    assert is_locorg(doc, token.start, token.stop) is locorg


def test_factru_occupation_values_as_written():
    doc = sentence([("мэра", "мэр", "NOUN", "Gen", "root>0"), ("Москвы", "москва", "PROPN", "Gen", "nmod>1"),
                    ("Юрия", "юрий", "PROPN", "Gen", "appos>1"), ("Лужкова", "лужков", "PROPN", "Gen", "flat:name>3")])
    doc.entities = [Entity("e1", "location", "Москва", "RU", [[5, 11]]), Entity("e2", "person", "Юрий Лужков", None, [[12, 24]])]
    doc.positions = [Position("e2", "мэр", None, "RU", [0, 11], "мэра Москвы")] * 2
    assert occupation_facts(doc) == [("occupation", [("who", "Юрий Лужков"), ("position", "мэра"), ("where", "Москвы")])]
