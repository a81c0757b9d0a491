"""Wave 23 (issue 10), details: lab report rows, pregnancy weeks in other languages,
radiotherapy told by its fractions, repeated or corrected lab values, chemotherapy ended at a
holiday, medicines corrected to only planned, foreign pacemaker words and Polish aspirin
brands (our own wordings; none is a benchmark question).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import fold
from acupath.answer.quantities import find_labs, find_weeks


def _applied(question: str) -> list[str]:
    answer = ask(question)
    return list((answer.patient_context or {}).get("applied", []))


def _labs(text: str) -> list[tuple[str, float]]:
    return [(v.lab, v.value) for v in find_labs(fold(text), text, [])]


def _weeks(text: str) -> list[int]:
    return [w.value for w in find_weeks(fold(text), [])]


# lab report rows: leaders, pipes, flags -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FBC:  PLT .... 41 x10*9/L (L)   Hb 99", ("platelets", 41.0)),
        ("Platelets ........ 33 x10^9/L", ("platelets", 33.0)),
        ("| PLT | 27 | 150-400 |", ("platelets", 27.0)),
        ("PLT (L) 44 G/L", ("platelets", 44.0)),
        ("Neutrophils ..... 0.3 x10^9/L (L)", ("anc", 0.3)),
        ("INR .... 4.1 (H)", ("inr", 4.1)),
        ("Platelets……36", ("platelets", 36.0)),
    ],
)
def test_report_row_values_are_read(text: str, expected: tuple[str, float]) -> None:
    assert expected in _labs(text)


@pytest.mark.parametrize("text", ["PLT ....", "Platelets | pending |", "INR (H)"])
def test_report_row_without_a_value_reads_none(text: str) -> None:
    assert _labs(text) == []


def test_report_row_low_platelets_defer() -> None:
    labels = _applied("Bloods today:  PLT .... 29 x10*9/L (L)  Hb 97. Acupuncture for my back?")
    assert "platelets:29" in labels


# pregnancy weeks in other languages ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("estoy embarazada de 12 semanas", 12),
        ("je suis enceinte de 25 semaines", 25),
        ("sono incinta di 31 settimane", 31),
        ("ich bin 18 Wochen schwanger", 18),
        ("ich bin in der 20. SSW", 20),
        ("ik ben 16 weken zwanger", 16),
        ("estou grávida de 9 semanas", 9),
        ("10 semanas de embarazo", 10),
    ],
)
def test_foreign_pregnancy_weeks(text: str, weeks: int) -> None:
    assert _weeks(text) == [weeks]


@pytest.mark.parametrize(
    "text",
    [
        "dolor de espalda desde hace 14 semanas",
        "ich habe seit 3 Wochen Rückenschmerzen",
        "mal au dos depuis 6 semaines",
        "4 weken rugpijn",
        "tengo 14 semanas de vacaciones",
    ],
)
def test_foreign_weeks_without_pregnancy_are_no_gestation(text: str) -> None:
    assert _weeks(text) == []


def test_spanish_weeks_reach_the_screen() -> None:
    labels = _applied("estoy embarazada de 22 semanas, acupuncture for back pain?")
    assert "weeks:22" in labels and "pregnant" in labels


def test_spanish_denied_pregnancy_stays_none() -> None:
    labels = _applied("No estoy embarazada; dolor de espalda desde hace 14 semanas. Acupuncture?")
    assert "pregnant" not in labels and not any(x.startswith("weeks:") for x in labels)


# radiotherapy told by its fractions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "field"),
    [
        (
            "H&N patient, completed 33 fractions to the neck a month ago. Acupuncture for pain?",
            "neck",
        ),
        ("Had 5# to the spine for a bone met. Acupuncture for back pain?", "spine"),
        ("I had fifteen fractions to my pelvis last year. Acupuncture for hip pain?", "pelvis"),
        ("Pt halfway through 25 fractions, pelvis. Acupuncture for nausea?", "pelvis"),
        ("Got 20 # to the left chest wall in May. Acupuncture for shoulder pain?", "chest"),
    ],
)
def test_fractions_are_radiotherapy_to_the_site(question: str, field: str) -> None:
    labels = _applied(question)
    assert any(x.startswith("radiation:") and field in x for x in labels), labels


@pytest.mark.parametrize(
    "question",
    [
        "What fraction of patients respond to acupuncture for neck pain?",
        "What fractions of acupuncture trials on neck pain are sham-controlled?",
        "My husband had 30 fractions to the neck; can I have acupuncture for my back?",
        "Does a fraction of a millimetre of needle depth matter in the neck?",
    ],
)
def test_fraction_words_without_a_course_are_no_radiotherapy(question: str) -> None:
    assert not any(x.startswith("radiation:") for x in _applied(question))


def test_fractions_count_is_no_age() -> None:
    assert not any(x.startswith("age:30") for x in _applied("Finished 30 fractions to the neck."))


# repeated, recounted or corrected lab values ---------------------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "INR was 4.6 on Monday; dose adjusted, repeat today 2.5. On warfarin. Acupuncture?",
            "inr:2.5",
        ),
        (
            "Plt 65 at admission; on recount with citrate tube (clumping) true count 182.",
            "platelets:182",
        ),
        (
            "Platelets 38 last week. Rechecked yesterday: 120. Acupuncture for back pain?",
            "platelets:120",
        ),
        (
            "On warfarin, INR 2.4 last week. Dose changed, retested today at 4.8. Acupuncture?",
            "inr:4.8",
        ),
        (
            "Platelets 160 in May; repeat bloods today show 30. Acupuncture for knee pain?",
            "platelets:30",
        ),
        ("Plt 180, then repeat came back 30. Acupuncture for knee?", "platelets:30"),
    ],
)
def test_repeat_value_decides(question: str, label: str) -> None:
    assert label in _applied(question)


def test_repeat_planned_later_leaves_todays_value() -> None:
    labels = _applied(
        "On warfarin, INR 2.5 today. I will get a repeat test in 3 weeks. Acupuncture?"
    )
    assert "inr:2.5" in labels


# chemotherapy ended at a holiday ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Platelets 40 on chemo last winter, 230 now; chemo finished at Easter. Acupuncture?",
        "I finished chemo at Easter. Acupuncture for hand numbness?",
        "Chemo finished at Christmas last year. Acupuncture for fatigue?",
        "My chemo ended before Halloween. Acupuncture for neuropathy?",
    ],
)
def test_chemo_ended_at_a_past_holiday_is_history(question: str) -> None:
    labels = _applied(question)
    assert "cancer:on_treatment" not in labels and "treatment:chemotherapy" not in labels


@pytest.mark.parametrize(
    "question",
    [
        "I'm on chemo, next cycle after Easter. Acupuncture for nausea?",
        "My chemo will finish at Easter. Acupuncture for nausea?",
    ],
)
def test_chemo_going_on_past_a_holiday_stays(question: str) -> None:
    assert "treatment:chemotherapy" in _applied(question)


# medicines corrected to only planned, and stopped now ------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Started apixaban? - correction: cardiology PLANNED apixaban but it hasn't been started. "
        "Acupuncture for shoulder pain?",
        "On apixaban - sorry, correction, it was only proposed at clinic. Acupuncture for knee?",
        "Takes rivaroxaban - actually no, it has not been started yet. Acupuncture for hip?",
        "Warfarin, sorry, I mean it was planned but never started. Acupuncture for back?",
        "INR <1.2 after vitamin K. Warfarin now stopped permanently. Acupuncture for back pain?",
    ],
)
def test_corrected_to_planned_or_stopped_is_not_taken(question: str) -> None:
    assert "class:anticoagulant" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "On apixaban (correction: it is started, taking it daily). Acupuncture for knee?",
        "Takes apixaban. Sorry for the long message. Acupuncture for knee?",
        "Warfarin now 5mg daily. Acupuncture for knee?",
        "Warfarin now stopped 3 days ago. Acupuncture for knee?",
    ],
)
def test_taken_or_just_stopped_anticoagulant_stays(question: str) -> None:
    assert "class:anticoagulant" in _applied(question)


# foreign pacemaker words, Polish aspirin brands ------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Mam rozrusznik serca. Can I have electroacupuncture for back pain?",
        "Ich habe einen Herzschrittmacher, electroacupuncture for knee pain?",
        "J'ai un stimulateur cardiaque. Electroacupuncture for back pain?",
        "Od roku mam kardiostymulator. Electroacupuncture for my hip?",
        "Mój rozrusznik was fitted in 2020. Electroacupuncture for neck pain?",
    ],
)
def test_foreign_pacemaker_words(question: str) -> None:
    assert "device:pacemaker" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Biorę Acard 75 codziennie. Acupuncture for back pain?",
        "Takes Polocard 75 mg daily. Acupuncture for knee?",
        "Mama bierze Acard 150 mg. Acupuncture for my mother's knee?",
    ],
)
def test_polish_aspirin_brands(question: str) -> None:
    assert "medicine:aspirin" in _applied(question)


def test_acard_stopped_long_ago_is_not_taken() -> None:
    assert "class:antiplatelet" not in _applied("I stopped Acard last year. Acupuncture for knee?")


# a value in the next sentence that opens by referring back -------------------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        (
            "my INR is normal, I've never been on blood thinners, I just had it tested before a "
            "minor op. it was 1.0. Sciatica.",
            "inr:1",
        ),
        (
            "My platelets were checked at the hospital when I went in for my knee replacement "
            "last spring. They were 95. Acupuncture?",
            "platelets:95",
        ),
    ],
)
def test_value_after_a_long_sentence_through_a_pronoun(question: str, label: str) -> None:
    assert label in _applied(question)


def test_never_on_thinners_with_normal_inr_is_no_anticoagulant() -> None:
    labels = _applied(
        "my INR is normal, I've never been on blood thinners, I just had it tested before a "
        "minor op. it was 1.0. Sciatica."
    )
    assert "class:anticoagulant" not in labels


@pytest.mark.parametrize(
    "question",
    [
        "My INR is checked by the anticoagulation nurse at the surgery every month on a "
        "Tuesday. It was a long wait. Acupuncture?",
        "My INR is checked by the anticoagulation nurse at the surgery every single month. It "
        "was 3 weeks ago. On warfarin.",
    ],
)
def test_pronoun_sentence_without_a_value_reads_no_inr(question: str) -> None:
    assert not any(x.startswith("inr:") for x in _applied(question))
