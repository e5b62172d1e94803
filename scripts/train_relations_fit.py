"""Fitting half of scripts/train_relations.py: gold -> tagged tokens and labelled pairs -> hashed logistic regressions."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from depesha.doc import Doc
from depesha.eval.nerel.gold import BratDoc, BratEntity, BratRelation
from depesha.eval.nerel.predict import predict
from depesha.eval.nerel.score import format_table, overlaps, score_docs
from depesha.extractors.relations_model import (
    BUCKETS,
    LAYERS,
    MODEL,
    RELATIONS,
    Mention,
    RelationModel,
    coordinated,
    cross_names,
    cross_pairs,
    decode,
    hash_names,
    label_transitions,
    layer_labels,
    pair_names,
    plural_professions,
    sentence_rows,
    split_lines,
    tag_spans,
    viterbi,
)

LAYER_OF = {type: layer for layer, types in LAYERS.items() for type in types}


def load_gazetteer() -> frozenset[str]:
    from depesha.data import POSITIONS, load_table

    return frozenset(word for title, _ in load_table(POSITIONS, 2) for word in title.split())


# TARGETS


def gold_mentions(gold: BratDoc, doc: Doc) -> list[Mention]:
    """Gold entities as token mentions, flattened per layer (outer spans win), as the taggers are taught."""
    out = []
    for s, sent in enumerate(doc.sents):
        entities = [e for e in gold.entities if e.type in LAYER_OF and sent.start <= e.start and e.stop <= sent.stop]
        for layer in LAYERS:
            taken: set[int] = set()
            for e in sorted((e for e in entities if LAYER_OF[e.type] == layer), key=lambda e: (e.start - e.stop, e.start)):
                inside = [i for i, t in enumerate(sent.tokens) if overlaps((t.start, t.stop), (e.start, e.stop))]
                if inside and not taken & set(inside):
                    taken |= set(inside)
                    out.append(Mention(e.type, s, inside[0], inside[-1], sent.tokens[inside[0]].start, sent.tokens[inside[-1]].stop))
    return out


def layer_tags(doc: Doc, mentions: list[Mention], layer: str, s: int) -> list[str]:
    tags = ["O"] * len(doc.sents[s].tokens)
    for m in mentions:
        if m.sent == s and LAYER_OF[m.type] == layer:
            tags[m.first: m.last + 1] = [f"B-{m.type}"] + [f"I-{m.type}"] * (m.last - m.first)
    return tags


def relation_spans(gold: BratDoc, type: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    spans = {e.id: (e.start, e.stop) for e in gold.entities}
    return [(spans[r.arg1], spans[r.arg2]) for r in gold.relations if r.type == type]


def label_bigrams(pairs) -> dict[str, np.ndarray]:
    """Per layer, `label_transitions` of the gold tags of every sentence."""
    out = {}
    for layer in LAYERS:
        labels = layer_labels(layer)
        counts = np.zeros((len(labels), len(labels)))
        for gold, doc in pairs:
            mentions = gold_mentions(gold, doc)
            for s in range(len(doc.sents)):
                tags = [labels.index(tag) for tag in layer_tags(doc, mentions, layer, s)]
                np.add.at(counts, (tags[:-1], tags[1:]), 1)
        out[layer] = label_transitions(counts)
    return out


# MATRICES


def matrix(rows: list[list[str]]) -> sparse.csr_matrix:
    indices = [hash_names(names) for names in rows]
    indptr = np.cumsum([0] + [len(i) for i in indices])
    data = np.ones(indptr[-1], dtype=np.float32)
    out = sparse.csr_matrix((data, np.concatenate(indices), indptr), shape=(len(rows), BUCKETS))
    out.sum_duplicates()
    return out


def load_occupations() -> frozenset[str]:
    from depesha.data import OCCUPATIONS, load_lines

    return frozenset(line.strip().replace("ё", "е") for line in load_lines(OCCUPATIONS))


def tagger_data(model: RelationModel, pairs) -> dict[str, tuple[list[list[str]], list[int]]]:
    data: dict[str, tuple[list, list]] = {layer: ([], []) for layer in LAYERS}
    for gold, doc in pairs:
        mentions = gold_mentions(gold, doc)
        for s, sent in enumerate(doc.sents):
            if not sent.tokens:
                continue
            rows = sentence_rows(sent.tokens, doc, model.gazetteer, model.projection, model.centroids)
            for layer in LAYERS:
                labels = layer_labels(layer)
                data[layer][0].extend(model.layer_rows(layer, rows, sent.tokens))
                data[layer][1].extend(labels.index(tag) for tag in layer_tags(doc, mentions, layer, s))
    return data


def relation_data(pairs) -> dict[str, tuple[list[list[str]], list[int]]]:
    data: dict[str, tuple[list, list]] = {relation: ([], []) for relation in RELATIONS}
    for gold, doc in pairs:
        mentions = gold_mentions(gold, doc)
        for relation, (left, right) in RELATIONS.items():
            links = relation_spans(gold, relation)
            for s, sent in enumerate(doc.sents):
                inside = [m for m in mentions if m.sent == s]
                lemmas = [t.lemma or t.text.lower() for t in sent.tokens]
                for a in inside:
                    for b in inside:
                        if a.type in left and b.type in right and a != b:
                            hit = any(overlaps(x, (a.start, a.stop)) and overlaps(y, (b.start, b.stop)) for x, y in links)
                            data[relation][0].append(pair_names(sent.tokens, lemmas, a, b, inside))
                            data[relation][1].append(int(hit))
    return data


def cross_data(pairs) -> tuple[list[list[str]], list[int]]:
    """WORKS_AS candidates whose person is in an earlier sentence than the profession."""
    rows, labels = [], []
    for gold, doc in pairs:
        mentions = gold_mentions(gold, doc)
        links = relation_spans(gold, "WORKS_AS")
        for a, b in cross_pairs(mentions):
            rows.append(cross_names(doc, a, b, mentions))
            labels.append(int(any(overlaps(x, (a.start, a.stop)) and overlaps(y, (b.start, b.stop)) for x, y in links)))
    return rows, labels


# FIT


def quantize(coef: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.maximum(np.abs(coef).max(axis=1), 1e-8) / 127
    return np.round(coef / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def fit_linear(rows, labels, c: float, name: str, iterations: int = 150) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    started = time.time()
    model = LogisticRegression(C=c, max_iter=iterations)
    model.fit(matrix(rows), np.array(labels))
    weights, scale = quantize(model.coef_)
    print(f"  {name}: {len(rows)} rows, classes {list(model.classes_)}, {time.time() - started:.0f}s", file=sys.stderr)
    return weights, scale, model.intercept_.astype(np.float32)


def evaluate(model: RelationModel, dev) -> list:
    guesses = []
    for gold, doc in dev:
        entities, relations = predict(doc, model)
        guesses.append((gold, BratDoc(gold.id, gold.text, entities, relations)))
    return score_docs(guesses)


def f1_of(pairs, type: str, entity: bool) -> float:
    types = ([type], []) if entity else ([], [type])
    return next(s.f1 for s in score_docs(pairs, *types) if s.mode == "relaxed")


def as_brat(gold: BratDoc, mentions: list[Mention], links=()) -> BratDoc:
    ids = {m: f"T{n}" for n, m in enumerate(mentions)}
    entities = [BratEntity(ids[m], m.type, m.start, m.stop) for m in mentions]
    relations = [BratRelation(f"R{n}", r, ids[a], ids[b]) for n, (r, a, b, _) in enumerate(links)]
    return BratDoc(gold.id, gold.text, entities, relations)


TRANSITION_WEIGHTS = (0.0, 0.25, 0.5, 1.0)


def tune_layers(model: RelationModel, dev) -> None:
    """Per layer, the penalty on the O label that maximises the layer's summed relaxed dev F1."""
    for layer, types in LAYERS.items():
        cached = []
        for gold, doc in dev:
            for s, sent in enumerate(doc.sents):
                if sent.tokens:
                    scores = model.scores(layer, model.layer_rows(layer, sentence_rows(
                        sent.tokens, doc, model.gazetteer, model.projection, model.centroids), sent.tokens))
                    cached.append((gold.id, s, sent, scores - np.logaddexp.reduce(scores, axis=1, keepdims=True)))
        best = (-1.0, 0.0, 0.0)
        for offset in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0):
            for weight in TRANSITION_WEIGHTS if layer in model.bigrams else (0.0,):
                found: dict[str, list[Mention]] = {gold.id: [] for gold, _ in dev}
                steps = model.bigrams[layer] * weight if weight else None
                for id, s, sent, logp in cached:
                    logp = logp.copy()
                    logp[:, 0] -= offset
                    for type, first, last in tag_spans(viterbi(logp, layer_labels(layer), steps)):
                        found[id].append(Mention(type, s, first, last, sent.tokens[first].start, sent.tokens[last].stop))
                pairs = [(gold, as_brat(gold, found[gold.id])) for gold, _ in dev]
                best = max(best, (sum(f1_of(pairs, type, True) for type in types), offset, weight))
        model.thresholds[f"O:{layer}"], model.thresholds[f"T:{layer}"] = best[1], best[2]
        print(f"  {layer}: O penalty {best[1]}, transitions x{best[2]} -> summed F1 {best[0]:.3f}", file=sys.stderr)


