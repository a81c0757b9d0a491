"""Wave 6 (issue 10): pregnancy and life stage in every notation, and what is not pregnancy now.

Wordings written before the rules. ``HELD_OUT`` cases were written at the same time and kept
out of tuning: they are scored by their own test so their pass rate can be reported honestly.
"""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _labels(question: str) -> set[str]:
    return extract(question).labels()


def _weeks(question: str) -> set[int]:
    return {int(m.value) for m in extract(question).applied if m.kind == "weeks"}


PREGNANT_WEEKS = [
    ("26/40 with sciatica, ok to needle?", 26),
    ("I'm 28+3 and my back is killing me", 28),
    ("GA 30w, pelvic girdle pain", 30),
    ("11 wks by dating scan, nausea and low back ache", 11),
    ("33 weeks with my second and my hips ache", 33),
    ("G3P2 at 24 weeks with back pain", 24),
    ("pt is 32/40, PGP, wants acupuncture", 32),
    ("Currently 12+6 weeks, neck pain, can I have needles?", 12),
    ("gestation 9 weeks, headaches", 9),
    ("she's 20 weeks gestation with carpal tunnel", 20),
    ("36 wk primip with back pain", 36),
    ("pregnant (14/40), low back pain", 14),
]

PREGNANT_NO_WEEKS = [
    "primip, EDD 20 March 2027, low back pain",
    "due in March, can I have acupuncture for my back",
    "IVF embryo transfer last week, can acupuncture help my back pain",
    "pregnant with twins, sciatica",
    "I'm expecting and my lower back is sore",
    "got a bun in the oven and my neck hurts",
    "my bump is getting big and my hips ache",
    "eating for two these days and my back is killing me",
    "multip, third trimester, pelvic pain",
    "my due date is in May and I have sciatica",
    "we are expecting twins in the spring, my back aches",
    "expecting our first baby, neck and shoulder pain",
    "multigravida, rib pain, can she have acupuncture?",
    "my daughter-in-law is due in March, is acupuncture safe for her back?",
]

NOT_PREGNANT_NOW = [
    "6/52 postpartum with neck pain",
    "6 weeks post partum, back pain",
    "I had my baby in May and my back hurts",
    "just given birth, sore pelvis",
    "post-natal back pain, 3 months after delivery",
    "she delivered 2 weeks ago and has carpal tunnel",
    "had a miscarriage last year, knee pain",
    "termination of pregnancy in 2019, now neck pain",
    "not pregnant, knee pain",
    "definitely not expecting, just a sore back",
    "my sister is pregnant, I have neck pain, can acupuncture help me?",
    "my wife is 30 weeks pregnant, I have a bad back myself",
    "the baby is due to have its jabs, I have back pain",
]


@pytest.mark.parametrize(("question", "weeks"), PREGNANT_WEEKS)
def test_pregnancy_weeks_in_every_notation(question: str, weeks: int) -> None:
    assert "pregnant" in _labels(question)
    assert _weeks(question) == {weeks}


@pytest.mark.parametrize("question", PREGNANT_NO_WEEKS)
def test_pregnant_without_weeks(question: str) -> None:
    assert "pregnant" in _labels(question)


@pytest.mark.parametrize("question", NOT_PREGNANT_NOW)
def test_not_pregnant_now(question: str) -> None:
    assert "pregnant" not in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "6/52 postpartum with neck pain",
        "I had my baby in May and my back hurts",
        "just given birth, sore pelvis",
        "she delivered 2 weeks ago and has carpal tunnel",
    ],
)
def test_after_a_birth_is_postpartum(question: str) -> None:
    assert "postpartum" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "if I were pregnant could I still have acupuncture for my back?",
        # held out, moved here: a supposed pregnancy stands as a hypothetical by design
        # (context.PatientContext.applied), so it could not be a "not pregnant" case
        "would it matter if she were pregnant? she has back pain",
    ],
)
def test_supposed_pregnancy_is_hypothetical(question: str) -> None:
    preg = [m for m in extract(question).mentions if m.kind == "pregnant"]
    assert preg and all(m.hypothetical for m in preg)


