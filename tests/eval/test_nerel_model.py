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
    ("Известный литературовед Пётр Синицын выступил с лекцией в Томске.", "Пётр Синицын", "литературовед"),
    ("Вечер открыл видеоблогер Антон Ершов.", "Антон Ершов", "видеоблогер"),
])
def test_predict_works(text, person, profession):
    import depesha
    from depesha.extractors.relations_model import predict_works

    doc = depesha.extract_doc(depesha.Article(text=text))
    found = [(doc.text[p[0]:p[1]], doc.text[q[0]:q[1]]) for p, q, _ in predict_works(doc)]
    assert any(a == person and b.startswith(profession) for a, b in found), found


@pytest.mark.parametrize("text, word", [   # occupations absent from NEREL train: found through the lexicon
    ("Известный литературовед Пётр Синицын выступил с лекцией в Томске.", "литературовед"),
    ("Стеклодув Олег Рябов получил премию губернатора.", "Стеклодув"),
    ("На фестиваль приехал ультрамарафонец Игорь Санин.", "ультрамарафонец"),
    ("Механизатор Фёдор Кислов работает в хозяйстве тридцать лет.", "Механизатор"),
    ("Сомелье Марина Лаврова рассказала о винах Крыма.", "Сомелье"),
])
def test_unseen_occupations_found_through_the_lexicon(text, word):
    from dataclasses import replace

    import depesha
    from depesha.extractors.relations_model import load, split_lines

    doc = split_lines(depesha.extract_doc(depesha.Article(text=text)))
    model = load()

    def professions(model):
        return [doc.text[m.start:m.stop] for m in model.mentions(doc) if m.type == "PROFESSION"]

    assert word in professions(model)
    assert word not in professions(replace(model, occupations=frozenset()))


def test_model_carries_the_occupation_lexicon():
    from depesha.data import OCCUPATIONS, load_lines
    from depesha.extractors.relations_model import load

    assert load().occupations == frozenset(load_lines(OCCUPATIONS))


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


@pytest.mark.parametrize("plural, kept", [
    (False, {0}),          # "музыкант A и B": the best person only
    (True, {0, 1}),        # "музыканты A и B": a second person needs only WORKS_AS:plural
])
def test_decode_plural_profession_takes_more_persons(plural, kept):
    from depesha.extractors.relations_model import decode

    persons, title, third = [mention("PERSON", 0), mention("PERSON", 1)], mention("PROFESSION", 2), mention("PERSON", 3)
    same = [("WORKS_AS", persons[0], title, 0.9), ("WORKS_AS", persons[1], title, 0.3), ("WORKS_AS", third, title, 0.05)]
    cuts = {"WORKS_AS": 0.5, "WORKS_AS:second": 0.7, "WORKS_AS:plural": 0.1}
    links = decode(same, [], cuts, plural=frozenset({title}) if plural else frozenset())
    assert {persons.index(a) for _, a, _, _ in links} == kept


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


def sentence_doc(words, heads=None, rels=None, text=None):
    """A one-sentence Doc of `words` (head indices 1-based, 0 = root) for the decoding functions."""
    from depesha.doc import Doc, Sent, Token

    tokens, start, text = [], 0, text or " ".join(words)
    for n, word in enumerate(words):
        start = text.index(word, start)
        head = heads[n] if heads else 0
        tokens.append(Token(start, start + len(word), word, "NOUN", {}, word.lower(), f"1_{n + 1}", f"1_{head}",
                            rels[n] if rels else "root"))
        start += len(word)
    return Doc(text=text, raw=text, tokens=tokens, sents=[Sent(0, len(text), tokens)], ner=[])


def span(doc, type, first, last, sent=0):
    from depesha.extractors.relations_model import Mention

    tokens = doc.sents[sent].tokens
    return Mention(type, sent, first, last, tokens[first].start, tokens[last].stop)


