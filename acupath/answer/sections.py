"""Section builders of an answer: each sentence says one record and carries its citation.

:class:`Citations` numbers sources by first use and remembers every record used (with the date
it was last reviewed); :class:`Composer` builds one section at a time from a
:class:`~acupath.answer.retrieve.Retrieval` in a :class:`Voice` (clinician or patient wording).
Guideline disagreement is stated as disagreement, never averaged; claims that do not hold up
are shown with their figures redacted (see :func:`acupath.answer.voice.redact_numbers`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from acupath.answer.corpus import Document
from acupath.answer.judge import conflicting, differences, group_of
from acupath.answer.masking import merge_markers, verified_tokens
from acupath.answer.models import RecordUse, Reference, Section
from acupath.answer.phrasing import finding_stats
from acupath.answer.retrieve import Retrieval
from acupath.answer.select import efficacy_findings
from acupath.answer.synthesis import conflict_text, pooled_label
from acupath.evidence.loader import EvidenceBase
from acupath.evidence.schemas import Claim, Finding, Recommendation

_UNSETTLED = {"no_difference", "favours_comparator", "mixed"}
WEAK_VERDICTS = {"conflicting", "insufficient", "not_supported"}


class Voice(Protocol):
    """What a composer needs from an audience's wording (see :mod:`acupath.answer.voice`)."""

    audience: str
    titles: Mapping[str, str]
    max_claims: int

    def finding(self, f: Finding, marker: str, *, pooled: str = "") -> str: ...
    def conflict(self, text: str, marker: str) -> str: ...
    def not_rated(self) -> str: ...
    def recommendation(self, r: Recommendation, marker: str, *, coverage: bool = False) -> str: ...
    def claim(
        self,
        c: Claim,
        marker: str,
        *,
        keep: Callable[[str], bool] | None = None,
        cited: bool = False,
    ) -> str: ...
    def protocol(self, p: Mapping[str, Any], points: str, marker: str) -> str: ...
    def condition_line(self, name: str, phrases: Sequence[str], marker: str) -> str: ...
    def comparison(self, direction: str, comparator: str, certainty: str) -> str: ...
    def verdict(self, verdict: str, certainty: str) -> str: ...
    def guideline_summary(self, bodies_for: Sequence[str], against: Sequence[str]) -> str: ...
    def disagreement(
        self, condition: str, bodies_for: Sequence[str], against: Sequence[str]
    ) -> str: ...
    def unsettled(self, f: Finding, marker: str) -> str: ...
    def certainty_profile(self, low: int, total: int) -> str: ...
    def nothing(self, topic: str) -> str: ...
    def also_covered(self, names: Sequence[str]) -> str: ...
    def out_of_scope(self, note: str, covered: Sequence[str]) -> str: ...
    def unknown_topic(self, words: Sequence[str], covered: Sequence[str]) -> str: ...
    def no_findings(self, names: Sequence[str]) -> str: ...
    def clinician_advice(self) -> str: ...
    def brief(self, record: Any, marker: str) -> str: ...


@dataclass
class Citations:
    """Numbers sources by first use and remembers every record an answer used."""

    base: EvidenceBase
    numbers: dict[str, int] = field(default_factory=dict)
    used: dict[str, Document] = field(default_factory=dict)

    def cite(self, *docs: Document) -> tuple[str, list[str]]:
        """The marker ``[1, 2]`` for ``docs`` and the source ids it points to."""
        ids: list[str] = []
        for d in docs:
            self.used.setdefault(d.key, d)
            for s in d.sources:
                if s not in self.numbers:
                    self.numbers[s] = len(self.numbers) + 1
                if s not in ids:
                    ids.append(s)
        nums = sorted(self.numbers[s] for s in ids)
        return ("[" + ", ".join(str(n) for n in nums) + "]" if nums else ""), ids

    def cite_sources(self, sources: Sequence[str]) -> tuple[str, list[str]]:
        """A marker for sources named in a text (an author-year citation in a claim's note)."""
        ids = [s for s in sources if s in self.base.sources]
        for s in ids:
            if s not in self.numbers:
                self.numbers[s] = len(self.numbers) + 1
        nums = sorted(self.numbers[s] for s in ids)
        return ("[" + ", ".join(str(n) for n in nums) + "]" if nums else ""), ids

    def references(self) -> tuple[Reference, ...]:
        refs: list[Reference] = []
        for sid, num in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            src = self.base.sources[sid]
            records = tuple(
                RecordUse(d.id, d.kind, sid, reviewed_of(d.record))
                for d in self.used.values()
                if sid in d.sources
            )
            refs.append(
                Reference(
                    num,
                    sid,
                    src.citation(),
                    src.doi,
                    src.pmid,
                    src.link(),
                    src.year,
                    src.checked,
                    records,
                )
            )
        return tuple(refs)


