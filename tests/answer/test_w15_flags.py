"""Wave 15 (issue 10), flags: misses of held-out part 12 read as classes, in our own wordings.

1. A hot swollen joint in lay words ("my knee is massive, red and hot to touch", "ankle twice
   the size and hot") is the red flag; a big joint without heat, or a hot pack on it, is not.
2. A fall or stumble with thin bones told by their drugs (alendronate, risedronate,
   denosumab...) is minor trauma with osteoporosis; the drug without a fall is not.
3. A cancer history told by its traces (a chemo port after treatment ended, finished chemo,
   lymph nodes taken out under the arm) is a cancer history, which the screen reads with
   spinal pain (refer soon); a family member's cancer or swollen glands are not.
4. Part of a lung removed, in lay words, is prior thoracic surgery; fluid drained from a lung
   is not.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    return list((ask(question).patient_context or {}).get("applied", []))


# 1. hot swollen joint -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Woke up today and my knee is massive, red and hot to touch, I can hardly walk on it. "
        "Acupuncture later?",
        "My ankle is twice the size it should be and really hot, no injury. Can I have needles?",
        "His elbow has gone huge and red overnight and it's warm. Acupuncture for it?",
        "My wrist is enormous and hot since yesterday, can acupuncture help?",
        "Big toe joint double the size, red and hot, agony. Is acupuncture ok this afternoon?",
    ],
)
def test_hot_swollen_joint_in_lay_words(question: str) -> None:
    assert "red_flag:hot_swollen_joint" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "My knee is massive compared to before I lost weight, ha. Acupuncture for knee arthritis?",
        "A hot water bottle on my knee is a massive help for my arthritis. Acupuncture too?",
        "Heat pack on my shoulder gives huge relief. Would acupuncture add anything?",
        "My knee arthritis is a massive pain. Acupuncture?",
        "I had a huge red rash on my wrist last month, gone now. Acupuncture for carpal tunnel?",
    ],
)
def test_big_or_heated_joint_is_no_hot_swollen_joint(question: str) -> None:
    assert "red_flag:hot_swollen_joint" not in _applied(question)


# 2. osteoporosis told by its drugs, a stumble -------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Mrs B, 81, on alendronate, thoracolumbar back pain since a minor stumble at home.",
        "My mum takes risedronate for her bones; she stumbled on the stairs and now her back "
        "hurts. Acupuncture?",
        "I have denosumab injections every 6 months. I tripped on the kerb and my lower back "
        "is sore. Can I have acupuncture?",
        "She's had zoledronic acid yearly for her bones. Slipped in the bathroom two days ago, "
        "low back pain since.",
        "Osteoporotic, stumbled in the garden yesterday, now lower back pain. Acupuncture ok?",
    ],
)
def test_osteoporosis_by_its_drugs_with_a_stumble(question: str) -> None:
    applied = _applied(question)
    assert any(
        f in applied
        for f in (
            "red_flag:minor_trauma_with_osteoporosis",
            "red_flag:thoracic_pain_after_osteoporotic_fall",
        )
    ), applied


@pytest.mark.parametrize(
    "question",
    [
        "I take alendronate weekly. Chronic low back pain for years. Acupuncture?",
        "On risedronate, no falls, neck stiffness from desk work. Acupuncture ok?",
        "My mum is on denosumab and worried she might stumble. Her back is stiff. Acupuncture?",
        "Stumbled over my words in a meeting, so stressed, neck tension. Acupuncture?",
        "Does alendronate interact with acupuncture? I have shoulder pain.",
    ],
)
def test_drug_or_stumble_alone_is_no_fracture_flag(question: str) -> None:
    applied = _applied(question)
    assert "red_flag:minor_trauma_with_osteoporosis" not in applied
    assert "red_flag:thoracic_pain_after_osteoporotic_fall" not in applied


def test_referral_letter_refers_urgent() -> None:
    a = ask(
        "Dear colleague, please see Mrs T, 77, osteoporotic on alendronate, who developed "
        "thoracolumbar back pain after a minor stumble at home last week. She is keen on "
        "acupuncture."
    )
    assert (a.screen or {}).get("decision") == "refer"


# 3. a cancer history told by its traces -------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I still have my chemo port in though treatment ended in the summer. My neck is stiff. "
        "Is acupuncture ok?",
        "Portacath still in, chemo finished in March. Low back pain. Acupuncture?",
        "Since they took the lymph nodes out under my left arm I wear a sleeve. My neck is "
        "knotted, where can they needle?",
        "They removed the lymph nodes from my armpit two years ago. Now lower back pain. "
        "Acupuncture ok?",
        "I had an axillary node clearance in 2021. Neck pain now, can I have acupuncture?",
    ],
)
def test_cancer_history_told_by_its_traces_refers_with_spinal_pain(question: str) -> None:
    a = ask(question)
    screen = a.screen or {}
    assert "history_of_cancer" in screen.get("red_flags", ()), screen.get("red_flags")
    assert screen.get("decision") == "refer"


@pytest.mark.parametrize(
    "question",
    [
        "I have a port for my IV antibiotics at home. Low back pain. Acupuncture?",
        "My glands in my neck are swollen from a cold, and my neck is stiff. Acupuncture?",
        "My mum had her lymph nodes removed for breast cancer. I have neck pain. Acupuncture?",
        "They took my thyroid gland out for a goitre. Neck ache. Acupuncture?",
        "I have a port for sickle cell transfusions. Low back pain, acupuncture?",
    ],
)
def test_no_cancer_trace_is_no_cancer_history(question: str) -> None:
    a = ask(question)
    assert "cancer:history" not in list((a.patient_context or {}).get("applied", []))
    assert "history_of_cancer" not in (a.screen or {}).get("red_flags", ())


# 4. part of a lung removed --------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "had my left lung partly removed 2 years ago, neck and shoulder tension. any risks?",
        "They took out part of my right lung last year. Upper back pain, acupuncture ok?",
        "I had the top lobe of my lung removed in 2020. Shoulder pain. Acupuncture?",
        "Half of his lung was cut out for a tumour. Is acupuncture on his back safe?",
        "She had an operation on her lung 3 years ago. Neck pain. Acupuncture?",
    ],
)
def test_part_of_a_lung_removed_is_thoracic_surgery(question: str) -> None:
    assert "comorbidity:prior_thoracic_surgery" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "They drained fluid from my lung last year. Neck pain now. Acupuncture?",
        "Can acupuncture puncture a lung? I have shoulder pain.",
        "I had my gallbladder removed. My lungs are fine. Back pain, acupuncture?",
        "Had a lung function test, all normal. Neck pain. Acupuncture?",
        "Had a lump removed from my arm, my lungs are clear. Shoulder pain, acupuncture?",
    ],
)
def test_no_lung_operation_is_no_thoracic_surgery(question: str) -> None:
    assert "comorbidity:prior_thoracic_surgery" not in _applied(question)


def test_lung_removed_gives_a_box() -> None:
    a = ask(
        "had my left lung partly removed 2 years ago, neck and shoulder tension non stop since. "
        "any acupuncture risks for someone like me"
    )
    assert (a.screen or {}).get("decision") == "proceed_with_modifications"


# 3b. a knotted neck or back beside a cancer history is spinal pain ----------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Since they took the lymph nodes out under my right arm I wear a compression sleeve. "
        "My neck and shoulders are knotted. Where can they needle?",
        "I had bowel cancer 5 years ago. My neck and shoulders are full of knots. Acupuncture?",
        "Finished chemo for lymphoma last spring. Her neck is all knotted up. Acupuncture ok?",
        "History of breast cancer. Trigger points in my neck and shoulders. Acupuncture?",
        "Had prostate cancer in 2018. Knots in my upper back muscles. Acupuncture?",
    ],
)
def test_knotted_neck_beside_a_cancer_history_refers(question: str) -> None:
    a = ask(question)
    screen = a.screen or {}
    assert screen.get("decision") == "refer", (screen.get("decision"), screen.get("red_flags"))


@pytest.mark.parametrize(
    "question",
    [
        "My neck and shoulders are knotted. Where can they needle?",
        "Trigger points in my neck and shoulders from desk work. Acupuncture?",
        "My mum had breast cancer. My neck and shoulders are knotted. Acupuncture?",
        "Knots in my upper back from the gym. Acupuncture?",
        "I had breast cancer 6 years ago. My calves are full of knots from running. Acupuncture?",
    ],
)
def test_knotted_neck_without_a_cancer_history_is_no_cancer_flag(question: str) -> None:
    assert "history_of_cancer" not in (ask(question).screen or {}).get("red_flags", ())


# 5. over-caution: a relative's cancer beside the patient's own denial -------------------------


def _screen_flags(question: str) -> tuple[str | None, list[str]]:
    s = ask(question).screen or {}
    return s.get("decision"), list(s.get("red_flags", ()))


@pytest.mark.parametrize(
    "question",
    [
        "My mum had breast cancer and my aunt had ovarian - I haven't had cancer myself, just "
        "worried about genes. My neck is stiff from work. Any reason I can't have acupuncture?",
        "My dad had bowel cancer; I've never had cancer. Low back pain, acupuncture ok?",
        "My sister had leukaemia as a child, I have not had cancer. Neck pain. Acupuncture?",
        "My grandad had prostate cancer but I've never had any cancer. My lower back aches. "
        "Acupuncture?",
        "My brother had melanoma. Never had cancer myself. Neck pain from my desk, acupuncture?",
    ],
)
def test_relatives_cancer_beside_own_denial_is_no_cancer_history(question: str) -> None:
    decision, flags = _screen_flags(question)
    assert "history_of_cancer" not in flags
    assert decision != "refer"


@pytest.mark.parametrize(
    "question",
    [
        "My mum had breast cancer and so did I. Low back pain now. Acupuncture?",
        "I had breast cancer in 2019, my mum had it too. Neck pain, acupuncture ok?",
        "My mum had breast cancer; I had bowel cancer 3 years ago. Low back pain. Acupuncture?",
        "Breast cancer 5 years ago. My sister never had cancer. Low back pain. Acupuncture?",
        "I haven't had chemo but I did have cancer surgery in 2020. Back pain, acupuncture?",
    ],
)
def test_own_cancer_still_refers_with_spinal_pain(question: str) -> None:
    decision, flags = _screen_flags(question)
    assert decision == "refer", (decision, flags)


# 6. over-caution: a fever and stiff neck long over, a febrile seizure in infancy --------------


@pytest.mark.parametrize(
    "question",
    [
        "Last year I had a fever and a stiff neck - it was a viral thing, sorted in a week. Now "
        "(no fever, nothing) I just want acupuncture for my tension headaches. Is that ok?",
        "Two years ago I had a high temperature and a stiff neck, a virus, sorted itself out. "
        "Tension headaches now. Acupuncture?",
        "I had a fever last winter that got better in a few days. Now low back pain only, "
        "acupuncture ok?",
        "i had 1 seizure when i was a baby with a high temperature, never since, no meds. can i "
        "get acupuncture for my wrist (carpal tunnel)",
        "She had one fit as a toddler with a fever, never since. Neck pain now, acupuncture ok?",
    ],
)
def test_fever_and_seizure_long_over_refer_no_more(question: str) -> None:
    a = ask(question)
    applied = list((a.patient_context or {}).get("applied", []))
    assert "red_flag:fever" not in applied, applied
    assert "red_flag:neck_stiffness" not in applied, applied
    assert "comorbidity:epilepsy" not in applied, applied
    assert (a.screen or {}).get("decision") != "refer"


@pytest.mark.parametrize(
    "question",
    [
        "I had a fever last year that was sorted in a week, but now I have a fever again and a "
        "stiff neck. Acupuncture?",
        "Fever and stiff neck since yesterday. Acupuncture for my headache?",
        "I had a seizure as a baby with a fever and I still get seizures now. Acupuncture?",
        "I have epilepsy, last seizure was when I was a baby but I'm still on meds. Neck pain.",
        "Had a fever last week, not sorted yet, still feverish. Back pain, acupuncture?",
    ],
)
def test_fever_or_seizure_still_there_stays(question: str) -> None:
    applied = list((ask(question).patient_context or {}).get("applied", []))
    assert any(
        x in applied for x in ("red_flag:fever", "red_flag:neck_stiffness", "comorbidity:epilepsy")
    ), applied