def test_coordinated_groups_same_type_conj_heads():
    from depesha.extractors.relations_model import coordinated

    # писатели Басинский , Павлов и Авченко : Павлов -> Басинский (conj), Авченко -> Басинский (conj)
    doc = sentence_doc(["писатели", "Басинский", ",", "Павлов", "и", "Авченко"], heads=[0, 1, 4, 2, 6, 2],
                       rels=["root", "appos", "punct", "conj", "cc", "conj"])
    title, a, b, c = span(doc, "PROFESSION", 0, 0), span(doc, "PERSON", 1, 1), span(doc, "PERSON", 3, 3), span(doc, "PERSON", 5, 5)
    groups = coordinated(doc, [title, a, b, c])
    assert title not in groups
    assert groups[a] == groups[b] == groups[c]


def test_decode_coordinated_arguments_need_their_own_cut():
    from depesha.extractors.relations_model import decode

    doc = sentence_doc(["a", "b", "c", "d"])
    title, a, b, c = span(doc, "PROFESSION", 0, 0), span(doc, "PERSON", 1, 1), span(doc, "PERSON", 2, 2), span(doc, "PERSON", 3, 3)
    same = [("WORKS_AS", a, title, 0.9), ("WORKS_AS", b, title, 0.2), ("WORKS_AS", c, title, 0.2)]
    cuts = {"WORKS_AS": 0.5, "WORKS_AS:conj1": 0.1}
    groups = {a: a, b: a}                               # a and b coordinated, c not
    assert {x[1] for x in decode(same, [], cuts, groups)} == {a, b}
    assert {x[1] for x in decode(same, [], cuts)} == {a}                      # no groups: no propagation
    assert {x[1] for x in decode(same, [], {"WORKS_AS": 0.5}, groups)} == {a}  # no conj cut: off


def test_split_lines_cuts_sentences_at_line_breaks():
    from depesha.extractors.relations_model import split_lines

    doc = sentence_doc(["Родился", "сын", "Борис", "Джонсон", "В", "среду"], text="Родился сын\nБорис Джонсон\nВ среду")
    parts = [[t.text for t in sent.tokens] for sent in split_lines(doc).sents]
    assert parts == [["Родился", "сын"], ["Борис", "Джонсон"], ["В", "среду"]]
    assert split_lines(split_lines(doc)).sents == split_lines(doc).sents


@pytest.mark.parametrize("words, profession, person, expected", [
    (["Император", "Акихито"], (0, 0), (0, 1), [(0, 0), (1, 1)]),           # the person starts after the title
    (["капитана", "Мура"], (0, 1), (1, 1), [(0, 0), (1, 1)]),               # the title stops before the person
    (["Принц"], (0, 0), (0, 0), [(0, 0)]),                                   # the same word: a title only
    (["министр", "Лавров"], (0, 0), (1, 1), [(0, 0), (1, 1)]),              # apart: unchanged
])
def test_separate_persons(words, profession, person, expected):
    from depesha.extractors.relations_model import separate_persons

    doc = sentence_doc(words)
    out = separate_persons([span(doc, "PROFESSION", *profession), span(doc, "PERSON", *person)], doc)
    assert [(m.first, m.last) for m in out] == expected
    assert all(m.start == doc.tokens[m.first].start and m.stop == doc.tokens[m.last].stop for m in out)


def test_label_transitions_and_viterbi_with_them():
    from depesha.extractors.relations_model import label_transitions

    # O=0, B-PROFESSION=1, I-PROFESSION=2, B-EVENT=3, I-EVENT=4: an event is B I, never B B
    counts = np.zeros((5, 5))
    counts[0, 0], counts[0, 3], counts[3, 4], counts[4, 0], counts[3, 0] = 50, 10, 8, 8, 2
    steps = label_transitions(counts)
    assert steps[3, 4] == 0 > steps[3, 3]                 # only unlikely transitions are penalised
    scores = np.log(np.array([[0.1, 0.05, 0.05, 0.7, 0.1],
                              [0.1, 0.05, 0.05, 0.45, 0.35]]))   # alone, the second word opens another event
    assert viterbi(scores, LABELS) == ["B-EVENT", "B-EVENT"]
    assert viterbi(scores, LABELS, steps) == ["B-EVENT", "I-EVENT"]


