"""acupath's RevMan mode against RevMan 5's own random-effects results (issue 17).

The reference numbers are the ones RevMan 5.2.11 saved in the Cochrane review "Antibiotics for
sore throat" (CD000023.pub4): 20 Mantel-Haenszel risk-ratio outcomes analysed with random
effects, 10 of them with subgroups and RevMan's test for subgroup differences; provenance in
``tests/meta/data/revman/README.md``. RevMan stores them as full-precision XML attributes, so
they are compared at ``RTOL`` (1e-9 relative), far below the two decimals RevMan prints, with two
exceptions: RevMan's P values for Chi² and Z come from its own approximations of the chi-square
and normal tails, which differ from the exact tails (SciPy, R) by up to ``P_ATOL``; they are
compared to that absolute tolerance, still 5,000 times finer than the P = 0.xx RevMan prints.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from acupath.cli import main
from acupath.errors import InputError
from acupath.meta import pool
from acupath.meta.mh import RandomMH, TablePool, Tables, mh_random, pool_mh
from tests.meta.conftest import load

DATA = Path(__file__).parent / "data" / "revman"
DOC = load(DATA / "sore_throat_CD000023.json")
RTOL = 1e-9
P_ATOL = 2e-6
"""RevMan's P(Chi²) and P(Z) against the exact tails: seen up to 2.7e-7 and 2.4e-8 apart."""


