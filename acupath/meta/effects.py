"""Effect sizes and their sampling variances, as metafor's ``escalc`` computes them.

Group 1 is the intervention (acupuncture), group 2 the comparator. Defaults follow metafor
3.8 (the version the golden tests were produced with; see ``tests/meta/golden/README.md``).

Continuous outcomes (``m1i, sd1i, n1i, m2i, sd2i, n2i``):

* ``MD``: ``y = m1 - m2``, ``v = sd1²/n1 + sd2²/n2`` (unequal variances; ``vtype="LS"``).
* ``SMD``: Hedges' g. With the pooled SD ``s = sqrt(((n1-1)sd1² + (n2-1)sd2²)/m)`` and
  ``m = n1 + n2 - 2``, ``g = c(m)(m1 - m2)/s`` with the exact correction
  ``c(m) = Γ(m/2) / (sqrt(m/2) Γ((m-1)/2))``, computed through log-gamma so it does not
  overflow (Hedges 1981); ``v = 1/n1 + 1/n2 + g²/(2(n1 + n2))`` (large-sample, ``vtype="LS"``).
* ``ROM``: log ratio of means ``y = log(m1/m2)``, ``v = sd1²/(n1 m1²) + sd2²/(n2 m2²)``
  (Hedges, Gurevitch & Curtis 1999). metafor 3.8 applies no bias correction; metafor 5.0 made
  a second-order bias correction the default (``correct=TRUE``; metafor 5.1's escalc.r,
  Lajeunesse 2015 eq. 8); ``correct=True`` here applies it:
  ``y = log(m1/m2) + (sd1²/(n1 m1²) - sd2²/(n2 m2²))/2``, with the same variance.

Binary outcomes (``ai, bi, ci, di`` or ``ai, n1i, ci, n2i``; ``bi = n1i - ai``):

* ``RR``: ``y = log(a/n1) - log(c/n2)``, ``v = 1/a - 1/n1 + 1/c - 1/n2``.
* ``OR``: ``y = logit(a/n1) - logit(c/n2)``, ``v = 1/a + 1/b + 1/c + 1/d``.
* ``RD``: ``y = a/n1 - c/n2``, ``v = p1(1-p1)/n1 + p2(1-p2)/n2``.

A study with a zero cell gets 1/2 added to all four cells (``add=1/2, to="only0"``). For RR and
OR a study without events in either group (or with events in every patient of both groups)
tells nothing about the ratio and is dropped with a warning, as ``escalc(drop00=TRUE)``.

Precomputed (``GEN``): ``yi`` with ``vi``, or with ``sei`` (``v = sei²``).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy.special import gammaln

from acupath.errors import InputError
from acupath.meta._choices import choose
from acupath.meta.lanes import FloatArray

MEASURES: tuple[str, ...] = ("MD", "SMD", "ROM", "RR", "OR", "RD", "GEN")
"""Effect measures :func:`escalc` computes."""

CONTINUOUS = ("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i")
BINARY = ("ai", "bi", "ci", "di")
BINARY_N = ("ai", "n1i", "ci", "n2i")

LOG_SCALE = frozenset({"RR", "OR", "ROM"})
"""Measures analysed on the log scale (exponentiate to report ratios)."""


class DroppedStudyWarning(UserWarning):
    """A study was left out of the effect-size table (a double-zero study for RR or OR)."""


@dataclass(frozen=True)
class EffectSizes:
    """Effect sizes ``yi`` and variances ``vi`` for the studies kept.

    ``kept`` are the positions (0-based) of the input rows used, ``dropped`` those left out,
    and ``notes`` says why, one sentence per reason.
    """

    measure: str
    yi: FloatArray
    vi: FloatArray
    kept: tuple[int, ...]
    dropped: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()


def hedges_correction(m: ArrayLike) -> FloatArray:
    """Exact small-sample correction ``c(m) = Γ(m/2) / (sqrt(m/2) Γ((m-1)/2))``; NaN if m ≤ 1."""
    m = np.asarray(m, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.exp(gammaln(m / 2) - np.log(np.sqrt(m / 2)) - gammaln((m - 1) / 2))
    return np.asarray(np.where(m <= 1, np.nan, out))


def required_columns(measure: str) -> tuple[tuple[str, ...], ...]:
    """The alternative sets of columns ``measure`` can be computed from."""
    measure = choose("measure", measure, MEASURES)
    if measure in ("MD", "SMD", "ROM"):
        return (CONTINUOUS,)
    if measure in ("RR", "OR", "RD"):
        return (BINARY, BINARY_N)
    return (("yi", "vi"), ("yi", "sei"))


ZERO_CELL_TO = ("only0", "all", "if0all", "none")
"""Where ``add`` goes, as metafor's ``to``: tables with a zero cell, every table, every table
when any has a zero cell, or nowhere."""


def escalc(
    measure: str,
    data: Mapping[str, Sequence[float] | ArrayLike],
    *,
    correct: bool = False,
    add: float = 0.5,
    to: str = "only0",
    drop00: bool | None = None,
) -> EffectSizes:
    """Compute effect sizes for ``measure`` from the columns in ``data`` (metafor's names).

    ``correct`` applies metafor 5's bias correction to ROM (default off, as metafor 3.8).
    For 2×2 tables, ``add`` is added to the cells of the tables ``to`` selects (see
    :data:`ZERO_CELL_TO`; metafor's arguments of the same names) and ``drop00`` drops tables
    with no events (or only events) in both groups; by default it does so for RR and OR
    (they carry no information on a ratio) and not for RD.
    Raises :class:`InputError` when the columns for ``measure`` are missing or a value is
    impossible (a negative SD or count, a group size below 1, a non-positive mean for ROM).
    """
    measure = choose("measure", measure, MEASURES)
    cols = _pick_columns(measure, data)
    if measure in ("MD", "SMD", "ROM"):
        return _continuous(measure, cols, correct)
    if measure in ("RR", "OR", "RD"):
        to = choose("to", to, ZERO_CELL_TO)
        if not (math.isfinite(add) and add >= 0):
            raise InputError.invalid("add", add, "a number >= 0 added to the cells")
        drop = measure in ("RR", "OR") if drop00 is None else drop00
        return _binary(measure, cols, add, to, drop)
    return _generic(cols)


def _pick_columns(
    measure: str, data: Mapping[str, Sequence[float] | ArrayLike]
) -> dict[str, FloatArray]:
    options = required_columns(measure)
    for names in options:
        if all(n in data for n in names):
            out = {n: np.asarray(data[n], dtype=float).ravel() for n in names}
            sizes = {v.size for v in out.values()}
            if len(sizes) != 1:
                raise InputError.invalid(
                    "columns", sorted(sizes), f"columns {', '.join(names)} of equal length"
                )
            return out
    wanted = " or ".join(",".join(names) for names in options)
    missing = [n for n in options[0] if n not in data]
    raise InputError.invalid(
        missing[0] if missing else "columns",
        "missing",
        f"present for measure {measure} (columns {wanted})",
    )


def _row_error(name: str, values: FloatArray, bad: np.ndarray, allowed: str) -> None:
    rows = np.flatnonzero(bad)
    if rows.size:
        raise InputError.invalid(
            name, float(values[rows[0]]), allowed, location=f"study {rows[0] + 1}"
        )


def _continuous(measure: str, c: dict[str, FloatArray], correct: bool) -> EffectSizes:
    m1, sd1, n1, m2, sd2, n2 = (c[n] for n in CONTINUOUS)
    for name in ("sd1i", "sd2i"):
        _row_error(name, c[name], ~(c[name] >= 0), "a standard deviation >= 0")
    for name in ("n1i", "n2i"):
        _row_error(name, c[name], ~(c[name] >= 1), "a group size >= 1")
    if measure == "MD":
        yi = m1 - m2
        vi = sd1**2 / n1 + sd2**2 / n2
    elif measure == "SMD":
        _row_error("n1i", n1 + n2, ~(n1 + n2 > 3), "group sizes with n1i + n2i > 3")
        mi = n1 + n2 - 2
        sdp = np.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / mi)
        yi = hedges_correction(mi) * (m1 - m2) / sdp
        vi = 1 / n1 + 1 / n2 + yi**2 / (2 * (n1 + n2))
    else:  # ROM
        _row_error("m1i", m1, ~(m1 > 0), "a positive mean for the ratio of means (ROM)")
        _row_error("m2i", m2, ~(m2 > 0), "a positive mean for the ratio of means (ROM)")
        yi = np.log(m1 / m2)
        vi = sd1**2 / (n1 * m1**2) + sd2**2 / (n2 * m2**2)
        if correct:
            yi = np.log(m1 / m2) + 0.5 * (sd1**2 / (n1 * m1**2) - sd2**2 / (n2 * m2**2))
    return EffectSizes(measure, yi, vi, tuple(range(yi.size)))


def _binary(
    measure: str, c: dict[str, FloatArray], add: float, to: str, drop00: bool
) -> EffectSizes:
    ai, ci = c["ai"], c["ci"]
    if "bi" in c:
        bi, di = c["bi"], c["di"]
    else:
        for name, n, x in (("ai", c["n1i"], ai), ("ci", c["n2i"], ci)):
            _row_error(name, x, x > n, f"a count no larger than {'n1i' if name == 'ai' else 'n2i'}")
        bi, di = c["n1i"] - ai, c["n2i"] - ci
    for name, x in (("ai", ai), ("bi", bi), ("ci", ci), ("di", di)):
        _row_error(name, x, ~(x >= 0), "a count >= 0")
    for name, n in (("n1i", ai + bi), ("n2i", ci + di)):
        _row_error(name, n, ~(n >= 1), "a group size >= 1")
    keep = np.ones(ai.size, dtype=bool)
    notes: list[str] = []
    if drop00:
        double = ((ai == 0) & (ci == 0)) | ((bi == 0) & (di == 0))
        if double.any():
            keep = ~double
            which = ", ".join(str(i + 1) for i in np.flatnonzero(double))
            note = (
                f"dropped {int(double.sum())} of {ai.size} studies (rows {which}) with no events "
                f"(or only events) in both groups: they carry no information on the {measure}"
            )
            notes.append(note)
            warnings.warn(note, DroppedStudyWarning, stacklevel=3)
    a, b, cc, d = (x[keep].copy() for x in (ai, bi, ci, di))
    zero = (a == 0) | (b == 0) | (cc == 0) | (d == 0)
    target = {"only0": zero, "all": np.ones_like(zero), "none": np.zeros_like(zero)}.get(
        to, np.full_like(zero, zero.any())
    )
    if add > 0 and target.any():
        for x in (a, b, cc, d):
            x[target] += add
        what = "1/2" if add == 0.5 else f"{add:g}"
        which = "with a zero cell" if to == "only0" else "(every table)"
        notes.append(f"added {what} to every cell of {int(target.sum())} studies {which}")
    n1, n2 = a + b, cc + d
    p1, p2 = a / n1, cc / n2
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "RR":
            yi = np.log(p1) - np.log(p2)
            vi = 1 / a - 1 / n1 + 1 / cc - 1 / n2
        elif measure == "OR":
            yi = np.log(p1 / (1 - p1)) - np.log(p2 / (1 - p2))
            vi = 1 / a + 1 / b + 1 / cc + 1 / d
        else:
            yi = p1 - p2
            vi = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2
    finite = np.isfinite(yi) & np.isfinite(vi) & (vi > 0)
    if not finite.all():
        # A zero cell left without a correction (to="none" or add=0): the log of 0 is not a
        # number, so metafor sets these effect sizes to NA and leaves the studies out.
        where = np.flatnonzero(keep)
        gone = where[~finite]
        keep[gone] = False
        yi, vi = yi[finite], vi[finite]
        notes.append(
            f"left out {gone.size} studies (rows {', '.join(str(i + 1) for i in gone)}) whose "
            f"{measure} is not defined without a zero-cell correction"
        )
    kept = tuple(int(i) for i in np.flatnonzero(keep))
    dropped = tuple(int(i) for i in np.flatnonzero(~keep))
    return EffectSizes(measure, yi, vi, kept, dropped, tuple(notes))


def _generic(c: dict[str, FloatArray]) -> EffectSizes:
    yi = c["yi"]
    if "vi" in c:
        vi = c["vi"]
        _row_error("vi", vi, ~(vi > 0), "a sampling variance > 0")
    else:
        sei = c["sei"]
        _row_error("sei", sei, ~(sei > 0), "a standard error > 0")
        vi = sei**2
    return EffectSizes("GEN", yi, vi, tuple(range(yi.size)))
