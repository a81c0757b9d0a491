"""Load the knowledge base from YAML and check its integrity.

Layout: ``acupath/data/<kind>/*.yaml``, each file a YAML list of records, for the kinds
``sources``, ``conditions``, ``findings``, ``recommendations``, ``claims`` and ``studies``.
Files are read in name order; a record's id must be unique within its kind across files.

The loader refuses the whole base, naming file, record id, field and reason, when a record
breaks its schema (a value outside its enumeration, a CI that does not contain its estimate),
when an id is duplicated, or when a record refers to an id that does not exist (a finding
whose source or condition is unknown). A knowledge base that loads is internally consistent.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from acupath.errors import KnowledgeBaseError
from acupath.evidence.schemas import (
    Claim,
    Condition,
    Finding,
    Recommendation,
    Source,
    Study,
)
from acupath.kbcache import load_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

M = TypeVar("M", bound=BaseModel)

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class EvidenceBase:
    """The loaded knowledge base: records of each kind, by id, in file order."""

    sources: Mapping[str, Source]
    conditions: Mapping[str, Condition]
    findings: Mapping[str, Finding]
    recommendations: Mapping[str, Recommendation]
    claims: Mapping[str, Claim]
    studies: Mapping[str, Study]
    root: Path


def read_yaml_list(path: Path) -> list[dict[str, Any]]:
    """Read one YAML file that holds a list of mappings; an empty file is an empty list.

    The parse comes from the per-user cache of :mod:`acupath.kbcache` when it holds this
    file's exact content (the records are still validated by the caller, as always).
    """
    try:
        data = load_yaml(path, _Loader)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"not valid YAML: {exc}", file=path) from exc
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise KnowledgeBaseError("must hold a YAML list of mappings (records)", file=path)
    return data


def _first_error(exc: ValidationError) -> tuple[str | None, str]:
    err = exc.errors()[0]
    field = ".".join(str(p) for p in err["loc"]) or None
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if "input" in err and err["type"] not in ("missing",) and field is not None:
        msg = f"{msg}; got {err['input']!r}"
    return field, msg


def invalid_record(
    exc: ValidationError, *, file: Path, record: object = None
) -> KnowledgeBaseError:
    """The knowledge-base error for a record that fails its schema: file, id, field, reason."""
    field, msg = _first_error(exc)
    return KnowledgeBaseError(msg, file=file, record=str(record) if record else None, field=field)


def validate_record(raw: dict[str, Any], model: type[M], *, file: Path) -> M:
    """Validate one raw record of ``file`` as ``model``, or raise :func:`invalid_record`."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise invalid_record(exc, file=file, record=raw.get("id")) from None


def read_record_file(path: Path, model: type[M]) -> dict[str, M]:
    """Read one YAML file of ``model`` records, by id; refuse invalid records and duplicates."""
    return read_records_from([path], model)


def read_records(folder: Path, model: type[M]) -> dict[str, M]:
    """Read and validate every ``*.yaml`` file in ``folder`` as records of ``model``.

    Returns the records by id. Raises :class:`KnowledgeBaseError` on the first invalid
    record or duplicate id. A missing folder is an empty kind. Other domains (points,
    protocols, screening rules, policy) read their files with this module too, so every data
    file fails the same way.
    """
    if not folder.is_dir():
        return {}
    return read_records_from(sorted(folder.glob("*.yaml")), model)


def read_records_from(paths: Iterable[Path], model: type[M]) -> dict[str, M]:
    """Records of ``model`` from ``paths`` in order, by id; ids must be unique across files."""
    records: dict[str, M] = {}
    origin: dict[str, Path] = {}
    for path in paths:
        for raw in read_yaml_list(path):
            record = validate_record(raw, model, file=path)
            key = str(getattr(record, "id"))  # noqa: B009 - every record model has an id
            if key in records:
                raise KnowledgeBaseError(
                    f"duplicate id (first defined in {origin[key].name})",
                    file=path,
                    record=key,
                    field="id",
                )
            records[key] = record
            origin[key] = path
    return records


def check_references(
    kind: str,
    records: Mapping[str, BaseModel],
    field: str,
    targets: Mapping[str, object],
    target_kind: str,
    folder: Path,
) -> None:
    """Refuse any record whose ``field`` (an id or a list of ids) names no ``target_kind``."""
    for rid, record in records.items():
        value = getattr(record, field)
        if value is None:
            continue
        ids: Iterable[str] = value if isinstance(value, list) else [value]
        for ref in ids:
            if ref not in targets:
                raise KnowledgeBaseError(
                    f"refers to unknown {target_kind} {ref!r}",
                    file=folder / f"{kind}/*.yaml",
                    record=rid,
                    field=field,
                )


POOLED_KINDS = frozenset({"meta_analysis", "ipd_meta_analysis", "systematic_review", "overview"})
POOLED_MEASURES = frozenset({"SMD", "MD", "RR", "OR", "RD", "HR"})


def is_pooled(finding: Finding, sources: Mapping[str, Source]) -> bool:
    """A pooled estimate: a number from a meta-analysis (published or recomputed by acupath)."""
    if finding.measure not in POOLED_MEASURES or finding.comparator == "none":
        return False
    if finding.provenance == "computed":
        return True
    src = sources.get(finding.source)
    return src is not None and src.kind in POOLED_KINDS and (finding.n_studies or 2) > 1


