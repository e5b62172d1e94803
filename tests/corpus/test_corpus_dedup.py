"""Near-duplicates: the same report with other boilerplate is close, another report is not."""

from __future__ import annotations

import pytest

from depesha.corpus.dedup import (
    THRESHOLD,
    band_keys,
    band_keys_many,
    make_minhash,
    make_minhashes,
    similarity,
    words_of,
)
from depesha.store.fixtures import PEOPLE, make_record

REPORT = make_record(visit=True)["article"]["text"]


@pytest.mark.parametrize("other, close", [
    (REPORT, True),
    (REPORT + " Подписывайтесь на наш канал в Telegram.", True),
    ("Астана. 28 ноября. KAZAKHSTAN TODAY - " + REPORT + " При использовании материалов ссылка обязательна.", True),
    (REPORT.replace("Стороны обсудили", "Собеседники обсудили"), True),
    (make_record(PEOPLE[5], PEOPLE[6], visit=True)["article"]["text"], False),
    ("Совсем другая заметка о погоде в Алматы: ожидается снег и гололёд.", False),
])
def test_corpus_dedup_similarity(other, close):
    value = similarity(make_minhash(REPORT), make_minhash(other))
    assert (value >= THRESHOLD) == close, value


def test_corpus_dedup_bands_find_candidates():
    a, b = band_keys(make_minhash(REPORT)), band_keys(make_minhash(REPORT + " Читайте также."))
    c = band_keys(make_minhash("Совсем другая заметка о погоде в Алматы: ожидается снег и гололёд."))
    assert len(a) == 16 and set(a) & set(b) and not set(a) & set(c)


def test_corpus_dedup_many_at_once_equals_one_by_one():
    """The worker's chunked MinHash gives each text exactly its own signature and bands, short texts included."""
    texts = [REPORT, "", "Алматы", "Алматы Астана", "Алматы Астана Анкара", REPORT + " Читайте также.", "!!! ...",
             make_record(PEOPLE[5], PEOPLE[6])["article"]["text"], "Один два три четыре пять"]
    signatures = make_minhashes([words_of(text) for text in texts])
    assert signatures.shape == (len(texts), 64)
    for text, signature, keys in zip(texts, signatures, band_keys_many(signatures), strict=True):
        assert (signature == make_minhash(text)).all(), text
        assert keys == band_keys(make_minhash(text))
