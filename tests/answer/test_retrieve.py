"""Retrieval: condition filter, BM25 ranking, structured bonuses, optional semantic ranking."""

from __future__ import annotations

import numpy as np

from acupath.answer.retrieve import Index, index_for
from acupath.evidence.loader import EvidenceBase


def test_condition_is_a_filter(base: EvidenceBase) -> None:
    index = Index.build(base)
    r = index.search(index.understand("Does acupuncture help cancer pain?"))
    docs = r.top(kinds=("finding",))
    assert docs
    assert all("cancer_pain" in d.conditions for d in docs)


def test_general_records_are_added_on_request(base: EvidenceBase) -> None:
    index = Index.build(base)
    r = index.search(index.understand("Is acupuncture safe for back pain?"))
    ids = [d.id for d in r.top(kinds=("finding",), general=True, tags=("safety",))]
    assert "gamma_adverse_events" in ids


def test_bm25_prefers_the_lexical_match(base: EvidenceBase) -> None:
    index = Index.build(base)
    r = index.search(index.understand("acupuncture and function against NSAIDs in back pain"))
    assert r.top(kinds=("finding",), limit=1)[0].id == "beta_medication_function"


def test_comparator_bonus(base: EvidenceBase) -> None:
    index = Index.build(base)
    r = index.search(index.understand("acupuncture versus usual care for chronic low back pain"))
    assert r.top(kinds=("finding",), limit=1)[0].comparator == "usual_care"


def test_boost_words_rank_a_section(base: EvidenceBase) -> None:
    index = Index.build(base)
    r = index.search(index.understand("Is acupuncture safe?"))
    top = r.top(kinds=("finding",), tags=("safety",), boost_words=("pneumothorax",), limit=1)
    assert top[0].id == "gamma_pneumothorax"


def test_protocols_are_indexed_with_their_sources(base: EvidenceBase) -> None:
    index = Index.build(base)
    protocols = [d for d in index.documents if d.kind == "protocol"]
    assert [p.id for p in protocols] == ["trial2009_standard"]
    assert protocols[0].sources == ("trial2009",)
    assert protocols[0].conditions == ("chronic_low_back_pain",)


def test_semantic_embedder_changes_the_ranking(base: EvidenceBase) -> None:
    """A fake embedder that only likes the opioid record lifts it to the top."""

    def embed(texts: list[str] | tuple[str, ...]) -> np.ndarray:
        rows = []
        for t in texts:
            v = np.array([1.0 if "opioid" in t.lower() else 0.0, 0.1])
            rows.append(v / np.linalg.norm(v))
        out = np.array(rows)
        out[-1] = [1.0, 0.0] if len(texts) == 1 else out[-1]  # the question vector
        return out

    plain = Index.build(base)
    semantic = Index.build(base, embedder=embed)
    question = "acupuncture for cancer pain"
    r0 = plain.search(plain.understand(question))
    r1 = semantic.search(semantic.understand(question))
    assert r0.top(kinds=("finding",), limit=1)[0].id == "alpha_cancer_pain_sham"
    assert r1.top(kinds=("finding",), limit=1)[0].id == "beta_opioid_use"


def test_index_is_cached_per_base(base: EvidenceBase) -> None:
    assert index_for(base) is index_for(base)
