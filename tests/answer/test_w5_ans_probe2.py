"""Probe 2 findings whose cause lies in the answer's own modules (G7, G8, G9, G10), wordings of
our own written before the rules."""

from __future__ import annotations

import pytest

from acupath.answer import ask, parse


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("she's on chemo and feels so sick all the time, would acupuncture help?",
         "chemotherapy_induced_nausea_vomiting"),
        ("Pt on chemotherapy with bad nausea - acupuncture?",
         "chemotherapy_induced_nausea_vomiting"),
        ("after neck radiotherapy her mouth is so dry, can acupuncture help",
         "xerostomia"),
        ("my mouth is always dry since the radiotherapy - acupuncture?", "xerostomia"),
        ("my feet burn from my diabetes, will acupuncture help", "diabetic_peripheral_neuropathy"),
        ("70 year man with the sugar and the numbness of feet, acupuncture good?",
         "diabetic_peripheral_neuropathy"),
        ("since chemo my fingers tingle and are numb, does acupuncture work?",
         "chemotherapy_induced_peripheral_neuropathy"),
    ],
)  # fmt: skip
def test_condition_words_spread_over_a_sentence(question: str, condition: str) -> None:
    assert condition in parse(question).question.conditions


@pytest.mark.parametrize(
    "question",
    [
        "upper back pain between the shoulder blades - acupuncture?",
        "interscapular pain, can acupuncture help?",
    ],
)
def test_upper_back_is_not_low_back_pain(question: str) -> None:
    conditions = parse(question).question.conditions
    assert "chronic_low_back_pain" not in conditions and "acute_low_back_pain" not in conditions


@pytest.mark.parametrize(
    "question",
    ["my back hurts, would acupuncture help?", "lower back pain for years - acupuncture?"],
)
def test_back_pain_still_low_back_pain(question: str) -> None:
    assert "chronic_low_back_pain" in parse(question).question.conditions


@pytest.mark.parametrize(
    "question",
    [
        "Does NICE recommend acupuncture for knee osteoarthritis?",
        "what does NICE say about acupuncture for my hip arthritis",
    ],
)
def test_named_guideline_shows_only_the_asked_conditions(question: str) -> None:
    answer = ask(question)
    named = [s for s in answer.opening if s.title == "What the named study or guideline found"]
    for s in named:
        assert "migraine" not in s.text.lower() and "tension" not in s.text.lower(), s.text
        assert "chronic primary pain" not in s.text.lower(), s.text
    text = "\n".join(s.text for s in answer.opening)
    assert "holds no" in text and "NICE" in text, text


def test_nice_chronic_primary_pain_speaks_for_fibromyalgia() -> None:
    """NG193's record lists fibromyalgia among its related conditions (a type of chronic primary
    pain): since wave 8 the index reads a recommendation's related conditions, so the answer
    states NICE's position instead of saying it holds none beside it."""
    answer = ask("NICE guidance on acupuncture for fibromyalgia?")
    assert "nice2021_ng193" in {r.id for r in answer.references}
    assert "holds no" not in answer.markdown
    assert "migraine" not in answer.markdown.split("## References")[0].lower()


@pytest.mark.parametrize(
    "question",
    [
        "ok on apixaban?",
        "is it ok on xarelto",
        "my dad takes warfarin, is that a problem?",
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_a_screened_patient_is_not_out_of_scope(question: str, audience: str) -> None:
    answer = ask(question, audience=audience)
    assert answer.screen is not None
    assert not answer.out_of_scope
    assert "cannot answer" not in answer.markdown.lower()


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("Does moxa work for knee arthritis?", "moxa"),
        ("is moxibustion effective for chronic low back pain", "moxibustion"),
        ("dry needling vs acupuncture for knee OA?", "dry needling"),
    ],
)
def test_a_form_asked_about_without_records_is_named(question: str, part: str) -> None:
    answer = ask(question)
    assert any(part in w.lower() for w in answer.not_understood), answer.not_understood


@pytest.mark.parametrize(
    "question",
    [
        "Dual-chamber pacemaker, chronic neck pain. Can I add electroacupuncture?",
        "He has an ICD; is electroacupuncture ok for his back?",
        "PPM and on Eliquis: (1) is EA contraindicated, and (2) what is the evidence for hip OA?",
    ],
)
def test_a_form_named_for_the_screen_is_not_a_part(question: str) -> None:
    parts = ask(question).understanding["parts"]
    assert not [p for p in parts if p["kind"] == "variant"], parts


@pytest.mark.parametrize(
    "question",
    [
        "Why is acupuncture banned by NICE?",
        "acupuncture has been banned for back pain hasn't it",
        "is acupuncture prohibited by the guidelines for migraine?",
    ],
)
def test_banned_premise_is_corrected(question: str) -> None:
    answer = ask(question)
    text = "\n".join(s.text for s in answer.opening if s.title == "First, a correction")
    assert "ban" in text.lower(), text


@pytest.mark.parametrize(
    "question",
    [
        "can acupuncture cause a stroke if done on the neck?",
        "could needles in my neck give me a stroke",
        "Has acupuncture ever caused a stroke?",
    ],
)
def test_a_harm_asked_about_is_a_safety_question(question: str) -> None:
    answer = ask(question)
    assert "safety" in answer.understanding["intents"]
    assert "safety" in answer.understanding["bottom_line"]["intents"]


def test_premise_words_are_understood() -> None:
    assert parse("Why is acupuncture banned by NICE?").not_understood == ()


@pytest.mark.parametrize(
    "question",
    [
        "Spinal cord stimulator in place, failed back surgery, considering acupuncture.",
        "does acupuncture help failed back surgery syndrome?",
    ],
)
def test_an_unknown_condition_word_stays_unknown(question: str) -> None:
    assert any("failed" in w.lower() for w in parse(question).not_understood)


@pytest.mark.parametrize(
    "question",
    [
        "joint pain after breast cancer, acupuncture?",
        "what points for pain after breast cancer, my joints ache",
        "my joints ache since my cancer treatment, would acupuncture help",
    ],
)
def test_joint_pain_with_cancer_is_not_every_cancer_symptom(question: str) -> None:
    conditions = set(parse(question).question.conditions)
    assert conditions, question
    assert conditions <= {
        "aromatase_inhibitor_arthralgia",
        "chronic_musculoskeletal_pain_cancer_survivors",
    }, conditions


@pytest.mark.parametrize(
    "question", ["knee joint pain - acupuncture?", "my hip joint aches, would acupuncture help"]
)
def test_a_named_joint_is_not_joint_pain_in_general(question: str) -> None:
    conditions = set(parse(question).question.conditions)
    assert "aromatase_inhibitor_arthralgia" not in conditions
    assert "temporomandibular_disorder" not in conditions


def test_a_number_is_never_the_unknown_topic() -> None:
    answer = ask("Complex regional pain syndrome type 1 - any trial data supporting acupuncture?")
    assert answer.verified
    assert all(any(c.isalpha() for c in w) for w in answer.not_understood), answer.not_understood
