"""Wave 5 (issue 10): past, current and planned anticancer treatments beyond medicines, and
a tumour's site. A past course is cancer history (the screen's history_of_cancer with spinal
pain), not treatment under way; a radiotherapy field stays marked either way."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract
from acupath.answer.safety import intake_data


def _cancer(question: str, conditions: tuple[str, ...] = ()) -> dict[str, object]:
    data, _ = intake_data(extract(question), list(conditions))
    cancer = data.get("cancer")
    assert isinstance(cancer, dict), data
    return cancer


@pytest.mark.parametrize(
    "question",
    [
        "completed chemoradiation in 2019, now has chronic low back pain",
        "radiotherapy finished years ago for breast cancer, neck pain",
        "she had a course of radiotherapy to the pelvis back in 2015, lower back ache",
        "Completed pelvic chemoradiation (weekly cisplatin) for cervical cancer in August",
        "XRT to the chest wall was completed last year",
        "had radiotherapy to the prostate 4 years ago",
        "radiation therapy ended in March, now knee pain",
    ],
)
def test_past_radiotherapy_is_history(question: str) -> None:
    ctx = extract(question)
    assert "treatment:radiotherapy" not in ctx.labels()
    assert "treatment:chemotherapy" not in ctx.labels()
    cancer = _cancer(question)
    assert cancer["on_treatment"] is False
    assert "radiotherapy" in cancer["treatments"]  # treatments had
    assert any(m.kind == "cancer" and m.value == "history" for m in ctx.applied)


@pytest.mark.parametrize(
    "question",
    [
        "currently having radiotherapy to her right breast, shoulder pain",
        "halfway through radiotherapy on the pelvis",
        "my husband is having radiotherapy to his lower back",
        "on week 3 of daily radiation to the neck",
        "finished radiotherapy 3 days ago, chest wall sore",  # recent: kept
        "starts radiotherapy tomorrow? no, she is on it now, pelvic radiotherapy",
    ],
)
def test_current_radiotherapy_is_treatment(question: str) -> None:
    assert "treatment:radiotherapy" in extract(question).labels()


@pytest.mark.parametrize(
    ("question", "sites"),
    [
        ("a tumour on his spine, low back pain", ["spine"]),
        ("spinal mets from prostate cancer, chronic neck pain", ["spine"]),
        ("bony mets in the spine, having radiotherapy, low back pain", ["spine"]),
        ("metastases to the lumbar spine", ["lower_back"]),
        ("a tumour in her breast, shoulder pain", ["chest"]),
        ("lung tumour, neck pain", ["chest"]),
    ],
)
def test_tumour_sites(question: str, sites: list[str]) -> None:
    assert _cancer(question)["tumour_sites"] == sites


@pytest.mark.parametrize(
    "question",
    ["metastatic cancer, knee pain", "tumour board meeting next week", "stage 4, neck pain"],
)
def test_no_tumour_site_without_place_words(question: str) -> None:
    assert "tumour_sites" not in _cancer(question)


@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("spinal mets from prostate cancer, chronic neck pain", "chronic_neck_pain"),
        ("completed chemoradiation in 2019, now chronic low back pain", "chronic_low_back_pain"),
        ("radiotherapy to bony mets in the spine, low back pain", "chronic_low_back_pain"),
        ("active cancer, back pain", "chronic_low_back_pain"),
    ],
)
def test_cancer_now_or_past_with_spinal_pain_flags_it(question: str, condition: str) -> None:
    data, _ = intake_data(extract(question), [condition])
    assert "history_of_cancer" in data["red_flags"]


@pytest.mark.parametrize(
    "question",
    [
        "having radiotherapy, low back pain",
        "radiotherapy finished years ago, now neck pain",
        "radiation to the pelvis, and neck ache",
    ],
)
def test_a_complaint_after_a_comma_is_not_the_field(question: str) -> None:
    labels = extract(question).labels()
    assert "radiation:lower_back" not in labels
    assert "radiation:neck" not in labels
