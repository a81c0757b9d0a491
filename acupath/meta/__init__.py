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

from acupath.meta._choices import UnknownChoice
from acupath.meta.batch import BatchResult, pool_many
from acupath.meta.bias import EggerTest, RankTest, TrimFill, ranktest, regtest, trimfill
from acupath.meta.effects import MEASURES, EffectSizes, escalc
from acupath.meta.fit import TESTS
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

__all__ = [
    "MEASURES",
    "METHODS",
    "TESTS",
    "BatchResult",
    "EffectSizes",
    "EggerTest",
    "Influence",
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
    "pool",
    "pool_many",
    "ranktest",
    "regtest",
    "subgroup",
    "trimfill",
]
