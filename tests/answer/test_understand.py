"""Question understanding: conditions, variants, comparators, intents and scope."""

from __future__ import annotations

import pytest

from acupath.answer.understand import Understander
from acupath.answer.vocabulary import INTENTS, vocabulary
from acupath.evidence.loader import EvidenceBase


@pytest.fixture(scope="module")
def understand(base: EvidenceBase) -> Understander:
    return Understander(base.conditions)


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("Does acupuncture help chronic_low_back_pain?", "chronic_low_back_pain"),  # id
        ("acupuncture for chronic low back pain", "chronic_low_back_pain"),  # name
        ("acupuncture for cLBP", "chronic_low_back_pain"),  # synonym
        ("will needles help my bad back", "chronic_low_back_pain"),  # lay words
        ("acupuncture for M54.5", "chronic_low_back_pain"),  # ICD-10 code
        ("acupuncture for arthritis in my knee", "knee_osteoarthritis"),
        ("acupuncture for knee arthritis", "knee_osteoarthritis"),  # umbrella word
        ("does acupuncture help chemo nausea", "chemotherapy_induced_nausea_vomiting"),
        ("acupuncture for dry mouth after radiation", "xerostomia"),
        ("acupuncture for pain from my tumour", "cancer_pain"),
    ],
)
def test_conditions_by_every_kind_of_name(
    understand: Understander, question: str, condition: str
) -> None:
    q = understand(question)
    assert condition in q.conditions
    assert q.in_scope


def test_longest_phrase_wins_over_umbrella(understand: Understander) -> None:
    # "chemo" alone is an umbrella for cancer symptoms; "chemo nausea" names one condition
    q = understand("acupuncture for chemo nausea")
    assert q.conditions == ("chemotherapy_induced_nausea_vomiting",)
    assert not q.broad


def test_umbrella_expands_to_category(understand: Understander) -> None:
    q = understand("What is the role of acupuncture in chronic pain?")
    assert q.broad
    assert {"chronic_low_back_pain", "knee_osteoarthritis", "migraine", "cancer_pain"} <= set(
        q.conditions
    )
    assert "xerostomia" not in q.conditions


@pytest.mark.parametrize(
    ("question", "interventions", "comparators"),
    [
        ("Is electroacupuncture better than sham for cancer pain?", ("electro",), ("sham",)),
        ("auricular acupuncture versus usual care for back pain", ("auricular",), ("usual_care",)),
        ("acupressure wristbands for chemo nausea", ("acupressure",), ()),
        ("acupuncture or painkillers for knee OA?", (), ("medication",)),
        ("acupuncture compared with a waiting list for migraines", (), ("waitlist",)),
    ],
)
def test_variants_and_comparators(
    understand: Understander,
    question: str,
    interventions: tuple[str, ...],
    comparators: tuple[str, ...],
) -> None:
    q = understand(question)
    assert q.interventions == interventions
    assert q.comparators == comparators


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("What is the role of acupuncture in chronic low back pain?", "overview"),
        ("Does acupuncture work for knee OA?", "efficacy"),
        ("How big is the effect size of acupuncture for cLBP?", "effect_size"),
        ("Is acupuncture safe?", "safety"),
        ("How many sessions of acupuncture for back pain?", "dose"),
        ("Which points are used for knee osteoarthritis?", "points"),
        ("What needling technique is used for back pain?", "technique"),
        ("How does acupuncture work?", "mechanisms"),
        ("Can acupuncture be combined with opioids for cancer pain?", "integration"),
        ("What do guidelines recommend about acupuncture for back pain?", "guidelines"),
        ("Does Medicare cover acupuncture?", "coverage"),
        ("How long does the benefit of acupuncture last for back pain?", "durability"),
    ],
)
def test_every_intent(understand: Understander, question: str, intent: str) -> None:
    assert intent in understand(question).intents


def test_every_intent_has_vocabulary() -> None:
    assert set(vocabulary().intents) == set(INTENTS)


def test_mechanism_question_is_not_efficacy(understand: Understander) -> None:
    assert understand("How does acupuncture work?").intents == ("mechanisms",)


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of France?",
        "Can acupuncture help me quit smoking?",
        "Does acupuncture help infertility?",
        "Does ibuprofen help back pain?",
        "What is the best statin dose?",
    ],
)
def test_out_of_scope(understand: Understander, question: str) -> None:
    q = understand(question)
    assert not q.in_scope
    assert q.scope_note


def test_unknown_condition_is_named(understand: Understander) -> None:
    q = understand("Does acupuncture help gout?")
    assert q.in_scope
    assert q.unknown_topic == ("gout",)
    assert not q.conditions


def test_general_acupuncture_question_is_in_scope(understand: Understander) -> None:
    q = understand("Is acupuncture safe for most people?")
    assert q.in_scope and not q.unknown_topic and q.intents == ("safety",)
