"""'ca' as note shorthand for a cancer, read only beside a site (wave 6)."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


@pytest.mark.parametrize(
    "text",
    [
        "had cervix ca, now low back pain",
        "breast ca 2019, knee pain",
        "Ca prostate on hormones, hip pain",
        "pt with lung ca and neck pain",
        "ovarian ca, finished treatment",
    ],
)
def test_site_ca_is_a_cancer(text: str) -> None:
    assert any(m.kind == "cancer" for m in extract(text).mentions), text


@pytest.mark.parametrize(
    "text",
    [
        "Ca 2.4 mmol/L, vitamin D low, knee pain",
        "ca. 3 sessions a week",
        "she lives in CA and has neck pain",
        "corrected Ca normal, back pain",
    ],
)
def test_ca_alone_is_no_cancer(text: str) -> None:
    assert not any(m.kind == "cancer" for m in extract(text).mentions), text
