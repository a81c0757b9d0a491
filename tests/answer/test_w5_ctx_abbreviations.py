"""Wave 5 (issue 10), class 5 / probe 2 G3: an abbreviation resolved by its neighbours. "ANC"
beside a side or the axilla is an axillary node clearance (the arm on that side); "ANC" with
a number is the neutrophil count. Side letters ("L", "R") read beside a limb or a field."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _labels(question: str) -> set[str]:
    return extract(question).labels()


@pytest.mark.parametrize(
    ("question", "limb"),
    [
        ("Breast ca 2019: mastectomy + Left ANC. Anastrozole since, hand arthralgia", "left_arm"),
        ("R ANC 2020, shoulder pain", "right_arm"),
        ("ANC of the left axilla in 2018, neck pain", "left_arm"),
        ("right-sided ANC after lumpectomy, hot flushes", "right_arm"),
        ("WLE + SLNB L axilla, now on letrozole, joint pain", "left_arm"),
        ("ALND right side, hot flushes", "right_arm"),
        ("level III clearance on the left, shoulder pain", "left_arm"),
        ("L arm lymphoedema, shoulder pain", "left_arm"),
        ("lt ANC 2017, knee OA", "left_arm"),
    ],
)
def test_node_clearance_and_its_side(question: str, limb: str) -> None:
    labels = _labels(question)
    assert f"lymphedema:{limb}" in labels
    assert not any(lab.startswith("anc:") for lab in labels), labels


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("ANC 0.6 on chemo, knee pain", "0.6"),
        ("ANC of 0.4 today", "0.4"),
        ("neutrophils 1.2 and ANC 0.9 after chemo", "0.9"),
        ("her ANC is 1,500/µL", "1.5"),
    ],
)
def test_anc_with_a_number_is_the_count(question: str, value: str) -> None:
    labels = _labels(question)
    assert f"anc:{value}" in labels
    assert not any(lab.startswith("lymphedema") for lab in labels), labels


@pytest.mark.parametrize(
    ("question", "site"),
    [
        ("adj DXT to L breast, joint pain", "left_chest"),
        ("radiotherapy to R breast last year", "right_chest"),
        ("XRT to the left chest wall", "left_chest"),
    ],
)
def test_side_letters_before_a_field(question: str, site: str) -> None:
    assert f"radiation:{site}" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "5 l of water a day, knee pain",  # a litre is no side
        "ANC clinic letter says counts are fine, neck pain",
        "what does ANC mean on my blood test?",
    ],
)
def test_no_node_clearance_without_a_side_or_axilla(question: str) -> None:
    assert not any(lab.startswith("lymphedema") for lab in _labels(question))


# -- probe 2 G3: devices, instability and lymphoedema in other words ---------------------------


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("im on a nerve stimulator for my back (spinal cord stim)", "device:neurostimulator"),
        ("has an IPG for his spinal cord stimulator", "device:neurostimulator"),
        ("dorsal column stimulator fitted 2020, back pain", "device:neurostimulator"),
        ("RA with atlantoaxial instability on MRI. Neck pain.", "comorbidity:spinal_instability"),
        ("known C1-C2 instability, neck pain", "comorbidity:spinal_instability"),
        ("cervical instability after whiplash", "comorbidity:spinal_instability"),
        ("breast cancer and a swollen left arm, hot flushes", "lymphedema:left_arm"),
        ("since her mastectomy her right arm swells up", "lymphedema:right_arm"),
        ("melanoma, nodes out of the groin, left leg heavy and swollen", "lymphedema:left_leg"),
    ],
)
def test_probe2_device_instability_and_limb_words(question: str, label: str) -> None:
    assert label in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "swollen arm after a bee sting, shoulder pain",
        "my ankles swell in hot weather, knee pain",
        "heavy legs after a long flight, back pain",
    ],
)
def test_swelling_without_a_cancer_story_is_no_lymphoedema(question: str) -> None:
    assert not any(lab.startswith("lymphedema") for lab in _labels(question))
