"""Wave 19 (issue 10), lead: the gaps the final review of waves 17 and 18 found, in our own
wordings (none is a benchmark question).

1. A temperature said after a noun or a name ("Hubby is 38.9 tonight", "Mum was 39.2 this
   morning", "Dad's been 38.7 all day") is a measured temperature; a measurement said the same
   way ("her BMI is 38.5", "haematocrit was 38.5") is not, nor a gestation or an age.
2. A decimal count of weeks ("38.5 weeks pregnant") is read by its whole weeks, never by the
   digit after the point.
3. Injecting said to have stopped with a perfect negation and a span or a date ("hasn't injected
   since last Easter", "I haven't shot up for 6 months") is injecting given up: under a year,
   or dated by an event with no year, it stays a risk (clinic policy, one year); six years, or
   a calendar year before this one, is history. "Never injected" is a denial.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(question: str) -> tuple[str | None, str | None, list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    applied = list((answer.patient_context or {}).get("applied", []))
    return screen.get("decision"), screen.get("urgency"), applied


# 1. a temperature after a noun ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Hubby is 38.9 tonight and he's on his third round of chemo. Can acupuncture help his "
        "back?",
        "Mum was 39.2 this morning, she is having chemotherapy for breast cancer. Acupuncture for "
        "her sickness?",
        "Dad's been 38.7 all day and he's mid chemo. Is his acupuncture still on tomorrow?",
        "My wife has been 38.4 since lunch, she's on chemo, neuropathy in her feet, needles ok?",
        "Grandma is still 39 point... sorry, Grandma is still 38.6 after paracetamol, she's on "
        "chemo tablets. Acupuncture for her nausea?",
        "Patient was 38.8 overnight, currently receiving chemotherapy, booked for acupuncture "
        "for CIPN this afternoon.",
    ],
)
def test_a_temperature_after_a_noun_is_fever(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:fever" in applied
    assert (decision, urgency) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "My husband's BMI is 38.5 and he has knee arthritis. Does acupuncture help?",
        "Her haematocrit was 38.5 and she has neck pain. Is acupuncture ok?",
        "My wife is 38.5 weeks pregnant with back pain, can she have acupuncture?",
        "Her score was 38.5 on the pain scale and she has fibromyalgia, acupuncture?",
        "Dad's waist is 38.5 inches and his knees ache. Would acupuncture help?",
    ],
)
def test_a_measurement_said_the_same_way_is_no_fever(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:fever" not in applied


# 2. a decimal count of weeks -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "weeks"),
    [
        ("My wife is 38.5 weeks pregnant with back pain, acupuncture?", "weeks:38"),
        ("She's 12.5 weeks pregnant with pelvic pain. Which points are off limits?", "weeks:12"),
        ("I'm 20,5 weeks pregnant and my back hurts, can I have acupuncture?", "weeks:20"),
        ("30.5w pregnant, PGP, acupuncture?", "weeks:30"),
    ],
)
def test_a_decimal_count_of_weeks_reads_its_whole_weeks(question: str, weeks: str) -> None:
    _, _, applied = _screen(question)
    assert weeks in applied
    assert [label for label in applied if label.startswith("weeks:")] == [weeks]


# 3. injecting stopped since a time ----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My son hasn't injected since last Easter, can acupuncture help his back?",
        "I haven't injected for 6 months. Can acupuncture help my back pain?",
        "He hasn't shot up since Christmas, bad back, acupuncture?",
        "She has not injected heroin since the summer and her lower back is agony. Needles ok?",
        "haven't used needles in 3 months, back pain for a fortnight, acupuncture?",
    ],
)
def test_injecting_stopped_under_a_year_ago_is_still_a_risk(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:iv_drug_use" in applied
    assert (decision, urgency) == ("refer", "urgent")


@pytest.mark.parametrize(
    "question",
    [
        "I'm clean now - haven't injected for 6 years, on methadone. Lower back aches. "
        "Acupuncture?",
        "He hasn't injected heroin for six years and his back is sore. Can he try acupuncture?",
        "She hasn't injected since 2015, back pain, would acupuncture help?",
        "I have never injected drugs. Back pain, acupuncture?",
        "I haven't injected my insulin for 2 days and my back aches, acupuncture ok?",
    ],
)
def test_injecting_given_up_years_ago_or_never_is_not_a_risk(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:iv_drug_use" not in applied


def test_injecting_for_years_is_still_how_long_it_was_used() -> None:
    # "for 6 years" after the drug, with no negation, is how long it was used, not time since
    decision, _, applied = _screen("Injected heroin for 6 years, back pain now, acupuncture?")
    assert "red_flag:iv_drug_use" in applied
    assert decision == "refer"


# 4. a new stroke sign after an old stroke --------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Dad had a stroke in 2019. Since lunch his face has dropped again. Acupuncture tonight?",
        "Mum had a stroke two years ago and this morning her arm suddenly went weak again. "
        "Acupuncture for her shoulder?",
        "Mum had a stroke in 2022; today her left arm went floppy. Acupuncture for her shoulder?",
        "She had a stroke last year; this morning her speech went slurred again. Acupuncture?",
        "Previous stroke 2021. New L facial droop since breakfast. Booked for acupuncture, ok?",
    ],
)
def test_a_new_sign_after_an_old_stroke_is_a_suspected_stroke(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:suspected_stroke" in applied
    assert (decision, urgency) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "After my stroke in 2020 my arm is still weak today. Acupuncture for shoulder pain?",
        "Had Bell's palsy 3 years ago, face still a bit lopsided, acupuncture for neck pain?",
        "My arms feel weak since chemo started, acupuncture for the neuropathy?",
        "Her arm is not weak today, just sore. Acupuncture for her shoulder?",
    ],
)
def test_an_old_or_explained_sign_is_no_suspected_stroke(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:suspected_stroke" not in applied


# 5. premises that are not there ----------------------------------------------------------------


def _correction(question: str) -> str:
    markdown = ask(question).markdown
    if "## First, a correction" not in markdown:
        return ""
    return markdown.split("## First, a correction", 1)[1][:400]


@pytest.mark.parametrize(
    "question",
    [
        "Does having acupuncture during radiotherapy for head and neck cancer stop the dry mouth "
        "later?",
        "Will acupuncture during chemo stop the sickness?",
        "Can acupuncture alongside my tamoxifen stop the hot flushes?",
        "NICE strongly recommends against acupuncture for low back pain, doesn't it?",
        "The NICE guideline says not to offer acupuncture for back pain, is that still the case?",
    ],
)
def test_no_correction_where_the_question_claims_nothing_false(question: str) -> None:
    assert _correction(question) == ""


@pytest.mark.parametrize(
    "question",
    [
        "Can I stop my chemo and just have acupuncture?",
        "I want to come off my tablets and use acupuncture instead.",
        "Acupuncture can replace my tamoxifen, so I'm going to quit it.",
        "I'll skip the radiotherapy and do acupuncture, it works just as well.",
        "NICE recommends acupuncture for back pain, so my GP should refer me.",
    ],
)
def test_a_false_premise_is_still_corrected(question: str) -> None:
    assert _correction(question).startswith("\n\n**No")


@pytest.mark.parametrize(
    "question",
    [
        "My neighbour says acupuncture during chemo makes the chemo stop working. Should I "
        "skip it?",
        "My sister says acupuncture will weaken my radiotherapy, so I cancelled.",
        "Acupuncture interferes with tamoxifen, everyone at my group says so.",
        "Needles cancel out the chemo, my aunt told me. Is she right?",
        "The acupuncture makes my hormone therapy less effective, I read online.",
    ],
)
def test_a_treatment_said_to_be_weakened_is_corrected(question: str) -> None:
    assert "weakens chemotherapy or another prescribed treatment" in _correction(question)


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture interfere with chemo?",
        "The cardiologist stopped my warfarin in March. Acupuncture for my hip?",
        "Is acupuncture as good as topiramate for stopping migraines?",
        "The doctor ruled out a stroke and gave me steroids for my Bell's palsy. Does acupuncture "
        "help?",
        "They ruled out a fracture, I'm on naproxen for my back. Acupuncture?",
    ],
)
def test_no_weakening_or_stopping_correction_for_a_question_or_a_history(question: str) -> None:
    assert _correction(question) == ""


@pytest.mark.parametrize(
    "question",
    [
        "My pacemaker rules out acupuncture completely, right?",
        "Being on warfarin has ruled out acupuncture for me.",
        "Warfarin rules it out, so I can never have acupuncture.",
    ],
)
def test_a_restriction_said_to_rule_out_acupuncture_is_corrected(question: str) -> None:
    assert "does not rule out acupuncture altogether" in _correction(question)
