"""Property: for any patient a question describes, no point, region point or technique the
screen excludes appears in the answer outside its safety box (Markdown and JSON alike), and a
red flag always opens the answer with a referral."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acupath.answer import ask
from acupath.answer.opening import TITLES
from acupath.points import all_points
from tests.answer.test_safe_answers import violations

FACTS = [
    "10 weeks pregnant",
    "28 weeks pregnant",
    "pregnant",
    "on apixaban",
    "on warfarin with INR 2.5",
    "platelets 70",
    "platelets 30k",
    "ANC 1.2",
    "ANC 0.5",
    "with a pacemaker",
    "with an insulin pump",
    "with breast implants",
    "port in the left chest",
    "lymphoedema of the left arm",
    "right axillary node dissection",
    "radiotherapy to the lower back",
    "radiotherapy to the neck",
    "an 8 year old",
    "aged 80",
    "uncontrolled epilepsy",
    "COPD",
    "COPD with lung bullae and a past pneumothorax",
    "terrified of needles",
    "fever",
    "saddle numbness",
    "no fever",
    "not pregnant",
    # wave 3: ages as bare numbers, word combinations, a third person
    "72F",
    "Mrs K, 66,",
    "my mum is 81",
    "he's 9",
    "cannot feel her bottom",
    "lymph nodes taken out on the left",
    "week 12 of her pregnancy",
    # wave 4: pregnancy without the word, the time of a medicine, regimens, sentence labs
    "31 y/o at 28 weeks",
    "she's 8 months along",
    "she is expecting, due in March",
    "back aches with her bump",
    "I'm 3 months pregnant",
    "6 weeks postpartum",
    "might start warfarin next month",
    "came off Eliquis in June",
    "stopped clopidogrel 2 days ago",
    "has been on apixaban since 2019",
    "cycle 3 of FOLFOX",
    "day 10 post FEC",
    "finished chemo last year",
    "her platelet count has dropped to 40",
    "platelets low, right now they're 45",
]
TOPICS = [
    "low back pain",
    "knee osteoarthritis",
    "neck pain",
    "migraine",
    "chemo nausea",
    "hot flashes",
    "cancer pain",
    "shoulder pain",
    "fibromyalgia",
    "upper back pain",
    "aromatase inhibitor joint pain",
]
ASKS = [
    "Which points and what protocol would you use?",
    "Does electroacupuncture help?",
    "Is acupuncture effective?",
    "Is it safe, and how many sessions?",
    "What does the evidence say, including ear acupuncture?",
]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    facts=st.lists(st.sampled_from(FACTS), min_size=1, max_size=3, unique=True),
    topic=st.sampled_from(TOPICS),
    asking=st.sampled_from(ASKS),
    audience=st.sampled_from(["clinician", "patient"]),
)
def test_no_excluded_point_outside_the_safety_box(
    facts: list[str], topic: str, asking: str, audience: str
) -> None:
    question = f"Patient {', '.join(facts)}, with {topic}. {asking}"
    answer = ask(question, audience=audience)
    assert answer.screen is not None
    assert violations(answer) == []
    # the JSON twin carries the same sections: check it too
    data = answer.as_dict()
    title = TITLES[audience]["safety"]
    outside = [s["text"] for s in data["sections"] if s["title"] != title]
    for code in answer.screen["excluded_points"]:
        assert all(f"{code}" not in _codes(t) for t in outside), code
    if answer.screen["decision"] == "refer":
        assert data["sections"][0]["title"] == title
    json.dumps(data)


def _codes(text: str) -> set[str]:
    """Atlas codes named in ``text``, read independently of acupath.answer.safety: every code of
    the atlas, its parts joined by nothing, a hyphen or a space ("EX-B2", "ex le5", "BL 23")."""
    upper = text.upper().replace("‑", "-")
    return {code for code, pattern in _ATLAS_PATTERNS if pattern.search(upper)}


def _atlas_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for code in sorted({p.code.upper() for p in all_points()}):
        body = "[- ]?".join(re.findall(r"[A-Z]+|\d+", code))
        out.append((code, re.compile(r"(?<![A-Z0-9-])" + body + r"(?![A-Z0-9])")))
    return out


_ATLAS_PATTERNS = _atlas_patterns()


def test_the_code_reader_sees_extra_and_ear_points() -> None:
    """The reader this property relies on must see every atlas code form (EX-B2 was missed)."""
    text = "Points: BL23 (Shenshu), EX-B2 (Jiaji), ex le5, AUR-SHENMEN; not ST3 in ST36."
    assert {"BL23", "EX-B2", "EX-LE5", "AUR-SHENMEN", "ST36"} <= _codes(text)
    assert "ST3" not in _codes(text.replace("not ST3 in ", ""))
