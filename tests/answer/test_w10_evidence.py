"""Wave 10, engineer "evidence": premises held-out part 9 left uncorrected, as classes. A harm
said to be everywhere ("people die from it all the time", "dangerous for everyone"); a named
study said to prove acupuncture works for every illness when it pooled a few conditions; a
named study read the wrong way ("the GERAC trial showed it was no better than guideline care"
when it found a benefit); a large pooled effect size over-read as "far more effective than
anything else". Each class is asked in wordings of our own, with neutral wordings that must
NOT trigger."""

from __future__ import annotations

import pytest

from acupath.answer import ask

PREMISE_TITLE = "First, a correction"


def _premises(question: str) -> list[str]:
    return list(ask(question).understanding["statement"]["premises"])


def _correction(question: str, audience: str = "clinician") -> str:
    answer = ask(question, audience=audience)
    titles = [s.title for s in answer.all_sections]
    assert PREMISE_TITLE in titles[:2] or audience == "patient", titles
    return next((s.text for s in answer.all_sections if "correction" in s.title.lower()), "")


# -- a harm said to be everywhere ---------------------------------------------------------------

HARM_EVERYWHERE = [
    "acupuncture kills people all the time, so it should be banned, right?",
    "People die from acupuncture all the time - why would anyone risk it?",
    "My uncle says acupuncture is dangerous for everyone and folk die from it regularly.",
    "Deaths from acupuncture are common, so our clinic should stop offering it.",
    "acupuncture is really dangerous for everybody, people get killed by it often. true?",
    "Needling is dangerous for anyone - patients die after it all the time, correct?",
]
HARM_NEUTRAL = [
    "Has anyone ever died from acupuncture?",
    "How often do people die after acupuncture?",
    "What are the common side effects, and have there been any deaths?",
    "Is acupuncture dangerous for everyone on blood thinners?",
    "Which serious harms have been reported, such as deaths?",
    "Are deaths after acupuncture common?",
    # a harm said not to be everywhere agrees with the records
    "Deaths from acupuncture are not common, right?",
    "Acupuncture is not dangerous for most people, correct?",
    "People don't die from acupuncture all the time, they're very rare.",
    "Serious harm is rare; acupuncture isn't dangerous for everyone.",
]


@pytest.mark.parametrize("question", HARM_EVERYWHERE)
def test_harm_everywhere_is_a_premise(question: str) -> None:
    assert "harm_overstated" in _premises(question)


@pytest.mark.parametrize("question", HARM_NEUTRAL)
def test_asking_about_deaths_is_no_premise(question: str) -> None:
    assert "harm_overstated" not in _premises(question)


def test_harm_everywhere_correction_gives_the_largest_cohort_rate() -> None:
    text = _correction(HARM_EVERYWHERE[1])
    assert "Serious" in text or "serious" in text
    assert "8.6%" in text  # Witt 2009: 8.6% of 229,230 reported any adverse event


# -- a named study said to prove acupuncture works for every illness ---------------------------

STUDY_EVERYTHING = [
    "the huge Vickers 2018 study proved acupuncture works for every illness there is, right?",
    "Vickers 2018 showed acupuncture is effective for all diseases, so we can use it for anything.",
    "The Vickers 2018 meta-analysis proves acupuncture works for any condition - agreed?",
    "I read that Vickers 2018 demonstrated it works for every kind of illness.",
    "Since Vickers 2018 established acupuncture works for all conditions, let's offer it widely.",
    "the vickers 2018 individual patient data study proved it helps with every disease, yes?",
]
STUDY_NEUTRAL = [
    "What did Vickers 2018 find for chronic pain?",
    "Which conditions did the Vickers 2018 meta-analysis cover?",
    "Vickers 2018: how large was the effect against sham?",
    "Does the Vickers study show acupuncture works for every kind of chronic pain it looked at?",
    "how many patients were in the Vickers individual patient data meta-analysis?",
    "Vickers 2018 showed a benefit over sham for chronic pain; how big was it?",
]


@pytest.mark.parametrize("question", STUDY_EVERYTHING)
def test_a_study_said_to_prove_everything_is_corrected(question: str) -> None:
    text = _correction(question)
    assert "not every" in text or "only" in text, text
    assert "20,827" in text


@pytest.mark.parametrize("question", STUDY_NEUTRAL)
def test_asking_what_a_study_covered_is_not_corrected(question: str) -> None:
    answer = ask(question)
    assert PREMISE_TITLE not in [s.title for s in answer.all_sections]


# -- a named study read the wrong way ----------------------------------------------------------

