"""Wave 21 (issue 10), flags: red flags told as stories, capacity, blood cancers by their
abbreviations, in our own wordings (none is a benchmark question).

1. Jaw pain on chewing that makes the person stop, beside pain at the side of the head (giant
   cell arteritis told in lay words: the screen's jaw_claudication).
2. A headache pattern that has changed after 50 (a new kind, every morning, getting worse,
   with vomiting), even after years of ordinary headaches: new_headache_after_50.
3. Chest tightness or heaviness said as "a feeling in my chest", brought on by exertion or
   spreading to the left arm: cardiac_chest_pain, an emergency.
4. A family agreeing to acupuncture for a relative whose dementia leaves them not knowing where
   they are: the relative cannot consent (defer).
5. Blood cancers named by their abbreviations (CLL, AML, CML, NHL) are cancers: with neck or
   back pain, red_flag:history_of_cancer.
"""

from __future__ import annotations

import pytest

from acupath.answer import ask


def _screen(question: str) -> tuple[str | None, str | None, list[str]]:
    answer = ask(question)
    screen = answer.screen or {}
    applied = list((answer.patient_context or {}).get("applied", []))
    return screen.get("decision"), screen.get("urgency"), applied


# 1. jaw claudication told as a story ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My dad is 76. For ten days he's had an ache at the side of his head, and his jaw gets "
        "so sore halfway through his dinner that he has to stop eating. Acupuncture for his "
        "back still ok?",
        "I'm 69 and the side of my head has been throbbing this week; when I chew my jaw "
        "hurts and I have to stop and rest it. Can I have acupuncture for my knee?",
        "Gran, 80, says the sides of her head are sore and her jaw tires when she eats a "
        "sandwich so she stops. Is acupuncture ok for her hip?",
        "Since last week my mum (74) has pain on the side of her head and her jaw aches when "
        "she eats, she has to put her fork down. Acupuncture for her shoulder?",
        "My husband is 72 and his jaw starts aching after a few mouthfuls so he has to stop "
        "chewing and wait. He wants acupuncture for his neck, safe?",
    ],
)
def test_jaw_pain_that_stops_chewing_refers(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "red_flag:jaw_claudication" in applied
    assert decision == "refer"


@pytest.mark.parametrize(
    "question",
    [
        "My jaw clicks and aches when I chew gum so I have to stop; the dentist says it's "
        "TMJ. Can acupuncture help?",
        "I had a tooth out last week and my jaw hurts when I chew so I stop. Acupuncture for "
        "my back?",
        "I lay on the side of my head funny and my neck is stiff. Is acupuncture ok?",
    ],
)
def test_jaw_or_side_of_head_without_the_pattern_is_no_gca(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:jaw_claudication" not in applied


# 2. a changed headache pattern after 50 ---------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm 63 and I've had migraines all my life, but for the last month it's a different "
        "kind of headache, there when I wake up and getting worse every week. Acupuncture?",
        "Age 57. Always had the odd tension headache but since September they've changed: "
        "worse every morning and I've been sick with them twice. Can acupuncture help?",
        "My mum is 70. She's had headaches on and off for years but these last weeks it's a "
        "new type of headache, worse in the mornings and she's throwing up. Is acupuncture ok?",
        "I'm 61, headaches have come and gone for decades, but this past fortnight it's not "
        "like my usual ones: it wakes me every morning and keeps getting worse. Acupuncture?",
        "I am 66. My headaches used to be occasional, since a month ago they're a new sort, "
        "every morning, and I vomit. Should I try needles?",
    ],
)
def test_changed_headache_after_50_refers(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "red_flag:new_headache_after_50" in applied
    assert decision == "refer"


@pytest.mark.parametrize(
    "question",
    [
        "I'm 35 and my headaches have changed, a new kind every morning, and I vomit. Acupuncture?",
        "I'm 64 and I've had the same morning headaches for 20 years, nothing new. Can "
        "acupuncture help them?",
        "I'm 60 and I'm trying a new kind of pillow for my neck ache. Acupuncture ok?",
    ],
)
def test_no_changed_headache_after_50(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:new_headache_after_50" not in applied


# 3. exertional chest feeling, said as a feeling in the chest ------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "When I walk up the hill to the shops I get a heavy feeling in my chest that eases "
        "when I stop. Nobody has checked it. Acupuncture for my back this week?",
        "climbing stairs brings on a tight feeling in my chest and it goes when i sit down. "
        "can i still have acupuncture for my knee",
        "My dad gets a squeezing sensation in his chest when he hurries for the bus, it "
        "passes after a few minutes rest. Acupuncture for his shoulder ok?",
        "i get a pressing feeling in my chest going into my left arm when i carry the "
        "shopping. acupuncture for sciatica tomorrow?",
        "Any exertion and there's a heavy discomfort in my chest that spreads into my left "
        "arm, fine again once I rest. Can I have acupuncture for my neck?",
    ],
)
def test_exertional_chest_feeling_refers_now(question: str) -> None:
    decision, urgency, applied = _screen(question)
    assert "red_flag:cardiac_chest_pain" in applied
    assert (decision, urgency) == ("refer", "emergency")


