"""Hand-made, realistic depesha/1 records for tests and the store benchmark."""

from __future__ import annotations

import copy
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from depesha.doc import content_id

# POOLS

# iso2: (nominative, genitive, prepositional, adjective-genitive-feminine "казахстанской")
COUNTRIES = {
    "KZ": ("Казахстан", "Казахстана", "Казахстане", "казахстанской"),
    "MX": ("Мексика", "Мексики", "Мексике", "мексиканской"),
    "RU": ("Россия", "России", "России", "российской"),
    "CN": ("Китай", "Китая", "Китае", "китайской"),
    "TR": ("Турция", "Турции", "Турции", "турецкой"),
    "UZ": ("Узбекистан", "Узбекистана", "Узбекистане", "узбекской"),
    "DE": ("Германия", "Германии", "Германии", "немецкой"),
    "FR": ("Франция", "Франции", "Франции", "французской"),
    "IN": ("Индия", "Индии", "Индии", "индийской"),
    "BR": ("Бразилия", "Бразилии", "Бразилии", "бразильской"),
    "JP": ("Япония", "Японии", "Японии", "японской"),
    "KG": ("Киргизия", "Киргизии", "Киргизии", "киргизской"),
}


@dataclass
class Person:
    """A person of the pool: nominative name, instrumental form, post and body."""

    name: str            # "Ерлан Кошанов"
    instr: str           # "Ерланом Кошановым" (встретился с ...)
    country: str
    title: str           # "председатель"
    body: str            # "Мажилиса Парламента Казахстана" (genitive, as written after the title)
    body_name: str       # "Мажилис Парламента Казахстана"
    sector: str = "GOV"
    gender: str = "masc"


PEOPLE = [
    Person("Ерлан Кошанов", "Ерланом Кошановым", "KZ", "председатель", "Мажилиса Парламента Казахстана",
           "Мажилис Парламента Казахстана", "LEG"),
    Person("Ерлан Турганбеков", "Ерланом Турганбековым", "KZ", "депутат", "Мажилиса Парламента Казахстана",
           "Мажилис Парламента Казахстана", "LEG"),
    Person("Мурат Нуртлеу", "Муратом Нуртлеу", "KZ", "министр иностранных дел", "Казахстана",
           "МИД Казахстана"),
    Person("Хорхе Лосоя", "Хорхе Лосоей", "MX", "посол", "Мексики", "Посольство Мексики"),
    Person("Марсела Гарсия", "Марселой Гарсией", "MX", "сенатор", "Сената Мексики", "Сенат Мексики", "LEG", "fem"),
    Person("Сергей Лавров", "Сергеем Лавровым", "RU", "министр иностранных дел", "России", "МИД России"),
    Person("Ван И", "Ван И", "CN", "министр иностранных дел", "Китая", "МИД Китая"),
    Person("Хакан Фидан", "Хаканом Фиданом", "TR", "министр иностранных дел", "Турции", "МИД Турции"),
    Person("Бахтиёр Саидов", "Бахтиёром Саидовым", "UZ", "министр иностранных дел", "Узбекистана",
           "МИД Узбекистана"),
    Person("Анналена Бербок", "Анналеной Бербок", "DE", "министр иностранных дел", "Германии", "МИД Германии",
           "GOV", "fem"),
    Person("Жан-Ноэль Барро", "Жан-Ноэлем Барро", "FR", "министр иностранных дел", "Франции", "МИД Франции"),
    Person("Субраманьям Джайшанкар", "Субраманьямом Джайшанкаром", "IN", "министр иностранных дел", "Индии",
           "МИД Индии"),
    Person("Мауро Виейра", "Мауро Виейрой", "BR", "министр иностранных дел", "Бразилии", "МИД Бразилии"),
    Person("Такэси Ивая", "Такэси Иваей", "JP", "министр иностранных дел", "Японии", "МИД Японии"),
    Person("Жээнбек Кулубаев", "Жээнбеком Кулубаевым", "KG", "министр иностранных дел", "Киргизии",
           "МИД Киргизии"),
    Person("Ерлан Карин", "Ерланом Кариным", "KZ", "государственный советник", "Казахстана",
           "Администрация Президента Казахстана"),
]

TOPICS = ["diplomatic", "economic", "legislative", "environment", "technology", "health", "migration"]
TOPIC_WORDS = {
    "diplomatic": "двусторонних отношений",
    "economic": "торгово-экономического сотрудничества",
    "legislative": "межпарламентского взаимодействия",
    "environment": "изменения климата",
    "technology": "искусственного интеллекта",
    "health": "здравоохранения",
    "migration": "трудовой миграции",
}
AGENCIES = ["Kazinform", "KAZAKHSTAN TODAY", "РИА Новости", "ТАСС", "Tengrinews"]
BOILERPLATE = [
    "Подписывайтесь на наш канал в Telegram.",
    "При использовании материалов ссылка обязательна.",
    "Читайте также: главные новости дня.",
]


