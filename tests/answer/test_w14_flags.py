"""Wave 14 (issue 10), flags: misses of tuning probe 11 read as classes, in our own wordings.

1. A focal weakness of an arm or speech and language trouble (word-finding) of sudden onset
   ("this AM", "woke up with", "an hour ago") are FAST signs: a suspected stroke, an
   emergency (NICE CG68, the screen rule's source), not only a focal sign.
2. Urinary retention in note shorthand ("retention ?overflow", "retention/overflow") is bladder
   dysfunction; fluid or water retention is not.
3. Pain said to be "nocturnal" in note style is night pain; nocturnal cramps, flushes or
   enuresis are not.
4. Stool leaked without the patient knowing, in lay words, is new loss of bowel control.
5. A spine said to be unstable in a sentence ("oncology says spine is unstable pending
   fixation") is spinal instability; unsteady on one's feet is not.
6. A history of frequent infections ("get a lot of chest infections", "prone to UTIs") is not
   a current infection; one said to be there now still is.
7. An assessment said as "assessed by oncology and stable" is an assessment of the spinal pain.
8. Hands cracked and raw from eczema are broken skin at the hands.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    return list((ask(question).patient_context or {}).get("applied", []))


# 1. suspected stroke ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Since this morning my husband has had left arm weakness and trouble finding his words. "
        "He has acupuncture for his back at 4, should he go?",
        "Pt 67M, sudden L arm weakness and word finding difficulty 1 hour ago. Booked for "
        "acupuncture.",
        "My mum woke up with her arm weak and she can't find her words. Is acupuncture OK today?",
        "Word-finding difficulty came on suddenly an hour ago in a 70-year-old with neck pain; "
        "acupuncture today?",
        "Known migraine. New L arm weakness and word finding problems this AM, not like her usual "
        "aura. Needling this afternoon?",
        "Headache patient: R arm weakness since this am. OK to needle at 3?",
    ],
)
def test_sudden_arm_or_speech_sign_is_suspected_stroke(question: str) -> None:
    answer = ask(question)
    screen = answer.screen or {}
    assert "red_flag:suspected_stroke" in _applied(question), question
    assert screen.get("decision") == "refer", question
    assert screen.get("urgency") == "emergency", question


@pytest.mark.parametrize(
    "question",
    [
        "Right arm weakness for three weeks with neck pain going down the arm. Acupuncture?",
        "Since his stroke two years ago he has arm weakness and word-finding difficulty. Can "
        "acupuncture help?",
        "Does acupuncture help word-finding difficulty after a stroke? What is the evidence?",
        "My arm weakness from the old nerve injury is the same as ever; acupuncture for my "
        "shoulder?",
        "Is arm weakness a side effect of acupuncture in the neck?",
        "Cervical radiculopathy: arm weakness started six weeks ago after a fall. Acupuncture?",
    ],
)
def test_slow_or_old_arm_or_speech_sign_is_no_stroke(question: str) -> None:
    assert "red_flag:suspected_stroke" not in _applied(question), question


# 2. urinary retention in shorthand ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "M 48, LBP 2/52, now retention ?overflow. Acupuncture?",
        "Back pain with sciatica; since yesterday retention with ?overflow. Acupuncture ok?",
        "Sciatica, new retention + overflow. For needling?",
        "LBP, bilateral sciatica, retention/overflow since this morning. Acupuncture?",
        "Low back pain and retention, overflow dribbling today. Needle?",
    ],
)
def test_retention_shorthand_is_bladder_dysfunction(question: str) -> None:
    assert "red_flag:bladder_dysfunction" in _applied(question), question


@pytest.mark.parametrize(
    "question",
    [
        "I have fluid retention in my ankles and knee arthritis. Acupuncture?",
        "Water retention before my period and back ache. Can acupuncture help?",
        "Does acupuncture help with fluid retention and overflowing emotions?",
        "My knees ache and I retain water. Acupuncture?",
        "Memory retention is poor since the menopause; my neck aches. Acupuncture?",
    ],
)
def test_other_retention_is_no_bladder_flag(question: str) -> None:
    assert "red_flag:bladder_dysfunction" not in _applied(question), question


# 3. nocturnal pain -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Lung ca hx, new mid back pain, nocturnal and constant. Acupuncture?",
        "Back pain, nocturnal, unremitting, hx prostate ca. Needling?",
        "62M, LBP 6/52, nocturnal, severe. Acupuncture?",
        "Neck pain: nocturnal, not eased by rest. Acupuncture?",
        "Her back pain is nocturnal and aching. Is acupuncture safe?",
    ],
)
def test_nocturnal_pain_is_night_pain(question: str) -> None:
    assert "red_flag:severe_night_pain" in _applied(question), question


@pytest.mark.parametrize(
    "question",
    [
        "Nocturnal leg cramps are worse this month and I have knee OA. Acupuncture?",
        "My nocturnal hot flushes are worse since chemo ended. Acupuncture?",
        "My son's nocturnal enuresis is worse lately. Can acupuncture help?",
        "Nocturnal teeth grinding makes my jaw ache. Acupuncture?",
        "I'm a nocturnal person and my back aches at work. Acupuncture?",
    ],
)
def test_other_nocturnal_things_are_no_night_pain(question: str) -> None:
    assert "red_flag:severe_night_pain" not in _applied(question), question


# 4. stool leaked without knowing -----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My back is bad and I've leaked some poo without noticing. Acupuncture?",
        "Since my sciatica got worse I've been leaking poo and didn't realise until later. "
        "Acupuncture?",
        "Back pain and numb legs, and I've soiled my pants without feeling it. Needling?",
        "Dad's back is agony and some poo leaked out this morning before he knew. Acupuncture?",
        "I've been leaking stool since Monday with my low back pain. Acupuncture ok?",
    ],
)
def test_leaked_stool_is_bowel_incontinence(question: str) -> None:
    assert "red_flag:bowel_incontinence" in _applied(question), question


@pytest.mark.parametrize(
    "question",
    [
        "My baby's nappy leaked poo everywhere and my back hurts from carrying her. Acupuncture?",
        "My stoma bag leaked poo last night; my back aches. Acupuncture?",
        "The dog leaked poo on the carpet and I hurt my back cleaning it. Acupuncture?",
        "I have back pain and no leaking of poo or wee. Acupuncture?",
        "My roof is leaking and my back aches. Acupuncture?",
        "Blood leaking from my back passage with piles, and my back aches. Acupuncture?",
    ],
)
def test_other_leaks_are_no_bowel_flag(question: str) -> None:
    assert "red_flag:bowel_incontinence" not in _applied(question), question


# 5. spine said to be unstable --------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Myeloma with a T8 collapse, the spinal surgeons say the spine is unstable. Acupuncture "
        "for pain?",
        "Her spine is unstable from the metastases and she is waiting for surgery. Acupuncture?",
        "His neck is unstable after the fracture, awaiting fusion; acupuncture for shoulder pain?",
        "Spinal mets, the lesion at L1 is unstable per the spinal team. Acupuncture?",
        "Vertebral fracture is unstable, awaiting fixation. Acupuncture for the pain?",
    ],
)
def test_unstable_spine_is_spinal_instability(question: str) -> None:
    applied = _applied(question)
    assert "comorbidity:spinal_instability" in applied, question


@pytest.mark.parametrize(
    "question",
    [
        "I feel unstable on my feet and my back hurts. Acupuncture?",
        "The surgeon said my spine is stable after the fracture healed. Acupuncture for back pain?",
        "Her mood is unstable and she has back pain. Acupuncture?",
        "He has unstable angina and neck pain. Acupuncture?",
        "My spine is not unstable, the scan showed. Acupuncture for back ache?",
        "My knee is unstable since the ligament tear and my neck aches. Acupuncture?",
        "Unstable ankle fracture last month, and my back hurts from the crutches. Acupuncture?",
    ],
)
def test_other_unstable_is_no_spinal_instability(question: str) -> None:
    assert "comorbidity:spinal_instability" not in _applied(question), question


# 6. frequent infections are history ---------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm on methotrexate and I tend to get chest infections every winter. Is acupuncture safe "
        "for my knee?",
        "She's prone to urine infections and has hip arthritis. Acupuncture?",
        "He keeps getting chest infections with his COPD but is well at the moment. Acupuncture "
        "for his back?",
        "I get frequent chest infections; can I have acupuncture for my neck?",
        "On Humira for Crohn's and I get a lot of chest infections. Acupuncture for my knee?",
    ],
)
def test_frequent_infections_are_no_current_infection(question: str) -> None:
    assert "red_flag:recent_bacterial_infection" not in _applied(question), question


@pytest.mark.parametrize(
    "question",
    [
        "I've got a chest infection at the moment and my back hurts. Acupuncture?",
        "I keep getting chest infections and I'm on antibiotics for one now. Acupuncture?",
        "Had a chest infection last week, on antibiotics. Acupuncture?",
        "I get a lot of chest infections and I have one now. Acupuncture for my knee?",
        "She is prone to UTIs and has a urine infection this week. Acupuncture?",
    ],
)
def test_current_infection_still_read(question: str) -> None:
    assert "red_flag:recent_bacterial_infection" in _applied(question), question


# 7. assessed and stable ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ongoing back pain from old vertebral collapse, assessed by oncology and stable.",
        "Back pain from the known spinal deposit, reviewed by the oncologist and stable.",
        "Neck pain, seen by the spinal team who said it is stable.",
        "LBP from an old fracture, assessed by her consultant and deemed stable.",
        "The back pain was examined by the GP and found stable.",
    ],
)
def test_assessed_and_stable_is_an_assessment(text: str) -> None:
    from acupath.answer.assessed import assessments

    assert assessments(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Back pain, to be assessed by oncology, hopefully stable.",
        "Oncology says the spine is unstable.",
        "Back pain, stable for years, not yet assessed by anyone.",
        "Assessed by oncology last year and stable then; new pain now.",
        "Her blood pressure is stable; back pain not reviewed yet.",
    ],
)
def test_stable_without_assessment_is_none(text: str) -> None:
    from acupath.answer.assessed import assessments

    assert not assessments(text), text


def test_myeloma_pain_assessed_and_stable_is_not_referred() -> None:
    question = (
        "Myeloma on lenalidomide. Latest plt 61, neut 1.1. Back pain from an old vertebral "
        "collapse, assessed by oncology and stable. Acupuncture?"
    )
    assert (ask(question).screen or {}).get("decision") == "proceed_with_modifications"


# 8. cracked and raw skin --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My hands are cracked and raw with eczema and my wrists ache. Acupuncture?",
        "Both her hands are raw and cracked from dermatitis; she has thumb arthritis. Needling?",
        "My feet are cracked and raw from psoriasis and my knees hurt. Acupuncture?",
        "The skin on my hands is red raw and cracked from eczema. Can I have acupuncture for my "
        "elbow?",
        "Hands cracked and raw from an eczema flare, thumb OA. Acupuncture?",
    ],
)
def test_cracked_raw_skin_has_its_site(question: str) -> None:
    answer = ask(question)
    sites = [
        f["value"]
        for f in (answer.patient_context or {}).get("facts", [])
        if f["kind"] == "skin_lesion"
    ]
    assert [s for s in sites if s != "unspecified"], (question, sites)
    assert (answer.screen or {}).get("decision") == "proceed_with_modifications", question


@pytest.mark.parametrize(
    "question",
    [
        "I cracked a rib and my back hurts. Acupuncture?",
        "My throat is raw from coughing and my neck aches. Acupuncture?",
        "I got a raw deal at work and my shoulders ache. Acupuncture?",
        "My knuckles crack and my fingers ache. Acupuncture?",
        "Cracked tooth and jaw pain. Acupuncture?",
    ],
)
def test_other_cracked_or_raw_is_no_skin_lesion(question: str) -> None:
    assert not any(a.startswith("skin_lesion") for a in _applied(question)), question