@pytest.mark.parametrize(
    "question",
    [
        "I get a fluttery nervous feeling in my tummy before exams. Acupuncture for anxiety?",
        "Acupuncture on my chest gave me a warm feeling in my chest, is that normal?",
    ],
)
def test_no_cardiac_feeling(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:cardiac_chest_pain" not in applied


# 4. a family agreeing for a relative who does not know where they are ---------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Nan has dementia and most days doesn't know where she is. Her hip hurts and the "
        "family have all agreed she should have acupuncture. Is that ok?",
        "My father has Alzheimer's, he doesn't recognise any of us now. His back is sore; "
        "as a family we're happy for him to have acupuncture.",
        "my mum has advanced dementia and does not know where she is. her shoulder is stiff, "
        "the nursing home suggested acupuncture and we as a family consent",
        "Grandma has vascular dementia and doesn't know who we are anymore. Knee pain. We "
        "have agreed to acupuncture on her behalf, can it go ahead?",
        "My husband has Lewy body dementia and has no idea where he is most of the time. "
        "Neck pain. His children and I agree to acupuncture for him.",
    ],
)
def test_family_agreement_for_person_without_capacity_defers(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "cannot_consent:yes" in applied
    assert decision == "defer"


@pytest.mark.parametrize(
    "question",
    [
        "My mum has early dementia but knows her own mind; she wants acupuncture for her "
        "knee and we as a family agree.",
        "My dad had a knee replacement and we as a family agree he should try acupuncture "
        "for the pain. Is it safe?",
    ],
)
def test_family_agreement_alone_is_no_incapacity(question: str) -> None:
    _, _, applied = _screen(question)
    assert "cannot_consent:yes" not in applied


# 5. blood cancers by abbreviation ----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "68M, CLL on watch and wait, now low back pain for a month. Acupuncture?",
        "Pt with AML in remission, new thoracic back pain. Suitable for acupuncture?",
        "I have CML and take imatinib. My lower back has been sore. Is acupuncture ok?",
        "Hx NHL treated 2019, now neck pain. Any contraindication to acupuncture?",
        "My wife has CLL and her back has been aching for weeks. Can she have acupuncture?",
    ],
)
def test_blood_cancer_abbreviation_is_a_cancer(question: str) -> None:
    answer = ask(question)
    screen = answer.screen or {}
    rules = {f["rule"] for f in screen.get("findings", [])}
    applied = list((answer.patient_context or {}).get("applied", []))
    assert {"cancer:any", "cancer:history"} & set(applied)
    # the screen's back_pain_after_cancer, or the answer's thoracic flag beside a cancer
    assert "back_pain_after_cancer" in rules or "red_flag:thoracic_pain_with_cancer" in applied
    assert screen.get("decision") == "refer"


@pytest.mark.parametrize(
    "question",
    [
        "All my back is sore, all the time. Is acupuncture ok?",
        "My knee pain is 5 mm of cartilage loss. Acupuncture?",
    ],
)
def test_all_and_mm_as_words_are_no_cancer(question: str) -> None:
    _, _, applied = _screen(question)
    assert not [a for a in applied if "cancer" in a]


