"""Wave 17 (lead, written before held-out part 14 was seen): a negation before a verb of
telling denies the telling, not the fact; injecting drug use given up under a year ago stays a
risk factor; FAST signs begun days ago are a suspected stroke; "not for me" is no first-person
word for whom the answer speaks to."""

import pytest

from acupath.answer import ask
from acupath.answer.negation import _negates_telling


def _applied(question: str) -> set[str]:
    answer = ask(question)
    return set(answer.patient_context["applied"]) if answer.patient_context else set()


# --- a verb of telling: the negation governs the telling ------------------------------------
@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("I never told my GP that I'm on ginkgo and aspirin. Neck pain acupuncture?",
         "class:antiplatelet"),
        ("I haven't got round to telling the acupuncturist about my clopidogrel, ok for my back?",
         "class:antiplatelet"),
        ("He never said he was on warfarin. Knee OA acupuncture?", "class:anticoagulant"),
        ("we don't have to tell the acupuncturist mum's on Xarelto do we? for her hip",
         "class:anticoagulant"),
        ("She didn't think to mention she is 14 weeks pregnant. Back pain, go ahead?", "pregnant"),
        ("I did not disclose my Eliquis to the physio, is acupuncture for my shoulder ok?",
         "class:anticoagulant"),
        ("Haven't yet informed them I'm on dabigatran - knee acupuncture on Friday",
         "class:anticoagulant"),
    ],
)  # fmt: skip
def test_a_fact_kept_from_a_doctor_is_still_the_patients(question: str, label: str) -> None:
    assert label in _applied(question)


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Patient did not report fever or weight loss. Acupuncture for low back pain?",
         "red_flag:fever"),
        ("No warfarin, not pregnant. Neck pain acupuncture?", "class:anticoagulant"),
        ("She is not on any blood thinners and never had a bleeding problem. Knee pain.",
         "class:anticoagulant"),
        ("I am not on warfarin, not to mention no other pills, knee pain", "class:anticoagulant"),
    ],
)  # fmt: skip
def test_a_denial_without_a_verb_of_telling_still_denies(question: str, label: str) -> None:
    assert label not in _applied(question)


def test_the_telling_rule_reads_only_the_words_right_after_the_negation() -> None:
    assert _negates_telling(["never", "told", "my", "gp"], 1)
    assert _negates_telling(["didn", "t", "think", "to", "mention"], 2)
    assert not _negates_telling(["not", "on", "warfarin", "told"], 1)
    # "report" is how a note denies a finding
    assert not _negates_telling(["did", "not", "report", "fever"], 2)


# --- injecting drug use: a year clean is history, less is a present risk ---------------------
@pytest.mark.parametrize(
    "question",
    [
        "used to inject but clean now. back pain for 2 weeks, acupuncture?",
        "I used to inject heroin, clean 3 months now, and I've got really bad back pain.",
        "I used to shoot up but I've been clean since March. Bad back, can I have acupuncture?",
        "ex-user, injected for years, off it 6 weeks. low back pain, acupuncture ok?",
        "In recovery, on methadone, injected until last spring. low back pain acupuncture?",
        "I used to inject heroin years ago but relapsed last month. Back pain",
    ],
)
def test_injecting_given_up_recently_or_undated_refers_spinal_pain(question: str) -> None:
    answer = ask(question)
    assert "red_flag:iv_drug_use" in answer.patient_context["applied"]
    assert answer.screen is not None
    assert (answer.screen["decision"], answer.screen["urgency"]) == ("refer", "urgent")


@pytest.mark.parametrize(
    "question",
    [
        "I used to inject heroin but I've been clean 18 years. Back pain acupuncture?",
        "used heroin for years, injected, but I've been clean for 3 years. neck pain acupuncture",
        "He injected heroin in his twenties; been clean since 2010. Neck pain acupuncture?",
        "i used to inject drugs but i have been clean for 12 years. back ache, is acupuncture ok",
        "I inject insulin twice a day and have back pain, acupuncture?",
    ],
)
def test_injecting_given_up_years_ago_or_insulin_is_no_red_flag(question: str) -> None:
    assert "red_flag:iv_drug_use" not in _applied(question)


