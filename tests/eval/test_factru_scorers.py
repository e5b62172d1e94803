"""factRuEval scorers against the worked examples of FACTRUEVAL.md (devset book_100) and small tables."""

from __future__ import annotations

import logging

import pytest

from depesha.eval.factru.facts import FACT_TYPES, gold_facts, parse_task3
from depesha.eval.factru.gold import default_data_dir, load_doc, load_jobs, parse_objects, parse_values
from depesha.eval.factru.metrics import sum_metrics
from depesha.eval.factru.score_t1 import TAGS, TAGS_L, parse_task1
from depesha.eval.factru.score_t1 import score_doc as score_t1
from depesha.eval.factru.score_t3 import score_doc as score_t3
from depesha.eval.factru.values import levenshtein, normalize_value, same_value

ROOT = default_data_dir() / "factrueval-2016"
DEVSET = ROOT / "devset"


@pytest.fixture(scope="module")
def book_100():
    if not DEVSET.exists():
        pytest.skip(f"factRuEval data folder is absent: {DEVSET} (set DEPESHA_SHARED_DATA)")
    return load_doc(DEVSET, "book_100")


@pytest.fixture(scope="module")
def jobs():
    if not ROOT.exists():
        pytest.skip(f"factRuEval data folder is absent: {ROOT}")
    return load_jobs(ROOT / "jobs_processed.txt")


# TRACK 1

T1_RESPONSE = ["per 318 7", "org 37 6", "loc 44 19", "loc 306 6"]


@pytest.mark.parametrize(
    "merge, precision, recall, f1, tp, n_std, n_test",
    [
        (False, 0.5000, 0.0800, 0.1379, 2.0, 25, 4),
        (True, 0.7500, 0.1200, 0.2069, 3.0, 25, 4),
    ],
)
def test_factru_t1_worked_example(book_100, merge, precision, recall, f1, tp, n_std, n_test):
    metrics = sum_metrics([score_t1(book_100, parse_task1(T1_RESPONSE), merge)], TAGS_L if merge else TAGS)
    overall = metrics["overall"]
    assert (round(overall.precision, 4), round(overall.recall, 4), round(overall.f1, 4)) == (precision, recall, f1)
    assert (round(overall.tp1, 4), overall.n_std, overall.n_test) == (tp, n_std, n_test)


@pytest.mark.parametrize(
    "line, tag, tp",
    [
        ("per 318 7", "per", 0.5),        # Лужкова of Юрия Лужкова
        ("per 313 12", "per", 1.0),       # Юрия Лужкова
        ("org 37 6", "org", 1.0),         # Москвы of мэрии Москвы: the descriptor weighs 0
        ("org 31 12", "org", 1.0),        # мэрии Москвы
        ("loc 44 19", "loc", 0.5),        # на Тверской площади: one extra token
        ("loc 306 6", "loc", 0.0),        # gold is LocOrg
        ("locorg 306 6", "locorg", 1.0),
        ("per 312 14", "per", 1.0),       # spaces and the glued comma around Юрия Лужкова, cost nothing
    ],
)
def test_factru_t1_pairs(book_100, line, tag, tp):
    assert round(score_t1(book_100, parse_task1([line]))[tag].tp1, 4) == tp


def test_factru_t1_ignored_match_leaves_in_test(book_100):
    # "подмосковного" is a geo_adj-only LocOrg: unnamed, so a response on it is neither TP nor FP
    metrics = score_t1(book_100, parse_task1(["locorg 584 13"]))
    assert (metrics["locorg"].tp1, metrics["locorg"].n_test) == (0.0, 0)


@pytest.mark.parametrize(
    "lines, count",
    [
        (["per 1 2", "org 3 4"], 2),
        (["PER 1 2"], 1),
        (["per 1 2", "per  3 4", "org 5 6"], 1),   # a double space drops the rest of the file
        (["per 1 2", "xxx 3 4"], 1),
        (["", "loc 1 2", ""], 1),
    ],
)
def test_factru_parse_task1(lines, count, caplog):
    with caplog.at_level(logging.WARNING):
        assert len(parse_task1(lines)) == count


# TRACK 3

T3_RESPONSE = """occupation
who : Юрий Лужков
position : мэр
where : Москвы

occupation
who : Михаил Вельмакин
where : Отрадное

meeting
participant : Лужков
participant : Громов
""".splitlines()


