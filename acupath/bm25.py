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
matrices and tqdm, and NumPy alone costs a cold ``acupath ask`` about a tenth of a second, more
than scoring a question's few tokens against a few thousand documents takes in plain Python.
This module computes the same numbers the same way: per-document scores are formed in double
precision and stored as float32 (``array("f")``), a query's scores are summed in float32 token by
token in query order, exactly as ``bm25s`` 0.2-0.3 does (``csc_backend="numpy"``,
``method="lucene"``), so rankings and ties are unchanged. A float32 sum is formed as the double
sum of the two float32 values rounded to float32, which is the correctly rounded float32 sum
(double carries more than 2 x 24 + 2 bits; Figueroa, "When is double rounding innocuous?",
SIGNUM 1995). ``tests/startup/test_bm25.py`` checks the scores bit for bit against ``bm25s`` on
the bundled corpus and on random corpora.

One difference: ``bm25s`` adds an empty token ``""`` to its vocabulary, and a query holding
``""`` then raises ``ValueError``; here ``""`` is simply not in the vocabulary (no document
holds it), so such a query token is ignored like any unknown one.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Sequence


class BM25:
    """An index of tokenised documents that scores token queries (see the module docstring)."""

    def __init__(self, k1: float = 1.5, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.vocab_dict: dict[str, int] = {}
        self.num_docs = 0
        # per vocabulary token: the documents holding it (ascending) and their float32 scores
        self._docs: list[list[int]] = []
        self._scores: list[array[float]] = []

    def index(self, corpus_tokens: Sequence[Sequence[str]]) -> None:
        """Index ``corpus_tokens`` (one list of tokens per document)."""
        vocab: dict[str, int] = {}
        for doc in corpus_tokens:
            for token in doc:
                if token not in vocab:
                    vocab[token] = len(vocab)
        n_docs = len(corpus_tokens)
        self.vocab_dict = vocab
        self.num_docs = n_docs
        counts = [Counter(vocab[t] for t in doc) for doc in corpus_tokens]
        df = [0] * len(vocab)
        for c in counts:
            for t in c:
                df[t] += 1
        # idf in double precision (math.log, as bm25s), then stored as float32.
        idf = array("f", [math.log(1 + (n_docs - f + 0.5) / (f + 0.5)) for f in df])
        docs: list[list[int]] = [[] for _ in vocab]
        raw: list[list[float]] = [[] for _ in vocab]
        if n_docs:
            # tfc with the same operations and precisions as bm25s: the length norm
            # k1 * ((1 - b) + b * |d| / avgdl) and tf / (norm + tf) in double (a sum of
            # integers is exact, so the mean is too), the product with idf rounded to float32.
            avg_len = sum(len(doc) for doc in corpus_tokens) / n_docs
            k1, b = self.k1, self.b
            for d, (doc, c) in enumerate(zip(corpus_tokens, counts, strict=True)):
                norm = k1 * ((1 - b) + (b * len(doc)) / avg_len)
                for t, tf in c.items():
                    docs[t].append(d)
                    raw[t].append(idf[t] * (tf / (norm + tf)))
        self._docs = docs
        self._scores = [array("f", r) for r in raw]

    def get_tokens_ids(self, query_tokens: Sequence[str]) -> list[int]:
        """The vocabulary ids of ``query_tokens``, leaving out tokens not in the corpus."""
        return [self.vocab_dict[t] for t in query_tokens if t in self.vocab_dict]

    def get_scores_from_ids(self, query_tokens_ids: Sequence[int]) -> array[float]:
        """BM25 score of every document (float32), summed token by token in query order."""
        scores = array("f", bytes(4 * self.num_docs))
        for t in query_tokens_ids:
            # A token's documents are distinct, so this adds each score once (as np.add.at);
            # storing into a float32 array rounds each sum to float32.
            for d, s in zip(self._docs[t], self._scores[t], strict=True):
                scores[d] += s
        return scores
