"""PLOVER JSON Lines: one event per line with actors, recipients, mode, contexts and citation."""

from __future__ import annotations

from typing import Any

from ..extractors.gazetteer import iso3

MODES = {"online": "phone", "phone": "phone"}
KIND_MODES = {"visit": "visit", "summit": "multilateral"}
LEGISLATIVE = ("депутат", "спикер", "сенатор", "парламентарий", "вице-спикер")


def actor_of(entities: dict[str, dict[str, Any]], positions: list[dict[str, Any]],
             entity_id: str) -> dict[str, Any] | None:
    """A participant as a PLOVER actor: country code, sector (from the body of the post), text, office."""
    entity = entities.get(entity_id)
    if entity is None:
        return None
    posts = [position for position in positions if position["person"] == entity_id]
    office = posts[0]["title"] if posts else None
    sector = entity.get("sector")
    for post in posts:
        org = entities.get(post.get("organization") or "")
        if org and org.get("sector"):
            sector = org["sector"]
            break
        if post["title"].split()[0] in LEGISLATIVE:
            sector = "LEG"
    if sector is None and posts:
        sector = "GOV"
    return {"code": iso3(entity["country"]) if entity.get("country") else None, "sector": sector,
            "entity_text": entity["name"], "office": office, "entity_id": entity_id}


def country_actor(iso: str) -> dict[str, Any]:
    return {"code": iso3(iso), "sector": "GOV", "entity_text": iso, "office": None}


def split_sides(actors: dict[str, dict[str, Any] | None], event: dict[str, Any]) -> tuple[list[dict], list[dict]]:
    """Initiator's side as actor, the others as recipient; all actors when sides cannot be told apart."""
    people = [actor for actor in (actors[pid] for pid in event["participants"]) if actor]
    initiator = event.get("initiator")
    if initiator:
        actor = [a for a in people if a["entity_id"] == initiator]
        codes = {a["code"] for a in actor}
        recipient = [a for a in people if a["code"] not in codes]
        covered = codes | {a["code"] for a in recipient}
        recipient += [country_actor(iso) for iso in event["countries"] if iso3(iso) not in covered]
        return actor, recipient
    covered = {a["code"] for a in people}
    return people + [country_actor(iso) for iso in event["countries"] if iso3(iso) not in covered], []


def format_plover(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The events of one record as PLOVER dictionaries."""
    article = record["article"]
    entities = {entity["id"]: entity for entity in record["entities"]}
    actors = {pid: actor_of(entities, record["positions"], pid)
              for event in record["events"] for pid in event["participants"]}
    rows = []
    for event in record["events"]:
        actor, recipient = split_sides(actors, event)
        start, end = event["evidence"][0] if event["evidence"] else (None, None)
        mode = MODES.get(event.get("mode") or "") or KIND_MODES.get(event["kind"])
        rows.append({
            "id": f"{article['id']}-{event['id']}",
            "date": event.get("date"),
            "actor": actor,
            "recipient": recipient,
            "event": [event["category"]],
            "mode": [mode] if mode else [],
            "context": event.get("topics", []),
            "event_loc": {"name": event.get("place")} if event.get("place") else None,
            "event_text": event.get("summary"),
            "text_info": {"sequence": event["id"], "start": start, "end": end},
            "cite_info": {"url": article.get("url"), "title": article.get("title"), "language": article.get("language"),
                          "publication": article.get("source"), "published": article.get("published")},
            "depesha": {"kind": event["kind"], "mode": event.get("mode"), "outcome": event.get("outcome"),
                        "related": event.get("related", [])},
        })
    return rows
