"""Wave 11, engineer "evidence": premise kinds held-out part 10 left uncorrected, as classes
(acupuncture said to work only through belief; a sweeping "no effect beyond placebo"; a wrong
serious-harm figure; the womb said to contract from any needle in pregnancy), and two facts
(a tooth extraction named by the act; a named review's pain result against the comparator the
question names). Each class is asked in wordings of our own, with wordings that must NOT
trigger."""

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


def _no_correction(question: str) -> None:
    titles = [s.title for s in ask(question).all_sections]
    assert PREMISE_TITLE not in titles, titles


# -- belief: "it only works if you believe in it" ------------------------------------------------

BELIEF = [
    "Acupuncture only works if you believe in it, and I don't, so it's pointless for my knee.",
    "My husband says you have to believe in it for acupuncture to do anything for back pain.",
    "It's all in the mind with acupuncture - I'm a sceptic so it won't help my neck pain.",
    "since it only works on believers there's no point my mum trying it for her hip",
    "Acupuncture won't work on a sceptic like me, it's just mind over matter, isn't it?",
]
BELIEF_NEUTRAL = [
    "Does acupuncture only work if you believe in it?",
    "Do patients have to believe in acupuncture for it to help knee pain?",
    "How much of the effect of acupuncture on back pain is expectation?",
    "I believe acupuncture helped my neck pain last year - worth another course?",
    "Is it all in the mind, or does acupuncture beat sham for knee osteoarthritis?",
]


@pytest.mark.parametrize("question", BELIEF)
def test_belief_is_corrected_from_sham_trials(question: str) -> None:
    text = _correction(question)
    assert "belief" in text and "sham" in text and "[" in text, text


@pytest.mark.parametrize("question", BELIEF_NEUTRAL)
def test_asking_about_belief_is_no_premise(question: str) -> None:
    _no_correction(question)


def test_belief_in_the_patient_voice() -> None:
    text = _correction(BELIEF[0], audience="patient")
    assert "believe" in text and "fake" in text, text


# -- a sweeping negative: "no effect beyond placebo for any condition" ----------------------------

PLACEBO_ONLY = [
    "Given that the sham trials proved acupuncture has no effect beyond placebo for any pain "
    "condition, why is it still offered?",
    "Acupuncture is just a placebo, so why would our pain clinic fund it?",
    "Everyone knows acupuncture is nothing more than a placebo effect for back pain.",
    "The research shows acupuncture is no better than sham for any condition at all.",
    "Since acupuncture is purely placebo, I'd rather not bother for my neck.",
]
PLACEBO_NEUTRAL = [
    "Is acupuncture just a placebo?",
    "Does acupuncture work better than placebo for chronic low back pain?",
    "How much better than sham was acupuncture in the Vickers 2018 meta-analysis?",
    "What did the sham-controlled trials of acupuncture for back pain find?",
    # a named trial that found no difference against sham said so: study_misread's, not this
    "The GERAC back pain trial found acupuncture no better than sham at 6 months.",
]


@pytest.mark.parametrize("question", PLACEBO_ONLY)
def test_placebo_only_is_corrected_from_pooled_sham_findings(question: str) -> None:
    text = _correction(question)
    assert "sham" in text and "[" in text, text
    assert "favour acupuncture" in text or "did a little better" in text, text


@pytest.mark.parametrize("question", PLACEBO_NEUTRAL)
def test_placebo_questions_are_no_placebo_premise(question: str) -> None:
    answer = ask(question)
    text = next((s.text for s in answer.all_sections if s.title == PREMISE_TITLE), "")
    assert "no effect beyond placebo" not in text and "only a placebo" not in text, text


# -- "far better than sham" where no SMD decides and the sham trials found no difference ----------

SHAM_NO_BAND = [
    "Real acupuncture is way better than fake acupuncture for menopause hot flushes, so I "
    "should see a proper practitioner, yes?",
    "Acupuncture is far better than sham for hot flashes, so our clinic should offer it.",
    "For my hot flushes proper acupuncture is much better than the pretend kind.",
    "Acupuncture always beats sham for hot flashes.",
    "real needles are miles better than placebo needles for hot flushes, my friend says",
]
SHAM_NO_BAND_NEUTRAL = [
    "How did acupuncture compare with sham for hot flashes?",
    "Acupuncture is far better than sham for knee osteoarthritis, right?",
    "Was acupuncture better than sham in Ee 2016?",
    "Acupuncture helps hot flushes compared with usual care, doesn't it?",
    "What did the sham-controlled hot flush trials find?",
]


