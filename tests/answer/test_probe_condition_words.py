"""Short forms and lay names of conditions, and post-operative wording (issue 10, red-team probe
F12): each wording selects the expected condition, and a body part named as the site of an
operation selects postoperative pain, not that joint's osteoarthritis."""

from __future__ import annotations

import pytest

from acupath.answer import ask


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("Does acupuncture help carpal tunnel?", "carpal_tunnel_syndrome"),
        ("my carpal tunnel is bad at night, would needles help", "carpal_tunnel_syndrome"),
        ("acupuncture for shingles pain?", "postherpetic_neuralgia"),
        ("I still have nerve pain after shingles, can acupuncture help", "postherpetic_neuralgia"),
        ("is acupuncture good for TMJ?", "temporomandibular_disorder"),
        ("my jaw aches and clicks, acupuncture?", "temporomandibular_disorder"),
        (
            "I grind my teeth and have a sore jaw. Would acupuncture help?",
            "temporomandibular_disorder",
        ),
        ("teeth grinding and acupuncture", "temporomandibular_disorder"),
        ("acupuncture for jaw pain", "temporomandibular_disorder"),
        ("acupuncture after wisdom teeth removal?", "dental_pain"),
        ("does acupuncture help tooth pain", "dental_pain"),
        ("acupuncture for LBP: what does the evidence say?", "chronic_low_back_pain"),
        ("chronic LBP acupuncture vs sham", "chronic_low_back_pain"),
        (
            "3 days after a hip replacement, can I use acupuncture for his post-op pain?",
            "postoperative_pain",
        ),
        ("Post-op day 2 after TKA, acupuncture for pain?", "postoperative_pain"),
        (
            "Post-op day 2 after total knee arthroplasty. Acupuncture for pain and nausea?",
            "postoperative_pain",
        ),
        ("can acupuncture help the pain after my knee op?", "postoperative_pain"),
        ("pain after my knee replacement, will acupuncture help", "postoperative_pain"),
        ("postop pain after a joint replacement: acupuncture?", "postoperative_pain"),
        ("trigger points in my trapezius: does dry needling work?", "myofascial_pain_syndrome"),
        ("arm swelling after lymph node removal, can acupuncture help?", "lymphoedema"),
        ("Dry needling of the upper trapezius: better than sham?", "myofascial_pain_syndrome"),
        ("acupuncture for diabetic neuropathy", "diabetic_peripheral_neuropathy"),
        ("my diabetic feet burn at night, acupuncture?", "diabetic_peripheral_neuropathy"),
    ],
)
def test_wording_selects_condition(question: str, condition: str) -> None:
    conditions = ask(question).as_dict()["understanding"]["conditions"]
    assert condition in conditions, (question, conditions)


@pytest.mark.parametrize(
    ("question", "not_condition"),
    [
        (
            "3 days after a hip replacement, can I use acupuncture for his post-op pain?",
            "hip_osteoarthritis",
        ),
        ("Post-op day 2 after total knee arthroplasty. Acupuncture?", "knee_osteoarthritis"),
        ("acupuncture for hip pain?", "postoperative_pain"),
        ("acupuncture for knee pain?", "postoperative_pain"),
        ("acupuncture for shoulder pain?", "postoperative_pain"),
        ("acupuncture for diabetic neuropathy", "chemotherapy_induced_peripheral_neuropathy"),
    ],
)
def test_wording_does_not_select(question: str, not_condition: str) -> None:
    conditions = ask(question).as_dict()["understanding"]["conditions"]
    assert not_condition not in conditions, (question, conditions)
