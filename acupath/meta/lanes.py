"""Many meta-analyses side by side: the arrays every estimator works on.

A batch of ``D`` meta-analyses with up to ``k`` studies each is held as ``(D, k)`` arrays of
effect sizes ``y`` and sampling variances ``v`` plus a 0/1 ``mask`` for the studies that exist
(shorter meta-analyses are padded with ``y = 0``, ``v = 1``, ``mask = 0``). Moderators, when
there are any, are a ``(D, k, p)`` design matrix ``X``; without them the model is intercept only.
One meta-analysis is simply a batch of one, so a single fit and a batch fit run the same code.

The weighted least-squares quantities below are those of metafor's ``rma.uni`` written without
k×k matrices. With ``W = diag(w)`` and ``P = W - W X (X'WX)^-1 X'W``:

* ``y'Py = Σ w (y - Xb)²`` (the weighted residual sum of squares),
* ``tr P = Σ w - tr[(X'WX)^-1 X'W²X]``,
* ``y'PPy = Σ w² (y - Xb)²``,
* ``tr PP = Σ w² - 2 tr[(X'WX)^-1 X'W³X] + tr[((X'WX)^-1 X'W²X)²]``,

so a fit costs O(k p²) per meta-analysis instead of O(k³).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Lanes:
    """``D`` meta-analyses padded to a common number of studies (see the module docstring)."""

    y: FloatArray
    v: FloatArray
    mask: FloatArray
    X: FloatArray | None = None

    @property
    def k(self) -> FloatArray:
        """Number of studies in each meta-analysis."""
        return np.asarray(self.mask.sum(axis=1), dtype=float)

    @property
    def p(self) -> int:
        """Number of fixed-effect coefficients (1 for an intercept-only model)."""
        return 1 if self.X is None else int(self.X.shape[2])

    @property
    def n_lanes(self) -> int:
        return int(self.y.shape[0])

    def take(self, idx: NDArray[np.intp]) -> Lanes:
        """The meta-analyses numbered ``idx``."""
        return Lanes(
            self.y[idx], self.v[idx], self.mask[idx], None if self.X is None else self.X[idx]
        )

    def centred(self) -> Lanes:
        """The same lanes with ``y`` centred on its unweighted mean, as metafor's ``Ymc``.

        metafor estimates tau² from centred outcomes; with an intercept in the model the
        estimates are unchanged in exact arithmetic, and centring keeps the rounding the same.
        """
        mean = (self.y * self.mask).sum(axis=1) / self.k
        return Lanes((self.y - mean[:, None]) * self.mask, self.v, self.mask, self.X)

    # -- weighted least squares ----------------------------------------------------------

    def xtax(self, a: FloatArray) -> FloatArray:
        """``X' diag(a) X`` for each lane, shape ``(D, p, p)``; ``a`` is already masked."""
        if self.X is None:
            return np.asarray(a.sum(axis=1)[:, None, None])
        return np.asarray(np.einsum("dk,dkp,dkq->dpq", a, self.X, self.X))

    def xtay(self, a: FloatArray, y: FloatArray) -> FloatArray:
        """``X' diag(a) y`` for each lane, shape ``(D, p)``."""
        if self.X is None:
            return np.asarray((a * y).sum(axis=1)[:, None])
        return np.asarray(np.einsum("dk,dkp,dk->dp", a, self.X, y))

    def fitted(self, beta: FloatArray) -> FloatArray:
        """``X b`` for each lane, shape ``(D, k)`` (``(D, 1)`` for intercept-only models)."""
        if self.X is None:
            return beta[:, :1]
        return np.asarray(np.einsum("dkp,dp->dk", self.X, beta))

    def wls(self, w: FloatArray, y: FloatArray | None = None) -> Fit:
        """Weighted least squares with weights ``w`` (masked): coefficients and residuals."""
        y = self.y if y is None else y
        inv = inverse(self.xtax(w))
        if self.X is None:
            beta = inv[:, :, 0] * self.xtay(w, y)
        else:
            beta = np.einsum("dpq,dq->dp", inv, self.xtay(w, y))
        resid = (y - self.fitted(beta)) * self.mask
        return Fit(w=w, inv=inv, beta=beta, resid=resid, lanes=self)


