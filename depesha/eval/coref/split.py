"""The RuCoCo split, fixed once by document id: 10 % sealed test, 10 % dev, the rest train."""

from __future__ import annotations

import hashlib

SPLITS = ("train", "dev", "test")


def split_of(doc_id: str) -> str:
    """`test` for a tenth of the ids, `dev` for another tenth, else `train`; a hash, so no list to keep."""
    bucket = int(hashlib.sha256(f"rucoco:{doc_id}".encode()).hexdigest(), 16) % 10
    return "test" if bucket == 0 else "dev" if bucket == 1 else "train"
