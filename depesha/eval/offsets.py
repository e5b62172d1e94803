"""Map offsets in the cleaned `doc.text` back to the raw input text (factRuEval and NEREL gold offsets)."""

from __future__ import annotations

from difflib import SequenceMatcher


class OffsetMap:
    """Character alignment of the cleaned text onto the raw text (identity when they are equal)."""

    def __init__(self, text: str, raw: str):
        self.identity = text == raw
        self.table: list[int] = []
        if not self.identity:
            self.table = align(text, raw)

    def start(self, offset: int) -> int:
        return offset if self.identity else self.table[offset]

    def stop(self, offset: int) -> int:
        """End offsets map through their last character."""
        if self.identity or offset == 0:
            return offset
        return self.table[offset - 1] + 1


def align(text: str, raw: str) -> list[int]:
    """table[i] = raw offset of text[i]; inserted characters take the next raw position."""
    table = [0] * (len(text) + 1)
    matcher = SequenceMatcher(None, text, raw, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i2 - i1):
            if tag in ("equal", "replace") and j1 + k < j2:
                table[i1 + k] = j1 + k
            else:
                table[i1 + k] = min(j2, len(raw))
    table[len(text)] = len(raw)
    return table
