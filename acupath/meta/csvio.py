"""Read study-level data for a meta-analysis from CSV, with metafor's column names.

Columns per measure (see :mod:`acupath.meta.effects`): ``m1i,sd1i,n1i,m2i,sd2i,n2i`` for MD,
SMD and ROM; ``ai,bi,ci,di`` or ``ai,n1i,ci,n2i`` for RR, OR and RD; ``yi,vi`` or ``yi,sei``
for GEN. Optional: ``study`` (labels) and ``analysis`` (several meta-analyses in one file, one
per value). Other columns are ignored.

Rows with an empty cell (or ``NA``) in a needed column are dropped with a warning, as R drops
them. Anything else that cannot be used stops the reading with an :class:`InputError` that
names the row (1 = first data row) and the column: a missing column, a non-numeric cell, a
negative or zero variance, SD or standard error, a group size below 2 for continuous
outcomes, a count that is negative, fractional or larger than its group.

A file with more than :data:`MAX_ROWS` data rows (100,000; ``ACUPATH_META_MAX_ROWS`` or
``acupath meta --max-rows`` set another limit) is refused before any analysis: a meta-analysis
has tens of studies, and a 50 MB file otherwise kept ``acupath meta`` busy for minutes.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from acupath.errors import InputError
from acupath.meta._choices import choose
from acupath.meta.effects import MEASURES, EffectSizes, escalc, required_columns
from acupath.meta.lanes import FloatArray

MAX_ROWS = 100_000
"""Most data rows read from one CSV (see the module docstring)."""


def max_rows(limit: int | None = None) -> int:
    """The row limit in force: ``limit``, else ``ACUPATH_META_MAX_ROWS``, else :data:`MAX_ROWS`."""
    if limit is not None:
        if limit < 1:
            raise InputError.invalid("--max-rows", limit, "a positive number of rows")
        return limit
    raw = os.environ.get("ACUPATH_META_MAX_ROWS", "").strip()
    if not raw:
        return MAX_ROWS
    try:
        value = int(raw)
    except ValueError:
        raise InputError.invalid("ACUPATH_META_MAX_ROWS", raw, "a whole number of rows") from None
    if value < 1:
        raise InputError.invalid("ACUPATH_META_MAX_ROWS", raw, "a positive number of rows")
    return value


MISSING = frozenset({"", "na", "nan", "null", "none", "."})
"""Cell values read as missing (case-insensitive)."""


@dataclass(frozen=True)
class ZeroCell:
    """Zero-cell handling for 2×2 tables, as metafor's ``escalc(add, to, drop00)``;
    ``drop00=None`` drops double-zero tables for RR and OR only (acupath's default)."""

    add: float = 0.5
    to: str = "only0"
    drop00: bool | None = None


@dataclass(frozen=True)
class StudyTable:
    """The usable rows of a CSV file for one measure."""

    measure: str
    columns: dict[str, FloatArray]
    labels: tuple[str, ...]
    analyses: tuple[str, ...] | None
    rows: tuple[int, ...]  # 1-based data-row numbers of the rows kept
    warnings: tuple[str, ...]
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)  # asked-for columns, as text
    zero_cell: ZeroCell = ZeroCell()

    def effects(self) -> EffectSizes:
        """The effect sizes of the usable rows (``escalc`` with the table's zero-cell rules)."""
        z = self.zero_cell
        return escalc(self.measure, self.columns, add=z.add, to=z.to, drop00=z.drop00)

    def __len__(self) -> int:
        return len(self.labels)


