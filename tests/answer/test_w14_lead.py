"""Wave 14 (lead, after held-out part 11): premises corrected from the screen or the records,
sham controls named by technique, trial size and responders asked in results-table words, and
GERAC's several trials. Each behaviour in several wordings, with wordings that must not trigger."""

import pytest

from acupath.answer import ask
from acupath.answer import asked_words as aw

CORRECTION = "First, a correction"


def _titles(question: str, audience: str = "clinician") -> list[str]:
    return [s.title for s in ask(question, audience=audience).all_sections]


def _correction(question: str, audience: str = "clinician") -> str:
    for s in ask(question, audience=audience).all_sections:
        if s.title == CORRECTION:
            return s.text
    return ""


# --- acupuncture said to be fine now, or to fix what is described, when the screen refers ----
@pytest.mark.parametrize(
    "question",
    [
        "acupuncture will fix my numb saddle area and trouble peeing from my back, right? "
        "booked for friday",
        "It should be fine to have acupuncture tomorrow during my chemo fever of 38.6, yes?",
        "Since I'm only a bit numb between the legs and can't pee properly, it must be fine "
        "to go ahead with the needles, surely?",
        "My fever is 39 on chemo but acupuncture will sort it out, won't it?",
        "The worst headache of my life hit me an hour ago like a thunderclap, but needling "
        "will fix it, right?",
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_safe_assumed_is_corrected_when_the_screen_refers(question: str, audience: str) -> None:
    answer = ask(question, audience=audience)
    assert answer.screen is not None and answer.screen["decision"] == "refer"
    titles = [s.title for s in answer.all_sections]
    assert CORRECTION in titles and titles.index(CORRECTION) == 1, titles
    assert _correction(question, audience).startswith("**No")


@pytest.mark.parametrize(
    "question",
    [
        # the screen proceeds: nothing to correct from it
        "My knee arthritis is sore but acupuncture will fix it, right?",
        "It should be fine for my neck pain, yes?",
        # asked, not stated
        "Will acupuncture be fine for my numb saddle area and trouble peeing?",
        "Is it fine to have acupuncture during my chemo fever of 38.6?",
        # history, not a claim about acupuncture
        "I've had no problems since my back operation in 2019, my knee aches, right?",
    ],
)
def test_safe_assumed_is_left_alone_when_asked_or_the_screen_proceeds(question: str) -> None:
    text = _correction(question)
    assert "not appropriate now" not in text and "not yet" not in text.lower(), text


def test_safe_assumed_with_a_defer_says_not_yet() -> None:
    question = (
        "My platelets were 18 last week after chemo but acupuncture should be fine for my "
        "shoulder, right?"
    )
    answer = ask(question)
    assert answer.screen is not None and answer.screen["decision"] == "defer"
    assert _correction(question).startswith("**No: not yet.**")


# --- a restriction overstated about a medicine or device the question names ------------------
@pytest.mark.parametrize(
    "question",
    [
        "Since my blood thinner Eliquis means I'll bleed to death from acupuncture needles, "
        "what else can I do for my knee?",
        "My Xarelto makes acupuncture far too risky for my back, so what else is there?",
        "Being on Pradaxa, acupuncture is out of the question for my neck pain, so what are "
        "the alternatives?",
        "I'm on warfarin so I'd bleed out from the needles; what else helps knee arthritis?",
        "With my pacemaker, needles are off the table for my back pain, so what now?",
    ],
)
def test_restriction_said_of_a_named_medicine_or_device_is_corrected(question: str) -> None:
    answer = ask(question)
    assert answer.screen is not None
    assert answer.screen["decision"] in ("proceed", "proceed_with_modifications")
    assert "does not rule out acupuncture" in _correction(question)


@pytest.mark.parametrize(
    "question",
    [
        "Is acupuncture too risky on Eliquis for my knee?",
        "Could I bleed to death from acupuncture on warfarin?",
        "I'm on apixaban and my back is killing me - can I have acupuncture?",
    ],
)
def test_a_restriction_asked_about_is_not_a_premise(question: str) -> None:
    assert "does not rule out acupuncture" not in _correction(question)


# --- a multiple, or a sham control named by its technique, as an overclaim ------------------
@pytest.mark.parametrize(
    "text",
    [
        "The GERAC knee trial proved real acupuncture is twice as good as sham for arthritis.",
        "That trial showed acupuncture was three times as effective as placebo needles.",
        "Studies have proven it outperforms sham for knee pain.",
        "The German trial demonstrated acupuncture is far more effective than minimal needling.",
    ],
)
def test_multiples_are_read_as_an_overclaim(text: str) -> None:
    assert "evidence_overclaim" in aw.stated_premises(text)


@pytest.mark.parametrize(
    "text",
    [
        "Did the GERAC knee trial find acupuncture twice as good as sham?",
        "How much better than sham was it?",
        "I have had knee pain for twice as long as my sister.",
    ],
)
def test_questions_and_other_multiples_are_not_a_stated_overclaim(text: str) -> None:
    assert "evidence_overclaim" not in aw.stated_premises(text) or text.startswith(("Did", "How"))


@pytest.mark.parametrize(
    "question",
    [
        "Given the Brinkhaus 2006 trial showed acupuncture far superior to minimal needling "
        "for back pain, which protocol did they use?",
        "The GERAC knee trial proved real acupuncture is twice as good as sham for arthritis, "
        "so why do some doctors doubt it?",
        "Scharf 2006 showed acupuncture far better than shallow needling for knee arthritis, "
        "didn't it?",
    ],
)
def test_named_trials_overclaimed_are_corrected_from_their_own_findings(question: str) -> None:
    titles = _titles(question)
    assert titles[0] == CORRECTION, titles
    assert "did not find that acupuncture did better" in _correction(question)


@pytest.mark.parametrize(
    "phrase",
    ["minimal needling", "shallow needling", "non-penetrating needles", "Streitberger needle"],
)
def test_sham_controls_by_technique_are_the_sham_comparator(phrase: str) -> None:
    answer = ask(f"Acupuncture versus {phrase} for chronic low back pain: what did trials find?")
    assert "sham" in answer.understanding["comparators"]


# --- trial size and responders in results-table words ----------------------------------------
@pytest.mark.parametrize(
    "question, figure",
    [
        ("Hershman 2018 aromatase-inhibitor arthralgia trial: number randomised?", "226"),
        ("How many people took part in the PEACE trial?", "360"),
        ("SWOG S1200 - sample size?", "226"),
        ("What was the response rate with verum in Haake 2007?", "47.6%"),
        (
            "Haake 2007 GERAC low back pain: proportion of responders with verum at 6 months?",
            "47.6%",
        ),
    ],
)
def test_trial_size_and_responders_asked_in_table_words(question: str, figure: str) -> None:
    answer = ask(question)
    bottom = next(s for s in answer.all_sections if s.title == "Bottom line")
    assert figure in bottom.text, bottom.text[:600]


@pytest.mark.parametrize(
    "text",
    [
        "her platelet count is 40 and she has knee pain",
        "a randomised trial of acupuncture for migraine",
        "my response to the last treatment was good",
    ],
)
def test_descriptions_are_not_asked_outcomes(text: str) -> None:
    asked = aw.asked_outcomes(text, frozenset({"enrolment", "responder", "white_cell_count"}))
    assert asked == (), asked


# --- GERAC's several trials ------------------------------------------------------------------
@pytest.mark.parametrize(
    "question, figure",
    [
        ("What did the GERAC knee trial find against sham?", "53.1%"),
        ("GERAC tension-type headache trial: responders?", "33%"),
        ("GERAC back pain: how many responded with verum at six months?", "47.6%"),
    ],
)
def test_gerac_names_each_of_its_trials(question: str, figure: str) -> None:
    text = "\n".join(s.text for s in ask(question).all_sections[:3])
    assert figure in text, text[:800]
    assert "holds no GERAC record" not in text


# --- a medicine in brackets after a condition name is the patient's -------------------------
@pytest.mark.parametrize(
    "question",
    [
        "can I needle her right arm for AI joint pain (anastrozole)?",
        "My patient has AI arthralgia (letrozole) in both hands - acupuncture?",
        "her aromatase inhibitor joint pain (exemestane) is worse - can she have acupuncture?",
        "I get chemo-induced nausea (cisplatin) - will needles help?",
    ],
)
def test_a_bracketed_medicine_of_someone_is_read(question: str) -> None:
    answer = ask(question)
    applied = answer.patient_context["applied"] if answer.patient_context else []
    assert any(a.startswith("class:") for a in applied), applied


# --- the asker's own recent past beside a complaint: a person, so a box ----------------------
@pytest.mark.parametrize(
    "question",
    [
        "On purpose I've lost 3 stone on a slimming club plan this year. Knees feel better but "
        "still achy. Would acupuncture help the rest?",
        "I twisted my ankle last week, still sore - acupuncture?",
        "I've been limping for a week with heel pain, would acupuncture help?",
        "I retired in June and the neck pain is worse than ever. Worth trying acupuncture?",
        "I fell off my bike on Sunday, shoulder still aches. Can acupuncture help?",
    ],
)
def test_the_askers_own_past_beside_a_complaint_gets_a_box(question: str) -> None:
    assert ask(question).screen is not None


@pytest.mark.parametrize(
    "question",
    [
        "I've read that acupuncture helps knee arthritis, is that true?",
        "I have been told acupuncture is good for migraine - what is the evidence?",
        "I've heard the GERAC trial found no difference for low back pain?",
    ],
)
def test_reading_and_hearing_are_not_a_story_of_the_asker(question: str) -> None:
    assert ask(question).screen is None


# --- "not for me": a disclaimer, no denial and no asker's own health -------------------------
@pytest.mark.parametrize(
    "question, label",
    [
        ("Not for me - my patient is on apixaban, can I needle her back?", "class:anticoagulant"),
        (
            "Not for me, for my mum - she's on apixaban, can she have acupuncture?",
            "class:anticoagulant",
        ),
        ("Not for me: my dad is on apixaban, can he have acupuncture?", "class:anticoagulant"),
        (
            "This is not for me, it is for my husband who takes warfarin for AF - can he have "
            "acupuncture for his knee?",
            "class:anticoagulant",
        ),
        (
            "not for me but my daughter is 10 weeks pregnant with back pain, which points to "
            "avoid?",
            "pregnant",
        ),
    ],
)
def test_not_for_me_keeps_the_relatives_facts(question: str, label: str) -> None:
    answer = ask(question)
    assert answer.screen is not None and answer.screen["decision"] != "proceed"
    assert label in answer.patient_context["applied"]


def test_a_denial_after_the_disclaimer_still_denies() -> None:
    answer = ask("Not for me - my patient is not on any blood thinners, knee OA, can I needle?")
    applied = answer.patient_context["applied"] if answer.patient_context else []
    assert "class:anticoagulant" not in applied


# --- "no problem" said of a plan negates no medicine -----------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "Strong stimulation is no problem for my warfarin patient with hip OA, agreed?",
        "It is no problem: my patient takes warfarin, knee OA",
        "no worries, my patient takes warfarin - knee OA, can I needle?",
        "Deep needling should be no problem since she's on apixaban only, right?",
        "Needling is not an issue for him, he takes rivaroxaban for AF, neck pain",
    ],
)
def test_no_problem_said_of_a_plan_negates_no_medicine(question: str) -> None:
    applied = ask(question).patient_context["applied"]
    assert "class:anticoagulant" in applied, applied


@pytest.mark.parametrize(
    "question",
    [
        "She has no problems with her bladder or bowels, back pain 3 weeks, acupuncture?",
        "No problem with bleeding, not on warfarin, knee pain - acupuncture?",
    ],
)
def test_no_problems_with_a_symptom_still_denies(question: str) -> None:
    answer = ask(question)
    applied = answer.patient_context["applied"] if answer.patient_context else []
    assert not any(a.startswith(("red_flag:", "class:")) for a in applied), applied
