"""Whole records of the sample articles against their reviewed golden files (tests/golden/ctl.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

CTL = Path(__file__).resolve().parent / "golden" / "ctl.py"
spec = importlib.util.spec_from_file_location("golden_ctl", CTL)
ctl = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ctl)


def test_every_sample_has_a_golden_file():
    samples = ctl.sample_paths()
    assert len(samples) >= 16
    missing = [sample.name for sample in samples if not ctl.golden_path(sample).exists()]
    assert not missing, f"no golden file for {missing}: run tests/golden/ctl.py up and review"


@pytest.mark.parametrize("sample", ctl.sample_paths(), ids=lambda path: path.stem)
def test_golden(pipeline, sample):
    expected = ctl.golden_path(sample).read_text(encoding="utf-8")
    assert ctl.render(sample) == expected, f"{sample.name} changed: see tests/golden/ctl.py diff"
