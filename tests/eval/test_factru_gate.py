"""Regression gate: depesha on the whole factRuEval-2016 devset must stay above the floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from depesha.eval.factru.eval import score_folder
from depesha.eval.factru.gold import default_data_dir, load_gold
from depesha.eval.factru.run import write_responses

DEVSET = default_data_dir() / "factrueval-2016" / "devset"
FLOORS = json.loads((Path(__file__).parent / "factru_floors.json").read_text(encoding="utf-8"))
ROWS = [(setting, tag) for setting, tags in FLOORS.items() if not setting.startswith("_") for tag in tags]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    if not DEVSET.exists():
        pytest.skip(f"SKIPPED LOUDLY: factRuEval devset is absent at {DEVSET} (set DEPESHA_SHARED_DATA)")
    out = tmp_path_factory.mktemp("factru")
    failed = write_responses(DEVSET, out)
    assert not failed, f"documents failed: {failed}"
    return score_folder(load_gold(DEVSET), out, DEVSET)


@pytest.mark.slow
@pytest.mark.parametrize("setting, tag", ROWS)
def test_factru_gate_floor(report, setting, tag):
    f1 = report[setting][tag]["f1"]
    floor = FLOORS[setting][tag]
    assert f1 >= floor, f"{setting} {tag}: F1 {f1:.4f} fell below the floor {floor:.4f}\n{report['tables'][setting]}"


@pytest.mark.slow
def test_factru_gate_every_document_has_responses(report):
    assert report["documents"] == 122 and len(report["t1_docs"]) == 122 and len(report["t3_docs"]) == 122
