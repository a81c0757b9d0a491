"""The GRADE helper: each domain's rule and its one-sentence explanation."""

from __future__ import annotations

import math

import pytest

from acupath.errors import InputError
from acupath.meta import pool, regtest, trimfill
from acupath.meta.grade import (
    grade,
    optimal_information_size_binary,
    optimal_information_size_continuous,
    rate_imprecision,
    rate_inconsistency,
    rate_publication_bias,
)

CONSISTENT = pool([-0.5, -0.45, -0.55, -0.5, -0.52], [0.01, 0.012, 0.011, 0.01, 0.013])
SPREAD = pool([-1.2, 0.3, -0.9, 0.6, -0.1, -1.5], [0.02, 0.03, 0.02, 0.04, 0.03, 0.02])


def test_consistent_precise_trials_stay_high() -> None:
    cert = grade(CONSISTENT, risk_of_bias=0, indirectness=0, mid=0.2)
    assert cert.start == "high" and cert.level == "high" and cert.downgrades == 0
    assert "Not rated down in any domain" in cert.explanation()


def test_heterogeneous_trials_are_rated_down_with_reasons() -> None:
    inc = rate_inconsistency(SPREAD, mid=0.2)
    assert SPREAD.i2 > 75 and inc.downgrade == 2
    assert "I² is" in inc.reason and "both directions" in inc.reason
    imp = rate_imprecision(SPREAD)
    assert imp.downgrade == 1 and "crosses no effect" in imp.reason
    cert = grade(SPREAD, risk_of_bias=1, indirectness=0, risk_of_bias_reason="unblinded trials",
                 mid=0.2)  # fmt: skip
    assert cert.level == "very_low"
    text = cert.explanation()
    assert "Risk of bias: rated down 1 level (serious) by the reviewer: unblinded trials." in text
    assert text.count(".") >= 3


def test_information_size() -> None:
    assert optimal_information_size_continuous(0.5) == 126  # 63 per arm for SMD 0.5
    assert optimal_information_size_binary(0.2, rrr=0.25) > 1000
    low = rate_imprecision(CONSISTENT, participants=300, ois=1000)
    assert low.downgrade == 2 and "optimal information size of 1000" in low.reason
    with pytest.raises(InputError):
        optimal_information_size_continuous(0)


def test_publication_bias_needs_ten_studies() -> None:
    few = rate_publication_bias(CONSISTENT)
    assert few.downgrade == 0 and "only 5 studies" in few.reason
    y = [-0.1 - 0.12 * i for i in range(12)]
    v = [0.002 * (i + 1) ** 2 for i in range(12)]  # smaller studies, larger effects
    res = pool(y, v, "REML")
    rated = rate_publication_bias(res, regtest(y, v), trimfill(y, v))
    assert rated.downgrade == 1 and "Egger's test" in rated.reason


def test_judged_domains_are_validated() -> None:
    with pytest.raises(InputError, match="risk_of_bias"):
        grade(CONSISTENT, risk_of_bias=3, indirectness=0)
    with pytest.raises(InputError, match="mid"):
        grade(CONSISTENT, risk_of_bias=0, indirectness=0, mid=-math.log(1.25))
    obs = grade(CONSISTENT, risk_of_bias=0, indirectness=0, design="observational")
    assert obs.start == "low" and obs.level == "low"
