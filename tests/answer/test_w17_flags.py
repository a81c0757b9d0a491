"""Wave 17 (issue 10), flags: misses of probe 12 and held-out part 14 read as classes, in our
own wordings (none is a benchmark question).

1. A face, arm or speech sign whose onset is said as a time ("onset ~40 min", "at lunch",
   "since 10am", "1 hr ago", "t=30min") is a suspected stroke (emergency); the same sign
   dated in weeks or years, or after an old stroke, is not.
2. A stiff neck in lay words ("too stiff to put my chin on my chest") with a fever anywhere in
   the question, measured or said, is neck stiffness (meningism); a stiff neck without fever
   or a fever long over is not.
3. A headache that peaks in seconds, said in lay words ("in seconds", "like an explosion",
   "like being hit", "went bang"), is a thunderclap headache even beside years of ordinary
   headaches; a headache that eases in seconds is not.
4. A "new" headache with words between ("a new throbbing headache") after 50 is the new
   headache flag; "new to acupuncture" beside old headaches is not.
5. Clumsy hands or a deficit said to worsen over time ("worse every month") is progressive;
   a weakness said to be unchanged for years is not.
6. A person who cannot retain information or weigh a decision lacks capacity (the screen's
   cannot_consent defers); a question about remembering evidence does not.
7. A time of injecting drug use named as such ("after my injecting days") stays a risk factor
   unless dated a year or more ago.
8. Over-caution: an injury long ago and healed is no major trauma now; a needle fear of
   childhood said to be over is no needle phobia; a lone lab value of an illness long over,
   back to normal since, is no value now; hay fever is no fever.
9. A relative's comorbidity that the asker says they share ("and so do I") is the asker's.
10. The answer's table gives minor trauma with osteoporosis the urgency of the screen's
    fracture rule (urgent).
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    return list((ask(question).patient_context or {}).get("applied", []))


def _screen(question: str) -> dict[str, object]:
    return dict(ask(question).screen or {})


# 1. stroke signs with an onset said as a time --------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Pt c/o R facial droop and slurred speech, onset approx 25 min. Booked for neck pain.",
        "My dad's face went lopsided and he is talking funny since 10am. He has acupuncture for "
        "his back this afternoon, should he still go?",
        "Her left arm has gone weak and her mouth droops, it began at 2pm. Knee acupuncture today?",
        "Husband's speech slurred and his face is drooping, came on at breakfast. Back pain "
        "session later, ok?",
        "Left facial weakness and right arm weakness t=30min, here for usual shoulder acupuncture.",
        "My mum's face has gone droopy on one side and she can't get her words out, 1 hr ago. "
        "Should she keep her acupuncture appointment?",
    ],
)
def test_stroke_signs_with_a_timed_onset_are_a_suspected_stroke(question: str) -> None:
    assert "red_flag:suspected_stroke" in _applied(question)
    assert _screen(question).get("urgency") == "emergency"


@pytest.mark.parametrize(
    "question",
    [
        "Since his stroke 3 years ago his face droops a little and his speech is slurred. "
        "Acupuncture for shoulder pain at 2pm on Tuesdays?",
        "I had Bell's palsy in 2019 and my face still droops slightly. Acupuncture for neck pain "
        "at lunchtime?",
        "Old stroke with right arm weakness for 10 years. Can he have acupuncture for his knee, "
        "sessions are 30 min?",
        # a duration, not an onset; signs brought on by turning the head (vascular neck rule)
        "Last month my arm and face went numb for an hour during a migraine, fine since. "
        "Acupuncture?",
        "Turning my head brings on double vision and slurred speech, since 3pm on Monday. Neck "
        "pain. Needles?",
    ],
)
def test_old_stroke_signs_are_no_suspected_stroke(question: str) -> None:
    assert "red_flag:suspected_stroke" not in _applied(question)


# 2. neck stiffness in lay words with a fever -----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Temperature 39.2 and my neck is so stiff I can't get my chin down to my chest. "
        "Acupuncture for the headache?",
        "I've got a fever and my neck has gone really stiff, bending it forward hurts. Needles?",
        "Feverish since last night. Neck too stiff to look down, awful headache. Can I come in?",
        "He is burning up, 38.7, and his neck is rigid. Acupuncture for his headache ok?",
        "My neck feels stiff as a board. Also running a temperature today. Acupuncture?",
    ],
)
def test_stiff_neck_with_fever_is_neck_stiffness(question: str) -> None:
    assert "red_flag:neck_stiffness" in _applied(question)
    assert _screen(question).get("urgency") == "emergency"


@pytest.mark.parametrize(
    "question",
    [
        "My neck is stiff from sleeping awkwardly. No fever. Acupuncture for it?",
        "Stiff neck from my desk job for years. Acupuncture?",
        "I had a fever last month with flu but that's long gone. Now my neck is stiff from the "
        "gym. Acupuncture?",
    ],
)
def test_stiff_neck_without_fever_is_no_neck_stiffness(question: str) -> None:
    assert "red_flag:neck_stiffness" not in _applied(question)


# 3. a thunderclap headache in lay words --------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I get migraines every month, but today a headache hit within seconds, like a bomb "
        "going off, and it's not easing. Acupuncture?",
        "Normal tension headaches for years, but an hour ago a headache came on in a split "
        "second like being hit with a hammer. Can acupuncture help?",
        "My headache this afternoon came in seconds, an explosion in my head. Needles ok?",
        "Headache started like a gunshot a few seconds after lifting weights and it's still "
        "there. Acupuncture for it?",
        "She had a headache that went bang out of nowhere at work and is still in agony. "
        "Acupuncture tomorrow?",
    ],
)
def test_sudden_peak_headache_in_lay_words_is_thunderclap(question: str) -> None:
    assert "red_flag:thunderclap_headache" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "My tension headaches ease within seconds of the needles going in. Is that normal?",
        "Headaches for years, build up slowly over a few hours. Acupuncture?",
        "Does acupuncture help headaches? I read it works in seconds for some people.",
    ],
)
def test_headache_easing_or_slow_is_no_thunderclap(question: str) -> None:
    assert "red_flag:thunderclap_headache" not in _applied(question)


# 4. a new headache after fifty, with words between ----------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm 68 with a new pounding headache over my left temple. Acupuncture?",
        "74 year old man, new right-sided headache for 2 weeks. Acupuncture ok?",
        "My dad is 81 and has a new nagging daily headache. Would acupuncture help?",
        "Aged 59, a new severe one-sided headache since Monday. Needles?",
        "She's 77 and complains of new constant headaches. Acupuncture for them?",
    ],
)
def test_new_headache_with_words_between_after_50(question: str) -> None:
    assert "red_flag:new_headache_after_50" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm 66 and new to acupuncture; I've had tension headaches for 30 years. Will it help?",
        "I'm 34 with a new pounding headache after a late night. Acupuncture?",
        "At 70 I am trying a new acupuncturist for my headaches, which I've had since my 20s.",
    ],
)
def test_new_to_something_or_young_is_no_new_headache_after_50(question: str) -> None:
    assert "red_flag:new_headache_after_50" not in _applied(question)


# 5. progression over time, or a deficit unchanged -----------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My hands have got clumsy and I keep dropping my keys, and my walking is unsteady, "
        "worse every week. Acupuncture for my neck?",
        "Hands clumsy, fumbling buttons, legs stiff when walking, getting worse month by "
        "month. Neck ache for ages. Acupuncture?",
        "I drop things and my balance is off walking, and it's worse each month. Needles for "
        "neck pain?",
        "Clumsy hands and wobbly walking, steadily worse over the last few months. Acupuncture?",
        "His hands are clumsy and he's unsteady walking, progressively worse since the summer. "
        "Neck pain. Ok to needle?",
    ],
)
def test_myelopathy_signs_said_to_worsen_are_progressive(question: str) -> None:
    assert "red_flag:progressive_neurological_deficit" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Leg weakness from an old disc, unchanged for 5 years per my neurologist. Acupuncture?",
        "Right foot drop, stable for 3 years since surgery. Low back ache. Acupuncture ok?",
        "Known weak left leg, no change in years, neurology happy. Sciatica again. Needles?",
        "Leg weakness unchanged since 2019 per the spinal team. Back pain. Acupuncture?",
        "Left leg weakness has been the same for years. Acupuncture for back pain?",
    ],
)
def test_deficit_unchanged_for_years_is_not_progressive(question: str) -> None:
    assert "red_flag:progressive_neurological_deficit" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Leg weakness unchanged for years but this week it's getting worse. Acupuncture?",
        "Foot drop stable for 2 years, now new weakness in both legs since Monday. Acupuncture?",
    ],
)
def test_unchanged_deficit_now_worse_stays_progressive(question: str) -> None:
    assert "red_flag:progressive_neurological_deficit" in _applied(question)


# 6. capacity --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Gentleman with Alzheimer's who can't retain information long enough to decide. "
        "Acupuncture for his back?",
        "My mother is unable to weigh up the pros and cons any more; the memory clinic say she "
        "has no capacity to consent. Acupuncture for her knee?",
        "Resident with dementia, cannot retain or weigh information about treatment. Hip OA.",
        "Pt lacks capacity for treatment decisions (MCA assessment). Acupuncture for LBP?",
        "She can't weigh up decisions or remember what she's told. Acupuncture for neck pain?",
    ],
)
def test_lack_of_capacity_in_lay_and_clinical_words_defers(question: str) -> None:
    assert _screen(question).get("decision") == "defer"


@pytest.mark.parametrize(
    "question",
    [
        "I can't retain all these trial results, can you summarise acupuncture for back pain?",
        "Mild dementia, fully understands and consents, wants acupuncture for knee OA.",
    ],
)
def test_capacity_not_questioned(question: str) -> None:
    assert _screen(question).get("decision") != "defer"


# 7. a time of injecting drug use ------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Since my injecting days I get night sweats and now my back is agony. Acupuncture?",
        "Pt with an injecting history, back pain and fevers. Needling ok?",
        "Former injector, clean since March, new back pain. Acupuncture?",
        "My injecting past still worries my GP; back pain now. Acupuncture ok?",
        "Ex-injector with low back pain and a temperature. Can we needle?",
    ],
)
def test_a_time_of_injecting_is_iv_drug_use(question: str) -> None:
    assert "red_flag:iv_drug_use" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "My injecting days were over 15 years ago, clean since. Back pain. Acupuncture?",
        "I inject insulin twice a day for my diabetes. Back pain, acupuncture?",
    ],
)
def test_injecting_long_ago_or_insulin_is_no_iv_drug_use(question: str) -> None:
    assert "red_flag:iv_drug_use" not in _applied(question)


# 8. over-caution ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Motorbike accident 10 years ago, broke my leg, all healed. Now neck pain from work. "
        "Acupuncture?",
        "I fell off a ladder years ago, fully healed, no problems. Low back ache now. Needles?",
        "Road traffic accident in 2015, whiplash, healed long ago. Just stiff shoulders now.",
        "Car accident 8 years ago, everything mended. Neck tension from stress. Acupuncture ok?",
        "Fell from a height as a teenager, healed completely. Back pain from lifting now.",
    ],
)
def test_trauma_long_ago_and_healed_is_no_major_trauma(question: str) -> None:
    assert "red_flag:major_trauma" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Car crash last week, neck pain since. Acupuncture?",
        "Fell off a ladder yesterday and my back hurts, nothing healed yet. Needles?",
    ],
)
def test_recent_trauma_stays_major_trauma(question: str) -> None:
    assert "red_flag:major_trauma" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I was terrified of needles as a child but I'm fine now, I've had loads of vaccines. "
        "Acupuncture for neck pain?",
        "My physio asked if I'm afraid of needles. I used to be but I donate blood now. Knee OA.",
        "Needle phobic growing up, outgrew it. Acupuncture for my back?",
        "Scared of needles as a kid, blood tests no problem these days. Acupuncture for migraine?",
        "I hated needles when I was little but I'm over it now. Back pain. Acupuncture?",
    ],
)
def test_needle_fear_outgrown_is_no_needle_phobia(question: str) -> None:
    assert "needle_phobia" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I was scared of needles as a kid and I'm still terrified. Acupuncture for back pain?",
        "Needle phobic, always have been. Acupuncture for my neck?",
    ],
)
def test_needle_fear_still_there_stays(question: str) -> None:
    assert "needle_phobia" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "My platelets were 35 when I had dengue years ago but they went back to normal. "
        "Neck pain, acupuncture?",
        "Platelets dropped to 40 when I had a virus in 2018, normal ever since. Back pain.",
        "Low platelets of 60 when I had glandular fever as a teen, back to normal after. "
        "Acupuncture?",
        "I have hay fever and tennis elbow. Acupuncture?",
        "Hay fever every spring, and knee arthritis. Needles ok?",
    ],
)
def test_old_lab_value_or_hay_fever_is_no_finding_now(question: str) -> None:
    applied = _applied(question)
    assert not any(a.startswith(("platelets:", "lab:platelets")) for a in applied), applied
    assert "red_flag:fever" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "My platelets were 40 last month and are still low. Acupuncture?",
        "Fever since yesterday and knee pain. Acupuncture?",
    ],
)
def test_current_lab_value_or_fever_stays(question: str) -> None:
    applied = _applied(question)
    assert any(a.startswith("platelets:") for a in applied) or "red_flag:fever" in applied


# 9. a relative's comorbidity the asker shares ---------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My friend has COPD and so do I. Acupuncture for my neck?",
        "My dad has epilepsy and so do I. Acupuncture for my back?",
    ],
)
def test_shared_comorbidity_is_the_askers(question: str) -> None:
    assert any(a.startswith("comorbidity:") for a in _applied(question))


def test_relatives_comorbidity_denied_for_the_asker_is_not_theirs() -> None:
    question = (
        "My sister has epilepsy. I don't have it myself, I just want acupuncture for my back."
    )
    assert not any(a.startswith("comorbidity:") for a in _applied(question))


# 10. the table agrees with the screen ------------------------------------------------------------


def test_minor_trauma_with_osteoporosis_is_urgent_as_the_fracture_rule() -> None:
    from pathlib import Path

    import yaml

    from acupath.answer.safety import __file__ as safety_file

    table = Path(safety_file).parent.parent / "data" / "answer" / "red_flags.yaml"
    urgency = {e["id"]: e["urgency"] for e in yaml.safe_load(table.read_text())}
    assert urgency["minor_trauma_with_osteoporosis"] == "urgent"
    assert urgency["major_trauma"] == "urgent"


# 11. "raised" as an adjective of a finding is no verb of telling --------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Low back pain, denies raised temperature. Acupuncture?",
        "Neck pain. No raised temp, no weight loss. Acupuncture?",
        "LBP, not raised temperature on checking. Needling ok?",
        "Knee OA, never a raised temperature. Acupuncture?",
        "Back pain, denied raised temperature or chills. Acupuncture?",
    ],
)
def test_denied_raised_temperature_is_denied(question: str) -> None:
    assert "red_flag:fever" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I haven't raised it with my GP but I take aspirin daily. Back pain, acupuncture?",
        "Never raised with my doctor that I am on warfarin. Knee pain. Acupuncture?",
    ],
)
def test_not_raising_a_medicine_keeps_it(question: str) -> None:
    assert any(a.startswith("class:") for a in _applied(question))
