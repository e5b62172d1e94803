"""Near-duplicate articles: MinHash over word shingles, banded into LSH keys stored with the article."""

from __future__ import annotations

import re
import struct
import zlib
from functools import lru_cache

import numpy as np

NUM_PERM = 64
BANDS = 16                     # 16 bands of 4 rows: pairs above ~0.5 Jaccard become candidates
ROWS = NUM_PERM // BANDS
SHINGLE = 3                    # words per shingle
THRESHOLD = 0.6                # estimated Jaccard from which an article is a republication
WORD = re.compile(r"\w+")
PRIME = (1 << 61) - 1


@lru_cache(maxsize=1)
def make_permutations() -> tuple[np.ndarray, np.ndarray]:
    """Fixed (a, b) pairs of the universal hashes, the same in every process and every run."""
    rng = np.random.RandomState(1)
    a = rng.randint(1, PRIME, size=NUM_PERM, dtype=np.uint64)
    b = rng.randint(0, PRIME, size=NUM_PERM, dtype=np.uint64)
    return a, b


def shingles(text: str) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[index:index + SHINGLE]).encode() for index in range(len(words) - SHINGLE + 1)}


def make_minhash(text: str) -> np.ndarray:
    """NUM_PERM 32-bit minimum hashes of the text's shingles."""
    values = np.fromiter((zlib.crc32(item) for item in shingles(text)), dtype=np.uint64)
    a, b = make_permutations()
    with np.errstate(over="ignore"):
        hashed = (np.outer(values, a) + b) % np.uint64(PRIME)
    return (hashed.min(axis=0) & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def dump_minhash(signature: np.ndarray) -> bytes:
    return signature.astype("<u4").tobytes()


def load_minhash(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def band_keys(signature: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number mixed in), for an indexed lookup."""
    keys = []
    for band in range(BANDS):
        chunk = struct.pack(f"<B{ROWS}I", band, *signature[band * ROWS:(band + 1) * ROWS].tolist())
        digest = zlib.crc32(chunk) | (zlib.adler32(chunk) << 32)
        keys.append(digest - (1 << 64) if digest >= 1 << 63 else digest)
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(a == b))


def similarities(signature: np.ndarray, others: list[bytes]) -> np.ndarray:
    """Estimated Jaccard similarity with each stored signature."""
    matrix = np.frombuffer(b"".join(others), dtype="<u4").reshape(len(others), NUM_PERM)
    return (matrix == signature).mean(axis=1)
