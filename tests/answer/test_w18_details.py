"""Wave 18 (held-out part 15 misses h15032, h15034, h15066, h15037, h15067, h15043, h15038,
h15040): an implanted port told by what it does or where it sits, radiotherapy in lay words,
medicines long stopped, the latest INR; each as a class, with wordings that must not trigger."""

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> list[str]:
    return sorted(extract(text).labels())


# -- an implanted port told by what it does or where it sits ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the thing in my chest they put the chemo through is sore. Neck pain, can I have needles?",
        "I've got a line under my collarbone for my treatment. Can I have acupuncture for nausea?",
        "there's a little bump under her left collarbone where the nurses hook up her chemo",
        "the device in his chest they run the infusions into every 3 weeks, is that a problem?",
        "They access the lump below my right clavicle for chemo each fortnight. Shoulder ache.",
        "I have a portacath and a sore back",
        "My port-a-cath was flushed last week, hip pain",
    ],
)  # fmt: skip
def test_port_told_by_what_it_does_or_where_it_sits(text: str) -> None:
    assert "device:port" in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have a port-wine stain on my neck. Neck pain, can I have acupuncture?",
        "a port wine birthmark on her arm; she wants acupuncture for her shoulder",
        "my phone's charging port broke and I've been hunched over the laptop: neck pain",
        "the USB port on my TENS machine is loose, can I still use it with acupuncture?",
        "There's a lump under my collarbone the GP wants to scan. Neck pain.",
        "I have a chest infection and they put me on antibiotics through a drip",
    ],
)  # fmt: skip
def test_no_port_in_other_ports_or_lumps(text: str) -> None:
    assert "device:port" not in _applied(text)


# -- radiotherapy in lay words, with its site ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I'm in week 3 of daily zaps to my left breast and my shoulder aches",
         "radiation:left_chest"),
        ("Mum is having zaps to her pelvis every weekday for womb cancer", "radiation:pelvis"),
        ("the beam treatment to my prostate starts Monday; can I have acupuncture?",
         "radiation:pelvis"),
        ("two weeks into radium treatment for my prostate, back is sore", "radiation:pelvis"),
        ("halfway through my burning sessions on the chest for lung cancer", "radiation:chest"),
        ("he's been getting zapped on his neck every day for throat cancer", "radiation:neck"),
    ],
)  # fmt: skip
def test_radiotherapy_in_lay_words(text: str, label: str) -> None:
    assert label in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "my ICD zaps to reset my heart if it goes wrong; knee pain",
        "the TENS machine zaps my back, can I use it with acupuncture?",
        "I got zapped by the electric fence at the farm, now my hand tingles",
        "beam exercises at gymnastics hurt my ankle",
        "the laser zaps on my legs for hair removal left red marks; can I have acupuncture?",
        "my back gets zapped by static every day at work",
        "Those daily zaps of pain in my lower back are getting worse",
    ],
)  # fmt: skip
def test_no_radiotherapy_in_other_zaps(text: str) -> None:
    assert not any(lab.startswith(("radiation:", "treatment:radiotherapy")) for lab in
                   _applied(text))  # fmt: skip


# -- a medicine long stopped is not current --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I was on apixaban but my GP took me off it last year. Knee pain.", "class:anticoagulant"),
        ("He took clopidogrel after his stent, but the cardiologist took him off it in 2021",
         "class:antiplatelet"),
        ("Had a PE in 2016 and did 3 months of apixaban then, nothing since.",
         "class:anticoagulant"),
        ("took ticagrelor for a year after the heart attack in 2018, none since",
         "class:antiplatelet"),
        ("Did six months of Xarelto after my clot years ago and nothing since then.",
         "class:anticoagulant"),
        ("Do you need to know about my old warfarin? I came off it years ago.",
         "class:anticoagulant"),
        ("does my previous clopidogrel matter for acupuncture? hip pain", "class:antiplatelet"),
        ("My former blood thinner was Eliquis; does it matter now?", "class:anticoagulant"),
    ],
)  # fmt: skip
def test_medicine_long_stopped_is_not_current(text: str, label: str) -> None:
    assert label not in _applied(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I've been on apixaban since my PE and nothing else since. Knee pain.",
         "class:anticoagulant"),
        ("I was on aspirin but my GP took me off it and put me on clopidogrel",
         "class:antiplatelet"),
        ("still on the same old warfarin, INR is fine", "class:anticoagulant"),
        ("I take rivaroxaban, nothing since the op has changed", "class:anticoagulant"),
        ("took me off aspirin, and I've been on apixaban since", "class:anticoagulant"),
        ("Pt is an 85 year old warfarin user with knee OA", "class:anticoagulant"),
        ("My previous GP put me on clopidogrel after the TIA", "class:antiplatelet"),
    ],
)  # fmt: skip
def test_medicine_still_taken_stays_current(text: str, label: str) -> None:
    assert label in _applied(text)


# -- a chemotherapy ended in a past season ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Finished chemo in the spring. The numb feet from the chemo haven't gone.",
        "my chemo ended in the summer but the neuropathy from the chemo is still there",
        "completed chemotherapy last spring; tingling hands since the chemotherapy",
        "Chemo was all done in the spring for breast cancer; the chemo brain lingers",
    ],
)  # fmt: skip
def test_chemotherapy_ended_in_a_past_season_is_not_current(text: str) -> None:
    assert "treatment:chemotherapy" not in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "Finished chemo in the autumn; the tingling from the chemo is bad",
        "I'm still on chemo since the spring, numb feet from the chemo",
        "Started chemo in the spring and I'm having my next cycle on Monday",
    ],
)  # fmt: skip
def test_chemotherapy_recent_or_going_on_stays(text: str) -> None:
    assert "treatment:chemotherapy" in _applied(text)


# -- several dated values of one lab: the one dated nearest today decides ----------------------


@pytest.mark.parametrize(
    ("text", "label", "not_label"),
    [
        ("Last month my INR shot up to 4.1 on warfarin, but they lowered the dose and it was 2.6 "
         "on Tuesday.", "inr:2.6", "inr:4.1"),
        ("INR went to 4.5 three weeks ago, after a dose change it was 2.4 yesterday",
         "inr:2.4", "inr:4.5"),
        ("Her INR was 5.2 a month ago on warfarin and they cut the dose, it was 2.8 on Friday",
         "inr:2.8", "inr:5.2"),
        ("My INR was 2.5 on Monday but 3.9 last month", "inr:2.5", "inr:3.9"),
        ("platelets were 40 three weeks ago and 160 yesterday after the transfusion",
         "platelets:160", "platelets:40"),
    ],
)  # fmt: skip
def test_latest_dated_value_decides(text: str, label: str, not_label: str) -> None:
    labels = _applied(text)
    assert label in labels and not_label not in labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the order unclear: the most cautious value stays
        ("My INR was 4.1 on warfarin and it was 2.6 on Tuesday", "inr:4.1"),
        ("INR 3.8 last week, 2.2 at some point before that", "inr:3.8"),
    ],
)  # fmt: skip
def test_undated_or_unclear_series_keeps_the_cautious_value(text: str, label: str) -> None:
    assert label in _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I have a lump in my chest and I'm on chemo for it",
        "the lump under my collarbone turned out to be lymphoma, chemo starts Monday",
    ],
)
def test_a_lump_beside_chemotherapy_is_no_port(text: str) -> None:
    assert "device:port" not in _applied(text)
