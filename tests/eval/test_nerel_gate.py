"""Regression gate: end-to-end NEREL dev scores must stay above the floors in nerel_floors.json."""

import json
import os
from pathlib import Path

import pytest

from depesha.eval.nerel.gold import BratDoc, load_split
from depesha.eval.nerel.score import format_table, score_docs

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("DEPESHA_SHARED_DATA", ROOT.parent / "shared" / "data"))
DEV = DATA / "nerel-1.1" / "dev"
FLOORS = json.loads((Path(__file__).parent / "nerel_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores():
    if not DEV.is_dir():
        pytest.skip(f"NEREL dev split not found at {DEV} (set DEPESHA_SHARED_DATA): the NEREL gate did NOT run")
    from depesha.eval.nerel.run import run_doc

    stats: dict[str, int] = {}
    pairs = []
    for gold in load_split(DEV):
        entities, relations = run_doc(gold.text, stats)
        pairs.append((gold, BratDoc(gold.id, gold.text, entities, relations)))
    result = score_docs(pairs)
    print("\n" + format_table(result))
    return {(s.type, s.mode): s.f1 for s in result}


@pytest.mark.slow
@pytest.mark.parametrize("type, mode", [(type, mode) for type, modes in FLOORS["f1"].items() for mode in modes])
def test_nerel_f1_floor(scores, type, mode):
    floor = FLOORS["f1"][type][mode]
    assert scores[type, mode] >= floor, f"{type} {mode} F1 {scores[type, mode]:.3f} fell below the floor {floor}"
