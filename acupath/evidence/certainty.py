"""acupath's own GRADE rating of a published finding, from explicit domains.

A wrapper around :mod:`acupath.meta.grade` (which rates a pooled result acupath computed) for
results read in a paper: the published estimate, confidence interval, I², number of studies and
participants stand in for the pooled result, and the same rules rate two domains from the data:

* **Inconsistency** from I²: :func:`acupath.meta.grade.rate_inconsistency` below 50%; at 50%
  or more, one level down, because a published result rarely reports the prediction interval
  that the helper uses to spare heterogeneous results agreeing in direction. A single study
  cannot be inconsistent.
* **Imprecision** from the CI and the optimal information size:
  :func:`acupath.meta.grade.rate_imprecision`. For standardised and mean differences the OIS is
  that of a trial powered (80%, two-sided 5%) to detect 0.2 SD, the size of effect acupuncture
  shows against sham (Vickers 2018), i.e. :data:`OIS_CONTINUOUS` participants. Ratios are
  judged on the log scale; for binary outcomes the OIS needs a control risk the finding does not
  carry, so only the CI is used and the reason says so.

The three other domains are the reviewer's judgements, each with its reason: risk of bias (as
the source assessed it, or from the design: patient-reported pain in an unblinded comparison is
at serious risk of performance and detection bias), indirectness, and publication bias (as the
source tested it; with fewer than ten studies no test is informative). Randomised evidence
starts at high (``start='high'``); observational at low.

The stored domains are checked against these rules by the evidence tests, so a changed number
that would change a data-driven domain fails loudly instead of leaving a stale rating.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from acupath.evidence.schemas import GRADE_LEVELS, DomainJudgement, Finding
from acupath.meta.grade import (
    optimal_information_size_continuous,
    rate_imprecision,
    rate_inconsistency,
)
from acupath.meta.pool import PooledEstimate

OIS_SMD = 0.2
"""The standardised difference the optimal information size is computed for (see above)."""
OIS_CONTINUOUS = optimal_information_size_continuous(OIS_SMD)
RATIOS = ("RR", "OR", "HR")


@dataclass(frozen=True)
class Judgement:
    """A reviewer's judgement of one domain: levels rated down (0, 1, 2) and why."""

    downgrade: int
    reason: str


def _stand_in(f: Finding, lo: float, hi: float) -> PooledEstimate:
    """The published result dressed as a pooled estimate, on the analysis scale."""
    est = f.estimate if f.estimate is not None else (lo + hi) / 2
    if f.measure in RATIOS:
        est, lo, hi = math.log(est), math.log(lo), math.log(hi)
    se = (hi - lo) / (2 * 1.959964)
    k = f.n_studies or 1
    return PooledEstimate(
        k=k,
        method="published",
        test="z",
        level=f.ci_level,
        estimate=est,
        se=se,
        statistic=est / se if se else 0.0,
        pval=float("nan"),
        ci_lower=lo,
        ci_upper=hi,
        df=None,
        tau2=0.0,
        tau2_ci_lower=None,
        tau2_ci_upper=None,
        i2=f.i2 if f.i2 is not None else 0.0,
        h2=1.0,
        q=0.0,
        q_df=max(k - 1, 0),
        q_pval=float("nan"),
        pi_lower=None,
        pi_upper=None,
        studies=(),
    )


def inconsistency(f: Finding) -> DomainJudgement | None:
    """The inconsistency domain from the finding's own numbers, or ``None`` if they are missing."""
    k = f.n_studies or 1
    if k == 1 and f.n_studies is not None:
        return DomainJudgement(
            domain="inconsistency",
            downgrade=0,
            reason="Not rated down: a single study cannot be inconsistent.",
            from_data=True,
        )
    if f.i2 is None or f.ci_lower is None or f.ci_upper is None:
        return None
    if f.i2 >= 50:
        # A paper rarely reports the prediction interval the helper would use to spare a
        # heterogeneous result whose effects agree in direction; without it, I² of 50% or
        # more (substantial, Cochrane Handbook 10.10.2) rates down one level.
        return DomainJudgement(
            domain="inconsistency",
            downgrade=1,
            reason=f"Rated down one level: I² is {f.i2:g}% (substantial heterogeneity) and no "
            "prediction interval was reported to show the trials agree in direction.",
            from_data=True,
        )
    rated = rate_inconsistency(_stand_in(f, f.ci_lower, f.ci_upper))
    return DomainJudgement(
        domain="inconsistency", downgrade=rated.downgrade, reason=rated.reason, from_data=True
    )


