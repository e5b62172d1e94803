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


def mention(type, first, sent=0):
    from depesha.extractors.relations_model import Mention

    return Mention(type, sent, first, first, first * 10, first * 10 + 5)


def test_decode_one_person_per_profession_and_inherited_workplace():
    from depesha.extractors.relations_model import decode

    person, other, title, org, country = (mention("PERSON", 0), mention("PERSON", 1), mention("PROFESSION", 2),
                                          mention("ORGANIZATION", 3), mention("COUNTRY", 4))
    same = [("WORKS_AS", person, title, 0.9), ("WORKS_AS", other, title, 0.6),
            ("WORKPLACE", title, org, 0.8), ("WORKPLACE", title, country, 0.7)]
    cuts = {"WORKS_AS": 0.5, "WORKS_AS:second": 0.7, "WORKPLACE": 0.5, "WORKPLACE:second": 1.1, "WORKPLACE:via": 0.5}
    links = {(r, a, b) for r, a, b, _ in decode(same, [], cuts)}
    assert links == {("WORKS_AS", person, title), ("WORKPLACE", title, org), ("WORKPLACE", person, org)}


def test_decode_cross_sentence_only_without_a_same_sentence_person():
    from depesha.extractors.relations_model import decode

    early, person, title, lone = mention("PERSON", 0), mention("PERSON", 1, 1), mention("PROFESSION", 2, 1), mention("PROFESSION", 3, 2)
    same = [("WORKS_AS", person, title, 0.9)]
    cross = [("WORKS_AS", early, title, 0.8), ("WORKS_AS", early, lone, 0.4), ("WORKS_AS", person, lone, 0.6)]
    links = {(a, b) for _, a, b, _ in decode(same, cross, {"WORKS_AS": 0.5, "WORKS_AS:cross": 0.3})}
    assert links == {(person, title), (person, lone)}


def test_extend_titles_to_a_workplace_inside_or_right_after_in_the_genitive():
    from depesha.doc import Doc, Sent, Token
    from depesha.extractors.relations_model import Mention, extend_titles

    words = [("Премьер-министр", "Nom"), ("земли", "Gen"), ("Гессен", "Gen"), ("и", ""), ("мэр", "Nom"), ("Берлин", "Nom")]
    tokens, start = [], 0
    for n, (word, case) in enumerate(words):
        tokens.append(Token(start, start + len(word), word, "NOUN", {"Case": case} if case else {}, word.lower(),
                            f"1_{n + 1}", "1_1" if n else "1_0", "nmod" if n else "root"))
        start += len(word) + 1
    doc = Doc(text=" ".join(w for w, _ in words), raw="", tokens=tokens, sents=[Sent(0, start - 1, tokens)], ner=[])

    def at(type, first, last):
        return Mention(type, 0, first, last, tokens[first].start, tokens[last].stop)

    title, region, mayor, city = at("PROFESSION", 0, 1), at("STATE_OR_PROVINCE", 2, 2), at("PROFESSION", 4, 4), at("CITY", 5, 5)
    out = extend_titles([title, region, mayor, city], doc)
    assert out[0] == at("PROFESSION", 0, 2)        # "Премьер-министр земли Гессен"
    assert out[2] == mayor                         # a nominative name after the title is not part of it
