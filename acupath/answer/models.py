"""Result types of ``ask`` and ``check``: frozen dataclasses with a JSON form.

The JSON keys follow DESIGN.md (``question, audience, answer_markdown, sections, references,
findings_used, insufficient_evidence, follow_ups`` and ``claims`` of ``text, status, evidence,
note``); the extra keys (``out_of_scope``, ``records_used``, ``understanding``, ``verified``,
``reading_grade``, and from issue 10 ``patient_context``, ``screen``, ``not_understood``,
``answered_fully``) extend the contract without renaming it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

_MARKERS = re.compile(r"\[(\d+(?:,\s*\d+)*)\]")


@dataclass(frozen=True)
class Section:
    """One section of an answer: Markdown text and the reference ids its markers point to."""

    title: str
    text: str
    citations: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"title": self.title, "text": self.text, "citations": list(self.citations)}


@dataclass(frozen=True)
class RecordUse:
    """A record an answer used, with the date it was last reviewed against its source."""

    id: str
    kind: str
    source: str
    reviewed: dt.date | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "source": self.source,
            "reviewed": self.reviewed.isoformat() if self.reviewed else None,
        }


@dataclass(frozen=True)
class Reference:
    """A numbered reference: marker ``[number]`` in the text resolves to it."""

    number: int
    id: str
    citation: str
    doi: str | None
    pmid: str | None
    url: str
    year: int
    checked: dt.date | None = None
    records: tuple[RecordUse, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "id": self.id,
            "citation": self.citation,
            "doi": self.doi,
            "pmid": self.pmid,
            "url": self.url,
            "year": self.year,
            "checked": self.checked.isoformat() if self.checked else None,
            "records": [r.as_dict() for r in self.records],
        }


@dataclass(frozen=True)
class Answer:
    """A composed, verified answer to one question."""

    question: str
    audience: str
    title: str
    sections: tuple[Section, ...]
    references: tuple[Reference, ...]
    findings_used: tuple[str, ...]
    records_used: tuple[RecordUse, ...]
    insufficient_evidence: bool
    out_of_scope: bool = False
    follow_ups: tuple[str, ...] = ()
    understanding: dict[str, Any] = field(default_factory=dict)
    verified: bool = True
    verification_problems: tuple[str, ...] = ()
    reading_grade: float | None = None
    opening: tuple[Section, ...] = ()
    brief_sections: tuple[Section, ...] = ()
    verdicts: tuple[dict[str, Any], ...] = ()

    @property
    def all_sections(self) -> tuple[Section, ...]:
        """The answer as assembled: [opening (a patient's safety note)] + bottom line + detail."""
        return self.opening + self.sections

    patient_context: dict[str, Any] | None = None
    screen: dict[str, Any] | None = None
    not_understood: tuple[str, ...] = ()
    answered_fully: bool = True

    @property
    def markdown(self) -> str:
        """The whole answer (every section) as one Markdown document, references last."""
        return self._render(self.all_sections, self.references)

    @property
    def brief_markdown(self) -> str:
        """The brief answer shown by default: the opening, the bottom line and as much detail as
        fits the word budget (see :mod:`acupath.answer.brief`), with the references it cites.
        Without brief sections (an answer withheld, say) it is the whole answer."""
        if not self.brief_sections:
            return self.markdown
        shown = self.opening + self.brief_sections
        text = "\n".join(s.text for s in shown)
        cited = {int(n) for m in _MARKERS.findall(text) for n in m.split(",")}
        refs = tuple(r for r in self.references if r.number in cited)
        return self._render(shown, refs)

    def _render(self, sections: tuple[Section, ...], references: tuple[Reference, ...]) -> str:
        parts = [f"# {self.title}", ""]
        for s in sections:
            parts += [f"## {s.title}", "", s.text.rstrip(), ""]
        if references:
            parts += ["## References", ""]
            parts += [render_reference(r) for r in references]
            parts.append("")
        if self.follow_ups:
            parts += ["## Follow-up questions", ""]
            parts += [f"- {q}" for q in self.follow_ups]
            parts.append("")
        return "\n".join(parts).rstrip() + "\n"

    def as_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "audience": self.audience,
            "answer_markdown": self.brief_markdown,
            "answer_markdown_full": self.markdown,
            "sections": [s.as_dict() for s in self.all_sections],
            "references": [r.as_dict() for r in self.references],
            "findings_used": list(self.findings_used),
            "insufficient_evidence": self.insufficient_evidence,
            "follow_ups": list(self.follow_ups),
            "out_of_scope": self.out_of_scope,
            "records_used": [r.as_dict() for r in self.records_used],
            "understanding": self.understanding,
            "verified": self.verified,
            "verification_problems": list(self.verification_problems),
            "reading_grade": self.reading_grade,
            "verdicts": list(self.verdicts),
            "patient_context": self.patient_context,
            "screen": self.screen,
            "not_understood": list(self.not_understood),
            "answered_fully": self.answered_fully,
        }


def render_reference(ref: Reference) -> str:
    """``[n] Citation. DOI/PMID/link. Records used (last reviewed ...)``."""
    links = [ref.url]
    if ref.pmid and ref.pmid not in ref.url:
        links.append(f"PMID {ref.pmid}")
    line = f"[{ref.number}] {ref.citation} {' · '.join(links)}"
    if ref.records:
        used = "; ".join(
            f"{r.kind} `{r.id}`"
            + (f" (last reviewed {r.reviewed.isoformat()})" if r.reviewed else "")
            for r in ref.records
        )
        line += f" — records: {used}"
    return f"- {line}"


@dataclass(frozen=True)
class AuditedClaim:
    """One factual claim found in a text and what the evidence base says about it."""

    text: str
    status: str  # supported, partly_supported, contradicted, unverified
    evidence: tuple[dict[str, Any], ...]
    note: str
    matched_claim: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "status": self.status,
            "evidence": list(self.evidence),
            "note": self.note,
            "matched_claim": self.matched_claim,
        }


@dataclass(frozen=True)
class Audit:
    """The claim audit of one text."""

    claims: tuple[AuditedClaim, ...]
    source: str | None = None

    def counts(self) -> dict[str, int]:
        out = {"supported": 0, "partly_supported": 0, "contradicted": 0, "unverified": 0}
        for c in self.claims:
            out[c.status] = out.get(c.status, 0) + 1
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "counts": self.counts(),
            "claims": [c.as_dict() for c in self.claims],
        }
