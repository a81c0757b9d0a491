"""The web answer cache: bounded, keyed by normalised question and audience, errors not kept."""

from __future__ import annotations

import pytest

from acupath.web.answers import AnswerCache


def test_a_repeated_question_is_computed_once() -> None:
    cache = AnswerCache(maxsize=4)
    calls: list[str] = []

    def compute() -> dict[str, object]:
        calls.append("x")
        return {"answer": len(calls)}

    first = cache.get("Does acupuncture help  back pain?", "clinician", compute)
    again = cache.get("does acupuncture help back pain?", "clinician", compute)
    assert first is again
    assert calls == ["x"]
    cache.get("does acupuncture help back pain?", "patient", compute)
    assert calls == ["x", "x"], "the audience is part of the key"


def test_least_recently_used_is_evicted_first() -> None:
    cache = AnswerCache(maxsize=2)
    cache.get("a", "clinician", lambda: {"q": "a"})
    cache.get("b", "clinician", lambda: {"q": "b"})
    cache.get("a", "clinician", lambda: {"q": "stale"})  # touches a
    cache.get("c", "clinician", lambda: {"q": "c"})  # evicts b
    assert len(cache) == 2
    assert cache.get("a", "clinician", lambda: {"q": "new"}) == {"q": "a"}
    assert cache.get("b", "clinician", lambda: {"q": "recomputed"}) == {"q": "recomputed"}


def test_a_failing_question_is_not_cached() -> None:
    cache = AnswerCache(maxsize=2)

    def fail() -> dict[str, object]:
        raise ValueError("no")

    with pytest.raises(ValueError):
        cache.get("q", "clinician", fail)
    assert len(cache) == 0


def test_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="maxsize must be at least 1"):
        AnswerCache(maxsize=0)
