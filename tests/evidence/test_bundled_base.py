"""The shipped knowledge base: it loads clean, every citation resolves, and it is large enough."""

from __future__ import annotations

from acupath.evidence.loader import DATA_DIR, load_base

REQUIRED_CONDITIONS = {
    "chronic_low_back_pain",
    "acute_low_back_pain",
    "chronic_neck_pain",
    "knee_osteoarthritis",
    "hip_osteoarthritis",
    "chronic_headache",
    "tension_type_headache",
    "migraine",
    "shoulder_pain",
    "fibromyalgia",
    "cancer_pain",
    "chronic_musculoskeletal_pain_cancer_survivors",
    "aromatase_inhibitor_arthralgia",
    "chemotherapy_induced_peripheral_neuropathy",
    "hiv_neuropathy",
    "postoperative_pain",
    "cancer_related_fatigue",
    "chemotherapy_induced_nausea_vomiting",
    "hot_flashes",
    "xerostomia",
    "anxiety",
}


def test_bundled_base_loads_clean() -> None:
    base = load_base(DATA_DIR)
    assert set(base.conditions) >= REQUIRED_CONDITIONS


def test_every_condition_has_synonyms_and_icd10() -> None:
    base = load_base(DATA_DIR)
    for condition in base.conditions.values():
        assert condition.icd10, condition.id
        assert condition.synonyms, condition.id


def test_every_source_resolves_to_a_doi_pmid_or_url() -> None:
    base = load_base(DATA_DIR)
    for src in base.sources.values():
        assert src.doi or src.pmid or src.url, src.id
        assert src.link().startswith("https://") or src.link().startswith("http://"), src.id


def test_base_is_large_enough() -> None:
    base = load_base(DATA_DIR)
    assert len(base.findings) >= 70
    assert len({f.source for f in base.findings.values()}) >= 35
    assert len(base.claims) >= 30


def test_every_source_is_used() -> None:
    """A source nobody cites is either dead weight or a record someone forgot to write."""
    base = load_base(DATA_DIR)
    used = {f.source for f in base.findings.values()}
    used |= {r.source for r in base.recommendations.values()}
    used |= {s.source for s in base.studies.values()}
    used |= {sid for c in base.claims.values() for sid in c.sources}
    unused = set(base.sources) - used - _cited_by_other_domains()
    assert not unused, sorted(unused)


def _cited_by_other_domains() -> set[str]:
    """Source ids cited from data folders other than the evidence kinds (rules, points, ...)."""
    import re

    cited: set[str] = set()
    for path in DATA_DIR.rglob("*.yaml"):
        if path.parent.name in {"sources", "findings", "recommendations", "claims", "studies"}:
            continue
        cited |= set(re.findall(r"\b([a-z][a-z0-9_]*\d{4}[a-z0-9_]*)\b", path.read_text("utf-8")))
    return cited
