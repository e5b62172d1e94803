"""Evaluation against gold standards, one subpackage per benchmark: factRuEval-2016, NEREL, the event corpus."""

from __future__ import annotations

import os
from pathlib import Path


def default_data_dir() -> Path:
    """`<repo>/../shared/data`, overridable by the environment variable DEPESHA_SHARED_DATA."""
    env = os.environ.get("DEPESHA_SHARED_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "data"