def words_mention(doc, type, words):
    """The Mention of the first run of tokens spelling `words` in a one-sentence Doc."""
    from depesha.extractors.relations_model import Mention

    tokens = doc.sents[0].tokens
    wanted = words.split()
    first = next(i for i in range(len(tokens)) if [t.text for t in tokens[i:i + len(wanted)]] == wanted)
    last = first + len(wanted) - 1
    return Mention(type, 0, first, last, tokens[first].start, tokens[last].stop)


@pytest.mark.parametrize("text, title, person, expected", [     # title: the titles listed, the last one tested
    # a title after a kinship noun, the name in another case: the relative, not the holder
    ("В начале мая дочь посла Ирина Ковалёва открыла выставку в Праге.", "посла", "Ирина Ковалёва", True),
    ("На премьере была дочь известного писателя, актёра и режиссёра Вера Соколова.", "писателя|актёра", "Вера Соколова",
     True),
    # the same with the name in the title's case: the holder ("сын президента Гейдара Алиева")
    ("На церемонии был сын президента Азербайджана Гейдара Алиева.", "президента", "Гейдара Алиева", False),
    # the genitive complement of a nominative title is the one served
    ("Людмила Боярова, первый заместитель Кравчука, выступила с докладом.", "первый заместитель", "Кравчука", True),
    ("Тренер сборной Игорь Колыванов доволен игрой.", "Тренер сборной", "Игорь Колыванов", False),
])
def test_core_rules_refute_links(text, title, person, expected):
    """nerel_positions.refuted: the core's syntax rules veto the model's WORKS_AS candidates they contradict."""
    import depesha
    from depesha.eval.nerel.positions import refuted

    doc = depesha.extract_doc(depesha.Article(text=text))
    mentions = [words_mention(doc, "PERSON", person)] + [words_mention(doc, "PROFESSION", t) for t in title.split("|")]
    assert refuted(doc, mentions, mentions[0], mentions[-1]) is expected


def profession_at(text, span):
    """The Doc of a one-sentence text and a PROFESSION mention over the tokens of `span` in it."""
    import depesha
    from depesha.extractors.relations_model import Mention, split_lines

    doc = split_lines(depesha.extract_doc(depesha.Article(text=text)))
    tokens = doc.sents[0].tokens
    start = doc.text.index(span)
    inside = [i for i, t in enumerate(tokens) if start <= t.start and t.stop <= start + len(span)]
    return doc, Mention("PROFESSION", 0, inside[0], inside[-1], tokens[inside[0]].start, tokens[inside[-1]].stop)


@pytest.mark.parametrize("text, title, parts", [
    ("Он работал министром, зампредседателя правительства области.", "министром, зампредседателя правительства",
     ["министром", "зампредседателя правительства"]),
    ("Выступил глава службы по надзору в сфере связи, информационных технологий.",
     "глава службы по надзору в сфере связи, информационных технологий",
     ["глава службы по надзору в сфере связи, информационных технологий"]),
])
def test_split_listed_titles(text, title, parts):
    from depesha.extractors.relations_model import load, split_listed_titles

    doc, m = profession_at(text, title)
    model = load()
    split = split_listed_titles([m], doc, model.gazetteer | model.occupations)
    assert [doc.text[x.start:x.stop] for x in split] == parts


@pytest.mark.parametrize("text, span, trimmed", [
    ("Вчера президент Египта и его сын прибыли в Каир.", "президент Египта и", "президент Египта"),
    ("Он говорил с вице-президента по телефону.", "вице-президента по", "вице-президента"),
    ("Гендиректор ООО УК «Сталь» ушёл.", "ООО УК «", "ООО УК"),
    ('Акции ОАО "ТАИФ" выросли.', 'ОАО "ТАИФ"', 'ОАО "ТАИФ"'),      # a closing quote stays
    ('Гендиректор ОАО "ТАИФ" ушёл.', 'ОАО "', "ОАО"),               # an opening one goes
])
def test_trim_ends(text, span, trimmed):
    from depesha.extractors.relations_model import trim_ends

    doc, m = profession_at(text, span)
    assert [doc.text[x.start:x.stop] for x in trim_ends([m], doc)] == [trimmed]
