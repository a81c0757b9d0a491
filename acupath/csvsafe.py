"""CSV for people: cells a spreadsheet would run as a formula are escaped.

A spreadsheet treats a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula (``=HYPERLINK(...)`` in a study label or condition name is then live in
the clinic's spreadsheet). Following OWASP's "CSV Injection" advice, such a cell is prefixed
with a single quote, which spreadsheets show as text. A plain number (``-0.5``, ``+3``,
``1e-4``) is left alone so it stays a number. Every CSV acupath writes for people goes through
:func:`safe_writer`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters a spreadsheet may read as the start of a formula (OWASP)."""

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell: a string that could start a formula gets a leading ``'``;
    numbers, plain text and empty cells are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        if _NUMBER.fullmatch(value):
            return value
        return "'" + value
    return value


class SafeWriter:
    """A :func:`csv.writer` whose rows pass through :func:`safe_cell`."""

    def __init__(self, out: TextIO, **kwargs: Any) -> None:
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(out: TextIO, **kwargs: Any) -> SafeWriter:
    """A CSV writer for files people open in a spreadsheet (see the module docstring)."""
    return SafeWriter(out, **kwargs)
