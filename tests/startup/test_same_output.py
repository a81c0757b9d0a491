"""The start-up work changes no output: the same JSON with the cache off, cold and warm."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from acupath.evidence.loader import bundled_base, bundled_sources

ROOT = Path(__file__).resolve().parents[2]

COMMANDS = [
    ["points", "BL23", "--json"],
    ["points", "--caution", "pregnancy", "--json"],
    ["ask", "What is the role of acupuncture in chronic low back pain?", "--json"],
    [
        "ask",
        "is acupuncture safe for my patient on apixaban with knee osteoarthritis",
        "--audience",
        "patient",
        "--json",
    ],
]


def run(args: list[str], env: dict[str, str]) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "acupath", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    json.loads(out.stdout)  # one JSON document
    return out.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_output_identical_without_cache_cold_and_warm(args: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ACUPATH_CACHE_DIR": str(tmp_path / "c")}
    env.pop("ACUPATH_NO_CACHE", None)
    without = run(args, {**env, "ACUPATH_NO_CACHE": "1"})
    assert not (tmp_path / "c").exists()
    cold = run(args, env)  # fills the cache
    assert list((tmp_path / "c" / "yaml").glob("*.json"))
    warm = run(args, env)  # reads it
    assert cold == without
    assert warm == without


def test_points_load_only_the_sources() -> None:
    code = (
        "import contextlib, io\n"
        "from acupath.cli import main\n"
        "from acupath.evidence import loader\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['points', 'BL23', '--json']) == 0\n"
        "print(loader.bundled_base.cache_info().currsize,"
        " loader.bundled_sources.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
        check=True,
    )
    assert out.stdout.split() == ["0", "1"]


def test_bundled_sources_are_the_bases_sources() -> None:
    sources = bundled_sources()
    assert dict(sources) == dict(bundled_base().sources)
