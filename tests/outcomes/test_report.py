"""Clinic report, statistics, rule sources and plots."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acupath.errors import InputError
from acupath.evidence.loader import bundled_base
from acupath.outcomes import CourseOutcome, classify, clinic_report, mean_ci, rates, wilson
from acupath.outcomes import benchmarks as bm
from acupath.outcomes.patient import CourseData, patient_report
from acupath.outcomes.plots import clinic_figure, save, trajectory_figure
from acupath.outcomes.response import ScorePoint
from acupath.outcomes.rules import check_sources
from acupath.outcomes.stats import poisson_rate


def test_wilson_interval_known_values() -> None:
    # 5 of 10: Wilson 95% interval 0.2366 to 0.7634 (Newcombe 1998, method 3).
    e = wilson(5, 10)
    assert e.estimate == 0.5
    assert e.ci_lower == pytest.approx(0.2366, abs=1e-4)
    assert e.ci_upper == pytest.approx(0.7634, abs=1e-4)
    assert wilson(0, 10).ci_lower == 0.0
    assert wilson(0, 0).estimate is None


def test_mean_and_poisson_intervals() -> None:
    m = mean_ci([1.0, 2.0, 3.0, 4.0])
    assert m.estimate == 2.5
    # t(0.975, 3) = 3.182446; sd = 1.290994; half = 2.054270
    assert m.ci_lower == pytest.approx(2.5 - 2.054270, abs=1e-5)
    p = poisson_rate(10, 1000)
    # Exact Poisson interval for 10 events: 4.7954 to 18.3904.
    assert p.ci_lower == pytest.approx(0.0047954, abs=1e-6)
    assert p.ci_upper == pytest.approx(0.0183904, abs=1e-6)


def test_every_rule_source_is_in_the_evidence_base() -> None:
    check_sources(bundled_base())


def _courses() -> list[CourseOutcome]:
    rows = []
    for i, (base, last) in enumerate([(8, 4), (8, 6), (6, 3), (7, 7), (5, None)]):
        rows.append(CourseOutcome(i, i, "chronic_low_back_pain", "manual", base, last, 8))
    rows.append(CourseOutcome(9, 9, "knee_osteoarthritis", "electro", 6, 5, 6))
    return rows


def test_clinic_report_counts_and_benchmarks() -> None:
    ae = rates(sessions=46, patients=6, events=3, sessions_with_event=2, patients_with_event=2)
    report = clinic_report(
        clinic="Test", synthetic=True, courses=_courses(), adverse_events=ae, base=bundled_base()
    )
    lbp = next(g for g in report.by_condition if g.condition == "chronic_low_back_pain")
    assert (lbp.courses, lbp.evaluable) == (5, 4)
    assert lbp.moderate.estimate == 0.5  # 8->4 and 6->3
    assert lbp.substantial.estimate == 0.5
    assert lbp.two_point.estimate == 0.75  # 8->4, 8->6, 6->3
    assert lbp.mean_change.estimate == pytest.approx((-4 - 2 - 3 + 0) / 4)
    assert report.overall.courses == 6
    assert report.notice and "SYNTHETIC" in report.notice
    for cond, items in report.benchmarks.items():
        assert all(b.condition == cond for b in items)
    # Every comparison uses a benchmark on adverse events across conditions.
    assert all(s.benchmark.condition is None for s in report.safety)
    for s in report.safety:
        if s.basis == "patients with an event / patients":
            assert s.clinic_value == pytest.approx(2 / 6)
        if s.basis == "sessions with an event / sessions":
            assert s.clinic_value == pytest.approx(2 / 46)
    assert isinstance(report.as_dict()["adverse_events"]["events_per_10000_sessions"], float)


def test_benchmark_selection_rules() -> None:
    base = bundled_base()
    for cond in base.conditions:
        for b in bm.efficacy_benchmarks(base, cond):
            if b.compare_with == "mean_change":
                assert b.scale is not None and "change" in b.scale.lower()
            if b.compare_with == "responder_rate":
                assert b.measure == "proportion"
    assert bm.per_unit("per 10,000 treatments") == (10000.0, "session")
    assert bm.per_unit("per 1,000 patients") == (1000.0, "patient")
    assert bm.per_unit("points") is None


def test_plots_write_png_and_svg(tmp_path: Path) -> None:
    d = dt.date(2026, 1, 5)
    course = CourseData(
        1,
        "chronic_low_back_pain",
        "manual",
        8,
        4,
        None,
        "active",
        d,
        3,
        0,
        {"nrs": [ScorePoint(d + dt.timedelta(days=7 * k), s) for k, s in enumerate([7, 6, 4, 3])]},
    )
    report = patient_report(
        patient_id=1, reference="R", synthetic=True, sessions_last_year=3, courses=[course]
    )
    assert report.courses[0].response is not None
    assert (
        save(trajectory_figure(report.courses[0], synthetic=True), tmp_path / "t.svg")
        .stat()
        .st_size
    )
    ae = rates(sessions=10, patients=2, events=1, sessions_with_event=1, patients_with_event=1)
    clinic = clinic_report(
        clinic="C", synthetic=False, courses=_courses(), adverse_events=ae, base=bundled_base()
    )
    png = save(clinic_figure(clinic), tmp_path / "c.png")
    assert png.read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(InputError, match=r"png or \.svg"):
        save(clinic_figure(clinic), tmp_path / "c.pdf")


@given(st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10)), min_size=1, max_size=30))
def test_clinic_counts_agree_with_classify(pairs: list[tuple[int, int]]) -> None:
    rows = [CourseOutcome(i, i, "migraine", "manual", b, x, 6) for i, (b, x) in enumerate(pairs)]
    ae = rates(sessions=1, patients=1, events=0, sessions_with_event=0, patients_with_event=0)
    report = clinic_report(
        clinic="C", synthetic=False, courses=rows, adverse_events=ae, base=bundled_base()
    )
    judged = [classify(b, x) for b, x in pairs]
    n = len(pairs)
    g = report.overall
    assert g.moderate.estimate == pytest.approx(
        sum(r.category in ("moderate", "substantial") for r in judged) / n
    )
    assert g.substantial.estimate == pytest.approx(
        sum(r.category == "substantial" for r in judged) / n
    )
    assert g.two_point.estimate == pytest.approx(sum(r.two_point for r in judged) / n)
