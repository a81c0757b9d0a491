"""Wave 5 (issue 10), class 7 / probe 2 G3: immune suppression from a transplant in clinic
shorthand or a CD4 count under 200/µL (the AIDS definition) is the screen's
``immunosuppression`` red flag; an immunosuppressant that is also a chemotherapy
(methotrexate for RA) is no cancer treatment without a cancer word."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _labels(question: str) -> set[str]:
    return extract(question).labels()


@pytest.mark.parametrize(
    "question",
    [
        "Renal tx 2015, on tacrolimus, low back pain",
        "my CD4 is 90, back pain",
        "cd4 count of 150 last month, headaches",
        "CD4 0.12 x10^9/L, neck pain",
        "kidney tx recipient, sciatica",
        "post transplant on mycophenolate, neck pain",
        "CD4+ T cells 60, knee pain",
    ],
)
def test_immune_suppression_read(question: str) -> None:
    assert "red_flag:immunosuppression" in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "CD4 count 450, on ART, neck pain",
        "cd4 is 800 and undetectable viral load, back pain",
        "she had a hair transplant, neck pain",
        "no transplant, CD4 fine, knee pain",
    ],
)
def test_no_immune_suppression(question: str) -> None:
    assert "red_flag:immunosuppression" not in _labels(question)


@pytest.mark.parametrize(
    "question",
    [
        "on methotrexate for RA, low back pain",
        "weekly methotrexate for psoriasis, knee pain",
        "methotrexate injections for psoriatic arthritis, back pain",
        "she takes methotrexate 15 mg weekly for her arthritis",
    ],
)
def test_dual_drug_without_cancer_is_no_chemotherapy(question: str) -> None:
    labels = _labels(question)
    assert "treatment:chemotherapy" not in labels
    assert "class:immunosuppressant" in labels


@pytest.mark.parametrize(
    "question",
    [
        "methotrexate for breast cancer, knee pain",
        "high-dose methotrexate for lymphoma, back pain",
        "cyclophosphamide chemo for breast cancer",
    ],
)
def test_dual_drug_with_cancer_is_chemotherapy(question: str) -> None:
    assert "treatment:chemotherapy" in _labels(question)