def _groups() -> Iterator[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """Every pooled result in the file: each outcome (all its studies) and each subgroup."""
    for a in DOC["analyses"]:
        subgroups = a.get("subgroups", [])
        studies = a["studies"] if not subgroups else [s for g in subgroups for s in g["studies"]]
        yield a["id"], a["totals"], studies
        for g in subgroups:
            yield g["id"], g["totals"], g["studies"]


GROUPS = {gid: (totals, studies) for gid, totals, studies in _groups()}
POOLED = [gid for gid, (totals, _) in GROUPS.items() if totals["effect_size"] > 0]
"""RevMan writes zeros for a subgroup it cannot estimate (CMP-004.03.02: no events at all)."""


def tables(studies: list[dict[str, Any]]) -> Tables:
    a = np.array([s["events_1"] for s in studies], dtype=float)
    n1 = np.array([s["total_1"] for s in studies], dtype=float)
    c = np.array([s["events_2"] for s in studies], dtype=float)
    n2 = np.array([s["total_2"] for s in studies], dtype=float)
    return Tables(a, n1 - a, c, n2 - c)


def fit(studies: list[dict[str, Any]], zero_cells: str = "revman") -> tuple[TablePool, RandomMH]:
    fixed = pool_mh("RR", tables(studies), zero_cells=zero_cells)
    return fixed, mh_random(fixed)


def ours_vs_revman(fixed: TablePool, rnd: RandomMH) -> dict[str, float]:
    """acupath's numbers under RevMan's names (RR, its CI and Z on RevMan's scale)."""
    return {
        "effect_size": math.exp(rnd.estimate),
        "ci_start": math.exp(rnd.ci_lower),
        "ci_end": math.exp(rnd.ci_upper),
        "tau2": rnd.tau2,
        "chi2": fixed.q,
        "df": fixed.q_df,
        "i2": fixed.i2,
        "z": abs(rnd.statistic),
        "p_z": rnd.pval,
        "p_chi2": fixed.q_pval,
    }


def differences(ours: dict[str, float], revman: dict[str, float]) -> list[str]:
    out = []
    for key, value in ours.items():
        ref = revman[key]
        if key.startswith("p_"):
            ok = abs(value - ref) <= P_ATOL
        else:
            ok = math.isclose(value, ref, rel_tol=RTOL, abs_tol=1e-12)
        if not ok:
            out.append(f"{key}: acupath {value!r}, RevMan {ref!r}")
    return out


def test_the_file_is_revmans_random_effects_output() -> None:
    assert DOC["revman_version"] == "5.2.11"
    assert DOC["doi"] == "10.1002/14651858.CD000023.pub4"
    assert len(DOC["analyses"]) == 20
    assert all(a["random"] and (a["method"], a["measure"]) == ("MH", "RR") for a in DOC["analyses"])
    assert sum("subgroups" in a for a in DOC["analyses"]) == 10
    assert len(POOLED) == 41


@pytest.mark.parametrize("gid", POOLED)
def test_random_effects_totals_match_revman(gid: str) -> None:
    """Pooled RR and CI, tau², Chi², df, I², Z and both P values of every outcome and subgroup."""
    totals, studies = GROUPS[gid]
    errors = differences(ours_vs_revman(*fit(studies)), totals)
    assert not errors, errors


@pytest.mark.parametrize("aid", [a["id"] for a in DOC["analyses"]])
def test_study_rows_match_revman(aid: str) -> None:
    """Each study's RR, SE, CI and weight. In a subgroup analysis RevMan 5 shows the weights of
    the overall random-effects analysis (one tau² over all studies), and a subgroup's weight is
    their sum."""
    totals, studies = GROUPS[aid]
    fixed, rnd = fit(studies)
    ok = np.isfinite(fixed.yi)
    weight = np.zeros(len(studies))
    weight[ok] = rnd.weights
    errors = []
    for i, s in enumerate(studies):
        if not ok[i]:  # RevMan: "Not estimable" (no events in either group), weight 0
            assert s["weight"] == 0 and s["se"] == 0, s
            continue
        se = math.sqrt(fixed.vi[i])
        ours = {
            "effect_size": math.exp(fixed.yi[i]),
            "se": se,
            "ci_start": math.exp(fixed.yi[i] - 1.959963984540054 * se),
            "ci_end": math.exp(fixed.yi[i] + 1.959963984540054 * se),
            "weight": weight[i],
        }
        for key, value in ours.items():
            if not math.isclose(value, s[key], rel_tol=RTOL, abs_tol=1e-12):
                errors.append(f"{s['study']} {key}: acupath {value!r}, RevMan {s[key]!r}")
    analysis = next(a for a in DOC["analyses"] if a["id"] == aid)
    for g in analysis.get("subgroups", []):
        pos = [studies.index(s) for s in g["studies"]]
        assert math.isclose(float(weight[pos].sum()), g["totals"]["weight"], rel_tol=1e-9)
    assert math.isclose(totals["weight"], 100.0, rel_tol=1e-12)
    assert not errors, errors


@pytest.mark.parametrize("aid", [a["id"] for a in DOC["analyses"] if "subgroups" in a])
def test_subgroup_differences_match_revman(aid: str) -> None:
    """RevMan's test for subgroup differences: Q among the subgroups' random-effects estimates
    (weights 1/SE²), its P on groups - 1 df and I² = (Q - df)/Q; estimable subgroups only."""
    analysis = next(a for a in DOC["analyses"] if a["id"] == aid)
    ref = analysis["subgroup_test"]
    est, var = [], []
    for g in analysis["subgroups"]:
        if g["totals"]["effect_size"] > 0:
            _, rnd = fit(g["studies"])
            est.append(rnd.estimate)
            var.append(rnd.se**2)
    if len(est) < 2:  # CMP-004.03: one estimable subgroup; RevMan writes Q = 0, P = 1
        assert (ref["q"], ref["p_q"], ref["i2_q"]) == (0, 1, 0)
        return
    res = pool(np.array(est), np.array(var), "EE")
    i2 = max(0.0, 100.0 * (res.q - res.q_df) / res.q) if res.q > 0 else 0.0
    assert math.isclose(res.q, ref["q"], rel_tol=RTOL), (res.q, ref["q"])
    assert abs(res.q_pval - ref["p_q"]) <= P_ATOL, (res.q_pval, ref["p_q"])
    assert math.isclose(i2, ref["i2_q"], rel_tol=RTOL, abs_tol=1e-12), (i2, ref["i2_q"])


def test_without_revmans_zero_cell_rule_sparse_outcomes_disagree() -> None:
    """Why ``zero_cells="revman"`` exists: with metafor's tables-as-given MH (the default),
    outcomes with zero cells miss RevMan's numbers well beyond printing precision, and one
    (CMP-004.08, all treated groups without events) cannot be pooled at all."""
    totals, studies = GROUPS["CMP-004.02"]
    plain = ours_vs_revman(*fit(studies, zero_cells="none"))
    assert abs(plain["tau2"] - totals["tau2"]) / totals["tau2"] > 0.05  # 0.159 vs RevMan 0.146
    assert round(plain["chi2"], 2) != round(totals["chi2"], 2)
    assert not differences(ours_vs_revman(*fit(studies)), totals)
    no_zero = [gid for gid in POOLED if min(tables(GROUPS[gid][1]).a.min(), 1) > 0]
    for gid in no_zero:  # without zero cells the two conventions are the same
        assert not differences(ours_vs_revman(*fit(GROUPS[gid][1], "none")), GROUPS[gid][0])


def test_command_line_revman_mode_gives_revmans_random_effects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``acupath meta --method MH --revman`` on a sparse outcome (9 of 16 studies with a zero
    cell): the ``revman_random`` block is RevMan's random-effects result."""
    totals, studies = GROUPS["CMP-004.01"]
    path = tmp_path / "rheumatic_fever.csv"
    rows = [f"{s['study']},{s['events_1']},{s['total_1']},{s['events_2']},{s['total_2']}"
            for s in studies]  # fmt: skip
    path.write_text("study,ai,n1i,ci,n2i\n" + "\n".join(rows) + "\n", encoding="utf-8")
    args = ["meta", str(path), "--measure", "RR", "--method", "MH", "--json"]
    assert main([*args, "--revman"]) == 0
    doc = json.loads(capsys.readouterr().out)
    rnd = doc["revman_random"]
    assert math.isclose(math.exp(rnd["estimate"]), totals["effect_size"], rel_tol=RTOL)
    assert math.isclose(math.exp(rnd["ci_lower"]), totals["ci_start"], rel_tol=RTOL)
    assert math.isclose(math.exp(rnd["ci_upper"]), totals["ci_end"], rel_tol=RTOL)
    assert math.isclose(rnd["tau2"], totals["tau2"], rel_tol=RTOL)
    assert math.isclose(doc["q"], totals["chi2"], rel_tol=RTOL)
    assert math.isclose(doc["i2"], totals["i2"], rel_tol=RTOL)
    assert any("zero cell" in n for n in doc["notes"])
    assert main(args) == 0  # without --revman: metafor's rma.mh, which differs here
    plain = json.loads(capsys.readouterr().out)
    assert abs(plain["revman_random"]["tau2"] - totals["tau2"]) > 0.01


def test_zero_cell_rule_scope_and_bad_input() -> None:
    """RevMan's 1/2 touches only the MH odds ratio and risk ratio; the risk difference and Peto
    stay as metafor computes them, and an unknown rule is an input error naming the field."""
    t = tables(GROUPS["CMP-004.01"][1])
    for measure, method in (("RD", "MH"), ("OR", "PETO")):
        plain = pool_mh(measure, t, method=method)
        rev = pool_mh(measure, t, method=method, zero_cells="revman")
        assert (plain.estimate, plain.q) == (rev.estimate, rev.q)
    assert pool_mh("OR", t).estimate != pool_mh("OR", t, zero_cells="revman").estimate
    with pytest.raises(InputError, match="zero_cells"):
        pool_mh("RR", t, zero_cells="metan")
