"""Wave 9, engineer "evidence": which record and which figure an answer shows on questions
nobody tuned on (issue 10). The misses of held-out part 8 fell into classes: a study named by
description ("the Swedish labour study", "the APEX trial") was not found; a bottom line stated a
record's summary without its figure; a guideline's rank ("second-line") was not said; premises
that overstate a guideline, a study, a safety restriction or what acupuncture can replace went
uncorrected. Each class is asked in wordings of our own, with wordings that must NOT trigger."""

from __future__ import annotations

import re

import pytest

from acupath.answer import ask
from acupath.answer.cited_studies import find_described
from acupath.evidence.loader import bundled_base

PREMISE_TITLE = "First, a correction"


@pytest.fixture(scope="module")
def base():  # type: ignore[no-untyped-def]
    return bundled_base()


def _bottom(question: str, audience: str = "clinician") -> str:
    answer = ask(question, audience=audience)
    return next((s.text for s in answer.all_sections if s.title == "Bottom line"), "")


# -- a study named by description --------------------------------------------------------------

DESCRIBED = [
    ("In the Danish labour trial, did acupuncture cut epidural use?", "borup2009_labour"),
    ("What did the York back pain trial find at two years?", "thomas2006_lbp"),
    ("the Spanish fibromyalgia trial - how much better was pain?", "vas2016_fibromyalgia"),
    ("APEX trial: did acupuncture add anything to exercise for knee pain?", "foster2007_knee"),
    ("how many epidurals in the swedish labour study with electroacupuncture", "vixner2014_labour"),
    (
        "in that cohort of women needled at the forbidden points, were there more miscarriages?",
        "carr2015",
    ),
    ("The Swedish RCT: did manual acupuncture lower labour pain?", "vixner2014_labour"),
]
NOT_DESCRIBED = [
    "What did the knee trial show?",
    "Are there any trials on hiccups?",
    "the trials for migraine say what?",
    "Is there a study on back pain?",
    "How often does acupuncture cause a pneumothorax? I need the large cohort figure.",
    "Was the study good?",
    "In the big trial, did it help my neck?",
    # a word no record holds: the study may not be in the base, nothing is guessed
    "What did the Korean stroke trial find?",
    # (wave 10: "Tunisian" is now read as the "(Tunisia)" the Grissa 2016 record names)
    "Is it true a Peruvian emergency department study found acupuncture beat morphine?",
]


@pytest.mark.parametrize(("question", "source"), DESCRIBED)
def test_a_described_study_is_found(question: str, source: str, base) -> None:  # type: ignore[no-untyped-def]
    found = [s for c in find_described(question, base) for s in c.sources]
    assert source in found, (question, found)
    assert len(found) <= 3


@pytest.mark.parametrize("question", NOT_DESCRIBED)
def test_a_topic_or_a_plural_names_no_study(question: str, base) -> None:  # type: ignore[no-untyped-def]
    assert find_described(question, base) == [], question


@pytest.mark.parametrize(("question", "source"), DESCRIBED)
def test_a_described_study_is_answered_first(question: str, source: str) -> None:
    answer = ask(question)
    assert source in answer.understanding["statement"]["sources_named"], question
    bottom = next(s for s in answer.all_sections if s.title == "Bottom line")
    marker = next(i + 1 for i, r in enumerate(answer.references) if r.id == source)
    assert re.search(rf"\[(?:\d+, )*{marker}(?:, \d+)*\]", bottom.text), (question, bottom.text)


# -- a finding stated in a clinician's bottom line carries its figure ---------------------------

FIGURE_QUESTIONS = [
    "Drafting a leaflet: the cohort of women needled at forbidden points - how many were there?",
    "Does acupuncture have side effects at all? Our patients keep asking.",
    "in the swedish labour study, how many fewer women had an epidural?",
    "How often do people bleed after acupuncture?",
    "Can acupuncture puncture a lung, and how often has it happened?",
    "Is acupuncture safe in pregnancy? what did the big cohort find",
]