# --- FAST signs begun days ago ---------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "Oh, and since the weekend his right arm and face have gone droopy and his speech is "
        "slurred. He has neck pain, acupuncture?",
        "My mum's speech has been slurred for two days and her mouth droops, shoulder pain, "
        "acupuncture?",
        "Her face has been drooping since yesterday and she can't get her words out. Knee "
        "acupuncture still ok tomorrow?",
        "Since last night his arm is weak and his speech is slurred, he wants his back needled",
        "Woke up Tuesday, face droop on one side, still there since Tuesday. Neck pain needling?",
    ],
)
def test_fast_signs_begun_days_ago_are_a_suspected_stroke(question: str) -> None:
    answer = ask(question)
    assert answer.screen is not None
    assert (answer.screen["decision"], answer.screen["urgency"]) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "I had a stroke years ago and my speech is still slurred. acupuncture for shoulder pain?",
        "Since my stroke 3 years ago my face droops a bit. Neck pain acupuncture?",
    ],
)
def test_signs_left_by_an_old_stroke_are_not_an_emergency(question: str) -> None:
    answer = ask(question)
    assert answer.screen is None or answer.screen["urgency"] != "emergency"


# --- "not for me": whom the patient answer speaks to -----------------------------------------
@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Asking on behalf of my brother, not for me: he is on rivaroxaban and has knee "
         "arthritis. Is acupuncture safe?", "for him"),
        ("not for me, for my mum - she is on apixaban. hip pain acupuncture?", "for her"),
        ("This isn't for me, it's for my dad: he takes warfarin and has a bad back.", "for him"),
    ],
)  # fmt: skip
def test_a_disclaimer_is_no_first_person_word(question: str, words: str) -> None:
    markdown = ask(question, audience="patient").markdown
    assert words in markdown
    assert "for you" not in markdown.split("\n\n")[2]


# --- the formulary: a prednisolone brand ------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "I take deltacortril 10mg for my PMR, neck ache. acupuncture?",
        "My mum is on Deltacortril enteric 5 mg, her knees hurt - can she have acupuncture?",
    ],
)
def test_deltacortril_is_prednisolone(question: str) -> None:
    applied = _applied(question)
    assert {"medicine:prednisolone", "class:corticosteroid"} <= applied, applied


# --- an unread measurement keeps the screen from calling the patient clear --------------------
@pytest.mark.parametrize(
    "question",
    [
        "My last reading was 3.6 and my knees ache. Can I have acupuncture?",
        "Her level came back at 412 yesterday, she wants acupuncture for her neck.",
        "The nurse said my count was only 0.6 this morning. Acupuncture for my back?",
        "bloods: 2.9 last week, he has shoulder pain. acupuncture ok?",
        "My results were 48 on Monday, and my hip is sore. Acupuncture?",
    ],
)
def test_an_unread_measurement_leaves_the_screen_incomplete(question: str) -> None:
    answer = ask(question)
    assert answer.screen is not None
    assert "could not be completed" in answer.markdown, answer.markdown[:400]


@pytest.mark.parametrize(
    "question",
    [
        "My pain level is 7 most days, knee arthritis. Can I have acupuncture?",
        "My platelet count was 250 last week. Neck pain acupuncture?",
        "I have had back pain for 3 years. Acupuncture?",
    ],
)
def test_scores_and_read_values_are_no_unread_measurement(question: str) -> None:
    assert "could not be completed" not in ask(question).markdown


# --- context.py needs found by the wave-17 details engineer -----------------------------------
@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("the joint pain from anastrozole is bad in my hands. is acupuncture ok?",
         "class:aromatase_inhibitor"),
        ("My joint pain due to letrozole is awful, acupuncture?", "class:aromatase_inhibitor"),
        ("her aches from exemestane are getting worse, can she have acupuncture?",
         "class:aromatase_inhibitor"),
        ("His numb feet caused by oxaliplatin keep him awake - can acupuncture help him?",
         "class:neurotoxic_chemotherapy"),
    ],
)  # fmt: skip
def test_a_medicine_named_as_the_cause_of_someones_complaint_is_theirs(
    question: str, label: str
) -> None:
    assert label in _applied(question)


