"""Wave 12, lead: a child's long-standing bedwetting is not the cauda equina red flag; a new
one, one beside back pain or numbness, or an adult's, still is."""

from __future__ import annotations

import pytest

from acupath.answer.context import extract


def _flag(text: str) -> bool:
    return "red_flag:bladder_dysfunction" in {m.label for m in extract(text).applied}


@pytest.mark.parametrize(
    "text",
    [
        "my 8 year old wets the bed most nights. does acupuncture work for bedwetting in kids?",
        "Our 6-year-old still wets the bed, is acupuncture used for that?",
        "My daughter (7) has always had bedwetting. Would acupuncture help her?",
        "Bed wetting in my 9 yr old son, any evidence for acupuncture?",
        "my son is 10 and wets the bed a few times a week",
    ],
)
def test_a_childs_long_standing_bedwetting_is_no_red_flag(text):
    assert not _flag(text)


@pytest.mark.parametrize(
    "text",
    [
        "My 9 year old has started wetting the bed again and has back pain",
        "My 8 year old suddenly wets the bed and his legs feel weak",
        "I'm 45 and I wet the bed last night with my back pain",
        "68M, low back pain, wetting the bed this week",
        "my 10 year old has new bedwetting since his fall",
    ],
)
def test_a_new_or_adult_bedwetting_keeps_the_flag(text):
    assert _flag(text)
