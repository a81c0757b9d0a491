"""Wave 19 (issue 10), flags: red flags in new lay and clinical words, in our own wordings (none
is a benchmark question).

1. Numbness of the saddle area said by what touches it or where it is ("couldn't feel the loo
   roll when I wiped", "numb where you sit on a saddle") is saddle anaesthesia; loss of bladder
   control or awareness said in new ways ("PU'd without noticing", "didn't know I'd gone",
   "can't tell when I need to go") is bladder dysfunction (AHCPR 1994 Table 1, ahcpr1994).
   Numb fingers on the paper, or a numb bum gone for good, are not.
2. Chest tightness, heaviness, pressure or pain brought on by exertion (hills, stairs, hurrying)
   is chest pain that may come from the heart (NICE CG95, nice2010_cg95: the screen's
   red_flag_cardiac_chest_pain); a chest wall pain or an asthma wheeze is not.
3. A negation before a verb of worry or concern ("not worried about my pacemaker", "no
   concerns about her warfarin") denies the worry, not the thing worried about.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(question: str) -> tuple[str | None, str | None, list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    applied = list((answer.patient_context or {}).get("applied", []))
    return screen.get("decision"), screen.get("urgency"), applied


# 1. saddle anaesthesia and bladder dysfunction -----------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Hurt my back moving a wardrobe on Sunday and since yesterday I couldn't feel the loo "
        "roll when I wiped. Acupuncture tomorrow?",
        "Sciatica for a week, now I can barely feel the toilet paper when wiping. Is "
        "acupuncture ok?",
        "45F L4/5 disc, c/o numb where you sit on a saddle since last night. Acu today?",
        "My back is agony and it feels numb where I sit on the bike seat, started today. "
        "Acupuncture?",
        "Back pain after gardening and now I could not feel anything when I sat on the loo. "
        "Acupuncture ok?",
        "Low back pain since Monday, today it went numb around my back passage. Can I have "
        "acupuncture?",
    ],
)
def test_saddle_numbness_by_what_touches_it_refers_now(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:saddle_anesthesia" in applied
    assert (decision, urgency) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "38M acute LBP after squatting, PU'd x2 without noticing this morning. Acu booked.",
        "My back went two days ago and last night I didn't know I'd gone until I felt the wet "
        "sheets. Acupuncture?",
        "Bad back since the weekend and now I can't tell when I need to go for a wee. "
        "Acupuncture ok?",
        "Back pain with sciatica and I wet myself without realising in the car. Acupuncture?",
        "Since my back went on Friday he can't tell when his bladder is full. Can he have "
        "acupuncture?",
        "Low back pain, passed urine without noticing twice today. Is acupuncture safe?",
    ],
)
def test_bladder_control_or_awareness_lost_refers_now(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:bladder_dysfunction" in applied
    assert (decision, urgency) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "My fingers are numb and I can't feel the toilet paper properly with my hand since the "
        "carpal tunnel started. Acupuncture for that?",
        "I cycle a lot and my bum went numb on a long ride but it went away completely after "
        "I got a new saddle. Acupuncture for my low back ache?",
        "I can tell when I need to go to the toilet, no problems there. Acupuncture for my "
        "lower back?",
        "Where you sit on a bike is sore after spin class, no numbness at all. Acupuncture for "
        "my hips?",
    ],
)
def test_saddle_and_bladder_words_that_are_not_the_flag(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:saddle_anesthesia" not in applied
    assert "red_flag:bladder_dysfunction" not in applied


# 2. exertional chest pain --------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Lately my chest goes heavy when I climb the stairs at home and it settles when I sit "
        "down. Acupuncture for my knees?",
        "Past fortnight I get a tight chest hurrying for the bus, it eases if I stop and rest. "
        "Acupuncture for stress?",
        "61M, 3/52 chest tightness on exertion relieved by rest. Acu for neck?",
        "When I walk uphill my chest feels like it's being squeezed, then it passes when I stand "
        "still. Could acupuncture help my back?",
        "For ten days there is pressure in my chest whenever I walk fast, gone after a rest. Is "
        "acupuncture ok for my shoulder?",
    ],
)
def test_exertional_chest_pain_is_cardiac(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:cardiac_chest_pain" in applied
    assert (decision, urgency) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "My asthma makes my chest tight when I run, my inhaler sorts it. Acupuncture for my "
        "hay fever?",
        "I pulled a muscle in my chest wall at the gym and it hurts when I lift weights. "
        "Acupuncture?",
        "I get out of breath walking up the stairs since I put on weight. Acupuncture for my "
        "knees?",
    ],
)
def test_exertional_words_that_are_not_cardiac(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:cardiac_chest_pain" not in applied


# 3. worry verbs ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "I'm not worried about my pacemaker at all, but should the acupuncturist know? It's "
            "for my knee.",
            "device:pacemaker",
        ),
        (
            "Honestly I'm not too bothered about being on warfarin, can I have acupuncture for "
            "my neck?",
            "class:anticoagulant",
        ),
        (
            "The GP has no concerns about my pacemaker. Acupuncture for my back ok?",
            "device:pacemaker",
        ),
        (
            "Mum isn't concerned about her apixaban, she wants acupuncture for her hip. Any issue?",
            "class:anticoagulant",
        ),
        (
            "He's not fussed about his pacemaker, can he have electroacupuncture for his back?",
            "device:pacemaker",
        ),
        (
            "I'm not anxious about my blood thinners, can I have acupuncture on my shoulder?",
            "class:anticoagulant",
        ),
    ],
)
def test_a_negated_worry_leaves_the_fact(question: str, fact: str) -> None:
    _, _, applied = _screen(question)
    assert fact in applied


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "I'm not on warfarin and not worried about anything. Acupuncture for my neck?",
            "class:anticoagulant",
        ),
        ("No pacemaker, no worries. Acupuncture for my back?", "device:pacemaker"),
    ],
)
def test_a_plain_denial_beside_a_worry_still_denies(question: str, fact: str) -> None:
    _, _, applied = _screen(question)
    assert fact not in applied


# 4. a flag wholly over, days before ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "flag"),
    [
        (
            "My husband ran a fever of 38.8 on Saturday with a cold, it's been normal since "
            "Monday. Can he have acupuncture for his knee on Friday?",
            "red_flag:fever",
        ),
        (
            "I had a temperature of 39 last Tuesday but it went away completely by Thursday. "
            "Acupuncture for my neck?",
            "red_flag:fever",
        ),
        (
            "After a long horse ride my backside was numb but it went away entirely when I got "
            "off. Acupuncture for my hip?",
            "red_flag:saddle_anesthesia",
        ),
        (
            "She had a fever on Friday that never came back. Acupuncture for her shoulder?",
            "red_flag:fever",
        ),
        (
            "My bum went numb on a spin bike once but it's completely gone and my back is fine "
            "now. Acupuncture for my knee?",
            "red_flag:saddle_anesthesia",
        ),
    ],
)
def test_a_flag_wholly_over_is_history(question: str, flag: str) -> None:
    _, _, applied = _screen(question)
    assert flag not in applied


@pytest.mark.parametrize(
    ("question", "flag"),
    [
        (
            "I had a fever of 38.6 on Friday that hasn't gone away completely. Acupuncture?",
            "red_flag:fever",
        ),
        (
            "Back pain, numb between my legs since Monday, it didn't go away completely. "
            "Acupuncture?",
            "red_flag:saddle_anesthesia",
        ),
        (
            "Low back pain and numbness around my bottom this morning, it went away completely "
            "an hour later. Acupuncture?",
            "red_flag:saddle_anesthesia",
        ),
    ],
)
def test_a_flag_not_wholly_over_or_gone_only_lately_stays(question: str, flag: str) -> None:
    _, _, applied = _screen(question)
    assert flag in applied


# 5. waking with sweats or flushes is no night pain -------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Perimenopausal, I wake every night soaked in sweat with hot flashes. Acupuncture?",
        "Menopause is awful, I wake every night drenched. Acupuncture to help?",
        "My hot flushes wake me up at night, every night for months. Could acupuncture help?",
        "I wake every night with night sweats since the menopause started. Acupuncture?",
        "Night sweats and flushes wake her every night, she is 51. Acupuncture?",
    ],
)
def test_night_sweats_are_no_night_pain(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:severe_night_pain" not in applied


def test_night_pain_beside_night_sweats_stays() -> None:
    _, _, applied = _screen(
        "My back pain wakes me every night and I'm drenched in sweat. Acupuncture?"
    )
    assert "red_flag:severe_night_pain" in applied


# 6. a loss from a fast ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Lost 4 kg during Ramadan, feeling fine. Acupuncture for my knee?",
        "Been fasting for Lent and lost weight, about 3kg. Acupuncture for my shoulder?",
        "I lost 2 kilos on a 3 day juice fast, all fine. Acupuncture for my back?",
        "He did a 7-day fast at a retreat and lost weight, 4 kg. Acupuncture for his hip?",
        "I lost weight on a water fast in March, it was planned. Acupuncture for my neck?",
    ],
)
def test_weight_lost_in_a_fast_is_explained(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:unexplained_weight_loss" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "I lost weight fast, 6 kg in a month. Back pain. Acupuncture?",
        "I have lost weight, 5kg in 2 months, and I'm not fasting. Back pain. Acupuncture?",
    ],
)
def test_weight_lost_fast_or_not_fasting_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:unexplained_weight_loss" in applied


# 7. a sudden neck event with dizziness or double vision --------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Wrenched my neck lifting weights yesterday and since then I get light-headed and saw "
        "double twice. Acupuncture?",
        "My neck clicked doing yoga and the room was spinning for an hour. Acupuncture for "
        "neck pain?",
        "I jarred my neck in a fall and nearly blacked out. Acupuncture?",
        "Cricked my neck reversing the car and then everything went double. Acupuncture?",
        "Twisted my neck at rugby, then almost fainted and the room spun. Acupuncture?",
    ],
)
def test_neck_event_with_dizziness_is_vascular(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "red_flag:vascular_neck_symptoms" in applied
    assert decision == "refer"


def test_neck_event_without_dizziness_is_not_vascular() -> None:
    _, _, applied = _screen(
        "I twisted my neck turning in bed, it's stiff, no dizziness. Acupuncture?"
    )
    assert "red_flag:vascular_neck_symptoms" not in applied


# 8. dementia: capacity, and disorientation as usual -----------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Gran has dementia and is confused most of the time, she's calm. Can I consent for her "
        "to have acupuncture for her shoulder?",
        "My husband has severe dementia and doesn't recognise me. Can I sign for him to have "
        "acupuncture?",
        "Dad has Alzheimer's. The nursing home wants acupuncture for his back. Can I decide "
        "for him?",
        "My aunt has a learning disability and doesn't know where she is or understand what we "
        "say. Is acupuncture for her knee ok?",
        "Mum has Lewy body dementia. Could I give consent for her to have acupuncture for her "
        "neck?",
    ],
)
def test_consent_asked_for_a_person_with_dementia_defers(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "cannot_consent:yes" in applied
    assert "red_flag:altered_consciousness" not in applied
    assert decision == "defer"


@pytest.mark.parametrize(
    "question",
    [
        "Dad has vascular dementia and since yesterday he doesn't know where he is, much more "
        "muddled. Acupuncture for his knee?",
        "Mum has Alzheimer's and today she is suddenly confused and drowsy. Acupuncture?",
    ],
)
def test_new_confusion_on_dementia_stays_an_emergency(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:altered_consciousness" in applied
    assert (decision, urgency) == ("refer", "emergency")


def test_a_parent_consenting_for_a_child_is_not_lack_of_capacity() -> None:
    _, _, applied = _screen("My son is 9, can I consent for him to have acupuncture?")
    assert "cannot_consent:yes" not in applied


# 9. a pregnancy named in a claim the question asks the evidence for --------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Are the so-called forbidden points in pregnancy really harmful? What did the studies "
        "show?",
        "Is it true that acupuncture in pregnancy brings on labour? What do the trials show?",
        "They say needling the belly in pregnancy causes miscarriage. Is there any evidence?",
        "Some claim the forbidden points trigger contractions in pregnancy. What does the "
        "research say?",
        "Everyone says acupuncture during pregnancy is risky for the baby. What did the "
        "review find?",
    ],
)
def test_pregnancy_in_a_claim_is_the_topic(question: str) -> None:
    _, _, applied = _screen(question)
    assert "pregnant" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "I'm pregnant and people say the forbidden points cause miscarriage. What does the "
        "research say?",
        "They say needling in pregnancy is risky. Is there evidence? I'm 12 weeks.",
        "Is acupuncture safe in pregnancy?",
    ],
)
def test_a_pregnant_person_beside_a_claim_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert "pregnant" in applied


# 10. exertional chest pain a doctor already has in hand --------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My cardiologist knows about my angina: chest tightness on the stairs. It's unchanged "
        "for 3 years. Acupuncture for my back?",
        "Tight chest hurrying for the bus, settles with rest, the GP has referred me to the "
        "chest pain clinic. Acupuncture for my knee while I wait?",
        "Stable angina - chest pressure walking up hills, eases with my GTN. Acupuncture for "
        "my neck?",
        "Chest heaviness on exertion for many years, my heart doctor is aware and it never "
        "changes. Acupuncture for my shoulder?",
        "He gets chest pain climbing stairs, been like that for 5 years, the cardiology team "
        "follow him up. Acupuncture for his hip?",
    ],
)
def test_exertional_chest_pain_under_care_and_unchanged_proceeds(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:cardiac_chest_pain" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "Stable angina for years but this week my chest gets tight walking to the car. "
        "Acupuncture?",
        "Known angina, my GTN spray works, but now the chest pain comes even at rest. Acupuncture?",
        "Cardiologist knows my angina, but on the stairs today the chest pain came with "
        "sweating and went into my arm. Acupuncture?",
    ],
)
def test_changed_angina_still_refers_now(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:cardiac_chest_pain" in applied
    assert (decision, urgency) == ("refer", "emergency")
