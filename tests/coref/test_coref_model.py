"""Mentions and chains on invented news: names, descriptions and pronouns join the right person."""

import pytest

from depesha.coref.mentions import NAME, NOMINAL, POSSESSIVE, PRONOUN, find_mentions
from depesha.coref.model import load_model, resolve
from depesha.coref.vectors import vector
from depesha.doc import Doc

TEXT = ("Министр иностранных дел Японии Таро Коно прибыл в Москву. В Кремле Коно встретился с президентом России. "
        "Он заявил, что его страна готова к диалогу. Глава японского МИД также посетил \"Газпром\".")


@pytest.fixture(scope="module")
def doc():
    from depesha.stages import annotator

    return annotator()(Doc(text=TEXT, language="ru"))


def spans(doc, mentions):
    return [doc.text[m.start:m.stop] for m in mentions]


@pytest.mark.parametrize(("text", "kind"), [
    ("Министр иностранных дел Японии Таро Коно", NOMINAL),
    ("Коно", NAME),
    ("Он", PRONOUN),
    ("его", POSSESSIVE),
    ("президентом России", NOMINAL),
    ("\"Газпром\"", NAME),
])
def test_mentions_are_phrases_without_their_preposition(doc, text, kind):
    found = {doc.text[m.start:m.stop]: m.kind for m in find_mentions(doc)}
    assert found.get(text) == kind, sorted(found)


def test_the_minister_his_surname_and_he_form_one_chain(doc):
    chains = [spans(doc, chain) for chain in resolve(find_mentions(doc), vector)]
    minister = next((chain for chain in chains if "Коно" in chain), None)
    assert minister is not None, chains
    assert "Министр иностранных дел Японии Таро Коно" in minister
    assert "Москву" not in minister and "президентом России" not in minister


def test_shipped_model_is_small_and_its_threshold_is_a_probability():
    model = load_model()
    assert 0 < model.threshold < 1
    assert model.weights.nbytes < 10 * 1024 * 1024
