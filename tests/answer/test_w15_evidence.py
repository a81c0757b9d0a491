"""Wave 15, engineer "evidence" (held-out part 12 misses h12153, h12154, h12157, h12169, h12188):
a study told by its country, its year, its design and its population, with an indefinite
article ("a German knee arthritis study from 2005", "an Australian trial", "a UK trial with
weekly acupuncture"), a lay name of its condition ("knee arthritis" for osteoarthritis of the
knee), a lay name of its sham arm ("fake needles") or a lay name of its design ("that huge data
pool in 2018" for an individual patient data meta-analysis). Each class is asked in wordings of
our own, with wordings that must NOT name a study."""

from __future__ import annotations

import pytest

from acupath.answer import parser_for
from acupath.answer.asked_words import asked_outcomes
from acupath.answer.retrieve import index_for
from acupath.evidence.loader import bundled_base


@pytest.fixture(scope="module")
def base():  # type: ignore[no-untyped-def]
    return bundled_base()


def _sources(text: str, base) -> set[str]:  # type: ignore[no-untyped-def]
    """The sources the question names, as Ask's parser reads them (a description is narrowed
    by the arms and the conditions the question names)."""
    stmt = parser_for(index_for(base))(text)
    return set(stmt.sources_named)


# -- a study told by its year: "from 2005", "in 2005", "the 2005 ... study" ----------------------
# Witt 2005 (Lancet) is the German knee osteoarthritis trial of the ART programme; Scharf 2006 is
# the GERAC knee trial. The year tells them apart; "knee arthritis" is the lay name of the
# condition the records call osteoarthritis of the knee.

WITT_BY_YEAR = [
    "My physio mentioned a German knee arthritis study from 2005 comparing real needles with "
    "'minimal' needles - how much lower was the WOMAC score?",
    "the 2005 German knee osteoarthritis trial: what did it find?",
    "there was a German trial from 2005 on knee arthritis, what was the result?",
    "What did the German knee study in 2005 show for arthritis pain?",
    "a 2005 German study of knee osteoarthritis - how big was the effect?",
]


@pytest.mark.parametrize("text", WITT_BY_YEAR)
def test_a_study_told_by_its_year(text: str, base) -> None:  # type: ignore[no-untyped-def]
    assert _sources(text, base) == {"witt2005"}


NOT_BY_YEAR = [
    # a year no German knee trial of the base has: nothing is guessed
    "a German knee arthritis study from 2019 - what did it find?",
    # a plural is a body of evidence, not one study
    "German knee arthritis studies from 2005 - what did they find?",
    # a topic with an indefinite article and nothing that tells one study apart
    "is there a study on knee arthritis?",
    "was there a trial for knee osteoarthritis?",
    # the year of a question, not of a study
    "In 2005 I had knee arthritis; is there a trial of acupuncture for it?",
]


@pytest.mark.parametrize("text", NOT_BY_YEAR)
def test_no_study_without_what_tells_it_apart(text: str, base) -> None:  # type: ignore[no-untyped-def]
    assert "witt2005" not in _sources(text, base)
    assert "scharf2006_knee" not in _sources(text, base)


# -- a study told by its country, with "a"/"an" ------------------------------------------------
# Molassiotis 2012 (J Clin Oncol) ran in the UK (setting "United Kingdom" in the ONS evidence
# summary of the paper); Cohen 2017 (Med J Aust) in four emergency departments in Melbourne.

BY_COUNTRY = [
    (
        "For tiredness after cancer treatment, was there a UK trial with weekly acupuncture? "
        "How many people were in it?",
        "molassiotis2012",
    ),
    (
        "a British trial of acupuncture for cancer fatigue - how many women took part?",
        "molassiotis2012",
    ),
    ("the English fatigue trial in breast cancer: what did it find?", "molassiotis2012"),
    (
        "In the emergency room, does acupuncture work as well as the painkiller drugs? there was "
        "an Australian trial",
        "cohen2017_ed",
    ),
    ("an Australian emergency department trial found what about acupuncture?", "cohen2017_ed"),
    ("the Australian emergency study of acupuncture, how many patients?", "cohen2017_ed"),
]


@pytest.mark.parametrize(("text", "source"), BY_COUNTRY)
def test_a_study_told_by_its_country(text: str, source: str, base) -> None:  # type: ignore[no-untyped-def]
    assert _sources(text, base) == {source}


NOT_BY_COUNTRY = [
    # a country no source of the base is from for that topic: nothing is guessed
    "a Korean trial of acupuncture for cancer fatigue - how many people?",
    "an Australian trial of acupuncture for hot flushes?",
    # the patient's country, not the study's
    "I live in Australia; is there a trial of acupuncture in the emergency department?",
    "I'm British, was there a trial on cancer fatigue?",
    # a plural
    "Australian trials of acupuncture in emergency departments - what did they find?",
]


@pytest.mark.parametrize("text", NOT_BY_COUNTRY)
def test_no_study_from_a_country_it_is_not_from(text: str, base) -> None:  # type: ignore[no-untyped-def]
    assert not ({"molassiotis2012", "cohen2017_ed"} & _sources(text, base))


# -- a sham arm in lay words ("fake needles") describes a sham-controlled study ----------------

GERAC_FAKE = [
    "what did that big German trial on back pain find - the one where fake needles did almost as "
    "well? what share of people got better with the real ones at 6 months",
    "that German back pain trial where fake needles did almost as well - how many got better?",
    "the German back pain trial with fake needles that did almost as well as real ones",
    "the German trial on back pain in which pretend needling did almost as well",
    "the German back pain study where placebo needles worked almost as well: the results?",
]


