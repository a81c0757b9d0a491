"""Safety screening: run every rule on an intake and decide whether needling may go ahead.

:func:`screen` evaluates the rules of ``acupath/data/screening_rules`` (see
:mod:`acupath.care.rules`) and returns a :class:`ScreenResult`. The decision is the most
severe consequence of the rules that fired::

    refer                      any red flag (from the intake or derived by a rule)
    defer                      a rule forbids needling for now
    proceed_with_modifications a rule excludes points, regions or techniques, or changes needling
    proceed                    otherwise (cautions and information are listed, not binding)

A referral carries an ``urgency`` (emergency, urgent, soon, routine): the most pressing of
the refer rules that fired (:mod:`acupath.care.urgency`), with the clinic's wording of it in
``referral`` and first in ``advice``.

The result lists every fired rule with its reason and sources, and the union of what they
exclude. Body-site exclusions keep their side (``left_arm``): a point on the other side stays
available. Excluded points include those that atlas cautions put out of bounds (every point
with a pregnancy caution during pregnancy, for instance).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from acupath.care import points as atlas
from acupath.care import urgency as urgency_mod
from acupath.care import vocabulary as vocab
from acupath.care.intake import Intake
from acupath.care.medications import MedicationProfile, bundled_formulary
from acupath.care.policy import ClinicPolicy, load_policy
from acupath.care.rules import (
    ACTIONS,
    RULES_DIR,
    Facts,
    ScreeningRule,
    Vocabulary,
    evaluate,
    load_rules,
)

Decision = Literal["proceed", "proceed_with_modifications", "defer", "refer"]
DECISIONS: tuple[str, ...] = ("proceed", "proceed_with_modifications", "defer", "refer")
"""Decisions from least to most severe."""

_ACTION_DECISION: dict[str, Decision] = {
    "refer": "refer",
    "defer": "defer",
    "exclude": "proceed_with_modifications",
    "modify": "proceed_with_modifications",
    "caution": "proceed",
    "info": "proceed",
}

_TRIMESTERS = {
    "first_trimester": ("trimester_1",),
    "after_first_trimester": ("trimester_2", "trimester_3"),
    "unknown": ("trimester_1", "trimester_2", "trimester_3"),
}


UNMATCHED_FLAG_RULE = "red_flag_without_rule"
"""The finding a recorded red flag gets when no rule covers it for the complaint."""


@dataclass(frozen=True)
class RuleFinding:
    """One fired rule, with what it excludes for this patient."""

    rule: str
    family: str
    action: str
    reason: str
    sources: tuple[str, ...]
    policy: bool = False
    advice: str | None = None
    excluded_points: tuple[str, ...] = ()
    excluded_regions: tuple[str, ...] = ()
    excluded_techniques: tuple[str, ...] = ()
    modifications: tuple[str, ...] = ()
    urgency: str | None = None
    urgency_basis: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain form for JSON (the contract keys first)."""
        return {
            "rule": self.rule,
            "action": self.action,
            "reason": self.reason,
            "sources": list(self.sources),
            "family": self.family,
            "policy": self.policy,
            "advice": self.advice,
            "excluded_points": list(self.excluded_points),
            "excluded_regions": list(self.excluded_regions),
            "excluded_techniques": list(self.excluded_techniques),
            "modifications": list(self.modifications),
            "urgency": self.urgency,
            "urgency_basis": self.urgency_basis,
        }


