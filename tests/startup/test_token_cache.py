"""The cached tokenised corpus of the ask index: exact, keyed by texts and tokeniser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acupath import kbcache
from acupath.answer import text as tx
from acupath.answer.corpus import build_corpus
from acupath.answer.retrieve import corpus_tokens_of
from acupath.answer.vocabulary import vocabulary
from acupath.evidence.loader import bundled_base


def entries(root: Path) -> list[Path]:
    return sorted((root / "tokens").glob("*.json")) if (root / "tokens").is_dir() else []


def test_bundled_corpus_tokens_identical_cold_and_warm(cache: Path) -> None:
    texts = [d.text for d in build_corpus(bundled_base(), vocabulary())]
    expected = [tx.tokens(t) for t in texts]
    assert corpus_tokens_of(texts) == expected  # computes and stores
    assert len(entries(cache)) == 1
    assert corpus_tokens_of(texts) == expected  # from the cache
    assert len(entries(cache)) == 1


def test_a_changed_text_is_tokenised_again(cache: Path) -> None:
    texts = ["Acupuncture for chronic low back pain", "Needling the knee"]
    assert corpus_tokens_of(texts) == [tx.tokens(t) for t in texts]
    changed = [texts[0], "Needling the neck"]
    assert corpus_tokens_of(changed) == [tx.tokens(t) for t in changed]
    assert corpus_tokens_of(texts[:1]) == [tx.tokens(texts[0])]
    assert len(entries(cache)) == 3


@pytest.mark.parametrize(
    "forged",
    [[["a"]], [["a"], "b"], [["a"], [1]], {"x": 1}, None, [["a"], ["b"], ["c"]]],
)
def test_an_entry_of_the_wrong_shape_is_ignored(cache: Path, forged: object) -> None:
    texts = ["Acupuncture for chronic low back pain", "Needling the knee"]
    corpus_tokens_of(texts)
    (entry,) = entries(cache)
    doc = json.loads(entry.read_text(encoding="utf-8"))
    doc["data"] = forged
    entry.write_text(json.dumps(doc), encoding="utf-8")
    assert corpus_tokens_of(texts) == [tx.tokens(t) for t in texts]


def test_texts_are_not_confused_by_joining(cache: Path) -> None:
    assert kbcache.digest("ab", "c") != kbcache.digest("a", "bc")
    for texts in (["pain relief", "knee"], ["pain", "relief knee"]):
        assert corpus_tokens_of(texts) == [tx.tokens(t) for t in texts]


def test_disabled_cache_still_tokenises(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(kbcache.DISABLE_ENV, "1")
    assert corpus_tokens_of(["knee pain"]) == [tx.tokens("knee pain")]
    assert not cache.exists()
