"""Re-extraction of stored articles: new facts replace old ones, entity ids that still match are kept."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from depesha.errors import StoreError

from .writer import Outcome, Summary, Writer, check_record

log = logging.getLogger(__name__)

Extract = Callable[[dict[str, Any]], dict[str, Any]]  # a stored article (text, raw, metadata) -> a new record


def stored_articles(writer: Writer, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """What re-extraction needs of each stored article, in storage order."""
    rows = writer.execute("SELECT num, id, text, raw, source, published, title, url, agency FROM articles"
                          " ORDER BY num").fetchall()
    wanted = set(ids) if ids is not None else None
    keys = ["num", "id", "text", "raw", "source", "published", "title", "url", "agency"]
    return [dict(zip(keys, row, strict=True)) for row in rows if wanted is None or row[1] in wanted]


def replace_facts(writer: Writer, num: int, record: dict[str, Any], extractor: str | None) -> Outcome:
    """Swap the facts of one stored article for those of `record`, in one transaction."""
    check_record(record)
    text, article_id, dup_of = writer.execute("SELECT text, id, dup_of FROM articles WHERE num = ?", (num,)).fetchone()
    if record["article"]["text"] != text:
        raise StoreError(f"{article_id}: the extractor returned another text; stored text is never altered")
    writer.begin()
    writer.flush()  # rows of earlier articles still waiting for their commit
    try:
        old = {row[0] for row in writer.execute("SELECT entity FROM article_entities WHERE article = ?", (num,))}
        clusters = {row[0] for row in writer.execute("SELECT cluster FROM events WHERE article = ?", (num,))}
        for table in ("events", "mentions", "article_entities", "positions"):
            writer.execute(f"DELETE FROM {table} WHERE article = ?", (num,))
        for cluster in sorted(clusters):
            refresh_cluster(writer, cluster)
        writer.resolver.clear()
        stored = {key: value for key, value in record.items()}
        stored["article"] = {key: value for key, value in record["article"].items() if key != "text"}
        writer.execute("UPDATE articles SET record = ?, extractor = ? WHERE num = ?",
                       (json.dumps(stored, ensure_ascii=False), extractor, num))
        writer.insert_facts(num, record, duplicate=dup_of is not None)
        writer.flush()
        new = {row[0] for row in writer.execute("SELECT entity FROM article_entities WHERE article = ?", (num,))}
        refresh_entities(writer, sorted(old | new))
    except BaseException:
        writer.rollback()
        raise
    writer.commit()
    return Outcome(article_id, "reprocessed", num)


def refresh_cluster(writer: Writer, cluster: int) -> None:
    """Rebuild a cluster from the reports it still has, or drop it when it has none."""
    rows = writer.execute(
        "SELECT e.kind, coalesce(e.date, a.published, ''), e.mode, e.place, e.countries, e.outcome, e.summary,"
        " e.participants, e.topics, a.dup_of FROM events e JOIN articles a ON a.num = e.article"
        " WHERE e.cluster = ? ORDER BY e.id", (cluster,),
    ).fetchall()
    for table in ("cluster_countries", "cluster_entities", "cluster_topics"):
        writer.execute(f"DELETE FROM {table} WHERE cluster = ?", (cluster,))
    if not rows:
        writer.execute("DELETE FROM followups WHERE commitment = ? OR event = ?", (cluster, cluster))
        writer.execute("DELETE FROM clusters WHERE id = ?", (cluster,))
        return
    kind, date, mode, place, countries, outcome, summary = rows[0][:7]
    originals = sum(1 for row in rows if row[9] is None)
    writer.execute("UPDATE clusters SET kind = ?, date = ?, mode = ?, place = ?, countries = ?, outcome = ?,"
                   " summary = ?, articles = ? WHERE id = ?",
                   (kind, date, mode, place, countries, outcome, summary, max(originals, 1), cluster))
    for row in rows:
        writer.link_cluster(cluster, row[1], row[4].split(), [int(x) for x in row[7].split()], row[8].split())


def refresh_entities(writer: Writer, ids: list[int]) -> None:
    """Recount articles and first/last dates of entities from what is stored."""
    for id in ids:
        count, first, last = writer.execute(
            "SELECT count(DISTINCT a.num), min(coalesce(a.published, a.dateline_date)),"
            " max(coalesce(a.published, a.dateline_date)) FROM article_entities ae"
            " JOIN articles a ON a.num = ae.article WHERE ae.entity = ? AND a.dup_of IS NULL", (id,),
        ).fetchone()
        writer.execute("UPDATE entities SET articles = ?, first_seen = ?, last_seen = ? WHERE id = ?",
                       (count, first, last, id))


def reprocess(writer: Writer, extract: Extract, ids: Iterable[str] | None = None,
              extractor: str | None = None, on_error: Callable[[str, str], None] | None = None) -> Summary:
    """Re-extract stored articles (all, or those in `ids`); one failing article does not stop the rest."""
    summary = Summary()
    for article in stored_articles(writer, ids):
        try:
            outcome = replace_facts(writer, article["num"], extract(article), extractor)
        except Exception as error:  # noqa: BLE001 - report, skip, count
            log.debug("reprocess failed", exc_info=True)
            summary.fail(article["id"], f"{type(error).__name__}: {error}")
            if on_error:
                on_error(article["id"], str(error))
            continue
        summary.add(outcome)
    return summary
