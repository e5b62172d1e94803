"""The follow-up rule on 64 labelled commitment / later-report pairs (gold/followups/pairs.jsonl, fictional texts
written for it, 32 follow-ups and 32 near misses): floors at the measured figures (target precision 0.90: not met)."""

import json

import pytest

from depesha.eval.followups import GOLD, read_pairs, score, summary

FLOORS = {"precision": 0.70, "recall": 0.54}     # measured 0.72 / 0.5625 (2026-12-07), minus 0.02


def test_gold_pairs_are_balanced_and_complete():
    pairs = read_pairs(GOLD)
    assert len(pairs) == 64 and sum(pair["follows"] for pair in pairs) == 32
    for pair in pairs:
        assert set(pair) == {"id", "commitment", "commitment_date", "later", "later_date", "follows", "reason"}
        json.dumps(pair)


@pytest.mark.slow
def test_followup_rule_floors():
    report = summary(list(score(read_pairs(GOLD))))
    print(report)
    assert report["precision"] >= FLOORS["precision"] and report["recall"] >= FLOORS["recall"]
