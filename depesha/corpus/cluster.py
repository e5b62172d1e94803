"""Which stored event cluster a new report joins: same category, close dates, shared parties."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

WINDOW_DAYS = 3
SAME_KIND = [{"meeting", "talks"}]     # kinds that news use for one and the same contact


@dataclass
class Report:
    """An event as one article reports it, with resolved entity ids."""

    category: str
    kind: str | None
    date: str
    countries: set[str]
    participants: set[int]
    precision: str | None = None   # "month": the report names only the month ("в январе"), its date is the 1st


@dataclass
class Cluster:
    """A stored cluster as a candidate: its first report's kind and date, all parties seen."""

    id: int
    category: str
    kind: str | None
    date: str
    countries: set[str]
    participants: set[int]


@lru_cache(maxsize=10_000)
def parse_date(value: str | None) -> dt.date | None:
    """'2025-11-28', '2025-11' or '2025' -> a date (the first day of a month or year); None for anything else,
    and for the first and last years a date can hold (a window of days around them would overflow)."""
    if not value:
        return None
    parts = (value.split("-") + ["01", "01"])[:3]
    try:
        date = dt.date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1))
    except (ValueError, OverflowError):   # OverflowError: a year like 99999999999
        return None
    return date if dt.MINYEAR < date.year < dt.MAXYEAR else None


@lru_cache(maxsize=10_000)
def date_window(value: str, precision: str | None = None) -> tuple[str, str]:
    """ISO bounds of the dates a report of the same event may carry (a month-precision report: its whole month)."""
    first = parse_date(value)
    if first is None:
        return value, value
    delta = dt.timedelta(days=WINDOW_DAYS)
    last = month_end(first) if precision == "month" else first
    return (first - delta).isoformat(), (last + delta).isoformat()


def month_end(date: dt.date) -> dt.date:
    """The last day of the month of `date`."""
    following = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def distance(report: Report, date: dt.date) -> int:
    """Days between a stored report's date and `report`'s date (0 inside the month of a month-precision report)."""
    own = parse_date(report.date)
    if own is None:
        return 0
    if report.precision == "month":
        end = month_end(own)
        return 0 if own <= date <= end else min(abs((own - date).days), abs((date - end).days))
    return abs((own - date).days)


def same_kind(a: str | None, b: str | None) -> bool:
    return a == b or any(a in group and b in group for group in SAME_KIND)


def score(report: Report, cluster: Cluster) -> tuple[int, int] | None:
    """None when the cluster cannot be the same event, else a sort key (higher is better)."""
    if cluster.category != report.category or not same_kind(cluster.kind, report.kind):
        return None
    shared = len(report.participants & cluster.participants)
    if report.participants and cluster.participants and not shared:
        return None  # both name who took part, and nobody is the same: another contact of the same countries
    same_countries = len(report.countries) >= 2 and report.countries == cluster.countries
    if not shared and not same_countries:
        return None
    if report.countries and cluster.countries and not report.countries & cluster.countries:
        return None
    date = parse_date(cluster.date)
    days = distance(report, date) if date else 0
    if days > WINDOW_DAYS:
        return None
    return shared, -days


def choose_cluster(report: Report, clusters: list[Cluster]) -> int | None:
    """The id of the best matching cluster, or None to start a new one."""
    scored = [(key, -cluster.id, cluster.id) for cluster in clusters if (key := score(report, cluster))]
    return max(scored)[2] if scored else None
