"""Chains for annotated RuCoCo documents: the model, two baselines, and the micro-averaged scores."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ...coref.mentions import NAME, NOMINAL, Mention, find_mentions
from ...doc import Doc
from .metrics import Scorer

Chains = list[list[tuple[int, int]]]


def by_key(mentions: list[Mention], key: Callable[[Mention], str | None]) -> Chains:
    """Chains of the mentions that share a key (None: no chain)."""
    groups: dict[str, list[tuple[int, int]]] = {}
    for mention in mentions:
        value = key(mention)
        if value:
            groups.setdefault(value, []).append((mention.start, mention.stop))
    return [spans for spans in groups.values() if len(spans) > 1]


def exact_names(doc: Doc) -> Chains:
    """Baseline 1: names (proper-noun heads) with the same text, case and quotes aside."""
    return by_key(find_mentions(doc), lambda m: m.text if m.kind == NAME else None)


def same_head(doc: Doc) -> Chains:
    """Baseline 2: names and noun phrases with the same head lemma."""
    return by_key(find_mentions(doc), lambda m: m.lemma if m.kind in (NAME, NOMINAL) else None)


def model_chains(doc: Doc, **options: Any) -> Chains:
    """The trained mention-pair model."""
    from ...coref.model import resolve
    from ...coref.vectors import vector

    return [[(m.start, m.stop) for m in chain] for chain in resolve(find_mentions(doc), vector, **options)]


SYSTEMS: dict[str, Callable[..., Chains]] = {"model": model_chains, "exact_names": exact_names, "same_head": same_head}


def evaluate(pairs: Iterable[tuple[Doc, Chains]], systems: dict[str, Callable[..., Chains]] | None = None,
             **options: Any) -> dict[str, dict[str, dict[str, float]]]:
    """Score each system over (annotated doc, gold chains) pairs; LEA, MUC, B³, CEAF-e and CoNLL per system."""
    systems = systems or SYSTEMS
    scorers = {name: Scorer() for name in systems}
    for doc, gold in pairs:
        key = [[(doc.id, *span) for span in chain] for chain in gold]
        for name, system in systems.items():
            chains = system(doc, **options) if name == "model" else system(doc)
            scorers[name].add(key, [[(doc.id, *span) for span in chain] for chain in chains])
    return {name: scorer.report() for name, scorer in scorers.items()}