@dataclass(frozen=True)
class Fit:
    """One weighted least-squares fit per lane and the traces tau² estimators need."""

    w: FloatArray
    inv: FloatArray
    beta: FloatArray
    resid: FloatArray
    lanes: Lanes

    @property
    def rss(self) -> FloatArray:
        """``y'Py``: the weighted residual sum of squares."""
        return np.asarray((self.w * self.resid**2).sum(axis=1))

    def tr_inv(self, a: FloatArray) -> FloatArray:
        """``tr[(X'WX)^-1 X' diag(a) X]``."""
        if self.lanes.X is None:
            return np.asarray(self.inv[:, 0, 0] * a.sum(axis=1))
        return np.asarray(np.einsum("dpq,dqp->d", self.inv, self.lanes.xtax(a)))

    @property
    def tr_p(self) -> FloatArray:
        """``tr P``."""
        return np.asarray(self.w.sum(axis=1) - self.tr_inv(self.w**2))

    @property
    def ypp_y(self) -> FloatArray:
        """``y'PPy``."""
        return np.asarray((self.w**2 * self.resid**2).sum(axis=1))

    @property
    def tr_pp(self) -> FloatArray:
        """``tr PP``."""
        w2 = self.w**2
        if self.lanes.X is None:
            s = self.inv[:, 0, 0]
            return np.asarray(
                w2.sum(axis=1) - 2.0 * s * (w2 * self.w).sum(axis=1) + (s * w2.sum(axis=1)) ** 2
            )
        m = np.einsum("dpq,dqr->dpr", self.inv, self.lanes.xtax(w2))
        return np.asarray(
            w2.sum(axis=1) - 2.0 * self.tr_inv(w2 * self.w) + np.einsum("dpq,dqp->d", m, m)
        )

    def logdet_xtwx(self) -> FloatArray:
        """``log det(X'WX)``, from the inverse already at hand."""
        if self.lanes.X is None:
            return np.asarray(-np.log(self.inv[:, 0, 0]))
        _, logdet = np.linalg.slogdet(self.inv)
        return np.asarray(-logdet)


def inverse(a: FloatArray) -> FloatArray:
    """Inverse of a stack of small symmetric matrices; closed forms for p = 1 and p = 2."""
    p = a.shape[1]
    if p == 1:
        return 1.0 / a
    if p == 2:
        det = a[:, 0, 0] * a[:, 1, 1] - a[:, 0, 1] * a[:, 1, 0]
        out = np.empty_like(a)
        out[:, 0, 0] = a[:, 1, 1] / det
        out[:, 1, 1] = a[:, 0, 0] / det
        out[:, 0, 1] = -a[:, 0, 1] / det
        out[:, 1, 0] = -a[:, 1, 0] / det
        return out
    return np.asarray(np.linalg.inv(a))


def pad(groups: list[tuple[FloatArray, FloatArray]]) -> Lanes:
    """Stack meta-analyses of different sizes into padded lanes (intercept-only)."""
    d = len(groups)
    sizes = np.fromiter((len(y) for y, _ in groups), dtype=np.intp, count=d)
    if d == 0 or not sizes.any():
        width = int(sizes.max()) if d else 0
        return Lanes(np.zeros((d, width)), np.ones((d, width)), np.zeros((d, width)))
    y = np.concatenate([np.asarray(g[0], dtype=float) for g in groups])
    v = np.concatenate([np.asarray(g[1], dtype=float) for g in groups])
    return pad_ragged(y, v, np.cumsum(sizes) - sizes, sizes, np.arange(d))


def pad_ragged(
    y: FloatArray, v: FloatArray, starts: NDArray[np.intp], sizes: NDArray[np.intp],
    idx: NDArray[np.intp],
) -> Lanes:  # fmt: skip
    """Padded lanes for the meta-analyses numbered ``idx`` of a ragged batch: meta-analysis
    ``i`` is ``y[starts[i] : starts[i] + sizes[i]]`` (and the same of ``v``)."""
    d = idx.size
    n = sizes[idx]
    width = int(n.max()) if d else 0
    yp = np.zeros((d, width))
    vp = np.ones((d, width))
    mask = np.zeros((d, width))
    if d and width:
        # One scatter for all lanes: row r gets its values in columns 0 .. n_r - 1.
        rows = np.repeat(np.arange(d), n)
        first = np.repeat(np.cumsum(n) - n, n)
        cols = np.arange(int(n.sum())) - first
        src = np.repeat(starts[idx], n) + cols
        yp[rows, cols] = y[src]
        vp[rows, cols] = v[src]
        mask[rows, cols] = 1.0
    return Lanes(yp, vp, mask)
