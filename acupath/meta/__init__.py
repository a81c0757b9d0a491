"""Meta-analysis engine: effect sizes, pooling, heterogeneity, small-study tests, sensitivity
analyses, GRADE certainty and plots, agreeing with R's metafor (see ``docs/meta.md``).

The public façade::

    from acupath.meta import escalc, pool
    es = escalc("SMD", {"m1i": [...], "sd1i": [...], "n1i": [...],
                        "m2i": [...], "sd2i": [...], "n2i": [...]})
    res = pool(es.yi, es.vi, method="REML", test="knha")
    res.estimate, res.ci_lower, res.ci_upper, res.tau2, res.i2

Everything here is pure NumPy/SciPy (plots use matplotlib); results are frozen dataclasses.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from acupath.meta._choices import UnknownChoice
    from acupath.meta.batch import BatchResult, pool_many
    from acupath.meta.bias import EggerTest, RankTest, TrimFill, ranktest, regtest, trimfill
    from acupath.meta.effects import MEASURES, EffectSizes, escalc
    from acupath.meta.fit import TESTS
    from acupath.meta.metareg import MetaRegression, metareg
    from acupath.meta.mh import pool_mh
    from acupath.meta.pool import PooledEstimate, StudyWeight, pool
    from acupath.meta.sensitivity import (
        Influence,
        StudySeries,
        Subgroups,
        cumul,
        influence,
        leave1out,
        subgroup,
    )
    from acupath.meta.tau2 import METHODS

_HOME = {
    "UnknownChoice": "_choices",
    "BatchResult": "batch",
    "pool_many": "batch",
    "EggerTest": "bias",
    "RankTest": "bias",
    "TrimFill": "bias",
    "ranktest": "bias",
    "regtest": "bias",
    "trimfill": "bias",
    "MEASURES": "effects",
    "EffectSizes": "effects",
    "escalc": "effects",
    "TESTS": "fit",
    "PooledEstimate": "pool",
    "StudyWeight": "pool",
    "pool": "pool",
    "Influence": "sensitivity",
    "StudySeries": "sensitivity",
    "Subgroups": "sensitivity",
    "cumul": "sensitivity",
    "influence": "sensitivity",
    "leave1out": "sensitivity",
    "subgroup": "sensitivity",
    "METHODS": "tau2",
    "MetaRegression": "metareg",
    "metareg": "metareg",
    "pool_mh": "mh",
}
"""Where each public name lives. The package imports a module (and SciPy) only when one of
its names is first used, so that ``import acupath.meta.csvio`` stays light."""


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'acupath.meta' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"acupath.meta.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "MEASURES",
    "METHODS",
    "TESTS",
    "BatchResult",
    "EffectSizes",
    "EggerTest",
    "Influence",
    "MetaRegression",
    "PooledEstimate",
    "RankTest",
    "StudySeries",
    "StudyWeight",
    "Subgroups",
    "TrimFill",
    "UnknownChoice",
    "cumul",
    "escalc",
    "influence",
    "leave1out",
    "metareg",
    "pool",
    "pool_many",
    "pool_mh",
    "ranktest",
    "regtest",
    "subgroup",
    "trimfill",
]


class _Package(types.ModuleType):
    """The package module, guarding its functions from their own submodules.

    ``pool`` and ``metareg`` are both a function of the façade and a submodule. Importing the
    submodule (``from acupath.meta.pool import ...`` anywhere) makes the import system bind it
    to the package attribute of the same name, and ``from acupath.meta import pool`` would then
    give the module. Keep the function instead; ``sys.modules`` still holds the module.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and _HOME.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