def test_a_medicine_named_as_a_cause_in_a_general_question_is_no_ones() -> None:
    assert "class:aromatase_inhibitor" not in _applied(
        "Does acupuncture help joint pain from anastrozole?"
    )


@pytest.mark.parametrize(
    "question",
    [
        "I've had knee pain for two years, tried physio, tried tablets, lost some weight, got "
        "insoles, and the GP agreed I could try acupuncture.",
        "I've tried everything: painkillers, exercises, lost 2 stone, a knee brace. Acupuncture?",
        "Things I've done: physio, lost weight, and painkillers - knee still bad. acupuncture?",
    ],
)
def test_weight_lost_among_things_tried_is_no_red_flag(question: str) -> None:
    assert "red_flag:unexplained_weight_loss" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Tried physio, tablets, and I've lost a stone without meaning to. Back pain, acupuncture?",
        "My back is sore, I've lost weight, tired all the time. Acupuncture?",
        "I've lost 3 stone without trying and my back aches at night. Acupuncture?",
    ],
)
def test_weight_lost_unmeant_stays_a_red_flag(question: str) -> None:
    assert "red_flag:unexplained_weight_loss" in _applied(question)


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("my wife's right leg has been swollen like a balloon since her womb cancer surgery, the "
         "nurse calls it lymphoedema. Where can they put needles?", "lymphedema:right_leg"),
        ("Her left leg swelled up after the groin surgery and the clinic diagnosed lymphoedema, "
         "knee pain, acupuncture?", "lymphedema:left_leg"),
        ("His left arm has been puffy and heavy since the node clearance, they say it's "
         "lymphedema. Shoulder pain acupuncture?", "lymphedema:left_arm"),
    ],
)  # fmt: skip
def test_the_limb_named_earlier_in_the_sentence_is_the_lymphoedema_limb(
    question: str, label: str
) -> None:
    assert label in _applied(question)


# --- "aids" as a device or a verb is not the disease ------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "Are hearing aids a problem for ear acupuncture? I have neck pain.",
        "My mum wears hearing aids and has knee pain, acupuncture ok?",
        "she uses walking aids and has hip OA. acupuncture?",
        "Does acupuncture aids recovery after knee surgery for my dad?",
    ],
)
def test_hearing_and_walking_aids_are_no_immunosuppression(question: str) -> None:
    assert "red_flag:immunosuppression" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "He has AIDS, CD4 150, back pain acupuncture?",
        "diagnosed with aids in 2019, on treatment, neck pain acupuncture?",
        "HIV and AIDS, CD4 90, back pain acupuncture?",
    ],
)
def test_aids_the_disease_is_still_read(question: str) -> None:
    assert "red_flag:immunosuppression" in _applied(question)


# --- a relative's medicine the asker takes ----------------------------------------------------
@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("I never told my GP that I take my partner's aspirin when my neck is bad. Does that "
         "matter for acupuncture?", "class:antiplatelet"),
        ("I've been using my husband's clopidogrel, knee pain acupuncture?", "class:antiplatelet"),
        ("I sometimes take my mum's warfarin tablets by mistake?? back pain, acupuncture ok",
         "class:anticoagulant"),
    ],
)  # fmt: skip
def test_a_relatives_medicine_the_asker_takes_is_the_askers(question: str, label: str) -> None:
    assert label in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I take my mum to her appointments, she is on warfarin. I have neck pain, acupuncture?",
        "My partner's aspirin is in the cupboard. I have knee pain, acupuncture?",
    ],
)
def test_a_relatives_medicine_the_asker_does_not_take_is_theirs(question: str) -> None:
    applied = _applied(question)
    assert "class:anticoagulant" not in applied and "class:antiplatelet" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "Low back pain in a 34-year-old who injects heroin, fever 38.9, exquisite spinal "
        "tenderness. Acupuncture?",
        "this 45-year-old man who injects heroin presents with four weeks of low back pain.",
        "She is 29 years old and injects heroin most days; back pain for a week.",
    ],
)
def test_a_persons_age_does_not_date_injecting_as_given_up(question: str) -> None:
    assert "red_flag:iv_drug_use" in _applied(question)