def check_certainty(findings: Mapping[str, Finding], folder: Path) -> None:
    """Refuse an efficacy finding without a rating, and any level without its provenance.

    Every efficacy finding (:attr:`Finding.is_efficacy`) must say where its certainty comes
    from: ``certainty_basis: source`` (with ``certainty_source``), ``acupath`` (with the five
    GRADE domains and their reasons) or ``not_ratable`` (with ``certainty_reason``). A finding
    that states a level must always say where the level comes from.
    """
    for fid, f in findings.items():
        if f.certainty_basis is not None:
            continue
        if f.certainty != "not_graded":
            why = f"certainty {f.certainty!r} does not say where it comes from"
        elif f.is_efficacy:
            why = "an efficacy finding needs a certainty rating"
        else:
            continue
        raise KnowledgeBaseError(
            why + ": give certainty_basis 'source' (with certainty_source), 'acupath' (with "
            "certainty_domains) or 'not_ratable' (with certainty_reason)",
            file=folder / "findings/*.yaml",
            record=fid,
            field="certainty_basis",
        )


def check_conditions(
    conditions: Mapping[str, Condition],
    findings: Mapping[str, Finding],
    sources: Mapping[str, Source],
    folder: Path,
) -> None:
    """Every condition says when it was searched, and has a pooled estimate or says it has none."""
    pooled = {
        cid
        for f in findings.values()
        if is_pooled(f, sources)
        for cid in ([f.condition] if f.condition else []) + list(f.related_conditions)
    }
    for cid, c in conditions.items():
        if c.searched is None:
            raise KnowledgeBaseError(
                "a condition needs the date its evidence was last searched",
                file=folder / "conditions/*.yaml",
                record=cid,
                field="searched",
            )
        if cid not in pooled and not c.no_pooled_estimate:
            raise KnowledgeBaseError(
                "no pooled estimate covers this condition: add one, or say in "
                "no_pooled_estimate that none exists and why",
                file=folder / "conditions/*.yaml",
                record=cid,
                field="no_pooled_estimate",
            )
        if cid in pooled and c.no_pooled_estimate:
            raise KnowledgeBaseError(
                "says no pooled estimate exists, but a pooled finding covers this condition: "
                "remove the statement or correct the finding",
                file=folder / "conditions/*.yaml",
                record=cid,
                field="no_pooled_estimate",
            )


def load_base(root: Path | str = DATA_DIR, *, complete: bool = True) -> EvidenceBase:
    """Load and check the knowledge base under ``root`` (by default the bundled one).

    ``complete`` (the default, and always for the bundled base) adds the rules of a base fit
    to answer from: every efficacy finding rated (:func:`check_certainty`), every condition
    with its search date and a pooled estimate or a statement that none exists
    (:func:`check_conditions`). Small fixture bases built for tests of other parts may pass
    ``complete=False`` to keep only the schema and reference checks.
    """
    root = Path(root)
    if not root.is_dir():
        raise KnowledgeBaseError("knowledge base folder not found", file=root)
    sources = read_records(root / "sources", Source)
    conditions = read_records(root / "conditions", Condition)
    findings = read_records(root / "findings", Finding)
    recommendations = read_records(root / "recommendations", Recommendation)
    claims = read_records(root / "claims", Claim)
    studies = read_records(root / "studies", Study)

    checks: list[tuple[str, Mapping[str, BaseModel], str, Mapping[str, object], str]] = [
        ("findings", findings, "source", sources, "source"),
        ("findings", findings, "condition", conditions, "condition"),
        ("findings", findings, "related_conditions", conditions, "condition"),
        ("findings", findings, "computed_from", studies, "study"),
        ("recommendations", recommendations, "source", sources, "source"),
        ("recommendations", recommendations, "condition", conditions, "condition"),
        ("recommendations", recommendations, "related_conditions", conditions, "condition"),
        ("claims", claims, "findings", findings, "finding"),
        ("claims", claims, "recommendations", recommendations, "recommendation"),
        ("claims", claims, "sources", sources, "source"),
        ("claims", claims, "condition", conditions, "condition"),
        ("studies", studies, "source", sources, "source"),
        ("studies", studies, "condition", conditions, "condition"),
    ]
    for kind, records, field, targets, target_kind in checks:
        check_references(kind, records, field, targets, target_kind, root)
    if complete:
        check_certainty(findings, root)
        check_conditions(conditions, findings, sources, root)

    return EvidenceBase(
        sources=sources,
        conditions=conditions,
        findings=findings,
        recommendations=recommendations,
        claims=claims,
        studies=studies,
        root=root,
    )


@functools.cache
def bundled_base() -> EvidenceBase:
    """The bundled knowledge base, loaded once per process (it is immutable)."""
    return load_base(DATA_DIR)


@functools.cache
def bundled_sources() -> Mapping[str, Source]:
    """The bundled sources alone, validated as :func:`load_base` validates them.

    For commands that need only citations (``acupath points`` and the atlas): reading the
    sources folder alone spares them validating every finding, recommendation, claim and study.
    The whole base, with its cross-references, is still checked by every command that
    answers from it and by the test suite. Once the whole base is loaded its sources are used.
    """
    if bundled_base.cache_info().currsize:
        return bundled_base().sources
    return read_records(DATA_DIR / "sources", Source)
