"""Recompute pooled findings from the study-level data in the knowledge base.

A finding with ``provenance: computed`` names the studies it was computed from
(``computed_from``, ids of :class:`~acupath.evidence.schemas.Study` records). This module turns
each study into an effect size on the finding's measure (:func:`acupath.meta.effects.escalc`
for arm-level data; a study given as ``yi`` with ``vi`` or ``sei`` is used as it is) and pools
them with :func:`acupath.meta.pool.pool`. Every computed finding uses the same model:
REML for tau² with the Wald-type z-test (metafor's defaults), 95% intervals; ratio measures
are stored back-transformed.

``tests/meta/test_recompute.py`` recomputes every computed finding this way and checks the
stored numbers, so a change to a study or to the engine cannot leave a stale finding behind.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Finding, Study
from acupath.meta.effects import BINARY, BINARY_N, CONTINUOUS, LOG_SCALE, escalc
from acupath.meta.pool import PooledEstimate, pool

METHOD = "REML"
TEST = "z"
POOLABLE = ("MD", "SMD", "ROM", "RR", "OR", "RD")


@dataclass(frozen=True)
class Recomputed:
    """A computed finding next to the result acupath gets from its studies today."""

    finding: Finding
    studies: tuple[Study, ...]
    result: PooledEstimate

    @property
    def estimate(self) -> float:
        return _natural(self.finding.measure, self.result.estimate)

    @property
    def ci(self) -> tuple[float, float]:
        m = self.finding.measure
        return _natural(m, self.result.ci_lower), _natural(m, self.result.ci_upper)

    @property
    def participants(self) -> int | None:
        """Participants in all studies, when every study reports its group sizes."""
        total = 0
        for s in self.studies:
            n1 = s.n1i if s.n1i is not None else _sum(s.ai, s.bi)
            n2 = s.n2i if s.n2i is not None else _sum(s.ci, s.di)
            if n1 is None or n2 is None:
                return None
            total += n1 + n2
        return total


def _sum(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _natural(measure: str, x: float) -> float:
    return math.exp(x) if measure in LOG_SCALE else x


def study_effect(study: Study, measure: str) -> tuple[float, float]:
    """Effect size and sampling variance of one study on ``measure``."""
    if study.yi is not None and (study.vi is not None or study.sei is not None):
        vi = study.vi if study.vi is not None else float(study.sei) ** 2  # type: ignore[arg-type]
        return float(study.yi), float(vi)
    fields: tuple[str, ...]
    if measure in ("MD", "SMD", "ROM"):
        fields = CONTINUOUS
    elif study.bi is not None and study.di is not None:
        fields = BINARY
    else:
        fields = BINARY_N
    values = {name: [getattr(study, name)] for name in fields}
    if any(v[0] is None for v in values.values()):
        raise KnowledgeBaseError(
            f"has no {', '.join(fields)} for a {measure} analysis", record=study.id
        )
    es = escalc(measure, values)
    if not es.kept:
        raise KnowledgeBaseError(f"carries no information on the {measure}", record=study.id)
    return float(es.yi[0]), float(es.vi[0])


def recompute(finding: Finding, base: EvidenceBase) -> Recomputed:
    """Pool the studies ``finding`` was computed from, as the finding says it was made."""
    if finding.provenance != "computed":
        raise KnowledgeBaseError("is not a computed finding", record=finding.id)
    if finding.measure not in POOLABLE:
        raise KnowledgeBaseError(
            f"measure {finding.measure} cannot be pooled; use one of {', '.join(POOLABLE)}",
            record=finding.id,
            field="measure",
        )
    studies = tuple(base.studies[sid] for sid in finding.computed_from)
    effects = [study_effect(s, finding.measure) for s in studies]
    y = np.array([e[0] for e in effects])
    v = np.array([e[1] for e in effects])
    result = pool(y, v, METHOD, TEST, labels=[s.label for s in studies])
    return Recomputed(finding=finding, studies=studies, result=result)


def computed_findings(base: EvidenceBase) -> list[Recomputed]:
    """Every computed finding of ``base``, recomputed."""
    return [recompute(f, base) for f in base.findings.values() if f.provenance == "computed"]


def arm_text(studies: Sequence[Study]) -> dict[str, list[str]]:
    """Per-study arm columns for a forest plot: ``mean ± SD (n)`` or ``events/total``; a dash
    where only the published difference is stored."""
    acu: list[str] = []
    ctrl: list[str] = []
    kinds: set[str] = set()
    for s in studies:
        if s.m1i is not None and s.m2i is not None:
            kinds.add("mean ± SD (n)")
            acu.append(f"{s.m1i:g} ± {s.sd1i:g} ({s.n1i})")
            ctrl.append(f"{s.m2i:g} ± {s.sd2i:g} ({s.n2i})")
        elif s.ai is not None and s.ci is not None:
            n1 = s.n1i if s.n1i is not None else _sum(s.ai, s.bi)
            n2 = s.n2i if s.n2i is not None else _sum(s.ci, s.di)
            kinds.add("events/total")
            acu.append(f"{s.ai}/{n1}")
            ctrl.append(f"{s.ci}/{n2}")
        else:  # only the published difference is stored
            acu.append("—")
            ctrl.append("—")
    # One kind of arm data gets its unit in the header; a mix is left to the cells.
    unit = f"\n{kinds.pop()}" if len(kinds) == 1 else ""
    return {f"Acupuncture{unit}": acu, f"Control{unit}": ctrl}
