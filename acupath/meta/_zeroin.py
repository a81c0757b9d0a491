"""Brent's root finder exactly as R's ``uniroot`` runs it, for many roots at once.

metafor solves the Paule–Mandel equation and the bounds of the Q-profile interval for tau²
with ``uniroot(tol = .Machine$double.eps^0.25)``, a tolerance of about 1.2e-4. A root found to
machine precision therefore differs from metafor's by up to that much; to agree with metafor to
1e-6 we repeat its search step for step: Brent's ``zeroin`` (Brent 1973, ch. 4) in the form R
ships (``R_zeroin2``), with the same tolerance, the same stopping rule and the same iteration
limit. The search runs for a whole batch of problems at once: each lane keeps its own bracket and
stops on its own; ``f`` is asked only for the lanes still searching.

Reference: Brent RP (1973). Algorithms for Minimization without Derivatives, ch. 4.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]

R_TOL = float(np.finfo(float).eps ** 0.25)
"""R's default ``uniroot`` tolerance, ``.Machine$double.eps^0.25``."""

QP_RTOL = 1e-10
"""Relative tolerance of the Q-profile bounds for tau². R's absolute ``uniroot`` tolerance
(1.2e-4) leaves small bounds off by percents (dat.bcg, risk difference: metafor's lower bound
0.000699 against the exact 0.000685); a relative tolerance keeps every bound exact to about
ten digits whatever its size. The golden files compute the bounds with
``confint(fit, control = list(tol = 1e-14))``, i.e. exactly."""

_EPS = float(np.finfo(float).eps)


def zeroin(
    f: Callable[[FloatArray, IntArray], FloatArray],
    lower: FloatArray,
    upper: FloatArray,
    f_lower: FloatArray,
    f_upper: FloatArray,
    *,
    tol: float = R_TOL,
    rtol: float = 0.0,
    maxiter: int = 1000,
) -> tuple[FloatArray, NDArray[np.bool_]]:
    """Find a root of ``f`` in ``[lower, upper]`` for every lane.

    The search stops when the bracket is narrower than ``2 eps |b| + (tol + rtol |b|) / 2``:
    ``tol`` is R's absolute tolerance, ``rtol`` an optional relative one (R has none; pass
    ``tol=0`` with ``rtol > 0`` for a purely relative stopping rule).

    ``f(x, lanes)`` returns the function at ``x`` for the lanes numbered ``lanes``. Every lane
    must bracket a root (``f_lower`` and ``f_upper`` of opposite sign, or one of them zero).
    Returns the roots and whether each lane converged within ``maxiter`` steps.
    """
    a = np.array(lower, dtype=float)
    b = np.array(upper, dtype=float)
    fa = np.array(f_lower, dtype=float)
    fb = np.array(f_upper, dtype=float)
    c = a.copy()
    fc = fa.copy()
    n = a.shape[0]
    root = np.full(n, np.nan)
    converged = np.zeros(n, dtype=bool)
    # A root exactly at an end point ends the search before it starts.
    at_a = fa == 0.0
    root[at_a] = a[at_a]
    converged[at_a] = True
    at_b = (fb == 0.0) & ~at_a
    root[at_b] = b[at_b]
    converged[at_b] = True
    active = np.flatnonzero(~converged)
    a, b, c, fa, fb, fc = (arr[active] for arr in (a, b, c, fa, fb, fc))
    for _ in range(maxiter + 1):
        if active.size == 0:
            break
        prev_step = b - a
        swap = np.abs(fc) < np.abs(fb)
        if swap.any():
            a = np.where(swap, b, a)
            b = np.where(swap, c, b)
            c = np.where(swap, a, c)
            fa = np.where(swap, fb, fa)
            fb = np.where(swap, fc, fb)
            fc = np.where(swap, fa, fc)
        tol_act = 2.0 * _EPS * np.abs(b) + (tol + rtol * np.abs(b)) / 2.0
        new_step = (c - b) / 2.0
        done = (np.abs(new_step) <= tol_act) | (fb == 0.0)
        if done.any():
            root[active[done]] = b[done]
            converged[active[done]] = True
            keep = ~done
            active = active[keep]
            a, b, c, fa, fb, fc = (arr[keep] for arr in (a, b, c, fa, fb, fc))
            prev_step, tol_act, new_step = prev_step[keep], tol_act[keep], new_step[keep]
            if active.size == 0:
                break
        # Try inverse quadratic (or secant) interpolation where the last step was large
        # enough and went the right way; otherwise keep the bisection step.
        try_interp = (np.abs(prev_step) >= tol_act) & (np.abs(fa) > np.abs(fb))
        if try_interp.any():
            with np.errstate(divide="ignore", invalid="ignore"):
                cb = c - b
                secant = a == c
                t1s = fb / fa
                p_sec = cb * t1s
                q_sec = 1.0 - t1s
                qq = fa / fc
                t1 = fb / fc
                t2 = fb / fa
                p_iqi = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1.0))
                q_iqi = (qq - 1.0) * (t1 - 1.0) * (t2 - 1.0)
                p = np.where(secant, p_sec, p_iqi)
                q = np.where(secant, q_sec, q_iqi)
                q = np.where(p > 0.0, -q, q)
                p = np.abs(p)
                accept = (
                    try_interp
                    & (p < (0.75 * cb * q - np.abs(tol_act * q) / 2.0))
                    & (p < np.abs(prev_step * q / 2.0))
                )
                new_step = np.where(accept, p / q, new_step)
        small = np.abs(new_step) < tol_act
        new_step = np.where(small, np.where(new_step > 0.0, tol_act, -tol_act), new_step)
        a = b
        fa = fb
        b = b + new_step
        fb = np.asarray(f(b, active), dtype=float)
        same_side = ((fb > 0.0) & (fc > 0.0)) | ((fb < 0.0) & (fc < 0.0))
        c = np.where(same_side, a, c)
        fc = np.where(same_side, fa, fc)
    # Lanes still searching after maxiter steps: R returns the last b with a warning.
    root[active] = b
    return root, converged
