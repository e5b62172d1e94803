"""Cleaning: boilerplate lines out, whitespace and quotes normalised, dateline and attribution parsed."""

from .attribution import find_attribution
from .dateline import parse_dateline
from .text import clean_text, detect_language

__all__ = ["clean_text", "detect_language", "find_attribution", "parse_dateline"]
