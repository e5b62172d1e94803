"""The bundled samples against their hand-written expectations (tests/expectations/*.json)."""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import depesha

ROOT = Path(__file__).resolve().parent.parent
EXPECTATIONS = ROOT / "tests" / "expectations"
SAMPLES = ROOT / "samples"

ASPECTS = ("article", "dateline", "attribution", "people", "positions", "organizations", "events", "absent")


# LOAD


def load_expectations() -> dict[str, dict[str, Any]]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXPECTATIONS.glob("*.json"))}


def load_sample(spec: str) -> tuple[str, dict[str, Any]]:
    """`samples/x.txt`, `samples/html/x.html` or `samples/feed.jsonl#N` (N counts lines from 1)."""
    path, _, line = spec.partition("#")
    text = (ROOT / path).read_text(encoding="utf-8")
    if line:
        row = json.loads(text.splitlines()[int(line) - 1])
        meta = {key: row[key] for key in ("published", "title", "url", "source") if row.get(key)}
        return row["text"], meta
    if path.endswith(".html"):
        return text, {"html": True}
    return text, {}


def sample_spec(name: str, expect: dict[str, Any]) -> str:
    return expect.get("sample") or f"samples/{name}.txt"


EXPECTED = load_expectations()


@cache
def extract_sample(name: str) -> dict[str, Any]:
    text, meta = load_sample(sample_spec(name, EXPECTED[name]))
    return depesha.extract(text, **meta)


@pytest.fixture(scope="session")
def extracted():
    return extract_sample


# MATCH


def norm(value: str | None) -> str:
    return re.sub(r"\s+", " ", (value or "").lower().replace("ё", "е")).strip()


def alternatives(value: str | list[str]) -> list[str]:
    values = value if isinstance(value, list) else value.split("|")
    return [norm(item) for item in values]


def entities_of(record: dict[str, Any], type: str) -> list[dict[str, Any]]:
    return [entity for entity in record["entities"] if entity["type"] == type]


