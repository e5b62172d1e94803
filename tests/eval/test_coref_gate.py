"""Regression gate: coreference on RuCoCo's sealed test split stays above coref_floors.json and ahead of both
baselines by the margin (the model and its threshold were chosen on train and dev only)."""

import json
from pathlib import Path

import pytest

from depesha.eval.coref.corpus import default_corpus, read_corpus

FLOORS = json.loads((Path(__file__).parent / "coref_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report():
    from depesha.eval.coref.cli import annotated, format_table
    from depesha.eval.coref.run import evaluate

    if not default_corpus().exists():
        pytest.skip(f"SKIPPED LOUDLY: RuCoCo is absent at {default_corpus()} (set DEPESHA_SHARED_DATA): "
                    "the coreference gate did NOT run")
    failed: list[str] = []
    result = evaluate(annotated(list(read_corpus(default_corpus(), "test")), failed))
    assert failed == []
    print("\n" + format_table(result))
    return result


@pytest.mark.slow
def test_lea_floor(report):
    assert report["model"]["lea"]["f1"] >= FLOORS["at_least"]["lea_f1"]


@pytest.mark.slow
def test_conll_floor(report):
    assert report["model"]["conll"]["f1"] >= FLOORS["at_least"]["conll_f1"]


@pytest.mark.slow
@pytest.mark.parametrize("baseline", ["exact_names", "same_head"])
def test_model_beats_baseline_by_the_margin(report, baseline):
    margin = report["model"]["lea"]["f1"] - report[baseline]["lea"]["f1"]
    assert margin >= FLOORS["lea_margin_over_baselines"], f"LEA margin over {baseline} is only {margin:.3f}"
