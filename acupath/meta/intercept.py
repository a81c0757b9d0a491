"""Fast kernels for intercept-only lanes: Fisher scoring and the generalised Q with its slope.

Most meta-analyses have no moderators, and in a batch (:func:`acupath.meta.pool_many`) the
iterative parts (Fisher scoring for ML/REML/EB and the Q-profile interval for tau²) take most of
the time. Without moderators every weighted least-squares quantity is a handful of row sums,
so these kernels skip the general design-matrix code of :mod:`acupath.meta.lanes`:

* padded studies get an infinite sampling variance, so their weight ``1/(v + τ²)`` is exactly 0
  and no mask multiplication is needed;
* with ``w = 1/(v + τ²)``, ``b = Σwy/Σw`` and ``r = y - b`` (outcomes centred, as metafor)::

      y'Py = Σ w r²,   tr P = Σw - Σw²/Σw,   y'PPy = Σ w² r²,
      tr PP = Σw² - 2 Σw³/Σw + (Σw²/Σw)²

  (the formulas of :mod:`acupath.meta.lanes` with ``X = 1``);
* the slope of the generalised Q statistic ``Q(τ²) = y'P(τ²)y`` is ``dQ/dτ² = -Σ w² r²``
  (envelope theorem: ``b`` minimises ``Σ w (y - b)²``, so only the weights' derivative
  ``-w²`` counts), which lets the Q-profile search take Newton steps
  (:mod:`acupath.meta.confint`);
* the lanes still iterating are a shrinking subset; the arrays are compacted only when the
  lanes still asked for are fewer than half of those held (copying at every step costs more
  than computing a few finished lanes again).

The arithmetic is that of the general code, so the results agree with it (and with metafor)
to rounding in the last digits.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from acupath.meta.lanes import FloatArray, Lanes

IntArray = NDArray[np.intp]


BLOCK = 2048
"""Lanes per block: the arrays of a block (about 2,048 × k doubles) stay in the CPU cache for
the dozen passes of a step, and each block is only as wide as its largest meta-analysis."""


class InterceptLanes:
    """Centred outcomes and infinite-variance padding of intercept-only lanes, in blocks,
    compacted lazily.

    ``rows`` are the lanes (numbers into the lanes given at construction, or into ``rows``
    given there) currently held; :meth:`hold` narrows them to a subset (when that is less than
    half of them) and returns where each asked-for lane sits among the rows held. The rows are
    cut into blocks of :data:`BLOCK` lanes, each trimmed to the width of its largest lane
    (lanes sorted by size, as :func:`acupath.meta.pool_many` sorts them, waste little).
    ``size`` is the number of columns each lane uses.
    """

    def __init__(self, lanes: Lanes, rows: IntArray | None = None, *, centre: bool = True) -> None:
        if lanes.X is not None:
            raise ValueError("InterceptLanes is for intercept-only lanes (X is None)")
        y = lanes.centred().y if centre else lanes.y * lanes.mask
        v = np.where(lanes.mask > 0, lanes.v, np.inf)
        # Columns in use: up to the last study of each lane (studies left out by a mask, as
        # in leave-one-out, may sit anywhere before it).
        present = lanes.mask > 0
        width = present.shape[1]
        size = np.where(present.any(axis=1), width - np.argmax(present[:, ::-1], axis=1), 0)
        if rows is not None:
            y, v, size = y[rows], v[rows], size[rows]
        self.rows: IntArray = np.arange(y.shape[0])
        self._block(y, v, size)

    def select(self, rows: IntArray) -> InterceptLanes:
        """A new set holding the rows numbered ``rows`` of this one (repeats allowed); its
        ``rows`` count from 0 again."""
        out = InterceptLanes.__new__(InterceptLanes)
        out.rows = np.arange(rows.size)
        out._block(self.y[rows], self.v[rows], self.size[rows])
        return out

    def _block(self, y: FloatArray, v: FloatArray, size: IntArray) -> None:
        self.y: FloatArray = y
        self.v: FloatArray = v
        self.size: IntArray = size
        self.blocks: list[tuple[FloatArray, FloatArray]] = []
        for s in range(0, y.shape[0], BLOCK):
            width = max(1, int(size[s : s + BLOCK].max()))
            self.blocks.append(
                (
                    np.ascontiguousarray(y[s : s + BLOCK, :width]),
                    np.ascontiguousarray(v[s : s + BLOCK, :width]),
                )
            )

    def hold(self, wanted: IntArray) -> IntArray | None:
        """Positions of ``wanted`` (a sorted subset of the rows held) among the rows held, or
        None when the arrays now hold exactly ``wanted`` (no picking needed)."""
        if wanted.size == self.rows.size:
            return None
        pos = np.searchsorted(self.rows, wanted)
        if wanted.size < self.rows.size // 2:
            self.rows = wanted
            self._block(self.y[pos], self.v[pos], self.size[pos])
            return None
        return np.asarray(pos)

    def q_and_slope(self, tau2: FloatArray) -> tuple[FloatArray, FloatArray]:
        """The generalised Q statistic ``Σ w r²`` and ``-dQ/dτ² = Σ w² r²`` for every row held."""
        if len(self.blocks) == 1:
            return _q_and_slope(*self.blocks[0], tau2)
        parts = [
            _q_and_slope(y, v, tau2[i * BLOCK : (i + 1) * BLOCK])
            for i, (y, v) in enumerate(self.blocks)
        ]
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])

    def scoring_step(self, tau2: FloatArray, code: str, k: FloatArray) -> FloatArray:
        """One Fisher scoring step for every row held (see :func:`scoring_step`)."""
        if len(self.blocks) == 1:
            return scoring_step(*self.blocks[0], tau2, code, k)
        parts = []
        for i, (y, v) in enumerate(self.blocks):
            cut = slice(i * BLOCK, (i + 1) * BLOCK)
            parts.append(scoring_step(y, v, tau2[cut], code, k[cut]))
        return np.concatenate(parts)

    def log_likelihood(self, tau2: FloatArray, k: FloatArray, reml: bool) -> FloatArray:
        """The (restricted) log likelihood of every row held at ``tau2``, as
        :func:`acupath.meta.tau2.log_likelihood` (``k`` studies per row)."""
        parts = []
        for i, (y, v) in enumerate(self.blocks):
            cut = slice(i * BLOCK, (i + 1) * BLOCK)
            w = _weights(v, tau2[cut])
            sw = _rowsum(w)
            b = (1.0 / sw) * _rowdot(w, y)
            r = y - b[:, None]
            r *= r
            rss = _rowdot(w, r)
            # Σ log(v + τ²) = -Σ log w over the studies (padding has w = 0 and is left out).
            logw = _rowsum(np.log(w, out=np.zeros_like(w), where=w > 0.0))
            part = 0.5 * logw - 0.5 * rss
            part -= 0.5 * np.log(sw) if reml else 0.0
            parts.append(part)
        const = (k - 1.0) if reml else k
        return np.asarray(np.concatenate(parts) - 0.5 * const * np.log(2 * np.pi))


_SMALL = 64
"""Below this many rows the per-call overhead of NumPy dominates: row dot products then use
``np.vecdot`` (NumPy 2), which starts faster than ``einsum``; above it ``einsum`` is faster."""

_vecdot = getattr(np, "vecdot", None)


def _rowdot(a: FloatArray, b: FloatArray) -> FloatArray:
    """``Σ_j a_ij b_ij`` for every row i."""
    if _vecdot is not None and a.shape[0] < _SMALL:
        return np.asarray(_vecdot(a, b), dtype=float)
    return np.asarray(np.einsum("ij,ij->i", a, b), dtype=float)


def _rowsum(a: FloatArray) -> FloatArray:
    """``Σ_j a_ij`` for every row i (``einsum`` sums short rows faster than ``sum``)."""
    if a.shape[0] < _SMALL:
        return np.asarray(np.add.reduce(a, axis=1), dtype=float)
    return np.asarray(np.einsum("ij->i", a), dtype=float)


def _weights(v: FloatArray, tau2: FloatArray) -> FloatArray:
    """``1/(v + τ²)`` (0 for padding, whose variance is infinite)."""
    w = v + tau2[:, None]
    np.reciprocal(w, out=w)
    return w


def _q_and_slope(y: FloatArray, v: FloatArray, tau2: FloatArray) -> tuple[FloatArray, FloatArray]:
    w = _weights(v, tau2)
    sw = _rowsum(w)
    b = (1.0 / sw) * _rowdot(w, y)
    r = y - b[:, None]
    r *= r
    q = _rowdot(w, r)
    w *= w
    return q, _rowdot(w, r)


def scoring_step(
    y: FloatArray, v: FloatArray, tau2: FloatArray, code: str, k: FloatArray
) -> FloatArray:
    """One Fisher scoring step (see :func:`acupath.meta.tau2.estimate`) for centred outcomes
    ``y`` and variances ``v`` (infinite for padding) of intercept-only lanes.

    ``k`` is the number of studies of each lane. ML: ``(y'PPy - Σw)/Σw²``; REML:
    ``(y'PPy - tr P)/tr PP``; EB: ``(y'Py · k/(k - 1) - k)/Σw``.
    """
    w = _weights(v, tau2)
    sw = _rowsum(w)
    b = (1.0 / sw) * _rowdot(w, y)
    r = y - b[:, None]
    r *= r
    if code == "EB":
        rss = _rowdot(w, r)
        return np.asarray((rss * k / (k - 1.0) - k) / sw)
    w2 = w * w
    ypp_y = _rowdot(w2, r)
    sw2 = _rowsum(w2)
    if code == "ML":
        return np.asarray((ypp_y - sw) / sw2)
    sw3 = _rowdot(w2, w)
    s = 1.0 / sw
    tr_p = sw - s * sw2
    tr_pp = sw2 - 2.0 * s * sw3 + (s * sw2) ** 2
    return np.asarray((ypp_y - tr_p) / tr_pp)
