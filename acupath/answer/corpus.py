"""The searchable corpus: every record an answer may use, as one :class:`Document` each.

Records come from the evidence base (findings, recommendations, claims), from the protocol
files of the care domain (``<root>/protocols/*.yaml``, read as plain mappings so this module does
not depend on their schema beyond ``id``, a condition and a source) and, for point names, from
the acupoint atlas when it is installed. Each document carries the words BM25 indexes, the
conditions and sources it rests on, and tags (``safety``, ``mechanism``, ``durability``,
``integration``, ``coverage``, ``dose``) that route it to answer sections.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from acupath.answer.vocabulary import Vocabulary
from acupath.evidence.loader import EvidenceBase, read_yaml_list
from acupath.evidence.schemas import Claim, Finding, Recommendation

RecordLike = Finding | Recommendation | Claim | Mapping[str, Any]


@dataclass(frozen=True, eq=False)
class Document:
    """One record as the retriever sees it (compared by identity: one object per record)."""

    kind: str  # finding, recommendation, claim, protocol
    id: str
    record: RecordLike = field(repr=False, compare=False)
    text: str = field(repr=False)
    conditions: tuple[str, ...]
    sources: tuple[str, ...]
    tags: frozenset[str] = frozenset()
    intervention: str | None = None
    comparator: str | None = None

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.id}"


def _has_word(text: str, words: Iterable[str]) -> bool:
    low = text.lower()
    return any(w.lower() in low for w in words)


def finding_document(f: Finding, base: EvidenceBase, vocab: Vocabulary) -> Document:
    """A finding, tagged from its outcome, source kind, timepoint and comparator detail."""
    cond = base.conditions.get(f.condition) if f.condition else None
    src = base.sources.get(f.source)
    tags: set[str] = set()
    outcome = f.outcome.replace("_", " ")
    if _has_word(f.outcome, vocab.safety_outcome_words):
        tags.add("safety")
    if _has_word(f.outcome, vocab.mechanism_outcome_words) or (
        src is not None and src.kind in vocab.mechanism_source_kinds
    ):
        tags.add("mechanism")
    if _has_word(f"{f.outcome} {f.timepoint or ''}", vocab.durability_words):
        tags.add("durability")
    if _has_word(f.outcome, vocab.integration_outcome_words) or _has_word(
        f.comparator_detail or "", vocab.integration_detail_words
    ):
        tags.add("integration")
    if "session" in f.outcome or "dose" in f.outcome:
        tags.add("dose")
    parts = [
        f.summary,
        outcome,
        f.population,
        f.intervention,
        f.comparator.replace("_", " "),
        f.comparator_detail or "",
        f.scale or "",
        f.timepoint or "",
        cond.name if cond else "",
        " ".join(cond.synonyms) if cond else "",
        src.title if src else "",
    ]
    return Document(
        kind="finding",
        id=f.id,
        record=f,
        text=" ".join(parts),
        conditions=((f.condition,) if f.condition else ()) + tuple(f.related_conditions),
        sources=(f.source,),
        tags=frozenset(tags),
        intervention=f.intervention,
        comparator=f.comparator,
    )


def recommendation_document(r: Recommendation, base: EvidenceBase) -> Document:
    """A guideline or payer position; coverage policies are tagged ``coverage``."""
    cond = base.conditions.get(r.condition)
    src = base.sources.get(r.source)
    tags = {"guideline"}
    if src is not None and src.kind == "coverage_policy":
        tags = {"coverage"}
    uses = " ".join(r.conditions_of_use)
    if _has_word(uses, ("session", "visit", "course", "treatments per", "weeks")):
        tags.add("dose")
    if _has_word(f"{uses} {r.summary}", ("drug", "medication", "first-line", "opioid", "analges")):
        tags.add("integration")
    parts = [r.summary, r.body, r.population, uses, r.direction, cond.name if cond else ""]
    return Document(
        kind="recommendation",
        id=r.id,
        record=r,
        text=" ".join(parts),
        # a position that also speaks for related conditions (NG59: "with or without sciatica")
        conditions=(r.condition, *r.related_conditions),
        sources=(r.source,),
        tags=frozenset(tags),
        intervention=r.intervention,
    )


def claim_document(c: Claim, base: EvidenceBase) -> Document:
    """A circulating claim with the records that decide it."""
    sources = [base.findings[f].source for f in c.findings if f in base.findings]
    sources += [
        base.recommendations[r].source for r in c.recommendations if r in base.recommendations
    ]
    sources += list(c.sources)
    tags = {c.topic} if c.topic else set()
    parts = [c.statement, " ".join(c.keywords), c.topic or "", c.note]
    return Document(
        kind="claim",
        id=c.id,
        record=c,
        text=" ".join(parts),
        conditions=(c.condition,) if c.condition else (),
        sources=tuple(dict.fromkeys(sources)),
        tags=frozenset(tags),
    )


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _strings(v)


def _ids(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def protocol_documents(base: EvidenceBase) -> list[Document]:
    """Treatment protocols from ``<root>/protocols/*.yaml`` (plain mappings with an ``id``).

    A protocol is used only when its condition and every source it names exist in the base,
    so an answer never cites what it cannot resolve.
    """
    folder = base.root / "protocols"
    if not folder.is_dir():
        return []
    docs: list[Document] = []
    for path in sorted(folder.glob("*.yaml")):
        for raw in read_yaml_list(path):
            pid = raw.get("id")
            if not isinstance(pid, str):
                continue
            conditions = _ids(raw.get("condition")) + _ids(raw.get("conditions"))
            sources = (
                _ids(raw.get("source"))
                + _ids(raw.get("sources"))
                + _ids(raw.get("protocol_source"))
            )
            if not sources or any(s not in base.sources for s in sources):
                continue
            conditions = tuple(c for c in conditions if c in base.conditions)
            docs.append(
                Document(
                    kind="protocol",
                    id=pid,
                    record=raw,
                    text=" ".join(_strings(raw)),
                    conditions=conditions,
                    sources=tuple(dict.fromkeys(sources)),
                    tags=frozenset({"dose", "points", "technique"}),
                    intervention=raw.get("technique")
                    if isinstance(raw.get("technique"), str)
                    else None,
                )
            )
    return docs


def build_corpus(base: EvidenceBase, vocab: Vocabulary) -> list[Document]:
    """Every usable record of ``base`` as a document, in knowledge-base order."""
    docs: list[Document] = [finding_document(f, base, vocab) for f in base.findings.values()]
    docs += [recommendation_document(r, base) for r in base.recommendations.values()]
    docs += [claim_document(c, base) for c in base.claims.values()]
    docs += protocol_documents(base)
    return docs
