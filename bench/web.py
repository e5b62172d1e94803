"""Benchmark (not a test): server-side render time of every web page on an existing store.

Build the store first with bench/store.py (100,000 synthetic articles by default), then:
    .venv/bin/python bench/web.py --db bench-store.db [--repeat 20]
Prints p50/p95 per page; the target of issue 6 is <= 300 ms for every page at 100k articles.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path


def first(client, path: str) -> dict:
    response = client.get(path)
    response.raise_for_status()
    items = response.json()["items"]
    if not items:
        raise SystemExit(f"{path}: the store is empty")
    return items[0]


def pages(client) -> dict[str, str]:
    """One URL of each page, with ids taken from the store itself."""
    event = first(client, "/api/events?limit=1&country=KZ")
    countries = sorted(event["countries"])[:2]
    pair = "-".join(countries) if len(countries) == 2 else "KZ-RU"
    person = first(client, "/api/entities?type=person&limit=1")
    article = event["reports"][0]["article"] if event.get("reports") else first(client, "/api/articles?limit=1")["id"]
    return {
        "overview": "/",
        "overview, filtered": "/?country=KZ&since=2025-01-01",
        "event": f"/events/{event['id']}",
        "events table": "/events",
        "commitments": "/commitments",
        "commitments, open": "/commitments?status=open",
        "events table, filtered": "/events?country=KZ&category=CONSULT",
        "events table, page 50": "/events?page=50",
        "events table, most reported": "/events?sort=reports",
        "events table, oldest, filtered": "/events?sort=oldest&category=CONSULT",
        "events table, a source": "/events?source=ТАСС",
        "pair": f"/pairs/{pair}",
        "country": f"/countries/{countries[0] if countries else 'KZ'}",
        "person": f"/people/{person['id']}",
        "network": "/network",
        "network, people": "/network?level=people",
        "article": f"/articles/{article}",
        "search": "/search?q=переговоры",
        "search, a surname": f"/search?q={person['name'].split()[-1]}",
        "events table, a person": f"/events?person={person['id']}",
        "map": "/map",
        "map, counterparts": f"/map?country={countries[0] if countries else 'KZ'}",
        "map, filtered": "/map?category=CONSULT&since=2025-01-01",
        "upload": "/upload",
        "timeline.json": "/charts/timeline.json",
        "network.json": "/charts/network.json",
        "map.json": "/charts/map.json",
        "map.json, counterparts": f"/charts/map.json?country={countries[0] if countries else 'KZ'}",
        "network.json, people": "/charts/network.json?level=people",
        f"pairs/{pair}.json": f"/charts/pairs/{pair}.json",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("bench-store.db"))
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no store at {args.db}: run bench/store.py first", file=sys.stderr)
        return 2
    from fastapi.testclient import TestClient

    from depesha.web.app import create_app
    from depesha.web.config import Settings

    with TestClient(create_app(Settings(db=str(args.db)))) as client:
        urls = pages(client)
        print(f"store: {args.db} ({args.db.stat().st_size / 1e6:.0f} MB); {args.repeat} runs per page after a warm-up")
        print(f"{'page':24} {'p50 ms':>8} {'p95 ms':>8}  status")
        worst = 0.0
        for name, url in urls.items():
            status = client.get(url).status_code
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            p50 = statistics.median(times)
            p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)]
            worst = max(worst, p95)
            print(f"{name:24} {p50:8.1f} {p95:8.1f}  {status}")
        print(f"slowest page p95: {worst:.1f} ms (target <= 300)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