def read_csv(
    path: Path | str, measure: str, *, extra: Sequence[str] = (), row_limit: int | None = None
) -> StudyTable:
    """Read ``path`` for ``measure``; raises :class:`InputError` (see the module docstring).

    ``extra`` names further columns to keep as text (moderators, a subgroup column); rows with
    an empty cell there are dropped with a warning too.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError.invalid("FILE", str(path), "an existing CSV file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError.invalid("FILE", str(path), f"a readable UTF-8 CSV file ({exc})") from None
    return parse_csv(text, measure, source=path.name, extra=extra, row_limit=row_limit)


def parse_csv(
    text: str,
    measure: str,
    *,
    source: str = "CSV",
    extra: Sequence[str] = (),
    row_limit: int | None = None,
) -> StudyTable:
    """Parse CSV ``text`` for ``measure`` (``source`` names the file in messages; ``extra`` as
    in :func:`read_csv`; ``row_limit`` overrides :func:`max_rows`)."""
    measure = choose("measure", measure, MEASURES)
    limit = max_rows(row_limit)
    try:
        return _parse(text, measure, source, extra, limit)
    except csv.Error as exc:  # a cell over the csv module's field size limit, a NUL byte
        raise InputError.invalid("FILE", source, f"a well-formed CSV file ({exc})") from None


def _parse(text: str, measure: str, source: str, extra: Sequence[str], limit: int) -> StudyTable:
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError.invalid("FILE", source, "a CSV file with a header row") from None
    options = required_columns(measure)
    needed = next((names for names in options if all(n in header for n in names)), None)
    if needed is None:
        first = options[0]
        missing = next(n for n in first if n not in header)
        wanted = " or ".join(",".join(names) for names in options)
        raise InputError(
            f"{source}: column {missing!r} is missing; measure {measure} needs columns {wanted}",
            field=missing,
            value=None,
            allowed=wanted,
            location=source,
        )
    for name in extra:
        if name not in header:
            raise InputError(
                f"{source}: column {name!r} is missing; the file has columns {', '.join(header)}",
                field=name,
                value=None,
                allowed=", ".join(header),
                location=source,
            )
    extra_index = {name: header.index(name) for name in extra}
    extra_values: dict[str, list[str]] = {name: [] for name in extra}
    index = {name: header.index(name) for name in needed}
    label_col = header.index("study") if "study" in header else None
    group_col = header.index("analysis") if "analysis" in header else None
    values: dict[str, list[float]] = {name: [] for name in needed}
    labels: list[str] = []
    groups: list[str] = []
    kept: list[int] = []
    dropped: list[int] = []
    for row_no, row in enumerate(reader, start=1):
        if row_no > limit:
            raise InputError.invalid(
                "FILE",
                source,
                f"a CSV file of at most {limit} data rows (ACUPATH_META_MAX_ROWS or "
                "--max-rows raise the limit)",
            )
        if not any(cell.strip() for cell in row):
            continue  # blank line
        cells = {name: (row[i].strip() if i < len(row) else "") for name, i in index.items()}
        more = {name: (row[i].strip() if i < len(row) else "") for name, i in extra_index.items()}
        if any(cell.lower() in MISSING for cell in [*cells.values(), *more.values()]):
            dropped.append(row_no)
            continue
        parsed = {name: _number(cell, name, row_no, source) for name, cell in cells.items()}
        _check_row(measure, parsed, row_no, source)
        for name, x in parsed.items():
            values[name].append(x)
        for name, text_value in more.items():
            extra_values[name].append(text_value)
        label = row[label_col].strip() if label_col is not None and label_col < len(row) else ""
        labels.append(label or f"Study {row_no}")
        if group_col is not None:
            groups.append(row[group_col].strip() if group_col < len(row) else "")
        kept.append(row_no)
    notes = []
    if dropped:
        shown = ", ".join(str(r) for r in dropped[:20]) + (" ..." if len(dropped) > 20 else "")
        notes.append(
            f"{source}: dropped {len(dropped)} rows with missing values in "
            f"{', '.join([*needed, *extra])} (rows {shown})"
        )
    return StudyTable(
        measure=measure,
        columns={name: np.asarray(vals, dtype=float) for name, vals in values.items()},
        labels=tuple(labels),
        analyses=tuple(groups) if group_col is not None else None,
        rows=tuple(kept),
        warnings=tuple(notes),
        extra={name: tuple(vals) for name, vals in extra_values.items()},
    )


def _number(cell: str, column: str, row: int, source: str) -> float:
    try:
        x = float(cell)
    except ValueError:
        raise InputError.invalid(
            column, cell, "a number", location=f"{source}, row {row}"
        ) from None
    if not math.isfinite(x):
        raise InputError.invalid(column, cell, "a finite number", location=f"{source}, row {row}")
    return x


def _check_row(measure: str, r: dict[str, float], row: int, source: str) -> None:
    where = f"{source}, row {row}"

    def bad(column: str, allowed: str) -> None:
        value = r[column]
        shown: float | int = int(value) if value.is_integer() else value
        raise InputError.invalid(column, shown, allowed, location=where)

    if measure in ("MD", "SMD", "ROM"):
        for col in ("n1i", "n2i"):
            if not (r[col] >= 2 and r[col].is_integer()):
                bad(col, "a whole number >= 2 (a group size)")
        for col in ("sd1i", "sd2i"):
            if not r[col] > 0:
                bad(col, "a positive standard deviation")
        if measure == "ROM":
            for col in ("m1i", "m2i"):
                if not r[col] > 0:
                    bad(col, "a positive mean (the ratio of means needs positive means)")
    elif measure in ("RR", "OR", "RD"):
        for col in ("ai", "bi", "ci", "di", "n1i", "n2i"):
            if col in r and not (r[col] >= 0 and r[col].is_integer()):
                bad(col, "a whole number >= 0 (a count)")
        for events, total in (("ai", "n1i"), ("ci", "n2i")):
            if total in r:
                if r[total] < 1:
                    bad(total, "a whole number >= 1 (a group size)")
                if r[events] > r[total]:
                    bad(events, f"a count no larger than {total} ({r[total]:g})")
        if "bi" in r:
            for a, b, name in (("ai", "bi", "group 1"), ("ci", "di", "group 2")):
                if r[a] + r[b] < 1:
                    bad(b, f"a count that gives {name} at least one patient")
    else:
        if "vi" in r and not r["vi"] > 0:
            bad("vi", "a positive sampling variance")
        if "sei" in r and not r["sei"] > 0:
            bad("sei", "a positive standard error")
