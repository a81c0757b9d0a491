"""The one exception tree of acupath.

Every failure acupath reports on purpose is an :class:`AcupathError`. The command line maps
them to exit codes and the web layer to status codes, each in one place::

    AcupathError              exit 1 / HTTP 500   something acupath itself got wrong
    ├── InputError            exit 2 / HTTP 400   the caller's input cannot be used
    │   ├── NotFound          exit 2 / HTTP 404   an id that names nothing
    │   └── AnalysisError     exit 2 / HTTP 422   valid input that cannot support the analysis
    ├── PermissionDenied      exit 2 / HTTP 403   the caller may not do this
    └── KnowledgeBaseError    exit 1 / HTTP 500   the shipped knowledge base is inconsistent

Messages say what to do: the field, the value received and what is allowed, for example
``pain_nrs must be an integer from 0 to 10; got 14``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class AcupathError(Exception):
    """Base of every error acupath raises on purpose."""

    exit_code: int = 1
    status_code: int = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(AcupathError):
    """Input from the user (a file, an argument, a form) that cannot be used as given.

    ``field`` names the offending field (or CSV column, or argument), ``value`` is what was
    received and ``allowed`` describes what would have been accepted. ``location`` optionally
    says where (a file and row).
    """

    exit_code = 2
    status_code = 400

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        value: Any = None,
        allowed: str | None = None,
        location: str | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        self.allowed = allowed
        self.location = location

    @classmethod
    def invalid(
        cls, field: str, value: Any, allowed: str, *, location: str | None = None
    ) -> InputError:
        """Build the standard message: ``<field> must be <allowed>; got <value>``."""
        where = f"{location}: " if location else ""
        return cls(
            f"{where}{field} must be {allowed}; got {value!r}",
            field=field,
            value=value,
            allowed=allowed,
            location=location,
        )

    def as_dict(self) -> dict[str, Any]:
        """The error as one entry of the API's ``errors`` list."""
        out: dict[str, Any] = {"message": self.message}
        if self.field is not None:
            out["field"] = self.field
        if self.value is not None:
            plain = isinstance(self.value, int | float | str)
            out["value"] = self.value if plain else str(self.value)
        if self.allowed is not None:
            out["allowed"] = self.allowed
        if self.location is not None:
            out["location"] = self.location
        return out


class NotFound(InputError):
    """An identifier (condition, finding, source, patient, point) that names nothing."""

    status_code = 404

    @classmethod
    def unknown(cls, kind: str, value: str, choices: list[str] | None = None) -> NotFound:
        """``unknown condition 'x'; choose one of: a, b, c`` (choices shortened when long)."""
        hint = ""
        if choices:
            shown = ", ".join(sorted(choices)[:30])
            more = f" (and {len(choices) - 30} more)" if len(choices) > 30 else ""
            hint = f"; choose one of: {shown}{more}"
        return cls(f"unknown {kind} {value!r}{hint}", field=kind, value=value, allowed=hint[2:])


class AnalysisError(InputError):
    """Valid input that cannot support the analysis asked for (too few studies, say)."""

    status_code = 422


class PermissionDenied(AcupathError):
    """The caller is not allowed to read or change this record."""

    exit_code = 2
    status_code = 403


class KnowledgeBaseError(AcupathError):
    """The knowledge base under ``acupath/data`` breaks a schema or an integrity rule.

    It names the file, the record id, the field and the reason, so the record can be mended.
    """

    def __init__(
        self,
        reason: str,
        *,
        file: Path | str | None = None,
        record: str | None = None,
        field: str | None = None,
    ) -> None:
        parts = []
        if file is not None:
            parts.append(str(file))
        if record is not None:
            parts.append(f"record {record!r}")
        if field is not None:
            parts.append(f"field {field!r}")
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {reason}" if prefix else reason)
        self.file = str(file) if file is not None else None
        self.record = record
        self.field = field
        self.reason = reason
