"""Schemas of the knowledge base: sources, conditions, findings, recommendations, claims, studies.

Every record is a frozen pydantic model. Records refer to each other by id (a finding names its
``source`` and ``condition``); those references are checked by :mod:`acupath.evidence.loader`,
not here, because a single record cannot know what else exists.

Sign conventions are stored, not assumed: each quantitative finding says with ``better`` whether
a lower or a higher estimate favours acupuncture, because the literature uses both (the
Acupuncture Trialists' Collaboration reports positive effect sizes as benefit; most reviews
report negative mean differences as benefit).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=80)]
"""Record ids: lower case, digits and underscores, starting with a letter (``vickers2012``)."""

SourceKind = Literal[
    "rct",
    "meta_analysis",
    "ipd_meta_analysis",
    "systematic_review",
    "overview",
    "guideline",
    "coverage_policy",
    "cohort",
    "case_series",
    "mechanism_review",
    "reporting_standard",
    "survey",
    "narrative_review",
]

Intervention = Literal[
    "manual", "electro", "auricular", "acupressure", "moxibustion", "dry_needling", "any"
]
Comparator = Literal[
    "sham", "no_acupuncture", "usual_care", "waitlist", "medication", "other", "none", "any"
]
"""``none`` is for single-group results (an adverse-event rate, a threshold definition)."""

Measure = Literal[
    "SMD",  # standardised mean difference (Hedges' g, Cohen's d, or effect size in SD units)
    "MD",  # mean difference on the stated scale
    "RR",
    "OR",
    "RD",  # risk difference, as a proportion (0.034) or in percentage points per `unit`
    "HR",
    "proportion",  # a share of patients or treatments, as a fraction 0..1
    "rate",  # events per `unit` (per 10,000 patients, per million treatments, ...)
    "count",
    "mean",  # a single-arm mean (change from baseline, say)
    "threshold",  # a definition such as "30% reduction is moderately important"
    "categorical",  # a verdict without a number (supported / conflicting / insufficient)
]

Certainty = Literal["high", "moderate", "low", "very_low", "not_graded"]
CertaintyBasis = Literal["source", "acupath", "not_ratable"]
"""Where a finding's certainty comes from: the source's own rating (a Cochrane summary-of-findings
table, AHRQ strength of evidence, a guideline's GRADE table), acupath's own GRADE rating from
explicit domains, or an explicit statement that GRADE cannot rate it (with the reason)."""
GradeDomain = Literal[
    "risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias"
]
GRADE_DOMAINS: tuple[str, ...] = (
    "risk_of_bias",
    "inconsistency",
    "indirectness",
    "imprecision",
    "publication_bias",
)
GRADE_LEVELS: tuple[str, ...] = ("very_low", "low", "moderate", "high")
COMPARATIVE_MEASURES = frozenset({"SMD", "MD", "RR", "OR", "RD", "HR", "categorical"})
Direction = Literal[
    "favours_acupuncture", "favours_comparator", "no_difference", "mixed", "not_applicable"
]
Better = Literal["lower", "higher"]
Verdict = Literal["supported", "conflicting", "insufficient", "not_supported"]
"""Categorical conclusion of an overview (Wu 2015's three groups, plus ``not_supported``)."""

RecommendationDirection = Literal["for", "against", "conditional", "insufficient"]
Strength = Literal["strong", "moderate", "weak", "conditional", "not_graded"]
EvidenceQuality = Literal["high", "moderate", "intermediate", "low", "very_low", "not_stated"]
ClaimStatus = Literal["supported", "partly_supported", "contradicted", "unverified"]

_PMID = re.compile(r"^\d{1,9}$")
_PMCID = re.compile(r"^PMC\d+$")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")


class Record(BaseModel):
    """Common configuration: immutable, no unknown fields, ids as slugs."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: Slug


class Source(Record):
    """A citable document: a paper, a guideline, a coverage policy.

    At least one of ``doi``, ``pmid`` or ``url`` is required, so that every citation resolves.
    ``checked`` is the date the record was last compared with the document itself.
    """

    kind: SourceKind
    authors: str = Field(min_length=2)
    year: int = Field(ge=1900, le=2100)
    title: str = Field(min_length=3)
    journal: str | None = None
    volume: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    checked: dt.date
    note: str | None = None

    @model_validator(mode="after")
    def _resolvable(self) -> Source:
        if not (self.doi or self.pmid or self.url):
            raise ValueError("a source needs at least one of doi, pmid or url")
        if self.doi and not _DOI.match(self.doi):
            raise ValueError(f"doi must look like 10.NNNN/suffix; got {self.doi!r}")
        if self.pmid and not _PMID.match(self.pmid):
            raise ValueError(f"pmid must be digits only; got {self.pmid!r}")
        if self.pmcid and not _PMCID.match(self.pmcid):
            raise ValueError(f"pmcid must look like PMC1234567; got {self.pmcid!r}")
        if self.url and not self.url.startswith(("https://", "http://")):
            raise ValueError(f"url must start with https:// or http://; got {self.url!r}")
        return self

    def citation(self) -> str:
        """A one-line citation: authors. Title. Journal Year;Volume:Pages."""
        parts = [f"{self.authors}. {self.title.rstrip('.')}."]
        where = self.journal or ""
        if where:
            where += f" {self.year}"
            if self.volume:
                where += f";{self.volume}"
            if self.pages:
                where += f":{self.pages}"
            parts.append(where + ".")
        else:
            parts.append(f"{self.year}.")
        return " ".join(parts)

    def link(self) -> str:
        """The best link: the DOI resolver, then PubMed, then the stored URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        assert self.url is not None  # guaranteed by _resolvable
        return self.url


class Condition(Record):
    """A condition acupath has evidence for, with the words people use for it."""

    name: str
    category: Literal["chronic_pain", "acute_pain", "cancer_pain", "cancer_symptom", "other"]
    synonyms: list[str] = Field(default_factory=list)
    lay_terms: list[str] = Field(default_factory=list)
    icd10: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$")]] = (
        Field(min_length=1)
    )
    description: str | None = None
    searched: dt.date | None = None
    """When acupath last searched its stored copies of the literature for this condition."""
    search_note: str | None = None
    """What that search covered and what it did not find (thin or missing evidence said plainly)."""
    no_pooled_estimate: str | None = None
    """For a condition without any pooled estimate: the explicit statement that none exists."""


class DomainJudgement(BaseModel):
    """One GRADE domain of acupath's own rating: levels rated down (0-2, 3 for imprecision).

    ``from_data`` is true when the downgrade follows from the finding's own numbers by the rules
    of :mod:`acupath.meta.grade` (I² and the CI for inconsistency, the CI and the optimal
    information size for imprecision); false when it is a reviewer's judgement, given with the
    reason (risk of bias, indirectness, publication bias as the source reports it).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    domain: GradeDomain
    downgrade: int = Field(ge=0, le=3)
    reason: str = Field(min_length=10)
    from_data: bool = False

    @model_validator(mode="after")
    def _levels(self) -> DomainJudgement:
        if self.downgrade == 3 and self.domain != "imprecision":
            raise ValueError("only imprecision may be rated down three levels (GRADE 35)")
        return self


class Finding(Record):
    """One result from one source: a quantitative estimate or a categorical verdict.

    For quantitative measures ``estimate`` is required and, when given, the confidence interval
    must contain it. ``better`` says which direction of the estimate favours acupuncture.
    ``provenance`` is ``computed`` for pooled results acupath recomputed itself from ``studies``.
    ``condition`` is empty for results that hold across conditions (adverse-event rates of
    acupuncture in general, definitions of a clinically important change).
    ``related_conditions`` names the conditions a pooled result also speaks for (the IPD
    meta-analysis pools back and neck pain together: it is evidence on each).
    """

    source: Slug
    condition: Slug | None = None
    related_conditions: list[Slug] = Field(default_factory=list)
    population: str
    intervention: Intervention
    comparator: Comparator
    comparator_detail: str | None = None
    outcome: Slug
    measure: Measure
    scale: str | None = None
    unit: str | None = None
    estimate: float | None = None
    ci_lower: float | None = None
    ci_upper: float | None = None
    ci_level: float = Field(default=0.95, gt=0, lt=1)
    p_value: str | None = None
    i2: float | None = Field(default=None, ge=0, le=100)
    n_studies: int | None = Field(default=None, ge=1)
    n_participants: int | None = Field(default=None, ge=1)
    timepoint: str | None = None
    certainty: Certainty = "not_graded"
    certainty_basis: CertaintyBasis | None = None
    certainty_source: str | None = None
    certainty_start: Literal["high", "low"] | None = None
    certainty_domains: list[DomainJudgement] = Field(default_factory=list)
    certainty_reason: str | None = None
    direction: Direction
    better: Better | None = None
    verdict: Verdict | None = None
    summary: str = Field(min_length=10)
    locator: str | None = None
    provenance: Literal["published", "computed", "derived"] = "published"
    computed_from: list[Slug] = Field(default_factory=list)
    reviewed: dt.date

    def covers(self, condition_id: str) -> bool:
        """Whether this finding is evidence on ``condition_id`` (its own or a related one)."""
        return self.condition == condition_id or condition_id in self.related_conditions

    @property
    def is_efficacy(self) -> bool:
        """A comparative result (acupuncture against a comparator): GRADE rates these.

        Single-group results (``comparator: none``: adverse-event rates, definitions) and
        arm-level figures (a response rate in one arm, a mean change) are not efficacy findings;
        they may still carry a rating. Mechanistic outcomes (``mechanism_*``: receptor binding,
        brain activity, in animals or volunteers) are not patient-important efficacy outcomes.
        """
        return (
            self.comparator != "none"
            and self.measure in COMPARATIVE_MEASURES
            and not self.outcome.startswith("mechanism_")
        )

    @model_validator(mode="after")
    def _rated_consistently(self) -> Finding:
        """The certainty fields agree with each other (whether a rating is required is the
        loader's rule, :func:`acupath.evidence.loader.check_certainty`)."""
        basis = self.certainty_basis
        if basis is None:
            return self
        if basis == "not_ratable":
            if self.certainty != "not_graded":
                raise ValueError("a not_ratable finding has certainty 'not_graded'")
            if not self.certainty_reason or len(self.certainty_reason) < 10:
                raise ValueError("a not_ratable finding needs certainty_reason saying why")
            return self
        if self.certainty == "not_graded":
            raise ValueError(f"certainty_basis {basis!r} needs a certainty level")
        if basis == "source":
            if not self.certainty_source:
                raise ValueError(
                    "a rating taken from the source needs certainty_source saying where it "
                    "stands (e.g. 'Cochrane SoF table 1')"
                )
            return self
        # basis == "acupath": five explicit domains, and the level they imply
        named = [d.domain for d in self.certainty_domains]
        if sorted(named) != sorted(GRADE_DOMAINS):
            raise ValueError(
                "acupath's own rating needs exactly one judgement for each GRADE domain: "
                + ", ".join(GRADE_DOMAINS)
                + f"; got {', '.join(named) or 'none'}"
            )
        start = self.certainty_start or "high"
        level = max(0, GRADE_LEVELS.index(start) - sum(d.downgrade for d in self.certainty_domains))
        if GRADE_LEVELS[level] != self.certainty:
            raise ValueError(
                f"the domains rate {start} down to {GRADE_LEVELS[level]!r}, "
                f"but certainty says {self.certainty!r}"
            )
        return self

    @model_validator(mode="after")
    def _consistent(self) -> Finding:
        numeric = self.measure not in ("categorical", "threshold")
        if self.measure == "categorical":
            if self.verdict is None:
                raise ValueError("a categorical finding needs a verdict")
            if self.estimate is not None:
                raise ValueError("a categorical finding has no estimate")
        elif numeric and self.estimate is None:
            raise ValueError(f"a {self.measure} finding needs an estimate")
        if (self.ci_lower is None) != (self.ci_upper is None):
            raise ValueError("give both ci_lower and ci_upper, or neither")
        if self.ci_lower is not None and self.ci_upper is not None:
            if self.ci_lower > self.ci_upper:
                raise ValueError(f"ci_lower {self.ci_lower} is above ci_upper {self.ci_upper}")
            if self.estimate is not None and not (self.ci_lower <= self.estimate <= self.ci_upper):
                raise ValueError(
                    f"the CI [{self.ci_lower}, {self.ci_upper}] does not contain "
                    f"the estimate {self.estimate}"
                )
        if self.measure in ("SMD", "MD", "RR", "OR", "RD", "HR") and self.better is None:
            raise ValueError(f"a {self.measure} finding must say which direction is better")
        if self.measure in ("RR", "OR", "HR") and self.estimate is not None and self.estimate <= 0:
            raise ValueError(f"a {self.measure} must be positive; got {self.estimate}")
        if (
            self.measure == "proportion"
            and self.estimate is not None
            and not (0 <= self.estimate <= 1)
        ):
            raise ValueError(f"a proportion must lie in [0, 1]; got {self.estimate}")
        if self.condition is not None and self.condition in self.related_conditions:
            raise ValueError("related_conditions repeats the finding's own condition")
        if self.provenance == "computed" and not self.computed_from:
            raise ValueError("a computed finding must list the studies it was computed from")
        return self


class Recommendation(Record):
    """A guideline's or payer's position on acupuncture for a condition."""

    source: Slug
    body: str
    year: int = Field(ge=1900, le=2100)
    condition: Slug
    related_conditions: list[Slug] = Field(default_factory=list)
    population: str
    # the youngest age the position's population includes, as its title or scope states it
    # ("in over 16s": 16; "adults": 18); None when it sets no age (a payer's beneficiaries)
    min_age: int | None = Field(default=None, ge=0, le=120)
    intervention: Intervention = "any"
    direction: RecommendationDirection
    strength: Strength
    evidence_quality: EvidenceQuality
    conditions_of_use: list[str] = Field(default_factory=list)
    locator: str | None = None
    summary: str = Field(min_length=10)
    reviewed: dt.date

    def covers(self, condition_id: str) -> bool:
        """Whether this position speaks to ``condition_id`` (its own or a related one)."""
        return self.condition == condition_id or condition_id in self.related_conditions


class Claim(Record):
    """A statement as it circulates (in the seed documents or elsewhere) and what the evidence says.

    ``statement`` is the claim restated in our own words; ``origin`` names where it circulates
    (a seed file name, say). A claim judged ``supported``, ``partly_supported`` or
    ``contradicted`` must name the findings (or recommendations) that decide it.
    """

    statement: str = Field(min_length=10)
    origin: str
    topic: str | None = None
    condition: Slug | None = None
    status: ClaimStatus
    findings: list[Slug] = Field(default_factory=list)
    recommendations: list[Slug] = Field(default_factory=list)
    sources: list[Slug] = Field(default_factory=list)
    note: str = Field(min_length=10)
    keywords: list[str] = Field(default_factory=list)
    reviewed: dt.date

    @model_validator(mode="after")
    def _decided(self) -> Claim:
        if self.status != "unverified" and not (self.findings or self.recommendations):
            raise ValueError(
                f"a claim with status {self.status!r} must name the findings or "
                "recommendations that decide it"
            )
        return self


class Study(Record):
    """Study-level data for one comparison in one trial, for recomputing a meta-analysis.

    ``analysis`` groups the studies pooled together. Give one complete set of inputs, with
    metafor's column names: ``m1i, sd1i, n1i, m2i, sd2i, n2i`` (continuous), ``ai, bi, ci, di``
    or ``ai, n1i, ci, n2i`` (binary), or ``yi`` with ``vi`` or ``sei`` (precomputed).
    Group 1 is acupuncture, group 2 the comparator.
    """

    source: Slug
    analysis: Slug
    label: str
    condition: Slug
    comparator: Comparator
    outcome: Slug
    timepoint: str | None = None
    m1i: float | None = None
    sd1i: float | None = Field(default=None, gt=0)
    n1i: int | None = Field(default=None, ge=1)
    m2i: float | None = None
    sd2i: float | None = Field(default=None, gt=0)
    n2i: int | None = Field(default=None, ge=1)
    ai: int | None = Field(default=None, ge=0)
    bi: int | None = Field(default=None, ge=0)
    ci: int | None = Field(default=None, ge=0)
    di: int | None = Field(default=None, ge=0)
    yi: float | None = None
    vi: float | None = Field(default=None, gt=0)
    sei: float | None = Field(default=None, gt=0)
    locator: str
    note: str | None = None
    reviewed: dt.date

    @model_validator(mode="after")
    def _complete(self) -> Study:
        continuous = (self.m1i, self.sd1i, self.n1i, self.m2i, self.sd2i, self.n2i)
        binary4 = (self.ai, self.bi, self.ci, self.di)
        binary_n = (self.ai, self.n1i, self.ci, self.n2i)
        generic = self.yi is not None and (self.vi is not None or self.sei is not None)
        if not (
            all(v is not None for v in continuous)
            or all(v is not None for v in binary4)
            or all(v is not None for v in binary_n)
            or generic
        ):
            raise ValueError(
                "give a complete set of inputs: m1i,sd1i,n1i,m2i,sd2i,n2i or ai,bi,ci,di "
                "or ai,n1i,ci,n2i or yi with vi or sei"
            )
        if self.ai is not None and self.n1i is not None and self.ai > self.n1i:
            raise ValueError(f"ai ({self.ai}) cannot exceed n1i ({self.n1i})")
        if self.ci is not None and self.n2i is not None and self.ci > self.n2i:
            raise ValueError(f"ci ({self.ci}) cannot exceed n2i ({self.n2i})")
        return self
