"""Multi-part questions (probe F15), wordings of our own written before the rules: every part
maps to content in the answer or is named as not addressed (``answered_fully`` false, the part
in ``not_understood``, the opening saying so). Comparisons the base holds are answered from the
records that hold them; comparisons it does not hold are said to be absent."""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _not_addressed(question: str, audience: str = "clinician") -> tuple[str, ...]:
    return ask(question, audience=audience).not_understood


def _opening_text(question: str, audience: str = "clinician") -> str:
    return "\n".join(s.text for s in ask(question, audience=audience).opening)


@pytest.mark.parametrize(
    ("question", "part"),
    [
        ("Can acupuncture help me quit smoking and also help my back?", "smoking"),
        ("acupuncture to lose weight and for my knee pain?", "lose weight"),
        ("Does acupuncture help neck pain? Also can it help with IVF?", "IVF"),
        ("Is acupuncture better than surgery for my chronic low back pain?", "surgery"),
        ("chronic neck pain: acupuncture vs chiropractic head-to-head?", "chiropractic"),
        ("is acupuncture or yoga better for my bad back", "yoga"),
        ("Acupuncture versus CBT for fibromyalgia?", "CBT"),
        ("Does acupuncture for knee OA work? Also, what about moxibustion?", "moxibustion"),
        ("Is acupuncture better than a steroid injection for my knee arthritis?", "steroid"),
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_a_part_not_answered_is_named(question: str, part: str, audience: str) -> None:
    answer = ask(question, audience=audience)
    assert not answer.answered_fully, question
    assert any(part.lower() in w.lower() for w in answer.not_understood), answer.not_understood
    assert part.lower() in _opening_text(question, audience).lower()


@pytest.mark.parametrize(
    ("question", "finding"),
    [
        ("acupuncture versus exercise for neck pain", "nejati2021_neck_vs_exercise"),
        ("acupuncture or massage for chronic low back pain?", "cherkin2001_lbp_vs_massage"),
        ("Is acupuncture better than massage for my neck?", "irnich2001_neck_vs_massage"),
        ("acupuncture vs TENS for low back pain", "lam2013_tens_no_superiority"),
        ("acupressure or needles for chemo nausea?", "ezzo2006_acute_nausea_acupressure"),
        ("carpal tunnel: acupuncture compared with night splints", "dong2023_cts_vs_splint_pain"),
        (
            "hip arthritis - acupuncture or advice and exercise, head-to-head?",
            "manheimer2018_hip_vs_advice_exercise",
        ),
        (
            "ear acupuncture vs electroacupuncture for musculoskeletal pain in cancer survivors",
            "mao2021_aa_vs_ea_noninferiority",
        ),
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_a_comparison_the_base_holds_is_answered(
    question: str, finding: str, audience: str
) -> None:
    answer = ask(question, audience=audience)
    assert finding in answer.findings_used, (question, answer.findings_used)
    assert answer.verified


@pytest.mark.parametrize(
    "question",
    [
        "Does acupuncture help chronic low back pain?",
        "I had a steroid injection last year; does acupuncture help my neck?",
        "Can I take ibuprofen alongside acupuncture for my back?",
        "acupuncture for knee pain after my operation",
        "Is acupuncture better than sham for migraine?",
        "does acupuncture work better than painkillers for knee osteoarthritis?",
    ],
)
def test_no_false_part(question: str) -> None:
    answer = ask(question)
    parts = answer.understanding.get("parts", [])
    assert not [p for p in parts if not p["held"]], parts


@pytest.mark.parametrize(
    "question",
    [
        "Electroacupuncture vs manual acupuncture for knee osteoarthritis?",
        "is electro better than normal acupuncture for my neck pain",
        "Manual or electroacupuncture for chronic low back pain, head-to-head?",
    ],
)
def test_a_head_to_head_the_base_does_not_hold_is_said_absent(question: str) -> None:
    answer = ask(question)
    assert not answer.answered_fully
    opening = "\n".join(s.text for s in answer.opening).lower()
    assert "head-to-head" in opening or "no comparison" in opening, opening