# 6. mild nerves about needles said not to be a fear ---------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "I'm a little anxious about needles but I wouldn't say I'm scared, blood tests are "
        "fine. Can acupuncture help my back?",
        "Slightly nervous about needles, not a phobia or anything. Is acupuncture good for "
        "my knee?",
        "My husband is worried about needles though he's not really afraid of them; he has "
        "his jabs with no fuss and no problem. Acupuncture for his shoulder?",
        "Not keen on needles if I'm honest, but no real fear, my vaccinations were fine. "
        "Will acupuncture help my migraines?",
        "I get a bit nervous about needles, not frightened exactly. Does acupuncture hurt for "
        "neck pain?",
    ],
)
def test_mild_nerves_said_not_a_fear_are_no_phobia(question: str) -> None:
    _, _, applied = _screen(question)
    assert "needle_phobia" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "I'm nervous about needles, not scared exactly, but I fainted at my last blood test. "
        "Acupuncture for my back?",
        "Really nervous about needles, I panic at injections. Can acupuncture help my knee?",
        "I'm terrified of needles. Acupuncture for my neck?",
    ],
)
def test_needle_fear_still_read(question: str) -> None:
    _, _, applied = _screen(question)
    assert "needle_phobia" in applied


# 7. dizziness, double vision or drop attacks with the head tipped back --------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Whenever I tilt my head back to put eye drops in I feel dizzy and see double. My neck "
        "aches. Is acupuncture ok?",
        "If I tip my head back at the hairdresser's basin the room spins and my vision goes "
        "double. Sore neck for months. Acupuncture?",
        "My mum gets dizzy and her legs give way when she puts her head back to reach the top "
        "shelf. She has neck pain. Can she have acupuncture?",
        "Looking up at the ceiling to paint it made me go dizzy and I saw double; my neck has "
        "been stiff since. Acupuncture for it?",
        "When he leans his head back in the shower he gets vertigo and once collapsed. His neck "
        "hurts. Is acupuncture safe?",
    ],
)
def test_symptoms_with_the_head_tipped_back_are_vascular_neck_symptoms(question: str) -> None:
    decision, _, applied = _screen(question)
    assert "red_flag:vascular_neck_symptoms" in applied
    assert decision == "refer"


@pytest.mark.parametrize(
    "question",
    [
        "I tip my head back to stretch my neck and it feels good. Is acupuncture good for neck "
        "pain?",
        "I feel dizzy when I stand up too fast. Can acupuncture help my low back?",
    ],
)
def test_head_back_without_symptoms_is_no_vascular_flag(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:vascular_neck_symptoms" not in applied


# 8. a fever and stiff neck dated in the past, said over in the next sentence --------------------


@pytest.mark.parametrize(
    "question",
    [
        "I had a fever of 38.8 and a stiff neck last week, the GP said a virus. I've been well "
        "for four days now. Can I restart acupuncture for my back?",
        "Two weeks ago she had a high temperature and a stiff neck with the flu. That all "
        "cleared up and she's back to normal. Acupuncture for her migraines?",
        "Last week I ran a temperature of 39 with a stiff neck. Fine for the past three days, "
        "no temperature. Acupuncture for my shoulder?",
        "He had a fever last week from a chest infection. It's gone now and he's been normal "
        "for several days. Can he have acupuncture for his knee?",
        "A few weeks ago I had a temperature and a stiff neck. It passed and I feel better now. "
        "Is acupuncture ok for my tension headaches?",
    ],
)
def test_fever_over_in_the_next_sentence_is_history(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:fever" not in applied
    assert "red_flag:neck_stiffness" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "I had a fever and a stiff neck last week. It went away but it's back again today. "
        "Acupuncture for my back?",
        "She had a temperature of 39 last week. It settled but she still has it on and off. "
        "Acupuncture for her hip?",
    ],
)
def test_fever_back_or_still_there_stays(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:fever" in applied


# 9. "even" is no osteoporosis treatment (the stem of the brand Evenity) -------------------------


@pytest.mark.parametrize(
    "question",
    [
        "My brother has seizures most weeks even on two epilepsy drugs, and he hurt his "
        "shoulder in one of the falls. Acupuncture?",
        "She is even more tired since she fell on the ice last month. Acupuncture for her wrist?",
        "I slipped and it's even worse now, my upper back hurts. Can acupuncture help?",
    ],
)
def test_even_is_no_osteoporosis_drug(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:minor_trauma_with_osteoporosis" not in applied


@pytest.mark.parametrize(
    "question",
    [
        "She has osteoporosis and slipped on the stairs yesterday, now her back hurts. "
        "Acupuncture?",
        "On Evenity injections for my bones; I stumbled off the kerb and my mid back aches. "
        "Acupuncture ok?",
    ],
)
def test_osteoporosis_with_a_fall_still_read(question: str) -> None:
    _, _, applied = _screen(question)
    assert "red_flag:minor_trauma_with_osteoporosis" in applied
