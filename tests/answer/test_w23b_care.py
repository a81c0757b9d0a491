"""Wave 23b, pregnancy, devices and cancer care: pregnancy told in clinic notes (trimester
shorthand "T2 (about 19 wks)", hyperemesis or an antenatal booking visit beside a count of
weeks, "Twin pregnancy (DCDA) 22+5", weeks from the date of the last period beside a positive
test); no pregnancy ("not yet pregnant", a "Pregnancy status:" heading, a pregnancy dated
years back after a dash); a device named only as a comparison ("the same as a pacemaker"); the
mantle field of Hodgkin lymphoma; a course "treated 2009" as an ended course; an arm at risk
after node surgery on the side of the breast operation. Our own wordings (none is a benchmark
question)."""

from __future__ import annotations

import datetime

import pytest

from acupath.answer.context import extract


def _labels(question: str) -> set[str]:
    return set(extract(question).labels())


# 1. pregnancy told in clinic notes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "weeks"),
    [
        ("Ward round: 31yo, T2 (about 20 wks), low back pain. Points to avoid?", "weeks:20"),
        ("T3, 34 wks, pelvic girdle pain. Acupuncture?", "weeks:34"),
        ("Pt is T1 (9 weeks), nausea. Safe to needle PC6?", "weeks:9"),
        ("T2 ~ 24/40, carpal tunnel. Acupuncture?", "weeks:24"),
        ("Admitted with hyperemesis, 10 wks, now neck pain. Acupuncture?", "weeks:10"),
        ("Booking bloods done: 12 weeks, back pain. Acupuncture ok?", "weeks:12"),
        ("Antenatal booking visit today at 9 weeks, headache. Acupuncture?", "weeks:9"),
        ("Twin pregnancy (MCDA) 26+2, rib pain. Acupuncture?", "weeks:26"),
        ("Pregnancy, 18+4, sciatica. Points?", "weeks:18"),
    ],
)
def test_pregnancy_in_clinic_notes(question: str, weeks: str) -> None:
    labels = _labels(question)
    assert "pregnant" in labels and weeks in labels, labels


@pytest.mark.parametrize(
    "question",
    [
        "T2 weighted MRI shows a disc bulge at 12 weeks of back pain. Acupuncture?",
        "T2 diabetes for 15 years, knee pain. Acupuncture?",
        "Fracture of T3, 6 weeks ago, back pain. Acupuncture?",
        "Cannabinoid hyperemesis syndrome last year, 8 weeks of neck pain. Acupuncture?",
        "Booking an appointment for 6 weeks from now for knee pain, is acupuncture ok?",
        "Score 22+5 points on the questionnaire, shoulder pain. Acupuncture?",
    ],
)
def test_not_pregnancy_notes(question: str) -> None:
    labels = _labels(question)
    assert "pregnant" not in labels and not any(x.startswith("weeks:") for x in labels), labels


def _lmp(days: int, style: str) -> str:
    d = datetime.date.today() - datetime.timedelta(days=days)
    if style == "long":
        return d.strftime("%d %b %Y")
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    return d.strftime("%d %B")


@pytest.mark.parametrize(
    ("days", "style", "tail", "weeks"),
    [
        (52, "long", "urine hCG + today. Migraine. Changes?", "weeks:7"),
        (70, "slash", "positive pregnancy test. Back pain. Points?", "weeks:10"),
        (100, "month", "hCG positive. Neck pain. Acupuncture?", "weeks:14"),
        (150, "long", "midwife aware. Sciatica. Acupuncture?", "weeks:21"),
    ],
)
def test_weeks_from_lmp_date(days: int, style: str, tail: str, weeks: str) -> None:
    labels = _labels(f"LMP {_lmp(days, style)}, {tail}")
    assert "pregnant" in labels and weeks in labels, labels


@pytest.mark.parametrize(
    "question",
    [
        f"LMP {_lmp(12, 'long')}, not pregnant. Knee pain. Acupuncture?",
        f"LMP {_lmp(40, 'long')}, negative pregnancy test. Back pain. Acupuncture?",
        f"LMP {_lmp(50, 'slash')}. Neck pain. Acupuncture?",
    ],
)
def test_lmp_date_without_pregnancy(question: str) -> None:
    labels = _labels(question)
    assert not any(x.startswith("weeks:") for x in labels), labels


