"""Wave 6 (issue 10): mechanisms added after the probe 6 tuning set, each tested in wordings of
our own (the probe's questions are scored by ``benchmarks/ask/run.py --file``)."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _labels(question: str) -> set[str]:
    return extract(question).labels()


def _status(question: str, value: str) -> str:
    m = next(m for m in extract(question).mentions if m.value == value)
    return m.status


@pytest.mark.parametrize(
    ("question", "weeks"),
    [
        ("EDD 2 April (currently 27+1), rib pain", "weeks:27"),
        ("due date 10/05/2027 but she is 22 weeks by scan, back ache", "weeks:22"),
    ],
)
def test_stated_weeks_win_over_a_due_date(question: str, weeks: str) -> None:
    labels = _labels(question)
    assert weeks in labels
    assert len([x for x in labels if x.startswith("weeks:")]) == 1


@pytest.mark.parametrize(
    "question",
    [
        "ICSI worked, 8 wks now, shoulder pain",
        "our IVF pregnancy is at 10 weeks and I have neck pain",
        "positive test last week! back pain, acupuncture ok?",
    ],
)
def test_assisted_conception_that_worked_is_a_pregnancy(question: str) -> None:
    assert "pregnant" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "BFN again this month, we're still trying. back pain - acupuncture?",
        "pregnancy test came back negative, period pain",
    ],
)
def test_a_negative_test_denies_pregnancy(question: str) -> None:
    ctx = extract(question)
    assert "pregnant" not in ctx.labels()
    assert "pregnant" in ctx.negated_labels()


def test_a_question_about_no_patient_names_pregnancy_as_its_topic() -> None:
    ctx = extract("For a lecture, not a patient: which points are avoided in pregnancy?")
    assert "pregnant" not in ctx.labels()
    assert not ctx.describes_patient


@pytest.mark.parametrize(
    ("question", "value", "status"),
    [
        ("Eliquis is due to restart tomorrow; acupuncture this afternoon?", "apixaban", "future"),
        ("warfarin is due to restart on Monday after the op", "warfarin", "current"),
        ("apixaban 5 mg until the end of next week, then stop", "apixaban", "current"),
        ("clopidogrel till Friday, knee pain", "clopidogrel", "current"),
        ("she was on warfarin until last month", "warfarin", "past"),
        ("finished everything (FOLFOX, then radiotherapy) in 2021, all clear", "folfox", "past"),
        ("platelets fell during chemo for lymphoma in 2018", "chemotherapy", "past"),
    ],
)
def test_timing_words(question: str, value: str, status: str) -> None:
    got = _status(question, value)
    assert (got if got != "stopped_recently" else "current") == status


def test_a_normal_inr_after_a_stop_shows_the_vka_has_worn_off() -> None:
    assert _status(
        "Sintrom stopped 6 days ago for a hip op; INR 1.0 this morning", "acenocoumarol"
    ) in ("past",)
    # an INR at or above 1.5 leaves it kept, and a DOAC is not measured by the INR
    assert _status("warfarin stopped 4 days ago, INR 1.8 today", "warfarin") == "stopped_recently"
    assert _status("apixaban stopped 2 days ago, INR 1.0", "apixaban") == "stopped_recently"


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("footballer here (17), heel pain", "age:17"),
        ("Octogenarian (83), hip OA", "age:83"),
        ("one resident, 91, has neck pain", "age:91"),
    ],
)
def test_more_age_frames(question: str, age: str) -> None:
    assert age in _labels(question)


def test_gray_doses_are_radiotherapy() -> None:
    labels = _labels("received 30 Gy to the lumbar spine last week for a deposit")
    assert "radiation:lower_back" in labels


def test_neut_is_the_neutrophil_count() -> None:
    assert "anc:0.5" in _labels("NEUT 0.5, PLT 120, on docetaxel")


@pytest.mark.parametrize(
    ("question", "latest", "earlier"),
    [
        ("plt 41 last Tuesday. Repeat today 95, back pain", "platelets:95", "platelets:41"),
        ("INR 3.9 on Friday; rechecked this morning 2.4", "inr:2.4", "inr:3.9"),
    ],
)
def test_a_repeat_test_in_the_next_sentence_is_the_latest(
    question: str, latest: str, earlier: str
) -> None:
    labels = _labels(question)
    assert latest in labels
    assert earlier not in labels


@pytest.mark.parametrize(
    "question",
    [
        "my wife is 20 weeks pregnant but I'm the one with sciatica, can I have acupuncture?",
        "my sister is expecting; im a 40 year old man with neck pain",
    ],
)
def test_another_persons_pregnancy_beside_the_asker(question: str) -> None:
    assert "pregnant" not in _labels(question)


@pytest.mark.parametrize(
    ("question", "present", "absent"),
    [
        ("in my 2nd tri with rib pain", "pregnant", None),
        ("my kids are 4 and 7, I have neck pain", None, "age_band:child"),
        ("a 52-y-o man, shoulder pain", "age:52", None),
        ("she turns 80 next month, knee OA", "age:79", None),  # wave 12: 79 until then
        ("elderly (86), hip pain", "age:86", None),
        ("ex-clopidogrel, knee pain", None, "class:antiplatelet"),
        ("rivaroxaban (stopped), sciatica", None, "class:anticoagulant"),
    ],
)
def test_self_probe_wordings(question: str, present: str | None, absent: str | None) -> None:
    labels = _labels(question)
    if present:
        assert present in labels
    if absent:
        assert absent not in labels
