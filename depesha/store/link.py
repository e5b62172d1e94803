"""Passes over the whole store after ingest: commitment follow-up links."""

from __future__ import annotations

import json
from typing import Any

from depesha.corpus.acts import tokens
from depesha.corpus.followup import Commitment, Fulfilment, FulfilmentIndex

from .lemma import lemmatize_word
from .queries import COMMITMENT_KINDS

FULFILLING = ("visit", "meeting", "talks", "signing", "phone_call", "session")


def link_followups(writer: Any) -> int:
    """Recompute every follow-up link in one transaction; returns the number of links."""
    with writer.transaction():
        marks = ", ".join("?" * len(FULFILLING))
        index = FulfilmentIndex()
        for id, date, kind, countries, summary, place in writer.execute(
            f"SELECT id, date, kind, countries, summary, place FROM clusters WHERE kind IN ({marks})", FULFILLING
        ).fetchall():
            index.add(Fulfilment(id, date or "", kind, frozenset(countries.split()), summary or "", place))
        index.sort()
        marks = ", ".join("?" * len(COMMITMENT_KINDS))
        commitments = writer.execute(
            f"SELECT id, date, kind, countries, summary FROM clusters WHERE kind IN ({marks})"
            " OR outcome IN ('proposed', 'agreed')", COMMITMENT_KINDS,
        ).fetchall()
        links = []
        for id, date, kind, countries, summary in commitments:
            words = [lemmatize_word(word) for word in tokens(summary or "")]
            commitment = Commitment(id, date or "", kind, frozenset(countries.split()), words, summary or "")
            for event, event_kind, word in index.find(commitment):
                links.append((id, event, f"{word} -> {event_kind} between {' '.join(sorted(commitment.countries))}"))
        reports = first_reports(writer, sorted({event for _, event, _ in links}))
        rows = [(id, event, rule, json.dumps(reports[event], ensure_ascii=False)) for id, event, rule in links]
        writer.execute("DELETE FROM followups")
        writer.executemany("INSERT INTO followups (commitment, event, rule, evidence) VALUES (?, ?, ?, ?)", rows)
    return len(rows)


def first_reports(writer: Any, clusters: list[int], chunk: int = 500) -> dict[int, dict[str, Any]]:
    """The article and offsets of the first report of each event: the evidence of its links."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(clusters), chunk):
        part = clusters[start:start + chunk]
        for cluster, article, evidence, summary in writer.execute(
            "SELECT e.cluster, a.id, e.evidence, e.summary FROM events e JOIN articles a ON a.num = e.article"
            f" WHERE e.cluster IN ({', '.join('?' * len(part))}) ORDER BY e.id DESC", part,
        ).fetchall():  # the last row of a cluster is its first report
            found[cluster] = {"article": article, "evidence": json.loads(evidence), "summary": summary}
    return found
