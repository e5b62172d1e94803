"""Keys that make the same person or body written differently compare equal across articles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# TRANSLITERATION: Cyrillic (Russian and Kazakh letters) and Latin meet in one folded Latin form

CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіәғқңөұүһ",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "a", "g", "k", "n", "o",
     "u", "u", "h"], strict=True,
))
FOLDS = [  # applied in order to the Latin form
    ("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("dzh", "z"), ("zh", "z"), ("kh", "h"),
    ("ts", "c"), ("tz", "c"), ("yu", "u"), ("iu", "u"), ("ya", "a"), ("ia", "a"), ("yo", "o"), ("ye", "e"),
    ("ie", "e"), ("ck", "k"), ("ph", "f"), ("th", "t"), ("x", "ks"), ("q", "k"), ("w", "v"), ("j", "z"),
    ("y", "i"),
]
DOUBLE = re.compile(r"(.)\1+")
SURNAME_SUFFIXES = ("ov", "ev", "in", "ski", "skii", "ska", "uli", "kizi", "enko", "dze", "svili",
                    "ova", "eva", "ina", "skaa")
PATRONYMIC = ("ovic", "evic", "ovna", "evna", "inicna", "icna")
INFLECTIONS = re.compile(r"(ov|ev|in)(a|u|im|om|e|oi|ei|ix|imi)$")
TITLE_WORDS = {"г-н", "г-жа", "господин", "госпожа", "mr", "mrs", "ms", "dr", "сэр", "sir"}
INITIAL = re.compile(r"^(\w)\.?(-\w\.?)?$")


def fold(word: str) -> str:
    """A spelling-independent Latin form: 'Жаркынбек' and 'Zharkynbek' both give 'zarkinbek'."""
    word = word.lower().replace("ё", "е")
    word = "".join(CYRILLIC.get(char, char) for char in word)
    word = "".join(char for char in word if char.isalpha())
    for source, target in FOLDS:
        word = word.replace(source, target)
    return DOUBLE.sub(r"\1", word)


def stem_surname(folded: str) -> str:
    """Drop the case ending of a folded -ov/-ev/-in surname: 'turganbekova' -> 'turganbekov'."""
    match = INFLECTIONS.search(folded)
    if match and len(folded) > 5:
        return folded[: match.start(2)]
    return folded


def is_surname(folded: str) -> bool:
    return folded.endswith(SURNAME_SUFFIXES)


# PERSONS


@dataclass(frozen=True)
class PersonName:
    """The parts of a person's name that resolution compares."""

    surname: str             # folded and stemmed
    initial: str | None      # folded first letter of the given name
    given: str | None        # folded given name, when written in full

    @property
    def key(self) -> str:
        return f"{self.surname}|{self.given or self.initial or ''}"


@lru_cache(maxsize=100_000)
def parse_person(name: str) -> PersonName:
    """Split a name as written: 'Ерлан Турганбеков', 'Турганбеков Е.', 'Амантайулы Жаркынбек', 'Yerlan Turganbekov'."""
    tokens = [token.strip(",") for token in name.replace("\u00a0", " ").split()]
    tokens = [token for token in tokens if token and token.lower().rstrip(".") not in TITLE_WORDS]
    tokens = [token for token in tokens if not token[0].islower()]  # titles written before the name
    initials = [token for token in tokens if INITIAL.match(token) and (len(token) <= 2 or "." in token)]
    words = [token for token in tokens if token not in initials]
    if not words:
        return PersonName(fold(name), None, None)
    folded = [fold(word) for word in words]
    if len(folded) > 2:  # 'Сергей Викторович Лавров': the patronymic says nothing more
        kept = [index for index, word in enumerate(folded) if not word.endswith(PATRONYMIC)]
        words, folded = [words[i] for i in kept], [folded[i] for i in kept]
    surname_index = len(words) - 1
    marked = [index for index, word in enumerate(folded) if is_surname(word)]
    if marked:
        surname_index = marked[-1]
    surname = stem_surname(folded[surname_index])
    given = [word for index, word in enumerate(folded) if index != surname_index]
    if given:
        return PersonName(surname, given[0][:1], given[0])
    if initials:
        return PersonName(surname, fold(initials[0])[:1], None)
    return PersonName(surname, None, None)


def compatible_given(a: PersonName, b: PersonName) -> bool:
    """Given names agree: equal when both are full, same initial when one is only an initial."""
    if a.initial is None or b.initial is None:
        return True
    if a.given and b.given:  # compare consonant skeletons: 'bahtier' ~ 'bahtior', 'erlan' ~ 'erlanu'
        x, y = sorted((skeleton(a.given), skeleton(b.given)), key=len)
        return x == y or (len(x) >= 3 and y.startswith(x))
    return a.initial == b.initial


@lru_cache(maxsize=100_000)
def skeleton(word: str) -> str:
    return "".join(char for char in word if char not in "aeiouh") or word


# BODIES AND PLACES


def body_key(name: str, canonical: str | None = None) -> str:
    """Organisations and locations: the gazetteer id when known, else the lemmatised name."""
    if canonical:
        return "canon:" + canonical
    from depesha.store.lemma import lemmatize

    return lemmatize(name.replace("«", " ").replace("»", " ").replace('"', " "))