@pytest.mark.parametrize("question", FIGURE_QUESTIONS)
def test_a_bottom_line_finding_states_its_figure(question: str) -> None:
    from acupath.answer.phrasing import finding_stats

    base = bundled_base()
    answer = ask(question)
    bottom = next(s for s in answer.all_sections if s.title == "Bottom line")
    stated = 0
    for f in base.findings.values():
        summary = " ".join(f.summary.split())
        for line in bottom.text.splitlines():
            if summary in line:
                figures = finding_stats(f.model_copy(update={"verdict": None}))
                # a named study's line puts its verdict first ("(evidence does not support a
                # benefit; 15 studies, 823 participants; ...)": wave 15 names Carr 2015 for the
                # cohort described before the " - " that starts the question)
                assert not figures or f"({figures}" in line or f"; {figures}" in line, (
                    question,
                    line,
                )
                stated += 1
    assert stated, (question, bottom.text)


def test_a_patient_bottom_line_keeps_its_plain_words() -> None:
    text = _bottom("how many people get side effects from acupuncture?", "patient")
    assert "participants)" not in text, text
    assert "95% CI" not in text, text


# -- a guideline's position in its own words (its rank, its strength) ---------------------------

GUIDELINE_RANK = [
    ("Where does NICE put acupuncture for migraine prevention, first line?", "second-line"),
    ("Is acupuncture first-line for preventing migraines according to NICE?", "second-line"),
    (
        "What does the ACP guideline say about acupuncture for chronic low back pain?",
        "moderate-quality",
    ),
    ("NICE guidance on acupuncture for fibromyalgia?", "consider"),
    ("what do guidelines say about acupuncture for migraine prophylaxis", "second-line"),
]


@pytest.mark.parametrize(("question", "words"), GUIDELINE_RANK)
def test_a_guideline_position_is_quoted(question: str, words: str) -> None:
    assert words in ask(question).markdown, question


def test_a_patient_guideline_line_is_not_quoted_for_clinicians() -> None:
    text = ask("what do guidelines say about acupuncture for my migraines", audience="patient")
    assert "In short:" not in text.markdown


# -- premises: four kinds, each stated in six or more wordings, with neutral questions ---------


def _correction(question: str, audience: str = "clinician") -> str:
    answer = ask(question, audience=audience)
    titles = [s.title for s in answer.all_sections]
    for s in answer.all_sections:
        if s.title == PREMISE_TITLE:
            # the correction opens the answer; only a patient safety box may stand before it
            assert titles.index(s.title) <= 1, titles
            if titles.index(s.title) == 1:
                assert "afety" in titles[0], titles
            return s.text
    return ""


GUIDELINE_RANK_PREMISES = [
    "As NICE makes acupuncture the first-line preventive for migraine, we will offer it before"
    " drugs.",
    "NICE says acupuncture is the treatment of choice for migraine prevention, so let's start"
    " there.",
    "Our guideline lead says NICE puts acupuncture first for migraine, ahead of medication - fine?",
    "NICE CG150 makes acupuncture the first choice for migraine prophylaxis, right?",
    "NICE says acupuncture must be offered to everyone with fibromyalgia.",
    "The NG193 guideline makes acupuncture the gold standard for fibromyalgia, so every patient"
    " gets it?",
    "nice guidance says acupuncture is the best treatment for migraines so I should have it"
    " before tablets",
]
GUIDELINE_RANK_NEUTRAL = [
    "Is acupuncture first-line for migraine prevention according to NICE?",
    "Where does NICE put acupuncture in migraine prophylaxis - first line or after drugs?",
    "Does NICE say acupuncture must be offered for fibromyalgia?",
    "What does NICE recommend first for migraine prevention?",
    "The ACP guideline makes acupuncture a first-line option for chronic low back pain, right?",
    "How does NICE rank acupuncture for migraine?",
]


@pytest.mark.parametrize("question", GUIDELINE_RANK_PREMISES)
def test_a_guideline_rank_overstated_is_corrected(question: str) -> None:
    text = _correction(question)
    assert "does not make acupuncture a first choice" in text, (question, text)
    assert "NICE" in text and re.search(r"\[\d+\]", text), text


