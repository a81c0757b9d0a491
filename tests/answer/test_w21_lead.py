"""Wave 21 (issue 10), lead: a radiotherapy whose field is not named, beside a cancer whose site
is (part 16's h16106 kind), in our own wordings (none is a benchmark question).

Clinic policy (described_devices._cancer_site): a radiotherapy now or to come is taken to be given
to the named cancer's site, which the screen then keeps needles off, and the answer lists that
field among what it assumed. A course finished years ago, a cancer with no site, and organ words
away from a cancer word ("liver numbers") give no field.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> tuple[str | None, list[str], list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    return (
        screen.get("decision"),
        list((answer.patient_context or {}).get("applied", [])),
        list(screen.get("assumed", [])),
    )


@pytest.mark.parametrize(
    ("question", "field"),
    [
        (
            "My husband has cancer in his spine and is on radiotherapy this week. Would "
            "acupuncture ease the pain?",
            "radiation:spine",
        ),
        (
            "She has lung cancer and is having radiotherapy at the moment; can needles help her "
            "breathlessness?",
            "radiation:chest",
        ),
        (
            "Cancer in her right lung, she is on radiotherapy. Acupuncture for her shoulder?",
            "radiation:right_chest",
        ),
        (
            "Dad's prostate cancer is being treated with radiotherapy every weekday. Is "
            "acupuncture OK for his knee?",
            "radiation:pelvis",
        ),
        (
            "Mum has breast cancer on the left and starts radiotherapy on Monday. Acupuncture for "
            "hot flushes?",
            "radiation:left_chest",
        ),
        (
            "He has cancer of the gullet and is halfway through his radiotherapy. Acupuncture for "
            "nausea?",
            "radiation:chest",
        ),
        (
            "her bowel cancer has spread to the liver, radiotherapy now, could acupuncture "
            "help the pain",
            "radiation:abdomen",
        ),
        (
            "MY BROTHER HAS SECONDARIES IN HIS SPINE AND IS HAVING RADIOTHERAPY, CAN HE HAVE "
            "ACUPUNCTURE",
            "radiation:spine",
        ),
    ],
)
def test_radiotherapy_field_taken_from_the_cancer_site(question: str, field: str) -> None:
    decision, applied, _ = _applied(question)
    assert field in applied
    assert "radiation:unspecified" not in applied
    assert decision in ("proceed_with_modifications", "refer")


def test_the_inferred_field_is_listed_as_assumed() -> None:
    _, applied, assumed = _applied(
        "My father has cancer in his spine and the pain keeps him awake at night, the doctors "
        "have him on oxycodone and he is on radiotherapy now. Can acupuncture help him?"
    )
    assert "radiation:spine" in applied
    assert any("where the cancer is, spine" in a for a in assumed)


@pytest.mark.parametrize(
    "question",
    [
        # finished years ago: the field is read only where it is named
        "I finished radiotherapy for bowel cancer 9 years ago and have been clear since. "
        "Acupuncture for tension headaches?",
        "Breast cancer 12 years ago, lumpectomy and radiotherapy, discharged. Now neck pain.",
        # a cancer with no site
        "He has cancer and is on radiotherapy now. Can acupuncture help his tiredness?",
    ],
)
def test_no_field_without_a_current_course_at_a_named_site(question: str) -> None:
    _, applied, assumed = _applied(question)
    assert not [a for a in applied if a.startswith("radiation:") and a != "radiation:unspecified"]
    assert not any("where the cancer is" in a for a in assumed)


def test_an_organ_word_away_from_a_cancer_is_no_site() -> None:
    _, applied, _ = _applied(
        "I stopped methotrexate in June because of my liver numbers. I have radiotherapy for a "
        "skin cancer on my nose now. Acupuncture for my knee?"
    )
    assert "radiation:abdomen" not in applied


# A terse note naming a cancer (or with a case note's words) beside a complaint and a question
# whether to needle describes a particular person, who is screened: a cancer with back or neck
# pain is the screen's history_of_cancer red flag. Found when the flags engineer noted that
# "CLL, watch and wait, now low back pain" got no screen at all.
@pytest.mark.parametrize(
    "question",
    [
        "CLL, watch and wait, now low back pain. Acupuncture?",
        "Prostate cancer on active surveillance; new low back pain. Acupuncture?",
        "Myeloma, neck pain for 2 months, is acupuncture ok?",
        "Lymphoma in remission since spring. Neck ache. Suitable for needling?",
        "Leukaemia, watch and wait. Low back pain for 3 weeks. Suitable for acupuncture?",
    ],
)
def test_a_note_naming_a_cancer_and_back_pain_is_screened(question: str) -> None:
    decision, _, _ = _applied(question)
    assert decision == "refer"


@pytest.mark.parametrize(
    "question",
    [
        "Skin: seborrhoeic keratosis on the back, intact. Dx chronic neck pain. Any reason to "
        "avoid?",
        "PMH: hypertension. Knee OA. Is acupuncture OK?",
    ],
)
def test_a_case_note_with_a_complaint_is_screened(question: str) -> None:
    decision, _, _ = _applied(question)
    assert decision == "proceed"


@pytest.mark.parametrize(
    "question",
    [
        "Cancer patients with back pain: is acupuncture safe?",
        "Is acupuncture safe for cancer pain?",
        "For people who have leukaemia and back pain, is acupuncture OK?",
    ],
)
def test_a_cancer_named_of_a_group_describes_no_one(question: str) -> None:
    decision, _, _ = _applied(question)
    assert decision is None
