"""Person names to the nominative: natasha's case in context, pymorphy parses, and suffix rules."""

from __future__ import annotations

import re
from collections import Counter

from ..annotate.morph import inflect_parse, parse_word
from ..doc import Token

CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Voc": "voct"}
GENDERS = {"Masc": "masc", "Fem": "femn"}
NAME_TAGS = ("Name", "Surn", "Patr")
INDECLINABLE = re.compile(r"(?:улы|кызы|оглы|гызы|заде|уулу|ко|их|ых)$", re.I)
FEMININE_OBLIQUE = re.compile(r"(?:ов|ев|ёв|ин|ын)ой$", re.I)   # Сатпаевой, Ивановой, Путиной
FEMININE_SURNAME = [("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ыной", "ына")]

# suffix rules for names pymorphy does not know: (case, gender) -> [(ending, replacement)]
RULES: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("gent", "masc"): [("ия", "ий"), ("я", "й"), ("а", "")],
    ("accs", "masc"): [("ия", "ий"), ("я", "й"), ("а", "")],
    ("datv", "masc"): [("ию", "ий"), ("ю", "й"), ("у", "")],
    ("ablt", "masc"): [("ием", "ий"), ("ем", "й"), ("ом", ""), ("ым", "ый"), ("ой", "а")],
    ("loct", "masc"): [("ии", "ий"), ("е", "")],
    ("gent", "femn"): [*FEMININE_SURNAME, ("ии", "ия"), ("ой", "ая"), ("ы", "а"), ("и", "я")],
    ("accs", "femn"): [("ую", "ая"), ("у", "а"), ("ю", "я")],
    ("datv", "femn"): [*FEMININE_SURNAME, ("ии", "ия"), ("ой", "ая"), ("е", "а")],
    ("ablt", "femn"): [*FEMININE_SURNAME, ("ией", "ия"), ("ой", "а"), ("ей", "я")],
    ("loct", "femn"): [*FEMININE_SURNAME, ("ии", "ия"), ("ой", "ая"), ("е", "а")],
}


def span_gender(tokens: list[Token]) -> str | None:
    """masc | femn from natasha's tags or the first name's dictionary entry."""
    if tokens:
        gender = name_gender(tokens[0].text)
        if gender:
            return gender
    votes = [GENDERS[token.feats["Gender"]] for token in tokens if token.feats.get("Gender") in GENDERS]
    if votes:
        return Counter(votes).most_common(1)[0][0]  # ties: the first seen, not hash order
    return next(filter(None, (name_gender(token.text) for token in tokens[1:])), None)


def name_gender(word: str) -> str | None:
    """The gender most of the first-name readings of a word share ("Алисии": femn gent/datv/loct beat masc loct)."""
    scores: dict[str, float] = {}
    for parse in parse_word(word):
        if "Name" in parse.tag and "sing" in parse.tag and parse.tag.gender in ("masc", "femn"):
            scores[str(parse.tag.gender)] = scores.get(str(parse.tag.gender), 0.0) + parse.score
    best = max(scores, key=lambda gender: scores[gender], default=None)
    return best if best is not None and scores[best] >= 0.3 else None


def span_case(tokens: list[Token], gender: str | None = None) -> str:
    """The pymorphy case of the span: natasha's tag of its tokens unless the words rule that case out."""
    votes: dict[str, int] = {}
    for token in tokens:
        case = token.feats.get("Case")
        if case:
            votes[case] = votes.get(case, 0) + 1
    best = CASES.get(max(votes, key=lambda case: votes[case]), "nomn") if votes else "nomn"
    return word_case(tokens, gender, best) or best


def word_case(tokens: list[Token], gender: str | None, case: str) -> str | None:
    """A case the words show when they cannot be in `case`: "Ганбаатаром" is no nomn, "Сатпаевой" no nomn/accs."""
    for token in tokens:
        readings = [parse for parse in parse_word(token.text) if any(tag in parse.tag for tag in NAME_TAGS)
                    and "sing" in parse.tag and (not gender or parse.tag.gender in (gender, None))]
        if readings and not any(parse.is_known for parse in readings) and case != "nomn" and all(
                parse.tag.case == "nomn" for parse in readings):
            continue  # a guess ("Озтюрка" as a nominative name) does not undo an oblique case seen in context
        if readings and not any(parse.is_known for parse in readings) and case == "nomn" and \
                token.text.lower().endswith(("е", "и", "у", "ю", "о")):
            continue  # nor does a guess on a vowel ("Дутерте", "Фоссе" as locatives) undo a nominative
        if readings and all(parse.tag.case != case for parse in readings):
            return str(max(readings, key=lambda parse: parse.score).tag.case)
        if gender == "femn" and case in ("nomn", "accs") and FEMININE_OBLIQUE.search(token.text):
            return "gent"
    return None


def nominative(word: str, case: str, gender: str | None) -> str:
    """One name word in the nominative."""
    if case == "nomn" or not word[:1].isupper() or "." in word:
        return word
    if "-" in word.strip("-"):
        return "-".join(nominative(part, case, gender) if part[:1].isupper() else adjective_part(part, case, gender)
                        for part in word.split("-"))   # Стросс-Каном, Буша-младшего, Хогана-Хау
    for parse in parse_word(word):
        tag = parse.tag
        if not any(name in tag for name in NAME_TAGS) or tag.case != case:
            continue
        if gender and tag.gender and tag.gender != gender:
            continue
        form = inflect_parse(parse, {"nomn", "sing"} | ({gender} if gender and "Surn" in tag else set()))
        if form is not None:
            return word[:1] + form.word[1:]
    return by_rules(word, case, gender)


def adjective_part(word: str, case: str, gender: str | None) -> str:
    """"младшего" in "Буша-младшего": the adjective of a hyphenated name, in the nominative."""
    for parse in parse_word(word):
        if "ADJF" in parse.tag and parse.tag.case == case:
            form = inflect_parse(parse, {"nomn", "sing", gender or "masc"})
            if form is not None:
                return str(form.word)
    return word


def by_rules(word: str, case: str, gender: str | None) -> str:
    if gender == "femn" and not word.lower().endswith(("а", "я", "ой", "ей", "ую", "ю", "у", "е", "ы", "и")):
        return word  # Шейнбаум, Марибель: feminine names on a consonant do not decline
    if INDECLINABLE.search(word) and not word.lower().endswith(("ой", "ей")):
        return word
    for ending, replacement in RULES.get((case, gender or "masc"), ()):
        if word.lower().endswith(ending) and len(word) - len(ending) >= 2:
            return word[: len(word) - len(ending)] + replacement
    return word


def normalize_name(tokens: list[Token]) -> tuple[str, str | None]:
    """(nominative full name, gender) for the tokens of a person span."""
    words = [token for token in tokens if any(ch.isalpha() for ch in token.text)]
    gender = span_gender(words)
    case = span_case(words, gender)
    return " ".join(nominative(token.text, case, gender) for token in words), gender