@pytest.mark.parametrize("question", GUIDELINE_RANK_NEUTRAL)
def test_a_guideline_rank_asked_or_true_is_not_corrected(question: str) -> None:
    assert "first choice" not in _correction(question), question


OVERCLAIM_PREMISES = [
    ("Ee 2016 proved acupuncture beats sham for hot flushes, so it's proven.", "15.4"),
    ("Ee 2016 showed acupuncture works better than sham for menopausal flushes.", "15.4"),
    ("The Swedish RCT showed acupuncture substantially lowers labour pain.", "69.0"),
    ("Vixner 2014 proved acupuncture reduces labour pain, so we recommend it.", "69.0"),
    (
        "Acupuncture is proven for every kind of joint pain, so it will work for my hip OA.",
        "little or no difference",
    ),
    (
        "Since the research has shown acupuncture clearly beats sham for hip osteoarthritis,"
        " we'll use it.",
        "little or no difference",
    ),
    ("Hinman 2014 proved acupuncture beats sham for chronic knee pain.", "Hinman 2014"),
]
OVERCLAIM_NEUTRAL = [
    # true claims: the named study, or the records, found a benefit
    "Hershman 2018 proved acupuncture reduces aromatase inhibitor joint pain.",
    "Vixner 2014 showed electroacupuncture cut epidural use, so it works.",
    "Studies have shown acupuncture works for migraine, so we offer it.",
    "Vickers 2012 showed acupuncture beats sham for chronic pain.",
    "Did Ee 2016 show acupuncture beats sham for hot flushes?",
    "Has acupuncture been proven to work for hip osteoarthritis?",
    "Vickers 2018 showed acupuncture beats sham for chronic pain; how big was the difference?",
    "What did the Swedish RCT show for labour pain?",
    "Is it proven that acupuncture lowers labour pain?",
    "Studies showed acupuncture helps migraine, what dose did they use?",
]


@pytest.mark.parametrize(("question", "words"), OVERCLAIM_PREMISES)
def test_a_study_said_to_prove_more_is_corrected(question: str, words: str) -> None:
    text = _correction(question)
    assert "did not find" in text and words in text, (question, text)


@pytest.mark.parametrize("question", OVERCLAIM_NEUTRAL)
def test_a_study_asked_about_or_rightly_cited_is_not_corrected(question: str) -> None:
    assert "did not find that acupuncture did better" not in _correction(question), question


RESTRICTION_PREMISES = [
    "People with pacemakers can't have any acupuncture at all, can they? Mine went in last year"
    " and my knee OA is getting worse.",
    "My GP says acupuncture is absolutely contraindicated with my pacemaker, so my neck pain"
    " can't be treated?",
    "Acupuncture is dangerous for everyone over 70, isn't it? I'm 74 with chronic neck pain,"
    " otherwise well.",
    "acupuncture is off limits for diabetics isnt it, i have type 2 and sore knees",
    "With a knee replacement you can never have acupuncture, right? Mine was done in 2015 and my"
    " back aches.",
    "People on blood thinners can't have any acupuncture at all, so my apixaban rules it out for"
    " my back pain?",
]
RESTRICTION_NEUTRAL = [
    "Can people with pacemakers have acupuncture for knee pain?",
    "Is acupuncture safe for someone over 70 with neck pain?",
    "Are there any restrictions for diabetics having acupuncture?",
    "What changes are needed for acupuncture with a pacemaker?",
    "My knee replacement was in 2015; can I have acupuncture for my back?",
    "Is electroacupuncture ruled out with a pacemaker?",
]


@pytest.mark.parametrize("question", RESTRICTION_PREMISES)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_a_restriction_overstated_is_corrected_from_the_screen(
    question: str, audience: str
) -> None:
    answer = ask(question, audience=audience)
    decision = (answer.screen or {}).get("decision")
    text = _correction(question, audience)
    if decision in ("proceed", "proceed_with_modifications"):
        assert "rule" in text and "out" in text, (question, text)
    else:  # the screen holds back: the premise is never called wrong
        assert "does not rule" not in text, (question, decision, text)


