"""acupath.bm25 scores bit for bit as the bm25s library (Lucene variant) that it replaces."""

from __future__ import annotations

import random

import bm25s  # type: ignore[import-untyped]
import numpy as np
import pytest

from acupath.answer import text as tx
from acupath.answer.retrieve import index_for
from acupath.bm25 import BM25
from acupath.evidence.loader import bundled_base


def reference(corpus: list[list[str]], k1: float = 1.5, b: float = 0.75) -> bm25s.BM25:
    ref = bm25s.BM25(k1=k1, b=b, method="lucene")
    ref.index(corpus, show_progress=False)
    return ref


def assert_same_scores(corpus: list[list[str]], queries: list[list[str]], **params: float) -> None:
    ours, ref = BM25(**params), reference(corpus, **params)
    ours.index(corpus)
    for query in queries:
        ids_ref = ref.get_tokens_ids(query)
        ids_ours = ours.get_tokens_ids(query)
        assert [ref.vocab_dict.get(t) for t in query if t in ours.vocab_dict] == ids_ref
        assert len(ids_ours) == len(ids_ref)
        if not ids_ref:
            continue
        expected = ref.get_scores_from_ids(ids_ref)
        got = ours.get_scores_from_ids(ids_ours)
        assert expected.dtype == np.float32 and got.typecode == "f" and got.itemsize == 4
        # bit for bit, not approximately
        assert np.array_equal(np.frombuffer(got, dtype=np.float32), expected), query


def test_bundled_corpus_scores_identical_for_every_word_and_real_questions() -> None:
    index = index_for(bundled_base())
    corpus = [tx.tokens(d.text) or ["_empty_"] for d in index.documents]
    vocab = sorted({t for doc in corpus for t in doc})
    questions = [
        "What is the role of acupuncture in chronic low back pain?",
        "Is acupuncture safe for a patient on apixaban with knee osteoarthritis?",
        "acupuncture versus sham for migraine prophylaxis, how many sessions",
        "Does electroacupuncture help aromatase inhibitor joint pain in breast cancer?",
        "pain pain pain neck",
        "fibromyalgia",
        "words that are not in any record zzqx",
    ]
    rng = random.Random(17)
    queries = [[t] for t in vocab] + [tx.tokens(q) for q in questions]
    queries += [rng.sample(vocab, rng.randint(2, 12)) for _ in range(200)]
    assert_same_scores(corpus, queries)


def test_the_index_used_by_ask_is_acupath_bm25() -> None:
    index = index_for(bundled_base())
    assert isinstance(index._bm25, BM25)


@pytest.mark.parametrize("seed", range(25))
def test_random_corpora_score_identically(seed: int) -> None:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(rng.randint(1, 60))]
    corpus = [
        [rng.choice(words) for _ in range(rng.randint(1, 40))] for _ in range(rng.randint(1, 80))
    ]
    queries = [[rng.choice(words) for _ in range(rng.randint(1, 8))] for _ in range(30)]
    queries.append(["not-a-word", words[0], words[0]])  # unknown and repeated tokens
    params = {"k1": rng.choice([0.9, 1.2, 1.5, 2.0]), "b": rng.choice([0.0, 0.5, 0.75, 1.0])}
    assert_same_scores(corpus, queries, **params)


def test_empty_and_unknown() -> None:
    ours = BM25()
    ours.index([])
    assert ours.get_tokens_ids(["a"]) == []
    assert len(ours.get_scores_from_ids([])) == 0
    ours.index([["a", "b"], ["b"]])
    assert ours.get_tokens_ids(["", "c", "b"]) == [ours.vocab_dict["b"]]
    assert ours.get_scores_from_ids([]).tolist() == [0.0, 0.0]
