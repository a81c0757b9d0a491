"""Wave 7, flags: red flags read too eagerly (mechanical pain, the night pattern of carpal
tunnel syndrome, a symptom supposed in a conditional, a relative's cancer, a topic of an audit or
a handout) and red flags missed (jaw pain on chewing beside a headache, hand weakness with a gait
problem, bowel leakage not felt). Our own wordings, each class in several phrasings, with the
look-alikes that must keep the flag (issue 10)."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.context import extract


def _applied(text: str) -> set[str]:
    return extract(text).labels()


def _decision(text: str) -> str | None:
    screen = ask(text).screen
    return None if screen is None else screen["decision"]


# 1. pain on turning over, rolling or getting out of bed is mechanical, not pain lying down


@pytest.mark.parametrize(
    "text",
    [
        "my lower back is agony when i turn over in bed",
        "my back is agony when I roll over in bed, can acupuncture help?",
        "Low back pain, worse on turning in bed and getting out of bed.",
        "her hip is unbearable when she rolls over in bed at night",
        "neck pain, worst when I move in bed or sit up from lying",
        "pelvic girdle pain in pregnancy, can't turn over in bed without pain",
        "he can't get out of bed in the morning because of his back",
    ],
)
def test_pain_moving_in_bed_is_mechanical(text: str) -> None:
    flags = _applied(text)
    assert "red_flag:pain_worse_supine" not in flags
    assert "red_flag:severe_night_pain" not in flags


@pytest.mark.parametrize(
    "text",
    [
        "back pain that is worse when I lie down",
        "her back pain is agony lying flat in bed, even keeping still",
        "lower back pain, can't lie flat because of it",
        "back is worst lying in bed, even keeping still",
    ],
)
def test_pain_lying_still_stays_a_flag(text: str) -> None:
    assert "red_flag:pain_worse_supine" in _applied(text)


# 2. night symptoms of carpal tunnel syndrome are its typical pattern (clinic policy; Mayo Clinic)


@pytest.mark.parametrize(
    "text",
    [
        (
            "Postpartum, tingling and night pain in both hands consistent with carpal tunnel. "
            "Acupuncture?"
        ),
        "c/o tingling and numbness in both hands, worse at night, ?carpal tunnel",
        "my carpal tunnel wakes me at night with numb fingers, will acupuncture help?",
        "CTS R hand, symptoms worse at night, shaking the hand helps",
        "she has carpal tunnel syndrome and the pain in her wrist wakes her at night",
    ],
)
def test_carpal_tunnel_night_symptoms_are_no_red_flag(text: str) -> None:
    assert "red_flag:severe_night_pain" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "carpal tunnel in my right hand, and my lower back pain is worse at night",
        "severe back pain at night, also has carpal tunnel",
        "night pain in my back that wakes me up; my hands tingle too",
        "tingling hands, and neck pain that is worst at night",
    ],
)
def test_spinal_night_pain_still_refers_beside_carpal_tunnel(text: str) -> None:
    assert "red_flag:severe_night_pain" in _applied(text)


# 3. a symptom supposed in a conditional is not a present finding


@pytest.mark.parametrize(
    "text",
    [
        (
            "what happens if i get a temperature in the middle of my course of acupuncture for "
            "knee arthritis? i feel fine now, no fever at all"
        ),
        "If I get a fever during my course of acupuncture for back pain, should I still go?",
        "What should we do if she develops a fever between sessions for her knee OA?",
        "Should he develop a temperature during treatment for neck pain, do we stop needling?",
        "in case I get a high temperature while having acupuncture for my knee, what should I do?",
        "what if my back pain gets worse at night during the course?",
    ],
)
def test_a_supposed_symptom_is_no_red_flag(text: str) -> None:
    flags = _applied(text)
    assert "red_flag:fever" not in flags
    assert "red_flag:severe_night_pain" not in flags


@pytest.mark.parametrize(
    "text",
    [
        "I have a fever and knee pain, can I have acupuncture?",
        "she has had a temperature since yesterday; her knee is sore. Acupuncture?",
        "if it matters, I have had a fever for 3 days with back pain",
        "if acupuncture is ok, note that he is febrile today with neck pain",
    ],
)
def test_a_present_symptom_beside_an_if_stays(text: str) -> None:
    assert "red_flag:fever" in _applied(text)


def test_a_supposed_fever_does_not_refer() -> None:
    assert _decision(
        "What happens if I get a temperature during my course of acupuncture for knee "
        "arthritis? I feel fine now, no fever at all."
    ) in (None, "proceed")


# 4. a relative's illness is not the patient's


@pytest.mark.parametrize(
    "text",
    [
        (
            "His mother died of bowel cancer; he has no personal history of cancer. Chronic LBP "
            "for 2 years."
        ),
        "Family history of breast cancer (mum and sister). Chronic low back pain. Acupuncture?",
        "my dad had prostate cancer, I have chronic low back pain, can I have acupuncture?",
        "FHx bowel ca. 45M chronic LBP, otherwise well.",
        "Her sister was treated for cancer last year. She has back pain for 6 months.",
        "strong family history of cancer but she has never had it herself; low back pain",
    ],
)
def test_a_relatives_cancer_is_not_the_patients(text: str) -> None:
    flags = _applied(text)
    assert "red_flag:history_of_cancer" not in flags
    assert not any(f.startswith("cancer:") for f in flags), flags


@pytest.mark.parametrize(
    "text",
    [
        "my mum had breast cancer and so did I, now I have low back pain",
        "Family history of bowel cancer; he himself had bowel cancer in 2019. New low back pain.",
        "history of breast cancer, her mother also had it; new back pain",
    ],
)
def test_the_patients_own_cancer_beside_a_relatives_stays(text: str) -> None:
    flags = _applied(text)
    assert any(f.startswith("cancer:") for f in flags), flags


def test_a_relatives_cancer_proceeds() -> None:
    assert (
        _decision(
            "His mother died of bowel cancer; he has no personal history of cancer. Chronic LBP "
            "for 2 years, otherwise well. Acupuncture?"
        )
        == "proceed"
    )


# 5. a topic of an audit, a handout or a class is no patient's


@pytest.mark.parametrize(
    "text",
    [
        (
            "For our audit, not a patient - is there any evidence that acupuncture helps people "
            "with metastatic spinal cord compression?"
        ),
        "I'm writing a leaflet for our clinic: does acupuncture help cauda equina syndrome?",
        (
            "For our teaching session on red flags: is there evidence for acupuncture in cord "
            "compression?"
        ),
        "Not about a patient: what does the evidence say about acupuncture for foot drop?",
        (
            "We are updating our service guideline - any trials of acupuncture in patients with "
            "spinal cord compression?"
        ),
    ],
)
def test_a_topic_of_an_audit_or_handout_is_no_red_flag(text: str) -> None:
    ctx = extract(text)
    assert not any(f.startswith("red_flag:") for f in ctx.labels()), ctx.labels()


@pytest.mark.parametrize(
    "text",
    [
        "For our audit: my patient has new cord compression signs, clumsy hands. Acupuncture?",
        (
            "I'm writing our leaflet but I also have foot drop myself since last week, can I have "
            "acupuncture?"
        ),
    ],
)
def test_a_patient_inside_an_audit_question_stays(text: str) -> None:
    assert any(f.startswith("red_flag:") for f in _applied(text))


def test_an_audit_topic_proceeds() -> None:
    text = (
        "For our audit, not a patient - is there any evidence that acupuncture helps people "
        "with metastatic spinal cord compression?"
    )
    assert _decision(text) in (None, "proceed")


# 6. red flags missed


@pytest.mark.parametrize(
    "text",
    [
        "71 yo man, first ever headaches, temporal, for three weeks; aching jaw when he chews.",
        "New headaches at 75. Her jaw aches when she eats.",
        "temple headaches for a month. jaw gets tired chewing meat.",
        "headache over the temples, and jaw pain when chewing",
        "she is 80 with new headaches; her jaw hurts after chewing for a minute",
    ],
)
def test_jaw_pain_on_chewing_beside_a_headache(text: str) -> None:
    assert "red_flag:jaw_claudication" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "jaw pain when I chew, from my TMJ. Acupuncture for the jaw?",
        "my jaw clicks when I chew, will acupuncture help?",
    ],
)
def test_jaw_pain_alone_is_no_arteritis(text: str) -> None:
    assert "red_flag:jaw_claudication" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        (
            "On systems enquiry he has noticed new weakness in his left hand, and his wife says "
            "he has started tripping over his feet in the last month."
        ),
        "neck pain; my hands have gone weak and I keep tripping over",
        "Chronic neck pain. New weakness of both hands and unsteady on her feet.",
        "his grip is getting weak and his balance is off when walking",
        "neck pain with numb clumsy hands; she keeps stumbling",
    ],
)
def test_hand_weakness_with_a_gait_problem_is_myelopathy(text: str) -> None:
    assert "red_flag:myelopathy_signs" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "weak grip from arthritis in my hands, knee pain when walking",
        "I tripped over a kerb and hurt my hand",
    ],
)
def test_hand_or_gait_words_alone_are_no_myelopathy(text: str) -> None:
    assert "red_flag:myelopathy_signs" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        (
            "my husbands back has been bad for weeks. today he messed himself and said he didnt "
            "even feel it happen."
        ),
        "back pain, and I soiled myself without feeling it",
        "she had a bowel accident and did not feel it coming, bad back",
        "he wet himself and couldn't feel it, his back is terrible",
        "LBP, incontinent of faeces, unaware it had happened",
    ],
)
def test_incontinence_not_felt_is_saddle_anaesthesia(text: str) -> None:
    assert "red_flag:saddle_anesthesia" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "my back hurts, I did not feel any relief from physio",
        "he messed up his back lifting and didn't feel it until the next day",
    ],
)
def test_not_feeling_other_things_is_no_saddle_anaesthesia(text: str) -> None:
    assert "red_flag:saddle_anesthesia" not in _applied(text)


# look-alikes of the new readings that must keep the flag (safety first)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Is it safe if she gets acupuncture with a fever? Knee OA.", "red_flag:fever"),
        ("Should she get acupuncture with a temperature of 38.5 and back pain?", "red_flag:fever"),
        (
            "Knee OA, febrile today, in the middle of the course of acupuncture. Continue?",
            "red_flag:fever",
        ),
        (
            "Back pain for 3 weeks, listed for a review. Night pain, wakes him every night.",
            "red_flag:severe_night_pain",
        ),
        (
            "lower back pain that wakes me at night, and worse when I get up",
            "red_flag:severe_night_pain",
        ),
        ("Hi mate, had breast cancer 2 years ago and now new low back pain", "cancer:history"),
        (
            "after her mother died she was treated for breast cancer; new back pain now",
            "cancer:history",
        ),
    ],
)
def test_look_alikes_keep_the_flag(text: str, flag: str) -> None:
    labels = _applied(text)
    assert flag in labels or (flag == "cancer:history" and "cancer:any" in labels), labels


@pytest.mark.parametrize(
    "text",
    [
        (
            "my wife is on chemo for ovarian cancer and tonight she's shivering with a "
            "temperature of 38 and a sore back. should she still go?"
        ),
        "If my mums platelets drop under 50 on the next cycle would she have to stop acupuncture?",
        "my husband had bowel cancer 3 years ago and now has new back pain, can he have it?",
        "our son was treated for leukaemia last year; he has knee pain now",
    ],
)
def test_the_askers_relative_may_be_the_patient(text: str) -> None:
    ctx = extract(text)
    assert any(m.kind == "cancer" and m.current for m in ctx.mentions), ctx.mentions


# probe 7 classes, in our own wordings


@pytest.mark.parametrize(
    "text",
    [
        "63M, no prior headache hx, new daily headaches for 6 wks. Requests acupuncture.",
        "70F, no previous headaches, new persistent headaches for a month",
        "I'm 68 and have never had headaches, but now new daily headaches for 3 weeks",
        "58 year old man with new severe headaches, no history of headaches",
        "aged 72, new daily persistent headache since August",
    ],
)
def test_a_new_headache_after_fifty_in_more_words(text: str) -> None:
    assert "red_flag:new_headache_after_50" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "After chiropractic manipulation yesterday: sudden severe neck pain, diplopia, collapse.",
        "neck manipulated by a chiropractor on Monday, since then dysarthria and neck pain",
        "sudden severe neck pain after manipulation, one syncopal episode",
        "had my neck manipulated, now ataxic and dizzy",
        "chiropractic adjustment to the neck, then diplopia",
    ],
)
def test_neck_manipulation_with_the_five_ds(text: str) -> None:
    assert "red_flag:vascular_neck_symptoms" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "had a fever last month with covid but thats long gone. my neck aches. acupuncture?",
        "She had a temperature a few weeks ago with a chest cold, it went away. Knee OA.",
        "rigors and fever back in March, all over now, low back pain",
        "I was febrile 2 months ago with flu but recovered. Shoulder pain.",
        "fever last year, resolved; chronic neck pain",
    ],
)
def test_a_red_flag_long_over_is_history(text: str) -> None:
    assert "red_flag:fever" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "had a fever last month that went away, but it is back again today; knee pain",
        "fever 2 weeks ago, settled, still febrile on and off - knee OA",
        "I have had a fever since last month, it has not gone",
    ],
)
def test_a_red_flag_back_or_still_there_stays(text: str) -> None:
    assert "red_flag:fever" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        (
            "How should an acupuncturist recognise giant cell arteritis in a headache "
            "patient? Just revising red flags."
        ),
        (
            "Teaching question: what are the red flags for spinal infection in a back pain "
            "patient that an acupuncturist should know?"
        ),
        "Exam question: when is cauda equina syndrome an emergency?",
        "Studying for my boards - what are the signs of cord compression?",
        "what if I get numbness down below during the course, should I stop? no numbness now.",
    ],
)
def test_teaching_revision_and_supposed_red_flags_are_topics(text: str) -> None:
    assert not any(f.startswith("red_flag:") for f in _applied(text))


@pytest.mark.parametrize(
    ("text", "lesion"),
    [
        ("I have eczema flaring on the backs of both knees, weeping a bit. Knee OA.", True),
        ("weeping eczema on her left shin, knee OA", True),
    ],
)
def test_weeping_eczema_is_a_skin_lesion_not_an_infection(text: str, lesion: bool) -> None:
    labels = _applied(text)
    assert "red_flag:recent_bacterial_infection" not in labels
    assert any(f.startswith("skin_lesion:") and f != "skin_lesion:unspecified" for f in labels)


@pytest.mark.parametrize(
    "text",
    [
        "infected eczema on his leg, back pain",
        "her eczema has become infected, knee OA",
        "weeping infected wound on the knee",
    ],
)
def test_infected_skin_stays_an_infection(text: str) -> None:
    assert "red_flag:recent_bacterial_infection" in _applied(text)


def test_still_as_a_time_word_does_not_keep_a_mechanical_flag() -> None:
    assert "red_flag:pain_worse_supine" not in _applied(
        "six weeks on I still can't turn over in bed without agony in my lower back"
    )


@pytest.mark.parametrize(
    "text",
    [
        "For our audit - patient on warfarin with INR 4.5 and fever, was needling ok?",
        "For our audit - 66M with fever and back pain, was needling ok?",
        "For our audit - a lady with fever and back pain, was needling ok?",
        "Writing our leaflet; also a quick one: c/o fever and back pain today, ok to needle?",
    ],
)
def test_a_person_in_an_audit_question_keeps_the_flag(text: str) -> None:
    assert "red_flag:fever" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "does acupuncture weaken your immune system if you're on chemo? my book club was debating",
        "My reading group was debating: is acupuncture ok for people with cancer?",
    ],
)
def test_a_debate_names_no_patient(text: str) -> None:
    assert not any(f.startswith(("cancer:", "treatment:")) for f in _applied(text))


# people: a person described by a kind and an age is not the asker


@pytest.mark.parametrize(
    ("text", "about"),
    [
        (
            "91 y/o lady in care home, hand OA, no anticoagulants, mentally sharp. Family want "
            "acupuncture. Fine?",
            " about her",
        ),
        ("72 year old man with knee OA, his family ask about acupuncture", " about him"),
        ("elderly gentleman, 80, in a nursing home with back pain", " about him"),
        ("a woman of 45 with neck pain, acupuncture?", " about her"),
        ("a 30 year old runner with knee pain, can she have acupuncture?", " about her"),
    ],
)
def test_a_described_person_is_not_the_asker(text: str, about: str) -> None:
    from acupath.answer.people import who_is_asked_about

    assert who_is_asked_about(text, extract(text)).about == about


@pytest.mark.parametrize(
    "text",
    [
        "I am a 35 year old woman with back pain",
        "is acupuncture safe for pregnant women?",
        "a 30 year old runner with knee pain",
        "im a 60 yo man, my back hurts",
    ],
)
def test_the_asker_or_nobody_stays_the_asker(text: str) -> None:
    from acupath.answer.people import who_is_asked_about

    assert who_is_asked_about(text, extract(text)).is_asker


@pytest.mark.parametrize(
    "text",
    [
        "What if she gets a fever? She already has one today. Knee OA.",
        "what if i get a fever during the course? i have one now",
    ],
)
def test_a_supposed_symptom_said_present_after_all_stays(text: str) -> None:
    assert "red_flag:fever" in _applied(text)