@pytest.mark.parametrize("question", RESTRICTION_NEUTRAL)
def test_a_restriction_asked_about_is_not_corrected(question: str) -> None:
    assert "does not rule out acupuncture" not in _correction(question), question


def test_a_restriction_is_not_corrected_when_the_screen_holds_back() -> None:
    q = "People on warfarin can never have acupuncture, right? My INR was 4.5 yesterday."
    answer = ask(q)
    assert (answer.screen or {}).get("decision") in ("defer", "refer"), answer.screen
    assert "does not rule out" not in _correction(q)


REPLACE_PREMISES = [
    (
        "The Swedish RCT showed acupuncture lowers labour pain, so we should offer it instead of"
        " epidurals.",
        "69.0",
    ),
    ("Acupuncture works for knee arthritis so I can cancel the physio.", "0.08"),
    (
        "We'll offer acupuncture in place of physiotherapy for knee osteoarthritis from now on.",
        "0.08",
    ),
    ("Acupuncture relieves labour pain so women won't need an epidural.", "labour pain"),
    (
        "since acupuncture helps my knee arthritis i'll skip the exercises the physio gave me",
        "0.08",
    ),
    ("Acupuncture can replace standard care for labour pain on our ward.", "labour pain"),
]
REPLACE_NEUTRAL = [
    "Can acupuncture replace an epidural in labour?",
    "Should I do acupuncture instead of physio for my knee?",
    "Does acupuncture reduce the need for epidurals?",
    "Is acupuncture added to physio better than physio alone for knee arthritis?",
    "How does acupuncture compare with usual care for labour pain?",
    "What did the APEX trial show?",
]


@pytest.mark.parametrize(("question", "words"), REPLACE_PREMISES)
def test_replacing_standard_care_is_corrected(question: str, words: str) -> None:
    text = _correction(question)
    assert "take the place of" in text and words in text, (question, text)


@pytest.mark.parametrize("question", REPLACE_NEUTRAL)
def test_asking_about_replacing_care_is_not_corrected(question: str) -> None:
    assert "take the place of" not in _correction(question), question


# -- a rate asked on a denominator ("out of every thousand") -----------------------------------

DENOMINATOR_QUESTIONS = [
    "how common are side effects from acupuncture? out of every thousand people how many get one?",
    "Side effects per 1,000 patients having acupuncture - what is the figure?",
    "in every thousand patients who have acupuncture, how many report an adverse event?",
    "What is the adverse event rate per thousand patients after acupuncture?",
    "roughly how many in a thousand people get side effects from acupuncture",
]
NO_DENOMINATOR = [
    "How common are side effects from acupuncture?",
    "side effects in 2009 surveys of acupuncture",
    "out of 5 people, how many get side effects?",
    "Did side effects go down in 2 weeks?",
    "what share of people get side effects from acupuncture",
]


@pytest.mark.parametrize("question", DENOMINATOR_QUESTIONS)
def test_a_rate_on_the_asked_denominator_leads(question: str) -> None:
    from acupath.answer.focus import asked_denominator

    assert asked_denominator(question) == 1000, question
    bottom = _bottom(question)
    assert "per 1,000 patients" in bottom.splitlines()[0], (question, bottom)


@pytest.mark.parametrize("question", NO_DENOMINATOR)
def test_no_denominator_asked(question: str) -> None:
    from acupath.answer.focus import asked_denominator

    assert asked_denominator(question) is None, question


# -- a study named by what it reported, or by author, journal and year -------------------------

REPORTED = [
    ("Is it true a Danish labour study found acupuncture cut epidurals?", "borup2009_labour"),
    ("I read that a Spanish fibromyalgia trial showed acupuncture helped", "vas2016_fibromyalgia"),
    ("A York back pain trial reported lower costs with acupuncture?", "thomas2006_lbp"),
    ("In the UK knee trial (Foster, BMJ 2007), what changed at six months?", "foster2007_knee"),
    ("Witt, Forsch Komplementmed 2009: how many had a side effect?", "witt2009"),
]
NOT_REPORTED = [
    "Is it true a study found acupuncture helps knee pain?",
    "a trial showed acupuncture works for back pain",
    "a review found acupuncture helps migraine",
    "My back pain, since 2007, is worse.",
    "A labour trial found what?",
]


