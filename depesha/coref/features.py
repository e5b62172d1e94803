"""Pair features of mention candidates, computed for a whole Doc at once with numpy (slot indexes into one weight vector)."""

from __future__ import annotations

import zlib
from collections.abc import Callable

import numpy as np

from .mentions import KINDS, Mention

WINDOW = 40                 # antecedents considered for every mention, beyond it only string or name matches
FAR = 10                    # of those, the last ones with each key
HASH_LEMMA, HASH_PAIR, HASH_LEMMA_KIND = 1 << 16, 1 << 18, 1 << 16
SENT_BINS = np.array([1, 2, 3, 5, 10])
MENT_BINS = np.array([2, 4, 8, 16, 32])


def stable_hash(text: str) -> int:
    """crc32: the same number in every process (Python's hash() is salted)."""
    return zlib.crc32(text.encode("utf-8")) if text else 0


def slot_sizes() -> list[tuple[str, int]]:
    """The feature groups, in order, with their number of slots; the weight vector is their concatenation."""
    kp = KINDS * KINDS
    return [
        ("kinds", kp), ("ner", 16), ("exact", 2 * KINDS), ("head", 2 * kp), ("names", 8 * KINDS),
        ("gender", 3 * KINDS), ("number", 3 * KINDS), ("sentences", 6 * KINDS), ("mentions", 6 * KINDS),
        ("cosine", 10 * kp), ("nested", 2 * kp), ("subjects", 12), ("exact_ner", 2 * 4 * 2),
        ("lemma", HASH_LEMMA), ("pair", HASH_PAIR), ("lemma_kind", HASH_LEMMA_KIND),
    ]


def n_features() -> int:
    return sum(size for _, size in slot_sizes())


def mention_arrays(mentions: list[Mention], vector: Callable[[str], np.ndarray | None]) -> dict[str, np.ndarray]:
    """Per-mention columns: kinds, hashes of lemma, text and names, agreement, positions, unit head vectors."""
    n = len(mentions)
    vectors = np.zeros((n, 300), dtype=np.float32)
    for row, mention in enumerate(mentions):
        found = vector(mention.lemma)
        if found is not None:
            vectors[row] = found
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return {
        "kind": np.array([m.kind for m in mentions], dtype=np.int64),
        "ner": np.array([m.ner for m in mentions], dtype=np.int64),
        "gender": np.array([m.gender for m in mentions], dtype=np.int64),
        "number": np.array([m.number for m in mentions], dtype=np.int64),
        "sent": np.array([m.sent for m in mentions], dtype=np.int64),
        "subject": np.array([m.subject for m in mentions], dtype=np.int64),
        "start": np.array([m.start for m in mentions], dtype=np.int64),
        "stop": np.array([m.stop for m in mentions], dtype=np.int64),
        "lemma": np.array([stable_hash(m.lemma) for m in mentions], dtype=np.int64),
        "text": np.array([stable_hash(m.text) for m in mentions], dtype=np.int64),
        "last": np.array([stable_hash(m.names[-1]) if m.names else 0 for m in mentions], dtype=np.int64),
        "first": np.array([stable_hash(m.names[0]) if m.names else 0 for m in mentions], dtype=np.int64),
        "vectors": vectors,
    }


def candidate_pairs(arrays: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(antecedent, anaphor) index pairs, sorted by anaphor: the previous WINDOW mentions, and beyond them the
    last FAR earlier mentions with the same lemma, text or surname (no n² arrays on long articles)."""
    n = len(arrays["kind"])
    near = [(np.arange(n - d), np.arange(d, n)) for d in range(1, min(WINDOW, n - 1) + 1)]
    far: set[tuple[int, int]] = set()
    for column in ("lemma", "text", "last"):
        groups: dict[int, list[int]] = {}
        for index, value in enumerate(arrays[column].tolist()):
            if value:
                members = groups.setdefault(value, [])
                far.update((earlier, index) for earlier in members[-FAR:] if index - earlier > WINDOW)
                members.append(index)
    pieces_i = [a for a, _ in near] + [np.array([a for a, _ in sorted(far)], dtype=np.int64)]
    pieces_j = [b for _, b in near] + [np.array([b for _, b in sorted(far)], dtype=np.int64)]
    i, j = np.concatenate(pieces_i).astype(np.int64), np.concatenate(pieces_j).astype(np.int64)
    order = np.lexsort((i, j))
    return i[order], j[order]


def bucket(values: np.ndarray, bins: np.ndarray) -> np.ndarray:
    return np.searchsorted(bins, values, side="right")


def pair_slots(arrays: dict[str, np.ndarray], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """An int matrix (pairs × groups): the active slot of every feature group for every pair."""
    a = arrays
    ki, kj = a["kind"][i], a["kind"][j]
    kp = ki * KINDS + kj
    exact = (a["text"][i] == a["text"][j]).astype(np.int64)
    head = (a["lemma"][i] == a["lemma"][j]).astype(np.int64)
    named = (a["last"][j] != 0) & (a["last"][i] != 0)
    names = (named & (a["last"][i] == a["last"][j])) + 2 * (named & (a["first"][i] == a["last"][j])) \
        + 4 * (named & (a["first"][i] == a["first"][j]))

    def agree(column: str) -> np.ndarray:
        x, y = a[column][i], a[column][j]
        return np.where((x == 0) | (y == 0), 0, np.where(x == y, 1, 2))

    sent_gap = a["sent"][j] - a["sent"][i]
    cosine = np.einsum("ij,ij->i", a["vectors"][i], a["vectors"][j]) if len(i) else np.zeros(0)
    cos_bin = np.clip(((cosine + 1) * 5).astype(np.int64), 0, 9)
    nested = ((a["start"][i] <= a["start"][j]) & (a["stop"][j] <= a["stop"][i])) \
        | ((a["start"][j] <= a["start"][i]) & (a["stop"][i] <= a["stop"][j]))
    gap_code = np.minimum(sent_gap, 2)
    columns = [
        kp,
        a["ner"][i] * 4 + a["ner"][j],
        exact * KINDS + kj,
        head * KINDS * KINDS + kp,
        names * KINDS + kj,
        agree("gender") * KINDS + kj,
        agree("number") * KINDS + kj,
        bucket(sent_gap, SENT_BINS) * KINDS + kj,
        bucket(j - i, MENT_BINS) * KINDS + kj,
        cos_bin * KINDS * KINDS + kp,
        nested.astype(np.int64) * KINDS * KINDS + kp,
        (a["subject"][i] * 2 + a["subject"][j]) * 3 + gap_code,
        (exact * 4 + a["ner"][j]) * 2 + head,
        a["lemma"][j] % HASH_LEMMA,
        (a["lemma"][i] * 1_000_003 + a["lemma"][j]) % HASH_PAIR,
        (a["lemma"][i] * 7 + kj) % HASH_LEMMA_KIND,
    ]
    offsets = np.cumsum([0] + [size for _, size in slot_sizes()[:-1]])
    return np.stack(columns, axis=1) + offsets[None, :] if len(i) else np.zeros((0, len(columns)), dtype=np.int64)
