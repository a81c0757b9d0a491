"""Wave 21 (evidence): premises and facts in held-out part 20's words, as classes.

1. a blood count said to be raised by acupuncture ("it boosts your platelets / neutrophils, so my
   low count won't matter", h20110, h20112) is corrected first: from the records on that count
   (white cells: low or very low certainty; platelets: none held) and, when the screen defers
   or refers the patient described, from the screen; asked, it is not a premise;
2. every point said to be fine for the patient described ("past 12 weeks every point is fine
   in pregnancy", h20111) is corrected from the screen when it leaves points out for them;
3. a review said to have found a multiple ("found it halves labour pain compared with sham",
   h20115) is corrected from its no-difference findings;
4. the immune system said to attack or fight the cancer ("boosts NK cells so it attacks the
   cancer itself", h19146) is the tumour premise;
5. a drug class named with its symptom in a general question ("aromatase inhibitor joint pain",
   h20149) names the condition the drug causes;
6. "any reason to avoid (it)?" about a patient described asks for the screen (h20092 itself
   needs the person readers, not owned here: see the report).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask, parse

CORRECTION = "First, a correction"


def _titles(question: str, audience: str = "clinician") -> list[str]:
    return [s.title for s in ask(question, audience=audience).all_sections]


def _corrected(question: str, audience: str = "clinician") -> bool:
    titles = _titles(question, audience)
    return CORRECTION in titles and titles.index(CORRECTION) <= 1


# -- 1. a blood count said to be raised -----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Needling pushes up white cells, so her neutrophils of 0.5 won't matter - right?",
        "Acupuncture boosts platelet counts, so with platelets at 30 I can still go ahead.",
        "My friend says acupuncture increases your blood counts, so my platelets of 25 are no"
        " reason to wait for my neck pain.",
        "Since acupuncture raises neutrophils, we'll needle him during chemo with an ANC of 0.4.",
        "Acupuncture is proven to raise white blood cells after chemotherapy, isn't it?",
        "acupuncture lifts your platelet count so a count of 40 is fine for my knee",
    ],
)
def test_count_said_raised_is_corrected(question: str) -> None:
    assert "count_raised" in parse(question).premises
    assert _corrected(question)


def test_count_correction_says_what_the_records_hold() -> None:
    body = next(
        s.text
        for s in ask(
            "Acupuncture raises platelets, so my count of 30 shouldn't stop me having it for"
            " my back."
        ).all_sections
        if s.title == CORRECTION
    )
    assert "platelet" in body.lower()
    assert "defer" in body.lower() or "not yet" in body.lower()
    white = next(
        s.text
        for s in ask("Acupuncture is proven to boost neutrophils during chemo.").all_sections
        if s.title == CORRECTION
    )
    assert "certainty" in white.lower()


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture raise platelet counts?",
        "Can acupuncture increase white blood cells after chemo?",
        "My platelets are 250 and I have back pain - is acupuncture OK?",
        "Does acupuncture help the low white cell count after chemotherapy?",
        "My blood counts increase slowly between chemo cycles. Is acupuncture OK for my neck?",
    ],
)
def test_count_asked_or_normal_is_no_premise(question: str) -> None:
    assert "count_raised" not in parse(question).premises


# -- 2. every point said to be fine --------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm 20 weeks pregnant with back pain and my practitioner says all points are safe"
        " after the first trimester - correct?",
        "She's 24 weeks pregnant with low back pain and now she's past the first trimester"
        " any point is fine to use, so we'll use the usual ones.",
        "Now that I'm in my second trimester every acupuncture point is safe, isn't it? I'm 18"
        " weeks with pelvic girdle pain.",
        "28 weeks pregnant with carpal tunnel. My acupuncturist says no points are off limits"
        " after 12 weeks.",
        "22 weeks pregnant, neck pain: all the points are OK for her now, agreed?",
    ],
)
def test_every_point_fine_is_corrected_when_screen_excludes(question: str) -> None:
    assert "points_assumed" in parse(question).premises
    assert _corrected(question)


@pytest.mark.parametrize(
    "question",
    [
        "Are all points safe in pregnancy at 16 weeks?",
        "Knee osteoarthritis, 60-year-old man, no medicines: every point is fine for him, right?",
    ],
)
def test_every_point_not_corrected_when_asked_or_allowed(question: str) -> None:
    assert not _corrected(question)


# -- 3. a review said to have found a multiple ----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "The Cochrane review found acupuncture halves labour pain compared with sham.",
        "A review found that acupuncture cuts labour pain in half versus sham needles - I'll"
        " tell my patients.",
        "The Cochrane labour review showed acupuncture halved pain in labour against sham.",
        "Cochrane found acupuncture roughly halves pain in labour versus sham acupuncture, so"
        " we'll put it on the leaflet.",
        "The labour pain review found needling cut pain by half compared with sham.",
    ],
)
def test_review_said_to_halve_is_corrected(question: str) -> None:
    assert _corrected(question)


def test_review_halving_asked_is_no_premise() -> None:
    assert (
        "evidence_overclaim"
        not in parse(
            "Did the Cochrane review find that acupuncture halves labour pain compared with sham?"
        ).premises
    )


# -- 4. the immune system said to attack the cancer ----------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Needling switches on your killer T cells so they attack the tumour - that's how it"
        " works, right?",
        "Acupuncture revs up the immune system which then fights the cancer, doesn't it?",
        "acupuncture stimulates immunity so your body attacks the tumours itself",
        "The needles boost NK cells, which go on to attack cancer - proven, yes?",
        "It works because it makes white cells fight the tumour, correct?",
    ],
)
def test_immune_attack_on_cancer_is_tumour_premise(question: str) -> None:
    assert "tumour" in parse(question).premises
    assert _corrected(question)


@pytest.mark.parametrize(
    "question",
    [
        "I have breast cancer and get panic attacks; can acupuncture help the anxiety?",
        "Can acupuncture help me fight the fatigue from chemo?",
    ],
)
def test_attack_words_without_cancer_target_are_no_premise(question: str) -> None:
    assert "tumour" not in parse(question).premises


# -- 5. a drug class named with its symptom --------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "How strongly does SIO-ASCO word acupuncture for aromatase inhibitor joint pain?",
        "Is acupuncture recommended for aromatase inhibitor joint aches?",
        "what does the evidence say about acupuncture for joint pain from letrozole?",
        "Acupuncture for anastrozole-related joint stiffness - any trials?",
        "Evidence for acupuncture in AI-related arthralgia in breast cancer survivors?",
    ],
)
def test_drug_class_with_symptom_names_condition(question: str) -> None:
    assert "aromatase_inhibitor_arthralgia" in parse(question).conditions


def test_sio_asco_wording_for_ai_joint_pain() -> None:
    text = " ".join(
        s.text
        for s in ask(
            "The SIO-ASCO guideline: how strongly does it word acupuncture for aromatase"
            " inhibitor joint pain?"
        ).all_sections
    )
    assert "should be recommended" in text


def test_class_denied_names_no_condition() -> None:
    assert (
        "aromatase_inhibitor_arthralgia"
        not in parse(
            "I'm not on an aromatase inhibitor; my knee joints ache. Acupuncture?"
        ).conditions
    )


# -- 6. "any reason to avoid?" --------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "58-year-old woman, chronic low back pain, on apixaban. Any reason to avoid?",
        "62M, tension headaches, on warfarin. Any reason to avoid acupuncture?",
        "Knee OA in a 70-year-old woman with a pacemaker - reasons to avoid it?",
        "Is there any reason we should avoid needling him? 55M on clopidogrel, neck pain.",
        "My mum is 80 with hip arthritis and takes rivaroxaban. Do we need to avoid acupuncture?",
    ],
)
def test_reason_to_avoid_asks_the_screen(question: str) -> None:
    assert "safety" in parse(question).question.intents
    assert ask(question).screen


def test_reason_to_avoid_in_general_is_no_screen() -> None:
    assert not ask("Is there any reason to avoid acupuncture in general?").screen


# -- 7. scans said to have proven a mechanism ------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Brain scans have proven acupuncture works by releasing endorphins - which points are"
        " strongest?",
        "fMRI has proven that needling switches off the pain centres, so it works for everyone.",
        "It's all down to qi in the meridians, and that has been shown on scans.",
        "PET scans proved acupuncture works through the body's own opioids, so which points?",
        "Scans show needles unblock qi along the meridians - so it works, right?",
    ],
)
def test_scans_said_to_prove_a_mechanism_is_corrected(question: str) -> None:
    assert "mechanism_as_proof" in parse(question).premises
    assert _corrected(question)


@pytest.mark.parametrize(
    "question",
    [
        "Have brain scans shown how acupuncture works?",
        "My MRI scans showed a disc bulge; would acupuncture help the back pain?",
    ],
)
def test_scans_asked_or_unrelated_is_no_mechanism_premise(question: str) -> None:
    assert "mechanism_as_proof" not in parse(question).premises
