"""``acupath meta --help`` prints without the engine, and its option lists match the engine's."""

from __future__ import annotations

import json
import subprocess
import sys

from acupath.commands import _meta_options


def test_help_option_lists_match_the_engine() -> None:
    from acupath.meta.effects import MEASURES, ZERO_CELL_TO
    from acupath.meta.tau2 import METHODS

    assert _meta_options.MEASURES == MEASURES
    assert _meta_options.METHODS == METHODS
    assert _meta_options.ZERO_CELL_TO == ZERO_CELL_TO


def test_meta_help_imports_neither_numpy_nor_scipy() -> None:
    code = (
        "import contextlib, io, sys, json\nfrom acupath.cli import main\nbuf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n    code = main(['meta', '--help'])\n"
        "top = {m.split('.')[0] for m in sys.modules}\n"
        "heavy = sorted(top & {'numpy', 'scipy', 'matplotlib'})\n"
        "print(json.dumps([code, heavy, buf.getvalue()]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    code, heavy, text = json.loads(out.stdout)
    assert code == 0
    assert heavy == []
    assert "REML" in text and "SMD" in text and "if0all" in text
