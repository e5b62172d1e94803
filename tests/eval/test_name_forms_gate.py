"""Names in the nominative on real text: 416 person-name forms of NEREL texts (tests/data/name_forms.tsv, the
nominative written by an annotator from the context). Floors on the sealed half and the tune half."""

from collections import Counter

import pytest

from depesha.eval import default_data_dir
from depesha.eval.names import agrees, check, part_of, read_table

FLOORS = {"tune": 0.966, "test": 0.918}     # measured 0.976 / 0.928, minus 0.01


@pytest.mark.parametrize(("expected", "found", "ok"), [
    ("Обама", "Барак Обама", True),
    ("В. Путин", "Владимир Путин", True),
    ("Джордж Буш-младший", "Джордж Буш-младший", True),
    ("Стросс-Кан", "Доминик Стросс-кан", False),
    ("Ким Чен Ын", "Ким Чен Ына", False),
    ("Алиева", "Ильхам Алиев", False),
])
def test_agreement_rule(expected, found, ok):
    assert agrees(expected, found) is ok


def test_table_has_the_promised_shape():
    rows = read_table()
    kinds = Counter(row.kind for row in rows)
    assert len(rows) >= 200
    assert sum(row.form != row.nominative for row in rows) >= 100
    assert {"initials", "hyphen", "korean", "arabic", "central_asian"} <= set(kinds)
    assert {part_of(row) for row in rows} == {"tune", "test"}


@pytest.fixture(scope="module")
def results():
    root = default_data_dir() / "nerel-1.1"
    if not root.is_dir():
        pytest.skip(f"SKIPPED LOUDLY: NEREL is absent at {root} (set DEPESHA_SHARED_DATA): names NOT checked")
    return list(check(read_table(), root))


@pytest.mark.slow
@pytest.mark.parametrize("part", ["tune", "test"])
def test_nominative_accuracy_floor(results, part):
    found = [(row, name) for row, name in results if part_of(row) == part and name is not None]
    right = sum(agrees(row.nominative, name) for row, name in found)
    assert len(found) >= 0.9 * sum(part_of(row) == part for row, _ in results)
    assert right / len(found) >= FLOORS[part], f"{part}: {right}/{len(found)}"
