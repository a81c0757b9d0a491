"""Wave 14 (tuning probe 11 misses p11042, p11044, p11049, p11050, p11013, p11025): devices told
by what they do and where they are, the INR as "today's reading" beside warfarin, and a pregnancy
told by its scans; each as a class, with wordings that must not trigger."""

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> list[str]:
    return sorted(extract(text).labels())


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "I've got the box under my left collarbone that shocks my heart back if it goes into "
            "a bad rhythm.",
            "device:icd",
        ),
        (
            "there's a device below my right collar bone that restarts my heart if it stops",
            "device:icd",
        ),
        (
            "mum has a gadget beneath her left clavicle that zaps her heart when it goes wrong",
            "device:icd",
        ),
        (
            "he has a box under his left collarbone that keeps his heart beating regularly",
            "device:pacemaker",
        ),
        ("a little unit fitted below my collarbone paces my heart", "device:pacemaker"),
        (
            "wears a pump on his belt that gives him insulin through a little tube",
            "device:insulin_pump",
        ),
        ("she has a pump clipped to her jeans that delivers her insulin", "device:insulin_pump"),
        ("my insulin comes from a pump stuck on my tummy", "device:insulin_pump"),
        ("I'm type 1 and use a pump for my insulin", "device:insulin_pump"),
        ("he has his insulin through a pump with a cannula in his side", "device:insulin_pump"),
        (
            "the nurse put a long line in my left arm for my treatment, it stays in for weeks",
            "device:picc_line",
        ),
        ("I have a line in my right upper arm that stays in for my chemo", "device:picc_line"),
        ("they fitted a long line in her arm for six weeks of antibiotics", "device:picc_line"),
        ("a tube in my arm that the district nurse flushes every week", "device:picc_line"),
        ("he has a catheter in his left arm that has been left in for months", "device:picc_line"),
        (
            "I have a little pump under the skin of my belly that drips morphine into my spine",
            "device:drug_pump",
        ),
        ("a pump implanted in my tummy gives baclofen into my spinal fluid", "device:drug_pump"),
        ("he has a pump under the skin of his abdomen for his pain medicine", "device:drug_pump"),
        ("they put a pump in my belly that feeds painkiller to my spinal cord", "device:drug_pump"),
        ("mum has a morphine pump implanted in her abdomen", "device:drug_pump"),
    ],
)
def test_a_device_told_by_place_and_purpose(text: str, label: str) -> None:
    assert label in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I broke my left collarbone and the shock of it made my heart race",
        "my heart rhythm is fine; I have a bruise under my collarbone",
        "I have a bad rhythm sometimes and a lump under my left collarbone",
        "I use insulin pens four times a day and bought a new breast pump",
        "on insulin injections; the heat pump at home is broken",
        "I waited in a long line at the pharmacy for my treatment",
        "they put a drip in my arm for the day at the hospital",
        "a cannula in my arm for the blood test this morning",
        "I was on morphine through a drip in hospital, now my belly hurts",
        "my belly is sore and I'm on morphine tablets for my spine",
        "I do not have a pump under my skin, just morphine tablets",
        "the feeding pump runs into the tube in her tummy with her medicines",
    ],
)
def test_no_device_without_its_place_and_purpose(text: str) -> None:
    got = _applied(text)
    assert not any(a in got for a in (
        "device:icd", "device:pacemaker", "device:insulin_pump", "device:picc_line",
        "device:drug_pump",
    )), got  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Warfarin, target 2-3, today's reading 2.9, platelets 72", "2.9"),
        ("on warfarin; latest reading was 3.8", "3.8"),
        ("takes coumadin, this morning's result 4.1", "4.1"),
        ("Warfarin (range 2-3), last check 3.6", "3.6"),
        ("warfarin, most recent level 3.2 on Tuesday", "3.2"),
    ],
)
def test_todays_reading_beside_warfarin_is_the_inr(text: str, value: str) -> None:
    assert f"inr:{value}" in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "Warfarin, target 2-3. Knee OA.",
        "today's reading 2.9 and my knee hurts",
        "on warfarin, today's reading of my blood sugar was 7.2",
        "on warfarin; latest reading for my glucose 6.1",
        "takes metformin, this morning's result 6.4",
    ],
)
def test_a_target_or_another_reading_is_no_inr(text: str) -> None:
    assert not any(a.startswith("inr:") for a in _applied(text)), _applied(text)


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("Had the 20 week anomaly scan on Friday and baby is perfect!", "20"),
        ("just had my 12 week dating scan and my back is killing me", "12"),
        ("our 13-week nuchal scan was fine", "13"),
        ("had the 32 week growth scan yesterday, all good", "32"),
        ("we saw the baby at the 20 wk anatomy scan", "20"),
        ("had my anomaly scan last week and my pelvis aches", None),
        ("the dating scan says all is well, now my sciatica is bad", None),
        ("the nuchal scan is booked for Monday and my neck hurts", None),
    ],
)
def test_a_pregnancy_told_by_its_scans(text: str, weeks: str | None) -> None:
    got = _applied(text)
    assert "pregnant" in got, got
    if weeks is not None:
        assert f"weeks:{weeks}" in got, got


@pytest.mark.parametrize(
    "text",
    [
        "I had an ultrasound scan of my knee 20 weeks ago",
        "my knee scan at 12 weeks after surgery was fine",
        "my baby boy, born in May, had a hip scan last week",
        "my 6 month old had a kidney ultrasound",
        "the shoulder ultrasound showed a tear",
    ],
)
def test_a_scan_of_something_else_is_no_pregnancy(text: str) -> None:
    got = _applied(text)
    assert "pregnant" not in got and not any(a.startswith("weeks:") for a in got), got
