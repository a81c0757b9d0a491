"""Voices: how each kind of record is said to a clinician. The patient voice is in
:mod:`acupath.answer.audience`; both say the same records with the same citations.

A voice never writes a number of its own: numbers come from record fields only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from acupath.answer import phrasing as ph
from acupath.evidence.schemas import Claim, Finding, Recommendation

_FIG = r"[-−–]?\d[\d,]*(?:\.\d+)?%?"
_RANGE = re.compile(rf"{_FIG}\s*(?:-|–|to)\s*{_FIG}")
_CODED = re.compile(r"\b([A-Z][A-Za-z]{0,3})[ -]?\d+[A-Za-z]?\b(?![.,]\d)")
_NUMBER = re.compile(rf"(?<![A-Za-z\d.]){_FIG}")
REDACTION = "…"


def redact_numbers(
    text: str, placeholder: str = REDACTION, keep: Callable[[str], bool] | None = None
) -> str:
    """Replace every figure (ranges and coded figures such as ``BL 23`` too) with ``placeholder``.

    Used for circulating claims that do not hold up, so that their untraced figures never
    reappear in an answer. ``keep`` spares verified tokens: a coded token such as ``BL23`` that
    names an atlas point, or the year of an author-year citation (``Lam 2013``) that resolves to a
    source in the base (issue 14: masking blanked "Lam 2013 (Spine)" and "BL23, BL25 and GB30").
    """
    spare = keep or (lambda _token: False)

    def _range(m: re.Match[str]) -> str:
        return m.group(0) if all(spare(x) for x in _NUMBER.findall(m.group(0))) else placeholder

    text = _RANGE.sub(_range, text)
    text = _CODED.sub(
        lambda m: m.group(0) if spare(m.group(0)) else f"{m.group(1)} {placeholder}", text
    )
    return _NUMBER.sub(lambda m: m.group(0) if spare(m.group(0)) else placeholder, text)


class ClinicianVoice:
    """Clinical wording: effect sizes with CIs, certainty, guideline strength."""

    audience = "clinician"
    titles: Mapping[str, str] = {
        "bottom_line": "Bottom line",
        "evidence": "Evidence by condition",
        "integration": "Integration with conventional care",
        "guidelines": "Guidelines",
        "coverage": "Coverage",
        "mechanisms": "Mechanisms",
        "application": "Clinical application: dose, points, technique",
        "safety": "Safety",
        "durability": "Durability of benefit",
        "limitations": "Limitations and conflicting evidence",
        "scope": "Scope",
        "unknown": "What is and is not known",
        "clinician": "Discuss with a clinician",
    }
    redaction = REDACTION
    max_claims = 12

    def finding(self, f: Finding, marker: str, *, pooled: str = "") -> str:
        return ph.finding_sentence(f, marker, pooled=pooled)

    def conflict(self, text: str, marker: str) -> str:
        return f"**Why these figures differ:** {text} {marker}"

    def not_rated(self) -> str:
        return (
            "Results shown without a certainty are not rated yet in acupath's evidence base "
            "(not rated)."
        )

    def recommendation(self, r: Recommendation, marker: str, *, coverage: bool = False) -> str:
        return ph.recommendation_sentence(r, marker, coverage=coverage)

    def claim(
        self,
        c: Claim,
        marker: str,
        *,
        keep: Callable[[str], bool] | None = None,
        cited: bool = False,
    ) -> str:
        if c.status == "supported":
            return ph.claim_sentence(c, marker)
        statement = redact_numbers(c.statement.strip(), self.redaction, keep).rstrip(".") + "."
        note = " ".join(c.note.split())
        if not cited:
            # nothing of its own to cite: the note's own figures would stand without a source
            note = redact_numbers(note, self.redaction, keep)
        return (
            f"*Circulating claim:* {statement} **Status: {ph.STATUS_LABEL[c.status]}.** "
            f"{note} {marker}"
        )

    def protocol(self, p: Mapping[str, Any], points: str, marker: str) -> str:
        return ph.protocol_sentence(p, points, marker)

    def condition_line(self, name: str, phrases: Sequence[str], marker: str) -> str:
        return f"**{name}:** " + "; ".join(phrases) + f". {marker}"

    def comparison(self, direction: str, comparator: str, certainty: str) -> str:
        comp = ph.COMPARATOR_LABEL.get(comparator, comparator)
        verb = {
            "favours_acupuncture": f"did better than {comp}",
            "no_difference": f"did no better than {comp}",
            "favours_comparator": f"did worse than {comp}",
            "mixed": f"gave mixed results against {comp}",
        }.get(direction, f"was compared with {comp}")
        return f"acupuncture {verb} ({ph.CERTAINTY_LABEL[certainty]})"

    def verdict(self, verdict: str, certainty: str) -> str:
        return f"an overview found that the {ph.VERDICT_LABEL.get(verdict, verdict)}"

    def guideline_summary(self, bodies_for: Sequence[str], bodies_against: Sequence[str]) -> str:
        if bodies_for and bodies_against:
            return (
                f"guidelines disagree: {', '.join(bodies_for)} support it, "
                f"{', '.join(bodies_against)} advise against it"
            )
        if bodies_for:
            return f"supported by {', '.join(bodies_for)}"
        return f"advised against by {', '.join(bodies_against)}"

    def disagreement(
        self, condition: str, bodies_for: Sequence[str], against: Sequence[str]
    ) -> str:
        return (
            f"**Guidelines disagree on {condition.lower()}:** {', '.join(bodies_for)} "
            f"recommend or allow acupuncture, while {', '.join(against)} recommend against it. "
            "The positions are reported side by side, not averaged into one verdict."
        )

    def unsettled(self, f: Finding, marker: str) -> str:
        what = ph.DIRECTION_LABEL.get(f.direction, "")
        if f.measure == "categorical":
            what = ph.VERDICT_LABEL.get(f.verdict or "", "")
        return f"{ph.finding_heading(f)}: {what}. {marker}"

    def certainty_profile(self, low: int, total: int) -> str:
        if total and low * 2 > total:
            return (
                "Most of the graded findings used here are of low or very low certainty: "
                "further trials could change the estimates."
            )
        if low:
            return "Some of the graded findings used here are of low or very low certainty."
        return "The graded findings used here are of moderate or high certainty."

    def nothing(self, topic: str) -> str:
        return f"acupath's evidence base holds no records on {topic}."

    def also_covered(self, names: Sequence[str]) -> str:
        return "The evidence base also holds findings on: " + ", ".join(names) + "."

    def out_of_scope(self, note: str, covered: Sequence[str]) -> str:
        return (
            f"{note[:1].upper() + note[1:]}. acupath answers only from its curated evidence "
            "base on acupuncture, and holds records on: " + ", ".join(covered) + "."
        )

    def unknown_topic(self, words: Sequence[str], covered: Sequence[str]) -> str:
        return (
            f"acupath's evidence base holds no records on {_quoted(words)}, so it cannot say "
            "whether acupuncture helps. It holds records on: " + ", ".join(covered) + "."
        )

    def no_findings(self, names: Sequence[str]) -> str:
        return (
            "acupath's evidence base holds no effect estimates for "
            + ", ".join(n.lower() for n in names)
            + "; no conclusion about benefit can be drawn from it."
        )

    def clinician_advice(self) -> str:
        return ""

    def brief(self, record: Any, marker: str) -> str:
        """The record's own one-line summary (its rationale, for a protocol)."""
        if isinstance(record, Finding | Recommendation):
            return f"{' '.join(record.summary.split())} {marker}"
        if isinstance(record, Claim):
            return self.claim(record, marker)
        return self.protocol(record, "", marker)


def _quoted(words: Sequence[str]) -> str:
    """The question's own words, quoted as such ("“gout”", "“IBS” or “gout”")."""
    return " or ".join(f"“{w}”" for w in words)
