"""Gazetteers shipped in depesha/data: shapes, value sets, coverage and lookups."""

import importlib.util
import re
from collections import defaultdict
from pathlib import Path

import pytest

from depesha.data import AGENCIES, BODIES, COUNTRIES, COUNTRY_FORMS, POSITIONS, load_table
from depesha.data import ALL as DATA_FILES

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_country_forms.py"

SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "BUS", "JRN", "MED", "EDU", "CVL", "IGO", "NGO", "REL", "LAB", "REB"}
BODY_TYPES = {
    "legislature", "ministry", "government", "head_of_state_office", "party", "igo", "agency", "court",
    "military", "company", "group", "other",
}
KINDS = {"name", "adj", "capital", "abbr", "demonym"}

UN_MEMBERS = """
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM
CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN
HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA
MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY
QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA
UG US UY UZ VC VE VN VU WS YE ZA ZM ZW
""".split()


def rows(path, width):
    return list(load_table(path, width))


@pytest.fixture(scope="module")
def countries():
    return rows(COUNTRIES, 6)


@pytest.fixture(scope="module")
def codes(countries):
    return {row[0] for row in countries}


@pytest.fixture(scope="module")
def forms():
    return rows(COUNTRY_FORMS, 4)


@pytest.fixture(scope="module")
def lookup(forms):
    """form -> iso2, the way a matcher would use the file: cs forms exact, the others lower-cased."""
    return {(form if flags == "cs" else form.lower()): iso2 for form, iso2, _, flags in forms}


def find(lookup, text):
    return lookup.get(text) or lookup.get(text.lower())


# ---------------------------------------------------------------- COUNTRIES


def test_countries_un_members_present(codes):
    assert len(UN_MEMBERS) == 193
    assert set(UN_MEMBERS) - codes == set()


def test_countries_columns(countries):
    for iso2, iso3, name, adjective, capital, _ in countries:
        assert re.fullmatch(r"[A-Z]{2}", iso2), iso2
        assert re.fullmatch(r"[A-Z]{3}", iso3), iso3
        assert name and capital, iso2
        assert adjective.endswith(("ий", "ый", "ой")), (iso2, adjective)


def test_countries_unique(countries):
    for column in (0, 1, 2):
        values = [row[column] for row in countries]
        assert len(values) == len(set(values)), column


# ---------------------------------------------------------------- FORMS


def test_forms_columns(forms, codes):
    for form, iso2, kind, flags in forms:
        assert form == form.strip() and form, form
        assert iso2 in codes, (form, iso2)
        assert kind in KINDS, (form, kind)
        assert flags in ("", "cs"), (form, flags)
        if flags != "cs":
            assert form == form.lower(), form


def test_forms_abbr_case_sensitive(forms):
    assert all(flags == "cs" for _, _, kind, flags in forms if kind == "abbr")


def test_forms_one_country_per_form(forms):
    owners = defaultdict(set)
    for form, iso2, _, _ in forms:
        owners[form.lower()].add(iso2)
    assert {form: found for form, found in owners.items() if len(found) > 1} == {}


def test_forms_every_country_named(forms, codes):
    assert {iso2 for _, iso2, kind, _ in forms if kind == "name"} | {
        iso2 for _, iso2, kind, _ in forms if kind == "abbr"
    } == codes