MISREAD = [
    "Since the GERAC back pain trial showed acupuncture was no better than conventional care, "
    "we can stop offering it.",
    "GERAC found acupuncture no better than guideline-based conventional therapy for low back "
    "pain, so why fund it?",
    "The German GERAC low back pain trial proved acupuncture did not work better than standard "
    "care - fair?",
    "haake 2007 showed acupuncture was no more effective than usual care for back pain.",
    "As the GERAC trial demonstrated that acupuncture is no better than conventional therapy for "
    "chronic back pain, we should drop it.",
    "the GERAC back trial showed needling didn't beat conventional treatment, right?",
]
MISREAD_NEUTRAL = [
    "Did the GERAC back pain trial show acupuncture was better than conventional care?",
    "GERAC low back pain: how did acupuncture compare with conventional therapy?",
    "The GERAC back pain trial showed real acupuncture was no better than sham - is that right?",
    "What did Haake 2007 find against sham?",
    "Was acupuncture better than usual care in the GERAC back pain trial?",
    "How many responded in each arm of the GERAC low back pain trial?",
]


@pytest.mark.parametrize("question", MISREAD)
def test_a_study_read_the_wrong_way_is_corrected(question: str) -> None:
    text = _correction(question)
    assert "did better" in text, text
    assert "20.2" in text


@pytest.mark.parametrize("question", MISREAD_NEUTRAL)
def test_a_study_read_right_or_asked_is_not_corrected(question: str) -> None:
    if "sham" not in question:  # "showed it was no better than sham" is read, and is right
        assert "study_misread" not in _premises(question)
    answer = ask(question)
    text = next((s.text for s in answer.all_sections if s.title == PREMISE_TITLE), "")
    assert "did better" not in text


# -- a large pooled effect size over-read ------------------------------------------------------

OVERREAD = [
    "Electroacupuncture for knee OA has an effect size near 2 SD (Shim 2016), so it's far more "
    "effective than anything else we offer - fair summary?",
    "Shim 2016 found an SMD of almost 2 for knee osteoarthritis pain, so electroacupuncture beats "
    "everything else.",
    "With an effect size of -1.86 for knee OA (Shim 2016), electroacupuncture must be the most "
    "effective treatment we have.",
    "knee arthritis: Shim 2016's huge effect size means EA is better than anything else on offer",
    "The Shim 2016 meta-analysis shows an effect of nearly two standard deviations, so nothing "
    "else comes close for knee OA pain.",
    "An SMD near 2 for knee OA (Shim 2016) makes electroacupuncture far more effective than "
    "physio or drugs.",
]
OVERREAD_NEUTRAL = [
    "What effect size did Shim 2016 report for electroacupuncture in knee OA?",
    "Shim 2016 knee OA: how big was the SMD and how certain is it?",
    "Is electroacupuncture more effective than anything else for knee OA?",
    "How large is the effect size of acupuncture for knee osteoarthritis pain?",
    "Which treatment is most effective for knee OA, and what is acupuncture's effect size?",
    "Electroacupuncture for knee OA: standardised mean difference against control?",
]


@pytest.mark.parametrize("question", OVERREAD)
def test_an_effect_size_over_read_is_corrected(question: str) -> None:
    text = _correction(question)
    assert "-1.86" in text and "very low" in text, text


@pytest.mark.parametrize("question", OVERREAD_NEUTRAL)
def test_asking_an_effect_size_is_not_corrected(question: str) -> None:
    assert "effect_overread" not in _premises(question)


# -- a cure premise beside another ask: the correction's "how much relief is below" is kept --

CURE_WITH_DOSE = [
    "My friend says acupuncture cures fibromyalgia for good after a few sessions - so one "
    "session and I'm done?",
    "acupuncture fixes knee arthritis permanently after six sessions, so how many do I book?",
    "If a course of acupuncture cures my migraines for good, how often should I go?",
    "Six sessions of acupuncture will get rid of my back pain once and for all - how long is "
    "each session?",
    "They told me acupuncture heals neck pain completely after a few weekly sessions; how many "
    "weeks?",
]
DOSE_ONLY = [
    "How many sessions of acupuncture for fibromyalgia?",
    "how often should I go for acupuncture for migraines?",
    "How long is each acupuncture session for back pain?",
    "knee arthritis: how many weeks of acupuncture are usual?",
    "What dose of acupuncture do the neck pain trials use?",
]


@pytest.mark.parametrize("question", CURE_WITH_DOSE)
def test_a_cure_premise_keeps_the_relief_it_points_to(question: str) -> None:
    answer = ask(question)
    assert "efficacy" in answer.understanding["intents"], answer.understanding["intents"]
    assert PREMISE_TITLE in [s.title for s in answer.all_sections]


@pytest.mark.parametrize("question", DOSE_ONLY)
def test_a_dose_question_is_not_turned_into_efficacy(question: str) -> None:
    assert ask(question).understanding["intents"] == ["dose"]


# -- a surname several sources share, named with a size word ("the huge Vickers study") --------

SIZED = [
    "the huge Vickers study proved it works for every illness",
    "What did that big Vickers analysis find?",
    "In the largest Vickers meta-analysis, how big was the effect against sham?",
    "the massive Vickers IPD study - how many patients?",
    "Does the biggest Vickers review cover headache?",
]
UNSIZED = [
    "the Vickers study proved it works",
    "What did the Vickers analysis find?",
    "a small Vickers study on breathlessness",
    "the Vickers review - what did it say?",
    "is there a Vickers trial on headache?",
]


