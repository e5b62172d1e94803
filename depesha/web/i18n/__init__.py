"""The pages' two languages: a message catalogue (`t`, `plural`), labels of categories and countries, the switch."""

from .catalogue import MESSAGES, load_messages, messages, noun, plural, plural_form, t, word
from .choice import COOKIE, DEFAULT, LANGS, LanguageMiddleware, current, switch_links, use
from .labels import category_label, country_label, quad_label

__all__ = ["COOKIE", "DEFAULT", "LANGS", "MESSAGES", "LanguageMiddleware", "category_label", "country_label", "current",
           "load_messages", "messages", "noun", "plural", "plural_form", "quad_label", "switch_links", "t", "use", "word"]