@pytest.mark.parametrize("text,iso2", [
    ("мексиканской", "MX"),
    ("РФ", "RU"),
    ("России", "RU"),
    ("Российской Федерации", "RU"),
    ("россияне", "RU"),
    ("Соединённых Штатов Америки", "US"),
    ("Соединенных Штатов", "US"),
    ("США", "US"),
    ("Вашингтоне", "US"),
    ("Южной Кореи", "KR"),
    ("Республикой Корея", "KR"),
    ("КНДР", "KP"),
    ("Северную Корею", "KP"),
    ("Пхеньяна", "KP"),
    ("Астане", "KZ"),
    ("Республики Казахстан", "KZ"),
    ("казахстанцы", "KZ"),
    ("белорусскому", "BY"),
    ("Беларуси", "BY"),
    ("РБ", "BY"),
    ("Киргизии", "KG"),
    ("Кыргызстана", "KG"),
    ("кыргызстанской", "KG"),
    ("Молдове", "MD"),
    ("Кишиневе", "MD"),
    ("Туркмении", "TM"),
    ("КНР", "CN"),
    ("Китайской Народной Республики", "CN"),
    ("ФРГ", "DE"),
    ("немецкие", "DE"),
    ("ОАЭ", "AE"),
    ("Объединенных Арабских Эмиратах", "AE"),
    ("ЮАР", "ZA"),
    ("Южно-Африканской Республики", "ZA"),
    ("Великобританией", "GB"),
    ("Соединённом Королевстве", "GB"),
    ("Кот-д'Ивуар", "CI"),
    ("Боснии и Герцеговины", "BA"),
    ("Папуа — Новой Гвинеи", "PG"),
    ("Гвинее-Бисау", "GW"),
    ("Экваториальной Гвинее", "GQ"),
    ("Гвинеи", "GN"),
    ("Того", "TG"),
    ("Перу", "PE"),
    ("Эр-Рияде", "SA"),
    ("Филиппинах", "PH"),
    ("Нидерландов", "NL"),
    ("голландский", "NL"),
    ("Сент-Винсента и Гренадин", "VC"),
])
def test_forms_lookup(lookup, text, iso2):
    assert find(lookup, text) == iso2


@pytest.mark.parametrize("text", ["того", "перу", "чад", "вена", "куба", "штаты", "конголезский", "корейский", "конго"])
def test_forms_common_words_not_matched(lookup, text):
    assert find(lookup, text) is None