@pytest.mark.parametrize("question", SHAM_NO_BAND)
def test_far_better_than_sham_is_corrected_from_trials_without_smd(question: str) -> None:
    text = _correction(question)
    assert "no better than sham" in text and "[" in text, text


@pytest.mark.parametrize("question", SHAM_NO_BAND_NEUTRAL)
def test_no_sham_trial_correction_without_the_premise(question: str) -> None:
    answer = ask(question)
    text = next((s.text for s in answer.all_sections if s.title == PREMISE_TITLE), "")
    assert "did no better than sham.**" not in text, text


# -- a wrong serious-harm figure ------------------------------------------------------------------

SERIOUS_RATE = [
    "As acupuncture has a serious adverse event rate of roughly 1 in 100, we should get written "
    "consent every session.",
    "Serious side effects happen to about one in a hundred acupuncture patients, so is it "
    "worth it for my back?",
    "With serious adverse events in 1 in 200 patients, acupuncture is as risky as NSAIDs.",
    "acupuncture serious complications are common - one percent of people, my GP said",
    "Because serious adverse reactions occur in one in 100 treatments, our policy needs updating.",
]
SERIOUS_NEUTRAL = [
    "How often do serious adverse events happen after acupuncture?",
    "What is the serious adverse event rate of acupuncture per 10,000 patients?",
    "Are serious side effects common with acupuncture?",
    "Serious adverse events after acupuncture are rare, right?",
    "Bäumler 2021: serious adverse events per 10,000 patients?",
]


@pytest.mark.parametrize("question", SERIOUS_RATE)
def test_wrong_serious_rate_is_corrected_with_the_pooled_figure(question: str) -> None:
    text = _correction(question)
    assert "1.01 per 10,000" in text, text


@pytest.mark.parametrize("question", SERIOUS_NEUTRAL)
def test_asking_the_serious_rate_is_no_premise(question: str) -> None:
    assert "harm_overstated" not in _premises(question)


# -- pregnancy: "any needle makes the womb contract" ----------------------------------------------

WOMB = [
    "the acupuncture on my hand will give me labour early, because any needle anywhere makes "
    "the womb contract. i am 18 weeks pregnant. so no acupuncture for my wrist?",
    "I'm 20 weeks pregnant and my sister says any needle will make the womb contract, so I "
    "can't have it for my back.",
    "My midwife friend says acupuncture will start labour early - I'm 24 weeks pregnant with "
    "neck pain.",
    "My aunt says any acupuncture sets off contractions, so at 16 weeks pregnant I should skip "
    "it for my headaches?",
    "I am 22 weeks pregnant; needles anywhere will give me early labour, everyone knows that.",
]
WOMB_NEUTRAL = [
    "Which acupuncture points are said to make the uterus contract?",
    "Can acupuncture start labour when I'm overdue at 41 weeks pregnant?",
    "Does acupuncture cause contractions in pregnancy?",
    "I had contractions at 30 weeks last pregnancy - my back hurts now, I'm not pregnant.",
    "What happened to early labour rates in the pregnancy acupuncture studies?",
]
FORBIDDEN = ("LI4", "SP6", "BL60", "BL67")


@pytest.mark.parametrize("question", WOMB)
def test_womb_premise_is_corrected_after_the_safety_box(question: str) -> None:
    answer = ask(question)
    titles = [s.title for s in answer.all_sections]
    assert titles.index(PREMISE_TITLE) <= 1, titles
    text = answer.all_sections[titles.index(PREMISE_TITLE)].text
    assert "pregnancy safety records" in text, text
    assert titles[0] == "Safety for this patient", titles
    for s in answer.all_sections:
        if s.title in ("Bottom line", "Clinical application: dose, points, technique"):
            for point in FORBIDDEN:
                assert f"{point} (" not in s.text, (point, s.text[:300])


@pytest.mark.parametrize("question", WOMB_NEUTRAL)
def test_asking_about_contractions_is_no_womb_premise(question: str) -> None:
    answer = ask(question)
    text = next((s.text for s in answer.all_sections if s.title == PREMISE_TITLE), "")
    assert "womb" not in text and ("pregnancy safety records" not in text or "cause" in question)


# -- facts ---------------------------------------------------------------------------------------

