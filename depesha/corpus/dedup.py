"""Near-duplicate articles: MinHash over word shingles, banded into LSH keys stored with the article."""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

NUM_PERM = 64
BANDS = 16                     # 16 bands of 4 rows: pairs above ~0.5 Jaccard become candidates
ROWS = NUM_PERM // BANDS
SHINGLE = 3                    # words per shingle
THRESHOLD = 0.6                # estimated Jaccard from which an article is a republication
MIN_BANDS = 2                  # candidates share at least 2 bands (one shared band is common among templates)
MAX_CANDIDATES = 50            # the most similar candidates compared exactly
WORD = re.compile(r"\w+")
PRIME = (1 << 61) - 1


@lru_cache(maxsize=1)
def make_permutations() -> tuple[np.ndarray, np.ndarray]:
    """Fixed (a, b) pairs of the universal hashes, the same in every process and every run."""
    rng = np.random.RandomState(1)
    a = rng.randint(1, PRIME, size=NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, PRIME, size=NUM_PERM, dtype=np.uint64)
    return a, b


CRC_CACHE_SIZE = 500_000
crc_cache: dict[str, int] = {}


def word_crc(word: str) -> int:
    """The stable CRC of one word, remembered (the cache is emptied when it grows past CRC_CACHE_SIZE)."""
    if len(crc_cache) >= CRC_CACHE_SIZE:
        crc_cache.clear()
    value = crc_cache[word] = zlib.crc32(word.encode())
    return value


def words_of(text: str) -> list[str]:
    """The lower-cased words MinHash shingles (and search lemmatizes)."""
    return WORD.findall(text.lower())


def shingle_hashes(text: str, words: list[str] | None = None) -> np.ndarray:
    """One 64-bit value per distinct run of SHINGLE words, from stable per-word CRCs (`words`: `words_of(text)`)."""
    words = (words_of(text) if words is None else words) or [""]
    get = crc_cache.get
    hashes = np.array([get(word) or word_crc(word) for word in words], dtype=np.uint64)
    if len(hashes) < SHINGLE:
        hashes = np.concatenate([hashes, np.zeros(SHINGLE - len(hashes), dtype=np.uint64)])
    with np.errstate(over="ignore"):
        values = hashes[:1 - SHINGLE] * np.uint64(0x9E3779B97F4A7C15)
        for offset in range(1, SHINGLE):
            values = (values ^ hashes[offset:len(hashes) - SHINGLE + 1 + offset]) * np.uint64(0xBF58476D1CE4E5B9)
    return np.unique(values >> np.uint64(32))


def make_minhash(text: str, words: list[str] | None = None) -> np.ndarray:
    """NUM_PERM 32-bit minimum hashes of the text's word shingles (`words`: `words_of(text)`, if known)."""
    a, b = make_permutations()
    with np.errstate(over="ignore"):
        hashed = (np.outer(shingle_hashes(text, words), a) + b) % np.uint64(PRIME)
    return (hashed.min(axis=0) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def make_minhashes(word_lists: list[list[str]]) -> np.ndarray:
    """`make_minhash` of many texts at once (their words given), one row each: the same values, computed with a
    few array operations for all of them instead of a few per text."""
    a, b = make_permutations()
    get = crc_cache.get
    crcs: list[int] = []
    starts: list[int] = []  # where each text's shingles begin among all shingle positions
    for words in word_lists:
        words = words or [""]
        starts.append(len(crcs))
        crcs += [get(word) or word_crc(word) for word in words]
        crcs += [0] * (SHINGLE - len(words))  # a text shorter than a shingle is padded, as in shingle_hashes
    hashes = np.array(crcs + [0] * (SHINGLE - 1), dtype=np.uint64)
    first = np.array(starts, dtype=np.intp)
    last = np.append(first[1:], len(crcs)) - SHINGLE   # each text's last shingle start
    valid = np.zeros(len(crcs) + 1, dtype=np.int8)        # shingles that stay inside one text
    np.add.at(valid, first, 1)
    np.add.at(valid, last + 1, -1)
    keep = np.cumsum(valid[:-1]) > 0
    with np.errstate(over="ignore"):
        values = hashes[:len(crcs)] * np.uint64(0x9E3779B97F4A7C15)
        for offset in range(1, SHINGLE):
            values = (values ^ hashes[offset:len(crcs) + offset]) * np.uint64(0xBF58476D1CE4E5B9)
        values = values[keep] >> np.uint64(32)
        hashed = (np.outer(values, a) + b) % np.uint64(PRIME)
    segments = np.cumsum(keep)[first] - 1  # where each text's kept shingles begin
    segments[0] = 0
    return (np.minimum.reduceat(hashed, segments, axis=0) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def band_keys_many(signatures: np.ndarray) -> list[list[int]]:
    """`band_keys` of each row of `make_minhashes`."""
    rows = signatures.astype(np.uint64).reshape(len(signatures), BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys = np.broadcast_to(np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15),
                               (len(signatures), BANDS))
        for column in range(ROWS):
            keys = (keys ^ rows[:, :, column]) * np.uint64(0xBF58476D1CE4E5B9)
    return keys.view(np.int64).tolist()


def dump_minhash(signature: np.ndarray) -> bytes:
    return signature.astype("<u4").tobytes()


def load_minhash(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def band_keys(signature: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number mixed in), for an indexed lookup."""
    rows = signature.astype("<u4").reshape(BANDS, ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):
        keys = np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        for column in range(ROWS):
            keys = (keys ^ rows[:, column]) * np.uint64(0xBF58476D1CE4E5B9)
    return keys.view(np.int64).tolist()


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(a == b))


def similarities(signature: np.ndarray, others: list[bytes]) -> np.ndarray:
    """Estimated Jaccard similarity with each stored signature."""
    matrix = np.frombuffer(b"".join(others), dtype="<u4").reshape(len(others), NUM_PERM)
    return (matrix == signature).mean(axis=1)
