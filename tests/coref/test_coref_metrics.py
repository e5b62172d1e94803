"""Chain metrics on hand-computed cases (the LEA and MUC examples work out on paper)."""

import pytest

from depesha.eval.coref.metrics import Scorer

KEY = [[1, 2, 3, 4, 5, 6, 7]]
RESPONSE = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]


@pytest.mark.parametrize(("metric", "recall", "precision"), [
    ("lea", 11 / 21, 5.5 / 10),      # recall: 10 + 1 of 21 links; precision: (5·1 + 5·0.1) / 10
    ("muc", 5 / 6, 5 / 8),
    ("b3", (5 * 5 / 7 + 2 * 2 / 7) / 7, (5 * 1 + 2 * 2 / 5 + 3 * 0) / 10),
])
def test_metric_on_a_split_and_overmerged_chain(metric, recall, precision):
    scorer = Scorer()
    scorer.add(KEY, RESPONSE)
    result = scorer.report()[metric]
    assert result["recall"] == pytest.approx(recall, abs=1e-4)
    assert result["precision"] == pytest.approx(precision, abs=1e-4)


def test_identical_chains_score_one_everywhere():
    scorer = Scorer()
    chains = [[("d", 0, 5), ("d", 10, 12)], [("d", 20, 25), ("d", 30, 31), ("d", 40, 44)]]
    scorer.add(chains, chains)
    report = scorer.report()
    assert {name: values["f1"] for name, values in report.items()} == {
        "muc": 1.0, "b3": 1.0, "ceafe": 1.0, "lea": 1.0, "conll": 1.0}


def test_no_response_scores_zero_and_counts_are_micro_averaged():
    scorer = Scorer()
    scorer.add([[1, 2]], [[1, 2]])
    scorer.add([[3, 4, 5]], [])
    lea = scorer.report()["lea"]
    assert lea["precision"] == 1.0
    assert lea["recall"] == pytest.approx(2 / 5)     # 2 mentions fully resolved of 5
