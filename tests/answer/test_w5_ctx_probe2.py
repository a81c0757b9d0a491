"""Wave 5 (issue 10), red-team probe 2 findings in the patient-context files: pregnancy weeks
in compound number words, stem collisions ("radiating" is no radiotherapy, "expecting her
results" no pregnancy), and a medicine's indication that carries its own past time."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _weeks(question: str) -> list[str]:
    return sorted({m.value for m in extract(question).applied if m.kind == "weeks"})


@pytest.mark.parametrize(
    ("question", "weeks"),
    [
        ("thirty-two weeks pregnant with twins and pelvic pain", "32"),
        ("she is twenty-eight weeks pregnant", "28"),
        ("I'm thirty six weeks pregnant, back pain", "36"),
        ("twenty one weeks along with sciatica", "21"),
        ("pregnant at thirty-four weeks, hip pain", "34"),
        ("week twenty-five of my pregnancy", "25"),
        ("I'm 32 weeks pregnant", "32"),
    ],
)
def test_compound_week_words(question: str, weeks: str) -> None:
    assert _weeks(question) == [weeks]


@pytest.mark.parametrize(
    "question",
    [
        "thirty-two weeks of physio did nothing for my knee",
        "twenty two weeks ago I hurt my back",
        "neck pain for forty-two weeks",
    ],
)
def test_week_counts_that_are_not_a_pregnancy(question: str) -> None:
    assert _weeks(question) == []


@pytest.mark.parametrize(
    "question",
    [
        "c/o LBP radiating to L leg",
        "low back pain radiating to the left leg. acupuncture?",
        "the pain in my shoulder radiates to the elbow",
        "my sciatica radiates into my foot",
        "pain radiated down her arm last night",
        "radiating neck pain, can acupuncture help?",
    ],
)
def test_radiating_pain_is_no_radiotherapy(question: str) -> None:
    labels = extract(question).labels()
    assert not any(lab.startswith(("radiation", "treatment:radio")) for lab in labels), labels


@pytest.mark.parametrize(
    "question",
    [
        "radiotherapy to the left breast last year",
        "she was irradiated to the pelvis",
        "DXT to the pelvis 3 yrs ago",
        "radiation to her neck",
        "on XRT for the spine",
        "having radiation therapy now",
    ],
)
def test_radiotherapy_words_still_read(question: str) -> None:
    assert any(m.kind == "radiation" for m in extract(question).mentions)


@pytest.mark.parametrize(
    "question",
    [
        "She's expecting her test results tomorrow; chronic neck pain",
        "I'm expecting my scan report next week, back pain",
        "he's expecting a call from the surgeon",
    ],
)
def test_expecting_something_else_is_no_pregnancy(question: str) -> None:
    assert not any(m.kind == "pregnant" for m in extract(question).applied)


@pytest.mark.parametrize(
    "question",
    [
        "she's expecting her first baby in May, back pain",
        "I'm expecting twins, pelvic pain",
        "we're expecting our second child",
    ],
)
def test_expecting_a_baby_is_a_pregnancy(question: str) -> None:
    assert any(m.kind == "pregnant" for m in extract(question).applied)


@pytest.mark.parametrize(
    "question",
    [
        "I take apixaban for a clot I had in my leg in the spring, knee pain",
        "she takes warfarin because of a DVT she had last year",
        "mum is taking rivaroxaban for a PE she had in 2021",
        "I use clexane for a clot I had after surgery in June",
        "dad takes his apixaban for an AF episode he had years ago",
        "on warfarin for AF since 2019, knee pain",
    ],
)
def test_a_past_indication_does_not_date_the_medicine(question: str) -> None:
    assert "class:anticoagulant" in extract(question).labels()


@pytest.mark.parametrize(
    "question",
    [
        "came off apixaban in June, knee pain",
        "used to take warfarin for a clot",
        "stopped rivaroxaban two months ago",
        "I had warfarin for a DVT in 2015",
    ],
)
def test_past_medicines_stay_past(question: str) -> None:
    assert "class:anticoagulant" not in extract(question).labels()


@pytest.mark.parametrize(
    "question",
    [
        "I had a temperature last month but I'm fine now; knee OA",
        "she lost weight years ago but it's all resolved, neck pain",
        "had a fever as a child, fully better, back pain",
        "back in 2019 he had pneumonia, recovered, knee pain",
        "night pain in her back last year, resolved with physio; now knee pain",
        "fever two weeks ago, got over it, shoulder pain",
    ],
)
def test_a_red_flag_long_past_and_over_is_history(question: str) -> None:
    ctx = extract(question)
    assert not any(m.kind == "red_flag" for m in ctx.applied), ctx.mentions
    assert any(m.kind == "red_flag" and m.status == "past" for m in ctx.mentions)


@pytest.mark.parametrize(
    "question",
    [
        "had a fever last week, still unwell, back pain",
        "fever since yesterday, back pain",
        "lost weight last month and still losing, back pain",
        "he had a fever last year; fever again today, neck pain",
    ],
)
def test_a_red_flag_not_said_to_be_over_stays(question: str) -> None:
    assert any(m.kind == "red_flag" for m in extract(question).applied)


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Cancer survivor, 2 years off treatment, with an arm at risk of lymphoedema on the right",
         "lymphedema:right_arm"),
        ("not pregnant, with a pacemaker, back pain", "device:pacemaker"),
        ("no fever, with a port in her chest", "device:port"),
        ("off warfarin, with an ICD fitted, knee pain", "device:icd"),
        ("no blood thinners, with a PICC line, neck pain", "device:picc_line"),
        ("never smoked, with a history of breast cancer", "cancer:history"),
    ],
)  # fmt: skip
def test_a_denial_ends_at_with_a(question: str, label: str) -> None:
    assert label in extract(question).labels()


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("no fever or chills, back pain", "red_flag:fever"),
        ("not on warfarin or apixaban", "class:anticoagulant"),
        ("denies weight loss, night pain or fever", "red_flag:fever"),
    ],
)
def test_denied_lists_stay_denied(question: str, label: str) -> None:
    assert label not in extract(question).labels()
