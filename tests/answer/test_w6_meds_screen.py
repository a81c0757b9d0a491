"""Wave 6 (issue 10), engineer "meds": medicines read by spelling or INN stem reach the same
screen ``acupath screen`` runs, marked as inferred, denied when denied; targeted anticancer
drugs are screened with the chemotherapy cautions without being called chemotherapy."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract
from tests.answer.conftest import screen_of as _screen


@pytest.mark.parametrize(
    "question",
    [
        "My patient is on darexaban for AF, knee pain. Is acupuncture safe?",
        "takes apixiban, wants needles for neck pain",
        "my dad's on xarleto, bad back",
        "pt on parnaparin injections post-op, shoulder pain",
    ],
)
def test_anticoagulant_by_spelling_or_stem_reaches_the_screen(question: str) -> None:
    decision, _, rules = _screen(question)
    assert "anticoagulant_needling" in rules
    assert decision != "proceed"


@pytest.mark.parametrize(
    "question",
    [
        "fever of 38.5 on palbociclib for breast cancer, back pain",
        "on repotrectinib for lung cancer, neck pain, temp 38.6",
        "taking Ibrance and letrozole, I have a fever and aches",
        "olaparib maintenance for ovarian cancer, fever 38.3 since last night",
    ],
)
def test_fever_on_targeted_anticancer_drug_is_an_emergency(question: str) -> None:
    decision, urgency, rules = _screen(question)
    assert decision == "refer" and urgency == "emergency", rules
    assert "red_flag_fever_on_cancer_treatment" in rules


def test_targeted_drug_is_not_called_chemotherapy() -> None:
    ctx = extract("Ovarian ca, olaparib maintenance. plt 180, neuts 2.2. Fatigue. Acupuncture?")
    assert "class:targeted_therapy" in ctx.labels()
    assert "treatment:chemotherapy" not in ctx.labels()


def test_inferred_reading_is_shown() -> None:
    ctx = extract("on repotrectinib and apixiban, knee pain")
    facts = [m.as_dict() for m in ctx.shown()]
    stem = next(f for f in facts if f["words"] == "repotrectinib")
    assert stem["kind"] == "medicine"
    assert stem["detail"]["inferred"].startswith("inferred from the name: -tinib")
    typo = next(f for f in facts if f["words"] == "apixiban")
    assert typo["value"] == "apixaban"
    assert typo["detail"]["read_as"] == "read as apixaban (spelling)"


@pytest.mark.parametrize(
    "question",
    [
        "not on darexaban, knee pain",
        "she stopped taking xarleto years ago, knee pain",
        "denies any apixiban, neck pain",
    ],
)
def test_denied_or_past_inferred_medicine_does_not_stand(question: str) -> None:
    assert "class:anticoagulant" not in extract(question).labels()


@pytest.mark.parametrize(
    "question",
    [
        "I chop vegetables all day and my wrist hurts",
        "took Plan B after the weekend, period cramps, acupuncture?",
        "my TC (total cholesterol) is high and my back hurts",
        "the EC said my heart is fine; neck pain",
        "Aspire physio clinic referred me for knee pain",
        "a mongrel bit my calf last year and it still aches",
        "is acupuncture efficient for a stiff neck",
    ],
)
def test_ordinary_words_are_no_medicines(question: str) -> None:
    ctx = extract(question)
    assert not [m for m in ctx.mentions if m.kind in ("medicine", "regimen")], ctx.as_dict()
    assert "treatment:chemotherapy" not in ctx.labels()


@pytest.mark.parametrize(
    ("question", "regimen"),
    [
        ("EC-T for breast cancer, cycle 3, hand pain", "ec_t"),
        ("on TCH for HER2 breast cancer", "tch"),
        ("gem/cis for bladder cancer, nausea", "gem_cis"),
        ("Gem-Carbo cycle 2, lung cancer", "gem_carbo"),
        ("dd MVAC before cystectomy", "mvac"),
        ("AC-TH for her2+ breast cancer", "ac_th"),
        ("on EC chemo, cycle 2 of 4", "ec"),
        ("CHOP chemo for lymphoma", "chop"),
    ],
)
def test_regimen_acronyms(question: str, regimen: str) -> None:
    ctx = extract(question)
    assert f"regimen:{regimen}" in ctx.labels(), ctx.as_dict()
    assert "treatment:chemotherapy" in ctx.labels()


@pytest.mark.parametrize(
    ("question", "regimen"),
    [
        ("Weekly carbo/pacli for ovarian cancer; platelets 75", "carbo_taxol"),
        ("weekly carbo for ovarian cancer, hot flushes", "carbo"),
        ("cycle 3 of oxali for bowel cancer, cold fingers", "oxali"),
        ("on doxo chemo for sarcoma", "doxo"),
    ],
)
def test_drug_shorthand_with_a_treatment_cue(question: str, regimen: str) -> None:
    assert f"regimen:{regimen}" in extract(question).labels()


@pytest.mark.parametrize(
    "question",
    [
        "carbo loading before my marathon, knee pain",
        "she is a gem, breast cancer survivor, knee pain",
        "cis women and back pain",
    ],
)
def test_shorthand_without_cue_or_ambiguous_is_no_drug(question: str) -> None:
    ctx = extract(question)
    assert not [m for m in ctx.mentions if m.kind == "regimen"], ctx.as_dict()


@pytest.mark.parametrize(
    ("question", "cls"),
    [
        ("on a PARP inhibitor for ovarian cancer, fever 38.4", "targeted_therapy"),
        ("she takes a TKI for CML, shoulder pain", "targeted_therapy"),
        ("she is on biologics for psoriasis, back pain", "immunosuppressant"),
        ("on a biologic for Crohn's, neck pain", "immunosuppressant"),
        ("takes a JAK inhibitor for RA", "immunosuppressant"),
        ("taking blood thinning tablets, knee pain", "anticoagulant"),
        ("on anti-rejection drugs since the transplant", "immunosuppressant"),
        ("pembrolizumab is a PD-1 inhibitor; he is on a PD-1 inhibitor now", "immunotherapy"),
    ],
)
def test_class_named_without_a_drug(question: str, cls: str) -> None:
    assert f"class:{cls}" in extract(question).labels()


def test_targeted_class_word_is_screened_like_chemotherapy() -> None:
    decision, urgency, rules = _screen("on a PARP inhibitor for ovarian cancer, fever 38.4")
    assert (decision, urgency) == ("refer", "emergency")
    assert "red_flag_fever_on_cancer_treatment" in rules


@pytest.mark.parametrize(
    "question",
    ["the biological clock and my knee pain", "my biological father had back pain too"],
)
def test_biological_is_not_a_drug(question: str) -> None:
    assert "class:immunosuppressant" not in extract(question).labels()


@pytest.mark.parametrize(
    ("question", "cls"),
    [
        ("on anticoagulents, knee pain", "anticoagulant"),
        ("on bloodthinners for my heart, knee pain", "anticoagulant"),
        ("having chemotheraphy, neck pain", "chemotherapy"),
        ("on immunosupressants after transplant", "immunosuppressant"),
        ("long term steriods, back pain", "corticosteroid"),
        ("on imunotherapy for melanoma", "immunotherapy"),
        ("antiplatlet after stent, shoulder pain", "antiplatelet"),
    ],
)
def test_misspelt_or_joined_class_word(question: str, cls: str) -> None:
    assert f"class:{cls}" in extract(question).labels()
