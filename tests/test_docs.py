"""The docs cover what the code reads: every DEPESHA_* variable is documented in docs/settings.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def used_variables() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "depesha").rglob("*.py"):
        found |= set(re.findall(r"DEPESHA_[A-Z_]+[A-Z]", path.read_text(encoding="utf-8")))
    return found


def test_every_setting_is_documented():
    documented = set(re.findall(r"`(DEPESHA_[A-Z_]+)`", (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")))
    used = used_variables()
    assert used, "no settings found: the scan is broken"
    assert used <= documented, f"undocumented settings: {sorted(used - documented)}"


def test_store_settings_table_matches_the_docs():
    from depesha.web.config import setting_names

    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in text for name in setting_names())
