"""Wave 13 (held-out part 11 misses h11003, h11027, h11031, h11074): the patient read from
everyday words, each as a class, with wordings that must not trigger."""

import pytest

from acupath.answer.context import extract


def _applied(text: str) -> list[str]:
    return sorted(extract(text).labels())


@pytest.mark.parametrize(
    "text",
    [
        "MY HUSBAND TAKES WARFRIN AND HIS BLOOD TEST NUMBER WAS 4.6 LAST WEEK",
        "mum is on warfarin, her blood test result was 4.2 on monday",
        "on coumadin and my test number was 3.9 yesterday",
        "dad takes warfarin, his blood test reading came back 4.8",
        "I take warfarin; my last blood test number was 5.1",
    ],
)
def test_blood_test_number_beside_vka_is_the_inr(text: str) -> None:
    assert any(a.startswith("lab:inr:") for a in _applied(text)), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "my blood test number was 4.6 last week",
        "on warfarin, my blood test for sugar was 7.2",
        "my husband's blood test result was 4.6, he takes metformin",
        "I take warfarin and had 3 blood tests last month",
        "on warfarin; the blood test for cholesterol was 5.5",
    ],
)
def test_blood_test_number_without_vka_is_no_inr(text: str) -> None:
    assert not any(a.startswith("lab:inr:") for a in _applied(text)), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "My lad is in Year 4",
        "my daughter is in year 2 and has eczema",
        "my son, a 3rd grader, has headaches",
        "she is in second grade and wets the bed",
        "my boy is in kindergarten",
    ],
)
def test_primary_school_years_are_the_child_band(text: str) -> None:
    assert "age_band:child" in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I teach year 4 and my back hurts",
        "I had back pain since year 2 of university",
        "my son is in year 10",
        "my knee has hurt for 4 years",
        "I am a year 6 teacher with neck pain",
    ],
)
def test_no_child_band_from_other_years(text: str) -> None:
    assert "age_band:child" not in _applied(text), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've got one of those heart boxes that shocks you if your heart goes wrong, fitted 2021",
        "he has one of those devices fitted that shocks his heart if it stops",
        "I have one of those gadgets implanted that zaps your heart back into rhythm",
        "she's got one of them heart boxes fitted that shocks her heart",
        "one of those implanted units that restarts your heart, fitted in 2019",
    ],
)
def test_plural_naming_words_of_an_icd(text: str) -> None:
    assert any("icd" in a for a in _applied(text)), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't have one of those heart boxes that shocks you",
        "are boxes of needles shocking?",
        "my heart boxes me in with worry",
        "he packed the boxes and his heart raced",
        "do those devices that shock your heart stop acupuncture working?",
    ],
)
def test_no_icd_without_a_device_fitted(text: str) -> None:
    assert not any("icd" in a for a in _applied(text)), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lymphoma on R-CHOP, port L chest, neuts 1.3, plts 88, needle-anxious",
        "back pain, quite needle anxious",
        "I'm nervous about needles but want to try acupuncture for migraine",
        "she is very needle-nervous",
        "he gets anxious with needles",
    ],
)
def test_needle_anxiety_is_needle_phobia(text: str) -> None:
    assert any(a.startswith("needle_phobia") for a in _applied(text)), _applied(text)


@pytest.mark.parametrize(
    "text",
    [
        "back pain, I am anxious and depressed",
        "are acupuncture needles sterile?",
        "I'm nervous about my knee operation",
        "how long are the needles left in?",
        "I feel anxious at night, would acupuncture help?",
    ],
)
def test_no_needle_phobia_from_anxiety_alone(text: str) -> None:
    assert not any(a.startswith("needle_phobia") for a in _applied(text)), _applied(text)


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("im expecting (we found out at the 12 week scan last week that its a girl!!)", "13"),
        ("my wife is expecting (the 12 week scan was fine)", "12"),
        ("she is expecting (had her 20-week scan today)", "20"),
        ("we had the 20 week scan last week, any points to avoid?", "21"),
        ("I'm expecting (baby due in may) and have back pain", None),
    ],
)
def test_expecting_with_a_pregnancy_aside_and_week_scans(text: str, weeks: str | None) -> None:
    labels = _applied(text)
    assert "pregnant" in labels, labels
    if weeks is not None:
        assert f"weeks:{weeks}" in labels, labels


@pytest.mark.parametrize(
    "text",
    [
        "I'm expecting (a call from the doctor) about my knee",
        "I'm expecting (hopefully) a good result from my MRI",
        "had a 6 week scan of my knee, I'm expecting (fingers crossed) good news",
        "my knee has hurt for 12 weeks",
        "he is expecting (as ever) to be paid on time, shoulder pain",
    ],
)
def test_no_pregnancy_from_other_expectations(text: str) -> None:
    labels = _applied(text)
    assert "pregnant" not in labels and not any(a.startswith("weeks:") for a in labels), labels


def test_a_scan_to_come_is_no_count_of_weeks() -> None:
    labels = _applied("nobody will treat my sore neck until my 12 week scan, im 8 weeks now")
    assert "weeks:8" in labels and "weeks:12" not in labels, labels
