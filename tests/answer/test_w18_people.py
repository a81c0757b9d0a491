"""Wave 18 (engineer "people"): people told apart by labels ("Me: 47, ... Her: 15, ..."),
lettered lists like numbered ones ("(a) ... (b) ..."), and a job named by a treatment ("a
retired chemo nurse") is no treatment of the asker's."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> set[str]:
    ctx = extract(text)
    return {m.label for m in ctx.applied} | {f"class:{c}" for c in ctx.drug_classes()}


# --- labelled people: "Me: ... Her: ..." ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "aside"),
    [
        (
            "My son and I both fancy trying it. Me: 52, tennis elbow. Him: 14, Osgood knees. "
            "Is he too young?",
            {"age:14", "age_band:adolescent"},
            {"age:52"},
        ),
        (
            "Two of us booked. Mine: 38, neck pain, on nothing. Hers: 16, headaches. "
            "Can she have it at her age?",
            {"age:16", "age_band:adolescent"},
            {"age:38"},
        ),
        (
            "For my husband and me. Him: 71, on warfarin, bad hip. Me: 66, plantar fasciitis. "
            "What should he tell the acupuncturist?",
            {"age:71", "age_band:older_adult", "class:anticoagulant"},
            {"age:66"},
        ),
        (
            "Her: 13, period pain. Me: 41, low back. Would it be different for her?",
            {"age:13", "age_band:adolescent"},
            {"age:41"},
        ),
        (
            "Me - 45, migraines. Him - 15, sports injury. What changes for him?",
            {"age:15", "age_band:adolescent"},
            {"age:45"},
        ),
        (
            "Us two: Me: 29, fine. Her: 16, pregnant, back pain. Is it safe for her?",
            {"age:16", "pregnant"},
            {"age:29"},
        ),
    ],
)
def test_the_labelled_person_asked_about_keeps_their_facts(
    text: str, kept: set[str], aside: set[str]
) -> None:
    applied = _applied(text)
    assert kept <= applied
    assert not aside & applied


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the asker asked about: the asker's facts stay
        (
            "Me: 72, on apixaban, knee OA. Her: 15, headaches. What about me?",
            {"age:72", "class:anticoagulant"},
        ),
        # nobody picked out: every safety fact stays (the cautious reading)
        (
            "Me: 47, on warfarin. Her: 15, period pain. Can we both go?",
            {"class:anticoagulant"},
        ),
        # no labelled list at all
        ("Me and my mum want to go, she is 80 and on warfarin. Is it ok?", {"age:80"}),
    ],
)
def test_labels_never_drop_a_fact_of_the_person_asked(text: str, kept: set[str]) -> None:
    assert kept <= _applied(text)


# --- lettered lists -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kept", "aside"),
    [
        (
            "Clinic list: (a) 45F neck pain, no issues; (b) 71M knee OA on clopidogrel. "
            "Any precautions for (b)?",
            {"age:71", "class:antiplatelet"},
            {"age:45"},
        ),
        (
            "Two referrals. a) 33F pregnant 20 weeks, PGP. b) 62M LBP, nil else. Thoughts on (a)?",
            {"age:33", "pregnant"},
            {"age:62"},
        ),
        (
            "(a) 80M on apixaban, knee OA (b) 50F tennis elbow. Just (a) for now.",
            {"age:80", "class:anticoagulant"},
            {"age:50"},
        ),
        (
            "Patients today: (a) 58M shoulder, fit; (b) 69F on warfarin, INR 2.4. Query about (b) "
            "only.",
            {"age:69", "class:anticoagulant"},
            {"age:58"},
        ),
        (
            "(A) 40F migraine, nil meds; (B) 77M post-stent on aspirin. Needling (B) ok?",
            {"age:77", "class:antiplatelet"},
            {"age:40"},
        ),
    ],
)
def test_a_lettered_list_is_a_list(text: str, kept: set[str], aside: set[str]) -> None:
    applied = _applied(text)
    assert kept <= applied
    assert not aside & applied


@pytest.mark.parametrize(
    "text",
    [
        # letters that are no list: every fact stays
        "I have (a) a pacemaker and (b) knee pain, I'm 70. Can I have acupuncture?",
        "Grade a) or b)? I'm 70 and on warfarin with knee pain.",
    ],
)
def test_letters_that_are_no_list_keep_everything(text: str) -> None:
    applied = _applied(text)
    assert "age:70" in applied


# --- a job is no treatment ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm 68, a retired chemo nurse, and my knees have given up. Worth a go?",
        "Former radiotherapy radiographer here, 61, with a bad shoulder. Would acupuncture help?",
        "I was a chemo nurse for 20 years; now it's my back that aches. Acupuncture?",
        "I used to be a chemotherapy pharmacist, now 70 with sciatica. Can I try needling?",
        "I'm a volunteer, a chemo ward volunteer actually, with tennis elbow. Acupuncture ok?",
        "As an ex chemo technician I know needles. 55, plantar fasciitis. Worth trying?",
    ],
)
def test_a_job_named_by_a_treatment_is_no_treatment(text: str) -> None:
    applied = _applied(text)
    assert not any(
        "chemo" in label or "radi" in label or label.startswith("cancer:") for label in applied
    )


@pytest.mark.parametrize(
    "text",
    [
        # the asker's own treatment, with a nurse who gives it
        "My chemo nurse says acupuncture might help my nausea. I'm 60. Is it safe?",
        "I'm on chemo, a nurse comes to flush my line. Can I have acupuncture?",
        "The chemo nurse told me to ask about acupuncture for my sickness. Safe?",
    ],
)
def test_the_patients_own_treatment_stays(text: str) -> None:
    assert any("chemo" in label or label.startswith("cancer:") for label in _applied(text))


# --- relatives named by relation and name: "Nan Joan (84) ... Nan Pat (80)" -----------------


@pytest.mark.parametrize(
    ("text", "kept", "aside"),
    [
        (
            "My two aunties. Auntie Sue (72) is on warfarin for AF. Auntie May (75) has a "
            "pacemaker and sore knees. Can we start with Auntie May?",
            {"age:75", "device:pacemaker"},
            {"age:72", "class:anticoagulant"},
        ),
        (
            "Grandad Jim (88) takes apixaban. Grandad Bill (91) has knee pain only. What about "
            "Grandad Bill?",
            {"age:91"},
            {"age:88", "class:anticoagulant"},
        ),
        (
            "Uncle Dave (66) has a pacemaker. Uncle Pete (70) has a bad back. Start with Uncle "
            "Pete please.",
            {"age:70"},
            {"age:66", "device:pacemaker"},
        ),
        (
            "Nan Rose (79) is on clopidogrel. Nan Edna (83) has arthritis. What should Nan "
            "Rose's acupuncturist know?",
            {"age:79", "class:antiplatelet"},
            {"age:83"},
        ),
        (
            "Asking for my grans. Gran Mary (90) has a bad hip. Gran Ivy (86) is on rivaroxaban. "
            "Is it ok for Gran Ivy?",
            {"age:86", "class:anticoagulant"},
            {"age:90"},
        ),
    ],
)
def test_relatives_named_by_relation_and_name(text: str, kept: set[str], aside: set[str]) -> None:
    applied = _applied(text)
    assert kept <= applied
    assert not aside & applied


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # both asked about: every safety fact stays
        (
            "Nan Joan (84) is on warfarin. Nan Pat (80) has a pacemaker. Can both come?",
            {"class:anticoagulant", "device:pacemaker"},
        ),
        # one named relative: their age is theirs
        ("My son Tom (9) has asthma. Is acupuncture ok for him?", {"age:9"}),
    ],
)
def test_named_relatives_keep_facts_when_no_one_is_picked(text: str, kept: set[str]) -> None:
    assert kept <= _applied(text)


# --- one age for two: "Both 34." -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Writing for me and my husband. Both 67. I've got a pacemaker. What about me?", 67),
        ("We're both 45 and want acupuncture for back pain. Is it ok for me?", 45),
        ("My twin and I, both aged 16, have period pain. Can I have acupuncture?", 16),
        ("Both of us are 72. I have AF and take apixaban. Can I have it?", 72),
        ("Me and my wife, both 81, want to try it. I'm on warfarin. Safe for me?", 81),
        ("My sister and me. Both 34. I'm 30 weeks pregnant with back pain. What changes?", 34),
    ],
)
def test_one_age_told_for_both(text: str, age: int) -> None:
    applied = _applied(text)
    assert f"age:{age}" in applied
    assert not {a for a in applied if a.startswith("age:")} - {f"age:{age}"}


@pytest.mark.parametrize(
    "text",
    [
        "We both had 3 sessions last year. Is it worth going back for my knee?",
        "Both 2 weeks post-op now, can we have acupuncture for the pain?",
        "We're both 30 weeks pregnant! Is acupuncture ok for back pain?",
    ],
)
def test_both_before_a_count_is_no_age(text: str) -> None:
    assert not {a for a in _applied(text) if a.startswith("age:")}


# --- an age at a past event is not today's age -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # 66 last spring: 66 or 67 now; the older, as the older band adds caution here
        ("Retired from the post office last spring at 66. On warfarin. Can I have it?", 67),
        ("I retired at 64 two years ago and my hip is bad. Would acupuncture help?", 67),
        ("Gave up work at 63 last year after my heart attack. Knees now. Acupuncture?", 65),
        ("Diagnosed with diabetes at 50, 10 years ago. Now neuropathy in my feet. Needle?", 61),
        ("Got married at 30 three years ago and have had back pain since. Is it safe?", 34),
        # 16 a year ago: 17 or 18 now; the younger, as the adolescent band adds caution
        ("I moved here at 16 a year ago and my periods have been awful. Acupuncture?", 17),
    ],
)
def test_an_age_at_a_past_event_gives_todays_age(text: str, age: int) -> None:
    ages = {a for a in _applied(text) if a.startswith("age:")}
    assert ages == {f"age:{age}"}


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        # an age told for now wins
        ("I'm 70. Retired at 66 last year and my back aches. Acupuncture?", {"age:70"}),
        # no time since the event: today's age is unknown, nothing is read
        ("Retired at 66 and my back aches. Acupuncture?", set()),
        # a number after 'at' that is no age
        ("I had 6 sessions at 40 pounds each last year. Worth going back?", set()),
    ],
)
def test_a_past_event_without_time_or_with_an_age_now(text: str, ages: set[str]) -> None:
    assert {a for a in _applied(text) if a.startswith("age:")} == ages


@pytest.mark.parametrize(
    ("text", "kept", "aside"),
    [
        (
            "Me: 41, neck pain, fine. Dad: 77, on warfarin, bad knee. What should he tell them?",
            {"age:77", "class:anticoagulant"},
            {"age:41"},
        ),
        (
            "Mum: 70, shoulder. Me: 45, on clopidogrel after a stent. What about me?",
            {"age:45", "class:antiplatelet"},
            {"age:70"},
        ),
        (
            "Me: 33, headaches. My son: 12, hay fever. Is acupuncture ok for my son?",
            {"age:12", "age_band:child"},
            {"age:33"},
        ),
    ],
)
def test_a_relative_labelled_beside_the_asker(text: str, kept: set[str], aside: set[str]) -> None:
    applied = _applied(text)
    assert kept <= applied
    assert not aside & applied


def test_the_patients_nurse_opening_a_message_names_their_treatment() -> None:
    text = "chemo nurse said my counts are fine now. can i have acupuncture for sickness?"
    assert any("chemo" in label for label in _applied(text))
