"""Wave 12, engineer "evidence": classes behind the misses p10139 (a relative "where" after a
study word read as "where do the needles go"), p10170 (a red-flag symptom that is what a
benefit question asks about: acupath holds no records on it, so it says so), p10162 (the
natural-killer-cell claim corrected from the paper that proposed it), p10160 (a guideline
said to recommend what it advises against: its own words quoted). Each class is asked in
wordings of our own, with wordings that must NOT trigger."""

from __future__ import annotations

import pytest

from acupath.answer import ask

PREMISE_TITLE = "First, a correction"

# -- p10139: "a trial where ..." describes the study, it does not ask for points ---------------

RELATIVE_WHERE = [
    "was there ever a trial where acupuncture beat fake needles for fibromyalgia pain?",
    "Is there a study where real needles did better than sham for knee osteoarthritis?",
    "any trials where acupuncture needles beat placebo for migraine?",
    "I read about a review where needles helped chronic neck pain - is that right?",
    "Were there any RCTs where needles were better than sham for low back pain?",
]
ASKS_WHERE = [
    "Where do the needles go for knee osteoarthritis?",
    "Where are the needles placed for migraine?",
    "For chronic neck pain, where should the needles be put?",
    "which points are used for low back pain, and where are they?",
    "In the trial, where were the needles placed for fibromyalgia?",
]


@pytest.mark.parametrize("question", RELATIVE_WHERE)
def test_a_trial_where_is_no_points_question(question: str) -> None:
    assert "points" not in ask(question).understanding["intents"]


@pytest.mark.parametrize("question", ASKS_WHERE)
def test_where_do_the_needles_go_asks_points(question: str) -> None:
    assert "points" in ask(question).understanding["intents"]


def test_fibromyalgia_trial_beating_sham_is_shown() -> None:
    answer = ask(
        "my rheumatologist says acupuncture for fibromyalgia is just placebo. was there ever a "
        "trial where it beat fake needles on pain?"
    )
    assert "41%" in answer.markdown


# -- p10170: a red-flag symptom asked about as the topic of a benefit question ----------------

FLAG_TOPIC = [
    "my 8 year old wets the bed most nights. does acupuncture work for bedwetting in kids?",
    "does acupuncture help bedwetting?",
    "Can acupuncture stop my son wetting the bed?",
    "Is acupuncture any good for bedwetting in children?",
    "acupuncture for bed wetting - does it work?",
]
FLAG_NOT_TOPIC = [
    "My back hurts and I have wet the bed since Tuesday - can I have acupuncture?",
    "Does acupuncture help chronic low back pain? I also have new bladder problems.",
    "I've had trouble peeing since yesterday with my back pain. Acupuncture today?",
    "Does acupuncture work for knee osteoarthritis?",
    "numbness between my legs and low back pain, can acupuncture help my back?",
]


@pytest.mark.parametrize("question", FLAG_TOPIC)
def test_flag_asked_about_is_insufficient_evidence(question: str) -> None:
    answer = ask(question)
    assert answer.insufficient_evidence, answer.understanding
    assert answer.understanding["unknown_topic"], answer.understanding


@pytest.mark.parametrize("question", FLAG_NOT_TOPIC)
def test_flag_described_is_no_topic(question: str) -> None:
    assert not ask(question).understanding["unknown_topic"]


@pytest.mark.parametrize(
    "question",
    [
        "my 45 year old husband wets the bed most nights. does acupuncture work for bedwetting?",
        *FLAG_NOT_TOPIC[:1],
        *FLAG_NOT_TOPIC[2:3],
    ],
)
def test_flag_still_screened(question: str) -> None:
    # the topic changes, never the screen: the red flag stays applied (an adult's bedwetting;
    # a child's long-standing bedwetting is no red flag, test_w12_lead.py)
    applied = (ask(question).patient_context or {}).get("applied", [])
    assert any(a.startswith("red_flag:") for a in applied), applied


# -- p10162: the natural-killer-cell claim is corrected from the paper that proposed it -------

