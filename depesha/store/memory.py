"""In-memory copies of the indexes ingest reads (stored ids, LSH bands, clusters by country and person), for bulk loads."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from depesha.corpus.cluster import Cluster

EMPTY: frozenset[int] = frozenset()


class DateIndex:
    """Cluster ids by a key (a country, an entity) and an ISO date; finds those of a date range."""

    def __init__(self) -> None:
        self.dates: dict[Hashable, list[str]] = {}
        self.items: dict[tuple[Hashable, str], set[int]] = {}

    def add(self, key: Hashable, date: str, cluster: int) -> None:
        bucket = self.items.get((key, date))
        if bucket is None:
            self.items[(key, date)] = {cluster}
            insort(self.dates.setdefault(key, []), date)
        else:
            bucket.add(cluster)

    def find(self, key: Hashable, low: str, high: str) -> set[int]:
        """Clusters under `key` with a date between `low` and `high` (inclusive, compared as strings like SQL)."""
        dates = self.dates.get(key)
        found: set[int] = set()
        if dates:
            for date in dates[bisect_left(dates, low):bisect_right(dates, high)]:
                found |= self.items[(key, date)]
        return found


@dataclass
class MemoryIndex:
    """What the writer looks up per article, held in memory: the same answers as the SQL lookups, without a query."""

    nums: dict[str, int] = field(default_factory=dict)                   # article id -> num
    articles: dict[int, tuple[str, bytes, int | None]] = field(default_factory=dict)  # num -> id, minhash, dup_of
    bands: dict[int, int | list[int]] = field(default_factory=dict)      # LSH key -> article num(s); most keys have one
    # cluster id -> category, kind, date, countries (of its first report)
    clusters: dict[int, tuple[str, str | None, str, frozenset[str]]] = field(default_factory=dict)
    members: dict[int, set[int]] = field(default_factory=dict)           # cluster -> entity ids
    countries: dict[int, dict[str, set[str]]] = field(default_factory=dict)  # cluster -> country -> its report dates
    by_pair: DateIndex = field(default_factory=DateIndex)                # (a, b) with a < b, report date of a -> clusters
    by_entity: DateIndex = field(default_factory=DateIndex)              # entity, cluster date -> clusters
    next_num: int = 1
    next_cluster: int = 1
    next_entity: int = 1

    @classmethod
    def load(cls, execute: Any) -> MemoryIndex:
        """Read the indexes of a store through `execute(sql) -> cursor` (the writer's own connection)."""
        index = cls()
        for num, id, minhash, dup_of in execute("SELECT num, id, minhash, dup_of FROM articles"):
            index.nums[id] = num
            index.articles[num] = (id, bytes(minhash or b""), dup_of)
        index.next_num = max(index.articles, default=0) + 1
        for key, article in execute("SELECT key, article FROM lsh"):
            index.add_band(key, article)
        for id, category, kind, date, countries in execute("SELECT id, category, kind, date, countries FROM clusters"):
            index.clusters[id] = (category, kind, date or "", frozenset((countries or "").split()))
        index.next_cluster = max(index.clusters, default=0) + 1
        index.next_entity = (execute("SELECT max(id) FROM entities")[0][0] or 0) + 1
        for country, date, cluster in execute("SELECT country, date, cluster FROM cluster_countries"):
            index.link_country(country, date, cluster)
        for entity, cluster in execute("SELECT entity, cluster FROM cluster_entities"):
            index.link_entity(entity, cluster)
        return index

    # articles

    def add_article(self, num: int, id: str, minhash: bytes, dup_of: int | None, keys: Iterable[int]) -> None:
        self.nums[id] = num
        self.articles[num] = (id, minhash, dup_of)
        self.next_num = max(self.next_num, num + 1)
        for key in keys:
            self.add_band(key, num)

    def add_band(self, key: int, num: int) -> None:
        found = self.bands.get(key)
        if found is None:
            self.bands[key] = num
        elif isinstance(found, int):
            self.bands[key] = [found, num]
        else:
            found.append(num)

    def sharing(self, keys: list[int]) -> Counter[int]:
        """How many of `keys` each stored article has."""
        shared: Counter[int] = Counter()
        for key in keys:
            found = self.bands.get(key)
            if isinstance(found, int):
                shared[found] += 1
            elif found:
                shared.update(found)
        return shared

    def duplicate_candidates(self, keys: list[int], min_bands: int, limit: int) -> list[tuple[int, bytes, int | None]]:
        """(num, minhash, dup_of) of the articles sharing at least `min_bands` bands, most shared first."""
        shared = self.sharing(keys)
        best = sorted((num for num, count in shared.items() if count >= min_bands),
                      key=lambda num: (-shared[num], num))[:limit]
        return [(num, self.articles[num][1], self.articles[num][2]) for num in best]

    # clusters

    def add_cluster(self, id: int, category: str, kind: str | None, date: str, countries: str) -> None:
        self.clusters[id] = (category, kind, date or "", frozenset(countries.split()))
        self.next_cluster = max(self.next_cluster, id + 1)

    def link_entity(self, entity: int, cluster: int) -> None:
        members = self.members.setdefault(cluster, set())
        if entity not in members and cluster in self.clusters:
            members.add(entity)
            self.by_entity.add(entity, self.clusters[cluster][2], cluster)

    def link_country(self, country: str, date: str, cluster: int) -> None:
        """A report of `cluster` names `country` on `date`: index the cluster under every pair of its countries,
        at the report dates of the pair's first country (what the SQL lookup joins)."""
        dates = self.countries.setdefault(cluster, {})
        known = dates.get(country)
        if known is None:  # a new country: pairs with every other one
            for other, other_dates in dates.items():
                if country < other:
                    self.by_pair.add((country, other), date, cluster)
                else:
                    for other_date in other_dates:
                        self.by_pair.add((other, country), other_date, cluster)
            dates[country] = {date}
        elif date not in known:  # a new date of a known country: the pairs it comes first in
            for other in dates:
                if country < other:
                    self.by_pair.add((country, other), date, cluster)
            known.add(date)

    def cluster_candidates(self, category: str, kinds: list[str], low: str, high: str, countries: list[str],
                           participants: Iterable[int]) -> list[Cluster]:
        """Clusters of the category and kinds in the window that share both countries or a participant."""
        ids: set[int] = set()
        if len(countries) >= 2:
            ids = self.by_pair.find((countries[0], countries[1]), low, high)
        for entity in participants:
            ids |= self.by_entity.find(entity, low, high)
        found = []
        for id in sorted(ids):
            stored_category, kind, date, stored_countries = self.clusters[id]
            if stored_category == category and (kind or "") in kinds:  # the sets are shared, not copied: read only
                found.append(Cluster(id, category, kind, date, stored_countries,  # type: ignore[arg-type]
                                     self.members.get(id, EMPTY)))  # type: ignore[arg-type]
        return found
