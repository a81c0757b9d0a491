"""The lazy façade keeps ``pool`` and ``metareg`` callable after their submodules are imported."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import acupath.meta.pool, acupath.meta.metareg, acupath.meta.grade
from acupath.meta import metareg, pool
assert callable(pool) and callable(metareg), (pool, metareg)
import sys
assert type(sys.modules["acupath.meta.pool"]).__name__ == "module"
"""


def test_functions_survive_a_direct_submodule_import() -> None:
    # A fresh interpreter: in this one the façade may already be loaded in another order.
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