def test_forms_regenerated():
    spec = importlib.util.spec_from_file_location("build_country_forms", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == COUNTRY_FORMS.read_text(encoding="utf-8")


# ---------------------------------------------------------------- POSITIONS


def test_positions_columns():
    table = rows(POSITIONS, 2)
    assert len(table) >= 200
    for title, sector in table:
        assert title == title.lower() and title, title
        assert sector in SECTORS, (title, sector)
    titles = [title for title, _ in table]
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize("title,sector", [
    ("президент", "GOV"),
    ("премьер-министр", "GOV"),
    ("министр иностранных дел", "GOV"),
    ("посол", "GOV"),
    ("депутат", "LEG"),
    ("спикер", "LEG"),
    ("министр обороны", "GOV"),
    ("начальник генерального штаба", "MIL"),
    ("генпрокурор", "JUD"),
    ("генеральный директор", "BUS"),
    ("журналист", "JRN"),
    ("аким", "GOV"),
])
def test_positions_sector(title, sector):
    assert dict(rows(POSITIONS, 2))[title] == sector


# ---------------------------------------------------------------- BODIES


def test_bodies_columns(codes):
    table = rows(BODIES, 5)
    assert len(table) >= 150
    for pattern, name, iso2, sector, kind in table:
        assert pattern and name, pattern
        assert iso2 in codes | {"*", "-"}, (pattern, iso2)
        assert sector in SECTORS, (pattern, sector)
        assert kind in BODY_TYPES, (pattern, kind)
    patterns = [(row[0], row[2]) for row in table]
    assert len(patterns) == len(set(patterns))


@pytest.mark.parametrize("pattern,iso2,kind", [
    ("Государственная дума", "RU", "legislature"),
    ("Мажилис", "KZ", "legislature"),
    ("Верховная рада", "UA", "legislature"),
    ("Жогорку Кенеш", "KG", "legislature"),
    ("Бундестаг", "DE", "legislature"),
    ("Госдеп", "US", "ministry"),
    ("МИД", "*", "ministry"),
    ("Кремль", "RU", "head_of_state_office"),
    ("ООН", "-", "igo"),
    ("ШОС", "-", "igo"),
    ("группа дружбы", "*", "group"),
])
def test_bodies_entries(pattern, iso2, kind):
    table = {row[0]: row for row in rows(BODIES, 5)}
    assert (table[pattern][2], table[pattern][4]) == (iso2, kind)


# ---------------------------------------------------------------- AGENCIES


def test_agencies_columns(codes):
    table = rows(AGENCIES, 3)
    assert len(table) >= 50
    names = set()
    for name, variants, iso2 in table:
        assert iso2 in codes, (name, iso2)
        for item in [name] + [v for v in variants.split("|") if v]:
            assert item == item.strip() and item not in names, item
            names.add(item)


@pytest.mark.parametrize("name,iso2", [
    ("ТАСС", "RU"), ("Kazinform", "KZ"), ("БелТА", "BY"), ("Синьхуа", "CN"), ("Reuters", "GB"), ("AFP", "FR"),
])
def test_agencies_home(name, iso2):
    assert {row[0]: row[2] for row in rows(AGENCIES, 3)}[name] == iso2


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_data_file_loads(path):
    """Every shipped data file is there, in UTF-8, with at least one item."""
    from depesha.data import load_lines

    assert list(load_lines(path))


def test_regions_one_key_each():
    from depesha.data import REGIONS, load_lines
    from depesha.extractors.gazetteer import regions

    names = list(load_lines(REGIONS))
    assert len(regions()) == len(names) == len(set(names))
    assert regions()[("латинский", "америка")] == "Латинская Америка"


def test_occupations_are_unique_lower_case_lemmas():
    from depesha.data import OCCUPATIONS, load_lines

    words = list(load_lines(OCCUPATIONS))
    assert len(words) == len(set(words)) > 500
    assert all(word == word.strip().lower() and " " not in word and "ё" not in word for word in words)


@pytest.mark.parametrize("lemma, text, kind", [
    ("моряк", "моряк", "w"),
    ("режиссёр", "Режиссёр", "w"),                 # ё read as е, capitalised at a sentence start
    ("врач-реаниматолог", "врач-реаниматолог", "part"),
    ("фотоблогер", "фотоблогера", "sfx"),          # ends in "блогер"
    ("кинопродюсер", "кинопродюсер", "sfx"),
    ("нурсултан", "Нурсултан", ""),                # a name that ends in "султан" is not one
    ("стол", "стол", ""),
    ("премьер-лига", "премьер-лиги", ""),          # a hyphen counts only before the occupation
])
def test_occupation_kinds(lemma, text, kind):
    from depesha.data import OCCUPATIONS, load_lines
    from depesha.extractors.relations_model import occupation

    assert occupation(lemma, text, frozenset(load_lines(OCCUPATIONS))) == kind


# COUNTRY NUMERIC CODES (keys of the world map's outline)

TERRITORIES = {"EH", "FK", "GL", "NC", "PR", "TF"}   # drawn on the map, not in countries.tsv


@pytest.fixture(scope="module")
def numeric():
    from depesha.data import COUNTRY_NUMERIC

    return rows(COUNTRY_NUMERIC, 2)


def test_country_numeric_covers_countries(numeric, codes):
    iso2 = [row[0] for row in numeric]
    assert len(iso2) == len(set(iso2))
    assert set(iso2) - codes == TERRITORIES
    assert codes - set(iso2) == {"XK"}                    # Kosovo has no ISO numeric code


def test_country_numeric_shape(numeric):
    values = [row[1] for row in numeric]
    assert len(values) == len(set(values))
    assert all(re.fullmatch(r"\d{3}", value) for value in values)


@pytest.mark.parametrize("iso2,code", [
    ("KZ", "398"), ("MX", "484"), ("RU", "643"), ("US", "840"), ("AD", "020"), ("GB", "826"), ("PS", "275"),
    ("TW", "158"), ("GL", "304"),
])
def test_country_numeric_lookup(numeric, iso2, code):
    assert dict(numeric)[iso2] == code