def test_factru_t3_worked_example(book_100, jobs):
    metrics = sum_metrics([score_t3(gold_facts(book_100, jobs), parse_task3(T3_RESPONSE))], FACT_TYPES)
    occupation, meeting, overall = metrics["occupation"], metrics["meeting"], metrics["overall"]
    assert (round(occupation.precision, 4), round(occupation.recall, 4), round(occupation.f1, 4)) == (0.6429, 0.2571, 0.3673)
    assert (round(occupation.tp1, 2), occupation.n_std, occupation.n_test) == (1.29, 5, 2)
    assert (meeting.n_test, meeting.f1) == (1, 0.0)
    assert (round(overall.precision, 4), round(overall.recall, 4), round(overall.f1, 4)) == (0.4286, 0.2571, 0.3214)


@pytest.mark.parametrize(
    "response, tp",
    [
        ("occupation\nwho : Лужков\nwhere : Москва\njob : мэра", 1.0),
        ("occupation\nwho : Лужков Юрий\nposition : мэр", 0.6),          # where missed: 1.5/2.5
        ("occupation\nwho : Громов\nposition : губернатор\nwhere : Подмосковье", 1.0),
        ("occupation\nposition : мэр\nwhere : Москвы", 0.6),           # a shared where is enough to join
        ("occupation\nwho : Удальцов\nwhere : движение «Левый фронт»", 0.8),     # position missed: 2/2.5
    ],
)
def test_factru_t3_pairs(book_100, jobs, response, tp):
    metric = score_t3(gold_facts(book_100, jobs), parse_task3(response.splitlines()))["occupation"]
    assert round(metric.tp1, 4) == tp


def test_factru_t3_cluster_of_two_beats_one(book_100, jobs):
    # who and where in two response facts: joined (arg 1, id 0.5, quality 0.75 twice) beats one alone
    response = "occupation\nwho : Удальцов\n\noccupation\nwhere : Левый фронт\nposition : координатор"
    metric = score_t3(gold_facts(book_100, jobs), parse_task3(response.splitlines()))["occupation"]
    assert metric.n_test == 2 and metric.tp1 > 0.4


@pytest.mark.parametrize(
    "text, count",
    [
        ("meeting\nparticipant : А\nparticipant : Б", 1),
        ("Meeting:\nparticipant:А", 1),
        ("meeting\nparticipant : 10:30\n\noccupation\nwho : Б", 0),   # ':' inside a value drops the rest
        ("meeting\nparticipant : А\n\n\n\noccupation\nwho : Б", 2),
        ("party\nwho : Б", 0),
    ],
)
def test_factru_parse_task3(text, count):
    assert len(parse_task3(text.splitlines())) == count


# VALUES AND READERS


@pytest.mark.parametrize(
    "text, normal",
    [
        ("Мэрия  Москвы", "мэрия москвы"),
        ("«Газпром»", '"газпром"'),
        ("Ёлкин", "елкин"),
        ("вице – премьер", "вице-премьер"),
        ("( ЦАО )", "(цао)"),
        ("Москва , Россия .", "москва, россия."),
    ],
)
def test_factru_normalize_value(text, normal):
    assert normalize_value(text) == normal


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("мэр", "мэра", True),
        ("а", "б", False),
        ("москвы", "москва", True),
        ("россии", "россия", True),
        ("путин", "путина", True),
        ("президент", "президента", True),
        ("президент", "президентами", False),
        ("президент", "президенту", True),
        ("обама", "обамой", False),
        ("сша", "оон", False),
    ],
)
def test_factru_same_value(a, b, same):
    assert same_value(a, b) is same


@pytest.mark.parametrize("a, b, distance", [("", "abc", 3), ("kitten", "sitting", 3), ("мэр", "мэра", 1)])
def test_factru_levenshtein(a, b, distance):
    assert levenshtein(a, b) == distance


def test_factru_parse_values():
    values = parse_values("obj143 Украина | obj144 Турецкая республика | Турция")
    assert [(v.ref, v.texts) for v in values] == [("obj143", ["Украина"]), ("obj144", ["Турецкая республика", "Турция"])]


def test_factru_unknown_object_tag_warns(tmp_path, caplog):
    for ext, text in [("txt", "Мост"), ("tokens", "1 0 4 Мост\n"), ("spans", "5 loc_name 0 4 1 1  # 1 Мост\n"),
                      ("objects", "9 Facility 5 # Мост\n")]:
        (tmp_path / f"book_1.{ext}").write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        doc = load_doc(tmp_path, "book_1")
    assert doc.errors and "Facility" in caplog.text
    assert parse_objects(["9 Facility 5 # Мост"])[0].type == "Facility"


def test_factru_t3_hill_climb_agrees_with_exhaustive(book_100, jobs, monkeypatch):
    import depesha.eval.factru.score_t3 as t3

    monkeypatch.setattr(t3, "EXHAUSTIVE", 0)
    metrics = sum_metrics([score_t3(gold_facts(book_100, jobs), parse_task3(T3_RESPONSE))], FACT_TYPES)
    assert round(metrics["overall"].f1, 4) == 0.3214
