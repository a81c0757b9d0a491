"""Issue 10, wave 7: premises a tuning probe found uncorrected (written before the rules):
acupuncture in pregnancy "causes miscarriage", the practitioner "doesn't need to know" the
medicines, and a guideline said to recommend acupuncture where it recommends against it. The
same words asked as a question are not premises."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.asked_words import stated_premises

PREMISES = [
    (
        "everyone knows acupuncture in pregnancy causes miscarriage, so I should cancel?",
        "pregnancy_harm",
    ),
    ("My mum says needles will bring on labour, so I'm stopping at 30 weeks", "pregnancy_harm"),
    (
        "It's well known that acupuncture triggers miscarriage in the first trimester.",
        "pregnancy_harm",
    ),
    ("acupuncture is bound to make me lose the baby, isn't it", "pregnancy_harm"),
    ("acupuncture is natural so it can't interact with my warfarin, right?", "dont_tell"),
    ("I don't need to tell the acupuncturist about my tablets, do I?", "dont_tell"),
    ("no need to mention my blood thinners to them, it's only needles", "dont_tell"),
    ("it's herbal-free and natural, it won't interact with anything I take", "dont_tell"),
    ("NICE recommends acupuncture for my back pain, right?", "guideline_claim"),
    (
        "the NICE low back pain guideline endorses acupuncture, so we should offer it",
        "guideline_claim",
    ),
    (
        "Since the guidelines recommend acupuncture for low back pain, can I refer?",
        "guideline_claim",
    ),
]
QUESTIONS = [
    "Can acupuncture cause a miscarriage?",
    "Is there any risk of labour starting after acupuncture at 38 weeks?",
    "Do I need to tell the acupuncturist about my warfarin?",
    "Does acupuncture interact with any medicines?",
    "Does NICE recommend acupuncture for back pain?",
    "What do the guidelines say about acupuncture for knee arthritis?",
]


@pytest.mark.parametrize(("text", "kind"), PREMISES)
def test_premises_are_read(text: str, kind: str) -> None:
    assert kind in stated_premises(text), text


@pytest.mark.parametrize("text", QUESTIONS)
def test_the_same_words_asked_are_not_premises(text: str) -> None:
    found = set(stated_premises(text)) & {"pregnancy_harm", "dont_tell", "guideline_claim"}
    assert not found, (text, found)


def _opening(text: str, audience: str) -> str:
    answer = ask(text, audience=audience)
    titles = [s.title for s in answer.all_sections]
    correction = next(s for s in answer.all_sections if "correction" in s.title.lower())
    assert titles.index(correction.title) <= 1, titles
    return correction.text


@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_miscarriage_premise_is_corrected_without_a_figure(audience: str) -> None:
    text = _opening(
        "everyone knows acupuncture in pregnancy causes miscarriage, so we should cancel? "
        "20 weeks, sciatica",
        audience,
    )
    assert text.startswith("**No")
    assert "miscarriage" in text


@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_medicines_premise_says_to_tell_the_practitioner(audience: str) -> None:
    text = _opening(
        "acupuncture is natural so it can't interact with my warfarin, so I don't need to "
        "tell them? knees",
        audience,
    )
    assert "medicine" in text


def test_a_guideline_said_to_recommend_what_it_advises_against_is_corrected() -> None:
    text = _opening("NICE recommends acupuncture for my back pain, right?", "clinician")
    assert "NICE" in text and "against" in text


def test_a_guideline_that_does_recommend_it_is_not_corrected() -> None:
    answer = ask("ACP recommends acupuncture for chronic low back pain, so we can offer it?")
    assert not any("correction" in s.title.lower() for s in answer.all_sections)


@pytest.mark.parametrize(
    "text",
    [
        "does acupuncture help diabetic neuropathy?",
        "What is the evidence for acupuncture in painful diabetic peripheral neuropathy?",
        "Is acupuncture worth trying for diabetic nerve pain in the feet?",
    ],
)
def test_diabetes_inside_a_condition_name_gives_no_patient_box(text: str) -> None:
    """Wave 7: "diabetic" in the name of the condition asked about is not a patient's
    comorbidity, so an evidence question gets no "Safety for this patient" box."""
    answer = ask(text)
    assert answer.screen is None, answer.patient_context


def test_a_diabetic_patient_is_still_described() -> None:
    answer = ask("I am diabetic with knee arthritis and take warfarin, can I have acupuncture?")
    assert answer.screen is not None
