"""The committed golden files are exactly what make_golden.R produces today.

This runs R. CI installs it (``.ci/run``); on a machine without ``Rscript`` the test fails on
purpose rather than skipping, so stale golden files cannot pass unnoticed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.meta.conftest import GOLDEN_DIR, golden_files, load


def test_golden_files_are_current(tmp_path: Path) -> None:
    rscript = shutil.which("Rscript")
    assert rscript is not None, (
        "Rscript not found: install r-base-core and r-cran-metafor (see .ci/run) to check "
        "that tests/meta/golden is current"
    )
    subprocess.run(
        [rscript, str(GOLDEN_DIR / "make_golden.R"), str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=900,
    )
    fresh = sorted(p.name for p in tmp_path.glob("*.json"))
    committed = [p.name for p in golden_files()]
    assert fresh == committed
    stale = [
        name
        for name in committed
        if (tmp_path / name).read_bytes() != (GOLDEN_DIR / name).read_bytes()
    ]
    if stale:
        first = load(GOLDEN_DIR / stale[0])["versions"]
        now = load(tmp_path / stale[0])["versions"]
        raise AssertionError(
            f"golden files differ from a fresh run: {stale}; committed with {first}, "
            f"this machine has {now}; rerun make_golden.R and review the differences"
        )
