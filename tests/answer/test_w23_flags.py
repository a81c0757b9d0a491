"""Wave 23, flags: kinds of wording from the once-run held-out part 22, in our own wordings
(none is a benchmark question), with the wordings that must not trigger.

1. Reduced consciousness in lay words, two signs together (sleepy and floppy, drowsy and hard
   to wake, not responding properly): an emergency referral.
2. A low CD4 count said in words told about a person is immune suppression.
3. Epilepsy and its poor control split by punctuation or order.
4. Severe night pain in lay words.
5. A bare temperature as an item of a clinical note beside signs of infection.
6. Mild needle nerves said with a reduplicated denial ("not scared scared").
7. A cancer scare is no cancer.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(question: str) -> tuple[str | None, str | None, list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    applied = [str(x) for x in (answer.patient_context or {}).get("applied", [])]
    return screen.get("decision"), screen.get("urgency"), applied


def _has(applied: list[str], label: str) -> bool:
    return any(label in a for a in applied)


# 1. reduced consciousness in lay words -----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My little girl is 3, she has a fever of 39.5 and she's very sleepy and floppy",
        "my toddler has a high temperature and has gone floppy and is hard to wake",
        "My dad is drowsy and confused since this morning, he has back pain",
        "Mum is not responding properly today and very sleepy, she has knee pain",
        "my son is sleepy and not with it, temperature 39, headache",
        "Grandad is lethargic and muddled since yesterday, neck pain",
    ],
)
def test_reduced_consciousness_in_lay_words_is_an_emergency(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert decision == "refer" and urgency == "emergency", (question, decision, urgency, applied)
    assert _has(applied, "altered_consciousness"), (question, applied)


@pytest.mark.parametrize(
    "question",
    [
        "I'm sleepy after night shifts and my back hurts",
        "I'm always tired and sleepy, neck pain",
        "My old floppy disk collection is heavy to lift, now back pain",
        "If my child became drowsy and floppy should I stop acupuncture?",
        "I find it hard to wake up in the mornings, low back pain",
        "my back pain is not responding to physio",
    ],
)
def test_not_reduced_consciousness(question: str) -> None:
    _, _, applied = _screen(question)
    assert not _has(applied, "altered_consciousness"), (question, applied)


# 2. a low CD4 count in words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "HIV positive, CD4 low, on antiretrovirals. Painful feet.",
        "My CD4 count is really low at the moment and my knee hurts",
        "pt with HIV, CD4s have dropped, back pain",
        "He has HIV and his CD4 count is very low; neck pain for a month",
        "Living with HIV, my T cell count has fallen a lot, shoulder pain",
    ],
)
def test_low_cd4_in_words_is_immune_suppression(question: str) -> None:
    _, _, applied = _screen(question)
    assert _has(applied, "red_flag:immunosuppression"), (question, applied)


@pytest.mark.parametrize(
    "question",
    [
        "What does a low CD4 count mean for acupuncture?",
        "HIV on ART, CD4 normal, undetectable viral load. Neck pain",
        "HIV, CD4 was low years ago but back up now at 650. Back pain",
        "How low does the CD4 have to be before acupuncture is unsafe?",
        "HIV well controlled, CD4 healthy, knee OA",
    ],
)
def test_low_cd4_not_read(question: str) -> None:
    _, _, applied = _screen(question)
    assert not _has(applied, "red_flag:immunosuppression"), (question, applied)


# 3. epilepsy and its control split ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Epilepsy, badly controlled (three tonic-clonic seizures this month). Neck pain.",
        "epilepsy - uncontrolled. neck pain",
        "Seizures, poorly controlled despite 3 drugs. Low back pain",
        "fits, frequent, on levetiracetam. knee pain",
        "my daughter has epilepsy. Her seizures are not controlled. She has migraines",
    ],
)
def test_epilepsy_and_poor_control_split(question: str) -> None:
    _, _, applied = _screen(question)
    assert _has(applied, "comorbidity:uncontrolled_epilepsy"), (question, applied)


@pytest.mark.parametrize(
    "question",
    [
        "Epilepsy, well controlled, seizure-free for 6 years. Back pain",
        "Epilepsy, poorly controlled as a teenager, none since. Back pain",
        "Epilepsy on lamotrigine, good control. Shoulder pain",
        "My brother's epilepsy is uncontrolled; I have back pain",
    ],
)
def test_epilepsy_controlled_or_over(question: str) -> None:
    _, _, applied = _screen(question)
    assert not _has(applied, "comorbidity:uncontrolled_epilepsy"), (question, applied)


# 4. severe night pain in lay words ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "my back hurts at night so much I can barely stand it, lost weight too",
        "my lower back pain at night is so bad I end up pacing the floor",
        "Neck aches at night so much it keeps me awake, 62",
        "The pain in my spine at night is excruciating",
        "low back aching at night keeps me up, it's awful",
    ],
)
def test_night_pain_in_lay_words(question: str) -> None:
    _, _, applied = _screen(question)
    assert _has(applied, "red_flag:severe_night_pain"), (question, applied)


@pytest.mark.parametrize(
    "question",
    [
        "I work night shifts and my back is sore",
        "I can't sleep at night, and my knee aches a bit",
        "My back pain is worse in the day, fine at night",
        "my back doesn't hurt at night at all",
        "Night cramps in my calves are awful, and my knee is sore",
    ],
)
def test_not_night_pain(question: str) -> None:
    _, _, applied = _screen(question)
    assert not _has(applied, "red_flag:severe_night_pain"), (question, applied)


# 5. a bare temperature in a clinical note --------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Hot swollen L ankle, 38.4, can't weight bear since this morning",
        "Red swollen knee; 38.6; rigors overnight",
        "58M, hot L elbow, 39.1, unwell",
        "Swollen hot wrist, 38.0, feels shivery",
        "Painful swollen knee, 38.9 and sweats",
    ],
)
def test_bare_temperature_in_a_note_is_fever(question: str) -> None:
    _, _, applied = _screen(question)
    assert _has(applied, "red_flag:fever"), (question, applied)


@pytest.mark.parametrize(
    "question",
    [
        "BMI 38.2, knee OA, stiff in the mornings",
        "Swollen knee, 37.2, no other signs",
        "Knee OA, weight 38.5 kg, swollen knee",
        "Knee OA for years, 38.4, otherwise well",
    ],
)
def test_bare_decimal_not_fever(question: str) -> None:
    _, _, applied = _screen(question)
    assert not _has(applied, "red_flag:fever"), (question, applied)


# 6. mild needle nerves with a reduplicated denial ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "im a bit nervous about needles like most people but not scared scared, back pain",
        "a bit nervous about needles but not afraid-afraid. Low back pain",
        "I'm a little anxious about needles, not scared scared, knee pain",
    ],
)
def test_mild_needle_nerves_no_phobia(question: str) -> None:
    decision, _, applied = _screen(question)
    assert not _has(applied, "needle_phobia"), (question, applied)
    assert decision != "defer", (question, decision)


@pytest.mark.parametrize(
    "question",
    [
        "I'm nervous about needles and honestly scared scared of them, back pain",
        "I'm scared of needles, really scared scared",
        "Terrified of needles, faint at injections. Neck pain",
    ],
)
def test_needle_fear_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert _has(applied, "needle_phobia"), (question, applied)


# 7. a cancer scare -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I had a cancer scare two years ago but the biopsy was benign. Back pain",
        "Had a breast cancer scare in 2020, lump was a cyst. Now neck pain",
        "had a cancer scare - false alarm. low back pain for 3 weeks",
        "Bowel cancer scare last spring, colonoscopy clear, knee pain",
    ],
)
def test_cancer_scare_is_no_cancer(question: str) -> None:
    _, _, applied = _screen(question)
    assert not _has(applied, "cancer:"), (question, applied)


@pytest.mark.parametrize(
    "question",
    [
        "I had a cancer scare last year and it turned out to be cancer, now in remission. "
        "Back pain",
        "Bowel cancer scare, biopsy came back positive, starting chemo next week",
        "I had cancer last year. Back pain now",
    ],
)
def test_cancer_after_a_scare_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert _has(applied, "cancer:"), (question, applied)
