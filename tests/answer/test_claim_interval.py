"""A claimed figure that differs from a finding's estimate but lies within its confidence
interval is not refuted by that finding (claim rule 5)."""

from __future__ import annotations

from acupath.answer.claim_efficacy import _within_interval
from acupath.answer.claims import Quantity
from acupath.evidence.loader import bundled_base


def _interval_findings():  # type: ignore[no-untyped-def]
    for f in bundled_base().findings.values():
        if f.ci_lower is not None and f.ci_upper is not None and f.estimate is not None:
            yield f


def test_inside_and_outside_the_interval() -> None:
    checked = 0
    for f in _interval_findings():
        low, high = sorted((f.ci_lower, f.ci_upper))
        if low <= 0 <= high or high - low < 0.01:
            continue
        small, large = sorted((abs(low), abs(high)))
        inside = (small + large) / 2
        outside = 2 * large + 0.1  # beyond the interval's far end, whatever its sign
        for sign in (1, -1):  # the sign of a claimed figure is ignored, as when matching
            assert _within_interval(Quantity(value=sign * inside, text=f"{inside:.3f}"), f), f.id
            assert not _within_interval(Quantity(value=sign * outside, text=f"{outside:.3f}"), f)
        checked += 1
    assert checked > 50


def test_an_interval_spanning_zero_is_read_on_the_signed_scale() -> None:
    f = next(f for f in _interval_findings() if f.ci_lower < 0 < f.ci_upper)
    assert _within_interval(Quantity(value=f.ci_upper / 2, text="x"), f)
    assert not _within_interval(Quantity(value=abs(f.ci_lower) + abs(f.ci_upper) + 1, text="x"), f)


def test_a_percentage_is_never_read_against_an_interval() -> None:
    f = next(iter(_interval_findings()))
    assert not _within_interval(Quantity(value=f.estimate or 0.0, text="5%", percent=True), f)