CUTS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
SECOND = (0.0, 0.5, 0.7, 0.9, 1.1)   # 1.1: one link per profession (WORKS_AS) or per arg1 (WORKPLACE)
GRIDS = {
    "WORKS_AS": {"WORKS_AS": CUTS, "WORKS_AS:cross": (*CUTS, 1.1), "WORKS_AS:second": SECOND},
    "WORKPLACE": {"WORKPLACE": CUTS, "WORKPLACE:second": SECOND, "WORKPLACE:via": (0.0, 0.2, 0.4, 0.6, 1.1)},
}


CONJ = (0.05, 0.1, 0.2, 0.3, 1.1)    # 1.1: off
CONJ_GRIDS = {relation: {f"{relation}:conj1": CONJ, f"{relation}:conj2": CONJ} for relation in ("WORKS_AS", "WORKPLACE")}


def grid(relation: str, grids=GRIDS) -> list[dict[str, float]]:
    axes = grids.get(relation, {relation: CUTS})
    combos: list[dict[str, float]] = [{}]
    for name, values in axes.items():
        combos = [{**combo, name: value} for combo in combos for value in values]
    return combos


def tune_relations(model: RelationModel, dev) -> None:
    """Per relation, the cut-offs of `decode` that maximise relaxed dev F1 (WORKS_AS first: WORKPLACE inherits it);
    then, the others fixed, the cut-offs of coordinated arguments; then both once more."""
    runs = [(gold, mentions, *model.candidates(doc, mentions), coordinated(doc, mentions),
             plural_professions(doc, mentions)) for gold, doc in dev for mentions in [model.mentions(doc)]]
    for relation in sorted(RELATIONS, key=lambda r: r == "WORKPLACE"):
        for grids in (GRIDS, CONJ_GRIDS, GRIDS, CONJ_GRIDS):
            if grids is CONJ_GRIDS and relation not in grids:
                continue
            best = (-1.0, {})
            for combo in grid(relation, grids):
                cuts = {**model.thresholds, **combo}
                pairs = [(gold, as_brat(gold, mentions, decode(same, cross, cuts, groups, plural)))
                         for gold, mentions, same, cross, groups, plural in runs]
                best = max(best, (f1_of(pairs, relation, False), combo), key=lambda x: x[0])
            model.thresholds.update(best[1])
            print(f"  {relation}: {best[1]} -> relaxed F1 {best[0]:.3f}", file=sys.stderr)


