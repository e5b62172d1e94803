"""Head-word vectors from natasha's navec embedding (shipped in its package), cached per lemma."""

from __future__ import annotations

from functools import lru_cache

import numpy as np


@lru_cache(maxsize=20_000)
def vector(lemma: str) -> np.ndarray | None:
    """The navec vector of a lemma, or None when navec does not know it."""
    from ..annotate.natasha import load_models

    found = load_models()["embedding"].get(lemma)
    return None if found is None else np.asarray(found, dtype=np.float32)
