"""The NEREL scorer on tiny hand-made gold/prediction pairs: overlap vs exact, one-to-one matching."""

import pytest

from depesha.eval.nerel.gold import BratDoc, BratEntity, BratRelation, format_ann, parse_ann
from depesha.eval.nerel.score import count_matched, relaxed, score_docs, strict


def doc(*items):
    """Entities as (type, start, stop); relations as (type, arg1 index, arg2 index)."""
    entities = [BratEntity(f"T{i}", *item) for i, item in enumerate(items) if item[0] not in RELS]
    relations = [BratRelation(f"R{i}", type, f"T{a}", f"T{b}") for i, (type, a, b) in enumerate(items) if type in RELS]
    return BratDoc("x", "", entities, relations)


RELS = {"WORKS_AS", "WORKPLACE"}


@pytest.mark.parametrize("etalon, guess, relaxed_hit, strict_hit", [
    (((0, 5),), ((0, 5),), True, True),
    (((0, 5),), ((3, 9),), True, False),
    (((0, 5),), ((5, 9),), False, False),        # touching is not overlapping
    (((0, 5),), ((1, 2),), True, False),        # inside
    (((0, 5), (10, 20)), ((0, 5), (10, 20)), True, True),
    (((0, 5), (10, 20)), ((2, 4), (15, 30)), True, False),
    (((0, 5), (10, 20)), ((2, 4), (20, 30)), False, False),  # one argument misses
])
def test_match(etalon, guess, relaxed_hit, strict_hit):
    assert relaxed(etalon, guess) is relaxed_hit
    assert strict(etalon, guess) is strict_hit


@pytest.mark.parametrize("etalons, guesses, expected", [
    ([((0, 10),)], [((0, 3),), ((5, 9),)], 1),               # two guesses inside one gold: one counts
    ([((0, 3),), ((5, 9),)], [((0, 10),)], 1),               # one wide guess over two golds: one counts
    ([((0, 4),), ((3, 9),)], [((3, 4),), ((0, 2),)], 2),     # greedy would take 1; augmenting path finds 2
    ([], [((0, 1),)], 0),
    ([((0, 1),)], [], 0),
])
def test_count_matched_one_to_one(etalons, guesses, expected):
    assert count_matched(etalons, guesses, relaxed) == expected


@pytest.mark.parametrize("gold, pred, type, mode, expected", [
    # (gold, pred, type, mode, (gold, pred, matched))
    (doc(("PERSON", 0, 5)), doc(("PERSON", 0, 5)), "PERSON", "strict", (1, 1, 1)),
    (doc(("PERSON", 0, 5)), doc(("PERSON", 0, 4)), "PERSON", "strict", (1, 1, 0)),
    (doc(("PERSON", 0, 5)), doc(("PERSON", 0, 4)), "PERSON", "relaxed", (1, 1, 1)),
    (doc(("PERSON", 0, 5)), doc(("ORGANIZATION", 0, 5)), "PERSON", "relaxed", (1, 0, 0)),   # type must agree
    (doc(("PERSON", 0, 5), ("PROFESSION", 6, 15), ("WORKS_AS", 0, 1)),
     doc(("PERSON", 0, 3), ("PROFESSION", 6, 10), ("WORKS_AS", 0, 1)), "WORKS_AS", "relaxed", (1, 1, 1)),
    (doc(("PERSON", 0, 5), ("PROFESSION", 6, 15), ("WORKS_AS", 0, 1)),
     doc(("PERSON", 0, 3), ("PROFESSION", 6, 10), ("WORKS_AS", 0, 1)), "WORKS_AS", "strict", (1, 1, 0)),
    (doc(("PERSON", 0, 5), ("PROFESSION", 6, 15), ("WORKS_AS", 0, 1)),
     doc(("PERSON", 0, 5), ("PROFESSION", 6, 15), ("WORKPLACE", 0, 1)), "WORKS_AS", "relaxed", (1, 0, 0)),
    (doc(("PERSON", 0, 5), ("PROFESSION", 6, 15), ("WORKS_AS", 0, 1)),   # arguments reversed
     doc(("PERSON", 0, 5), ("PROFESSION", 6, 15), ("WORKS_AS", 1, 0)), "WORKS_AS", "relaxed", (1, 1, 0)),
])
def test_score_docs(gold, pred, type, mode, expected):
    scores = {(s.type, s.mode): s for s in score_docs([(gold, pred)])}
    score = scores[type, mode]
    assert (score.gold, score.pred, score.matched) == expected


def test_score_f1():
    gold = doc(("PERSON", 0, 5), ("PERSON", 10, 15))
    pred = doc(("PERSON", 0, 5), ("PERSON", 20, 25), ("PERSON", 30, 35), ("PERSON", 40, 45))
    score = next(s for s in score_docs([(gold, pred)]) if (s.type, s.mode) == ("PERSON", "strict"))
    assert (score.precision, score.recall, round(score.f1, 4)) == (0.25, 0.5, 0.3333)


@pytest.mark.parametrize("lines, entities, relations", [
    (["T1\tPERSON 6 11\tОбамы"], [BratEntity("T1", "PERSON", 6, 11, "Обамы")], []),
    (["T16\tPROFESSION 564 569;576 589\tглавы администрации"],
     [BratEntity("T16", "PROFESSION", 564, 589, "главы администрации")], []),
    (["T1\tPERSON 0 1\ta", "T2\tPROFESSION 2 3\tb", "R1\tWORKS_AS Arg1:T1 Arg2:T2\t"],
     [BratEntity("T1", "PERSON", 0, 1, "a"), BratEntity("T2", "PROFESSION", 2, 3, "b")],
     [BratRelation("R1", "WORKS_AS", "T1", "T2")]),
    (["T1\tPERSON 0 1\ta", "R7\tLOCATED_IN Arg1:T1 Arg2:T54\t", "N4\tReference T1 Wikidata:Q1\tx"],
     [BratEntity("T1", "PERSON", 0, 1, "a")], []),                     # dangling relation dropped
])
def test_parse_ann(lines, entities, relations):
    assert parse_ann(lines) == (entities, relations)
    assert parse_ann(format_ann(entities, relations).splitlines()) == (entities, relations)


@pytest.mark.parametrize("make", [lambda path: path, lambda path: path / "missing"], ids=["empty", "missing"])
def test_nerel_cli_refuses_a_folder_without_documents(tmp_path, capsys, make):
    """An empty or missing split is an error (exit 2), not a table of zeros."""
    from depesha.cli.main import main

    assert main(["eval", "nerel", str(make(tmp_path)), "--out", str(tmp_path / "out")]) == 2
    assert str(make(tmp_path)) in capsys.readouterr().err
