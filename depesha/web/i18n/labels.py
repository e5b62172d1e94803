"""Names a reader sees in either language: PLOVER categories, quad classes, countries."""

from __future__ import annotations

from functools import lru_cache

from depesha.data import COUNTRY_NAMES_EN, load_table

from .choice import current


def category_label(code: str) -> str:
    """'CONSULT' -> 'Консультации' or 'Consult'; an unknown code as given."""
    from depesha.web.categories import categories

    found = categories().get(code)
    if found is None:
        return code
    return found.ru if current() == "ru" else found.en


def quad_label(quad: str) -> str:
    """'verbal cooperation' in the page's language (catalogue key quad.<words with _>)."""
    from .catalogue import t

    return t("quad." + quad.replace(" ", "_")) if quad else ""


@lru_cache(maxsize=1)
def english_names() -> dict[str, str]:
    """iso2 -> English short name (country_names_en.tsv)."""
    return {iso: name for iso, name in load_table(COUNTRY_NAMES_EN, 2)}


def country_label(code: str) -> str:
    """The country's name in the page's language ("KZ" -> "Казахстан" / "Kazakhstan"), the code when unknown."""
    if current() == "en":
        return english_names().get(code, code)
    from depesha.extractors.gazetteer import country_name

    return country_name(code)
