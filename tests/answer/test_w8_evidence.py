"""Wave 8, engineer "evidence": premises and facts the answer must state, in wordings of our own
written before the rules (issue 10). Each behaviour is asked several ways, with questions that
must NOT trigger it."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.asked_words import stated_premises

PREMISE_TITLE = "First, a correction"


def _correction(question: str, audience: str = "clinician") -> str:
    answer = ask(question, audience=audience)
    titles = [s.title for s in answer.all_sections]
    for s in answer.all_sections:
        if s.title == PREMISE_TITLE or "correction" in s.title.lower():
            # the correction opens the answer; only a patient safety box may stand before it
            assert titles.index(s.title) <= 1, titles
            return s.text
    return ""


# -- a payer said to cover acupuncture for anything (CMS NCD 30.3.3 covers chronic low back pain)

COVERAGE_PREMISES = [
    "Medicare pays for acupuncture for any pain condition, so my migraines will be covered?",
    "medicare covers acupuncture for all kinds of pain so my neck should be fine right",
    "Since Medicare now covers acupuncture, my knee arthritis sessions will be paid for?",
    "my insurance will cover it because CMS pays for acupuncture for every pain problem",
    "CMS reimburses acupuncture for headaches, so I can bill it?",
    "Medicare will pay for my fibromyalgia acupuncture, yes?",
]
COVERAGE_QUESTIONS = [
    "Does Medicare pay for acupuncture for migraines?",
    "Will Medicare cover acupuncture for my neck pain?",
    "Is acupuncture covered by Medicare for chronic low back pain?",
    "What does CMS cover for acupuncture?",
    "Medicare covers acupuncture for chronic low back pain, so my back sessions are covered?",
    "My insurance covers acupuncture for my migraines, so I'm fine?",
    "my health plan pays for acupuncture for any pain condition",
]


@pytest.mark.parametrize("text", COVERAGE_PREMISES)
def test_coverage_premise_is_read(text: str) -> None:
    assert "coverage_claim" in stated_premises(text), text


@pytest.mark.parametrize("text", COVERAGE_QUESTIONS[:4])
def test_coverage_asked_is_not_a_premise(text: str) -> None:
    assert "coverage_claim" not in stated_premises(text), text


@pytest.mark.parametrize("question", COVERAGE_PREMISES[:3] + COVERAGE_PREMISES[4:])
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_coverage_premise_is_corrected(question: str, audience: str) -> None:
    text = _correction(question, audience)
    assert "low back pain" in text.lower(), text
    assert text.startswith("**No"), text


@pytest.mark.parametrize("question", COVERAGE_QUESTIONS)
def test_coverage_question_or_true_statement_gets_no_correction(question: str) -> None:
    assert "low back pain only" not in _correction(question).lower()
    assert "covers acupuncture only" not in _correction(question).lower()


# -- "with cancer you can never have acupuncture" (SIO-ASCO 2022 recommends it for some symptoms)

CANCER_PREMISES = [
    "if you have cancer you can never have acupuncture, true? I'm on letrozole and my joints ache",
    "people with cancer can't ever have acupuncture, can they?",
    "acupuncture is forbidden for anyone who has had cancer, right?",
    "my friend says cancer patients are never allowed acupuncture",
    "you must never needle someone with a history of breast cancer - correct?",
    "cancer means no acupuncture ever, doesn't it?",
]
CANCER_QUESTIONS = [
    "Can people with cancer have acupuncture?",
    "Is acupuncture safe during chemotherapy?",
    "I had breast cancer - is acupuncture OK for my hot flushes?",
    "Does acupuncture help cancer pain?",
    "Are there times when someone with cancer should not have acupuncture?",
]


@pytest.mark.parametrize("text", CANCER_PREMISES)
def test_cancer_never_premise_is_read(text: str) -> None:
    assert "cancer_never" in stated_premises(text), text


@pytest.mark.parametrize("text", CANCER_QUESTIONS)
def test_cancer_asked_is_not_a_premise(text: str) -> None:
    assert "cancer_never" not in stated_premises(text), text


@pytest.mark.parametrize("question", CANCER_PREMISES[:4])
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_cancer_never_premise_is_corrected(question: str, audience: str) -> None:
    text = _correction(question, audience)
    assert text.startswith("**No"), text
    assert "cancer" in text.lower(), text


# -- "always beats sham by a clinically important margin"

SHAM_PREMISES = [
    "Acupuncture always beats sham by a clinically important margin in knee OA - correct?",
    "real acupuncture consistently outperforms sham for knee osteoarthritis, doesn't it?",
    "acupuncture beats placebo by a clinically meaningful margin for knee arthritis",
    "Acupuncture is reliably superior to sham needling for knee OA, yes?",
    "true acupuncture is always better than fake needles for knee arthritis",
]
SHAM_QUESTIONS = [
    "Does acupuncture beat sham for knee osteoarthritis?",
    "Is real acupuncture better than sham for knee OA?",
    "How does acupuncture compare with placebo needles for knee arthritis?",
    "Is the difference from sham clinically important in knee OA?",
]


@pytest.mark.parametrize("text", SHAM_PREMISES)
def test_sham_margin_premise_is_corrected(text: str) -> None:
    correction = _correction(text)
    assert "sham" in correction.lower(), correction


@pytest.mark.parametrize("text", SHAM_QUESTIONS)
def test_sham_question_gets_no_correction(text: str) -> None:
    assert _correction(text) == "", text


# -- NICE NG59 covers low back pain "with or without sciatica": its words are stated

NICE_QUESTIONS = [
    "Current NICE position (NG59) on acupuncture for low back pain with or without sciatica?",
    "what does NICE say about acupuncture for back pain with sciatica these days?",
    "Does NICE recommend acupuncture for sciatica?",
    "NG59 acupuncture sciatica",
    "Is acupuncture recommended by NICE for chronic low back pain?",
]


@pytest.mark.parametrize("question", NICE_QUESTIONS)
def test_nice_ng59_words_are_stated(question: str) -> None:
    answer = ask(question)
    text = answer.markdown.lower()
    assert "not to offer acupuncture" in text, text[:2000]
    assert "holds no nice" not in text
    assert "nice2016_ng59" in {r.id for r in answer.references}


def test_nice_words_not_stated_for_other_conditions() -> None:
    text = ask("What does NICE say about acupuncture for migraine?").markdown.lower()
    assert "not to offer acupuncture" not in text


# -- the figure asked for by its kind ("what share", "risk ratio") and a trial's other arms


@pytest.mark.parametrize(
    "question",
    [
        "Garcia 2019 xerostomia trial: what share of the true-acupuncture arm still had "
        "clinically significant dry mouth at one year?",
        "In Garcia 2019, what proportion of the acupuncture group had significant xerostomia a "
        "year later?",
        "Garcia et al 2019 dry mouth: percentage with clinically significant symptoms at 1 year "
        "after true acupuncture?",
        "how many people in the Garcia 2019 trial still had a bad dry mouth a year on after real "
        "acupuncture?",
    ],
)
def test_named_study_share_is_stated(question: str) -> None:
    assert "34.6%" in ask(question).markdown


def test_named_study_effect_size_still_stated() -> None:
    text = ask(
        "Garcia 2019: how big was the effect of acupuncture on dry mouth against standard "
        "care at one year?"
    ).markdown
    assert "SMD -0.44" in text


@pytest.mark.parametrize(
    "question",
    [
        "In the Cherkin 2009 back pain trial, how much did usual care improve the Roland "
        "disability score compared with the needling arms?",
        "Cherkin 2009: Roland-Morris change with usual care versus acupuncture?",
        "How much did the usual care group improve in Cherkin 2009 (RMDQ), and the needled groups?",
        "Cherkin et al. 2009 - disability improvement in the usual care arm compared to real "
        "and simulated acupuncture",
    ],
)
def test_named_trial_arms_come_together(question: str) -> None:
    text = ask(question).markdown
    assert "2.1" in text
    assert "4.4" in text or "4.5" in text


# -- harms in lay words: any side effect, a spot of blood on blood thinners


@pytest.mark.parametrize(
    "question",
    [
        "out of every 100 people who have acupuncture how many get some kind of side effect?",
        "what percentage of people get side effects from acupuncture?",
        "how many patients have an adverse reaction to acupuncture?",
        "What proportion of acupuncture patients report any side-effect at all?",
        "in a hundred people having needles, how many have side effects?",
    ],
)
def test_share_with_any_side_effect_is_stated(question: str) -> None:
    answer = ask(question)
    bottom = next(s for s in answer.all_sections if s.title == "Bottom line").text
    rates = ("8.6%", "9.31%", "10.2%", "7.57%", "9.4 per 100")
    assert any(r in answer.markdown for r in rates)
    # a rate among the treated first, not one condition's trial against a drug
    assert "morphine" not in bottom.split("\n")[0], bottom


@pytest.mark.parametrize(
    "question",
    [
        "people on blood thinners who get acupuncture - how often do they get a little spot of "
        "blood after a needle? not asking for anyone in particular",
        "how often do people on anticoagulants bleed after acupuncture needles?",
        "For anticoagulated patients in general, what is the bleeding rate with acupuncture?",
        "do folk on blood thinners get spots of blood from acupuncture needles, and how often?",
    ],
)
def test_bleeding_on_blood_thinners_cites_the_anticoagulant_review(question: str) -> None:
    assert "mcculloch2015" in {r.id for r in ask(question).references}


def test_efficacy_question_gets_no_side_effect_line() -> None:
    answer = ask("Does acupuncture help knee osteoarthritis pain?")
    bottom = next(s for s in answer.all_sections if s.title == "Bottom line").text
    assert "adverse" not in bottom.lower()


# -- a harm said to be common, stated not asked

HARM_PREMISES = [
    "Given that about one in a hundred acupuncture patients suffers a collapsed lung, how should "
    "we word the consent form?",
    "Since anticoagulated patients bleed heavily from needles in most treatments, should we "
    "refuse them all?",
    "My friend says the UK acupuncture surveys found loads of serious injuries. Is that true?",
    "acupuncture causes serious injuries all the time, so I'm scared to try it",
    "Punctured lungs happen often with acupuncture, so we should stop needling the chest?",
]
HARM_QUESTIONS = [
    "How often does acupuncture cause a collapsed lung?",
    "Do patients on anticoagulants bleed heavily after needling?",
    "Are serious injuries from acupuncture common?",
    "What are the chances of a punctured lung from acupuncture?",
    "Has anyone had serious injuries from acupuncture?",
    "Acupuncture often helps sports injuries, doesn't it?",
    "I often get chest infections - is acupuncture OK for my back?",
    "My mum bruises easily and is on apixaban; do they usually bleed heavily after needling?",
]


@pytest.mark.parametrize("text", HARM_PREMISES)
def test_overstated_harm_is_read(text: str) -> None:
    assert "harm_overstated" in stated_premises(text), text


@pytest.mark.parametrize("text", HARM_QUESTIONS)
def test_harm_asked_is_not_a_premise(text: str) -> None:
    assert "harm_overstated" not in stated_premises(text), text


@pytest.mark.parametrize("question", HARM_PREMISES)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_overstated_harm_is_corrected_with_safety_records(question: str, audience: str) -> None:
    text = _correction(question, audience)
    assert text.startswith("**No"), text
    titles = [s.title for s in ask(question, audience=audience).all_sections]
    assert any("safe" in t.lower() for t in titles), titles


# -- a correction never buries the patient safety box


@pytest.mark.parametrize(
    "question",
    [
        "I am on warfarin, INR 3.4. Medicare pays for acupuncture for any pain so my migraines "
        "are covered?",
        "if you have cancer you can never have acupuncture, true? I am on chemo and my platelets "
        "were 30 yesterday",
        "acupuncture causes serious injuries all the time, and I am 30 weeks pregnant with back "
        "pain",
        "My mum has cancer and a fever of 39 tonight; people with cancer can never have "
        "acupuncture, right?",
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_safety_box_stays_first(question: str, audience: str) -> None:
    titles = [s.title for s in ask(question, audience=audience).all_sections]
    assert "safety" in titles[0].lower(), titles
    assert titles[1] == PREMISE_TITLE, titles


# -- the pregnancy safety records (Carr 2015) for questions about forbidden points and labour


@pytest.mark.parametrize(
    "question",
    [
        "are the 'forbidden points' in pregnancy actually dangerous or is that a myth? asking "
        "for my midwifery essay, im not pregnant",
        "Is there evidence that the forbidden points cause preterm labour?",
        "Can acupuncture cause a miscarriage?",
        "does needling the forbidden points bring on labour?",
        "could acupuncture cause a stillbirth? general question for a teaching session",
    ],
)
def test_pregnancy_harm_questions_cite_carr(question: str) -> None:
    answer = ask(question)
    assert "carr2015" in {r.id for r in answer.references}, answer.markdown[:600]
    assert not answer.out_of_scope


def test_labour_pain_efficacy_is_not_turned_into_safety() -> None:
    answer = ask("Does acupuncture help labour pain?")
    assert "Evidence by condition" in [s.title for s in answer.all_sections]
