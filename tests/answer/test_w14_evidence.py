"""Wave 14, engineer "evidence" (probe 11 misses p11137 and p11152): a study described by its
arms ("real needles, fake needles and normal doctor treatment") and outcomes in lay words ("how
many people got better"). Each class is asked in wordings of our own, with wordings that must
NOT trigger."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from acupath.answer import ask
from acupath.answer.asked_words import asked_outcomes
from acupath.answer.cited_studies import find_described
from acupath.answer.safety import line_violations
from acupath.evidence.loader import bundled_base


@pytest.fixture(scope="module")
def base():  # type: ignore[no-untyped-def]
    return bundled_base()


def _named(question: str) -> list[str]:
    return list(ask(question).understanding["statement"]["sources_named"])


# -- a described study narrowed by the arms the question names ---------------------------------
# Two German back pain RCTs hold "German back pain trial": GERAC (Haake 2007: verum, sham and
# conventional care arms) and ART (Brinkhaus 2006: acupuncture, minimal acupuncture, waiting
# list). The arms a question names tell them apart.

GERAC_BY_ARMS = [
    "what did that big German back pain trial find, the one with real needles, fake needles and "
    "normal doctor treatment?",
    "the German back pain trial with sham needling and usual care arms - what did it show?",
    "In the German back pain trial that compared acupuncture with fake acupuncture and standard "
    "care, who did best?",
    "that German back pain trial: acupuncture vs sham vs conventional care, results?",
    "the German back pain trial against normal treatment and placebo needles, what happened?",
]


@pytest.mark.parametrize("question", GERAC_BY_ARMS)
def test_a_described_trial_is_narrowed_by_its_arms(question: str) -> None:
    named = _named(question)
    assert "haake2007" in named, (question, named)
    assert "brinkhaus2006" not in named, (question, named)


@pytest.mark.parametrize(
    "question",
    [
        "the German back pain trial with a waiting list and minimal acupuncture, what did it find?",
        "that German back pain trial against a waitlist - results?",
    ],
)
def test_the_other_trial_is_kept_by_its_own_arms(question: str) -> None:
    named = _named(question)
    assert "brinkhaus2006" in named and "haake2007" not in named, (question, named)


@pytest.mark.parametrize(
    "question",
    [
        # no arm named: both German back pain trials stay
        "what did the German back pain trial find?",
        "the German back pain trial - was it any good?",
        # an arm neither trial had narrows nothing (both kept, nothing guessed)
        "the German back pain trial against physiotherapy, what happened?",
    ],
)
def test_no_arm_or_an_unknown_arm_narrows_nothing(question: str, base) -> None:  # type: ignore[no-untyped-def]
    found = {s for c in find_described(question, base) for s in c.sources}
    assert {"haake2007", "brinkhaus2006"} <= found, (question, found)


def test_the_gerac_back_pain_responders_are_shown() -> None:
    answer = ask(GERAC_BY_ARMS[0] + " how many people actually got better with the real thing?")
    text = "\n".join(s.text for s in answer.all_sections)
    assert "47.6%" in text, text[:3000]  # haake2007_responders_verum, 0.476


# -- responders asked in lay words -------------------------------------------------------------

KNOWN = frozenset({"responder", "pain", "function", "adverse_events"})


@pytest.mark.parametrize(
    "question",
    [
        "how many people actually got better with the real thing?",
        "do about half of people get better or is that made up",
        "what share of patients got better with acupuncture?",
        "how many patients improved in the acupuncture group?",
        "what proportion of people improved?",
    ],
)
def test_getting_better_counted_is_the_responder_outcome(question: str) -> None:
    assert "responder" in asked_outcomes(question, KNOWN), question


@pytest.mark.parametrize(
    "question",
    [
        "will my back get better with acupuncture?",
        "I want to get better, should I try it?",
        "does the pain get better after a few sessions?",
        "is acupuncture better than physio?",
        "my knee improved after surgery, can I have acupuncture now?",
    ],
)
def test_a_hope_to_get_better_is_no_responder_question(question: str) -> None:
    assert "responder" not in asked_outcomes(question, KNOWN), question


# -- tension-type headache described by its feel ----------------------------------------------


def _conditions(question: str) -> tuple[str, ...]:
    return tuple(ask(question).understanding["conditions"])


@pytest.mark.parametrize(
    "question",
    [
        "what does the cochrane review say about acupuncture for those tight band headaches",
        "my headaches feel like a tight band around my head, would acupuncture help?",
        "I get a squeezing band-like pressure headache most afternoons - does acupuncture work?",
        "headaches like a band tightening round the forehead: any evidence for needling?",
        "does acupuncture help a tight band type of headache?",
    ],
)
def test_a_band_like_headache_is_tension_type(question: str) -> None:
    assert "tension_type_headache" in _conditions(question), question


@pytest.mark.parametrize(
    "question",
    [
        "the blood pressure band on my arm was tight, can I still have acupuncture for my back?",
        "I play in a band and my neck aches after gigs, will acupuncture help?",
        "my migraines are throbbing and one-sided, does acupuncture help?",
        "my wrist band feels tight since the needles, is that normal?",
        "does acupuncture help headaches?",
    ],
)
def test_no_band_around_the_head_is_no_tension_type_headache(question: str) -> None:
    assert "tension_type_headache" not in _conditions(question), question


# -- a share said as a fraction asks for proportions ---------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "do about half of people get better or is that made up",
        "is it true that a third of patients respond?",
        "did a quarter of women stop because of side effects?",
        "one in three people improve, right?",
        "roughly half of those treated responded?",
    ],
)
def test_a_fraction_of_people_asks_a_proportion(question: str) -> None:
    from acupath.answer.focus import asked_measures

    assert "proportion" in asked_measures(question), question


@pytest.mark.parametrize(
    "question",
    [
        "each session lasts half an hour, is that enough?",
        "my pain is half gone after three sessions",
        "I get headaches three times a week",
        "does acupuncture help migraine?",
        "is half a dose of ibuprofen fine after needling?",
    ],
)
def test_half_without_people_asks_no_proportion(question: str) -> None:
    from acupath.answer.focus import asked_measures

    assert "proportion" not in asked_measures(question), question


def test_the_tension_type_headache_responders_are_shown() -> None:
    answer = ask(
        "what does the cochrane review say about acupuncture for those tight band headaches - "
        "do about half of people get better or is that made up"
    )
    bottom = next(s.text for s in answer.all_sections if s.title == "Bottom line")
    assert "48%" in bottom, bottom  # linde2016_responders_acupuncture_vs_usual_care, 0.48


# -- a technique the screen excludes, said to be fine --------------------------------------------

PREMISE_TITLE = "First, a correction"


def _correction(question: str, audience: str = "clinician") -> str:
    answer = ask(question, audience=audience)
    return "\n".join(s.text for s in answer.all_sections if s.title.startswith(PREMISE_TITLE))


EXCLUDED_SAID_FINE = [
    (
        "Since bleeding on anticoagulants is essentially zero, deep needling and strong "
        "stimulation are fine for my warfarin patient (INR 2.5) with hip OA - agreed?",
        "deep_needling",
    ),
    (
        "My patient on apixaban has knee OA; deep needling is perfectly safe for her, right?",
        "deep_needling",
    ),
    (
        "Strong stimulation is totally safe for my warfarin patient with neck pain, correct?",
        "strong_stimulation",
    ),
    (
        "He has a pacemaker but electroacupuncture should be ok for his back pain, yes?",
        "electro",
    ),
    (
        "Deep needling will be fine for my patient on rivaroxaban with low back pain.",
        "deep_needling",
    ),
]


@pytest.mark.parametrize(("question", "named"), EXCLUDED_SAID_FINE)
def test_an_excluded_technique_said_fine_is_corrected_from_the_screen(
    question: str, named: str
) -> None:
    answer = ask(question)
    assert answer.screen is not None and named in answer.screen["excluded_techniques"], question
    text = _correction(question)
    assert "screen excludes" in text, (question, text)
    # the correction names no excluded technique (only the safety box's line does)
    safety = SimpleNamespace(blocked_codes=frozenset(), excluded_techniques=(named,))
    assert not line_violations(text, safety), (question, text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "question",
    [
        # asked, not stated
        "Is deep needling fine for my warfarin patient with hip OA?",
        # no restriction on the technique for the patient described
        "Deep needling is fine for my patient with knee OA, right?",
        "Electroacupuncture is fine for my back pain, yes?",
        # a technique the screen does not exclude
        "Superficial needling is fine for my warfarin patient with neck pain, right?",
        # no patient: nothing screened
        "Strong stimulation is fine in general, isn't it?",
    ],
)
def test_no_excluded_technique_said_fine_no_technique_correction(question: str) -> None:
    text = _correction(question).lower()
    assert "screen excludes" not in text and "not for you" not in text, (question, text)


def test_the_patient_voice_says_it_plainly() -> None:
    text = _correction(
        "I'm on warfarin, my INR is 2.5. Deep needling is fine for my hip, right?", "patient"
    )
    assert "not for you" in text and "deep needling" not in text.lower(), text


# -- "proven better than sham" where only single trials tested it against sham --------------------


@pytest.mark.parametrize(
    "question",
    [
        "Acupuncture is proven to work better than fake acupuncture for menopause hot flushes, "
        "so I should definitely choose it over HRT?",
        "It's been proven that acupuncture beats sham for dry mouth after radiotherapy.",
        "Trials have shown acupuncture works better than placebo needles for HIV nerve pain, "
        "so I'll book it.",
        "Acupuncture is proven better than sham for hand osteoarthritis, right?",
        "Research has demonstrated acupuncture is superior to sham for breathlessness.",
    ],
)
def test_a_sham_overclaim_is_corrected_from_the_sham_trials(question: str) -> None:
    text = _correction(question)
    assert "did not find that acupuncture did better" in text, (question, text)


@pytest.mark.parametrize(
    "question",
    [
        # the sham-controlled trials favour acupuncture here: nothing to correct
        "Acupuncture is proven to work better than sham for sciatica, right?",
        "It's been shown that acupuncture beats sham for plantar heel pain.",
        # asked, not stated
        "Is acupuncture proven to work better than sham for hot flushes?",
        "Has it been shown to beat sham for dry mouth?",
        # no sham named: no claim about sham to weigh
        "Acupuncture has been shown to help hot flushes, so I'll try it.",
    ],
)
def test_no_sham_overclaim_correction_where_trials_agree_or_it_is_asked(question: str) -> None:
    text = _correction(question)
    assert "did not find that acupuncture did better" not in text, (question, text)


# -- acupuncture said to beat a comparator for every kind of pain ---------------------------------

EVERY_TIME = "did not find acupuncture better every time"


@pytest.mark.parametrize(
    "question",
    [
        "Acupuncture beats morphine for every kind of pain in A&E, so why do hospitals still use "
        "drugs?",
        "Acupuncture works better than painkillers for all kinds of emergency department pain.",
        "acupuncture is better than drugs for any type of pain in the emergency room, so give it "
        "to everyone",
        "Acupuncture beats sham for every kind of chronic low back pain, that's settled.",
        "Needling outperforms medication for all types of acute pain in the ER.",
    ],
)
def test_beating_a_comparator_every_time_is_corrected(question: str) -> None:
    text = _correction(question)
    assert EVERY_TIME in text, (question, text)


@pytest.mark.parametrize(
    "question",
    [
        # asked, not stated
        "Does acupuncture beat morphine for every kind of pain in A&E?",
        # no universal claim
        "Acupuncture helped my back pain more than my tablets did.",
        # no comparison
        "Acupuncture is offered for all kinds of pain in our clinic, is that evidence based?",
        "For every kind of pain, should I ask my GP first?",
        # the sham-controlled trials of sciatica all favour acupuncture: nothing to correct
        "Acupuncture beats sham for every kind of sciatica.",
    ],
)
def test_no_every_time_correction_without_the_claim(question: str) -> None:
    assert EVERY_TIME not in _correction(question), question


# -- a mechanism said to prove that acupuncture works -------------------------------------------

MECHANISM = "not proof"


@pytest.mark.parametrize(
    "question",
    [
        "Since the brain scans have proven acupuncture releases endorphins in people, it's "
        "basically a proven painkiller like morphine, yes?",
        "Acupuncture releases endorphins, so it's a natural painkiller like morphine.",
        "fMRI studies show acupuncture changes the brain, which proves it works for pain.",
        "Because needling triggers the body's own opioids, it must work for my back pain.",
        "The mechanism is known - serotonin and endorphins - so it's basically proven.",
    ],
)
def test_a_mechanism_said_to_prove_benefit_is_corrected(question: str) -> None:
    answer = ask(question)
    text = "\n".join(s.text for s in answer.all_sections if s.title.startswith(PREMISE_TITLE))
    assert MECHANISM in text, (question, text)
    kinds = {r.id: base_sources().get(r.id) for r in answer.references}
    assert any(k == "mechanism_review" or k == "meta_analysis" for k in kinds.values()), kinds


def base_sources() -> dict[str, str]:
    base = bundled_base()
    return {sid: str(s.kind) for sid, s in base.sources.items()}


@pytest.mark.parametrize(
    "question",
    [
        "How does acupuncture work - is it endorphins?",
        "Does acupuncture release endorphins like morphine does?",
        "Acupuncture is thought to release endorphins.",
        "I take morphine for my pain; my acupuncturist says needling is fine with it.",
        "My brain scan was normal, so is the headache muscular?",
    ],
)
def test_no_mechanism_correction_without_the_claim(question: str) -> None:
    assert MECHANISM not in _correction(question), question


# -- the benefit asked after treatment stops, in lay words ---------------------------------------

PERSIST = frozenset({"effect_persistence", "pain", "responder"})


@pytest.mark.parametrize(
    "question",
    [
        "if acupuncture helps, does it wear off as soon as you stop going?",
        "how much is left a year later?",
        "does the benefit wear off once you stop going?",
        "how much of the benefit is left a year later?",
        "will the effect last after you stop the sessions?",
    ],
)
def test_wearing_off_is_effect_persistence(question: str) -> None:
    assert "effect_persistence" in asked_outcomes(question, PERSIST), question


@pytest.mark.parametrize(
    "question",
    [
        "my numbness wore off after the anaesthetic, can I have acupuncture?",
        "how long is each session?",
        "I stopped going to physio last year, would acupuncture help my back?",
        "is there anything left to try for my knee?",
        "does acupuncture help knee pain?",
    ],
)
def test_other_wording_is_no_persistence_question(question: str) -> None:
    assert "effect_persistence" not in asked_outcomes(question, PERSIST), question
