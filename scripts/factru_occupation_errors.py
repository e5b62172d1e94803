"""Occupation errors on a factRuEval folder: every gold fact with its best response cluster, every unmatched
response fact, and a count of causes.

    python scripts/factru_occupation_errors.py GOLD_DIR RESPONSE_DIR [--hard] [--only fn|fp|partial] [--docs N ...]

Reads the `.task3` files written by `depesha eval factru` (and the gold in place); prints the sentence of the
gold position span so that a cause can be read off.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from depesha.eval.factru.assign import TIE
from depesha.eval.factru.eval import jobs_path
from depesha.eval.factru.facts import Fact, gold_facts, parse_task3
from depesha.eval.factru.gold import GoldDoc, list_docs, load_doc, load_jobs, read_lines
from depesha.eval.factru.score_t3 import TypeMatcher, arg_matches, cluster_quality, surrogate

SENTENCE_END = re.compile(r"[.!?\n]")


def best_assignment(matcher: TypeMatcher) -> dict[int, int]:
    assignment = matcher.solve(TIE)
    metric = matcher.metric(assignment)
    for _ in range(20):
        trial = matcher.solve(max(surrogate(metric), TIE))
        candidate = matcher.metric(trial)
        if surrogate(candidate) <= surrogate(metric) + 1e-12:
            break
        assignment, metric = trial, candidate
    return assignment


def gold_display(doc: GoldDoc, fact_id: str) -> dict[str, str]:
    fact = next(f for f in doc.facts if f.id == fact_id)
    return {arg.name.lower(): " | ".join(" ".join(v.texts) or (v.ref or "") for v in arg.values) for arg in fact.args}


def gold_context(doc: GoldDoc, fact_id: str) -> str:
    """The sentence around the first span the fact references (position, else who)."""
    fact = next(f for f in doc.facts if f.id == fact_id)
    starts = []
    for arg in fact.args:
        for value in arg.values:
            if value.ref and value.ref.startswith("span"):
                starts += [span.start for span in doc.spans.get(int(value.ref[4:]), [])]
    if not starts:
        return ""
    at = min(starts)
    left = max((m.end() for m in SENTENCE_END.finditer(doc.text, max(0, at - 400), at)), default=max(0, at - 200))
    right = SENTENCE_END.search(doc.text, at)
    return doc.text[left:right.end() if right else at + 200].strip().replace("\n", " ")


def response_display(fact: Fact) -> str:
    return "; ".join(f"{arg.name}={next(iter(arg.values))}" for arg in fact.args)


def cause(gold: Fact, members: list[Fact]) -> str:
    if not members:
        return "missing fact"
    wrong = []
    for arg in gold.args:
        if not any(arg_matches(arg, r) for m in members for r in m.args):
            got = [r for m in members for r in m.args if r.name == arg.name and next(iter(r.values))]
            wrong.append(f"{'wrong' if got else 'no'} {arg.name}")
    return ", ".join(wrong) or ("several facts" if len(members) > 1 else "ok")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("gold")
    parser.add_argument("response")
    parser.add_argument("--hard", action="store_true")
    parser.add_argument("--only", choices=["fn", "fp", "partial"])
    parser.add_argument("--docs", nargs="*")
    args = parser.parse_args()
    jobs = load_jobs(jobs_path(args.gold))
    causes: Counter[str] = Counter()
    for name in args.docs or list_docs(args.gold):
        doc = load_doc(args.gold, name)
        golds = [f for f in gold_facts(doc, jobs, hard=args.hard) if f.type == "occupation"]
        guesses = [f for f in parse_task3(read_lines(Path(args.response) / f"{name}.task3"), name)
                   if f.type == "occupation"]
        matcher = TypeMatcher(golds, guesses)
        assignment = best_assignment(matcher)
        clusters: dict[int, list[int]] = {}
        for j, i in assignment.items():
            clusters.setdefault(i, []).append(j)
        lines = []
        for i, gold in enumerate(golds):
            if gold.ignored:
                continue
            members = [guesses[j] for j in clusters.get(i, [])]
            why = cause(gold, members)
            causes[why] += 1
            quality = cluster_quality(gold, members) if members else 0.0
            kind = "fn" if not members else "partial" if quality < 0.999 else "ok"
            if kind == "ok" or (args.only and args.only != kind):
                continue
            shown = gold_display(doc, gold.id)
            lines.append(f"  GOLD {gold.id} [{why}] q={quality:.2f} who={shown.get('who', '')!r} "
                         f"pos={shown.get('position', '')!r} where={shown.get('where', '')!r}")
            for member in members:
                lines.append(f"    got {response_display(member)}")
            lines.append(f"    ctx: {gold_context(doc, gold.id)[:300]}")
        for j, guess in enumerate(guesses):
            if j in assignment:
                continue
            causes["false positive"] += 1
            if args.only in (None, "fp"):
                lines.append(f"  FP  {response_display(guess)}")
        if lines:
            print(name)
            print("\n".join(lines))
    print()
    for why, count in causes.most_common():
        print(f"{count:4d}  {why}")


if __name__ == "__main__":
    main()
