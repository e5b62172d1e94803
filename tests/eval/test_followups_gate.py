"""The follow-up rule on labelled commitment / later-report pairs (fictional texts written for it by helpers, 32
follow-ups and 32 near misses each): gold/followups/pairs.jsonl, which the rule was tuned on, and
gold/followups/sealed.jsonl, written later from gold/followups/GUIDELINE.md alone and read only to report."""

import json

import pytest

from depesha.eval.followups import GOLD, read_pairs, score, summary

SEALED = GOLD.with_name("sealed.jsonl")
# measured 2026-12-07 with the rule of depesha/corpus/acts.py: tune 0.962 / 0.781, sealed 0.957 / 0.6875
FLOORS = {GOLD: {"precision": 0.94, "recall": 0.76}, SEALED: {"precision": 0.90, "recall": 0.66}}


@pytest.mark.parametrize("path", [GOLD, SEALED], ids=["tune", "sealed"])
def test_gold_pairs_are_balanced_and_complete(path):
    pairs = read_pairs(path)
    assert len(pairs) == 64 and sum(pair["follows"] for pair in pairs) == 32
    assert len({pair["id"] for pair in pairs}) == 64
    for pair in pairs:
        assert set(pair) == {"id", "commitment", "commitment_date", "later", "later_date", "follows", "reason"}
        json.dumps(pair)


@pytest.mark.slow
@pytest.mark.parametrize("path", [GOLD, SEALED], ids=["tune", "sealed"])
def test_followup_rule_floors(path):
    report = summary(list(score(read_pairs(path))))
    print(report)
    assert report["precision"] >= FLOORS[path]["precision"] and report["recall"] >= FLOORS[path]["recall"]