@pytest.mark.parametrize("question", SIZED)
def test_a_size_word_picks_the_largest_of_a_shared_surname(question: str) -> None:
    from acupath.answer.cited_studies import find_cited
    from acupath.evidence.loader import bundled_base

    found = find_cited(question, bundled_base())
    assert [c.sources for c in found] == [("vickers2018",)], found


@pytest.mark.parametrize("question", UNSIZED)
def test_a_shared_surname_without_a_size_word_names_none(question: str) -> None:
    from acupath.answer.cited_studies import find_cited
    from acupath.evidence.loader import bundled_base

    assert not any(
        "vickers2018" in c.sources and len(c.sources) == 1
        for c in find_cited(question, bundled_base())
    )


def test_the_huge_study_said_to_prove_everything_is_corrected() -> None:
    text = _correction(
        "I heard acupuncture is proven for everything - like the huge Vickers study proved it "
        "works for every illness there is. Is that right?"
    )
    assert "20,827" in text


# -- a study described by its country's adjective where the record names the country -----------

DEMONYM = [
    (
        "Is it true a Tunisian emergency department study found acupuncture beat IV morphine?",
        "grissa2016_ed",
    ),
    ("What did the Tunisian ED trial find against morphine?", "grissa2016_ed"),
    ("the Taiwanese carpal tunnel trial - was acupuncture as good as steroids?", "yang2009_cts"),
    (
        "In the Taiwanese carpal tunnel study, how did acupuncture compare with prednisolone?",
        "yang2009_cts",
    ),
    ("that British physiotherapy knee trial: did acupuncture add anything?", "foster2007_knee"),
]
NO_DEMONYM_MATCH = [
    "the Korean stroke trial - did it work?",
    "Is it true a Peruvian back pain study found acupuncture works?",
    "the Tunisian knee trial: what did it find?",
    "What did the Japanese migraine study show?",
    "the Canadian labour trial - any effect on epidurals?",
]


@pytest.mark.parametrize(("question", "source"), DEMONYM)
def test_a_country_adjective_names_the_study(question: str, source: str) -> None:
    from acupath.answer.cited_studies import find_described
    from acupath.evidence.loader import bundled_base

    found = find_described(question, bundled_base())
    assert [c.sources for c in found] == [(source,)], found


@pytest.mark.parametrize("question", NO_DEMONYM_MATCH)
def test_a_country_adjective_no_record_holds_names_none(question: str) -> None:
    from acupath.answer.cited_studies import find_described
    from acupath.evidence.loader import bundled_base

    assert find_described(question, bundled_base()) == []


def test_the_tunisian_study_answer_has_its_figures() -> None:
    answer = ask(
        "Journalist here. Is it true a Tunisian emergency department study found acupuncture "
        "relieved pain better than IV morphine? What were the figures?"
    )
    assert "grissa2016_ed" in {r.id for r in answer.references}
    assert "92%" in answer.markdown


# -- a benefit question "alongside" other care about a condition no record covers --------------

UNCOVERED_ALONGSIDE = [
    "Any evidence for acupuncture in acute Bell's palsy recovery alongside steroids?",
    "Does acupuncture help Bell's palsy alongside steroids?",
    "Is acupuncture effective for tinnitus in addition to hearing aids?",
    "Does acupuncture combined with physio help stroke rehabilitation?",
    "Any evidence acupuncture alongside antivirals helps shingles?",
]
COVERED_ALONGSIDE = [
    "Does acupuncture alongside usual care help chronic low back pain?",
    "Any evidence for acupuncture alongside exercise for knee osteoarthritis?",
    "Can acupuncture be combined with chemotherapy for nausea?",
    "Does acupuncture work alongside usual care?",
    "Does acupuncture help migraine in addition to medication?",
]


@pytest.mark.parametrize("question", UNCOVERED_ALONGSIDE)
def test_alongside_care_for_an_uncovered_condition_is_insufficient(question: str) -> None:
    answer = ask(question)
    assert answer.insufficient_evidence or answer.out_of_scope, answer.understanding


@pytest.mark.parametrize("question", COVERED_ALONGSIDE)
def test_alongside_care_for_a_covered_topic_is_answered(question: str) -> None:
    answer = ask(question)
    assert not answer.insufficient_evidence and not answer.out_of_scope


@pytest.mark.parametrize("question", [STUDY_EVERYTHING[0], MISREAD[0], OVERREAD[0]])
def test_the_patient_correction_is_in_plain_words(question: str) -> None:
    answer = ask(question, audience="patient")
    first = answer.all_sections[0].text
    assert first.startswith("**No."), first
    for jargon in ("standard deviation", "Verum", "responders", "SMD"):
        assert jargon not in first, first
