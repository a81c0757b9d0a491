"""Wave 11 (details): devices said in everyday words, misspelt anticoagulants and antiplatelets.

Each behaviour has several phrasings, and wordings that must not trigger it."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract

_NEURO, _PICC = "neurostimulator", "picc_line"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a pacemaker by what it does and where it sits
        ("He has a heart box fitted under his collarbone to keep his beat regular", "pacemaker"),
        ("a little box in my chest that keeps my heart beating steadily", "pacemaker"),
        ("Mum had a device put in to keep her heart rate from dropping too low", "pacemaker"),
        ("I've got a battery thing implanted that paces my heart", "pacemaker"),
        ("a gadget under the skin of my chest that regulates my heartbeat", "pacemaker"),
        # an ICD: a device inside that shocks the heart
        ("I have the thing in my chest that shocks my heart if it goes wrong", "icd"),
        ("a device fitted in his chest that shocks his heart back into rhythm", "icd"),
        ("she has an implanted gadget that will zap her heart if it stops", "icd"),
        ("the box under my collarbone that gives my heart a shock if the rhythm goes", "icd"),
        ("the defib one they put in my chest", "icd"),
        # a spinal cord or nerve stimulator
        ("a gadget put in my back with wires to the spine that buzzes to block the pain", _NEURO),
        (
            "a device implanted near my spine that sends electrical pulses for my nerve pain",
            _NEURO,
        ),
        ("they fitted a battery in my buttock with leads to my spinal cord for the pain", _NEURO),
        ("an implant with wires in my spine that zaps the pain signals", _NEURO),
        ("a box under the skin of my back with electrodes along the spine", _NEURO),
        # a PICC line: a line in the arm that runs to the heart
        (
            "a line in my arm that runs up to my heart for the chemo (the nurses flush it weekly)",
            _PICC,
        ),
        ("she has a long line in her arm going to her heart for antibiotics", _PICC),
        ("a tube in my upper arm that goes into a big vein near my heart", _PICC),
        ("a line in his arm for chemo that the district nurse flushes every week", _PICC),
        ("I've got a catheter in my arm threaded up to the heart", _PICC),
        # a central line in the chest or neck is read as a port, as patient.yaml reads one
        ("a line in my chest going into a big vein for my chemo", "port"),
        ("she has a tube in her neck that the nurses flush for dialysis", "port"),
    ],
)
def test_device_said_in_everyday_words(text: str, label: str) -> None:
    assert f"device:{label}" in extract(text).labels()


@pytest.mark.parametrize(
    "text",
    [
        "my heart beat is irregular, is that a problem?",
        "I keep a box of tablets for my heart in my bag",
        "I had an ECG with wires on my chest last week",
        "my TENS machine has wires on my back and buzzes to block the pain",
        "he wears a heart monitor box for 24 hours",
        "the AED at the gym shocks a person's heart if it stops",
        "an IV line in my arm for antibiotics in hospital",
        "a drip in my arm for fluids",
        "the pain in my chest shocks me sometimes",
        "there's a line on my arm from a scratch",
        "I do not have a device in my chest that shocks my heart",
        "The nurse flushed my ears last week",
    ],
)
def test_everyday_words_that_are_no_device(text: str) -> None:
    assert not {x for x in extract(text).labels() if x.startswith("device:")}, text


@pytest.mark.parametrize(
    ("word", "drug"),
    [
        ("Xeralto", "rivaroxaban"),
        ("Xaralto", "rivaroxaban"),
        ("Plavicks", "clopidogrel"),
        ("Clexan", "enoxaparin"),
        ("Eloquis", "apixaban"),
        ("rivaroxiban", "rivaroxaban"),
        ("warferin", "warfarin"),
        ("Brillinta", "ticagrelor"),
        ("prasugral", "prasugrel"),
        ("edoxiban", "edoxaban"),
    ],
)
def test_misspelt_anticoagulant_or_antiplatelet(word: str, drug: str) -> None:
    text = f"I take {word} every day, can I have acupuncture?"
    assert f"medicine:{drug}" in extract(text).labels()


@pytest.mark.parametrize(
    "text",
    [
        "I was relaxed after the session",
        "my neighbour recommended it",
        "I feel totally fine now after the holiday",
        "my shoulder is locked and sore",
        "she takes pilates classes twice a week",
        "a physio looked at my hip",
    ],
)
def test_ordinary_words_are_no_medicine(text: str) -> None:
    assert not {x for x in extract(text).labels() if x.startswith("medicine:")}, text


@pytest.mark.parametrize(
    ("text", "inr"),
    [
        ("He is on Coumadin, the finger test at pharmacy said 4 point 8 this morning", "4.8"),
        ("I'm on warfarin and my finger prick test was 3.9 yesterday", "3.9"),
        ("on warfarin, clotting test came back at 5.2", "5.2"),
        ("Marevan user; fingerstick check this morning read 2.4", "2.4"),
        ("my INR was checked and it came back 3 point 2", "3.2"),
    ],
)
def test_inr_as_patients_report_it(text: str, inr: str) -> None:
    assert f"inr:{inr}" in extract(text).labels()


@pytest.mark.parametrize(
    "text",
    [
        "on warfarin, finger prick test for my sugar was 6.1",
        "I had a finger prick test, it was 6.1",  # no warfarin: a glucose as likely
        "on warfarin; the blood test for cholesterol said 5.5",
        "the finger test at the pharmacy said 4 point 8",
        "on apixaban, finger prick test was 7.2",
    ],
)
def test_a_test_number_that_is_no_inr(text: str) -> None:
    assert not {x for x in extract(text).labels() if x.startswith("inr:")}, text


def _ages(text: str) -> set[str]:
    return {x for x in extract(text).labels() if x.startswith(("age:", "age_band:"))}


@pytest.mark.parametrize(
    ("text", "past", "now"),
    [
        ("a nosebleed once when i was 12 years old. now 29 with carpal tunnel", "12", "29"),
        ("I broke my arm when I was 9, I'm 35 now", "9", "35"),
        ("she had glandular fever when she was 15 years old; she is 40", "15", "40"),
        ("when he was 11 he had asthma, he is 52 now", "11", "52"),
        ("Back when I was 7 years old I had my tonsils out. I'm 61.", "7", "61"),
    ],
)
def test_an_age_when_i_was_is_a_past_age(text: str, past: str, now: str) -> None:
    ages = _ages(text)
    assert f"age:{past}" not in ages and f"age:{now}" in ages, ages


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("VP shunt for hydrocephalus since infancy, now 24. Chronic headache", "24"),
        ("Asthma since childhood, now 33 and wheezy", "33"),
        ("Migraines since my teens, now 41.", "41"),
        ("Scoliosis since I was a teen, now 27", "27"),
        ("eczema as a baby, now 19. Can I have acupuncture?", "19"),
    ],
)
def test_now_and_an_age_after_a_comma(text: str, age: str) -> None:
    assert f"age:{age}" in _ages(text)


@pytest.mark.parametrize(
    "text",
    [
        "I used to walk 60 minutes a day, now 20. Is that the pain?",
        "platelets were 150 in May, now 40. Safe?",
        "pain was 8 out of 10, now 4.",
        "I was doing 30 push ups, now 15 with the shoulder",
        "Blood pressure 150 last month, now 135",
    ],
)
def test_now_and_a_measure_after_a_comma_is_no_age(text: str) -> None:
    assert not {x for x in _ages(text) if x.startswith("age:")}, text


@pytest.mark.parametrize(
    "text",
    [
        "My boy is in Year 11 doing his GCSEs and has migraines",
        "my daughter is in year 10 and gets period pain",
        "my son is in 10th grade and has back pain from sports",
        "She's a 9th grader with tension headaches",
        "my son is revising for his GCSEs and gets headaches",
        "he is in Year 12 at sixth form",
    ],
)
def test_school_years_of_a_teenager(text: str) -> None:
    assert "age_band:adolescent" in _ages(text)


@pytest.mark.parametrize(
    "text",
    [
        "I teach Year 11 and my back hurts from marking",
        "year 2 of my PhD and my neck is stiff",
        "I failed my GCSEs years ago, I'm 45 now",
        "in the 11th hour I got a cancellation",
        "I've had back pain since high school",
    ],
)
def test_school_words_of_an_adult_are_no_teenager(text: str) -> None:
    assert "age_band:adolescent" not in _ages(text)


def test_high_school_now_or_then() -> None:
    assert "age_band:adolescent" in _ages("my son is in high school and plays rugby")
    assert "age_band:adolescent" in _ages("she's in high school and has period pain")
    assert "age_band:adolescent" not in _ages("my back pain started in high school, I'm 38")


@pytest.mark.parametrize(
    "text",
    [
        "Was 5 months pregnant last year but had the baby in June and I'm not breastfeeding",
        "I was 30 weeks pregnant when my back went, but I had the baby in March",
        "She was pregnant and then gave birth in May; now neck pain",
        "I was 7 months pregnant in 2023",
        "I was pregnant with twins two years ago, now hip pain",
    ],
)
def test_a_pregnancy_that_has_ended(text: str) -> None:
    assert "pregnant" not in extract(text).labels(), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm 5 months pregnant with neck pain",
        "I was told I'm pregnant last week, 8 weeks now",
        "She is 30 weeks pregnant and was pregnant last year too",
        "I was pregnant when the back pain started and I still am, 20 weeks",
        "I am pregnant again, I lost a baby last year",
    ],
)
def test_a_pregnancy_now(text: str) -> None:
    assert "pregnant" in extract(text).labels(), text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # probe 10: the INR as "the finger prick" or "his number" beside warfarin
        ("coumadine since my valve op, the clinic finger prick said 3.9 this morning", "inr:3.9"),
        ("MY DAD IS ON WARFARIN AND THE NURSE SAID HIS NUMBER WAS FOUR POINT TWO", "inr:4.2"),
        ("on warfarin, my numbers were 3.4 last week", "inr:3.4"),
        ("she takes warfarin and her finger prick was 2.1", "inr:2.1"),
        # French lab reports: plaquettes, PNN (polynucléaires neutrophiles), G/L = 10^9/L
        ("Labs (Lyon): plaquettes 62 G/L, PNN 2,4 G/L. Lombalgie chronique.", "platelets:62"),
        ("Labs (Lyon): plaquettes 62 G/L, PNN 2,4 G/L. Lombalgie chronique.", "anc:2.4"),
        ("bilan: plaquettes: 45 G/L", "platelets:45"),
    ],
)
def test_lab_values_said_other_ways(text: str, label: str) -> None:
    assert label in extract(text).labels()


@pytest.mark.parametrize(
    "text",
    [
        "on warfarin, the number of sessions was 6",
        "his number was 07700 900123, call him",
        "on warfarin; my phone number is 555",
        "my finger prick was 6.1 for my sugar",
    ],
)
def test_numbers_beside_warfarin_that_are_no_inr(text: str) -> None:
    assert not {x for x in extract(text).labels() if x.startswith("inr:")}, text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("My grandson has a bionic ear on the right side", "cochlear_implant"),
        ("she has bionic ears since meningitis", "cochlear_implant"),
        ("has a tube draining from the brain down to the abdomen", "vp_shunt"),
        ("a tube from my head to my tummy to drain the fluid", "vp_shunt"),
        ("a drain from his brain into his belly for hydrocephalus", "vp_shunt"),
        ("programmable valve behind the right ear for hydrocephalus", "vp_shunt"),
    ],
)
def test_more_devices_in_everyday_words(text: str, label: str) -> None:
    assert f"device:{label}" in extract(text).labels()


@pytest.mark.parametrize(
    "text",
    [
        "a feeding tube into my tummy after the stroke",
        "they drained fluid from my knee",
        "my brain feels foggy and my tummy hurts",
        "a valve replacement in my heart",
    ],
)
def test_tubes_that_are_no_shunt(text: str) -> None:
    assert "device:vp_shunt" not in extract(text).labels(), text


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("My brother is a factor 8 boy (haemophilia A), 24 now, and his ankles ache", "24"),
        ("Diabetic since childhood, 38 now, with a sore shoulder", "38"),
        (
            "Had a whiplash car crash in 2014, fully recovered then. Now at 44 my neck is stiff",
            "44",
        ),
        ("now at 67 I get stiff knees", "67"),
    ],
)
def test_more_ages_with_now(text: str, age: str) -> None:
    assert f"age:{age}" in _ages(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm now at 30 weeks and my back aches",
        "platelets were 150, 90 now, is that ok",
        "the pain was 9, now at 40 percent less",
        "I walk 5 km a day, 10 now",
    ],
)
def test_numbers_with_now_that_are_no_age(text: str) -> None:
    assert not {x for x in _ages(text) if x.startswith("age:")}, text


@pytest.mark.parametrize(
    "text",
    [
        "Baby is due on 20 March 2027 and my sciatica is unbearable",
        "my baby is due in May, back pain",
        "the baby's due next month",
    ],
)
def test_baby_is_due(text: str) -> None:
    assert "pregnant" in extract(text).labels()


def test_a_baby_due_for_something_else() -> None:
    assert "pregnant" not in extract("the baby is due for her jabs next week").labels()
