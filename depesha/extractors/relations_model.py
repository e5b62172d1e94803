"""A small trained model on top of the Doc: NEREL-style spans (PROFESSION, ORG...) and WORKS_AS / WORKPLACE links.

Inference needs numpy only. Features are strings hashed into a fixed number of buckets (crc32), weights are
int8 with one scale per class; `scripts/train_relations.py` fits them on NEREL train.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..doc import Doc, Sent, Token

MODEL = Path(__file__).parent.parent / "models" / "nerel_relations.npz"
BUCKETS = 2**17

# Span layers: types inside one layer do not nest, so each layer is one B/I/O tagging.
LAYERS = {
    "outer": ["PROFESSION", "EVENT", "DATE"],
    "names": ["PERSON", "ORGANIZATION"],
    "places": ["COUNTRY", "CITY", "STATE_OR_PROVINCE"],   # regions: workplaces of governors, ministers
}
AGENTS = ("PERSON", "PROFESSION", "ORGANIZATION", "COUNTRY", "CITY")
RELATIONS = {  # relation -> (arg1 types, arg2 types)
    "WORKS_AS": (("PERSON",), ("PROFESSION",)),
    "WORKPLACE": (("PERSON", "PROFESSION"), ("ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE")),
    "PARTICIPANT_IN": (AGENTS, ("EVENT",)),
    "AGENT": (AGENTS, ("EVENT",)),
    "POINT_IN_TIME": (("EVENT",), ("DATE",)),
    "TAKES_PLACE_IN": (("EVENT",), ("CITY", "COUNTRY", "STATE_OR_PROVINCE", "ORGANIZATION")),
}

Span = tuple[int, int]


@dataclass(frozen=True)
class Mention:
    """A typed span over tokens `first..last` (inclusive) of one sentence, with character offsets."""

    type: str
    sent: int
    first: int
    last: int
    start: int
    stop: int


Link = tuple[str, Mention, Mention, float]   # (relation, arg1, arg2, probability)


# HASH


def hash_names(names: list[str]) -> np.ndarray:
    return np.fromiter((zlib.crc32(name.encode()) % BUCKETS for name in names), dtype=np.int64, count=len(names))


def layer_labels(layer: str) -> list[str]:
    return ["O"] + [f"{bio}-{type}" for type in LAYERS[layer] for bio in "BI"]


# LINES


def split_lines(doc: Doc) -> Doc:
    """The Doc with its sentences also cut at line breaks (the model sees these sentences, not the core's): a title
    or caption without a final stop ("…родился сын\nБорис Джонсон\nВ среду…") is not one sentence with the text."""
    sents = []
    for sent in doc.sents:
        parts: list[list[Token]] = [[]]
        for token in sent.tokens:
            if parts[-1] and "\n" in doc.text[parts[-1][-1].stop:token.start]:
                parts.append([])
            parts[-1].append(token)
        if len(parts) == 1:
            sents.append(sent)
            continue
        sents += [Sent(part[0].start, part[-1].stop, part) for part in parts]
    return replace(doc, sents=sents)


# TOKEN FEATURES


def shape(text: str) -> str:
    if text.isdigit():
        return "d"
    if not any(char.isalpha() for char in text):
        return "p"
    if text.isupper():
        return "X"
    return "Xx" if text[0].isupper() else "x"


def ner_tags(tokens: list[Token], doc: Doc) -> list[str]:
    """natasha's NER as a B-/I- tag per token of one sentence."""
    tags = ["O"] * len(tokens)
    for span in doc.ner:
        inside = [i for i, t in enumerate(tokens) if span.start <= t.start and t.stop <= span.stop]
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + span.type
    return tags


def occupation(lemma: str, text: str, occupations: frozenset[str]) -> str:
    """How a word is an occupation noun of the lexicon: `w` itself, `part` after a hyphen ("врач-реаниматолог"),
    `sfx` by its ending ("фотоблогер": a lower-case word ending in a listed one of 6+ letters), or ""."""
    lemma = lemma.replace("ё", "е")
    if lemma in occupations:
        return "w"
    if not text[:1].islower():
        return ""
    if "-" in lemma and lemma.rsplit("-", 1)[1] in occupations:
        return "part"
    return "sfx" if any(lemma[-k:] in occupations for k in range(6, len(lemma) - 2)) else ""


def occupation_names(tokens: list[Token], occupations: frozenset[str]) -> list[list[str]]:
    """Whether each token and its neighbours are occupation nouns (`0occ=w`, `-1occ=sfx`...): features of the
    PROFESSION layer only (in the name and place layers they cost WORKPLACE links on NEREL dev)."""
    kinds = [occupation(t.lemma or t.text.lower(), t.text, occupations) for t in tokens]
    return [[f"{d}occ={kinds[j]}" for d, j in ((0, i), (-1, i - 1), (1, i + 1)) if 0 <= j < len(tokens) and kinds[j]]
            for i in range(len(tokens))]


def token_names(tokens: list[Token], tags: list[str], gazetteer: frozenset[str]) -> list[list[str]]:
    """Feature names of every token of one sentence: itself, its neighbours, its head."""
    index = {t.id: i for i, t in enumerate(tokens)}
    lemmas = [t.lemma or t.text.lower() for t in tokens]
    out = []
    for i, t in enumerate(tokens):
        lemma = lemmas[i]
        head = index.get(t.head_id)
        names = ["bias", f"l={lemma}", f"s3={lemma[-3:]}", f"p3={lemma[:4]}", f"pos={t.pos}", f"sh={shape(t.text)}",
                 f"case={t.feats.get('Case', '')}", f"ner={tags[i]}", f"rel={t.rel}", f"gz={lemma in gazetteer}",
                 f"first={i == 0}", f"pos+case={t.pos}{t.feats.get('Case', '')}"]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(tokens):
                names += [f"{d}l={lemmas[j]}", f"{d}pos={tokens[j].pos}", f"{d}ner={tags[j]}", f"{d}sh={shape(tokens[j].text)}"]
            else:
                names.append(f"{d}edge")
        names += [f"{-1}l+l={lemmas[i - 1] if i else '^'}|{lemma}"]
        if head is not None:
            names += [f"hl={lemmas[head]}", f"hrel={t.rel}|{tokens[head].pos}", f"hdir={head > i}"]
        out.append(names)
    return out


# EMBEDDING


@lru_cache(maxsize=1)
def news_embedding():  # type: ignore[no-untyped-def]
    """natasha's navec news embedding (shipped with natasha), loaded once."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


def embedding_names(tokens: list[Token], projection: np.ndarray, centroids: np.ndarray | None = None) -> list[list[str]]:
    """Signs of random projections of each token's navec vector: a coarse word class that generalises to unseen words.

    With `centroids` ([300, k] unit columns: the mean vector of each entity type's words in train), also the
    cosine to each centroid in tenths, e.g. `c0=4`: how much an unseen word looks like a profession word.
    """
    embedding = news_embedding()
    out = []
    for t in tokens:
        vector = embedding.get(t.text.lower())
        if vector is None:
            out.append(["e=unk"])
            continue
        bits = vector @ projection > 0
        names = [f"e{k}" for k in np.flatnonzero(bits)] + ["eb=" + "".join("1" if b else "0" for b in bits[:12])]
        if centroids is not None:
            cosines = vector @ centroids / max(float(np.linalg.norm(vector)), 1e-6)
            names += [f"c{k}={int(np.floor(c * 10))}" for k, c in enumerate(cosines)]
            names.append(f"cmax={int(cosines.argmax())}")
        out.append(names)
    return out


def sentence_rows(tokens: list[Token], doc: Doc, gazetteer: frozenset[str], projection: np.ndarray | None,
                  centroids: np.ndarray | None = None) -> list[list[str]]:
    """Token feature rows of one sentence, with embedding classes when the model has a projection."""
    rows = token_names(tokens, ner_tags(tokens, doc), gazetteer)
    if projection is None:
        return rows
    extras = embedding_names(tokens, projection, centroids)
    return [row + extra for row, extra in zip(rows, extras, strict=True)]


# DECODE


def viterbi(scores: np.ndarray, labels: list[str], transitions: np.ndarray | None = None) -> list[str]:
    """Best label path where `I-X` only follows `B-X` or `I-X` (scores are log-probabilities), plus the score
    `transitions[a, b]` of label b after label a when given (see `label_transitions`)."""
    n, k = scores.shape
    allowed = np.array([[not (b.startswith("I-") and a[2:] != b[2:]) for b in labels] for a in labels])
    step = np.where(allowed, 0.0 if transitions is None else transitions, -np.inf)
    start = np.array([not label.startswith("I-") for label in labels])
    best = np.where(start, scores[0], -np.inf)
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        total = best[:, None] + step
        back[i] = total.argmax(axis=0)
        best = total.max(axis=0) + scores[i]
    path = [int(best.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return [labels[j] for j in reversed(path)]


def label_transitions(counts: np.ndarray) -> np.ndarray:
    """[k, k] penalties min(0, log P(b | a) - log P(b)) from label bigram counts (add-one): how much less likely
    label b is right after a than anywhere; e.g. `B-DATE` after `B-DATE` is rare, so a date is not cut in two
    ("вчера, | 9 мая"). Likely transitions get no bonus (that lengthened spans and cost strict F1)."""
    counts = counts + 1.0
    after = np.log(counts / counts.sum(axis=1, keepdims=True))
    prior = np.log(counts.sum(axis=0) / counts.sum())
    return np.minimum(after - prior, 0.0).astype(np.float32)


def tag_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(type, first, last) token spans from B-/I- tags."""
    spans: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            spans.append((tag[2:], i, i))
        elif tag.startswith("I-") and spans and spans[-1][2] == i - 1:
            spans[-1] = (spans[-1][0], spans[-1][1], i)
    return spans


# PAIR FEATURES


def head_of(tokens: list[Token], m: Mention) -> int:
    """The first token of the mention whose syntactic head lies outside it."""
    index = {t.id: i for i, t in enumerate(tokens)}
    for i in range(m.first, m.last + 1):
        head = index.get(tokens[i].head_id)
        if head is None or not m.first <= head <= m.last:
            return i
    return m.first


def path_up(tokens: list[Token], i: int) -> list[int]:
    index = {t.id: n for n, t in enumerate(tokens)}
    path = [i]
    while len(path) < 30:
        head = index.get(tokens[path[-1]].head_id)
        if head is None or head in path:
            break
        path.append(head)
    return path


def syntax_path(tokens: list[Token], a: int, b: int) -> str:
    """Relations from token a up to the common ancestor and down to b, e.g. `appos^|`."""
    up_a, up_b = path_up(tokens, a), path_up(tokens, b)
    common = next((n for n in up_a if n in up_b), None)
    if common is None:
        return "none"
    left = [tokens[n].rel for n in up_a[: up_a.index(common)]]
    right = [tokens[n].rel for n in up_b[: up_b.index(common)]]
    if len(left) + len(right) > 4:
        return f"long{len(left)}+{len(right)}"
    return "^".join(left) + "|" + "v".join(reversed(right))


def pair_names(tokens: list[Token], lemmas: list[str], a: Mention, b: Mention, mentions: list[Mention]) -> list[str]:
    """Feature names of a candidate (arg1 a, arg2 b) in one sentence."""
    if a.first <= b.first <= a.last + (a.type == "PROFESSION"):
        # nested; or, for a profession, starting inside or right after it, as when the tagger cut the title short
        # ("Судья Европейского суда" | "Европейского суда по правам человека", "Премьер-министр земли" | "Гессен")
        order = "b_in_a"
    elif b.first <= a.first and a.last <= b.last:
        order = "a_in_b"
    else:
        order = "ab" if a.last < b.first else "ba"
    lo, hi = (a.last + 1, b.first) if a.last < b.first else (b.last + 1, a.first)
    between = range(lo, hi) if order in ("ab", "ba") else range(0)
    distance = len(between)
    bucket = str(distance) if distance < 5 else "5-9" if distance < 10 else "10+"
    ha, hb = head_of(tokens, a), head_of(tokens, b)
    path = syntax_path(tokens, ha, hb)
    types = f"{a.type}>{b.type}"
    others = [m for m in mentions if m not in (a, b) and lo <= m.first and m.last < hi]
    names = ["bias", f"t={types}", f"o={order}", f"t+o={types}|{order}", f"d={bucket}", f"o+d={order}|{bucket}",
             f"path={path}", f"t+path={types}|{path}", f"o+path={order}|{path}",
             f"la={lemmas[ha]}", f"lb={lemmas[hb]}", f"t+lb={types}|{lemmas[hb]}", f"t+la={types}|{lemmas[ha]}",
             f"casea={tokens[ha].feats.get('Case', '')}", f"caseb={tokens[hb].feats.get('Case', '')}",
             f"relb={tokens[hb].rel}", f"rela={tokens[ha].rel}"]
    names += [f"between={m.type}" for m in others] + [f"nbetween={min(len(others), 3)}"]
    if distance <= 6:
        names += [f"w={lemmas[i]}" for i in between] + [f"o+w={order}|{lemmas[i]}" for i in between]
    else:
        names += [f"wp={lemmas[i]}" for i in between if shape(tokens[i].text) == "p"]
    if order == "b_in_a":
        names += [f"nested_before={lemmas[b.first - 1] if b.first > a.first else '^'}"]
    return names + context_names(tokens, lemmas, a, b, mentions, order, (lo, hi))


PUNCT = {",": "comma", "—": "dash", "–": "dash", "-": "hyph", "(": "lpar", ")": "rpar", ":": "colon",
         "«": "q", "»": "q", '"': "q"}


def distance(m: Mention, target: Mention) -> int:
    """Tokens between two mentions of a sentence (0 when they touch or nest)."""
    return max(target.first - m.last, m.first - target.last, 0)


def context_names(tokens: list[Token], lemmas: list[str], a: Mention, b: Mention, mentions: list[Mention],
                  order: str, gap: tuple[int, int]) -> list[str]:
    """Whether a and b are each other's nearest candidates, the punctuation and verbs between, the heads' heads."""
    ra = min(sum(1 for m in mentions if m.type == a.type and m != a and distance(m, b) < distance(a, b)), 3)
    rb = min(sum(1 for m in mentions if m.type == b.type and m != b and distance(m, a) < distance(b, a)), 3)
    side = order if order in ("ab", "ba") else "nest"
    names = [f"ra={ra}", f"rb={rb}", f"ra+rb={ra}|{rb}", f"t+ra+rb={a.type}>{b.type}|{ra}|{rb}|{side}"]
    if side != "nest":
        between = range(*gap)
        punct = "+".join(sorted({PUNCT[tokens[i].text] for i in between if tokens[i].text in PUNCT}))
        verbs = min(sum(1 for i in between if tokens[i].pos == "VERB"), 2)
        names += [f"punct={punct}", f"o+punct={side}|{punct}", f"verbs={verbs}"]
        names += [f"p={p}" for p in punct.split("+") if p]
        if len(between) <= 3:
            names.append(f"seq={side}|" + "_".join(lemmas[i] for i in between))
    index = {t.id: i for i, t in enumerate(tokens)}
    ha, hb = head_of(tokens, a), head_of(tokens, b)
    pa, pb = index.get(tokens[ha].head_id), index.get(tokens[hb].head_id)
    names += [f"hla={lemmas[pa] if pa is not None else '^'}", f"hlb={lemmas[pb] if pb is not None else '^'}",
              f"lb+o={lemmas[hb]}|{side}", f"la+o={lemmas[ha]}|{side}"]
    return names


def surname(doc: Doc, m: Mention) -> str:
    words = doc.text[m.start:m.stop].split()
    return words[-1][:5].lower() if words else ""


def cross_names(doc: Doc, a: Mention, b: Mention, mentions: list[Mention]) -> list[str]:
    """Feature names of a WORKS_AS candidate whose person `a` is in another sentence than profession `b`."""
    ta, tb = doc.sents[a.sent].tokens, doc.sents[b.sent].tokens
    ha, hb = ta[head_of(ta, a)], tb[head_of(tb, b)]
    lb = hb.lemma or hb.text.lower()
    first, last = (a, b) if a.sent < b.sent else (b, a)
    persons = [m for m in mentions if m.type == "PERSON" and first.stop <= m.start and m.stop <= last.start]
    here = [m for m in mentions if m.type == "PERSON" and m.sent == b.sent]
    key = surname(doc, a)
    same = [m for m in mentions if m.type == "PERSON" and surname(doc, m) == key]
    again = any(m in persons for m in same)       # the same person is named again between a and b
    professions = min(sum(1 for m in mentions if m.type == "PROFESSION" and m.sent == a.sent), 2)
    gender = "agree" if ha.feats.get("Gender") == hb.feats.get("Gender") else "differ"
    number = hb.feats.get("Number", "")
    rank, near = min(len(persons), 3), min(len(here), 2)
    sd = b.sent - a.sent
    sd_bucket = str(sd) if sd <= 3 else "4+"
    return ["bias", "cross", f"sd={sd_bucket}", f"lb={lb}", f"caseb={hb.feats.get('Case', '')}",
            f"relb={hb.rel}", f"rela={ha.rel}", f"rank={rank}", f"here={near}", f"g={gender}",
            f"bfirst={b.first == 0}", f"rank+here={rank}|{near}", f"sd+rank={sd_bucket}|{rank}",
            f"relb+rank={hb.rel}|{rank}", f"again={again}", f"nsame={min(len(same), 4)}",
            f"profs_a={professions}", f"num={number}", f"num+rank={number}|{rank}", f"g+lb={gender}|{lb}",
            f"asent0={a.sent == 0}", f"again+rank={again}|{rank}", f"lb+rank={lb}|{rank}",
            f"here+relb={near}|{hb.rel}", f"alen={min(a.last - a.first + 1, 3)}"]


def cross_pairs(mentions: list[Mention], back: int = 5, ahead: int = 2) -> list[tuple[Mention, Mention]]:
    """(person, profession) pairs with the person 1..back sentences before the profession or 1..ahead after it."""
    persons = [m for m in mentions if m.type == "PERSON"]
    return [(a, b) for b in mentions if b.type == "PROFESSION" for a in persons
            if 0 < b.sent - a.sent <= back or 0 < a.sent - b.sent <= ahead]


# MODEL


@dataclass
class RelationModel:
    """Span taggers (one per layer) and pair classifiers (one per relation), as hashed linear models."""

    weights: dict[str, np.ndarray]     # name -> int8 [classes, BUCKETS]; one row (the logit) for a relation
    scales: dict[str, np.ndarray]      # name -> float32 [classes]
    biases: dict[str, np.ndarray]      # name -> float32 [classes]
    thresholds: dict[str, float]       # relation -> probability cut-off
    gazetteer: frozenset[str]
    projection: np.ndarray | None = None   # [300, bits] random projection of navec vectors
    centroids: np.ndarray | None = None    # [300, types] unit mean navec vector of each entity type's words
    bigrams: dict[str, np.ndarray] = field(default_factory=dict)   # layer -> [labels, labels] `label_transitions`
    occupations: frozenset[str] = frozenset()   # occupation lemmas (`depesha/data/occupations.txt` when trained)

    @classmethod
    def load(cls, path: Path = MODEL) -> RelationModel:
        data = np.load(path, allow_pickle=False)
        names = [key[2:] for key in data.files if key.startswith("w:")]
        return cls(
            weights={n: data[f"w:{n}"] for n in names},
            scales={n: data[f"s:{n}"] for n in names},
            biases={n: data[f"b:{n}"] for n in names},
            thresholds={str(k): float(v) for k, v in zip(data["threshold_names"], data["threshold_values"], strict=True)},
            gazetteer=frozenset(str(word) for word in data["gazetteer"]),
            projection=data["projection"].astype(np.float32) if "projection" in data.files else None,
            centroids=data["centroids"].astype(np.float32) if "centroids" in data.files else None,
            bigrams={key[2:]: data[key] for key in data.files if key.startswith("t:")},
            occupations=frozenset(str(word) for word in data["occupations"]) if "occupations" in data.files else frozenset(),
        )

    def transitions(self, layer: str) -> np.ndarray | None:
        """The label transition scores of a layer's Viterbi, times their tuned weight `T:layer` (None: off)."""
        weight = self.thresholds.get(f"T:{layer}", 0.0)
        return self.bigrams[layer] * weight if weight and layer in self.bigrams else None

    def layer_rows(self, layer: str, rows: list[list[str]], tokens: list[Token]) -> list[list[str]]:
        """A sentence's token rows for one tagger layer: the PROFESSION layer adds the occupation-lexicon features."""
        if layer != "outer" or not self.occupations:
            return rows
        return [row + extra for row, extra in zip(rows, occupation_names(tokens, self.occupations), strict=True)]

    def scores(self, name: str, rows: list[list[str]]) -> np.ndarray:
        """Raw linear scores [rows, classes] of hashed feature rows."""
        weights = self.weights[name]
        out = np.empty((len(rows), weights.shape[0]), dtype=np.float32)
        for n, names in enumerate(rows):
            out[n] = weights[:, hash_names(names)].sum(axis=1, dtype=np.float32)
        return out * self.scales[name] + self.biases[name]

    def mentions(self, doc: Doc) -> list[Mention]:
        """Typed spans of every sentence from the three layer taggers."""
        found = []
        for s, sent in enumerate(doc.sents):
            tokens = sent.tokens
            if not tokens:
                continue
            rows = sentence_rows(tokens, doc, self.gazetteer, self.projection, self.centroids)
            for layer in LAYERS:
                scores = self.scores(layer, self.layer_rows(layer, rows, tokens))
                logp = scores - np.logaddexp.reduce(scores, axis=1, keepdims=True)
                logp[:, 0] -= self.thresholds.get(f"O:{layer}", 0.0)
                for type, first, last in tag_spans(viterbi(logp, layer_labels(layer), self.transitions(layer))):
                    found.append(Mention(type, s, first, last, tokens[first].start, tokens[last].stop))
        found = split_listed_titles(trim_ends(found, doc), doc, self.gazetteer | self.occupations)
        return separate_persons(extend_titles(found, doc), doc)

    def relations(self, doc: Doc, mentions: list[Mention],
                  adjust: Callable[[list[Link]], list[Link]] | None = None) -> list[Link]:
        """(relation, arg1, arg2, probability) kept by `decode` under the model's cut-offs, with the doc's
        coordination groups and plural professions; `adjust` may rescore the same-sentence candidates first."""
        same, cross = self.candidates(doc, mentions)
        return decode(adjust(same) if adjust else same, cross, self.thresholds, coordinated(doc, mentions),
                      plural_professions(doc, mentions))

    def candidates(self, doc: Doc, mentions: list[Mention]) -> tuple[list[Link], list[Link]]:
        """Every scored candidate, no cut-off: same-sentence pairs, and cross-sentence WORKS_AS pairs."""
        same = []
        for s, sent in enumerate(doc.sents):
            inside = [m for m in mentions if m.sent == s]
            lemmas = [t.lemma or t.text.lower() for t in sent.tokens]
            for relation, (left, right) in RELATIONS.items():
                if relation not in self.weights:
                    continue
                pairs = [(a, b) for a in inside if a.type in left for b in inside if b.type in right and a != b]
                if not pairs:
                    continue
                rows = [pair_names(sent.tokens, lemmas, a, b, inside) for a, b in pairs]
                probs = 1 / (1 + np.exp(-self.scores(relation, rows)[:, 0]))
                same += [(relation, a, b, float(p)) for (a, b), p in zip(pairs, probs, strict=True)]
        pairs = cross_pairs(mentions) if "WORKS_AS:cross" in self.weights else []
        if not pairs:
            return same, []
        logits = self.scores("WORKS_AS:cross", [cross_names(doc, a, b, mentions) for a, b in pairs])[:, 0]
        return same, [("WORKS_AS", a, b, float(1 / (1 + np.exp(-x)))) for (a, b), x in zip(pairs, logits, strict=True)]


WORKPLACE_TYPES = ("ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE")


def extend_titles(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """A profession runs to the end of the workplace that starts inside it or right after it in the genitive, as
    NEREL nests them ("Судья Европейского суда" + "Европейского суда по правам человека", "Премьер-министр земли"
    + "Гессен"): the tagger often cuts long titles short."""
    out = []
    for m in mentions:
        if m.type == "PROFESSION":
            tokens = doc.sents[m.sent].tokens
            for p in mentions:
                if p.sent == m.sent and p.type in WORKPLACE_TYPES and p.last > m.last and (
                        m.first < p.first <= m.last
                        or p.first == m.last + 1 and tokens[head_of(tokens, p)].feats.get("Case") == "Gen"):
                    m = Mention(m.type, m.sent, m.first, p.last, m.start, p.stop)
        out.append(m)
    return out


DANGLING = {"«", "„", "(", ","}


def trim_ends(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """A span never ends in a preposition, a conjunction or an opening quote (a straight one with no other before it):
    the tagger's "президент Египта и", "вице-президента по", "ООО УК «" lose their last token."""
    out = []
    for m in mentions:
        tokens, last = doc.sents[m.sent].tokens, m.last
        while last > m.first and (tokens[last].pos in ("ADP", "CCONJ") or tokens[last].text in DANGLING
                                  or tokens[last].text == '"' and all(t.text != '"' for t in tokens[m.first:last])):
            last -= 1
        out.append(m if last == m.last else Mention(m.type, m.sent, m.first, last, m.start, tokens[last].stop))
    return out


def split_listed_titles(mentions: list[Mention], doc: Doc, titles: frozenset[str]) -> list[Mention]:
    """A profession that runs over a comma into the next title of a list is two ("министром, | зампредседателя
    Госсовета"; `titles`: lemmas of title and occupation nouns); a comma inside one title stays ("по надзору в сфере
    связи, информационных технологий")."""
    out = []
    for m in mentions:
        tokens = doc.sents[m.sent].tokens
        cuts = [k for k in range(m.first + 1, m.last) if tokens[k].text == "," and tokens[k + 1].pos == "NOUN"
                and occupation(tokens[k + 1].lemma or tokens[k + 1].text.lower(), tokens[k + 1].text, titles)]
        if m.type != "PROFESSION" or not cuts:
            out.append(m)
            continue
        first = m.first
        for k in [*cuts, m.last + 1]:
            out.append(Mention(m.type, m.sent, first, k - 1, tokens[first].start, tokens[k - 1].stop))
            first = k + 1
    return out


def separate_persons(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """A person and a profession of two layers never overlap in NEREL: a profession that runs into a person stops
    before it ("капитана | Мура", "вице-президента | Джо Байдена"); a person that starts with the profession starts
    after it ("Император | Акихито"); a person no longer than the profession at its start is dropped ("Принц")."""
    persons = [m for m in mentions if m.type == "PERSON"]
    out = []
    for m in mentions:
        tokens = doc.sents[m.sent].tokens
        for p in persons:
            if m.type != "PROFESSION" or p.sent != m.sent or p.first > m.last or m.first > p.last:
                continue
            if m.first < p.first:
                m = Mention(m.type, m.sent, m.first, p.first - 1, m.start, tokens[p.first - 1].stop)
        if m.type == "PERSON":
            starts = [q.last for q in mentions if q.type == "PROFESSION" and q.sent == m.sent and q.first == m.first]
            if starts and max(starts) >= m.last:
                continue
            if starts:
                m = Mention(m.type, m.sent, max(starts) + 1, m.last, tokens[max(starts) + 1].start, m.stop)
        out.append(m)
    return out


# DECODE LINKS


def best_by(links: list[Link], side: int) -> dict[Mention, Link]:
    """The most probable link of each arg1 (side 1) or arg2 (side 2)."""
    best: dict[Mention, Link] = {}
    for link in links:
        key = link[side]
        if key not in best or link[3] > best[key][3]:
            best[key] = link  # type: ignore[index]
    return best


def decode(same: list[Link], cross: list[Link], cuts: dict[str, float],
           groups: dict[Mention, Mention] | None = None, plural: frozenset[Mention] = frozenset()) -> list[Link]:
    """The links kept from scored candidates.

    A link needs its relation's cut-off. A profession keeps its most probable person; other persons need
    `WORKS_AS:second`, or only `WORKS_AS:plural` for a profession in `plural` ("музыканты A, B и C"). A profession
    without a same-sentence person takes its best person from another sentence (`WORKS_AS:cross`). A person or profession keeps its most probable workplace, others need `WORKPLACE:second`;
    and a person inherits the workplace of its profession when the product of both probabilities reaches
    `WORKPLACE:via`. With coordination `groups` (see `coordinated`), a candidate whose arg1 (arg2) is coordinated
    with that of a kept link, the other argument being the same, needs only `REL:conj1` (`REL:conj2`): "писатели
    … Павел Басинский и Михаил Павлов", "работала в Госдепартаменте и Министерстве здравоохранения". Missing keys
    keep the plain cut-off; missing `:conj` keys add nothing.
    """
    groups = groups or {}
    kept = [x for x in same if x[0] not in ("WORKS_AS", "WORKPLACE") and x[3] >= cuts.get(x[0], 0.5)]
    cut = cuts.get("WORKS_AS", 0.5)
    scored = [x for x in same if x[0] == "WORKS_AS"]
    best = best_by([x for x in scored if x[3] >= cut], 2)
    works = [x for x in scored if x[2] in best and (
        best[x[2]] is x or x[3] >= max(cut, cuts.get("WORKS_AS:second", 0.0))
        or x[2] in plural and x[3] >= cuts.get("WORKS_AS:plural", 1.1))]
    works += coordinated_links(works, same, groups, cuts, "WORKS_AS")
    far = [x for x in best_by(cross, 2).values() if x[2] not in best and x[3] >= cuts.get("WORKS_AS:cross", 0.5)]
    places = [x for x in same if x[0] == "WORKPLACE" and x[3] >= cuts.get("WORKPLACE", 0.5)]
    best = best_by(places, 1)
    places = [x for x in places if best[x[1]] is x or x[3] >= cuts.get("WORKPLACE:second", 0.0)]
    places += coordinated_links(places, same, groups, cuts, "WORKPLACE")
    return kept + works + far + places + inherited(works + far, places, cuts.get("WORKPLACE:via", 1.1))


def coordinated_links(kept: list[Link], same: list[Link], groups: dict[Mention, Mention], cuts: dict[str, float],
                      relation: str) -> list[Link]:
    """Candidates not yet kept that share one argument with a kept link and whose other argument is coordinated
    with that link's: arg1 siblings need `relation:conj1`, arg2 siblings `relation:conj2`."""
    have = {(x[1], x[2]) for x in kept}
    out: list[Link] = []
    for side in (1, 2):
        cut = cuts.get(f"{relation}:conj{side}", 1.1)
        ends = {(fixed, groups[arg]) for _, a, b, _ in kept for arg, fixed in [(a, b) if side == 1 else (b, a)]
                if arg in groups}
        for x in same:
            arg, fixed = (x[1], x[2]) if side == 1 else (x[2], x[1])
            if x[0] == relation and x[3] >= cut and (x[1], x[2]) not in have and arg in groups \
                    and (fixed, groups[arg]) in ends:
                have.add((x[1], x[2]))
                out.append(x)
    return out


def coordinated(doc: Doc, mentions: list[Mention]) -> dict[Mention, Mention]:
    """Coordination groups: each mention whose head is joined by `conj` to the head of a same-type mention of its
    sentence ("Басинский и Павлов", "писателя, актера и режиссера") maps to one member of its group."""
    parent: dict[Mention, Mention] = {}

    def find(m: Mention) -> Mention:
        while parent.get(m, m) != m:
            m = parent[m]
        return m

    for s, sent in enumerate(doc.sents):
        inside = [m for m in mentions if m.sent == s]
        heads = {head_of(sent.tokens, m): m for m in inside}
        index = {t.id: i for i, t in enumerate(sent.tokens)}
        for i, m in heads.items():
            token = sent.tokens[i]
            target = heads.get(index.get(token.head_id, -1))
            if token.rel == "conj" and target is not None and target.type == m.type:
                parent[find(m)] = find(target)
    roots = {find(m) for m in parent}
    return {m: find(m) for m in mentions if m in parent or m in roots}


def plural_professions(doc: Doc, mentions: list[Mention]) -> frozenset[Mention]:
    """The professions whose syntactic head is a plural noun ("писатели", "музыкантами")."""
    return frozenset(m for m in mentions if m.type == "PROFESSION"
                     and doc.sents[m.sent].tokens[head_of(doc.sents[m.sent].tokens, m)].feats.get("Number") == "Plur")


def inherited(works: list[Link], places: list[Link], cut: float) -> list[Link]:
    """WORKPLACE(person, place) from WORKS_AS(person, profession) and WORKPLACE(profession, place)."""
    have = {(x[1], x[2]) for x in places}
    out = []
    for _, person, profession, p in works:
        for _, arg1, place, q in places:
            if arg1 == profession and (person, place) not in have and p * q >= cut:
                have.add((person, place))
                out.append(("WORKPLACE", person, place, p * q))
    return out


@lru_cache(maxsize=1)
def load() -> RelationModel:
    """The shipped model, loaded once per process."""
    return RelationModel.load()


def predict_works(doc: Doc) -> list[tuple[Span, Span, Span | None]]:
    """(person span, profession span, organisation-or-country span | None) character spans of a Doc.

    The workplace is the one linked to the profession, else to the person, when the model finds one.
    """
    model = load()
    doc = split_lines(doc)
    mentions = model.mentions(doc)
    links = model.relations(doc, mentions)
    places: dict[Mention, tuple[float, Mention]] = {}
    for relation, a, b, p in links:
        if relation == "WORKPLACE" and p > places.get(a, (0.0, b))[0]:
            places[a] = (p, b)
    out = []
    for relation, person, profession, _ in links:
        if relation == "WORKS_AS":
            place = places.get(profession, places.get(person, (0.0, None)))[1]
            out.append(((person.start, person.stop), (profession.start, profession.stop),
                        (place.start, place.stop) if place else None))
    return out
