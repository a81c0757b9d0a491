"""Clinic policy: thresholds that are a clinic's decision, not a finding of the literature.

Platelet, neutrophil and INR thresholds for needling have no authoritative source, so acupath
ships conservative defaults in ``acupath/data/policy/clinic.yaml`` and labels every rule that
uses them as *policy*. A clinic overrides any of them with a file of the same format (a YAML
list of ``{id, value}`` records; the other fields are optional): pass it to :func:`load_policy`
(``acupath screen --policy FILE``) or name it in the environment variable
``ACUPATH_CLINIC_POLICY``. Unknown ids or non-numeric values are refused with the file named.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from acupath.errors import InputError, KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, read_record_file, read_yaml_list
from acupath.evidence.schemas import Slug

POLICY_DIR = DATA_DIR / "policy"
DEFAULT_POLICY_FILE = POLICY_DIR / "clinic.yaml"
POLICY_ENV = "ACUPATH_CLINIC_POLICY"


class Threshold(BaseModel):
    """One policy threshold with its unit, the reason for the default and related evidence."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: Slug
    value: float = Field(ge=0)
    unit: str = ""
    rationale: str = ""
    evidence: tuple[Slug, ...] = ()


@dataclass(frozen=True)
class ClinicPolicy:
    """The thresholds in force and where each came from (``default`` or an override file)."""

    thresholds: Mapping[str, Threshold]
    origin: Mapping[str, str] = field(default_factory=dict)

    def value(self, key: str) -> float:
        """The threshold value; a missing id is a knowledge-base error (the rules name it)."""
        if key not in self.thresholds:
            raise KnowledgeBaseError(
                f"clinic policy has no threshold {key!r}", file=DEFAULT_POLICY_FILE
            )
        return self.thresholds[key].value

    def as_dict(self) -> dict[str, dict[str, object]]:
        """Plain form for JSON output."""
        return {
            k: {"value": t.value, "unit": t.unit, "origin": self.origin.get(k, "default")}
            for k, t in self.thresholds.items()
        }


def _read_defaults(path: Path) -> dict[str, Threshold]:
    return read_record_file(path, Threshold)


def _read_override(path: Path, known: Mapping[str, Threshold]) -> dict[str, float]:
    where = str(path)
    if not path.is_file():
        raise InputError.invalid("policy", where, "an existing clinic policy YAML file")
    try:
        records = read_yaml_list(path)
    except KnowledgeBaseError as exc:
        raise InputError(
            f"{where}: {exc.reason}", field="policy", value=where, location=where
        ) from None
    out: dict[str, float] = {}
    for raw in records:
        key = str(raw.get("id", ""))
        if key not in known:
            raise InputError.invalid(
                "policy id", key, "one of " + ", ".join(sorted(known)), location=where
            )
        value = raw.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise InputError.invalid(
                f"{key}.value", value, "a number of at least 0", location=where
            )
        out[key] = float(value)
    return out


def load_policy(override: str | Path | None = None, *, use_env: bool = True) -> ClinicPolicy:
    """The default thresholds, replaced by an override file's values where it gives them.

    ``override`` wins over the ``ACUPATH_CLINIC_POLICY`` environment variable; pass
    ``use_env=False`` to ignore the environment (tests).
    """
    defaults = _read_defaults(DEFAULT_POLICY_FILE)
    path: Path | None = Path(override) if override is not None else None
    if path is None and use_env and os.environ.get(POLICY_ENV):
        path = Path(os.environ[POLICY_ENV])
    origin = dict.fromkeys(defaults, "default")
    thresholds = dict(defaults)
    if path is not None:
        for key, value in _read_override(path, defaults).items():
            thresholds[key] = defaults[key].model_copy(update={"value": value})
            origin[key] = str(path)
    return ClinicPolicy(thresholds=thresholds, origin=origin)


def default_policy() -> ClinicPolicy:
    """The shipped defaults, ignoring the environment."""
    return load_policy(use_env=False)
