"""Write factRuEval responses in the competition formats: `book_N.task1` and `book_N.task3`."""

from __future__ import annotations

import re

SPACES = re.compile(r"\s+")
Mention = tuple[str, int, int]                     # tag, start, stop
FactLines = tuple[str, list[tuple[str, str]]]      # type, [(argument, value)]


def clean_value(text: str) -> str:
    """One line, single spaces, no ':' (the loader splits on it)."""
    return SPACES.sub(" ", text.replace(":", " ")).strip()


def format_task1(mentions: list[Mention]) -> str:
    """'<tag> <start> <length>' per line, sorted by offset then tag (the same on every run), duplicates dropped."""
    ordered = sorted(set(mentions), key=lambda m: (m[1], m[2], m[0]))
    lines = [f"{tag} {start} {stop - start}" for tag, start, stop in ordered if stop > start]
    return "".join(line + "\n" for line in lines)


def format_task3(facts: list[FactLines]) -> str:
    """Blocks 'type' + 'argument : value', separated by an empty line; empty values are dropped."""
    blocks = []
    for type, args in facts:
        lines = [f"{name} : {clean_value(value)}" for name, value in args if clean_value(value)]
        if lines:
            blocks.append("\n".join([type, *lines]) + "\n")
    return "\n".join(blocks)
