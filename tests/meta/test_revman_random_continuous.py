"""RevMan's study rows of random-effects MD and SMD analyses against acupath's RevMan mode.

The rows (``tests/meta/data/revman/cochrane_continuous_random.csv``) are those of the Cochrane
data packages RevMan Web exports: each study's means, SDs and sizes, and RevMan's own effect
(MD or Hedges' g), 95% CI and weight, printed to 6 decimals. They come from five Cochrane
reviews (provenance in ``tests/meta/data/revman/README.md``). The data packages stored with them
do not include RevMan's pooled totals, so the pooled estimate, Chi², Z and I² of these analyses
are not checked here. The study weights of a random-effects analysis are ``1/(v + τ²)`` in
percent, so matching them to 6 decimals checks RevMan's tau² (DerSimonian-Laird in three
analyses, REML in two) and, for the SMD, RevMan's g and its variance. Tolerance ``ATOL``:
half a unit in the 6th decimal plus floating-point noise.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scipy import special

from acupath.cli import main
from acupath.meta import pool
from acupath.meta.revman import revman_smd

DATA = Path(__file__).parent / "data" / "revman" / "cochrane_continuous_random.csv"
ATOL = 1e-6
Z = -float(special.ndtri(0.025))

with DATA.open(encoding="utf-8", newline="") as fh:
    ROWS = list(csv.DictReader(fh))

ANALYSES: dict[str, list[dict[str, Any]]] = {}
for row in ROWS:
    ANALYSES.setdefault(f"{row['review_doi']} {row['analysis_group']}.{row['analysis_number']}",
                        []).append(row)  # fmt: skip

MODEL = {
    "10.1002/14651858.CD013331.pub2 1.1": ("MD", "DL"),
    "10.1002/14651858.CD012905.pub2 1.4": ("SMD", "DL"),
    "10.1002/14651858.CD004871.pub5 3.13": ("SMD", "DL"),
    "10.1002/14651858.CD014965.pub2 1.25": ("MD", "REML"),
    "10.1002/14651858.CD013801.pub2 2.1": ("SMD", "REML"),
}
"""Measure and tau² estimator of each analysis: three DerSimonian-Laird (RevMan 5's method) and
two REML (RevMan's newer default), told apart by which weights RevMan printed."""


def arrays(rows: list[dict[str, Any]], *keys: str) -> list[np.ndarray]:
    return [np.array([float(r[k]) for r in rows]) for k in keys]


def effects(rows: list[dict[str, Any]], measure: str) -> tuple[np.ndarray, np.ndarray]:
    """RevMan's study effect and variance: MD with sd1²/n1 + sd2²/n2, or RevMan's SMD."""
    m1, sd1, n1, m2, sd2, n2 = arrays(rows, "mean_1", "sd_1", "n_1", "mean_2", "sd_2", "n_2")
    if measure == "MD":
        return m1 - m2, sd1**2 / n1 + sd2**2 / n2
    return revman_smd(m1, sd1, n1, m2, sd2, n2)


def test_the_file_holds_five_revman_analyses() -> None:
    assert set(ANALYSES) == set(MODEL)
    assert [len(ANALYSES[a]) for a in MODEL] == [10, 9, 6, 8, 4]
    for rows in ANALYSES.values():  # the weights of one analysis add up to 100%
        assert math.isclose(sum(float(r["weight"]) for r in rows), 100.0, abs_tol=1e-5)


@pytest.mark.parametrize("aid", list(MODEL))
def test_study_effects_and_intervals_match_revman(aid: str) -> None:
    rows = ANALYSES[aid]
    yi, vi = effects(rows, MODEL[aid][0])
    ref_y, ref_lo, ref_hi = arrays(rows, "effect", "ci_start", "ci_end")
    se = np.sqrt(vi)
    assert np.max(np.abs(yi - ref_y)) <= ATOL
    assert np.max(np.abs(yi - Z * se - ref_lo)) <= ATOL
    assert np.max(np.abs(yi + Z * se - ref_hi)) <= ATOL


@pytest.mark.parametrize("aid", list(MODEL))
def test_random_effects_weights_match_revman(aid: str) -> None:
    """Random-effects weights over all studies of the analysis (in a subgroup analysis too, as
    RevMan 5 does for MH outcomes), with the analysis's tau² estimator; the fixed-effect weights
    and those of the other estimator are off by far more than 6 decimals, so the match pins
    tau²."""
    rows = ANALYSES[aid]
    measure, method = MODEL[aid]
    yi, vi = effects(rows, measure)
    (ref_w,) = arrays(rows, "weight")
    res = pool(yi, vi, method)
    ours = np.array([s.weight for s in res.studies])
    assert res.tau2 > 0
    assert np.max(np.abs(ours - ref_w)) <= ATOL, (ours, ref_w)
    fixed = 100 * (1 / vi) / np.sum(1 / vi)
    assert np.max(np.abs(fixed - ref_w)) > 0.1
    other = pool(yi, vi, "REML" if method == "DL" else "DL")
    assert np.max(np.abs(np.array([s.weight for s in other.studies]) - ref_w)) > 1e-3


def test_metafors_smd_misses_revmans_study_intervals() -> None:
    """The check can fail: metafor's SMD (exact correction, variance 1/n1 + 1/n2 + g²/(2N))
    misses RevMan's study CIs well beyond 6 decimals on the same rows."""
    rows = ANALYSES["10.1002/14651858.CD004871.pub5 3.13"]
    m1, sd1, n1, m2, sd2, n2 = arrays(rows, "mean_1", "sd_1", "n_1", "mean_2", "sd_2", "n_2")
    n = n1 + n2
    m = n - 2
    cm = np.exp(special.gammaln(m / 2) - 0.5 * np.log(m / 2) - special.gammaln((m - 1) / 2))
    s = np.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / m)
    g = (m1 - m2) / s * cm
    v = 1 / n1 + 1 / n2 + g**2 / (2 * n)
    (ref_lo,) = arrays(rows, "ci_start")
    assert np.max(np.abs(g - Z * np.sqrt(v) - ref_lo)) > 1e-3


def _write_smd_csv(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    """The study rows of one continuous analysis as the CSV ``acupath meta`` reads."""
    path = tmp_path / "analysis.csv"
    lines = ["study,m1i,sd1i,n1i,m2i,sd2i,n2i"] + [
        ",".join(r[k] for k in ("study", "mean_1", "sd_1", "n_1", "mean_2", "sd_2", "n_2"))
        for r in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_command_line_revman_smd_gives_revmans_study_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``acupath meta --measure SMD --method DL --revman``: RevMan's g for every study and
    RevMan's random-effects weights."""
    aid = "10.1002/14651858.CD012905.pub2 1.4"
    rows = ANALYSES[aid]
    args = ["meta", str(_write_smd_csv(tmp_path, rows)), "--measure", "SMD", "--method", "DL"]
    args += ["--revman", "--json"]
    assert main(args) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [s["study"] for s in doc["studies"]] == [r["study"] for r in rows]
    for s, r in zip(doc["studies"], rows, strict=True):
        assert abs(s["yi"] - float(r["effect"])) <= ATOL
        assert abs(s["weight"] - float(r["weight"])) <= ATOL


@pytest.mark.parametrize(("extra", "wald"), [([], False), (["--test", "z"], True)])
def test_revman_mode_uses_ad_hoc_kh_unless_a_test_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], wald: bool
) -> None:
    """``--revman`` defaults to Knapp-Hartung with the ad hoc correction; ``--revman --test z``
    keeps RevMan's SMD and conventions with the Wald (z) interval RevMan 5 wrote."""
    rows = ANALYSES["10.1002/14651858.CD012905.pub2 1.4"]
    args = ["meta", str(_write_smd_csv(tmp_path, rows)), "--measure", "SMD", "--method", "DL"]
    args += ["--revman", "--json"]
    assert main(args + extra) == 0
    pooled = json.loads(capsys.readouterr().out)
    assert pooled["test"] == ("z" if wald else "adhoc")
    assert pooled["conventions"] == "revman"
    half_width = (pooled["ci_upper"] - pooled["ci_lower"]) / 2
    is_wald = abs(half_width - Z * pooled["se"]) < 1e-9
    assert is_wald == wald