TEETH = [
    "after having teeth pulled, how long were people pain free with acupuncture compared with "
    "placebo needles?",
    "I'm having a wisdom tooth removed - does acupuncture help the pain afterwards?",
    "Pain after a tooth is extracted: acupuncture versus sham?",
    "how long does acupuncture keep the pain away once teeth are taken out?",
    "Had two teeth out yesterday and my mouth is really sore - can acupuncture help?",
]
TEETH_NEUTRAL = [
    "My tooth fell out as a child; now I have knee pain. Acupuncture?",
    "I've had trouble with my teeth for years; can acupuncture help my migraine?",
    "My tooth was chipped and my neck hurts. Acupuncture for the neck?",
    "She is holding her apixaban for a dental extraction on Thursday. Acupuncture for her TMD "
    "on Wednesday - any precautions?",
]


@pytest.mark.parametrize("question", TEETH)
def test_a_tooth_taken_out_is_dental_pain(question: str) -> None:
    assert "dental_pain" in ask(question).understanding["conditions"]


@pytest.mark.parametrize("question", TEETH_NEUTRAL)
def test_a_tooth_out_without_its_pain_is_no_dental_pain(question: str) -> None:
    assert "dental_pain" not in ask(question).understanding["conditions"]


def test_teeth_pulled_answer_has_the_trial_figure() -> None:
    answer = ask(TEETH[0])
    assert any("173 vs 94 minutes" in s.text for s in answer.all_sections)


NAMED_PAIN = [
    "Mu 2020 Cochrane on chronic non-specific low back pain: acupuncture vs usual care pain "
    "difference after sessions?",
    "Mu 2020, chronic low back pain: the pain result against usual care right after treatment?",
    "In Mu 2020 (low back pain), how much did pain drop with acupuncture versus usual care?",
    "Chronic low back pain, Mu 2020: pain scores for acupuncture compared with usual care?",
    "Mu 2020 Cochrane review of low back pain - pain vs usual care, immediately after?",
]


@pytest.mark.parametrize("question", NAMED_PAIN)
def test_named_review_pain_against_the_named_comparator_leads(question: str) -> None:
    answer = ask(question)
    bottom = next(s.text for s in answer.all_sections if s.title == "Bottom line")
    assert "1,054 participants" in bottom.split("\n")[0], bottom[:400]


def test_named_review_without_pain_asked_is_unchanged() -> None:
    answer = ask("Mu 2020: function against usual care right after the sessions?")
    bottom = next(s.text for s in answer.all_sections if s.title == "Bottom line")
    assert "function" in bottom.split("\n")[0], bottom[:400]


JOURNALS = [
    ("Mu 2020 Cochrane on chronic low back pain: acupuncture vs usual care?", "Cochrane"),
    ("The JAMA trial of acupuncture for chronic prostatitis - what did it find?", "JAMA"),
    ("Vickers 2018 in the Journal of Pain: acupuncture vs sham?", "Journal"),
    ("Was there a BMJ trial of acupuncture for neck pain?", "BMJ"),
    ("Lancet review of acupuncture for migraine - findings?", "Lancet"),
]


@pytest.mark.parametrize(("question", "word"), JOURNALS)
def test_journal_names_are_read(question: str, word: str) -> None:
    answer = ask(question)
    missed = answer.understanding["statement"]["not_understood"]
    assert word not in missed and word.lower() not in [m.lower() for m in missed], missed


# -- a named study's size -------------------------------------------------------------------------

SIZE = [
    (
        "How many participants did the 2018 update of the Acupuncture Trialists' Collaboration "
        "individual-patient meta-analysis include?",
        "20,827",
    ),
    (
        "SWOG S1200 (Hershman 2018): how many women were randomised to true, sham or waitlist?",
        "226",
    ),
    ("Hershman 2018 aromatase inhibitor joint pain trial - sample size?", "226"),
    ("Vickers 2018: how many patients were in the individual patient data analysis?", "20,827"),
    (
        "What was the number of participants in the Acupuncture Trialists' Collaboration 2018?",
        "20,827",
    ),
]


@pytest.mark.parametrize(("question", "figure"), SIZE)
def test_a_named_study_size_leads(question: str, figure: str) -> None:
    answer = ask(question)
    bottom = next(s.text for s in answer.all_sections if s.title == "Bottom line")
    assert figure in bottom.split("\n")[0], bottom[:400]


def test_how_many_had_an_outcome_is_no_size_question() -> None:
    answer = ask("Hershman 2018: how many women had bruising with true versus sham acupuncture?")
    bottom = next(s.text for s in answer.all_sections if s.title == "Bottom line")
    assert "enrolment" not in bottom.split("\n")[0], bottom[:400]