@dataclass(frozen=True)
class ScreenResult:
    """The outcome of screening one intake (see the module docstring)."""

    decision: Decision
    findings: tuple[RuleFinding, ...]
    excluded_points: tuple[str, ...]
    excluded_regions: tuple[str, ...]
    excluded_techniques: tuple[str, ...]
    red_flags: tuple[str, ...]
    modifications: tuple[str, ...]
    advice: tuple[str, ...]
    medicines: MedicationProfile
    unrecognised_comorbidities: tuple[str, ...] = ()
    policy: Mapping[str, Any] = field(default_factory=dict)
    urgency: str | None = None
    """emergency, urgent, soon or routine when the decision is refer; None otherwise."""

    @property
    def allows_needling(self) -> bool:
        """False when the decision is refer or defer."""
        return self.decision in ("proceed", "proceed_with_modifications")

    def excluded_sites(self) -> tuple[vocab.Site, ...]:
        """The excluded regions as :class:`~acupath.care.vocabulary.Site` objects."""
        return tuple(vocab.parse_site(name) for name in self.excluded_regions)

    def fired(self, rule_id: str) -> bool:
        """Whether a rule fired."""
        return any(f.rule == rule_id for f in self.findings)

    def as_dict(self) -> dict[str, Any]:
        """The screen JSON document (contract keys first, then extensions)."""
        return {
            "decision": self.decision,
            "findings": [f.as_dict() for f in self.findings],
            "excluded_points": list(self.excluded_points),
            "excluded_regions": list(self.excluded_regions),
            "excluded_techniques": list(self.excluded_techniques),
            "red_flags": list(self.red_flags),
            "urgency": self.urgency,
            "referral": urgency_mod.wording(self.urgency),
            "modifications": list(self.modifications),
            "advice": list(self.advice),
            "medications": self.medicines.as_dict(),
            "unrecognised_comorbidities": list(self.unrecognised_comorbidities),
            "policy": dict(self.policy),
        }


@functools.cache
def bundled_rules() -> tuple[ScreeningRule, ...]:
    """The shipped rules, checked against the knowledge base, formulary and policy ids."""
    from acupath.evidence.loader import bundled_base

    base = bundled_base()
    words = Vocabulary(
        conditions=frozenset(base.conditions),
        drug_classes=frozenset(bundled_formulary().classes),
        policy_ids=frozenset(load_policy(use_env=False).thresholds),
        drug_ids=frozenset(bundled_formulary().drugs),
    )
    return load_rules(RULES_DIR, words=words, source_ids=base.sources.keys())


def _device_sites(intake: Intake, types: Iterable[str]) -> list[str]:
    wanted = set(types)
    out = []
    for entry in intake.device_entries:
        if entry.type not in wanted:
            continue
        site = entry.site or vocab.DEVICE_DEFAULT_SITES.get(entry.type)
        if site:
            out.append(site)
    return out


def _rule_sites(rule: ScreeningRule, intake: Intake) -> list[str]:
    sites = list(rule.excluded_regions)
    for source in rule.exclude_sites_from:
        if source in ("lymphedema", "skin_lesions"):
            sites.extend(getattr(intake, source))
        elif intake.cancer is not None:
            sites.extend(getattr(intake.cancer, source))
    sites.extend(_device_sites(intake, rule.exclude_device_sites))
    return list(dict.fromkeys(sites))


def _rule_points(rule: ScreeningRule, facts: Facts) -> list[str]:
    codes = list(atlas.expand(rule.excluded_points)) if rule.excluded_points else []
    for kind in rule.excluded_caution_kinds:
        stages: frozenset[str] = frozenset()
        if kind == "pregnancy":
            stages = frozenset(t for s in facts.pregnancy_stages() for t in _TRIMESTERS[s])
        codes.extend(sorted(atlas.codes_with_caution(kind, stages)))
    return list(dict.fromkeys(codes))


def _collapse_sites(names: Iterable[str]) -> tuple[str, ...]:
    """Drop a sided site when the same area is excluded on both sides or unsided."""
    unique = list(dict.fromkeys(names))
    out = []
    for name in unique:
        site = vocab.parse_site(name)
        if site.side is not None:
            area = name.split("_", 1)[1]
            if area in unique:
                continue
        out.append(name)
    return tuple(out)


