"""An incomplete screen is not a clear one (issue 10, red-team probe F2).

When the patient of a question passes the screen, the safety box says so ("No screening rule
stops or changes needling for the patient as described"; to a patient: "Nothing you told us
rules acupuncture out"). That is true only of what acupath read. If the question holds words
acupath did not understand ("he's been very woozy"), they may be the red flag that would have
referred the patient, so :func:`guard_unread` replaces that sentence with one that names the
unread words and says the screen could not be completed. It never makes a box less cautious:
a refer, defer or modify box is returned unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from acupath.answer.models import Section

_CLEAR = re.compile(
    r"^\*\*(?:Nothing you (?:told us|describe)[^*\n]*rules acupuncture out\."
    r"|No screening rule stops or changes needling for the patient as described\.)\*\*[^\n]*$",
    re.MULTILINE,
)
"""The first line of a box whose screen found nothing (opening.py, patient_safety.yaml)."""


def clear_sentence(text: str) -> bool:
    """Whether a safety box says that nothing stops needling."""
    return bool(_CLEAR.search(text))


def guard_unread(section: Section, not_understood: Sequence[str], audience: str) -> Section:
    """``section`` with its "nothing stops needling" line replaced when words went unread."""
    words = [w for w in not_understood if w.strip()]
    if not words or not clear_sentence(section.text):
        return section
    quoted = ", ".join(f"“{w}”" for w in words)
    if audience == "patient":
        line = (
            f"**We could not finish checking your safety:** we did not understand {quoted}. "
            "If this is a new or worsening symptom, see a doctor before acupuncture, and tell "
            "the practitioner about your health and medicines."
        )
    else:
        line = (
            f"**The screen could not be completed:** acupath did not read {quoted} in the "
            "question, so it cannot say that nothing stops needling. If these words describe a "
            "new or worsening symptom, assess it (it may be a red flag) before needling."
        )
    text = _CLEAR.sub(lambda _: line, section.text, count=1)
    return Section(section.title, text, section.citations)