# 2. no pregnancy -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "IVF patient, mid-stimulation (not yet pregnant), egg retrieval soon. Back pain. "
        "Acupuncture now, and what changes after transfer?",
        "She is not yet pregnant, having IVF. Neck pain, acupuncture?",
        "Not currently pregnant. Knee pain. Acupuncture?",
        "Pregnancy status: not pregnant, coil in situ. Pelvic pain. Points?",
        "Pregnancy status - negative test today. Shoulder pain. Acupuncture?",
        "Pregnancy audit: what proportion of women had acupuncture for back pain?",
        "Pt says she had low platelets in pregnancy - that was 2015. Shoulder pain. Acupuncture?",
        "Gestational diabetes in pregnancy, which was 6 years ago. Knee pain. Acupuncture?",
        "SPD in pregnancy, back in 2019. Hip pain now. Acupuncture?",
    ],
)
def test_no_pregnancy_now(question: str) -> None:
    assert "pregnant" not in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "Pregnancy status: 16 weeks pregnant. Back pain. Points?",
        "Not yet pregnant last month, but now 6 weeks pregnant. Nausea. Acupuncture?",
        "Low platelets in pregnancy, she is 30 weeks pregnant now. Back pain.",
    ],
)
def test_pregnancy_still_read(question: str) -> None:
    assert "pregnant" in _labels(question)


# 3. a device named only as a comparison --------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "gone"),
    [
        (
            "I had a loop recorder fitted last year, is that the same as a pacemaker for "
            "acupuncture? Tennis elbow.",
            "device:pacemaker",
        ),
        ("Is a heart monitor the same thing as a pacemaker? Knee pain.", "device:pacemaker"),
        ("Is a TENS unit different from a pacemaker for needling? Back pain.", "device:pacemaker"),
        ("Does my hearing aid count as a cochlear implant? Neck pain.", "device:cochlear_implant"),
        ("I have a pacemaker - is it the same as an ICD? Back pain.", "device:icd"),
    ],
)
def test_compared_device_is_not_the_patients(question: str, gone: str) -> None:
    assert gone not in _labels(question)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("I have a pacemaker - is it the same as an ICD? Back pain.", "device:pacemaker"),
        ("I have a pacemaker fitted, knee pain. Acupuncture?", "device:pacemaker"),
        ("Pacemaker same side as the shoulder pain. Acupuncture?", "device:pacemaker"),
        (
            "Does a spinal cord stimulator count as a pacemaker? I have one. Back pain.",
            "device:neurostimulator",
        ),
    ],
)
def test_own_device_kept(question: str, kept: str) -> None:
    assert kept in _labels(question)


# 4. cancer history: the mantle field, a course "treated 2009", the side of the node surgery ---


@pytest.mark.parametrize(
    "question",
    [
        "Hodgkin lymphoma treated 2009 (ABVD + mantle RT), in remission. Neck pain. Acupuncture?",
        "Had mantle field radiotherapy for Hodgkin's in 1995, now shoulder pain.",
        "Mantle radiation 1988 for lymphoma, chronic neck pain. Acupuncture?",
        "Survivor: mantle irradiation as a teenager. Upper back pain.",
    ],
)
def test_mantle_field(question: str) -> None:
    assert "radiation:neck" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "The mantle of the fireplace fell on my foot. Foot pain, acupuncture?",
        "Mantle cell lymphoma in remission, knee pain. Acupuncture?",
    ],
)
def test_mantle_not_a_field(question: str) -> None:
    assert not any(x.startswith("radiation:") for x in _labels(question))


@pytest.mark.parametrize(
    ("question", "current"),
    [
        ("Hodgkin lymphoma treated 2009 with ABVD, in remission since. Neck pain.", False),
        ("Breast cancer treated in 2015 (FEC-T), knee pain. Acupuncture?", False),
        ("Lymphoma tx 2012 with R-CHOP, remission. Back pain.", False),
        ("Breast cancer treated 2018, relapsed, currently on paclitaxel. Knee pain.", True),
        ("Now on ABVD cycle 3 for Hodgkin lymphoma. Neck pain. Acupuncture?", True),
    ],
)
def test_treated_in_a_year(question: str, current: bool) -> None:
    assert ("treatment:chemotherapy" in _labels(question)) is current


@pytest.mark.parametrize(
    ("question", "arm"),
    [
        ("Breast ca R, WLE + SLNB, shoulder pain. Acupuncture?", "lymphedema:right_arm"),
        ("L mastectomy and sentinel node biopsy 2021. Neck pain.", "lymphedema:left_arm"),
        ("Right breast cancer, lumpectomy + SLNB. Hot flushes.", "lymphedema:right_arm"),
        ("Breast cancer on the left, sentinel node biopsy. Back pain.", "lymphedema:left_arm"),
    ],
)
def test_node_surgery_side_from_breast(question: str, arm: str) -> None:
    labels = _labels(question)
    other = "lymphedema:left_arm" if arm.endswith("right_arm") else "lymphedema:right_arm"
    assert arm in labels and other not in labels, labels


@pytest.mark.parametrize(
    "question",
    [
        "Sentinel node biopsy for melanoma, knee pain. Acupuncture?",
        "Bilateral mastectomy with sentinel node biopsy, neck pain.",
        "Sentinel node biopsy for breast cancer in 2019. Back pain.",
    ],
)
def test_node_surgery_both_arms_kept(question: str) -> None:
    labels = _labels(question)
    assert {"lymphedema:left_arm", "lymphedema:right_arm"} <= labels, labels