# TEXT WITH SPANS


@dataclass
class Builder:
    """Appends text pieces and remembers the offsets of the interesting ones."""

    parts: list[str] = field(default_factory=list)
    size: int = 0

    def add(self, piece: str) -> list[int]:
        start = self.size
        self.parts.append(piece)
        self.size += len(piece)
        return [start, self.size]

    @property
    def text(self) -> str:
        return "".join(self.parts)


def article_id(text: str) -> str:
    """The content id of the contract (depesha.doc.content_id): 'a' + 16 hex digits of sha256 of the cleaned text."""
    return content_id(text)


# RECORD


class _Entities:
    """Numbers entities e1, e2... and collects their mentions."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.by_key: dict[tuple[str, str], dict[str, Any]] = {}

    def mention(self, type: str, name: str, span: list[int], **fields: Any) -> str:
        entity = self.by_key.get((type, name))
        if entity is None:
            entity = {"id": f"e{len(self.items) + 1}", "type": type, "name": name, "country": None,
                      "mentions": [], "gender": None, "sector": None}
            entity.update(fields)
            self.items.append(entity)
            self.by_key[(type, name)] = entity
        entity["mentions"].append(span)
        return entity["id"]


def make_record(
    host: Person | None = None,
    guest: Person | None = None,
    *,
    date: str = "2025-11-28",
    topics: tuple[str, ...] = ("legislative", "environment"),
    mode: str | None = "online",
    agency: str = "Kazinform",
    boilerplate: str = "",
    proposal: bool = True,
    visit: bool = False,
    source: str | None = None,
) -> dict[str, Any]:
    """One article: a meeting of `host` and `guest`, optionally a proposal and a visit, as a record."""
    host = host or PEOPLE[0]
    guest = guest or PEOPLE[3]
    year, month, day = date.split("-")
    b, ents = Builder(), _Entities()
    evidence: list[list[int]] = []
    b.add(f"{COUNTRIES[host.country][0]}, {int(day)}.{month}.{year} — ")
    title_span = b.add(f"{host.title.capitalize()} {host.body}")
    b.add(" ")
    host_span = b.add(host.name)
    host_id = ents.mention("person", host.name, host_span, country=host.country, gender=host.gender)
    body_id = ents.mention("organization", host.body_name, title_span, country=host.country, sector=host.sector)
    verb = "провёл онлайн-встречу с" if mode == "online" else "встретился с"
    trigger = b.add(f" {verb}")
    b.add(" ")
    guest_title = b.add(f"{guest.title} {guest.body}")
    b.add(" ")
    guest_span = b.add(guest.instr)
    guest_id = ents.mention("person", guest.name, guest_span, country=guest.country, gender=guest.gender)
    guest_body = ents.mention("organization", guest.body_name, guest_title, country=guest.country,
                              sector=guest.sector)
    meeting_stop = b.add(".")[1]
    evidence.append([host_span[0], meeting_stop])
    b.add(" Стороны обсудили вопросы ")
    b.add(", ".join(TOPIC_WORDS[topic] for topic in topics))
    b.add(" между ")
    c1 = b.add(COUNTRIES[host.country][1])
    b.add(" и ")
    c2 = b.add(COUNTRIES[guest.country][1])
    b.add(".")
    ents.mention("country", COUNTRIES[host.country][0], c1, country=host.country)
    ents.mention("country", COUNTRIES[guest.country][0], c2, country=guest.country)
    countries = sorted({host.country, guest.country})
    events = [{
        "id": "v1", "category": "CONSULT", "kind": "meeting", "date": date, "date_precision": "day",
        "mode": mode, "place": None, "countries": countries, "participants": [host_id, guest_id],
        "initiator": host_id, "topics": list(topics), "outcome": None, "related": [],
        "evidence": [evidence[0]], "trigger": b.text[trigger[0]:trigger[1]].strip(),
        "summary": b.text[evidence[0][0]:evidence[0][1]],
    }]
    if proposal:
        b.add(" ")
        surname = host.name.split()[-1]
        start = b.add(surname)
        ents.mention("person", host.name, start, country=host.country)
        trig = b.add(" предложил")
        stop = b.add(" обменяться парламентскими визитами и сделать встречи регулярными.")[1]
        events.append({
            "id": "v2", "category": "AGREE", "kind": "proposal", "date": date, "date_precision": "day",
            "mode": None, "place": None, "countries": countries, "participants": [host_id, guest_id],
            "initiator": host_id, "topics": ["diplomatic"], "outcome": "proposed", "related": ["v1"],
            "evidence": [[start[0], stop]], "trigger": b.text[trig[0]:trig[1]].strip(),
            "summary": b.text[start[0]:stop],
        })
    if visit:
        b.add(" ")
        start = b.add(guest.name)
        ents.mention("person", guest.name, start, country=guest.country)
        trig = b.add(" прибыл с официальным визитом")
        b.add(" в ")
        b.add(COUNTRIES[host.country][0])
        stop = b.add(".")[1]
        events.append({
            "id": f"v{len(events) + 1}", "category": "CONSULT", "kind": "visit", "date": date,
            "date_precision": "day", "mode": "in_person", "place": COUNTRIES[host.country][0],
            "countries": countries, "participants": [guest_id, host_id], "initiator": guest_id,
            "topics": ["diplomatic"], "outcome": None, "related": [], "evidence": [[start[0], stop]],
            "trigger": b.text[trig[0]:trig[1]].strip(), "summary": b.text[start[0]:stop],
        })
    if boilerplate:
        b.add(" " + boilerplate)
    text = b.text
    positions = [
        {"person": host_id, "title": host.title, "organization": body_id, "country": host.country,
         "evidence": title_span, "text": text[title_span[0]:title_span[1]]},
        {"person": guest_id, "title": guest.title, "organization": guest_body, "country": guest.country,
         "evidence": guest_title, "text": text[guest_title[0]:guest_title[1]]},
    ]
    return {
        "schema": "depesha/1",
        "article": {
            "id": article_id(text), "source": source or f"{agency.lower().replace(' ', '-')}/{date}",
            "published": date, "dateline": {"place": COUNTRIES[host.country][0], "date": date, "agency": agency},
            "attribution": agency, "title": f"{host.name} и {guest.name} обсудили сотрудничество",
            "language": "ru", "url": None, "path": None, "text": text,
        },
        "entities": ents.items,
        "positions": positions,
        "events": events,
        "warnings": [],
    }


# CORPUS


SYLLABLES = ["ка", "ра", "ман", "бек", "тур", "сул", "жан", "ну", "да", "ле", "ми", "ро", "сан", "тал", "гу"]
FIRST = ["Ерлан", "Мурат", "Асель", "Данияр", "Хосе", "Луис", "Иван", "Ахмет", "Карлос", "Олжас"]


def make_person(rng: random.Random) -> Person:
    """A random person with a plausible surname in -ов, inflected for the instrumental."""
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() + "ов"
    first = rng.choice(FIRST)
    country = rng.choice(list(COUNTRIES))
    title, body, body_name, sector = rng.choice([
        ("министр иностранных дел", COUNTRIES[country][1], f"МИД {COUNTRIES[country][1]}", "GOV"),
        ("депутат", f"парламента {COUNTRIES[country][1]}", f"Парламент {COUNTRIES[country][1]}", "LEG"),
        ("посол", COUNTRIES[country][1], f"Посольство {COUNTRIES[country][1]}", "GOV"),
    ])
    return Person(f"{first} {stem}", f"{first}ом {stem}ым", country, title, body, body_name, sector)


def iter_corpus(n: int, seed: int = 0, people: int = 2000, duplicates: float = 0.1) -> Iterator[dict[str, Any]]:
    """`n` varied records; about `duplicates` of them republish a recent one with other boilerplate."""
    rng = random.Random(seed)
    pool = PEOPLE + [make_person(rng) for _ in range(people)]
    recent: deque[dict[str, Any]] = deque(maxlen=200)
    for number in range(n):
        if recent and rng.random() < duplicates:
            original = rng.choice(recent)
            yield republish(original, rng.choice(BOILERPLATE) + f" #{number}", rng.choice(AGENCIES))
            continue
        host, guest = rng.sample(pool, 2)
        date = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        record = make_record(
            host, guest, date=date, topics=tuple(rng.sample(TOPICS, rng.randint(1, 3))),
            mode=rng.choice(["online", "in_person", None]), agency=rng.choice(AGENCIES),
            boilerplate=rng.choice(BOILERPLATE) if rng.random() < 0.5 else "",
            proposal=rng.random() < 0.7, visit=rng.random() < 0.5, source=f"synthetic/{number}",
        )
        recent.append(record)
        yield record


def make_corpus(n: int, seed: int = 0, people: int = 2000, duplicates: float = 0.1) -> list[dict[str, Any]]:
    """`iter_corpus` as a list."""
    return list(iter_corpus(n, seed, people, duplicates))


def republish(record: dict[str, Any], boilerplate: str, agency: str) -> dict[str, Any]:
    """The same report with a line of boilerplate appended (offsets stay valid: it is at the end)."""
    copied = copy.deepcopy(record)
    text = copied["article"]["text"] + " " + boilerplate
    copied["article"].update(text=text, id=article_id(text), attribution=agency, source=f"{agency}/{record['article']['id']}")
    return copied
