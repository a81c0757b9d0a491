"""Issue 10, wave 7 (lead): bruising and bleeding the patient has now, in lay words, and a
vitamin K antagonist the formulary lacked (phenindione); the same words as a question about
side effects, or long past, are not the patient's. Wordings written before the rules."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.care.medications import classify

NOW = [
    (
        "since i started the eliquis im covered in bruises and my nose bled twice this "
        "week, acupuncture for sciatica?"
    ),
    "my gums are bleeding and I bruise all over lately, knee pain, acupuncture ok?",
    (
        "On warfarin, her nose has been bleeding on and off and she is covered in "
        "bruises. Neck pain. Needle?"
    ),
    "lately my cuts won't stop bleeding, can I still have acupuncture for my back?",
]
NOT_NOW = [
    "Does acupuncture cause bruises everywhere?",
    "Will I be covered in bruises after acupuncture?",
    "my nose bled once as a kid, knee pain, acupuncture ok?",
    "How common is bleeding from the gums after acupuncture to the face?",
]


@pytest.mark.parametrize("text", NOW)
def test_bleeding_now_defers_until_assessed(text: str) -> None:
    answer = ask(text)
    assert answer.screen is not None, text
    assert answer.screen["decision"] == "defer", (text, answer.screen["decision"])


@pytest.mark.parametrize("text", NOT_NOW)
def test_bleeding_asked_about_or_long_past_does_not_defer(text: str) -> None:
    answer = ask(text)
    decision = (answer.screen or {}).get("decision")
    assert decision != "defer", text


@pytest.mark.parametrize("name", ["phenindione", "Dindevan", "dindevan 50 mg"])
def test_phenindione_is_a_vitamin_k_antagonist(name: str) -> None:
    classes = set(classify([name]).classes)
    assert {"anticoagulant", "vitamin_k_antagonist"} <= classes, classes


def test_phenindione_in_a_question_is_screened_as_an_anticoagulant() -> None:
    answer = ask("My dad takes Dindevan for his heart valve and has knee pain. Acupuncture?")
    assert answer.screen is not None
    assert answer.screen["decision"] == "proceed_with_modifications"
    assert "anticoagulant_needling" in {f["rule"] for f in answer.screen["findings"]}


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "Shingles rash on my right side of the chest has crusted over. Acupuncture near it?",
            "right_chest",
        ),
        (
            "an ulcer on the outside of my left ankle, can I have acupuncture for my knee?",
            "left_foot",
        ),
        ("eczema on the left hand side of my neck, acupuncture for my shoulder?", "left_neck"),
        ("an ulcer on my right hand, acupuncture for my neck?", "right_hand"),
    ],
)
def test_a_skin_lesion_keeps_its_site_a_few_words_on(text: str, site: str) -> None:
    facts = ask(text).patient_context["facts"]  # type: ignore[index]
    assert ("skin_lesion", site) in {(f["kind"], f["value"]) for f in facts}, facts


def test_a_later_clause_is_not_a_radiotherapy_field() -> None:
    facts = ask("radiotherapy finished in May and now my knee hurts, acupuncture?").patient_context
    fields = {f["value"] for f in facts["facts"] if f["kind"] == "radiation"}  # type: ignore[index]
    assert "lower_limb" not in fields, fields


# After the seventh held-out part's first run (tuned: these wordings are ours, the misses were
# its h7009, h7073, h7086 and h7107)
@pytest.mark.parametrize(
    ("text", "decision", "urgency"),
    [
        ("28F, +ve UPT this morning, LBP, needle?", "proceed_with_modifications", None),
        ("bHCG pos, neck pain, acupuncture ok?", "proceed_with_modifications", None),
        ("preg test +ve yesterday, migraines, acupuncture?", "proceed_with_modifications", None),
        (
            "I have shingles on my left arm right now, acupuncture for my knee?",
            "proceed_with_modifications",
            None,
        ),
        (
            "my mum is 80 with thin bones, she tripped yesterday and now has mid back pain",
            "refer",
            "urgent",
        ),
        (
            "osteoporosis, bent over to lift a box, now upper back agony. acupuncture?",
            "refer",
            "urgent",
        ),
        ("CTS with thenar atrophy on nerve conduction, acupuncture?", "refer", "urgent"),
        ("the numbness in my fingers is spreading week by week, carpal tunnel", "refer", "urgent"),
    ],
)
def test_held_out_7_classes(text: str, decision: str, urgency: str | None) -> None:
    screen = ask(text).screen
    assert screen is not None, text
    assert (screen["decision"], screen["urgency"]) == (decision, urgency), text


@pytest.mark.parametrize(
    "text",
    [
        "hCG negative, neck pain, acupuncture?",
        "Does acupuncture change hCG levels in IVF?",
        "had shingles last year, now postherpetic neuralgia on my chest, acupuncture?",
        "my fingers go numb every week when I type, carpal tunnel, acupuncture?",
        "Is acupuncture a waste of time for carpal tunnel?",
    ],
)
def test_held_out_7_look_alikes_do_not_refer_or_modify(text: str) -> None:
    screen = ask(text).screen or {}
    assert screen.get("decision") in (None, "proceed"), (text, screen.get("decision"))


@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("Our surrogate is 31 weeks, can she have acupuncture for her heel pain?", True),
        ("the gestational carrier is 24 weeks and has sciatica, acupuncture?", True),
        ("our surrogate had the baby 8 weeks ago, she has back pain now, acupuncture?", False),
        ("We are considering surrogacy in a few years; neck pain for 6 weeks, acupuncture?", False),
    ],
)
def test_a_surrogate_weeks_along_is_pregnant(text: str, pregnant: bool) -> None:
    """After held-out 7 (h7010): the person asked about is the surrogate carrying the baby."""
    facts = (ask(text, audience="patient").patient_context or {}).get("facts", [])
    read = any(f["kind"] == "pregnant" and not f["negated"] and not f.get("status") for f in facts)
    assert read is pregnant, facts


@pytest.mark.parametrize(
    "text",
    [
        "can people with pacemakers have electroacupuncture? asking in general for our policy",
        "is acupuncture safe for children? writing a school project, no particular child",
        "does acupuncture help lymphoedema after breast cancer? asking generally for a talk",
        "Is electroacupuncture ever used in people with pacemakers in the literature?",
    ],
)
def test_a_question_said_to_be_general_has_no_patient(text: str) -> None:
    """After held-out 7 (tuned): a question that says it is about no one in particular names
    devices, ages and conditions as its topic, not as a patient's."""
    assert ask(text).screen is None, text


@pytest.mark.parametrize(
    "text",
    [
        "Not about a patient, but my dad has a pacemaker - can he have electroacupuncture?",
        "In general, is warfarin a problem? I take it myself for AF and have knee pain",
        "asking in general: I am on apixaban, is acupuncture ok?",
    ],
)
def test_a_person_in_the_question_keeps_the_facts(text: str) -> None:
    screen = ask(text).screen
    assert screen is not None and screen["decision"] == "proceed_with_modifications", text
