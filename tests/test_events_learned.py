"""The learned event stage: the shipped model, its candidates and features, and acts it finds in invented news."""

import numpy as np
import pytest

from depesha.eval.events.gold import CATEGORIES
from depesha.events.learned import MODEL, EventModel, candidates, cues


def test_shipped_model_loads_with_every_category():
    model = EventModel.load(MODEL)
    assert model.categories == list(CATEGORIES)
    assert model.weights.shape == (len(model.vocabulary), len(CATEGORIES))
    assert 0.0 < model.threshold < 1.0
    assert MODEL.stat().st_size < 5_000_000
    scores = model.scores(["cue:ACCUSE", "l:обвинить", "states:2", "bias"])
    assert scores.shape == (len(CATEGORIES),) and np.all((scores >= 0) & (scores <= 1))
    assert scores[CATEGORIES.index("ACCUSE")] > scores[CATEGORIES.index("AID")]


def test_cue_lexicon_names_only_plover_categories():
    assert set(cues().values()) <= set(CATEGORIES)
    assert cues()["обвинить"] == "ACCUSE" and cues()["призвать"] == "REQUEST"


def test_candidates_borrow_the_states_of_the_sentence_before(pipeline):
    from depesha import Article, extract_doc

    doc = extract_doc(Article("Министр иностранных дел Японии прибыл в Пекин. Стороны договорились о новых контактах."),
                      pipeline)
    found = candidates(doc)
    assert [sorted(candidate.states) for candidate in found] == [["CN", "JP"], ["CN", "JP"]]
    assert "borrowed" in found[1].features and "borrowed" not in found[0].features
    assert "cue:AGREE" in found[1].features


@pytest.mark.parametrize("text, category, countries", [
    ("Анкара призвала Афины прекратить военные учения у островов.", "REQUEST", ["GR", "TR"]),
    ("МИД России обвинил Лондон во вмешательстве во внутренние дела.", "ACCUSE", ["GB", "RU"]),
    ("Президент Чили принял в Сантьяго премьер-министра Новой Зеландии.", "CONSULT", ["CL", "NZ"]),
    ("Россия выслала двух польских дипломатов.", "SANCTION", ["PL", "RU"]),
    ("Турция отвергла требования Греции.", "REJECT", ["GR", "TR"]),
    ("Глава МИД Италии посетил Египет с официальным визитом.", "CONSULT", ["EG", "IT"]),
    ("Премьер-министр Индии поздравил президента Франции с победой на выборах.", "SUPPORT", ["FR", "IN"]),
])
def test_acts_between_states_in_invented_news(pipeline, text, category, countries):
    from depesha import Article, extract_doc

    doc = extract_doc(Article(text), pipeline)
    assert any(event.category == category and set(countries) <= set(event.countries) for event in doc.events), \
        [(event.category, event.countries) for event in doc.events]
