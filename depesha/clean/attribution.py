"""Attribution phrases: "сообщает пресс-служба МИД РК" -> 'пресс-служба МИД РК'."""

from __future__ import annotations

import re

from .dateline import resolve_agency

VERBS = (r"(?:сообщает|сообщают|сообщил[аио]?|передает|передаёт|передают|информирует|пишет|"
         r"рассказал[аи]?|отмечает|отметил[аи]?|пояснил[аи]?|говорится в сообщении)")
SOURCE = r"(?P<source>[^.,;:!?\n«»]{2,80}?(?:«[^»\n]{1,60}»[^.,;:!?\n]{0,40}?)?)"
# a reporter told by someone: "сообщили корреспонденту БелТА в Министерстве ...", "сообщили Trend в МИД ..."
TOLD = r"(?:(?:корреспонденту|журналистам|агентству)\s+)?(?:[A-ZА-ЯЁ][\w\-]*(?:\s+[A-ZА-ЯЁ][\w\-]*)?\s+)?"
WHEN = r"(?:\s+(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|\s+(?:сегодня|вчера))?"
RULES = [
    re.compile(rf"(?:,|—|–|-|\bОб этом|\bКак)\s*(?:как\s+)?{VERBS}{WHEN}\s+(?:в\s+|во\s+)?{SOURCE}\s*(?:[.;!?]|$)", re.M),
    re.compile(rf"(?:,|\bКак)\s*{VERBS}\s+{TOLD}(?:в|во)\s+{SOURCE}\s*(?:[.,;!?]|$)", re.M),
    re.compile(rf"\b[Пп]о (?:данным|информации|сообщению) {SOURCE}\s*[.,]"),
    re.compile(rf"\b(?:Как )?{VERBS} {SOURCE},"),
]
LOCATIVE = {"пресс-службе": "пресс-служба", "пресс-службы": "пресс-служба", "пресс-службой": "пресс-служба",
            "министерстве": "министерство", "ведомстве": "ведомство", "посольстве": "посольство",
            "правительстве": "правительство", "администрации": "администрация", "канцелярии": "канцелярия",
            "аппарате": "аппарат", "мид": "МИД"}
PHRASE_STARTS = ("пресс", "министер", "ведомств", "посольств", "корреспондент", "правительств", "администрац",
                 "канцеляри", "аппарат", "источник", "представител")


def normalize(source: str) -> str:
    first, _, rest = source.strip().partition(" ")
    mapped = LOCATIVE.get(first.lower())
    if mapped:
        first = mapped.capitalize() if first[:1].isupper() and mapped != "МИД" else mapped
    return f"{first} {rest}".strip()


def candidates(text: str) -> list[tuple[str, int, int]]:
    found = []
    for rule in RULES:
        for match in rule.finditer(text):
            source = match.group("source").strip()
            first = source.split(" ")[0]
            if first.lower() in ("корреспонденту", "журналистам", "агентству"):
                continue
            if first[:1].isupper() or first.lower().startswith(PHRASE_STARTS):
                found.append((normalize(source), match.start("source"), match.start("source") + len(source)))
    return sorted(set(found), key=lambda item: item[1])


def find_attribution(text: str) -> tuple[str, int, int] | None:
    """The first attribution phrase, preferring a named body over a bare agency name; None if none."""
    found = candidates(text)
    if not found:
        return None
    bodies = [item for item in found if resolve_agency(item[0]) is None]
    return (bodies or found)[0]
