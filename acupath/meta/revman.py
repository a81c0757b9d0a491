"""RevMan's conventions where they differ from metafor's defaults (``acupath meta --revman``).

* **Knapp–Hartung with the ad hoc correction** for the pooled estimate: the variance factor
  ``max(1, Σw(y - μ̂)²/(k - 1))``, t on ``k - 1`` df (:data:`acupath.meta.fit.TESTS`, ``adhoc``;
  metafor's ``test = "adhoc"``).
* **Prediction interval on t with k - 2 df** (Higgins, Thompson & Spiegelhalter 2009):
  ``μ̂ ± t_{k-2} sqrt(SE(μ̂)² + τ̂²)``, undefined for fewer than 3 studies. metafor's default
  ``predict`` uses the test's own quantile (normal, or t on k - 1 df).
* **I² from Q** (Higgins & Thompson 2002): ``I² = max(0, (Q - df)/Q)`` with ``df = k - 1``,
  whatever the tau² estimator (metafor: ``τ̂²/(τ̂² + ṽ)``, which depends on the estimator), and
  its test-based interval from ``H = sqrt(Q/df)``::

      SE(ln H) = ½ (ln Q - ln df) / (sqrt(2Q) - sqrt(2k - 3))      if Q > k
      SE(ln H) = sqrt(1/(2(k - 2)) · (1 - 1/(3(k - 2)²)))          if Q ≤ k

  ``H`` bounds ``exp(ln H ± z SE)``, truncated below at 1, and ``I² = (H² - 1)/H²`` at each.
* **RevMan's SMD** (Hedges' adjusted g as RevMan 5 computes it, Deeks & Higgins):
  ``g = (m1 - m2)/s · (1 - 3/(4N - 9))`` with the pooled SD ``s`` and ``N = n1 + n2``, and
  ``SE² = N/(n1 n2) + g²/(2(N - 3.94))``; metafor's ``escalc("SMD")`` uses the exact
  correction factor and ``1/n1 + 1/n2 + g²/(2N)``.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special

from acupath.meta.lanes import FloatArray


def revman_smd(
    m1: FloatArray, sd1: FloatArray, n1: FloatArray, m2: FloatArray, sd2: FloatArray, n2: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """RevMan 5's standardised mean difference and its variance (see the module docstring)."""
    n = n1 + n2
    s = np.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / (n - 2))
    g = (m1 - m2) / s * (1 - 3 / (4 * n - 9))
    v = n / (n1 * n2) + g**2 / (2 * (n - 3.94))
    return g, v


def i2_interval(q: float, k: int, level: float = 0.95) -> tuple[float, float, float]:
    """``(I², lower, upper)`` in percent from Cochran's Q on ``k - 1`` df (see above);
    NaN bounds for fewer than 3 studies."""
    df = k - 1
    if df < 1:
        return 0.0, math.nan, math.nan
    i2 = max(0.0, 100.0 * (q - df) / q) if q > 0 else 0.0
    if k < 3 or q <= 0:
        return i2, math.nan, math.nan
    if q > k:
        se = 0.5 * (math.log(q) - math.log(df)) / (math.sqrt(2 * q) - math.sqrt(2 * k - 3))
    else:
        se = math.sqrt(1 / (2 * (k - 2)) * (1 - 1 / (3 * (k - 2) ** 2)))
    z = -float(special.ndtri((1 - level) / 2))
    ln_h = 0.5 * math.log(q / df)
    h_lo = max(1.0, math.exp(ln_h - z * se))
    h_hi = max(1.0, math.exp(ln_h + z * se))
    return i2, 100.0 * (h_lo**2 - 1) / h_lo**2, 100.0 * (h_hi**2 - 1) / h_hi**2


def prediction_interval(
    estimate: float, se: float, tau2: float, k: int, level: float = 0.95
) -> tuple[float | None, float | None]:
    """``μ̂ ± t_{k-2} sqrt(SE² + τ²)``; ``(None, None)`` for fewer than 3 studies."""
    if k < 3:
        return None, None
    t = float(special.stdtrit(k - 2, 1 - (1 - level) / 2))
    half = t * math.sqrt(se * se + tau2)
    return estimate - half, estimate + half