@pytest.mark.parametrize("text", GERAC_FAKE)
def test_fake_needles_describe_the_sham_arm(text: str, base) -> None:  # type: ignore[no-untyped-def]
    assert _sources(text, base) == {"haake2007"}


# -- an individual patient data meta-analysis in lay words, told by its year -------------------

DATA_POOL = [
    (
        "I read that when they updated that huge acupuncture data pool in 2018 it covered dozens "
        "of trials. How many trials and how many people?",
        "vickers2018",
    ),
    ("the 2018 data pool of acupuncture trials: how many people?", "vickers2018"),
    ("that big pooled analysis from 2012 - how many patients?", "vickers2012"),
    ("the 2012 acupuncture data pool, how many trials were in it?", "vickers2012"),
    ("the data pool from 2018, what did it find for sham?", "vickers2018"),
]


@pytest.mark.parametrize(("text", "source"), DATA_POOL)
def test_a_data_pool_told_by_its_year(text: str, source: str, base) -> None:  # type: ignore[no-untyped-def]
    assert _sources(text, base) == {source}


NOT_DATA_POOL = [
    "the data pool in 2015 - how many people?",  # no pooled analysis of that year
    "is there a data pool on acupuncture?",  # no year: no one analysis
    "the big data pool of acupuncture trials, what did it show?",
    "I swam in a pool in 2018 and hurt my back",
    "in 2018 I read about acupuncture data",
]


@pytest.mark.parametrize("text", NOT_DATA_POOL)
def test_no_data_pool_without_its_year(text: str, base) -> None:  # type: ignore[no-untyped-def]
    assert not ({"vickers2018", "vickers2012"} & _sources(text, base))


# -- a mechanism said to make acupuncture "stronger than any painkiller" (h12141) ----------------
# The body's own morphine in lay words is the opioid mechanism (han2004, ma2004: opioid peptides,
# shown mainly in animals); "stronger than any painkiller" is the conclusion drawn from it.

MECHANISM_STRONGER = [
    "Acupuncture works by releasing the body's own morphine straight into the knee joint, so it "
    "must be stronger than any painkiller - why do doctors still prescribe tablets?",
    "It releases your own natural morphine, so it's stronger than painkillers. How many sessions "
    "for my back?",
    "The needles make the body release its own opiates, so acupuncture must be better than any "
    "drug for neck pain.",
    "My friend says acupuncture triggers endorphins so it is stronger than any painkiller. How "
    "often should I go for my knee?",
    "Because it works through the body's own painkillers, it has to be more powerful than "
    "tablets for back pain; can I stop my ibuprofen?",
]


@pytest.mark.parametrize("text", MECHANISM_STRONGER)
def test_a_mechanism_said_to_make_it_stronger_is_a_premise(text: str, base) -> None:  # type: ignore[no-untyped-def]
    stmt = parser_for(index_for(base))(text)
    assert "mechanism_as_proof" in stmt.premises


NOT_MECHANISM_STRONGER = [
    # asked, not stated
    "Does acupuncture release the body's own morphine? Is it stronger than painkillers?",
    "Is acupuncture stronger than any painkiller for back pain?",
    # a mechanism asked about, with no conclusion drawn from it
    "How does acupuncture release the body's own morphine?",
    # a comparison with no mechanism
    "My physio said ibuprofen is stronger than any herbal remedy; is acupuncture worth a try?",
    "Morphine is stronger than any other painkiller I have had; can I still have acupuncture?",
]


@pytest.mark.parametrize("text", NOT_MECHANISM_STRONGER)
def test_no_mechanism_premise_without_both(text: str, base) -> None:  # type: ignore[no-untyped-def]
    stmt = parser_for(index_for(base))(text)
    assert "mechanism_as_proof" not in stmt.premises


# -- the benefit fading after treatment stops, in lay words (h12202) ----------------------------

PERSIST = frozenset({"effect_persistence", "pain", "function"})
FADING = [
    "do benefits of acupuncture fade after you stop? someone said they barely drop off",
    "does the effect of acupuncture fade once the course is over?",
    "do the benefits drop off after the sessions end?",
    "will the benefit fade away after I finish my acupuncture?",
    "how fast does the benefit fade after the last session?",
]


@pytest.mark.parametrize("text", FADING)
def test_fading_benefit_is_effect_persistence(text: str) -> None:
    assert "effect_persistence" in asked_outcomes(text, PERSIST), text


NOT_FADING = [
    "will the bruise fade after acupuncture?",
    "my scar has faded, can I have needles there?",
    "the pain drops off at night, would acupuncture help?",
    "I dropped off to sleep during the session, is that normal?",
    "does acupuncture help knee pain?",
]


@pytest.mark.parametrize("text", NOT_FADING)
def test_other_fading_is_no_persistence_question(text: str) -> None:
    assert "effect_persistence" not in asked_outcomes(text, PERSIST), text


NOT_A_SURVEY = [
    "how common are side effects from acupuncture really? I read a UK survey of thousands of "
    "patients",
    "the UK survey of thousands of case reports - what did it find?",
    "a Chinese survey of adverse events in thousands of reports",
    "the survey of the Chinese literature on adverse events",
    "that Chinese survey of case reports on side effects",
]


@pytest.mark.parametrize("text", NOT_A_SURVEY)
def test_a_survey_is_no_systematic_review(text: str, base) -> None:  # type: ignore[no-untyped-def]
    assert "zhang2010" not in _sources(text, base)