@pytest.mark.parametrize(("question", "source"), REPORTED)
def test_a_study_named_by_what_it_reported_is_found(question: str, source: str) -> None:
    named = ask(question).understanding["statement"]["sources_named"]
    assert source in named, (question, named)


@pytest.mark.parametrize("question", NOT_REPORTED)
def test_an_unnamed_study_names_no_source(question: str) -> None:
    assert ask(question).understanding["statement"]["sources_named"] == [], question


# -- a payer's policy is shown even for a condition it does not cover ---------------------------

UNCOVERED = [
    "Does Medicare cover acupuncture for migraines?",
    "will medicare pay for acupuncture for my knees",
    "Is acupuncture for neck pain covered by CMS?",
    "Medicare coverage of acupuncture for fibromyalgia?",
    "does medicare cover acupuncture for hot flashes after breast cancer",
]


@pytest.mark.parametrize("question", UNCOVERED)
def test_a_coverage_question_shows_the_policy(question: str) -> None:
    answer = ask(question)
    coverage = next(s for s in answer.all_sections if s.title == "Coverage")
    assert "other conditions remains non-covered" in coverage.text, coverage.text


def test_a_covered_condition_keeps_its_policy() -> None:
    answer = ask("Does Medicare cover acupuncture for chronic low back pain?")
    coverage = next(s for s in answer.all_sections if s.title == "Coverage")
    assert "chronic low back pain" in coverage.text


# -- "no side effects at all" is answered with the largest cohort's figure ---------------------

HARMLESS = [
    "acupuncture is 100% risk free with zero side effects isnt it",
    "Acupuncture has no side effects at all, so I can tell patients it's completely safe.",
    "it's totally safe, zero side-effects, right?",
    "acupuncture can't do any harm so there's no downside",
    "Since acupuncture is risk-free, consent forms are pointless?",
]


@pytest.mark.parametrize("question", HARMLESS)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_no_side_effects_is_corrected_with_a_figure(question: str, audience: str) -> None:
    text = _correction(question, audience)
    assert "one patient in twelve" in text and re.search(r"\[\d+\]", text), text
    if audience == "clinician":
        assert "8.6%" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "out of every 100 people who have acupuncture how many get a side effect?",
        "in every hundred patients, how many have side effects from acupuncture?",
        "out of a hundred people having acupuncture, how many get side effects?",
        "out of 100 patients having acupuncture, how many report an adverse event?",
        "for every hundred people treated with acupuncture how many get side effects",
    ],
)
def test_people_are_not_treatments(question: str) -> None:
    assert "per 100 treatments" not in _bottom(question).splitlines()[0], question


# -- relief said to be permanent: what happened after treatment ended --------------------------

PERMANENT = [
    "Once the knee pain goes with acupuncture it never comes back, so after 8 weeks I'm done.",
    "acupuncture fixes knee arthritis pain for good, one course and you're sorted",
    "My knee osteoarthritis will be gone forever after six sessions of acupuncture.",
    "Acupuncture permanently relieves knee OA pain, so we can discharge after the course.",
    "Tennis elbow pain never comes back after acupuncture, so one course is enough.",
    "acupuncture cures my tennis elbow once and for all",
]
NOT_PERMANENT = [
    "How long does the benefit of acupuncture last for knee arthritis?",
    "Will my knee pain come back after acupuncture stops?",
    "Is the effect of acupuncture on knee osteoarthritis permanent?",
    "Does acupuncture relief for tennis elbow last?",
    "does the benefit for knee pain fade after the course ends",
    "My back pain is gone forever after acupuncture, right?",
]


@pytest.mark.parametrize("question", PERMANENT)
def test_permanent_relief_is_corrected_with_what_faded(question: str) -> None:
    text = _correction(question)
    assert "after treatment ended" in text and re.search(r"\[\d+\]", text), (question, text)


@pytest.mark.parametrize("question", NOT_PERMANENT)
def test_asking_how_long_relief_lasts_is_no_premise(question: str) -> None:
    assert "narrowed or faded" not in _correction(question), question
