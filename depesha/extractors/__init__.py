"""Extraction of facts from an annotated Doc: countries, people, organisations and positions."""