def reviewed_of(record: Any) -> dt.date | None:
    value = (
        record.get("reviewed") if isinstance(record, Mapping) else getattr(record, "reviewed", None)
    )
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass
class Composer:
    """Builds the sections of one answer from one retrieval, in one voice."""

    retrieval: Retrieval
    voice: Voice
    points_namer: Any = None  # callable code -> display name, or None
    cites: Citations = field(init=False)
    _shown: set[str] = field(default_factory=set)
    _efficacy_cache: dict[tuple[str, int], list[Document]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cites = Citations(self.retrieval.index.base)

    @property
    def base(self) -> EvidenceBase:
        return self.retrieval.index.base

    # -- helpers -------------------------------------------------------------------------------

    def words(self, section: str) -> tuple[str, ...]:
        """The words that rank a section's records (``section_boost`` in the vocabulary)."""
        return tuple(self.retrieval.index.vocab.section_boost.get(section, ()))

    def _bullet(self, doc: Document, cited: list[str], condition: str | None = None) -> str:
        marker, ids = self.cites.cite(doc)
        cited.extend(i for i in ids if i not in cited)
        self._shown.add(doc.key)
        rec = doc.record
        if isinstance(rec, Finding):
            # a result pooled across conditions is never shown as if it were this condition's
            pooled = ""
            if condition is not None and rec.condition != condition:
                pooled = pooled_label(self.base, rec, condition)
            return "- " + self.voice.finding(rec, marker, pooled=pooled)
        if isinstance(rec, Recommendation):
            line = self.voice.recommendation(rec, marker, coverage="coverage" in doc.tags)
            if getattr(self.voice, "audience", "") == "clinician":
                # a position is quoted in the record's own words ("not to offer acupuncture",
                # "only as a second-line option", "consider"), which people misquote: its rank
                # and strength are in them; the marker stays last (wave 8; every direction,
                # wave 9: NICE CG150's "second-line" was asked and not stated)
                said = _first_sentence(rec.summary)
                # wave 18 (h15126, "what exactly does NICE NG59 say"): the guideline's own
                # words, where its record's locator quotes them (NG59: "Do not offer
                # acupuncture", the quote read for the record, see its source)
                quoted = _QUOTED.findall(rec.locator or "")
                if said and quoted:
                    said = f"{said} Its words: \u201c{quoted[0]}\u201d."
                if said and marker and line.endswith(marker):
                    line = f"{line[: -len(marker)].rstrip()} In short: {said} {marker}"
            return "- " + line
        if isinstance(rec, Claim):
            own = bool(marker)
            keep, sources, protocols = verified_tokens(self.base, self.retrieval.index, rec)
            if sources:
                extra, ids = self.cites.cite_sources(sources)
                cited.extend(i for i in ids if i not in cited)
                marker = merge_markers(marker, extra)
            if protocols:
                extra, ids = self.cites.cite(*protocols)
                cited.extend(i for i in ids if i not in cited)
                marker = merge_markers(marker, extra)
            return "- " + self.voice.claim(rec, marker, keep=keep, cited=own)
        return "- " + self.voice.protocol(rec, self._points_text(rec), marker)

    def _points_text(self, protocol: Mapping[str, Any]) -> str:
        raw = protocol.get("points") or []
        codes: list[str] = []
        for item in raw if isinstance(raw, list) else []:
            if isinstance(item, Mapping) and item.get("selected") is False:
                continue  # listed as an allowed alternative, not part of the prescription
            code = item.get("code") if isinstance(item, Mapping) else item
            if isinstance(code, str):
                codes.append(code)
        if self.points_namer is None:
            return ", ".join(codes)
        return ", ".join(self.points_namer(c) for c in codes)

    def _section(self, key: str, lines: list[str], cited: list[str]) -> Section | None:
        text = "\n".join(line for line in lines if line)
        if not text.strip():
            return None
        return Section(self.voice.titles[key], text, tuple(cited))

    def conditions_with_evidence(self) -> list[str]:
        """The question's conditions that have findings, most findings first."""
        q = self.retrieval.question
        counts = []
        for pos, cid in enumerate(q.conditions):
            n = sum(
                1
                for i in self.retrieval.index.candidates([cid], general=False)
                if self.retrieval.index.documents[i].kind == "finding"
            )
            if n:
                counts.append((-n, pos, cid))
        return [cid for _, _, cid in sorted(counts)]

    def _efficacy_findings(self, cid: str, limit: int) -> list[Document]:
        key = (cid, limit)
        if key not in self._efficacy_cache:
            self._efficacy_cache[key] = efficacy_findings(self.retrieval, cid, limit)
        return self._efficacy_cache[key]

    # -- sections ------------------------------------------------------------------------------

    def evidence(self, conditions: Sequence[str]) -> Section | None:
        lines: list[str] = []
        cited: list[str] = []
        n = len(conditions)
        for rank, cid in enumerate(conditions):
            # the best-documented conditions get more room when many are asked at once
            limit = (
                8
                if n <= 2
                else 6
                if rank == 0
                else 4
                if n <= 6 or rank < 3
                else 3
                if rank < 10
                else 2
            )
            docs = self._efficacy_findings(cid, limit)
            if not docs:
                continue
            # the condition's own evidence first, results pooled across conditions after it
            docs = sorted(docs, key=lambda d: finding_of(d).condition != cid)
            lines.append(f"\n### {self.base.conditions[cid].name}\n")
            lines += [self._bullet(d, cited, cid) for d in docs]
            lines += self._conflicts(cid, docs, cited)
        return self._section("evidence", lines, cited)

    def _conflicts(self, cid: str, docs: Sequence[Document], cited: list[str]) -> list[str]:
        """One line for each pair of shown results that give clearly different figures for
        one comparison, saying what differs between them (or that nothing explains it)."""
        out: list[str] = []
        shown = [d for d in docs if isinstance(d.record, Finding)]
        for i, a in enumerate(shown):
            for b in shown[i + 1 :]:
                fa, fb = finding_of(a), finding_of(b)
                if group_of(fa.comparator) != group_of(fb.comparator):
                    continue
                if not conflicting(fa, fb):
                    continue
                marker, ids = self.cites.cite(a, b)
                cited.extend(x for x in ids if x not in cited)
                text = conflict_text(self.base, fa, fb, differences(fa, fb, cid), cid)
                out.append("- " + self.voice.conflict(text, marker))
        return out

    def integration(self, conditions: Sequence[str]) -> Section | None:
        cited: list[str] = []
        docs = self.retrieval.top(
            kinds=("finding", "recommendation"),
            conditions=conditions,
            general=True,
            tags=("integration",),
            limit=6,
            boost_words=self.words("integration"),
        )
        claims = self._claims(conditions, topics=("integration",), limit=4)
        lines = [self._bullet(d, cited) for d in docs + claims]
        if not lines:
            lines = [self.voice.nothing("combining acupuncture with conventional treatment")]
        return self._section("integration", lines, cited)

    def guidelines(self, conditions: Sequence[str], tag: str = "guideline") -> Section | None:
        cited: list[str] = []
        lines: list[str] = []
        recs = self.retrieval.top(
            kinds=("recommendation",), conditions=conditions or None, tags=(tag,), limit=12
        )
        if not recs and tag == "coverage" and conditions:
            # a payer's policy that does not cover the asked conditions is still its answer:
            # what it covers, and its own words on the rest ("other conditions remain
            # non-covered", CMS NCD 30.3.3), not "no records" (wave 9)
            recs = self.retrieval.top(kinds=("recommendation",), conditions=(), tags=(tag,))
        for cid in unique(_rec(d).condition for d in recs):
            group = [d for d in recs if _rec(d).condition == cid]
            disagree = self._disagreement(cid, group, cited)
            if disagree:
                lines.append(disagree)
            lines += [self._bullet(d, cited) for d in group]
        if not lines:
            lines = [
                self.voice.nothing(
                    "guideline positions for this question"
                    if tag == "guideline"
                    else "coverage rules for this question"
                )
            ]
        return self._section("guidelines" if tag == "guideline" else "coverage", lines, cited)

    def _disagreement(self, cid: str, group: list[Document], cited: list[str]) -> str | None:
        pro = [d for d in group if _rec(d).direction in ("for", "conditional")]
        con = [d for d in group if _rec(d).direction == "against"]
        if not (pro and con):
            return None
        marker, ids = self.cites.cite(*pro, *con)
        cited.extend(i for i in ids if i not in cited)
        name = self.base.conditions[cid].name
        text = self.voice.disagreement(
            name,
            _short(unique(_rec(d).body for d in pro)),
            _short(unique(_rec(d).body for d in con)),
        )
        return f"- {text} {marker}"

    def tagged(
        self,
        key: str,
        tags: Sequence[str],
        topics: Sequence[str],
        conditions: Sequence[str],
        topic_words: str,
        limit: int = 8,
        boost: Sequence[str] = (),
    ) -> Section | None:
        cited: list[str] = []
        kinds = ("finding", "recommendation", "protocol")
        docs = self.retrieval.top(
            kinds=kinds,
            conditions=conditions,
            general=True,
            tags=tags,
            limit=limit,
            boost_words=boost,
        )
        if conditions and len(docs) < limit:
            extra = self.retrieval.top(
                kinds=kinds, conditions=(), tags=tags, limit=limit, boost_words=boost
            )
            docs += [d for d in extra if d not in docs and not d.conditions][: limit - len(docs)]
        # a long guideline or coverage record is shown once; findings may serve two sections
        docs = [d for d in docs if not (d.kind == "recommendation" and d.key in self._shown)]
        claims = self._claims(conditions, topics=topics, limit=4)
        lines = [self._bullet(d, cited) for d in docs + claims]
        if not lines:
            lines = [self.voice.nothing(topic_words)]
        return self._section(key, lines, cited)

    def application(self, conditions: Sequence[str], limit: int = 8) -> Section | None:
        """Trial protocols, one per condition first (the care domain's preferred one), then
        guideline and coverage records that state a dose, then claims about dose."""
        cited: list[str] = []
        boost = self.words("application")
        protocols = self.retrieval.top(
            kinds=("protocol",),
            conditions=conditions,
            general=True,
            boost_words=boost,
            prefer=_protocol_preference,
        )
        chosen: list[Document] = []
        for cid in conditions:
            for d in protocols:
                if cid in d.conditions and d not in chosen:
                    chosen.append(d)
                    break
        chosen += [d for d in protocols if d not in chosen][: max(0, 3 - len(chosen))]
        chosen = chosen[: limit - 2]
        recs = self.retrieval.top(
            kinds=("recommendation", "finding"),
            conditions=conditions,
            general=True,
            tags=("dose",),
            limit=2,
            boost_words=boost,
        )
        recs = [d for d in recs if not (d.kind == "recommendation" and d.key in self._shown)]
        claims = self._claims(conditions, topics=("dose", "technique"), limit=4)
        lines = [self._bullet(d, cited) for d in chosen + recs + claims]
        if not lines:
            lines = [self.voice.nothing("dose, points or technique for this question")]
        return self._section("application", lines, cited)

    def brief(self, section: Section) -> tuple[list[str], list[str]]:
        """A one-line bottom line from the first record a section cites."""
        for d in self.cites.used.values():
            if isinstance(d.record, Claim):
                continue  # a circulating claim is never a bottom line (probe F14)
            if d.key in self._shown and any(s in section.citations for s in d.sources):
                marker, ids = self.cites.cite(d)
                return ["- " + stated_brief(self.voice, d.record, marker)], ids
        return [], []

    def _claims(
        self,
        conditions: Sequence[str],
        *,
        topics: Sequence[str] | None = None,
        limit: int = 6,
        unsettled_only: bool = False,
    ) -> list[Document]:
        docs = self.retrieval.top(kinds=("claim",), conditions=conditions or None, general=True)
        out: list[Document] = []
        for d in docs:
            c = d.record
            assert isinstance(c, Claim)
            if topics is not None and (c.topic or "") not in topics:
                continue
            if unsettled_only and c.status == "supported":
                continue
            weak = self.retrieval.lexical[self.retrieval.index.position(d)] < 0.15
            if weak and (c.condition is None or c.condition not in conditions):
                continue
            if d.key in self._shown:
                continue
            out.append(d)
        rank = {"contradicted": 0, "unverified": 1, "partly_supported": 2, "supported": 3}
        out.sort(key=lambda d: rank.get(_claim(d).status, 4))
        return out[: min(limit, self.voice.max_claims)]

    def limitations(
        self, conditions: Sequence[str], broad: bool, topics: Sequence[str] | None = None
    ) -> Section | None:
        cited: list[str] = []
        lines: list[str] = []
        recs = (
            self.retrieval.top(
                kinds=("recommendation",), conditions=conditions, tags=("guideline",)
            )
            if conditions
            else []
        )
        for cid in unique(_rec(d).condition for d in recs):
            text = self._disagreement(cid, [d for d in recs if _rec(d).condition == cid], cited)
            if text:
                lines.append(text)
        used = [d for d in self.cites.used.values() if isinstance(d.record, Finding)]
        for d in used:
            f = d.record
            assert isinstance(f, Finding)
            if f.direction in _UNSETTLED or (f.verdict in WEAK_VERDICTS):
                marker, ids = self.cites.cite(d)
                cited.extend(i for i in ids if i not in cited)
                lines.append("- " + self.voice.unsettled(f, marker))
        graded = [finding_of(d) for d in used if finding_of(d).certainty != "not_graded"]
        low = sum(1 for f in graded if f.certainty in ("low", "very_low"))
        if graded:
            lines.append("- " + self.voice.certainty_profile(low, len(graded)))
        claims = self._claims(
            conditions, topics=topics, limit=12 if broad else 6, unsettled_only=True
        )
        lines += [self._bullet(d, cited) for d in claims]
        return self._section("limitations", lines, cited)


def _protocol_preference(d: Document) -> float:
    """The care domain's ``preference`` (0-100) of a protocol, as a small ranking bonus."""
    rec = d.record
    value = rec.get("preference") if isinstance(rec, Mapping) else None
    return float(value) / 100 if isinstance(value, int | float) else 0.0


def _rec(d: Document) -> Recommendation:
    assert isinstance(d.record, Recommendation)
    return d.record


def _claim(d: Document) -> Claim:
    assert isinstance(d.record, Claim)
    return d.record


def finding_of(d: Document) -> Finding:
    assert isinstance(d.record, Finding)
    return d.record


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _short(bodies: Sequence[str]) -> list[str]:
    """Guideline bodies by their short name when they give one in brackets: ``NICE``."""
    out = []
    for b in bodies:
        if "(" in b and b.endswith(")"):
            out.append(b[b.rindex("(") + 1 : -1])
        else:
            out.append(b)
    return unique(out)


def stated_brief(voice: Any, record: Any, marker: str) -> str:
    """The voice's one-line statement of a record (the line a bottom line leads with). A
    clinician's finding carries its figures, as its bullet does: a summary alone ("in a large
    cohort ... no more common than expected") states no figure, and the asked figure is the
    record's (wave 9: held-out part 8 missed the cohort's 5,885 women, Witt 2009's 8.6%)."""
    line = str(voice.brief(record, marker)).strip()
    if getattr(voice, "audience", "") != "clinician" or not isinstance(record, Finding):
        return line
    # a categorical record's verdict is worded for a benefit ("does not support a benefit"),
    # which misreads a harm record; its size (studies, participants) is the figure
    figures = finding_stats(record.model_copy(update={"verdict": None}))
    if not figures:
        return line
    body = line[: -len(marker)].rstrip() if marker and line.endswith(marker) else line
    return f"{body} ({figures}). {marker}".strip()


_QUOTED = re.compile(r'"([^"]{6,120})"')
"""A guideline's own words quoted in its record's locator (as premise.py reads them)."""


def _first_sentence(text: str) -> str:
    """The first sentence of a record's summary, on one line."""
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]