def test_trying_to_conceive_is_a_possible_pregnancy() -> None:
    """Clinic policy (patient.yaml, ``possible_pregnancy``): an early pregnancy cannot be ruled
    out, so every trimester's precautions apply."""
    ctx = extract("trying to conceive for a year, low back pain, is acupuncture ok?")
    assert "pregnant" in ctx.labels()
    assert not _weeks("trying to conceive for a year, low back pain")
    assert "pregnant" not in _labels("not trying to conceive, back pain")


HELD_OUT_PREGNANT = [
    "29/40 and sciatica down my left leg",
    "pregnant 22+1, heartburn and back pain",
    "GA 18/40, SPD",
    "about 16 wks along by scan, neck ache",
    "EDD next month, hip pain",
    "baby due in february, back is agony",
    "frozen embryo transfer 5 days ago and migraine",
    "she is carrying twins, 2nd trimester, lumbar pain",
    "my growing bump is hurting my back",
    "G2P1 at 34/40 with carpal tunnel",
    "in the family way and my knees ache",
    "TTC for 6 months, back pain, any points to avoid?",
]
HELD_OUT_NOT_PREGNANT = [
    "10 days postpartum, sore back",
    "she had her baby 3 weeks ago, neck pain",
    "had a stillbirth in 2020, now low back pain",
    "my friend is expecting, I have knee pain",
    "not pregnant and not breastfeeding, neck pain",
]


def test_held_out_pregnancy() -> None:
    """Held-out wordings (not tuned on): the pass rate is reported, every one must pass."""
    missed = [q for q in HELD_OUT_PREGNANT if "pregnant" not in _labels(q)]
    missed += [q for q in HELD_OUT_NOT_PREGNANT if "pregnant" in _labels(q)]
    assert not missed, missed


@pytest.mark.parametrize(
    "question",
    [
        "3 weeks postpartum: do the pregnancy precautions on points still hold?",
        "I'm not pregnant, are there points to avoid in pregnancy anyway? my back hurts",
        "she's definitely not expecting, neck pain",
        "we've been trying for a baby but I'm not pregnant, back pain",
        "G2P1, 6/52 postpartum, carpal tunnel",
        "miscarried at 11 weeks in September, now headaches",
        "G3P2 with a miscarriage last year, knee pain",
    ],
)
def test_no_pregnancy_beside_a_birth_a_loss_or_a_denial(question: str) -> None:
    assert "pregnant" not in _labels(question)
    assert not _weeks(question)


def test_an_ended_pregnancy_is_shown_not_screened() -> None:
    ctx = extract("Miscarried at 9 weeks last month, migraine since")
    assert "past_pregnancy" in ctx.labels()
    assert ctx.describes_patient


@pytest.mark.parametrize(
    ("question", "weeks"),
    [
        # dated against the day of asking: 40 weeks at the due date
        ("EDD 20/03/2027, back pain", 24),
        ("due 1st of June, sciatica", 14),
    ],
)
def test_weeks_from_a_due_date(question: str, weeks: int) -> None:
    import datetime

    from acupath.answer.pregnancy import due_weeks

    today = datetime.date(2026, 12, 3)
    when = question.lower().split(",")[0].split(" ", 1)[1]
    assert due_weeks(when, today) == weeks


def test_a_due_month_near_the_trimester_boundary_gives_no_weeks() -> None:
    import datetime

    from acupath.answer.pregnancy import due_weeks

    # due in June 2027 from 3 December 2026: 11 to 15 weeks now, either side of 13
    assert due_weeks("june", datetime.date(2026, 12, 3)) is None
    assert due_weeks("march", datetime.date(2026, 12, 3)) is not None


def test_general_anaesthetic_is_no_gestation() -> None:
    assert "pregnant" not in _labels("knee replacement under GA 30 minutes, back pain since")


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture on the day of embryo transfer improve IVF pregnancy rates?",
        "does acupuncture raise the chance of pregnancy with IVF?",
        "acupuncture and clinical pregnancy outcomes: what do trials show?",
    ],
)
def test_pregnancy_as_a_trial_outcome_is_no_patient(question: str) -> None:
    assert "pregnant" not in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "had my embryo transfer on Monday, neck pain",
        "frozen embryo transfer 5 days ago and migraine",
        "2ww after IUI, back ache",
    ],
)
def test_a_transfer_of_the_patient_is_a_possible_pregnancy(question: str) -> None:
    assert "pregnant" in _labels(question)
