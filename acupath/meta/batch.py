"""Thousands of meta-analyses in one call: ``pool_many``.

For living reviews, simulation studies and the whole evidence base: every meta-analysis is one
lane of a padded ``(D, k)`` array (:mod:`acupath.meta.lanes`) and every estimator, including the
iterative ones, runs on all lanes at once; a lane stops iterating when it has converged, as it
would alone. The code is the same that :func:`acupath.meta.pool.pool` runs for a single
meta-analysis, so the numbers agree with one-at-a-time fitting (to rounding in the last digits,
since sums over padded rows may be added in a different order).

Lanes are sorted by size and fitted in chunks, which keeps padding and memory small and lets a
caller show progress.

Example::

    >>> import numpy as np
    >>> from acupath.meta import pool_many
    >>> rng = np.random.default_rng(1)
    >>> data = [(rng.normal(0.3, 0.3, k), rng.uniform(0.02, 0.2, k)) for k in (5, 12, 30)]
    >>> res = pool_many(data, method="REML")
    >>> res.estimate.shape
    (3,)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

from acupath.errors import AnalysisError, InputError
from acupath.meta.confint import tau2_interval
from acupath.meta.fit import check_test, fit_lanes, summarise_lanes
from acupath.meta.lanes import FloatArray, Lanes, pad, pad_ragged
from acupath.meta.pool import as_arrays
from acupath.meta.tau2 import check_method

Progress = Callable[[int, int], None]
"""``progress(done, total)``, called after each chunk of meta-analyses."""


@dataclass(frozen=True)
class BatchResult:
    """One entry per meta-analysis, in input order; names as in :class:`PooledEstimate`.

    Meta-analyses whose tau² search did not converge have ``converged = False`` and NaN
    results (a one-at-a-time fit raises :class:`~acupath.errors.AnalysisError` for them).
    """

    method: str
    test: str
    k: NDArray[np.int64]
    estimate: FloatArray
    se: FloatArray
    statistic: FloatArray
    pval: FloatArray
    ci_lower: FloatArray
    ci_upper: FloatArray
    tau2: FloatArray
    tau2_ci_lower: FloatArray
    tau2_ci_upper: FloatArray
    i2: FloatArray
    h2: FloatArray
    q: FloatArray
    q_pval: FloatArray
    pi_lower: FloatArray
    pi_upper: FloatArray
    converged: NDArray[np.bool_]
    retried: NDArray[np.bool_]  # Fisher scoring needed half steps (see tau2.RETRY_STEPADJ)
    tau2_ci_lower_censored: NDArray[np.bool_]  # bound beyond the search limit (NaN above)
    tau2_ci_upper_censored: NDArray[np.bool_]

    def __len__(self) -> int:
        return int(self.k.size)

    def row(self, i: int) -> dict[str, float | int | bool | str | None]:
        """Meta-analysis ``i`` as plain values (NaN as ``None``)."""
        out: dict[str, float | int | bool | str | None] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                out[f.name] = value
                continue
            x = value[i]
            if isinstance(x, np.bool_):
                out[f.name] = bool(x)
            elif isinstance(x, np.integer):
                out[f.name] = int(x)
            else:
                out[f.name] = float(x) if np.isfinite(x) else None
        out["q_df"] = int(self.k[i]) - 1
        return out


def pool_many(
    data: Sequence[tuple[Sequence[float] | FloatArray, Sequence[float] | FloatArray]],
    method: str = "REML",
    test: str = "z",
    *,
    level: float = 0.95,
    tau2_ci: bool = True,
    chunk_size: int = 20000,
    progress: Progress | None = None,
) -> BatchResult:
    """Pool many meta-analyses, each given as ``(yi, vi)``.

    ``tau2_ci=False`` skips the Q-profile interval (two root searches per meta-analysis) when
    only the pooled estimates are wanted. Raises :class:`AnalysisError` for an empty list and
    :class:`InputError` naming the meta-analysis for invalid values.
    """
    method = check_method(method)
    test = check_test(test)
    if not data:
        raise AnalysisError("pool_many needs at least one meta-analysis; got none")
    y_all, v_all, sizes = _checked(data)
    starts = np.cumsum(sizes) - sizes
    order = np.argsort(sizes, kind="stable")
    n = sizes.size
    names = [
        "estimate",
        "se",
        "statistic",
        "pval",
        "ci_lower",
        "ci_upper",
        "tau2",
        "tau2_ci_lower",
        "tau2_ci_upper",
        "i2",
        "h2",
        "q",
        "q_pval",
        "pi_lower",
        "pi_upper",
    ]
    out = {name: np.full(n, np.nan) for name in names}
    converged = np.zeros(n, dtype=bool)
    retried = np.zeros(n, dtype=bool)
    lower_cens = np.zeros(n, dtype=bool)
    upper_cens = np.zeros(n, dtype=bool)
    done = 0
    for start, stop in _chunks(sizes[order], chunk_size):
        idx = order[start:stop]
        lanes = pad_ragged(y_all, v_all, starts, sizes, idx)
        fit = fit_lanes(lanes, method, test)
        s = summarise_lanes(fit, level)
        for name in (
            "estimate",
            "se",
            "statistic",
            "pval",
            "ci_lower",
            "ci_upper",
            "tau2",
            "i2",
            "h2",
            "q",
            "q_pval",
        ):
            out[name][idx] = getattr(s, name)
        converged[idx] = fit.converged
        retried[idx] = fit.retried
        if method not in ("EE", "FE"):
            half = fit.critical(level) * np.sqrt(s.se**2 + s.tau2)
            out["pi_lower"][idx] = s.estimate - half
            out["pi_upper"][idx] = s.estimate + half
            if tau2_ci:
                ci = tau2_interval(lanes, s.tau2, level)
                out["tau2_ci_lower"][idx] = ci.lower
                out["tau2_ci_upper"][idx] = ci.upper
                lower_cens[idx] = ci.lower_censored
                upper_cens[idx] = ci.upper_censored
        done += idx.size
        if progress is not None:
            progress(done, n)
    return BatchResult(
        method=method,
        test=test,
        k=sizes.astype(np.int64),
        converged=converged,
        retried=retried,
        tau2_ci_lower_censored=lower_cens,
        tau2_ci_upper_censored=upper_cens,
        **out,
    )


CHUNK_CELLS = 4_000_000
"""Most padded cells (meta-analyses × studies of the largest) per chunk: about 32 MB per array,
so one very large meta-analysis does not pad thousands of small ones to its size."""


def _chunks(sorted_sizes: NDArray[np.intp], chunk_size: int) -> list[tuple[int, int]]:
    """``(start, stop)`` of consecutive chunks of the meta-analyses sorted by size: at most
    ``chunk_size`` of them and at most :data:`CHUNK_CELLS` padded cells each (a chunk is
    as wide as its last, largest, meta-analysis), and at least one meta-analysis."""
    out = []
    n = sorted_sizes.size
    start = 0
    while start < n:
        stops = np.arange(start + 1, min(n, start + chunk_size) + 1)
        # Padded cells of the chunk start..stop: it grows with stop (sizes are sorted).
        cells = (stops - start) * sorted_sizes[stops - 1].astype(np.int64)
        last = int(np.searchsorted(cells, CHUNK_CELLS, side="right"))
        stop = int(stops[max(0, last - 1)])
        out.append((start, stop))
        start = stop
    return out


def _checked(
    data: Sequence[tuple[Sequence[float] | FloatArray, Sequence[float] | FloatArray]],
) -> tuple[FloatArray, FloatArray, NDArray[np.intp]]:
    """All effect sizes and all variances, concatenated, and the number of studies of each
    meta-analysis, checked at once (one pass over all values). Only when something is odd
    (not one-dimensional, unequal lengths, a bad value) is each meta-analysis checked on its
    own, for a message naming the meta-analysis and the study."""
    n = len(data)
    try:
        ys = [d[0] for d in data]
        vs = [d[1] for d in data]
        sizes = np.fromiter(map(len, ys), dtype=np.intp, count=n)
        ok = bool((np.fromiter(map(len, vs), dtype=np.intp, count=n) == sizes).all())
        ok = ok and bool((sizes > 0).all())
        if ok:
            y_all = np.asarray(np.concatenate(ys), dtype=float)
            v_all = np.asarray(np.concatenate(vs), dtype=float)
            ok = y_all.ndim == 1 and v_all.ndim == 1 and y_all.size == int(sizes.sum())
            ok = ok and bool(np.isfinite(y_all).all() and (np.isfinite(v_all) & (v_all > 0)).all())
    except (TypeError, ValueError):
        ok = False
    if ok:
        return y_all, v_all, sizes
    arrays = []
    for i, (y, v) in enumerate(data):
        try:
            arrays.append(as_arrays(y, v))
        except AnalysisError as exc:
            raise AnalysisError(f"meta-analysis {i + 1}: {exc}") from None
        except InputError as exc:
            raise InputError(f"meta-analysis {i + 1}: {exc}") from None
    sizes = np.fromiter((y.size for y, _ in arrays), dtype=np.intp, count=n)
    y_all = np.concatenate([y for y, _ in arrays])
    v_all = np.concatenate([v for _, v in arrays])
    return y_all, v_all, sizes


def lanes_from_groups(
    data: Sequence[tuple[Sequence[float] | FloatArray, Sequence[float] | FloatArray]],
) -> Lanes:
    """Padded lanes for ``data`` (exposed for benchmarks and tests)."""
    return pad([as_arrays(y, v) for y, v in data])
