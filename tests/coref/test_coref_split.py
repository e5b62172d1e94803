"""The RuCoCo split is fixed by document id: a tenth sealed for test, a tenth dev, and it never moves."""

import pytest

from depesha.eval.coref.corpus import default_corpus, read_corpus
from depesha.eval.coref.split import split_of


@pytest.mark.parametrize(("doc_id", "split"), [
    ("2000_finance_bujet_004", "train"),
    ("2000_finance_opros", "train"),
    ("2000_finance_cb_001", "dev"),
    ("2000_finance_mos", "dev"),
    ("2000_finance_londonclub", "test"),
    ("2000_russia_communist", "test"),
])
def test_split_is_a_pure_function_of_the_id(doc_id, split):
    assert split_of(doc_id) == split


def test_split_proportions_on_invented_ids():
    ids = [f"2010_world_doc_{n:04d}" for n in range(5000)]
    shares = {name: sum(split_of(i) == name for i in ids) / len(ids) for name in ("train", "dev", "test")}
    assert 0.08 < shares["test"] < 0.12 and 0.08 < shares["dev"] < 0.12


def test_rucoco_split_counts_are_the_sealed_ones():
    if not default_corpus().exists():
        pytest.skip(f"SKIPPED LOUDLY: RuCoCo is absent at {default_corpus()}: the split was NOT checked")
    counts: dict[str, int] = {}
    for doc in read_corpus(default_corpus()):
        counts[doc.split] = counts.get(doc.split, 0) + 1
    assert counts == {"train": 2474, "dev": 296, "test": 305}
