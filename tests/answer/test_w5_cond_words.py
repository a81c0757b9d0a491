"""The right condition from ordinary words (issue 10, probe 2 G7): an old operation is history,
not postoperative pain; the mid/upper back is not low back pain; pelvic pain in a woman or in
pregnancy is not the male condition CP/CPPS; cluster headache is not chronic headache; joint
pain in cancer survivors is the survivors' record; cupping asked with a safety question keeps
the safety answer."""

from __future__ import annotations

import pytest

from acupath.answer import ask

LBP = {"chronic_low_back_pain", "acute_low_back_pain"}


def _u(question: str, audience: str = "clinician") -> dict[str, object]:
    u: dict[str, object] = ask(question, audience=audience).as_dict()["understanding"]
    return u


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        (
            "bilateral knee pain x 3 yrs, had a cataract op 2019, acupuncture?",
            "knee_osteoarthritis",
        ),
        (
            "I had a hip replacement 10 years ago and now back pain, can acupuncture help?",
            "chronic_low_back_pain",
        ),
        ("knee replacement in 2015, now low back pain: acupuncture?", "chronic_low_back_pain"),
        (
            "68F, s/p appendix surgery 20 years ago, chronic knee OA. Acupuncture vs sham?",
            "knee_osteoarthritis",
        ),
        (
            "my knee arthritis is bad; gallbladder operation years ago. Would needles help?",
            "knee_osteoarthritis",
        ),
        (
            "Had shoulder surgery in 2010 and now my neck is stiff and sore, acupuncture?",
            "chronic_neck_pain",
        ),
    ],
)
def test_old_operation_leaves_the_complaint(question: str, wanted: str) -> None:
    conditions = _u(question)["conditions"]
    assert wanted in conditions, (question, conditions)  # type: ignore[operator]
    assert "postoperative_pain" not in conditions, (question, conditions)  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "Post-op day 2 after TKA, acupuncture for pain?",
        "3 days after my hip replacement, acupuncture?",
        "since my op last week my knee hurts, can acupuncture help?",
        "pain after my knee replacement two weeks ago, will acupuncture help",
        "acupuncture for postoperative pain",
        "my mum had her hip operation yesterday and is sore, can she have acupuncture?",
    ],
)
def test_recent_operation_is_postoperative_pain(question: str) -> None:
    conditions = _u(question)["conditions"]
    assert "postoperative_pain" in conditions, (question, conditions)  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "upper back pain, does acupuncture help?",
        "my mid back hurts, acupuncture?",
        "pain between my shoulder blades for months, acupuncture?",
        "interscapular pain in a 50 year old man: acupuncture vs sham?",
        "thoracic pain: acupuncture vs sham",
        "does acupuncture work for middle back pain?",
        "Thoracic spine pain after lifting, any evidence for needling?",
    ],
)
def test_mid_or_upper_back_is_not_low_back_pain(question: str) -> None:
    u = _u(question)
    conditions = set(u["conditions"])  # type: ignore[call-overload]
    assert not conditions & (LBP | {"shoulder_pain"}), (question, conditions)
    assert not conditions, (question, conditions)
    assert u["unknown_topic"], question  # says the base holds no record on it


