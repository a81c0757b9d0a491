"""Okapi BM25 (Lucene variant) over tokenised documents, in NumPy, scoring exactly as ``bm25s``.

For a query ``q`` and a document ``d`` of length ``|d|`` in a corpus of ``N`` documents whose
average length is ``avgdl``::

    score(q, d) = sum over tokens t of q found in the vocabulary of  idf(t) * tfc(t, d)
    idf(t)      = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))
    tfc(t, d)   = tf(t, d) / (tf(t, d) + k1 * (1 - b + b * |d| / avgdl))

with ``df(t)`` the number of documents holding ``t`` and ``tf(t, d)`` its count in ``d``
(Robertson & Zaragoza, *The Probabilistic Relevance Framework: BM25 and Beyond*, 2009; the
Lucene variant as named by Kamphuis et al., ECIR 2020). A token repeated in the query counts
each time.

Why not the ``bm25s`` library, which acupath used before: importing it imports SciPy's sparse
matrices and tqdm, which cost a cold ``acupath ask`` about a quarter of a second before any
work. This module computes the same numbers the same way: per-document scores are formed in
double precision and stored as float32, a query's scores are summed in float32 token by token
in query order, exactly as ``bm25s`` 0.2-0.3 does (``csc_backend="numpy"``, ``method="lucene"``),
so rankings and ties are unchanged. ``tests/startup/test_bm25.py`` checks the scores bit for bit
against ``bm25s`` on the bundled corpus and on random corpora.

One difference: ``bm25s`` adds an empty token ``""`` to its vocabulary, and a query holding
``""`` then raises ``ValueError``; here ``""`` is simply not in the vocabulary (no document
holds it), so such a query token is ignored like any unknown one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np


class BM25:
    """An index of tokenised documents that scores token queries (see the module docstring)."""

    def __init__(self, k1: float = 1.5, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.vocab_dict: dict[str, int] = {}
        self.num_docs = 0
        self._data = np.zeros(0, dtype=np.float32)
        self._docs = np.zeros(0, dtype=np.int32)
        self._indptr = np.zeros(1, dtype=np.int64)

    def index(self, corpus_tokens: Sequence[Sequence[str]]) -> None:
        """Index ``corpus_tokens`` (one list of tokens per document)."""
        vocab: dict[str, int] = {}
        for doc in corpus_tokens:
            for token in doc:
                if token not in vocab:
                    vocab[token] = len(vocab)
        n_docs = len(corpus_tokens)
        n_vocab = len(vocab)
        self.vocab_dict = vocab
        self.num_docs = n_docs
        if not n_docs:
            self._data = np.zeros(0, dtype=np.float32)
            self._docs = np.zeros(0, dtype=np.int32)
            self._indptr = np.zeros(n_vocab + 1, dtype=np.int64)
            return

        # Term counts per document, in the order bm25s visits them (first occurrence).
        doc_of: list[int] = []
        token_of: list[int] = []
        tf: list[int] = []
        lengths: list[int] = []
        for d, doc in enumerate(corpus_tokens):
            counts = Counter(vocab[t] for t in doc)
            lengths.append(len(doc))
            doc_of.extend([d] * len(counts))
            token_of.extend(counts.keys())
            tf.extend(counts.values())
        docs = np.array(doc_of, dtype=np.int32)
        tokens = np.array(token_of, dtype=np.int32)
        tf32 = np.array(tf, dtype=np.float32)

        # idf in double precision (math.log, as bm25s), then stored as float32.
        df = np.bincount(tokens, minlength=n_vocab)
        idf = np.array(
            [math.log(1 + (n_docs - f + 0.5) / (f + 0.5)) for f in df.tolist()],
            dtype=np.float32,
        )

        # tfc with the same operations and precisions as bm25s:
        # k1 * ((1 - b) + b * |d| / avgdl) in float64, tf promoted from float32.
        avg_len = np.array(lengths).mean()
        per_doc = np.array([self.b * n for n in lengths], dtype=np.float64) / avg_len
        norm = self.k1 * ((1 - self.b) + per_doc)
        tfc = tf32 / (norm[docs] + tf32)
        scores = (idf[tokens] * tfc).astype(np.float32)

        # Column layout: for each token, the documents holding it and their scores.
        order = np.argsort(tokens, kind="stable")
        self._data = scores[order]
        self._docs = docs[order]
        self._indptr = np.concatenate(([0], np.cumsum(df))).astype(np.int64)

    def get_tokens_ids(self, query_tokens: Sequence[str]) -> list[int]:
        """The vocabulary ids of ``query_tokens``, leaving out tokens not in the corpus."""
        return [self.vocab_dict[t] for t in query_tokens if t in self.vocab_dict]

    def get_scores_from_ids(self, query_tokens_ids: Sequence[int]) -> np.ndarray:
        """BM25 score of every document (float32), summed token by token in query order."""
        scores = np.zeros(self.num_docs, dtype=np.float32)
        for t in query_tokens_ids:
            start, end = self._indptr[t], self._indptr[t + 1]
            # A token's documents are distinct, so this adds each score once (as np.add.at).
            scores[self._docs[start:end]] += self._data[start:end]
        return scores