def save(model: RelationModel, path: Path) -> None:
    arrays = {}
    for name in model.weights:
        arrays[f"w:{name}"], arrays[f"s:{name}"], arrays[f"b:{name}"] = model.weights[name], model.scales[name], model.biases[name]
    for layer, bigrams in model.bigrams.items():
        arrays[f"t:{layer}"] = bigrams
    arrays["threshold_names"] = np.array(list(model.thresholds))
    arrays["threshold_values"] = np.array(list(model.thresholds.values()), dtype=np.float32)
    arrays["gazetteer"] = np.array(sorted(model.gazetteer))
    if model.occupations:
        arrays["occupations"] = np.array(sorted(model.occupations))
    if model.projection is not None:
        arrays["projection"] = model.projection.astype(np.float16)
    if model.centroids is not None:
        arrays["centroids"] = model.centroids.astype(np.float16)
    np.savez_compressed(path, **arrays)
    print(f"saved {path} ({path.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


def type_centroids(train) -> np.ndarray:
    """[300, types] unit mean navec vector of the words inside the gold entities of each type (train)."""
    from depesha.extractors.relations_model import news_embedding

    embedding = news_embedding()
    sums = np.zeros((300, len(LAYER_OF)), dtype=np.float64)
    for gold, doc in train:
        for m in gold_mentions(gold, doc):
            for token in doc.sents[m.sent].tokens[m.first: m.last + 1]:
                vector = embedding.get(token.text.lower())
                if vector is not None:
                    sums[:, list(LAYER_OF).index(m.type)] += vector / max(np.linalg.norm(vector), 1e-6)
    return (sums / np.maximum(np.linalg.norm(sums, axis=0), 1e-6)).astype(np.float16)


def fit(train, dev, args) -> int:
    train = [(gold, split_lines(doc)) for gold, doc in train]
    dev = [(gold, split_lines(doc)) for gold, doc in dev]
    gazetteer = load_gazetteer()
    projection = np.random.default_rng(7).standard_normal((300, args.bits)).astype(np.float16) if args.bits else None
    centroids = type_centroids(train) if args.bits and args.centroids else None
    occupations = load_occupations() if args.occupations else frozenset()
    model = RelationModel({}, {}, {}, {}, gazetteer, projection, centroids, occupations=occupations)
    if args.taggers:
        old = RelationModel.load(args.taggers)
        model.projection, model.centroids, model.occupations = old.projection, old.centroids, old.occupations
        for layer in LAYERS:
            model.weights[layer], model.scales[layer], model.biases[layer] = old.weights[layer], old.scales[layer], old.biases[layer]
    else:
        for layer, (rows, labels) in tagger_data(model, train).items():
            model.weights[layer], model.scales[layer], model.biases[layer] = fit_linear(rows, labels, args.c_tagger, layer,
                                                                                      args.tagger_iter)
    model.bigrams = label_bigrams(train)
    for relation, (rows, labels) in relation_data(train).items():
        model.weights[relation], model.scales[relation], model.biases[relation] = fit_linear(rows, labels, args.c_relation, relation)
        model.thresholds[relation] = 0.5
    rows, labels = cross_data(train)
    model.weights["WORKS_AS:cross"], model.scales["WORKS_AS:cross"], model.biases["WORKS_AS:cross"] = fit_linear(
        rows, labels, args.c_relation, "WORKS_AS:cross")
    if args.tune:
        tune_layers(model, dev)
        tune_relations(model, dev)
    print("dev (end to end):\n" + format_table(evaluate(model, dev)), file=sys.stderr)
    save(model, args.out or MODEL)
    return 0
