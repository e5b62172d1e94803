"""Attribution phrases: "сообщает пресс-служба МИД РК" -> 'пресс-служба МИД РК'."""

from __future__ import annotations

import re

VERBS = (r"(?:сообщает|сообщают|сообщил[аио]?|передает|передаёт|информирует|пишет|"
         r"рассказал[аи]?|отмечает|говорится в сообщении)")
SOURCE = r"(?P<source>[^.,;:!?\n«»]{3,80}?(?:«[^»\n]{1,60}»[^.,;:!?\n]{0,40}?)?)"
RULES = [
    re.compile(rf"(?:,|—|–|-)\s*(?:как\s+)?{VERBS}\s+(?:в\s+|во\s+)?{SOURCE}\s*(?:[.;!?]|$)", re.M),
    re.compile(rf"\b[Пп]о (?:данным|информации|сообщению) {SOURCE}\s*[.,]"),
    re.compile(rf"\b(?:Как )?{VERBS} {SOURCE},"),
]
LOCATIVE = {"пресс-службе": "пресс-служба", "пресс-службы": "пресс-служба", "пресс-службой": "пресс-служба", "министерстве": "министерство", "ведомстве": "ведомство",
            "посольстве": "посольство", "правительстве": "правительство", "администрации": "администрация",
            "канцелярии": "канцелярия", "аппарате": "аппарат", "мид": "МИД"}


def find_attribution(text: str) -> tuple[str, int, int] | None:
    """The first attribution phrase in the text: (source, start, stop), or None."""
    for rule in RULES:
        match = rule.search(text)
        if match:
            source = match.group("source").strip()
            first, _, rest = source.partition(" ")
            first = LOCATIVE.get(first.lower(), first)
            if first[:1].isupper() or first.startswith(("пресс", "министер", "ведомств", "посольств")):
                return (f"{first} {rest}".strip(), match.start("source"), match.end("source"))
    return None
