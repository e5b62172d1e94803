"""Annotation with natasha: sentences, tokens, morphology, syntax and NER, adapted to depesha's records."""

from .morph import inflect_word, parse_word
from .natasha import NatashaAnnotator

__all__ = ["NatashaAnnotator", "inflect_word", "parse_word"]
