"""Date expressions in a sentence, resolved against the publication or dateline date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..clean.dateline import infer_year, parse_month

DAY_MONTH = re.compile(r"\b(\d{1,2})(?:-(?:го|е))?\s+(января|февраля|марта|апреля|мая|июня|июля|августа|"
                       r"сентября|октября|ноября|декабря)(?:\s+(\d{4})\s*(?:года|г\.)?)?", re.I)
MONTH_YEAR = re.compile(r"\b(?:в|во)\s+(январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|"
                        r"ноябре|декабре)(?:\s+(\d{4})\s+года)?", re.I)
MONTH_PART = re.compile(r"\b(?:в|во)\s+(?:начале|середине|конце|первой половине|второй половине)\s+(января|февраля|марта|"
                        r"апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\s+(\d{4})\s*(?:года|г\.)?)?",
                        re.I)
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
RELATIVE = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
RELATIVE_RE = re.compile(r"\b(" + "|".join(RELATIVE) + r")\b", re.I)
WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6}
WEEKDAY_RE = re.compile(r"\bв(?:о)?\s+(" + "|".join(WEEKDAYS) + r")\b", re.I)
MONTHS_LOC = {"январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6, "июле": 7, "августе": 8,
              "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12}


def as_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def find_date(sentence: str, anchor: str | None) -> tuple[str, str] | None:
    """(ISO date, precision) of the first date expression in `sentence`, or None."""
    base = as_date(anchor)
    match = MONTH_PART.search(sentence)
    if match:  # "в конце января": the month, in the year that puts it on or before the anchor
        month = parse_month(match.group(1))
        year = int(match.group(2)) if match.group(2) else None
        if month and not year and anchor:
            guess = infer_year(1, month, anchor)
            year = guess.year if guess else None
        if month and year:
            return date(year, month, 1).isoformat(), "month"
    match = DAY_MONTH.search(sentence)
    if match:
        month = parse_month(match.group(2))
        day = int(match.group(1))
        if month:
            if match.group(3):
                try:
                    return date(int(match.group(3)), month, day).isoformat(), "day"
                except ValueError:
                    return None
            guess = infer_year(day, month, anchor)
            if guess:
                return guess.isoformat(), "day"
    match = ISO.search(sentence)
    if match:
        return match.group(0), "day"
    if base:
        match = RELATIVE_RE.search(sentence)
        if match:
            return (base + timedelta(days=RELATIVE[match.group(1).lower()])).isoformat(), "day"
        match = WEEKDAY_RE.search(sentence)
        if match:
            back = (base.weekday() - WEEKDAYS[match.group(1).lower()]) % 7
            return (base - timedelta(days=back)).isoformat(), "day"
    match = MONTH_YEAR.search(sentence)
    if match:
        month = MONTHS_LOC[match.group(1).lower()]
        year = int(match.group(2)) if match.group(2) else (base.year if base else None)
        if year:
            return date(year, month, 1).isoformat(), "month"
    return None
