"""Retrieval: structured matching on the understood entities combined with BM25 ranking.

The score of a document for a question is

    score = w_bm25 * bm25 / max(bm25) + w_sem * cosine + match + prior

where ``bm25`` is the Okapi BM25 score of the question's words against the document's words
(Robertson & Zaragoza, *The Probabilistic Relevance Framework: BM25 and Beyond*, 2009; Lucene
variant, k1 = 1.5, b = 0.75, computed by :mod:`acupath.bm25` exactly as the ``bm25s`` library
computes it, without importing SciPy), ``cosine`` is the optional
sentence-embedding similarity (:mod:`acupath.answer.semantic`, off by default), ``match`` adds
a fixed bonus when the document's comparator or intervention is the one the question names, and
``prior`` prefers pooled evidence and higher certainty so that a meta-analysis outranks a single
trial on an equal lexical match. Condition matching is a filter, not a score: an answer about
knee osteoarthritis uses only records about knee osteoarthritis (or about no condition in
particular, such as adverse-event rates).

An :class:`Index` is built once per evidence base and reused; building it tokenises every
record, so answering a question costs one BM25 pass plus sorting of the candidate records.
"""

from __future__ import annotations

import math
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acupath import kbcache
from acupath.answer import text as tx
from acupath.answer.corpus import Document, build_corpus
from acupath.answer.understand import Question, Understander
from acupath.answer.vocabulary import Vocabulary, vocabulary
from acupath.bm25 import BM25
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Finding

if TYPE_CHECKING:  # NumPy is imported only by semantic ranking, not by every `ask`
    import numpy as np

Embedder = Callable[[Sequence[str]], "np.ndarray"]
"""Maps texts to an array of unit-length row vectors (one row per text)."""

W_BM25 = 0.6
W_SEMANTIC = 1.0
MATCH_BONUS = 0.5

_CERTAINTY_PRIOR = {"high": 0.4, "moderate": 0.3, "low": 0.2, "very_low": 0.1, "not_graded": 0.05}
_KIND_PRIOR = {
    "ipd_meta_analysis": 0.4,
    "meta_analysis": 0.35,
    "systematic_review": 0.3,
    "overview": 0.25,
    "guideline": 0.25,
    "coverage_policy": 0.25,
    "rct": 0.2,
    "cohort": 0.15,
    "survey": 0.1,
}


def corpus_tokens_of(texts: Sequence[str]) -> list[list[str]]:
    """``tx.tokens`` of every text, from the per-user cache when it holds this exact corpus.

    Tokenising every record is most of the cost of building an index (a cold ``acupath ask``).
    The cache entry (:mod:`acupath.kbcache`, kind ``tokens``) is keyed by the texts, the source
    of :mod:`acupath.answer.text` (which alone defines ``tokens``), and the Python and Unicode
    versions its regular expressions and normalisation depend on; an entry that does not hold
    one list of strings per text is ignored.
    """
    key = kbcache.digest(
        "tokens",
        Path(tx.__file__).read_bytes(),
        sys.version,
        unicodedata.unidata_version,
        *texts,
    )
    found, value = kbcache.get("tokens", key)
    if (
        found
        and isinstance(value, list)
        and len(value) == len(texts)
        and all(isinstance(t, list) and all(type(w) is str for w in t) for t in value)
    ):
        return value
    tokens = [tx.tokens(text) for text in texts]
    kbcache.put("tokens", key, tokens)
    return tokens


@dataclass
class Index:
    """BM25 and structured look-up tables over the corpus of one evidence base."""

    base: EvidenceBase
    vocab: Vocabulary
    documents: list[Document]
    understander: Understander
    embedder: Embedder | None = None
    _bm25: Any = field(default=None, repr=False)
    _by_condition: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _general: list[int] = field(default_factory=list, repr=False)
    _prior: list[float] = field(default_factory=list, repr=False)
    _embeddings: np.ndarray | None = field(default=None, repr=False)
    _position: dict[str, int] = field(default_factory=dict, repr=False)
    _by_key: dict[str, Document] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        base: EvidenceBase,
        *,
        vocab: Vocabulary | None = None,
        embedder: Embedder | None = None,
    ) -> Index:
        """Index every record of ``base``; ``embedder`` turns on semantic ranking."""
        vocab = vocab or vocabulary()
        docs = build_corpus(base, vocab)
        index = cls(base, vocab, docs, Understander(base.conditions, vocab), embedder)
        corpus_tokens = [toks or ["_empty_"] for toks in corpus_tokens_of([d.text for d in docs])]
        if docs:
            retriever = BM25(k1=1.5, b=0.75)
            retriever.index(corpus_tokens)
            index._bm25 = retriever
        by_condition: dict[str, list[int]] = defaultdict(list)
        for i, d in enumerate(docs):
            index._position[d.key] = i
            index._by_key[d.key] = d
            if d.conditions:
                for c in d.conditions:
                    by_condition[c].append(i)
            else:
                index._general.append(i)
        index._by_condition = dict(by_condition)
        index._prior = [index._document_prior(d) for d in docs]
        if embedder is not None and docs:
            index._embeddings = embedder([d.text for d in docs])
        return index

    def _document_prior(self, d: Document) -> float:
        prior = 0.0
        src = self.base.sources.get(d.sources[0]) if d.sources else None
        if src is not None:
            prior += _KIND_PRIOR.get(src.kind, 0.0)
        rec = d.record
        if isinstance(rec, Finding):
            prior += _CERTAINTY_PRIOR.get(rec.certainty, 0.0)
            if rec.n_participants:
                prior += min(0.2, math.log10(rec.n_participants) / 25)
        return prior

    def understand(self, question: str) -> Question:
        """Understand ``question`` with this base's conditions."""
        return self.understander(question)

    def search(self, question: Question) -> Retrieval:
        """Score every document for ``question`` (one BM25 pass)."""
        n = len(self.documents)
        lexical = [0.0] * n
        if n and question.tokens:
            ids = self._bm25.get_tokens_ids(list(question.tokens))
            if ids:
                lexical = _normalised(self._bm25.get_scores_from_ids(ids))
        score = [W_BM25 * lex + prior for lex, prior in zip(lexical, self._prior, strict=True)]
        if self._embeddings is not None and self.embedder is not None and n:
            query = self.embedder([question.text])[0]
            cosine = (self._embeddings @ query).tolist()
            score = [s + W_SEMANTIC * c for s, c in zip(score, cosine, strict=True)]
        return Retrieval(self, question, score, lexical)

    def lexical_scores(self, words: Sequence[str]) -> list[float]:
        """BM25 scores of every document for ``words``, divided by the best score."""
        n = len(self.documents)
        toks = [t for w in words for t in tx.tokens(w)]
        if not n or not toks:
            return [0.0] * n
        ids = self._bm25.get_tokens_ids(toks)
        if not ids:
            return [0.0] * n
        return _normalised(self._bm25.get_scores_from_ids(ids))

    @property
    def by_key(self) -> dict[str, Document]:
        """Documents by ``kind:id``."""
        return {d.key: d for d in self.documents} if not self._by_key else self._by_key

    def position(self, doc: Document) -> int:
        """Where ``doc`` sits in the corpus (indexes the score arrays)."""
        return self._position[doc.key]

    def candidates(self, conditions: Iterable[str], *, general: bool = True) -> list[int]:
        """Positions of documents about any of ``conditions`` (plus condition-free ones)."""
        out: list[int] = []
        for c in conditions:
            out.extend(self._by_condition.get(c, ()))
        if general:
            out.extend(self._general)
        return sorted(set(out))


