"""An incomplete screen is not a clear one (issue 10, probe F2): the safety box never says that
nothing stops needling while words of the question went unread."""

from __future__ import annotations

import pytest

from acupath.answer import ask
from acupath.answer.models import Section
from acupath.answer.screen_gaps import clear_sentence, guard_unread

CLEAR_LINES = [
    "**No screening rule stops or changes needling for the patient as described.**",
    "**Nothing you describe rules acupuncture out.** Tell your practitioner about your health.",
    "**Nothing you told us about your father rules acupuncture out.** Tell the practitioner.",
]


@pytest.mark.parametrize("line", CLEAR_LINES)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_clear_line_replaced_when_words_unread(line: str, audience: str) -> None:
    sec = Section("Safety", f"{line}\n- Patient as described: age 70.")
    out = guard_unread(sec, ["woozy"], audience)
    assert not clear_sentence(out.text)
    assert "“woozy”" in out.text
    assert "- Patient as described: age 70." in out.text


@pytest.mark.parametrize("line", CLEAR_LINES)
def test_clear_line_kept_when_everything_read(line: str) -> None:
    sec = Section("Safety", line)
    assert guard_unread(sec, [], "clinician") == sec


def test_refer_box_unchanged() -> None:
    sec = Section("Safety", "**Refer for medical assessment today.** The question describes fever.")
    assert guard_unread(sec, ["woozy"], "clinician") == sec


@pytest.mark.parametrize(
    "question",
    [
        "My wife is 45 with neck pain and has been very woozy and wobbly. Acupuncture?",
        "my dad is 70 with back pain and he's gone all glassy eyed. acupuncture ok?",
        "Patient 52, knee OA, reports intermittent scintillations. Safe to needle?",
    ],
)
@pytest.mark.parametrize("audience", ["clinician", "patient"])
def test_answers_never_clear_with_unread_words(question: str, audience: str) -> None:
    r = ask(question, audience=audience)
    d = r.as_dict()
    assert d["screen"] is not None
    assert d["not_understood"]  # the words this test is about went unread
    assert "rules acupuncture out" not in r.markdown
    assert "No screening rule stops or changes needling" not in r.markdown
