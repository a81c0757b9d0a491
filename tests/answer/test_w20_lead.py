"""Wave 20 (issue 10), lead: classes of held-out part 19's misses after its one clean run, in
our own wordings (none is a benchmark question).

1. The asker asking for a relative and for themself together ("we both want it", "asking for
   my partner ... and also for me", "a couples session"): both are patients of the question, so
   neither's facts are set aside.
2. "I'm on <medicine>" is the present, whatever time a later clause gives.
3. A service the patient attended or missed ("missed two clinics") does not make a terse note a
   question about services.
4. A lab value in number words from ten up after the count is named again ("her last count was
   twenty-three").
5. The thunderclap headache in clinical shorthand ("HA, worst of life, peak <1 min").
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(question: str) -> tuple[str | None, list[str]]:
    answer = ask(question)
    return (answer.screen or {}).get("decision"), list(
        (answer.patient_context or {}).get("applied", [])
    )


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("For my wife and me: she has a pacemaker, I have nothing. We both want acupuncture "
         "for our knees.", "device:pacemaker"),
        ("Asking for my partner, she's 10 weeks pregnant with back pain, and also for me, I've "
         "got a bad shoulder.", "pregnant"),
        ("My dad is on warfarin and I'm on nothing; can we book a couples session for our "
         "backs?", "class:anticoagulant"),
        ("Both of us want acupuncture: my husband has lymphoedema in his left arm after "
         "melanoma surgery, I have tennis elbow.", "lymphedema:left_arm"),
        ("Booking for my mum and me, she's on Eliquis, I take nothing. Acupuncture for both "
         "of us?", "class:anticoagulant"),
    ],
)  # fmt: skip
def test_both_asked_keeps_the_relatives_facts(question: str, label: str) -> None:
    _, applied = _screen(question)
    assert label in applied


@pytest.mark.parametrize(
    "question",
    [
        "My husband is on warfarin, I have knee OA. Can I have acupuncture?",
        "My mum and I both want acupuncture. She's on Xarelto, I'm on nothing. Is it safe for me?",
        "My dad is on warfarin, I take nothing. We both want acupuncture - me first. OK for me?",
        "Booking for me and my husband. He's the one on apixaban, not me. Is it ok for ME?",
    ],
)
def test_a_relatives_facts_stay_theirs_when_only_the_asker_is_asked(question: str) -> None:
    _, applied = _screen(question)
    assert "class:anticoagulant" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "I forgot to tell the acupuncturist I'm on Eliquis when I had my first session last "
        "week. Does it matter?",
        "I'm on warfarin since my valve op in 2015. Back pain, acupuncture?",
        "She's on rivaroxaban, which she started after a clot last year. Acupuncture ok?",
        "I'm still on apixaban, the GP reviewed it two months ago. Needling for my knee?",
        "I'm on dabigatran, my GP renewed it last week. Acupuncture?",
    ],
)
def test_im_on_a_medicine_is_the_present(question: str) -> None:
    _, applied = _screen(question)
    assert "class:anticoagulant" in applied


def test_a_medicine_that_was_taken_stays_past() -> None:
    _, applied = _screen("I was on Eliquis until last March. Acupuncture for my hip?")
    assert "class:anticoagulant" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "On warfarin, INR not checked for 6 weeks (missed two clinics). Heel pain. Needle?",
        "Warfarin, skipped two anticoag clinics, knee OA, acupuncture today?",
        "On apixaban; attended three clinics this month for his knee. Needling ok?",
    ],
)
def test_a_missed_clinic_is_no_service_question(question: str) -> None:
    _, applied = _screen(question)
    assert "class:anticoagulant" in applied


@pytest.mark.parametrize(
    "question",
    [
        "Do clinics offer acupuncture to people on warfarin?",
        "Should acupuncturists needle patients on warfarin?",
    ],
)
def test_a_service_question_still_describes_no_patient(question: str) -> None:
    decision, _ = _screen(question)
    assert decision is None


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Grandad sees a haematologist for low platelets - his last count was twenty-three. "
         "Acupuncture?", "platelets:23"),
        ("Her platelets are low, the count was twenty three last week. Needling?",
         "platelets:23"),
        ("His platelets were low in hospital. The count came back at a hundred and sixty. "
         "Acupuncture?", "platelets:160"),
        ("Mum's platelets were checked; the count was forty. Is acupuncture ok?",
         "platelets:40"),
        ("low platelets again, the result was thirty five, acupuncture for my neck?",
         "platelets:35"),
    ],
)  # fmt: skip
def test_a_count_in_words_after_the_count_is_named_again(question: str, label: str) -> None:
    _, applied = _screen(question)
    assert label in applied


@pytest.mark.parametrize(
    "question",
    [
        "Her platelets are fine. One of the nurses said acupuncture helps. Ok?",
        "Platelets normal, twenty minutes of needling fine?",
    ],
)
def test_a_number_word_that_is_no_count(question: str) -> None:
    _, applied = _screen(question)
    assert not [label for label in applied if label.startswith("platelets:")]


@pytest.mark.parametrize(
    "question",
    [
        "HA, 'worst of life', onset mid-exertion, peak <1 min, 2h ago. ?OK for acup today",
        "52F, h/a peak within 1 min this am, worst ever. Acu booked.",
        "Headache, max at onset, 30 min ago, vomiting. Needling?",
        "Pt c/o HA, peaked in seconds at the gym, worst of his life. Acupuncture for neck?",
        "H/A maximal at onset 1h ago. Cupping and needles today?",
    ],
)
def test_a_thunderclap_headache_in_shorthand(question: str) -> None:
    decision, applied = _screen(question)
    assert "red_flag:thunderclap_headache" in applied
    assert decision == "refer"


@pytest.mark.parametrize(
    "question",
    [
        "Known migraineur, usual HA, gradual onset, not worst ever. Acu ok?",
        "Evidence for acupuncture in headache: does it help the worst ever migraines?",
    ],
)
def test_no_thunderclap_when_denied_or_a_topic(question: str) -> None:
    _, applied = _screen(question)
    assert "red_flag:thunderclap_headache" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "I take everolimus for kidney cancer, knee pain. Acupuncture?",
        "I'm on Afinitor for breast cancer and my shoulder aches. Needling ok?",
        "Everolimus since my kidney transplant, neck pain, acupuncture?",
    ],
)
def test_everolimus_keeps_its_immunosuppressant_class(question: str) -> None:
    # the brand entry added in wave 20 (Afinitor, targeted therapy) must not drop the class
    # the "-limus" stem gave it before: fever and back pain rules read immunosuppressants
    _, applied = _screen(question)
    assert "class:immunosuppressant" in applied