def screen(
    intake: Intake,
    *,
    policy: ClinicPolicy | None = None,
    rules: Iterable[ScreeningRule] | None = None,
) -> ScreenResult:
    """Screen one intake; see the module docstring for the decision rule.

    ``policy`` defaults to :func:`acupath.care.policy.load_policy` (the shipped thresholds,
    overridden by ``ACUPATH_CLINIC_POLICY`` when set); ``rules`` to the shipped rules.
    """
    policy = policy if policy is not None else load_policy()
    rules = tuple(rules) if rules is not None else bundled_rules()
    medicines = intake.medication_profile()
    facts = Facts(intake=intake, medicines=medicines, policy=policy)

    findings: list[RuleFinding] = []
    for rule in rules:
        if not evaluate(rule.when, facts):
            continue
        findings.append(
            RuleFinding(
                rule=rule.id,
                family=rule.family,
                action=rule.action,
                reason=rule.reason,
                sources=rule.sources,
                policy=rule.policy,
                advice=rule.advice,
                excluded_points=tuple(_rule_points(rule, facts)),
                excluded_regions=tuple(_rule_sites(rule, intake)),
                excluded_techniques=rule.excluded_techniques,
                modifications=rule.modifications,
                urgency=rule.urgency,
                urgency_basis=rule.urgency_basis,
            )
        )

    red_flags: list[str] = list(intake.red_flags)
    for rule in rules:
        if any(f.rule == rule.id for f in findings):
            red_flags.extend(rule.derived_red_flags)
    red_flags = list(dict.fromkeys(red_flags))
    referred = any(f.action == "refer" for f in findings)
    if not referred:
        # a scoped risk factor (immune suppression) refers only through the rules of the
        # complaints its sources name; elsewhere its own rule sets precautions instead
        red_flags = [flag for flag in red_flags if flag not in vocab.SCOPED_RED_FLAGS]
    if red_flags and not referred:
        # A recorded red flag always refers; when no rule covers it for this complaint the
        # screen says so and uses the cautious default urgency (clinic policy).
        findings.append(
            RuleFinding(
                rule=UNMATCHED_FLAG_RULE,
                family="red_flags",
                action="refer",
                reason=(
                    "Red flags recorded ("
                    + ", ".join(flag.replace("_", " ") for flag in red_flags)
                    + ") have no specific rule for this complaint, so the clinic refers the "
                    "patient for same-day medical assessment."
                ),
                sources=("ahcpr1994",),
                policy=True,
                advice="Arrange same-day medical assessment of the red flags; do not needle.",
                urgency=urgency_mod.UNMATCHED_FLAG_URGENCY,
                urgency_basis="policy",
            )
        )
    findings.sort(key=lambda f: ACTIONS.index(f.action))

    decision: Decision = "proceed"
    for finding in findings:
        candidate = _ACTION_DECISION[finding.action]
        if DECISIONS.index(candidate) > DECISIONS.index(decision):
            decision = candidate
    if red_flags:
        decision = "refer"  # a red flag always leads to referral, whatever else fired

    excluded_points = list(dict.fromkeys(p for f in findings for p in f.excluded_points))
    excluded_regions = _collapse_sites(r for f in findings for r in f.excluded_regions)
    techniques = list(dict.fromkeys(t for f in findings for t in f.excluded_techniques))
    modifications = list(dict.fromkeys(m for f in findings for m in f.modifications))
    advice = [f.advice for f in findings if f.action in ("refer", "defer") and f.advice]
    urgency = (
        urgency_mod.most_pressing(f.urgency for f in findings if f.action == "refer")
        if decision == "refer"
        else None
    )
    if urgency is not None:
        advice.insert(0, str(urgency_mod.wording(urgency)))
    unrecognised = tuple(c for c in intake.comorbidities if c not in vocab.KNOWN_COMORBIDITIES)

    return ScreenResult(
        decision=decision,
        findings=tuple(findings),
        excluded_points=tuple(excluded_points),
        excluded_regions=excluded_regions,
        excluded_techniques=tuple(sorted(techniques, key=vocab.TECHNIQUES.index)),
        red_flags=tuple(red_flags),
        modifications=tuple(modifications),
        advice=tuple(dict.fromkeys(advice)),
        medicines=medicines,
        unrecognised_comorbidities=unrecognised,
        policy=policy.as_dict(),
        urgency=urgency,
    )