def find_person(record: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next((entity for entity in entities_of(record, "person") if norm(entity["name"]) == norm(name)), None)


def entity_names(record: dict[str, Any], ids: list[str]) -> list[str]:
    names = {entity["id"]: entity["name"] for entity in record["entities"]}
    return [names.get(id, id) for id in ids]


def titles_of(record: dict[str, Any], person: dict[str, Any]) -> list[str]:
    return [position["title"] for position in record["positions"] if position["person"] == person["id"]]


def has_title(titles: list[str], expected: str) -> bool:
    return any(alt in norm(title) for alt in alternatives(expected) for title in titles)


def match_date(guess: str | None, target: str) -> bool:
    if len(target) == 7:  # month precision: "2026-01"
        return (guess or "")[:7] == target
    return guess == target


def event_problems(record: dict[str, Any], guess: dict[str, Any], target: dict[str, Any]) -> list[str]:
    """Why an extracted event does not match an expected one (empty when it does)."""
    problems = []
    if "category" in target and guess["category"] != target["category"]:
        problems.append("category")
    if "kind" in target and norm(guess["kind"]) not in alternatives(target["kind"]):
        problems.append("kind")
    if not set(target.get("countries", [])) <= set(guess["countries"]):
        problems.append("countries")
    for key in ("mode", "outcome"):
        if key in target and guess.get(key) != target[key]:
            problems.append(key)
    if "date" in target and not match_date(guess.get("date"), target["date"]):
        problems.append("date")
    if "place" in target and norm(target["place"]) not in norm(guess.get("place")):
        problems.append("place")
    names = {norm(name) for name in entity_names(record, guess["participants"])}
    if not {norm(name) for name in target.get("participants", [])} <= names:
        problems.append("participants")
    return problems


def format_event(record: dict[str, Any], event: dict[str, Any]) -> str:
    fields = {key: event.get(key) for key in ("category", "kind", "countries", "mode", "date", "place", "outcome")}
    fields["participants"] = entity_names(record, event["participants"])
    return json.dumps(fields, ensure_ascii=False)


# CHECK


def check_article(record, expect):
    article = record["article"]
    problems = []
    for key in ("published", "language"):
        if key in expect and article.get(key) != expect[key]:
            problems.append(f"article.{key}: expected {expect[key]!r}, got {article.get(key)!r}")
    if "title" in expect and norm(expect["title"]) not in norm(article.get("title")):
        problems.append(f"article.title: expected {expect['title']!r}, got {article.get('title')!r}")
    return problems


def check_dateline(record, expect):
    dateline = record["article"].get("dateline") or {}
    problems = []
    for key, target in expect["dateline"].items():
        guess = dateline.get(key)
        same = guess == target if target is None or key == "date" else norm(guess) == norm(target)
        if not same:
            problems.append(f"dateline.{key}: expected {target!r}, got {guess!r}")
    return problems


def check_attribution(record, expect):
    target, guess = expect["attribution"], record["article"].get("attribution")
    if target is None:
        return [] if not guess else [f"attribution: expected none, got {guess!r}"]
    if norm(target) not in norm(guess):
        return [f"attribution: expected to contain {target!r}, got {guess!r}"]
    return []


def check_people(record, expect):
    found = [entity["name"] for entity in entities_of(record, "person")]
    problems = []
    for target in expect["people"]:
        person = find_person(record, target["name"])
        if person is None:
            problems.append(f"person {target['name']!r} not found among {found}")
        elif target.get("country") and person.get("country") != target["country"]:
            problems.append(f"person {target['name']!r}: country expected {target['country']!r}, got {person.get('country')!r}")
    return problems


def check_positions(record, expect):
    problems = []
    for target in expect["people"]:
        person = find_person(record, target["name"])
        titles = titles_of(record, person) if person else []
        for title in target["titles"]:
            if not has_title(titles, title):
                problems.append(f"person {target['name']!r}: title {title!r} not among {titles}")
    return problems


def check_organizations(record, expect):
    orgs = entities_of(record, "organization")
    problems = []
    for target in expect["organizations"]:
        named = [org for org in orgs if any(alt in norm(org["name"]) for alt in alternatives(target["name_contains"]))]
        if "country" in target:
            named = [org for org in named if org.get("country") == target["country"]]
        if not named:
            seen = [(org["name"], org.get("country")) for org in orgs]
            problems.append(f"organization {target} not found among {seen}")
    return problems


def check_events(record, expect):
    events = record["events"]
    problems = []
    if expect.get("no_events") is True and events:
        problems.append("expected no events, got:\n    " + "\n    ".join(format_event(record, e) for e in events))
    if expect.get("no_events") is False and not events:
        problems.append("expected events, got none")
    for target in expect["events"]:
        if any(not event_problems(record, event, target) for event in events):
            continue
        near = [e for e in events if e["category"] == target.get("category", e["category"])]
        lines = [f"{format_event(record, e)}  <- differs in {event_problems(record, e, target)}" for e in near]
        problems.append(f"event {json.dumps(target, ensure_ascii=False)} not found; same category:\n    "
                        + ("\n    ".join(lines) or "(none)"))
    return problems


def check_absent(record, expect):
    people = [entity["name"] for entity in entities_of(record, "person")]
    problems = []
    for name in expect.get("absent_people", []):
        pattern = rf"(?<!\w){re.escape(norm(name))}(?!\w)"
        problems += [f"unexpected person {guess!r} (matches {name!r})" for guess in people if re.search(pattern, norm(guess))]
    text = norm(record["article"].get("text"))
    problems += [f"boilerplate left in text: {line!r}" for line in expect.get("absent_text", []) if norm(line) in text]
    return problems


CHECKS = {
    "article": check_article,
    "dateline": check_dateline,
    "attribution": check_attribution,
    "people": check_people,
    "positions": check_positions,
    "organizations": check_organizations,
    "events": check_events,
    "absent": check_absent,
}


def applies(aspect: str, expect: dict[str, Any]) -> bool:
    if aspect == "positions":
        return any(person["titles"] for person in expect.get("people", []))
    if aspect == "events":
        return bool(expect.get("events")) or expect.get("no_events") is not None
    if aspect == "absent":
        return bool(expect.get("absent_people") or expect.get("absent_text"))
    if aspect == "article":
        return True
    return bool(expect.get(aspect)) or (aspect == "attribution" and "attribution" in expect)


# Expectations the extractor does not meet yet: strict xfail, so a fix shows up as XPASS and the line
# must then be removed from known_gaps.txt. Never add a line to hide a regression.
KNOWN_GAPS = {line.split("#")[0].strip() for line in (ROOT / "tests" / "expectations" / "known_gaps.txt")
              .read_text(encoding="utf-8").splitlines() if line.split("#")[0].strip()}
CASES = [
    pytest.param(name, aspect, id=f"{name}-{aspect}",
                 marks=[pytest.mark.xfail(strict=True, reason="known gap (tests/expectations/known_gaps.txt)")]
                 if f"{name}-{aspect}" in KNOWN_GAPS else [])
    for name, expect in EXPECTED.items()
    for aspect in ASPECTS
    if applies(aspect, expect)
]


# TESTS


def test_every_sample_has_expectations():
    texts = {path.stem for path in SAMPLES.glob("*.txt")}
    assert len(texts) >= 18
    assert texts <= set(EXPECTED), f"samples without expectations: {sorted(texts - set(EXPECTED))}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expectation_points_to_a_sample(name):
    path = sample_spec(name, EXPECTED[name]).partition("#")[0]
    assert (ROOT / path).is_file(), f"{name}: no sample at {path}"


@pytest.mark.parametrize(("name", "aspect"), CASES)
def test_sample(extracted, name, aspect):
    problems = CHECKS[aspect](extracted(name), EXPECTED[name])
    assert not problems, f"{name} [{aspect}]\n  " + "\n  ".join(problems)


# SELF-CHECK: the matchers accept a record built from the expectations and reject a spoiled one


def first(value: str | list[str]) -> str:
    return value[0] if isinstance(value, list) else value.split("|")[0]


def make_record(expect: dict[str, Any]) -> dict[str, Any]:
    expect = copy.deepcopy(expect)
    people = [{"id": f"P{i}", "type": "person", "name": person["name"], "country": person.get("country")}
              for i, person in enumerate(expect["people"])]
    orgs = [{"id": f"O{i}", "type": "organization", "name": first(org["name_contains"]), "country": org.get("country")}
            for i, org in enumerate(expect["organizations"])]
    ids = {norm(person["name"]): person["id"] for person in people}
    positions = [{"person": ids[norm(person["name"])], "title": first(title)}
                 for person in expect["people"] for title in person["titles"]]
    events = []
    for i, event in enumerate(expect["events"]):
        participants = []
        for name in event.get("participants", []):
            if norm(name) not in ids:
                ids[norm(name)] = f"X{len(ids)}"
                people.append({"id": ids[norm(name)], "type": "person", "name": name})
            participants.append(ids[norm(name)])
        events.append({"id": f"E{i}", "category": event.get("category", "SUPPORT"), "kind": first(event.get("kind", "x")),
                       "countries": event["countries"], "mode": event.get("mode"), "date": event.get("date"),
                       "place": event.get("place"), "outcome": event.get("outcome"), "participants": participants})
    article = {key: expect.get(key) for key in ("published", "language", "title", "attribution")}
    article.update(dateline=expect["dateline"], text="")
    return {"article": article, "entities": people + orgs, "positions": positions, "events": events}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_checks_accept_a_perfect_record(name):
    record = make_record(EXPECTED[name])
    assert {aspect: CHECKS[aspect](record, EXPECTED[name]) for aspect in ASPECTS if applies(aspect, EXPECTED[name])} \
        == {aspect: [] for aspect in ASPECTS if applies(aspect, EXPECTED[name])}


SPOILERS = [
    ("dateline", lambda record: record["article"]["dateline"].update(place="Париж")),
    ("people", lambda record: record["entities"].pop(0)),
    ("people", lambda record: record["entities"][0].update(country="FR")),
    ("organizations", lambda record: record["entities"].pop()),
    ("positions", lambda record: record["positions"].clear()),
    ("events", lambda record: record["events"][0].update(countries=["FR"])),
    ("events", lambda record: record["events"][0].update(participants=[])),
    ("events", lambda record: record["events"][0].update(date="1999-01-01")),
]


@pytest.mark.parametrize(("aspect", "spoil"), SPOILERS)
def test_checks_reject_a_spoiled_record(aspect, spoil):
    expect = EXPECTED["01-kz-tr-minister-visit"]
    record = make_record(expect)
    spoil(record)
    assert CHECKS[aspect](record, expect)


def test_checks_catch_boilerplate_and_wrong_forms():
    expect = {"absent_people": ["Ли Вэем"], "absent_text": ["Поделиться"]}
    record = {"article": {"text": "Текст. Поделиться"}, "entities": [{"id": "P0", "type": "person", "name": "Ли Вэем"}]}
    assert len(check_absent(record, expect)) == 2
