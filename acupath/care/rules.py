"""Screening rules as data: the record schema, the condition language and its evaluation.

Rules live in ``acupath/data/screening_rules/*.yaml``. Each record says when it fires
(``when``, a small declarative condition), what it does (``action``), why (``reason``, one
sentence in acupath's words), on whose authority (``sources``, which must resolve) and what
it removes from a plan: ``excluded_points`` (codes; ranges such as ``BL31-BL34``),
``excluded_caution_kinds`` (every atlas point with such a caution), ``excluded_regions`` (body
sites), ``exclude_sites_from`` (the sites an intake field lists, such as the lymphoedematous
limb), ``exclude_device_sites`` (where the named devices sit) and ``excluded_techniques``;
``modifications`` say in words how needling changes, and ``advice`` what to do instead when a
rule refers or defers. A ``refer`` rule also says how soon (``urgency``: emergency, urgent,
soon, routine) and whether that time frame comes from its sources or is clinic policy
(``urgency_basis``). ``policy: true`` marks a rule whose
threshold or scope is clinic policy rather than evidence.

Actions, from most to least severe: ``refer`` (a red flag: medical assessment before any
acupuncture), ``defer`` (no needling for now), ``exclude`` (leave out points, regions or
techniques), ``modify`` (change how needling is done), ``caution`` (the clinician checks
something), ``info`` (evidence worth knowing).

The condition language
----------------------
A condition is a mapping with one key::

    all: [C, ...]            every condition holds        any: [C, ...]   at least one holds
    not: C                   C does not hold
    red_flag_any: [flag, ...]                 comorbidity_any: [id, ...]
    medication_class_any: [class, ...]        device_any: [device, ...]
    medication_any: [drug id, ...]            (a formulary drug, e.g. methotrexate)
    condition_any: [condition id, ...]        has_any: [lymphedema | skin_lesions | ...]
    condition_family_any: [low_back | neck | headache | joint | other]
    condition_entry: {condition_any: [...], duration_below_weeks: N, evaluated: false}
    cancer_history: true    cancer_active: true    cancer_on_treatment: true
    cancer_treatment_any: [treatment, ...]
    pregnant: true          pregnancy_stage_any: [first_trimester | after_first_trimester | unknown]
    lab_below: {lab: platelets | anc | inr | cd4, policy: THRESHOLD_ID}   (or value: N)
    lab_above: {...}        lab_missing: lab
    age_above: N            age_below: N
    needle_phobia: true     cannot_consent: true     breastfeeding: true

The vocabulary (flags, devices, classes, condition ids, policy ids) is checked when rules load,
so a misspelt rule is a :class:`~acupath.errors.KnowledgeBaseError`, never a rule that silently
never fires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from acupath.care import vocabulary as vocab
from acupath.care.intake import Intake
from acupath.care.medications import MedicationProfile
from acupath.care.policy import ClinicPolicy
from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, read_yaml_list, validate_record
from acupath.evidence.schemas import Slug

RULES_DIR = DATA_DIR / "screening_rules"

Action = Literal["refer", "defer", "exclude", "modify", "caution", "info"]
Urgency = Literal["emergency", "urgent", "soon", "routine"]
URGENCIES: tuple[str, ...] = ("routine", "soon", "urgent", "emergency")
"""Referral urgencies from least to most pressing (see ``acupath/data/policy/referral.yaml``)."""
ACTIONS: tuple[str, ...] = ("refer", "defer", "exclude", "modify", "caution", "info")
"""Actions from most to least severe."""

SiteSource = Literal["lymphedema", "skin_lesions", "radiation_sites", "tumour_sites"]
"""Intake fields whose body sites a rule can exclude (``exclude_sites_from``)."""

DeviceName = Literal[
    "pacemaker", "icd", "neurostimulator", "drug_pump", "insulin_pump", "cochlear_implant",
    "breast_implant", "port", "picc_line", "vp_shunt",
]  # fmt: skip

PregnancyStage = Literal["first_trimester", "after_first_trimester", "unknown"]
FIRST_TRIMESTER_WEEKS = 13
"""Weeks 0-12 are the first trimester (the WHO text says 'first trimester' and 'after the third
month'); an unknown gestation counts as both stages, the cautious reading."""

CautionKind = Literal[
    "pregnancy", "pneumothorax", "large_vessel", "eye", "medulla", "do_not_needle", "nerve",
    "organ", "other",
]  # fmt: skip


class ScreeningRule(BaseModel):
    """One screening rule (see the module docstring for the fields' meaning)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: Slug
    family: Literal[
        "red_flags", "bleeding", "laboratory", "oncology", "devices", "pregnancy", "general"
    ]
    action: Action
    when: dict[str, Any]
    reason: str = Field(min_length=20, max_length=400)
    advice: str | None = None
    sources: tuple[Slug, ...] = Field(min_length=1)
    policy: bool = False
    derived_red_flags: tuple[str, ...] = ()
    excluded_points: tuple[str, ...] = ()
    excluded_caution_kinds: tuple[CautionKind, ...] = ()
    excluded_regions: tuple[str, ...] = ()
    exclude_sites_from: tuple[SiteSource, ...] = ()
    exclude_device_sites: tuple[DeviceName, ...] = ()
    excluded_techniques: tuple[
        Literal[
            "electro", "auricular", "semi_permanent_needles", "deep_needling", "strong_stimulation"
        ],
        ...,
    ] = ()
    modifications: tuple[str, ...] = ()
    urgency: Urgency | None = None
    urgency_basis: Literal["source", "policy"] | None = None

    @model_validator(mode="after")
    def _referral_has_urgency(self) -> ScreeningRule:
        # A referral without a time frame is not a referral a clinician can act on.
        if self.action == "refer" and (self.urgency is None or self.urgency_basis is None):
            raise ValueError("a refer rule needs urgency and urgency_basis (source or policy)")
        if self.action != "refer" and self.urgency is not None:
            raise ValueError("only refer rules carry an urgency")
        return self

    @field_validator("excluded_regions")
    @classmethod
    def _regions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(vocab.parse_site(v).name for v in value)

    @field_validator("reason")
    @classmethod
    def _one_sentence(cls, value: str) -> str:
        body = value.rstrip(".")
        if ". " in body:
            raise ValueError("the reason must be one sentence")
        return value


# ---------------------------------------------------------------------------------------------
# Facts: what the rules read, computed once per intake


@dataclass(frozen=True)
class Facts:
    """The intake with its medicines classified and the clinic policy in force."""

    intake: Intake
    medicines: MedicationProfile
    policy: ClinicPolicy

    def pregnancy_stages(self) -> frozenset[str]:
        """first_trimester / after_first_trimester; both when pregnant with gestation unknown."""
        if not self.intake.is_pregnant:
            return frozenset()
        weeks = self.intake.pregnancy_weeks
        if weeks is None:
            return frozenset({"first_trimester", "after_first_trimester", "unknown"})
        if weeks < FIRST_TRIMESTER_WEEKS:
            return frozenset({"first_trimester"})
        return frozenset({"after_first_trimester"})

    def lab(self, name: str) -> float | None:
        """A laboratory value or None."""
        value = getattr(self.intake.labs, name)
        return None if value is None else float(value)


def _threshold(spec: Mapping[str, Any], facts: Facts) -> float:
    if "policy" in spec:
        return facts.policy.value(str(spec["policy"]))
    return float(spec["value"])


def _entry_matches(spec: Mapping[str, Any], facts: Facts) -> bool:
    for entry in facts.intake.conditions:
        if "condition_any" in spec and entry.condition not in spec["condition_any"]:
            continue
        limit = spec.get("duration_below_weeks")
        if limit is not None and (entry.duration_weeks is None or entry.duration_weeks >= limit):
            continue
        if "evaluated" in spec and entry.evaluated != spec["evaluated"]:
            continue
        return True
    return False


def _has(field: str, facts: Facts) -> bool:
    intake = facts.intake
    if field == "lymphedema":
        return bool(intake.lymphedema)
    if field == "skin_lesions":
        return bool(intake.skin_lesions)
    if field == "devices":
        return bool(intake.devices)
    cancer = intake.cancer
    return bool(cancer and getattr(cancer, field))


_OPS: dict[str, Callable[[Any, Facts], bool]] = {
    "all": lambda v, f: all(evaluate(c, f) for c in v),
    "any": lambda v, f: any(evaluate(c, f) for c in v),
    "not": lambda v, f: not evaluate(v, f),
    "red_flag_any": lambda v, f: bool(set(v) & set(f.intake.red_flags)),
    "comorbidity_any": lambda v, f: bool(set(v) & set(f.intake.comorbidities)),
    "medication_class_any": lambda v, f: bool(set(v) & f.medicines.classes),
    "medication_any": lambda v, f: bool(set(v) & set(f.medicines.matched.values())),
    "device_any": lambda v, f: bool(set(v) & f.intake.device_types),
    "condition_any": lambda v, f: bool(set(v) & set(f.intake.condition_ids)),
    "condition_family_any": lambda v, f: bool(set(v) & condition_families(f.intake)),
    "condition_entry": _entry_matches,
    "has_any": lambda v, f: any(_has(x, f) for x in v),
    "cancer_history": lambda v, f: (f.intake.cancer is not None) == bool(v),
    "cancer_active": lambda v, f: bool(f.intake.cancer and f.intake.cancer.active) == bool(v),
    "cancer_on_treatment": lambda v, f: (
        bool(f.intake.cancer and f.intake.cancer.on_treatment) == bool(v)
    ),
    "cancer_treatment_any": lambda v, f: bool(
        f.intake.cancer and set(v) & set(f.intake.cancer.treatments)
    ),
    "pregnant": lambda v, f: f.intake.is_pregnant == bool(v),
    "pregnancy_stage_any": lambda v, f: bool(set(v) & f.pregnancy_stages()),
    "lab_below": lambda v, f: (x := f.lab(v["lab"])) is not None and x < _threshold(v, f),
    "lab_above": lambda v, f: (x := f.lab(v["lab"])) is not None and x > _threshold(v, f),
    "lab_missing": lambda v, f: f.lab(str(v)) is None,
    "age_above": lambda v, f: f.intake.age > v,
    "age_below": lambda v, f: f.intake.age < v,
    "needle_phobia": lambda v, f: f.intake.needle_phobia == bool(v),
    "breastfeeding": lambda v, f: f.intake.breastfeeding == bool(v),
    "cannot_consent": lambda v, f: (not f.intake.can_consent) == bool(v),
}


def condition_families(intake: Intake) -> frozenset[str]:
    """The families (``low_back``, ``neck``, ``headache``, ``joint``, ``other``) of the intake."""
    out = set()
    for cid in intake.condition_ids:
        fam = [name for name, members in vocab.CONDITION_FAMILIES.items() if cid in members]
        out.update(fam or ["other"])
    return frozenset(out)


def evaluate(condition: Mapping[str, Any], facts: Facts) -> bool:
    """Whether ``condition`` (already checked by :func:`check_condition`) holds for ``facts``."""
    ((op, value),) = condition.items()
    return _OPS[op](value, facts)


# ---------------------------------------------------------------------------------------------
# Checking conditions when rules load


@dataclass(frozen=True)
class Vocabulary:
    """Everything a condition may name; built from the knowledge base and the formulary."""

    conditions: frozenset[str]
    drug_classes: frozenset[str]
    policy_ids: frozenset[str]
    drug_ids: frozenset[str] = frozenset()
    """Formulary drug ids that ``medication_any`` may name."""


_LISTS: dict[str, Callable[[Vocabulary], Iterable[str]]] = {
    "red_flag_any": lambda v: vocab.RED_FLAGS,
    "comorbidity_any": lambda v: vocab.KNOWN_COMORBIDITIES,
    "medication_class_any": lambda v: v.drug_classes,
    "medication_any": lambda v: v.drug_ids,
    "device_any": lambda v: vocab.DEVICES,
    "condition_any": lambda v: v.conditions,
    "condition_family_any": lambda v: (*vocab.CONDITION_FAMILIES, "other"),
    "has_any": lambda v: (
        "lymphedema",
        "skin_lesions",
        "radiation_sites",
        "tumour_sites",
        "devices",
    ),
    "cancer_treatment_any": lambda v: vocab.CANCER_TREATMENTS,
    "pregnancy_stage_any": lambda v: ("first_trimester", "after_first_trimester", "unknown"),
}
_FLAGS = ("cancer_history", "cancer_active", "cancer_on_treatment", "pregnant", "needle_phobia",
          "cannot_consent", "breastfeeding")  # fmt: skip
_LABS = ("platelets", "anc", "inr", "cd4")


def check_condition(cond: Any, words: Vocabulary) -> None:
    """Raise ``ValueError`` describing the first problem in a condition tree."""
    if not isinstance(cond, Mapping) or len(cond) != 1:
        raise ValueError(f"a condition is a mapping with exactly one key; got {cond!r}")
    ((op, value),) = cond.items()
    if op in ("all", "any"):
        if not isinstance(value, list) or not value:
            raise ValueError(f"{op} takes a non-empty list of conditions")
        for sub in value:
            check_condition(sub, words)
    elif op == "not":
        check_condition(value, words)
    elif op in _LISTS:
        allowed = set(_LISTS[op](words))
        if not isinstance(value, list) or not value:
            raise ValueError(f"{op} takes a non-empty list")
        unknown = [x for x in value if x not in allowed]
        if unknown:
            raise ValueError(f"{op} names unknown {unknown}; allowed: {sorted(allowed)}")
    elif op == "condition_entry":
        if not isinstance(value, Mapping) or not set(value) <= {
            "condition_any",
            "duration_below_weeks",
            "evaluated",
        }:
            raise ValueError("condition_entry takes condition_any, duration_below_weeks, evaluated")
        if "condition_any" in value:
            check_condition({"condition_any": value["condition_any"]}, words)
    elif op in _FLAGS:
        if value is not True:
            raise ValueError(f"{op} takes true (write not: {{{op}: true}} for the opposite)")
    elif op in ("lab_below", "lab_above"):
        if not isinstance(value, Mapping) or value.get("lab") not in _LABS:
            raise ValueError(f"{op} needs lab: one of {_LABS}")
        if ("policy" in value) == ("value" in value):
            raise ValueError(f"{op} needs exactly one of policy or value")
        if "policy" in value and value["policy"] not in words.policy_ids:
            raise ValueError(f"{op} names unknown policy threshold {value['policy']!r}")
    elif op == "lab_missing":
        if value not in _LABS:
            raise ValueError(f"lab_missing takes one of {_LABS}")
    elif op in ("age_above", "age_below"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{op} takes a number")
    else:
        raise ValueError(f"unknown condition {op!r}; known: {sorted(_OPS)}")


def load_rules(
    folder: Path = RULES_DIR, *, words: Vocabulary, source_ids: Iterable[str]
) -> tuple[ScreeningRule, ...]:
    """Read and check every rule file in ``folder`` (name order, then file order)."""
    known_sources = set(source_ids)
    rules: list[ScreeningRule] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")):
        for raw in read_yaml_list(path):
            rid = str(raw.get("id"))
            rule = validate_record(raw, ScreeningRule, file=path)
            try:
                check_condition(rule.when, words)
            except ValueError as exc:
                raise KnowledgeBaseError(str(exc), file=path, record=rid, field="when") from None
            if rule.id in seen:
                raise KnowledgeBaseError(
                    f"duplicate id (first defined in {seen[rule.id].name})", file=path, record=rid
                )
            for sid in rule.sources:
                if sid not in known_sources:
                    raise KnowledgeBaseError(
                        f"refers to unknown source {sid!r}", file=path, record=rid, field="sources"
                    )
            unknown_flags = set(rule.derived_red_flags) - set(vocab.RED_FLAGS)
            if unknown_flags:
                raise KnowledgeBaseError(
                    f"unknown red flags {sorted(unknown_flags)}", file=path, record=rid
                )
            seen[rule.id] = path
            rules.append(rule)
    return tuple(rules)
