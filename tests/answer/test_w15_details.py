"""Wave 15 (held-out part 12 misses h12014, h12203, h12205, h12010, h12011, h12130): a vitamin K
antagonist told by its nickname or by how it is monitored, drug and lab names split by voice
typing, and weeks of a pregnancy told beside maternity leave or a last period; each as a class,
with wordings that must not trigger."""

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> list[str]:
    return sorted(extract(text).labels())


@pytest.mark.parametrize(
    "text",
    [
        "Dad takes his 'rat poison' tablets for his heart rhythm",
        "mum is on rat poison pills for her clots",
        "he has the yellow book ones where they check his blood every few weeks",
        "I take the tablets with the yellow INR book for my valve",
        "my tablets are checked at the anticoagulation clinic every month",
        "she goes to the warfarin clinic every few weeks",
        "my blood gets checked every few weeks for my thinner",
        "my doctor has me on war far in for my heart",
    ],
)
def test_vitamin_k_antagonist_told_by_nickname_or_monitoring(text: str) -> None:
    assert "class:anticoagulant" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "our dog ate some rat poison last year, I'm fine, neck pain",
        "I read the CDC yellow book before travelling",
        "a yellow notebook for my pain diary",
        "I go to the diabetes clinic every few weeks",
        "the paint thinner smell gives me headaches",
        "there was a war far in the past",
    ],
)
def test_no_anticoagulant_from_ordinary_words(text: str) -> None:
    assert "class:anticoagulant" not in _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Dad takes his 'rat poison' tablets - the yellow-book ones where they check his "
            "blood every few weeks. Last reading was 2.4.",
            "inr:2.4",
        ),
        ("on the yellow book tablets, latest reading 3.1", "inr:3.1"),
        ("anticoagulant clinic said my last result was 2.8", "inr:2.8"),
        ("my I N R was three point two yesterday", "inr:3.2"),
    ],
)
def test_reading_beside_monitored_thinner_is_inr(text: str, label: str) -> None:
    assert label in _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("my doctor has me on a pixel band for my a fib", "class:anticoagulant"),
        ("I take prad axa twice a day", "class:anticoagulant"),
        ("he is on zarelto for his clots", "class:anticoagulant"),
        ("she takes war far in every evening", "class:anticoagulant"),
        ("my plate lets are forty five thousand per micro litre", "platelets:45"),
        ("the hospital said her plate let count was 60", "platelets:60"),
        ("my neutral fills are 0.8", "anc:0.8"),
    ],
)
def test_voice_typed_split_names(text: str, label: str) -> None:
    assert label in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I bought a pixel phone and a band for my watch",
        "the plate lets the light through",
        "war is far in the past for my grandad",
        "she is in a neutral mood",
        "I lost a pixel in my band photo",
    ],
)
def test_no_medicine_or_lab_from_ordinary_word_runs(text: str) -> None:
    labels = _applied(text)
    assert not any(x.startswith(("class:", "medicine:", "platelets", "anc")) for x in labels)


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("im on maternity leave from next week, 34 wks, sciatic pain", "weeks:34"),
        ("starting maternity leave soon, 36 weeks now", "weeks:36"),
        ("saw the midwife today, 28 weeks, back pain", "weeks:28"),
        ("my bump is getting big, 31 wks", "weeks:31"),
        ("LMP 6 weeks ago, hCG positive in clinic today", "weeks:6"),
        ("last menstrual period was 8 weeks ago and the pregnancy test is positive", "weeks:8"),
    ],
)
def test_weeks_beside_pregnancy_words_are_gestation(text: str, weeks: str) -> None:
    labels = _applied(text)
    assert weeks in labels and "pregnant" in labels


@pytest.mark.parametrize(
    "text",
    [
        "I'm 39 weeks... of training for a marathon haha. Shin and heel pain.",
        "I'm 20 weeks... into rehab after my knee op",
        "she is 12 weeks - of physio - and still sore",
        "back from maternity leave, my baby is 30 weeks old",
        "my last period was 5 weeks ago, not pregnant, test negative",
    ],
)
def test_weeks_that_are_no_pregnancy(text: str) -> None:
    assert "pregnant" not in _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Results on the app: 'Prothrombin time INR 1.1 (0.8-1.2)'. Not on thinners.", "inr:1.1"),
        ("Platelets 45 (150-400) on today's FBC", "platelets:45"),
        ("on warfarin, INR 3.6 (ref 2.0-3.0)", "inr:3.6"),
        ("neutrophils 0.9 (normal 2.0 - 7.5)", "anc:0.9"),
        ("plt 88 [150-450]", "platelets:88"),
        # a later value in brackets is a reading, not a range
        ("platelets 120 (was 60 last week)", "platelets:120"),
    ],
)
def test_reference_range_after_a_value_is_no_reading(text: str, label: str) -> None:
    assert label in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "My daughter is 14 and hears with an implant behind her right ear (the magnet bit).",
        "he has an implant in his head that lets him hear",
        "she hears through a device with a magnet behind her left ear",
        "the implant behind my ear helps me hear again after going deaf",
        "my son was born deaf and has implants on both sides of his head to hear, with magnets",
    ],
)
def test_cochlear_implant_told_by_what_it_does(text: str) -> None:
    assert "device:cochlear_implant" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "she wears a hearing aid behind her left ear",
        "a device in my ear to hear the tv better",
        "I have breast implants and can hear fine",
        "magnets on my fridge, can't hear the radio",
    ],
)
def test_no_cochlear_implant_from_hearing_aids(text: str) -> None:
    assert "device:cochlear_implant" not in _applied(text)


@pytest.mark.parametrize(
    ("text", "device"),
    [
        (
            "I had a pacemaker fitted for a while after heart surgery but they took it out in "
            "2022 - no wires left.",
            "device:pacemaker",
        ),
        (
            "Cochlear implant candidate - assessment only, NOT implanted yet.",
            "device:cochlear_implant",
        ),
        ("awaiting a pacemaker, neck pain", "device:pacemaker"),
        ("he is on the waiting list for a spinal cord stimulator", "device:neurostimulator"),
        ("she is being assessed for a cochlear implant next year", "device:cochlear_implant"),
    ],
)
def test_device_removed_or_not_yet_fitted_is_not_applied(text: str, device: str) -> None:
    assert device not in _applied(text)


@pytest.mark.parametrize(
    ("text", "device"),
    [
        ("I have a pacemaker and am a candidate for an ICD", "device:pacemaker"),
        ("my pacemaker is not due to be changed yet", "device:pacemaker"),
        ("cochlear implant fitted last year, no problems", "device:cochlear_implant"),
        ("pacemaker fitted after heart surgery, works well", "device:pacemaker"),
        ("my ICD was replaced after the old one was taken out", "device:icd"),
    ],
)
def test_device_in_the_body_stays(text: str, device: str) -> None:
    assert device in _applied(text)