def imprecision(f: Finding) -> DomainJudgement | None:
    """The imprecision domain from the CI (and the OIS for continuous measures), or ``None``."""
    if f.ci_lower is None or f.ci_upper is None or f.measure not in ("SMD", "MD", *RATIOS, "RD"):
        return None
    continuous = f.measure in ("SMD", "MD")
    ois = OIS_CONTINUOUS if continuous and f.n_participants is not None else None
    rated = rate_imprecision(
        _stand_in(f, f.ci_lower, f.ci_upper),
        participants=f.n_participants if ois else None,
        ois=ois,
    )
    reason = rated.reason
    if continuous and f.n_participants is None:
        reason = reason.rstrip(".") + "; participants not reported, so the OIS was not checked."
    elif not continuous:
        reason = reason.rstrip(".") + "; OIS not checked (no control risk recorded)."
    return DomainJudgement(
        domain="imprecision", downgrade=rated.downgrade, reason=reason, from_data=True
    )


def rate(
    f: Finding,
    *,
    risk_of_bias: Judgement,
    indirectness: Judgement,
    publication_bias: Judgement,
    inconsistency_judged: Judgement | None = None,
    imprecision_judged: Judgement | None = None,
    start: str = "high",
) -> dict[str, Any]:
    """acupath's rating of ``f``: the certainty fields to store on the finding.

    The data decide inconsistency and imprecision when the finding carries the numbers;
    otherwise the reviewer's ``inconsistency_judged`` / ``imprecision_judged`` are required.
    """
    domains: list[DomainJudgement] = [
        DomainJudgement(
            domain="risk_of_bias", downgrade=risk_of_bias.downgrade, reason=risk_of_bias.reason
        ),
    ]
    inc = inconsistency(f)
    if inc is None:
        if inconsistency_judged is None:
            raise ValueError(f"{f.id}: inconsistency needs a judgement (no I² or CI)")
        inc = DomainJudgement(
            domain="inconsistency",
            downgrade=inconsistency_judged.downgrade,
            reason=inconsistency_judged.reason,
        )
    domains.append(inc)
    domains.append(
        DomainJudgement(
            domain="indirectness", downgrade=indirectness.downgrade, reason=indirectness.reason
        )
    )
    imp = imprecision(f)
    if imp is None:
        if imprecision_judged is None:
            raise ValueError(f"{f.id}: imprecision needs a judgement (no CI)")
        imp = DomainJudgement(
            domain="imprecision",
            downgrade=imprecision_judged.downgrade,
            reason=imprecision_judged.reason,
        )
    domains.append(imp)
    domains.append(
        DomainJudgement(
            domain="publication_bias",
            downgrade=publication_bias.downgrade,
            reason=publication_bias.reason,
        )
    )
    level = max(0, GRADE_LEVELS.index(start) - sum(d.downgrade for d in domains))
    return {
        "certainty": GRADE_LEVELS[level],
        "certainty_basis": "acupath",
        "certainty_start": start,
        "certainty_domains": [d.model_dump() for d in domains],
    }


def stale_domains(f: Finding) -> list[str]:
    """Data-driven domains whose stored downgrade no longer follows from the finding's numbers."""
    if f.certainty_basis != "acupath":
        return []
    fresh = {"inconsistency": inconsistency(f), "imprecision": imprecision(f)}
    out: list[str] = []
    for d in f.certainty_domains:
        now = fresh.get(d.domain)
        if d.from_data and (now is None or now.downgrade != d.downgrade):
            out.append(d.domain)
    return out
