"""Fitting half of scripts/train_relations.py: gold -> tagged tokens and labelled pairs -> hashed logistic regressions."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from depesha.doc import Doc
from depesha.eval.nerel_gold import BratDoc
from depesha.eval.nerel_predict import predict
from depesha.eval.nerel_score import format_table, overlaps, score_docs
from depesha.extractors.relations_model import (
    BUCKETS, LAYERS, MODEL, RELATIONS, Mention, RelationModel, hash_names, layer_labels, ner_tags, pair_names,
    token_names,
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


# MATRICES


def matrix(rows: list[list[str]]) -> sparse.csr_matrix:
    indices = [hash_names(names) for names in rows]
    indptr = np.cumsum([0] + [len(i) for i in indices])
    data = np.ones(indptr[-1], dtype=np.float32)
    out = sparse.csr_matrix((data, np.concatenate(indices), indptr), shape=(len(rows), BUCKETS))
    out.sum_duplicates()
    return out


def tagger_data(pairs, gazetteer) -> dict[str, tuple[list[list[str]], list[int]]]:
    data: dict[str, tuple[list, list]] = {layer: ([], []) for layer in LAYERS}
    for gold, doc in pairs:
        mentions = gold_mentions(gold, doc)
        for s, sent in enumerate(doc.sents):
            if not sent.tokens:
                continue
            rows = token_names(sent.tokens, ner_tags(sent.tokens, doc), gazetteer)
            for layer in LAYERS:
                labels = layer_labels(layer)
                data[layer][0].extend(rows)
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


# FIT


def quantize(coef: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.maximum(np.abs(coef).max(axis=1), 1e-8) / 127
    return np.round(coef / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def fit_linear(rows, labels, c: float, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    started = time.time()
    model = LogisticRegression(C=c, max_iter=300)
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


def tune(model: RelationModel, dev) -> None:
    """Per relation, the probability cut-off that maximises relaxed dev F1."""
    for relation in RELATIONS:
        best = (-1.0, 0.5)
        for cut in (0.2, 0.3, 0.4, 0.5, 0.6):
            model.thresholds[relation] = cut
            score = next(s for s in evaluate(model, dev) if (s.type, s.mode) == (relation, "relaxed"))
            best = max(best, (score.f1, cut))
        model.thresholds[relation] = best[1]
        print(f"  {relation}: cut {best[1]} -> relaxed F1 {best[0]:.3f}", file=sys.stderr)


def save(model: RelationModel, path: Path) -> None:
    arrays = {}
    for name in model.weights:
        arrays[f"w:{name}"], arrays[f"s:{name}"], arrays[f"b:{name}"] = model.weights[name], model.scales[name], model.biases[name]
    arrays["threshold_names"] = np.array(list(model.thresholds))
    arrays["threshold_values"] = np.array(list(model.thresholds.values()), dtype=np.float32)
    arrays["gazetteer"] = np.array(sorted(model.gazetteer))
    np.savez_compressed(path, **arrays)
    print(f"saved {path} ({path.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


def fit(train, dev, args) -> int:
    gazetteer = load_gazetteer()
    model = RelationModel({}, {}, {}, {}, gazetteer)
    for layer, (rows, labels) in tagger_data(train, gazetteer).items():
        model.weights[layer], model.scales[layer], model.biases[layer] = fit_linear(rows, labels, args.c_tagger, layer)
    for relation, (rows, labels) in relation_data(train).items():
        model.weights[relation], model.scales[relation], model.biases[relation] = fit_linear(rows, labels, args.c_relation, relation)
        model.thresholds[relation] = 0.5
    if args.tune:
        tune(model, dev)
    print("dev (end to end):\n" + format_table(evaluate(model, dev)), file=sys.stderr)
    save(model, args.out or MODEL)
    return 0
