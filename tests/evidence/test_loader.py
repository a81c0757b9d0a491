"""Every refusal of the knowledge-base loader, each with a small bad fixture."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import load_base

GOOD: dict[str, list[dict[str, Any]]] = {
    "sources": [
        {
            "id": "smith2020",
            "kind": "rct",
            "authors": "Smith A, Jones B",
            "year": 2020,
            "title": "A trial",
            "journal": "J Test",
            "doi": "10.1000/test.1",
            "checked": "2026-11-21",
        }
    ],
    "conditions": [
        {
            "id": "back_pain",
            "name": "Back pain",
            "category": "chronic_pain",
            "icd10": ["M54.5"],
            "searched": "2026-12-03",
            "no_pooled_estimate": "The fixture has one trial and no meta-analysis.",
        }
    ],
    "findings": [
        {
            "id": "smith2020_pain",
            "source": "smith2020",
            "condition": "back_pain",
            "population": "Adults",
            "intervention": "manual",
            "comparator": "sham",
            "outcome": "pain",
            "measure": "MD",
            "estimate": -1.0,
            "ci_lower": -2.0,
            "ci_upper": -0.5,
            "direction": "favours_acupuncture",
            "better": "lower",
            "summary": "Pain was lower with acupuncture than with sham.",
            "certainty": "moderate",
            "certainty_basis": "source",
            "certainty_source": "Summary of findings table 1",
            "reviewed": "2026-11-21",
        }
    ],
    "recommendations": [
        {
            "id": "body_rec",
            "source": "smith2020",
            "body": "Test body",
            "year": 2020,
            "condition": "back_pain",
            "population": "Adults",
            "direction": "for",
            "strength": "strong",
            "evidence_quality": "moderate",
            "summary": "The body recommends acupuncture.",
            "reviewed": "2026-11-21",
        }
    ],
    "claims": [
        {
            "id": "claim_one",
            "statement": "Acupuncture lowers back pain versus sham.",
            "origin": "seed:001",
            "status": "supported",
            "findings": ["smith2020_pain"],
            "note": "Matches the trial's finding.",
            "reviewed": "2026-11-21",
        }
    ],
    "studies": [
        {
            "id": "smith2020_study",
            "source": "smith2020",
            "analysis": "test_analysis",
            "label": "Smith 2020",
            "condition": "back_pain",
            "comparator": "sham",
            "outcome": "pain",
            "ai": 10,
            "n1i": 50,
            "ci": 5,
            "n2i": 50,
            "locator": "Table 2",
            "reviewed": "2026-11-21",
        }
    ],
}


def write_base(root: Path, data: dict[str, list[dict[str, Any]]]) -> Path:
    for kind, records in data.items():
        folder = root / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "main.yaml").write_text(yaml.safe_dump(records), encoding="utf-8")
    return root


def with_change(kind: str, field: str, value: Any) -> dict[str, list[dict[str, Any]]]:
    data = copy.deepcopy(GOOD)
    if value is _DELETE:
        del data[kind][0][field]
    else:
        data[kind][0][field] = value
    return data


_DELETE = object()


def test_good_fixture_loads(tmp_path: Path) -> None:
    base = load_base(write_base(tmp_path, GOOD))
    assert list(base.findings) == ["smith2020_pain"]
    assert base.claims["claim_one"].findings == ["smith2020_pain"]


@pytest.mark.parametrize(
    ("kind", "field", "value", "reason"),
    [
        ("findings", "comparator", "placebo_pill", "comparator"),
        ("findings", "measure", "ratio", "measure"),
        ("findings", "ci_upper", -1.5, "does not contain the estimate"),
        ("findings", "ci_lower", _DELETE, "both ci_lower and ci_upper"),
        ("findings", "source", _DELETE, "source"),
        ("findings", "better", _DELETE, "which direction is better"),
        ("findings", "surprise", 1, "surprise"),
        ("findings", "id", "Bad Id", "id"),
        ("sources", "doi", "not-a-doi", "doi must look like"),
        ("sources", "kind", "blog", "kind"),
        ("conditions", "icd10", ["bad"], "icd10"),
        ("recommendations", "direction", "maybe", "direction"),
        ("claims", "status", "true", "status"),
        ("claims", "findings", [], "must name the findings"),
        ("studies", "ci", 70, "cannot exceed n2i"),
        ("studies", "n2i", _DELETE, "complete set of inputs"),
    ],
)
def test_schema_violations_name_file_record_and_field(
    tmp_path: Path, kind: str, field: str, value: Any, reason: str
) -> None:
    write_base(tmp_path, with_change(kind, field, value))
    with pytest.raises(KnowledgeBaseError) as info:
        load_base(tmp_path)
    message = str(info.value)
    assert f"{kind}/main.yaml" in message
    assert reason in message


def test_source_without_any_link_is_refused(tmp_path: Path) -> None:
    data = with_change("sources", "doi", _DELETE)
    write_base(tmp_path, data)
    with pytest.raises(KnowledgeBaseError, match="at least one of doi, pmid or url"):
        load_base(tmp_path)


@pytest.mark.parametrize(
    ("kind", "field", "value", "target"),
    [
        ("findings", "source", "nobody2099", "unknown source 'nobody2099'"),
        ("findings", "condition", "gout", "unknown condition 'gout'"),
        ("findings", "related_conditions", ["gout"], "unknown condition 'gout'"),
        ("recommendations", "condition", "gout", "unknown condition 'gout'"),
        ("claims", "findings", ["missing_finding"], "unknown finding 'missing_finding'"),
        ("studies", "source", "nobody2099", "unknown source 'nobody2099'"),
    ],
)
def test_unknown_references_are_refused(
    tmp_path: Path, kind: str, field: str, value: Any, target: str
) -> None:
    write_base(tmp_path, with_change(kind, field, value))
    with pytest.raises(KnowledgeBaseError) as info:
        load_base(tmp_path)
    assert target in str(info.value)
    assert f"field '{field}'" in str(info.value)


def test_duplicate_ids_across_files_are_refused(tmp_path: Path) -> None:
    write_base(tmp_path, GOOD)
    extra = tmp_path / "findings" / "second.yaml"
    extra.write_text(yaml.safe_dump(GOOD["findings"]), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"duplicate id \(first defined in main.yaml\)"):
        load_base(tmp_path)


def test_a_file_that_is_not_a_list_is_refused(tmp_path: Path) -> None:
    write_base(tmp_path, GOOD)
    (tmp_path / "findings" / "main.yaml").write_text("id: x\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="YAML list of mappings"):
        load_base(tmp_path)


def test_broken_yaml_is_refused(tmp_path: Path) -> None:
    write_base(tmp_path, GOOD)
    (tmp_path / "claims" / "main.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="not valid YAML"):
        load_base(tmp_path)


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="not found"):
        load_base(tmp_path / "nowhere")


# --- certainty and completeness rules -----------------------------------------------------

DOMAINS = [
    {
        "domain": "risk_of_bias",
        "downgrade": 1,
        "reason": "Unblinded comparison, self-reported pain.",
    },
    {"domain": "inconsistency", "downgrade": 0, "reason": "A single trial cannot be inconsistent."},
    {"domain": "indirectness", "downgrade": 0, "reason": "Population and outcome match."},
    {"domain": "imprecision", "downgrade": 1, "reason": "Fewer participants than the OIS."},
    {"domain": "publication_bias", "downgrade": 0, "reason": "A single registered trial."},
]


def with_finding(**fields: Any) -> dict[str, list[dict[str, Any]]]:
    data = copy.deepcopy(GOOD)
    finding = data["findings"][0]
    for key in [k for k in finding if k.startswith("certainty")]:
        del finding[key]
    finding.update({k: v for k, v in fields.items() if v is not _DELETE})
    return data


def test_an_unrated_efficacy_finding_is_refused(tmp_path: Path) -> None:
    write_base(tmp_path, with_finding())
    with pytest.raises(KnowledgeBaseError) as info:
        load_base(tmp_path)
    message = str(info.value)
    assert "smith2020_pain" in message and "certainty_basis" in message
    assert "needs a certainty rating" in message


def test_fixture_bases_of_other_parts_may_skip_the_completeness_rules(tmp_path: Path) -> None:
    base = load_base(write_base(tmp_path, with_finding()), complete=False)
    assert base.findings["smith2020_pain"].certainty == "not_graded"


def test_a_level_without_its_provenance_is_refused(tmp_path: Path) -> None:
    write_base(tmp_path, with_finding(certainty="low"))
    with pytest.raises(KnowledgeBaseError, match="does not say where it comes from"):
        load_base(tmp_path)


def test_a_single_group_result_needs_no_rating(tmp_path: Path) -> None:
    data = with_finding()
    data["findings"][0].update(
        comparator="none", measure="proportion", estimate=0.1, ci_lower=0.05, ci_upper=0.2
    )
    del data["findings"][0]["better"]
    base = load_base(write_base(tmp_path, data))
    assert not base.findings["smith2020_pain"].is_efficacy


def test_acupaths_own_rating_must_follow_from_its_domains(tmp_path: Path) -> None:
    good = with_finding(certainty="low", certainty_basis="acupath", certainty_domains=DOMAINS)
    assert load_base(write_base(tmp_path / "a", good)).findings["smith2020_pain"].certainty == "low"
    wrong = with_finding(certainty="moderate", certainty_basis="acupath", certainty_domains=DOMAINS)
    write_base(tmp_path / "b", wrong)
    with pytest.raises(KnowledgeBaseError, match="rate high down to 'low'"):
        load_base(tmp_path / "b")


def test_acupaths_own_rating_needs_all_five_domains(tmp_path: Path) -> None:
    data = with_finding(certainty="low", certainty_basis="acupath", certainty_domains=DOMAINS[:4])
    write_base(tmp_path, data)
    with pytest.raises(KnowledgeBaseError, match="exactly one judgement for each GRADE domain"):
        load_base(tmp_path)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"certainty": "low", "certainty_basis": "source"}, "needs certainty_source"),
        ({"certainty_basis": "not_ratable"}, "needs certainty_reason"),
        (
            {"certainty": "low", "certainty_basis": "not_ratable", "certainty_reason": "x" * 12},
            "has certainty 'not_graded'",
        ),
        ({"certainty_basis": "source", "certainty_source": "SoF 1"}, "needs a certainty level"),
    ],
)
def test_inconsistent_certainty_fields_are_refused(
    tmp_path: Path, fields: dict[str, Any], reason: str
) -> None:
    write_base(tmp_path, with_finding(**fields))
    with pytest.raises(KnowledgeBaseError, match=reason):
        load_base(tmp_path)


def test_not_ratable_with_a_reason_loads(tmp_path: Path) -> None:
    data = with_finding(
        certainty_basis="not_ratable", certainty_reason="A narrative review's opinion only."
    )
    base = load_base(write_base(tmp_path, data))
    assert base.findings["smith2020_pain"].certainty_basis == "not_ratable"


def test_a_condition_without_a_search_date_is_refused(tmp_path: Path) -> None:
    write_base(tmp_path, with_change("conditions", "searched", _DELETE))
    with pytest.raises(KnowledgeBaseError, match="date its evidence was last searched"):
        load_base(tmp_path)


def test_a_condition_without_pooled_evidence_must_say_so(tmp_path: Path) -> None:
    write_base(tmp_path, with_change("conditions", "no_pooled_estimate", _DELETE))
    with pytest.raises(KnowledgeBaseError, match="no pooled estimate covers this condition"):
        load_base(tmp_path)


def test_a_condition_cannot_deny_a_pooled_estimate_it_has(tmp_path: Path) -> None:
    data = copy.deepcopy(GOOD)
    data["sources"][0]["kind"] = "meta_analysis"
    write_base(tmp_path, data)
    with pytest.raises(KnowledgeBaseError, match="says no pooled estimate exists"):
        load_base(tmp_path)
