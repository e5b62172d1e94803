"""Issue 3's acceptance example: the Kazakhstan–Mexico article of 2025-11-28, fact by fact."""

from __future__ import annotations

import pytest

PEOPLE = [
    # name, country, a title, organisation name must contain (or None)
    ("Марибель Мартинес Руис", "MX", "глава группы дружбы", "Палата депутатов"),
    ("Клаудия Шейнбаум", "MX", "президент", None),
    ("Педро Васкес Гонсалес", "MX", "председатель комиссии по международным отношениям нижней палаты", None),
    ("Жаркынбек Амантайулы", "KZ", "глава группы дружбы", None),
    ("Жаркынбек Амантайулы", "KZ", "депутат", "Мажилис"),
    ("Максим Рожин", "KZ", "депутат", "Парламент"),
    ("Алмурат Турганбеков", "KZ", "посол", None),
]


def by_name(record, type_):
    return {entity["name"]: entity for entity in record["entities"] if entity["type"] == type_}


def test_article_metadata(seed_record):
    article = seed_record["article"]
    assert seed_record["schema"].startswith("depesha/")
    assert article["published"] == "2025-11-29"
    assert article["dateline"] == {"place": "Астана", "date": "2025-11-28", "agency": "KAZAKHSTAN TODAY"}
    assert article["source"] == "KAZAKHSTAN TODAY"
    assert article["attribution"] == "пресс-служба МИД РК"
    assert article["language"] == "ru"
    assert "Рассказать друзьям" not in article["text"]
    assert article["text"].startswith("Астана. 28 ноября.")


def test_six_people_in_the_nominative(seed_record):
    people = by_name(seed_record, "person")
    assert sorted(people) == sorted({name for name, *_ in PEOPLE})


@pytest.mark.parametrize("name, country, title, org", PEOPLE)
def test_person_position(seed_record, name, country, title, org):
    person = by_name(seed_record, "person")[name]
    assert person["country"] == country
    entities = {entity["id"]: entity for entity in seed_record["entities"]}
    posts = [post for post in seed_record["positions"] if post["person"] == person["id"] and post["title"] == title]
    assert posts, f"{name}: no position {title!r}"
    post = posts[0]
    assert post["country"] == country
    text = seed_record["article"]["text"]
    start, stop = post["evidence"]
    assert text[start:stop].lower().startswith(title.split()[0][:5])
    if org:
        assert post["organization"], f"{name}: no organisation"
        assert org.lower() in entities[post["organization"]]["name"].lower()


def test_offsets_of_mentions_point_at_the_names(seed_record):
    text = seed_record["article"]["text"]
    shein = by_name(seed_record, "person")["Клаудия Шейнбаум"]
    assert [text[a:b] for a, b in shein["mentions"]] == ["Клаудией Шейнбаум"]


@pytest.mark.parametrize("name_part, country", [
    ("Мажилис", "KZ"),
    ("Палата депутатов", "MX"),
    ("Министерство иностранных дел", "KZ"),
])
def test_organisations(seed_record, name_part, country):
    orgs = [entity for entity in seed_record["entities"] if entity["type"] == "organization"]
    assert any(name_part.lower() in org["name"].lower() and org["country"] == country for org in orgs), orgs


def test_two_friendship_groups(seed_record):
    groups = {entity["country"] for entity in seed_record["entities"]
              if entity["type"] == "organization" and "группа дружбы" in entity["name"].lower()}
    assert {"KZ", "MX"} <= groups


def main_meeting(record):
    return next(event for event in record["events"] if event["category"] == "CONSULT" and event["kind"] == "meeting")


def test_meeting(seed_record):
    meeting = main_meeting(seed_record)
    assert meeting["mode"] == "online"
    assert meeting["date"] == "2025-11-28"
    assert set(meeting["countries"]) == {"KZ", "MX"}
    assert {"legislative", "environment", "technology", "corruption"} <= set(meeting["topics"])
    people = by_name(seed_record, "person")
    expected = {"Марибель Мартинес Руис", "Педро Васкес Гонсалес", "Жаркынбек Амантайулы", "Максим Рожин",
                "Алмурат Турганбеков"}
    assert {people[name]["id"] for name in expected} <= set(meeting["participants"])
    text = seed_record["article"]["text"]
    first = meeting["evidence"][0]
    assert "встреча групп дружбы" in text[first[0]:first[1]]


def test_proposal_supported_unanimously(seed_record):
    people = by_name(seed_record, "person")
    proposals = [event for event in seed_record["events"] if event["kind"] == "proposal"]
    assert len(proposals) == 1
    proposal = proposals[0]
    assert proposal["category"] == "AGREE"
    assert proposal["initiator"] == people["Алмурат Турганбеков"]["id"]
    assert proposal["outcome"] == "supported"
    assert main_meeting(seed_record)["id"] in proposal["related"]
    text = seed_record["article"]["text"]
    assert any("единогласно поддержано" in text[a:b] for a, b in proposal["evidence"])


@pytest.mark.parametrize("category, kinds, topic, initiator", [
    ("REQUEST", {"request", "invitation"}, "environment", "Жаркынбек Амантайулы"),  # the climate summit
    ("AGREE", {"offer"}, "technology", "Максим Рожин"),                              # AI-law experience
    ("SUPPORT", {"congratulation"}, None, None),                                   # the 2026 World Cup
])
def test_other_events(seed_record, category, kinds, topic, initiator):
    people = by_name(seed_record, "person")
    events = [event for event in seed_record["events"] if event["category"] == category and event["kind"] in kinds]
    assert events, f"no {category} {kinds}"
    event = events[0]
    if topic:
        assert topic in event["topics"]
    if initiator:
        assert event["initiator"] == people[initiator]["id"]
    assert set(event["countries"]) >= {"MX"}
