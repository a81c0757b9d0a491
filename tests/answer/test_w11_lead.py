"""Wave 11, lead: the weak cancer-treatment cues ("cycle", "infusion", "on treatment", "day 10
of") mean cancer treatment only beside something that makes it cancer: a cancer word, an
anticancer medicine or regimen, radiotherapy, oncology, or a blood count. Alone they are a
menstrual cycle, an iron or heparin infusion, treatment for blood pressure."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> set[str]:
    return {m.label for m in extract(text).applied}


@pytest.mark.parametrize(
    "text",
    [
        "My back pain gets worse at the start of my cycle. Would acupuncture help?",
        "I have an iron infusion booked next week for anaemia; is acupuncture ok for my back?",
        "She gets infliximab infusions for Crohn's and has low back pain.",
        "I cycle to work every day and my knee hurts",
        "On treatment for high blood pressure, neck pain for years",
        "My patient is on a heparin infusion for a DVT and has neck pain.",
        "Day 10 of my holiday and my back has gone",
        "Ketamine infusion last month for CRPS, still sore. Acupuncture?",
        "Getting active treatment from the physio for my shoulder, can I add acupuncture?",
    ],
)
def test_a_weak_cue_alone_is_not_cancer_treatment(text):
    assert "cancer:on_treatment" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "Breast cancer, on cycle 3 of FEC, low back pain",
        "Lymphoma, day 10 of cycle 2, platelets 40. Can she have acupuncture for neck pain?",
        "Platelets 35 on day 10 of the cycle, back pain",
        "Her oncologist says she is on active treatment; neck pain",
        "Infusion every three weeks for bowel cancer, sore back",
        "Next chemo cycle on Monday, neck ache",
        "He's on treatment for prostate cancer and his back aches",
        "ANC 0.8, infusion yesterday, back pain",
    ],
)
def test_a_weak_cue_beside_cancer_is_cancer_treatment(text):
    labels = _applied(text)
    assert "cancer:on_treatment" in labels or any(
        lab.startswith(("class:chemotherapy", "cancer:")) for lab in labels
    ), labels


@pytest.mark.parametrize(
    "text",
    [
        "If my mums platelets drop under 50 on the next cycle would she have to stop acupuncture?",
        "Her blood counts are checked before each cycle; can she have acupuncture for neck pain?",
        "Neutrophils were low after the last infusion, back pain now",
    ],
)
def test_a_count_named_without_a_value_makes_the_cycle_cancer_treatment(text):
    assert "cancer:on_treatment" in {m.label for m in extract(text).mentions}


@pytest.mark.parametrize(
    "text",
    [
        "my husband has bleeders disease, factor 8, since birth. his elbow hurts",
        "Deaf since birth, now 30, neck pain",
        "She has had cerebral palsy since birth and hip pain",
    ],
)
def test_a_lifetime_since_birth_is_not_postpartum(text):
    assert not any(m.kind == "postpartum" for m in extract(text).mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Pelvic girdle pain since the birth 6 weeks ago",
        "Back pain since my delivery in May",
        "Neck ache since the baby was born",
    ],
)
def test_her_own_birth_is_postpartum(text):
    assert any(m.kind == "postpartum" for m in extract(text).mentions)


@pytest.mark.parametrize(
    "text",
    [
        "white count crashed after my last round - nurse said neutrophils point four",
        "Platelets 40 after the last round, breast cancer, neck pain",
        "Lymphoma; next round on Friday; back pain",
        "ANC 0.6 after the last round, knee pain",
    ],
)
def test_a_round_beside_a_count_or_cancer_is_treatment(text):
    assert "cancer:on_treatment" in {m.label for m in extract(text).applied}


@pytest.mark.parametrize(
    "text",
    [
        "Played the last round of golf on Sunday and my back went",
        "Next round of job interviews is Monday, my neck is tense",
    ],
)
def test_a_round_alone_is_not_treatment(text):
    assert "cancer:on_treatment" not in {m.label for m in extract(text).applied}


def test_a_round_with_a_count_is_a_chemotherapy_round():
    ctx = extract("white count crashed after my last round - nurse said neutrophils point four.")
    assert "chemotherapy" in ctx.cancer_treatments()
