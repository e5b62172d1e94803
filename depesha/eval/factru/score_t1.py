"""factRuEval track 1 scorer: token-weighted partial matching of per/org/loc/locorg mentions."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np

from .assign import Pair, maximize_ratio
from .gold import OBJECT_TAGS, GoldDoc
from .metrics import Metric

log = logging.getLogger(__name__)

TAGS = ["per", "loc", "org", "locorg"]
TAGS_L = ["per", "loc", "org"]
NAME_SPANS = {"per": {"name", "surname", "patronymic", "nickname"}}
NAME_SPANS_DEFAULT = {"org_name", "loc_name"}
PARENTS = {"per": {"loc", "org", "locorg"}, "loc": {"loc", "org", "locorg"}, "org": {"org", "locorg"},
           "locorg": {"org", "locorg"}}


# ENTITIES


@dataclass
class T1Entity:
    tag: str
    tokens: frozenset[int]
    weights: dict[int, float] = field(default_factory=dict)   # gold only: token -> 0 or 1
    ignored: str = ""                                         # gold only: unnamed | embedded | duplicate
    start: int = 0
    stop: int = 0


def glued_punct(doc: GoldDoc) -> set[int]:
    """Single-character non-letter tokens touching a neighbour (quotes, commas, dots)."""
    dropped = set()
    tokens = doc.tokens
    for index, token in enumerate(tokens):
        if len(token.text) != 1 or token.text.isalpha():
            continue
        before = index > 0 and tokens[index - 1].stop == token.start
        after = index + 1 < len(tokens) and tokens[index + 1].start == token.stop
        if before or after:
            dropped.add(token.id)
    return dropped


def gold_entities(doc: GoldDoc, merge_locorg: bool = False) -> list[T1Entity]:
    dropped = glued_punct(doc)
    entities = []
    for obj in doc.objects:
        tag = OBJECT_TAGS.get(obj.type)
        if tag is None or tag == "project":
            continue
        if merge_locorg and tag == "locorg":
            tag = "loc"
        names = NAME_SPANS.get(tag, NAME_SPANS_DEFAULT)
        weights: dict[int, float] = {}
        starts, stops = [], []
        for span_id in obj.span_ids:
            for span in doc.spans.get(span_id, []):
                starts.append(span.start)
                stops.append(span.stop)
                for token_id in span.token_ids:
                    if token_id not in dropped:
                        weights[token_id] = max(weights.get(token_id, 0.0), float(span.tag in names))
        entity = T1Entity(tag, frozenset(weights), weights, "", min(starts, default=0), max(stops, default=0))
        if not any(weights.values()):
            entity.ignored = "unnamed"
        entities.append(entity)
    for entity in entities:
        if not entity.ignored and any(
            other.tag in PARENTS[entity.tag] and entity.tokens < other.tokens for other in entities
        ):
            entity.ignored = "embedded"
    return entities


def parse_task1(lines: list[str], name: str = "") -> list[tuple[str, int, int]]:
    """'<tag> <start> <length>' lines; like the official loader, a bad line drops the rest of the file."""
    items = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        parts = line.strip("\r\n").split(" ")
        if len(parts) != 3 or parts[0].lower() not in TAGS or not (parts[1].isdigit() and parts[2].isdigit()):
            log.warning("task1 %s line %d is malformed, the rest of the file is dropped: %r", name, number, line)
            break
        items.append((parts[0].lower(), int(parts[1]), int(parts[1]) + int(parts[2])))
    return items


def response_entities(doc: GoldDoc, items: list[tuple[str, int, int]], merge_locorg: bool = False) -> list[T1Entity]:
    dropped = glued_punct(doc)
    entities = []
    for tag, start, stop in items:
        if merge_locorg and tag == "locorg":
            tag = "loc"
        tokens = frozenset(t.id for t in doc.tokens if start <= t.start and t.stop <= stop and t.id not in dropped)
        entities.append(T1Entity(tag, tokens, start=start, stop=stop))
    return entities


# QUALITY


def quality(gold: T1Entity, guess: T1Entity) -> float:
    """Σw(shared) / (Σw(shared) + Σw(missed) + #extra); plain Jaccard for a gold entity without names."""
    if not any(gold.weights.values()):
        union = len(gold.tokens | guess.tokens)
        return len(gold.tokens & guess.tokens) / union if union else 0.0
    shared = sum(gold.weights[t] for t in gold.tokens & guess.tokens)
    missed = sum(gold.weights[t] for t in gold.tokens - guess.tokens)
    extra = len(guess.tokens - gold.tokens)
    total = shared + missed + extra
    return shared / total if total else 0.0


# MATCHING


def match_tag(golds: list[T1Entity], guesses: list[T1Entity]) -> list[Pair]:
    """Identical token sets first, then the matching that maximises this tag's F1 in the document."""
    pairs: list[Pair] = []
    free_gold = set(range(len(golds)))
    for j, guess in enumerate(guesses):
        same = next((i for i in sorted(free_gold) if golds[i].tokens == guess.tokens and guess.tokens), None)
        if same is not None:
            pairs.append((same, j))
            free_gold.discard(same)
    used = {j for _, j in pairs}
    rest_g = sorted(free_gold)
    rest_r = [j for j in range(len(guesses)) if j not in used]
    q = np.zeros((len(rest_g), len(rest_r)))
    share = np.zeros_like(q, dtype=bool)
    for a, i in enumerate(rest_g):
        for b, j in enumerate(rest_r):
            if golds[i].tokens & guesses[j].tokens:
                share[a, b] = True
                q[a, b] = quality(golds[i], guesses[j])
    ignored = np.array([bool(golds[i].ignored) for i in rest_g], dtype=bool)[:, None]

    def weights_for(lam: float) -> np.ndarray:
        return np.where(share, np.where(ignored, lam, 2 * q), 0.0)

    def ratio_of(chosen: list[Pair]) -> float:
        tp = sum(q[a, b] for a, b in chosen if not ignored[a, 0])
        n_std = int((~ignored).sum())
        n_test = len(rest_r) - sum(1 for a, _ in chosen if ignored[a, 0])
        return 2 * tp / (n_std + n_test) if n_std + n_test else 1.0

    chosen = maximize_ratio(weights_for, ratio_of) if q.size else []
    return pairs + [(rest_g[a], rest_r[b]) for a, b in chosen]


def resolve_duplicates(golds: list[T1Entity], matched: set[int]) -> None:
    """Gold mentions on identical tokens count once: the matched one, else the org, else the first."""
    groups: dict[frozenset[int], list[int]] = {}
    for i, gold in enumerate(golds):
        if not gold.ignored and gold.tokens:
            groups.setdefault(gold.tokens, []).append(i)
    for group in groups.values():
        if len(group) < 2:
            continue
        hits = [i for i in group if i in matched]
        orgs = [i for i in group if golds[i].tag == "org"]
        keep = hits[0] if len(hits) == 1 else (orgs or group)[0]
        for i in group:
            if i != keep:
                golds[i].ignored = "duplicate"


def match_doc(
    doc: GoldDoc, items: list[tuple[str, int, int]], merge_locorg: bool = False
) -> tuple[list[T1Entity], list[T1Entity], list[Pair]]:
    """Gold entities (with `ignored` set), response entities and the chosen pairs."""
    golds = gold_entities(doc, merge_locorg)
    guesses = response_entities(doc, items, merge_locorg)
    tags = TAGS_L if merge_locorg else TAGS
    pairs: list[Pair] = []
    for tag in tags:
        g_index = [i for i, g in enumerate(golds) if g.tag == tag]
        r_index = [j for j, r in enumerate(guesses) if r.tag == tag]
        local = match_tag([golds[i] for i in g_index], [guesses[j] for j in r_index])
        pairs += [(g_index[a], r_index[b]) for a, b in local]
    resolve_duplicates(golds, {i for i, _ in pairs})
    return golds, guesses, pairs


def score_doc(doc: GoldDoc, items: list[tuple[str, int, int]], merge_locorg: bool = False) -> dict[str, Metric]:
    """Per-tag metrics of one document's response lines."""
    golds, guesses, pairs = match_doc(doc, items, merge_locorg)
    metrics = {tag: Metric() for tag in (TAGS_L if merge_locorg else TAGS)}
    for gold in golds:
        if not gold.ignored:
            metrics[gold.tag].n_std += 1
    for guess in guesses:
        metrics[guess.tag].n_test += 1
    for i, j in pairs:
        if golds[i].ignored:
            metrics[guesses[j].tag].n_test -= 1
        else:
            value = quality(golds[i], guesses[j])
            metrics[golds[i].tag].tp1 += value
            metrics[golds[i].tag].tp2 += value
    return metrics
