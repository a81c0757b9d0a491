"""The brief answer: what a reader sees first, inside a word budget, the detail one step away.

A clinician reads the first screen and stops, so the default answer is the bottom line plus as
many of the detail sections' first items as fit :data:`WORD_BUDGET` (words of prose before the
references, citation markers not counted), then a line naming what the full answer adds. The
full answer (``acupath ask --full``, ``sections`` and ``answer_markdown_full`` in JSON, the
expandable sections of the web page) keeps every section whole. Items are taken whole or not
at all, in the order of the full answer, so the brief never says anything the full answer
does not say in the same words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from acupath.answer.models import Section

WORD_BUDGET: Mapping[str, int] = {"clinician": 400, "patient": 250}
"""Words of prose before the references (issue 14: about 400 for clinicians, 250 for patients)."""

TITLE_ALLOWANCE = 6
"""Words reserved for the answer's title ("Acupuncture: chronic low back pain")."""
MORE_TITLE_WORDS = 5

_MARKER = re.compile(r"\[\d+(?:,\s*\d+)*\]")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%-]*")


def word_count(text: str) -> int:
    """Words of prose: Markdown marks and citation markers are not words."""
    return len(_WORD.findall(_MARKER.sub(" ", text.replace("**", " ").replace("#", " "))))


def _items(text: str) -> list[list[str]]:
    """Top-level items of a section: a bullet with its continuation lines, or a subheading
    grouped with the bullet that follows it."""
    items: list[list[str]] = []
    pending: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            pending.append(line)
        elif line.startswith("- ") or not items:
            items.append([*pending, line])
            pending = []
        else:
            items[-1].append(line)
    return items


def _more_text(left_out: Sequence[str], audience: str) -> str:
    if audience != "clinician":
        return "Ask to see the full answer for more detail."
    how = (
        "run `acupath ask --full`, expand the sections on the web page, or read `sections` "
        "in the JSON"
    )
    return "; ".join(left_out) + f". For every detail, {how}."


def taken_total(out: Sequence[Section], left_out: Sequence[str], audience: str) -> int:
    """Words of the brief answer so far: section titles and text, the closing line (and its
    title) included, plus :data:`TITLE_ALLOWANCE` for the answer's own title."""
    words = TITLE_ALLOWANCE + sum(word_count(s.title) + word_count(s.text) for s in out)
    if left_out:
        words += word_count(_more_text(left_out, audience)) + MORE_TITLE_WORDS
    return words


def brief(
    sections: Sequence[Section],
    audience: str,
    *,
    keep_titles: Sequence[str] = (),
    more_title: str = "More in the full answer",
) -> tuple[Section, ...]:
    """The brief sections of an answer whose first section is its bottom line.

    ``keep_titles`` are always kept whole (the patient's advice to talk to a clinician).
    """
    if not sections:
        return ()
    budget = WORD_BUDGET.get(audience, WORD_BUDGET["clinician"])
    kept = [s for s in sections if s.title in keep_titles]
    used = taken_total([*kept, sections[0]], [], audience)
    out: list[Section] = [sections[0]]
    left_out: list[str] = []
    full = True
    for s in sections[1:]:
        if s.title in keep_titles:
            continue
        taken: list[str] = []
        items = _items(s.text)
        for item in items:
            n = word_count("\n".join(item)) + (0 if taken else word_count(s.title))
            if full and used + n <= budget:
                taken.append("\n".join(item))
                used += n
            else:
                full = False
        if taken:
            out.append(Section(s.title, "\n".join(taken), s.citations))
        if len(taken) < len(items):
            # no count here: every figure of an answer must be traceable to a record
            left_out.append(f"{s.title} (the rest)" if taken else s.title)
    out += kept
    # the closing line counts too: give back whole items, last first, until all fits
    while taken_total(out, left_out, audience) > budget and len(out) > 1 + len(kept):
        last = out[len(out) - len(kept) - 1]
        items = _items(last.text)
        if len(items) > 1:
            out[len(out) - len(kept) - 1] = Section(
                last.title, "\n".join("\n".join(i) for i in items[:-1]), last.citations
            )
            if not any(t.startswith(last.title) for t in left_out):
                left_out.insert(0, f"{last.title} (the rest)")
        else:
            out.remove(last)
            left_out = [t for t in left_out if not t.startswith(last.title)]
            left_out.insert(0, last.title)
    if left_out:
        out.append(Section(more_title, _more_text(left_out, audience)))
    return tuple(out)
