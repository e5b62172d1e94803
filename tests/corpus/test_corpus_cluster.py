"""Event clustering: which stored cluster a new report joins."""

from __future__ import annotations

import pytest

from depesha.corpus.cluster import Cluster, Report, choose_cluster, date_window, parse_date

STORED = [
    Cluster(1, "CONSULT", "meeting", "2025-11-28", {"KZ", "MX"}, {10, 20}),
    Cluster(2, "CONSULT", "visit", "2025-11-28", {"KZ", "MX"}, {20}),
    Cluster(3, "AGREE", "proposal", "2025-11-28", {"KZ", "MX"}, {10}),
    Cluster(4, "CONSULT", "meeting", "2025-11-29", {"KZ", "RU"}, {10, 30}),
]


@pytest.mark.parametrize("report, expected", [
    (Report("CONSULT", "meeting", "2025-11-28", {"KZ", "MX"}, {10, 20}), 1),
    (Report("CONSULT", "talks", "2025-11-30", {"KZ", "MX"}, set()), 1),        # talks ~ meeting, same pair
    (Report("CONSULT", "meeting", "2025-11-28", {"KZ", "MX"}, {40, 50}), None),  # same pair, other people
    (Report("CONSULT", "meeting", "2025-12-05", {"KZ", "MX"}, {10, 20}), None),  # a week later: another one
    (Report("CONSULT", "visit", "2025-11-27", {"MX", "KZ"}, {20}), 2),
    (Report("AGREE", "proposal", "2025-11-28", {"KZ", "MX"}, {10}), 3),
    (Report("REQUEST", "request", "2025-11-28", {"KZ", "MX"}, {10}), None),    # other category
    (Report("CONSULT", "meeting", "2025-11-29", {"KZ"}, {30}), 4),             # shared participant
    (Report("CONSULT", "meeting", "2025-11-29", {"KZ"}, set()), None),        # nothing shared but KZ
    (Report("CONSULT", "meeting", "2025-11-29", {"TR"}, {10}), None),         # countries contradict
    # "в ноябре" (month precision, dated the 1st): any day of that month, and 3 days around it
    (Report("CONSULT", "meeting", "2025-11-01", {"KZ", "MX"}, {10}, "month"), 1),
    (Report("CONSULT", "meeting", "2025-12-01", {"KZ", "MX"}, {20}, "month"), 1),   # Nov 28 is 3 days before
    (Report("CONSULT", "meeting", "2025-10-01", {"KZ", "MX"}, {10}, "month"), None),
    (Report("CONSULT", "meeting", "2025-11-01", {"KZ", "MX"}, {10}), None),      # the 1st as a day: too far
])
def test_corpus_cluster_choice(report, expected):
    assert choose_cluster(report, STORED) == expected


@pytest.mark.parametrize("value, expected", [
    ("2025-11-28", (2025, 11, 28)), ("2025-11", (2025, 11, 1)), ("2025", (2025, 1, 1)), ("", None), ("x", None),
])
def test_corpus_cluster_parse_date(value, expected):
    date = parse_date(value)
    assert (date and (date.year, date.month, date.day)) == expected


@pytest.mark.parametrize("value, precision, expected", [
    ("2025-11-28", "day", ("2025-11-25", "2025-12-01")),
    ("2025-11-28", None, ("2025-11-25", "2025-12-01")),
    ("2025-11-01", "month", ("2025-10-29", "2025-12-03")),
    ("2024-02-01", "month", ("2024-01-29", "2024-03-03")),   # a leap February ends on the 29th
    ("2025-12-01", "month", ("2025-11-28", "2026-01-03")),
    ("x", "month", ("x", "x")),
])
def test_corpus_cluster_date_window(value, precision, expected):
    assert date_window(value, precision) == expected
