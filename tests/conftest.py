"""Session fixtures: the pipeline (natasha loads once), paths of the shared gold data and the seed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("DEPESHA_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "kazakhstan-mexico-2025-11-28.txt"


def shared_or_skip(path: Path) -> Path:
    """The path inside ../shared, or a loud skip outside CI (never silently in CI)."""
    if path.exists():
        return path
    message = f"SKIPPED LOUDLY: {path} is absent (the shared gold data lives beside the repo in CI)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def pipeline():
    from depesha import make_pipeline

    return make_pipeline()


@pytest.fixture(scope="session")
def seed_record(pipeline):
    import depesha

    return depesha.extract(shared_or_skip(SEED).read_text(encoding="utf-8"))