@pytest.mark.parametrize(
    ("question", "conditions"),
    [
        ("chronic low back pain acupuncture", LBP),
        ("my lower back hurts, acupuncture?", LBP),
        ("acupuncture for neck and upper back... no, just my low back pain", LBP),
    ],
)
def test_low_back_stays_low_back(question: str, conditions: set[str]) -> None:
    assert set(_u(question)["conditions"]) & conditions, question  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "question",
    [
        "I'm 28 weeks pregnant with pelvic pain, is acupuncture safe?",
        "female, 45, chronic pelvic pain, acupuncture?",
        "She is 30 weeks pregnant and has pelvic girdle pain, acupuncture?",
        "my wife has pelvic pain, can acupuncture help",
        "woman with chronic pelvic pain: acupuncture vs sham?",
        "pregnant, pelvic girdle pain, any evidence for acupuncture?",
        "I'm a 35 year old woman with pelvic pain. Would needles help?",
    ],
)
def test_pelvic_pain_in_a_woman_is_not_prostatitis(question: str) -> None:
    u = _u(question)
    assert "chronic_prostatitis_pelvic_pain" not in u["conditions"], question  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "man with chronic pelvic pain, acupuncture?",
        "acupuncture for chronic prostatitis",
        "my husband has prostate pain, can acupuncture help?",
        "CP/CPPS in a 40 year old man: acupuncture vs sham",
    ],
)
def test_pelvic_pain_in_a_man_stays(question: str) -> None:
    assert "chronic_prostatitis_pelvic_pain" in _u(question)["conditions"], question  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "cluster headache acupuncture",
        "I get cluster headaches every night, would needles help?",
        "Does acupuncture prevent cluster headache attacks?",
        "acupuncture vs oxygen for cluster headaches",
        "my husband has cluster headaches, is acupuncture worth trying?",
        "Cluster headache: any RCT evidence for acupuncture?",
    ],
)
def test_cluster_headache_is_not_chronic_headache(question: str) -> None:
    u = _u(question)
    conditions = set(u["conditions"])  # type: ignore[call-overload]
    assert not conditions & {"chronic_headache", "tension_type_headache", "migraine"}, question
    assert u["unknown_topic"], question


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("tension headache acupuncture", "tension_type_headache"),
        ("acupuncture for chronic headaches", "chronic_headache"),
        ("I get migraines, would needles help?", "migraine"),
    ],
)
def test_other_headaches_stay(question: str, condition: str) -> None:
    assert condition in _u(question)["conditions"], question  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "joint pain in cancer survivors: acupuncture?",
        "acupuncture for arthralgia in cancer survivors",
        "joint pain after cancer, would needles help?",
        "musculoskeletal pain after cancer: acupuncture vs usual care",
        "Finished cancer treatment; now joint and muscle pain after cancer, acupuncture?",
        "achy joints after cancer, can acupuncture help?",
    ],
)
def test_joint_pain_in_survivors_is_not_cancer_pain(question: str) -> None:
    conditions = _u(question)["conditions"]
    assert "chronic_musculoskeletal_pain_cancer_survivors" in conditions, question  # type: ignore[operator]
    assert "cancer_pain" not in conditions, question  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "can you do cupping over a pacemaker?",
        "Can I have cupping if I'm on blood thinners?",
        "is moxibustion safe in pregnancy?",
        "my mum has a pacemaker, can she have moxa?",
        "gua sha on warfarin, is it safe?",
        "cupping for my back, I have a pacemaker - safe?",
    ],
)
def test_other_technique_with_safety_question_keeps_the_safety_answer(question: str) -> None:
    d = ask(question).as_dict()
    assert not d["out_of_scope"], question
    assert d["understanding"]["in_scope"], question
    headings = [line for line in d["answer_markdown"].splitlines() if line.startswith("## ")]
    assert headings and "safety" in headings[0].lower(), (question, headings)
    assert not d["answer_markdown"].startswith("# Out of scope"), question


@pytest.mark.parametrize(
    "question",
    [
        "I have a hip replacement from 10 years ago and now back pain. Acupuncture safe with a hip"
        " replacement?",
        "Knee replacement in 2012, since then fine, but now low back pain: is my knee replacement"
        " a problem for acupuncture?",
        "my dad had a hip replacement years ago; his back hurts now. Can his hip replacement be"
        " needled near?",
    ],
)
def test_an_operation_dated_once_stays_history(question: str) -> None:
    conditions = _u(question)["conditions"]
    assert "postoperative_pain" not in conditions, (question, conditions)  # type: ignore[operator]
    assert set(conditions) & LBP, (question, conditions)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "question",
    [
        "COPD, previous pneumothorax 2018. c/o interscapular pain. Safe depth for upper back"
        " needling?",
        "thirty-two weeks pregnant with twins and pelvic pain, which acupuncture points are"
        " forbidden?",
        "I'm 20 weeks pregnant with pelvic girdle pain, which points should be avoided?",
        "upper back pain and I'm on warfarin, is acupuncture safe?",
    ],
)
def test_no_evidence_title_never_sits_over_a_safety_answer(question: str) -> None:
    d = ask(question).as_dict()
    title = d["answer_markdown"].splitlines()[0]
    assert "No evidence" not in title, (question, title)
    assert not set(d["understanding"]["conditions"]) & (LBP | {"chronic_prostatitis_pelvic_pain"})


def test_an_operation_this_year_is_not_history() -> None:
    import datetime

    year = datetime.date.today().year
    question = f"hip replacement on 1 March {year}; acupuncture for the pain?"
    assert "postoperative_pain" in _u(question)["conditions"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "hip replacement on 1 March 2019; acupuncture for the pain?",
        "knee replacement 8 years ago. Does acupuncture work for pain?",
        "I had shoulder surgery in 2015, would needles help me?",
    ],
)
def test_old_operation_alone_names_no_joint(question: str) -> None:
    conditions = set(_u(question)["conditions"])  # type: ignore[call-overload]
    joints = {"hip_osteoarthritis", "knee_osteoarthritis", "shoulder_pain", "postoperative_pain"}
    assert not conditions & joints, (question, conditions)
