"""Red flags in lay and clinical words, read from word combinations within a sentence (issue 10,
red-team probe F2). Wordings written before the rules: the probe's own questions plus rewordings;
negatives are everyday uses of the same words that must not send a patient to the emergency
department ("confused about the evidence", "numb feet from diabetes for years")."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract
from acupath.answer.lexicon import patient_words
from acupath.care import vocabulary as care_vocab


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # altered consciousness
        ("my dad has a new headache at 70 and he's been confused", "altered_consciousness"),
        (
            "Mum is 84 and has become very muddled since her headaches started",
            "altered_consciousness",
        ),
        ("he is confused and drowsy since the fall", "altered_consciousness"),
        ("She is talking nonsense and has a bad headache", "altered_consciousness"),
        ("my husband seems disorientated today", "altered_consciousness"),
        ("Patient with headache and reduced consciousness", "altered_consciousness"),
        ("grandma is hard to wake this morning", "altered_consciousness"),
        # progressive neurological deficit
        (
            "my legs have gone weak and numb over 2 days with back pain",
            "progressive_neurological_deficit",
        ),
        ("weak and numb legs with sciatica", "progressive_neurological_deficit"),
        (
            "my legs are going weaker by the day, now I trip on my right foot",
            "progressive_neurological_deficit",
        ),
        (
            "I keep tripping over my left foot since the back pain started",
            "progressive_neurological_deficit",
        ),
        ("her leg gave way twice today and her back is agony", "progressive_neurological_deficit"),
        ("he can't lift his foot properly", "progressive_neurological_deficit"),
        ("numbness spreading down both legs", "progressive_neurological_deficit"),
        ("tingling in my legs getting worse every day", "progressive_neurological_deficit"),
        # focal deficit
        ("headache and her face is drooping on one side", "focal_neurological_deficit"),
        ("weakness in one arm with the headache", "focal_neurological_deficit"),
        ("slurred speech since this morning and a headache", "focal_neurological_deficit"),
        ("migraine with double vision", "focal_neurological_deficit"),
        ("numb down one side of his body", "focal_neurological_deficit"),
        # myelopathy
        ("Neck pain with clumsy hands and dropping things, gait unsteady.", "myelopathy_signs"),
        ("neck pain and my hands are clumsy, I can't do up buttons", "myelopathy_signs"),
        ("cervical myelopathy suspected", "myelopathy_signs"),
        ("she keeps dropping things and her neck hurts", "myelopathy_signs"),
        # vascular neck
        (
            "since turning my head at the hairdresser I have neck pain, dizziness and double "
            "vision",
            "vascular_neck_symptoms",
        ),
        ("double vision when turning the head", "vascular_neck_symptoms"),
        ("dizzy when I look up, with new neck pain", "vascular_neck_symptoms"),
        ("after the chiropractor cracked my neck I feel dizzy", "vascular_neck_symptoms"),
        ("drop attacks and neck pain", "vascular_neck_symptoms"),
        # jaw claudication
        ("new headaches at 72 and my jaw hurts when chewing", "jaw_claudication"),
        (
            "her jaw aches when she eats and her temples are tender with headache",
            "jaw_claudication",
        ),
        ("temporal arteritis suspected", "jaw_claudication"),
        ("jaw claudication", "jaw_claudication"),
        # papilloedema
        ("headache with papilloedema on fundoscopy", "papilledema"),
        ("the optician saw swollen optic discs", "papilledema"),
        # recent bacterial infection
        (
            "Cellulitis of the left lower leg currently on flucloxacillin",
            "recent_bacterial_infection",
        ),
        ("she has an infected wound on her knee", "recent_bacterial_infection"),
        ("on antibiotics for a chest infection", "recent_bacterial_infection"),
        ("back pain after a urine infection last week", "recent_bacterial_infection"),
        ("a weeping, infected ulcer on his foot", "recent_bacterial_infection"),
        # pain worse lying down / at night
        ("Lying flat makes his low back pain worse", "pain_worse_supine"),
        ("my back pain is worse lying down", "pain_worse_supine"),
        ("I can't lie flat because of the back pain", "pain_worse_supine"),
        ("back pain, worst at night", "severe_night_pain"),
        ("the pain wakes me up at night", "severe_night_pain"),
        ("his back pain is unbearable at night", "severe_night_pain"),
    ],
)
def test_red_flags_from_word_combinations(text: str, flag: str) -> None:
    assert f"red_flag:{flag}" in extract(text).labels(), text


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I'm confused about the evidence for acupuncture in migraine", "altered_consciousness"),
        ("Which trial should I believe? I am a bit confused", "altered_consciousness"),
        ("confused by the different guidelines for back pain", "altered_consciousness"),
        ("I have had numb feet from diabetes for years", "progressive_neurological_deficit"),
        ("numb feet from chemo, tingling in my hands", "progressive_neurological_deficit"),
        ("knee OA, my knee gives way sometimes", "progressive_neurological_deficit"),
        ("my jaw hurts when chewing, I grind my teeth", "jaw_claudication"),
        ("TMJ pain when I eat", "jaw_claudication"),
        ("back pain that is better lying down", "pain_worse_supine"),
        ("Is there a risk of infection from acupuncture needles?", "recent_bacterial_infection"),
        ("can you get an infection from acupuncture?", "recent_bacterial_infection"),
        (
            "no double vision, no dizziness, neck pain after turning my head",
            "vascular_neck_symptoms",
        ),
        ("she is not confused and has no fever", "altered_consciousness"),
        ("my face feels numb after the dental injection", "focal_neurological_deficit"),
    ],
)
def test_everyday_uses_are_not_red_flags(text: str, flag: str) -> None:
    assert f"red_flag:{flag}" not in extract(text).labels(), text


# read from other words: the cancer words of patient.yaml (cancer.history) carry the history
_NOT_FROM_WORDS = {"history_of_cancer"}


def test_every_screen_red_flag_has_words() -> None:
    words = patient_words()
    has = set(words.red_flags) | {c.value for c in words.combinations if c.kind == "red_flag"}
    missing = set(care_vocab.RED_FLAGS) - has - _NOT_FROM_WORDS
    assert not missing, f"screen red flags with no lay or clinical words: {sorted(missing)}"


@pytest.mark.parametrize(
    ("question", "urgency"),
    [
        ("my dad has had a headache for 3 weeks, he's 70 and it's new for him, and he's been "
         "confused. acupuncture?", "emergency"),
        ("My mum is 84 and has become very muddled since her headaches started last week. Could "
         "acupuncture help her headaches?", "emergency"),
        ("my legs have gone weak and numb over 2 days with back pain, cant walk properly. "
         "acupuncture?", "emergency"),
        ("Neck pain with clumsy hands and dropping things, gait unsteady. Acupuncture for the "
         "neck?", "urgent"),
        ("since turning my head at the hairdresser I have neck pain, dizziness and double vision. "
         "would acupuncture help?", "urgent"),
    ],
)  # fmt: skip
def test_probe_red_flags_refer_first(question: str, urgency: str) -> None:
    for audience in ("clinician", "patient"):
        d = ask(question, audience=audience).as_dict()
        assert d["screen"]["decision"] == "refer", (audience, question)
        assert d["screen"]["urgency"] == urgency, (audience, question)


@pytest.mark.parametrize(
    "question",
    [
        "Can acupuncture cause double vision?",
        "Does acupuncture help post-stroke weakness in one arm?",
        "what is the risk of skin infection after acupuncture",
        "can acupuncture cause confusion in older people?",
    ],
)
def test_side_effect_and_old_stroke_questions_do_not_refer(question: str) -> None:
    screen = ask(question).as_dict()["screen"]
    assert screen is None or screen["decision"] != "refer", (question, screen)


@pytest.mark.parametrize(
    ("text", "uncontrolled"),
    [
        ("Patient with epilepsy, last seizure 2 weeks ago, on levetiracetam", True),
        ("she still has fits every month", True),
        ("had a breakthrough seizure last week", True),
        ("Well-controlled epilepsy, seizure-free 5 years", False),
        ("epilepsy, last seizure 10 years ago", False),
    ],
)
def test_recent_seizure_is_uncontrolled_epilepsy(text: str, uncontrolled: bool) -> None:
    assert ("comorbidity:uncontrolled_epilepsy" in extract(text).labels()) is uncontrolled