def _normalised(scores: Sequence[float]) -> list[float]:
    """``scores`` (float32 BM25 scores, taken exactly as doubles) divided by the best one."""
    values = list(scores)
    top = max(values)
    return [v / top for v in values] if top > 0 else values


@dataclass
class Retrieval:
    """The scores of one question; sections draw ranked documents from it."""

    index: Index
    question: Question
    score: list[float]
    lexical: list[float]
    _boost_cache: dict[tuple[str, ...], list[float]] = field(default_factory=dict, repr=False)

    def top(
        self,
        *,
        kinds: Iterable[str] = ("finding",),
        conditions: Iterable[str] | None = None,
        general: bool = False,
        tags: Iterable[str] | None = None,
        exclude_tags: Iterable[str] = (),
        min_lexical: float = 0.0,
        limit: int | None = None,
        boost_words: Sequence[str] = (),
        prefer: Callable[[Document], float] | None = None,
    ) -> list[Document]:
        """Documents of the given kinds, ranked best first.

        ``conditions`` restricts to records about those conditions (``general`` adds records
        about no condition); ``None`` means the question's conditions, or every record when the
        question names none. ``tags`` keeps documents with at least one of the tags;
        ``min_lexical`` drops documents whose normalised BM25 score is below it.
        ``boost_words`` adds the BM25 score of a section's own vocabulary (the safety section
        prefers adverse-event records whatever the question's words); ``prefer`` adds a score
        of the caller's.
        """
        idx = self.index
        conds = self.question.conditions if conditions is None else tuple(conditions)
        pool = idx.candidates(conds, general=general) if conds else range(len(idx.documents))
        kind_set, tag_set, skip = set(kinds), set(tags or ()), set(exclude_tags)
        wanted = [
            i
            for i in pool
            if idx.documents[i].kind in kind_set
            and (not tag_set or idx.documents[i].tags & tag_set)
            and not (idx.documents[i].tags & skip)
            and self.lexical[i] >= min_lexical
        ]
        bonus = [0.0] * len(wanted)
        q = self.question
        for j, i in enumerate(wanted):
            d = idx.documents[i]
            if q.comparators and d.comparator in q.comparators:
                bonus[j] += MATCH_BONUS
            if q.interventions and d.intervention in q.interventions:
                bonus[j] += MATCH_BONUS
        if boost_words and wanted:
            key = tuple(boost_words)
            if key not in self._boost_cache:
                self._boost_cache[key] = idx.lexical_scores(boost_words)
            boost = self._boost_cache[key]
            bonus = [b + boost[i] for b, i in zip(bonus, wanted, strict=True)]
        if prefer is not None:
            bonus = [b + prefer(idx.documents[i]) for b, i in zip(bonus, wanted, strict=True)]
        scores = [self.score[i] + b for i, b in zip(wanted, bonus, strict=True)]
        # best first; Python's sort is stable, so equal scores keep corpus order
        order = sorted(range(len(scores)), key=lambda k: -scores[k])
        ranked = [idx.documents[wanted[k]] for k in order]
        return ranked[:limit] if limit is not None else ranked


_CACHE: dict[tuple[int, int], tuple[EvidenceBase, Embedder | None, Index]] = {}


def index_for(base: EvidenceBase, *, embedder: Embedder | None = None) -> Index:
    """The index of ``base`` (and ``embedder``), built on first use and kept.

    Bases are immutable and embedders are pure, so an index never goes stale; a few are kept
    (fixture bases in tests, a scaled base in the benchmark).
    """
    key = (id(base), id(embedder))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is base and hit[1] is embedder:
        return hit[2]
    index = Index.build(base, embedder=embedder)
    if len(_CACHE) >= 8:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (base, embedder, index)
    return index