IMMUNE_TUMOUR = [
    "Given that acupuncture boosts natural killer cells and so shrinks tumours, should we offer "
    "it alongside chemo to improve survival?",
    "My friend says acupuncture raises NK cells which kill cancer cells. Is it worth trying?",
    "acupuncture strengthens the immune system so it can fight cancer - should my mum have it?",
    "Since needling boosts immunity it will shrink my tumour, right?",
    "Acupuncture activates killer cells that destroy tumours, so can it treat breast cancer?",
]
TUMOUR_NOT_IMMUNE = [
    "acupuncture cures cancer, right?",
    "My aunt thinks acupuncture will shrink her tumour. Should she try it?",
]
IMMUNE_NO_PREMISE = [
    "Does acupuncture affect the immune system?",
    "What does the evidence say about acupuncture and natural killer cells?",
    "Is acupuncture safe with a low white cell count during chemo?",
]
NK_WORDS = "no study measured any effect on cancer outcomes"


@pytest.mark.parametrize("question", IMMUNE_TUMOUR)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_immune_tumour_claim_cites_the_hypothesis(question: str, audience: str) -> None:
    answer = ask(question, audience=audience)
    text = next(
        (s.text for s in answer.all_sections if "correction" in s.title.lower()),
        "\n".join(s.text for s in answer.all_sections[:2]),
    )
    assert NK_WORDS in text and "[" in text, text


@pytest.mark.parametrize("question", TUMOUR_NOT_IMMUNE + IMMUNE_NO_PREMISE)
def test_no_immune_line_without_the_immune_tumour_claim(question: str) -> None:
    answer = ask(question)
    titles = [s.title for s in answer.all_sections]
    correction = next((s.text for s in answer.all_sections if s.title == PREMISE_TITLE), "")
    assert "On the immune mechanism" not in correction, titles


# -- p10160: a guideline said to recommend what it advises against: its own words ------------

GUIDELINE_CLAIM = [
    "Since NICE now recommends acupuncture first-line for chronic low back pain, what session "
    "schedule should our service offer?",
    "NICE recommends acupuncture for back pain, so how many sessions should I book?",
    "The NICE guideline recommends acupuncture for sciatica and low back pain - how do we start?",
    "Our GP said NICE guidance recommends acupuncture for acute low back pain. How often?",
    "Given NICE recommends acupuncture for my lower back pain, which points would you use?",
]
GUIDELINE_NO_CLAIM = [
    "What does NICE say about acupuncture for low back pain?",
    "NICE recommends acupuncture for chronic primary pain - how many sessions?",
    "Does the American College of Physicians recommend acupuncture for chronic low back pain?",
]


@pytest.mark.parametrize("question", GUIDELINE_CLAIM)
def test_guideline_claim_quotes_the_guideline(question: str) -> None:
    answer = ask(question)
    correction = next((s.text for s in answer.all_sections if s.title == PREMISE_TITLE), "")
    assert "Do not offer acupuncture" in correction, correction


@pytest.mark.parametrize("question", GUIDELINE_NO_CLAIM)
def test_no_guideline_quote_without_the_claim(question: str) -> None:
    correction = next((s.text for s in ask(question).all_sections if s.title == PREMISE_TITLE), "")
    assert "Its words" not in correction, correction


# -- p10166: an SMD against mixed controls said to beat anything else ------------------------

SMD_OVERREAD = [
    "The 2024 diabetic neuropathy meta-analysis (Liu) shows acupuncture works better than any "
    "sham-controlled neuropathic-pain trial ever did, so its SMD is the figure to quote, correct?",
    "For painful diabetic neuropathy the SMD of -1.27 is bigger than any sham trial found, so "
    "acupuncture is proven, right?",
    "The effect size for diabetic neuropathy pain is larger than any drug gets, so it should be "
    "first choice.",
    "That SMD for diabetic neuropathy means acupuncture works better than any other treatment.",
    "With an effect size stronger than any sham-controlled trial, acupuncture clearly works for "
    "diabetic neuropathy.",
]
SMD_NEUTRAL = [
    "What SMD did the diabetic neuropathy meta-analysis report for pain?",
    "How big is the effect size of acupuncture for painful diabetic neuropathy?",
    "Is acupuncture better than any drug for diabetic neuropathy pain?",
]


@pytest.mark.parametrize("question", SMD_OVERREAD)
def test_smd_overread_is_corrected(question: str) -> None:
    answer = ask(question)
    correction = next((s.text for s in answer.all_sections if s.title == PREMISE_TITLE), "")
    assert "SMD of" in correction and "[" in correction, correction


@pytest.mark.parametrize("question", SMD_NEUTRAL)
def test_asking_the_smd_is_no_overread(question: str) -> None:
    assert "effect_overread" not in ask(question).understanding["statement"]["premises"]
