"""Wave 18 (issue 10), flags: misses of held-out part 15 read as classes, in our own wordings
(none is a benchmark question).

1. The FAST signs read by parts: a face word with a sign word ("his smile has gone crooked",
   "one side of her mouth keeps sagging") and a speech word with a sign word ("her words are
   coming out muddled", "he's talking gibberish"), in any tense. With an onset said, or face
   and speech together, a suspected stroke (emergency); an old stroke, a palsy, the dentist,
   a denial or an evidence question is not.
2. A headache new in the person's life, said by contrast with the past ("never had headaches
   until", "first time in my life", "not a headache person but lately"), after 50, is a new
   headache after 50; under 50, or the contrast dated long ago, it is not.
3. Injecting said of the person with no drug named ("still injecting", "I inject") is
   injecting drug use, unless insulin, a prescription, a named prescribed injectable or a job
   is said.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _applied(question: str) -> list[str]:
    return list((ask(question).patient_context or {}).get("applied", []))


# 1. FAST signs by parts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Mum's smile has gone crooked since breakfast and her speech sounds thick. She has "
        "acupuncture for her hip at 4, should she go?",
        "My husband's mouth keeps sagging on the left and he's talking gibberish, started an "
        "hour ago. Acupuncture for his back tonight?",
        "One side of my wife's face looks uneven since this morning and her words aren't making "
        "sense. Do we keep the needling appointment?",
        "Grandad's face has fallen on one side and his speech is all muddled. Should he still "
        "have his knee acupuncture?",
        "Suddenly my lip feels numb and twisted and my words keep coming out wrong. I have "
        "acupuncture booked for my neck later.",
        "Her eye and mouth have drooped since we got home and she's speaking nonsense. "
        "Acupuncture tomorrow?",
    ],
)
def test_fast_signs_read_by_parts_are_a_suspected_stroke(question: str) -> None:
    assert "red_flag:suspected_stroke" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "Since his stroke in 2019 Dad's face has been lopsided and his speech slurred. Can "
        "acupuncture help his shoulder?",
        "My face has drooped on one side since Bell's palsy last spring and my words come out "
        "a bit funny. Acupuncture for the palsy?",
        "After the dentist my lip felt numb and lopsided for a few hours, all fine now. "
        "Acupuncture for my jaw?",
        "Her face is not drooping and her speech is not slurred, she just has a sore back. "
        "Acupuncture?",
        "Is there evidence that acupuncture helps when speech is slurred and the face droops "
        "after a stroke?",
        "I used the wrong words in my email to the clinic, sorry. Can I book neck acupuncture?",
    ],
)
def test_old_denied_or_general_fast_words_are_no_suspected_stroke(question: str) -> None:
    assert "red_flag:suspected_stroke" not in _applied(question)


# 2. a headache new in the person's life ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm 63 and I've never had headaches until this autumn, now it's nearly every day. "
        "Acupuncture?",
        "Aged 71, this is the first time in my life I've had headaches and they've been going "
        "on for 3 weeks. Can needles help?",
        "I'm 55 and only started getting headaches this year. Would acupuncture be worth it?",
        "I'm 60 and not a headache person, but lately I get them most mornings. Acupuncture?",
        "My dad is 78 and never suffered from headaches before, but now he gets them daily. "
        "Acupuncture for him?",
        "I'm 52 and have never been one for headaches, but the last month they've been constant. "
        "Acupuncture?",
    ],
)
def test_headache_new_in_life_after_50_is_the_new_headache_flag(question: str) -> None:
    assert "red_flag:new_headache_after_50" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm 34 and never had headaches until this year, now they're weekly. Acupuncture?",
        "I'm 58 and I've never had headaches, just a stiff knee. Acupuncture?",
        "I'm 61 and never had a headache from acupuncture before. Is that normal?",
    ],
)
def test_headache_contrast_young_or_long_ago_is_no_new_headache(question: str) -> None:
    assert "red_flag:new_headache_after_50" not in _applied(question)


# 3. injecting with no drug named -----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My lower back is killing me and I've got sweats. I'm injecting again since summer. "
        "Acupuncture?",
        "I inject most days and now my neck is stiff and painful. Can I have acupuncture?",
        "Back pain and fever. To be honest my injecting has got worse lately. Needles ok?",
        "He's still injecting and now has a really sore back. Should he see the acupuncturist?",
        "Been injecting for a few months, back pain for a week. Walk-in acupuncture ok?",
    ],
)
def test_injecting_with_no_drug_named_is_iv_drug_use(question: str) -> None:
    assert "red_flag:iv_drug_use" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm still injecting my insulin four times a day. Back pain, acupuncture?",
        "I inject adalimumab every fortnight for Crohn's. Acupuncture for my back?",
        "I'm a practice nurse and I inject patients all day; my shoulder aches. Acupuncture?",
        "I inject my B12 myself now, the GP showed me. Knee pain, acupuncture?",
        "Still injecting the fertility drugs this cycle. Is acupuncture safe?",
        "I stopped injecting my methotrexate in spring. Back pain now, acupuncture?",
    ],
)
def test_injecting_a_prescribed_drug_or_at_work_is_no_iv_drug_use(question: str) -> None:
    assert "red_flag:iv_drug_use" not in _applied(question)


# 4. "off" in an idiom denies nothing (h15021: "to top it off ... a temperature of 38.9") --------


@pytest.mark.parametrize(
    "question",
    [
        "Busy term, and to top it all off I've had a temperature of 39 since Tuesday and my knee "
        "is hot and swollen. Acupuncture Monday?",
        "I've been off sick since Sunday with a fever and a painful red elbow. Keep my booking?",
        "The week kicked off with a fever of 38.6 and now my back aches. Acupuncture?",
        "First off, I've had a temperature of 38.8 for two days. My wrist is hot. Acupuncture?",
        "I was off work yesterday with a high temperature and my ankle is swollen. Needles ok?",
    ],
)
def test_off_in_an_idiom_does_not_deny_the_fever(question: str) -> None:
    assert "red_flag:fever" in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm off warfarin now, stopped in May. Acupuncture for my knee?",
        "Came off the blood thinners last year. Back pain now, acupuncture?",
    ],
)
def test_off_a_medicine_still_stops_it(question: str) -> None:
    applied = _applied(question)
    assert "class:anticoagulant" not in applied and "medicine:warfarin" not in applied


# 5. a needle fear of the past, needled since with no trouble (h15046) ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I was scared stiff of needles as a child, but I had acupuncture for my neck last year "
        "without any problem. Can I have it for my back?",
        "Needle-phobic when I was young; I've had several rounds of dry needling at physio with "
        "no issues. Acupuncture for plantar fasciitis?",
        "Used to be terrified of needles but had my covid jabs and a blood test this spring no "
        "bother at all. Acupuncture for my hip?",
        "Growing up I was petrified of needles, though I've had dry needling three times since "
        "with no trouble. Would acupuncture be similar?",
        "As a teenager I was frightened of needles, and I've had acupuncture twice this winter "
        "and it was fine. Knee pain, more sessions?",
    ],
)
def test_needle_fear_of_the_past_needled_since_is_no_phobia(question: str) -> None:
    assert "needle_phobia" not in " ".join(_applied(question))


@pytest.mark.parametrize(
    "question",
    [
        "As a kid I was terrified of needles and I still am; I had dry needling once and "
        "fainted. Acupuncture?",
        "I've always been terrified of needles. Had dry needling last month and had a panic "
        "attack. Acupuncture for my back?",
    ],
)
def test_needle_fear_still_there_stays(question: str) -> None:
    assert "needle_phobia" in " ".join(_applied(question))


def test_a_numb_lip_alone_with_an_onset_is_no_suspected_stroke() -> None:
    question = "Since yesterday my lip has been numb where I bit it. Acupuncture for my jaw?"
    assert "red_flag:suspected_stroke" not in _applied(question)


@pytest.mark.parametrize(
    "question",
    [
        "I'm 60 and I don't get headaches, but lately my knee has been sore. Acupuncture?",
        "I'm 67, no headaches or fever, but recently my lower back aches. Needles ok?",
    ],
)
def test_no_headache_beside_another_new_complaint_is_no_new_headache(question: str) -> None:
    assert "red_flag:new_headache_after_50" not in _applied(question)
