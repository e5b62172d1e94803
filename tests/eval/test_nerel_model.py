"""The shipped NEREL relation model: decoding tables and one sentence end to end."""

import numpy as np
import pytest

from depesha.extractors.relations_model import tag_spans, viterbi

LABELS = ["O", "B-PROFESSION", "I-PROFESSION", "B-EVENT", "I-EVENT"]


@pytest.mark.parametrize("tags, spans", [
    (["O", "O"], []),
    (["B-PROFESSION", "I-PROFESSION", "O"], [("PROFESSION", 0, 1)]),
    (["B-PROFESSION", "B-EVENT", "I-EVENT"], [("PROFESSION", 0, 0), ("EVENT", 1, 2)]),
    (["O", "I-EVENT"], []),                          # a stray I- opens nothing
])
def test_tag_spans(tags, spans):
    assert tag_spans(tags) == spans


@pytest.mark.parametrize("best, expected", [
    (["O", "I-PROFESSION"], ["O", "O"]),             # I- cannot follow O: the next best path wins
    (["B-EVENT", "I-PROFESSION"], ["B-EVENT", "O"]),    # nor B-EVENT: O is the best allowed label
    (["B-PROFESSION", "I-PROFESSION"], ["B-PROFESSION", "I-PROFESSION"]),
])
def test_viterbi_respects_bio(best, expected):
    scores = np.log(np.full((len(best), len(LABELS)), 0.05))
    for i, label in enumerate(best):
        scores[i, LABELS.index(label)] = np.log(0.6)
        if label.startswith("I-"):
            scores[i, LABELS.index("B-" + label[2:])] = np.log(0.1)
            scores[i, LABELS.index("O")] = np.log(0.2)
    assert viterbi(scores, LABELS) == expected


@pytest.mark.parametrize("text, person, profession", [
    ("Президент Франции Эмманюэль Макрон прибыл в Москву.", "Эмманюэль Макрон", "Президент"),
    ("Министр иностранных дел России Сергей Лавров провёл переговоры.", "Сергей Лавров", "Министр"),
])
def test_predict_works(text, person, profession):
    import depesha
    from depesha.extractors.relations_model import predict_works

    doc = depesha.extract_doc(depesha.Article(text=text))
    found = [(doc.text[p[0]:p[1]], doc.text[q[0]:q[1]]) for p, q, _ in predict_works(doc)]
    assert any(a == person and b.startswith(profession) for a, b in found), found
