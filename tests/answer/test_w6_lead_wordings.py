"""Wave 6, lead: surface forms the sixth held-out part's first run missed, each tested in
several wordings of our own, with the look-alikes that must not change (issue 10)."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract


def _applied(text: str) -> list[str]:
    return sorted(extract(text).labels())


def _decision(text: str) -> str | None:
    screen = ask(text).screen
    return None if screen is None else screen["decision"]


@pytest.mark.parametrize(
    "text",
    [
        "I have a pace maker and knee pain",
        "fitted with a pace-maker in 2019, shoulder pain",
        "has had a pace maker for years; neck pain",
    ],
)
def test_a_pacemaker_written_as_two_words(text: str) -> None:
    assert "device:pacemaker" in _applied(text)


@pytest.mark.parametrize(
    ("text", "limb"),
    [
        ("they took 14 lymph nodes from under my left arm", "lymphedema:left_arm"),
        ("lymph nodes were removed from her right armpit last year", "lymphedema:right_arm"),
        ("surgeons cleared the lymph glands under his left arm", "lymphedema:left_arm"),
    ],
)
def test_lymph_nodes_taken_from_under_the_arm(text: str, limb: str) -> None:
    assert limb in _applied(text)


def test_lymph_nodes_not_removed_are_no_limb_at_risk() -> None:
    assert not any(x.startswith("lymphedema") for x in _applied("no lymph nodes were removed"))


@pytest.mark.parametrize(
    "text",
    [
        "grandma has thin bones. she slipped in the kitchen yesterday and her back is agony",
        "I have brittle bones. I fell off a step on Monday. Now my lower back hurts",
        "Known osteoporosis. Minor fall at home two days ago, new lumbar pain.",
        "my bones are thin and I fell yesterday, now my lower back hurts",
    ],
)
def test_osteoporosis_and_a_fall_in_neighbouring_sentences(text: str) -> None:
    assert "red_flag:minor_trauma_with_osteoporosis" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have osteoporosis. My back aches after gardening.",
        "She has thin bones. No falls this year. Back pain for months.",
        "I have osteoporosis. I worry about falls. Back pain.",
    ],
)
def test_osteoporosis_without_a_fall_is_no_fracture_flag(text: str) -> None:
    assert "red_flag:minor_trauma_with_osteoporosis" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "my epilepsy isnt controlled, I have fits most weeks",
        "her epilepsy is not controlled at the moment",
        "his seizures aren't controlled despite two drugs",
    ],
)
def test_epilepsy_that_is_not_controlled(text: str) -> None:
    applied = _applied(text)
    assert "comorbidity:uncontrolled_epilepsy" in applied


def test_controlled_epilepsy_stays_controlled() -> None:
    applied = _applied("My epilepsy is well controlled, no fits for 5 years")
    assert "comorbidity:uncontrolled_epilepsy" not in applied


def test_radiotherapy_to_the_neck_nodes_marks_the_neck() -> None:
    for text in (
        "DXT to the L cervical nodes for a head and neck SCC, completed 2 months ago",
        "radiotherapy to the neck nodes finished last month",
    ):
        assert any(x.startswith("radiation:") and "neck" in x for x in _applied(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "are the forbidden points in pregnancy a myth? asking for my essay, im not pregnant",
        "What points are avoided during pregnancy? I'm not pregnant, just curious.",
    ],
)
def test_a_denial_beats_pregnancy_named_as_a_subject(text: str) -> None:
    assert "pregnant" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "is acupuncture safe in pregnancy?",
        "which points are forbidden in pregnancy? I'm 12 weeks pregnant",
    ],
)
def test_pregnancy_without_a_denial_stays(text: str) -> None:
    assert "pregnant" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "Is there data on bleeding when needling people on anticoagulants?",
        "What does the research say about bruising in patients taking warfarin?",
    ],
)
def test_a_medicine_named_for_a_group_is_the_topic(text: str) -> None:
    assert _decision(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "is it safe to needle patients on warfarin?",
        "my patient on warfarin has knee pain, acupuncture?",
        "Do people taking apixaban bruise more? I take apixaban myself",
    ],
)
def test_a_medicine_of_this_patient_or_with_safety_framing_is_screened(text: str) -> None:
    assert _decision(text) == "proceed_with_modifications"


def test_a_red_flag_named_for_a_service_review_is_a_topic() -> None:
    question = (
        "Cauda equina syndrome: is there any evidence for acupuncture after decompression "
        "surgery? General question for our pathway review."
    )
    assert _decision(question) is None
    assert _decision("our patient has saddle numbness since yesterday, acupuncture?") == "refer"


@pytest.mark.parametrize(
    "text",
    [
        "Cardiology mentioned warfarin as an option for later, nothing started. Shoulder pain.",
        "warfarin was suggested as an option; knee pain",
    ],
)
def test_a_medicine_proposed_as_an_option_is_not_taken(text: str) -> None:
    assert "class:anticoagulant" not in _applied(text)


def test_a_medicine_taken_as_an_alternative_is_taken() -> None:
    assert "class:anticoagulant" in _applied("she takes warfarin as an alternative to apixaban")


@pytest.mark.parametrize(
    ("text", "decides"),
    [
        (
            "my INR is usually around two and a half on warfarin but on monday it was four "
            "point two",
            "lab:inr:4.2",
        ),
        ("INR usually 2.5, today 4.2", "lab:inr:4.2"),
        ("platelets usually 150 but 40 yesterday", "lab:platelets:40"),
        (
            "Her platelets were 22 in 2023 during chemotherapy; treatment finished in early "
            "2024 and today's count is 240.",
            "lab:platelets:240",
        ),
        (
            "Platelets dropped to 40 during chemo in 2019; normal ever since (230 last month).",
            "lab:platelets:230",
        ),
        ("platelets 45 last week; today's count is 30", "lab:platelets:30"),
        ("INR was 4.1 on Monday, 2.6 today", "lab:inr:2.6"),
        ("platelets 150 in 2020; she has knee pain and her count now is 25", "lab:platelets:25"),
    ],
)
def test_the_value_that_decides(text: str, decides: str) -> None:
    assert decides in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday evening she measured 38.6.",
        "he spiked 39.2 last night",
        "thermometer said 38,4 this morning",
    ],
)
def test_a_temperature_reading_without_the_word(text: str) -> None:
    assert "red_flag:fever" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I ran 10.5 km and my knee hurts",
        "she measured 36.8 this morning",
        "the cyst measured 38.5 mm",
    ],
)
def test_a_number_that_is_no_fever(text: str) -> None:
    assert "red_flag:fever" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "R-CHOP #4 for DLBCL, counts not back yet. Troublesome nausea. Acupuncture?",
        "finished my chemo back in october, just the numb feet left over. would it help?",
        "she finished radiotherapy back in 2023; her hands tingle. acupuncture?",
        "the bloods aren't back yet, my hot flushes are awful, acupuncture?",
    ],
)
def test_back_as_a_time_or_a_return_is_no_back_pain(text: str) -> None:
    conditions = ask(text).understanding.get("conditions") or []
    assert not any("back" in c for c in conditions), conditions


@pytest.mark.parametrize(
    "text",
    [
        "my back is killing me, acupuncture?",
        "my back in the morning is stiff, acupuncture?",
        "I hurt my back again, acupuncture?",
        "back then I had no pain, now my back aches",
    ],
)
def test_the_back_itself_is_still_back_pain(text: str) -> None:
    conditions = ask(text).understanding.get("conditions") or []
    assert any("back" in c for c in conditions), conditions


def test_a_bottom_line_says_each_sentence_once() -> None:
    answer = ask("Is there data on bleeding when needling people on anticoagulants? Our leaflet?")
    lines = [ln.removeprefix("- ") for ln in answer.sections[0].text.splitlines() if ln.strip()]
    cores = [ln.rsplit(" [", 1)[0] for ln in lines]
    for i, core in enumerate(cores):
        assert not any(j != i and core in other for j, other in enumerate(lines)), core
    assert "leaflet" not in " ".join(answer.not_understood).lower()


def test_an_assessment_is_shown_in_plain_words() -> None:
    answer = ask("had cervix cancer, in remission. New lower back pain, MRI clear. Acupuncture?")
    assert "“MRI clear” (already assessed and found clear)" in answer.opening[0].text


@pytest.mark.parametrize(
    "text",
    [
        "platelets 150 in 2020; knee pain score 7 today",
        "platelets 150 in 2020; her pain score is 7 now",
    ],
)
def test_a_pain_score_is_no_later_count(text: str) -> None:
    labs = [x for x in _applied(text) if x.startswith("lab:")]
    assert labs == ["lab:platelets:150"], labs


@pytest.mark.parametrize(
    "text",
    [
        "known breast cancer with bone mets, new thoracic back pain for 2 weeks. acupuncture?",
        "history of prostate cancer, new mid back pain, acupuncture?",
        "upper back pain between the shoulder blades. Had lung cancer last year. Acupuncture?",
        "Pt with myeloma c/o T-spine pain, ok to needle?",
    ],
)
def test_thoracic_back_pain_beside_a_cancer_refers(text: str) -> None:
    screen = ask(text).screen
    assert screen is not None and screen["decision"] == "refer", text
    assert "thoracic_pain_with_cancer" in screen["red_flags"]


@pytest.mark.parametrize(
    "text",
    [
        "my upper back is stiff from my desk job, acupuncture?",
        "does acupuncture help upper back pain in people with cancer? any trials?",
        "mum had breast cancer; I have upper back pain, acupuncture?",
    ],
)
def test_thoracic_back_pain_without_a_cancer_of_the_patient_does_not(text: str) -> None:
    screen = ask(text).screen
    assert screen is None or "thoracic_pain_with_cancer" not in screen["red_flags"], text


@pytest.mark.parametrize(
    "text",
    [
        "my GP thinks I might have cauda equina, is acupuncture ok?",
        "could it be cauda equina? my back hurts",
        "physio is worried it's cauda equina, can I still have acupuncture?",
    ],
)
def test_a_suspected_cauda_equina_in_lay_words_is_an_emergency(text: str) -> None:
    screen = ask(text).screen
    assert screen is not None and (screen["decision"], screen["urgency"]) == ("refer", "emergency")


@pytest.mark.parametrize(
    "text",
    [
        "does acupuncture help people recovering from cauda equina syndrome surgery? evidence?",
        "cauda equina was ruled out by MRI last week, back pain, acupuncture?",
    ],
)
def test_cauda_equina_as_a_topic_or_ruled_out_is_no_suspicion(text: str) -> None:
    screen = ask(text).screen
    assert screen is None or "suspected_cauda_equina" not in screen["red_flags"], text
