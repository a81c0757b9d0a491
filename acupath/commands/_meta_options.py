"""The option values that ``acupath meta --help`` lists, without importing the engine.

The meta-analysis engine's registries (:data:`acupath.meta.effects.MEASURES`,
:data:`acupath.meta.tau2.METHODS`, :data:`acupath.meta.effects.ZERO_CELL_TO`) live in modules
that import NumPy and SciPy; printing the help of ``acupath meta`` should not cost that. These
copies are used for help text only (the engine still validates every value), and
``tests/startup/test_meta_help.py`` fails when they differ from the engine's, so a new measure
or estimator cannot be left out of the help silently.
"""

from __future__ import annotations

MEASURES: tuple[str, ...] = ("MD", "SMD", "ROM", "RR", "OR", "RD", "GEN")
"""As :data:`acupath.meta.effects.MEASURES`."""

METHODS: tuple[str, ...] = ("EE", "FE", "DL", "HE", "HS", "SJ", "PM", "ML", "REML", "EB")
"""As :data:`acupath.meta.tau2.METHODS`."""

ZERO_CELL_TO: tuple[str, ...] = ("only0", "all", "if0all", "none")
"""As :data:`acupath.meta.effects.ZERO_CELL_TO`."""
