"""Printing helpers shared by the command modules: JSON documents and Rich tables."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table


def _default(obj: Any) -> Any:
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json")
    if isinstance(obj, dt.date | dt.datetime):
        return obj.isoformat()
    if isinstance(obj, set | frozenset | tuple):
        return list(obj)
    if hasattr(obj, "tolist"):  # NumPy scalars and arrays
        return obj.tolist()
    raise TypeError(f"cannot encode {type(obj).__name__} as JSON")


def _finite(obj: Any) -> Any:
    """Replace NaN and infinities (not valid JSON) with null, recursively."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def to_json(document: Any) -> str:
    """Encode one JSON document (pydantic models, dates and NumPy values allowed)."""
    plain = json.loads(json.dumps(document, default=_default))
    return json.dumps(_finite(plain), indent=2, ensure_ascii=False, allow_nan=False)


def print_json(document: Any) -> None:
    """Print one JSON document on stdout."""
    print(to_json(document))


def console() -> Console:
    """A console for human output; wide enough that tables stay readable when piped."""
    return Console(width=None if Console().is_terminal else 140, highlight=False)


def table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Table:
    """A plain Rich table: ``columns`` as headers, every cell rendered with ``str``."""
    out = Table(title=title, title_justify="left", show_lines=False)
    for name in columns:
        out.add_column(name, overflow="fold")
    for row in rows:
        out.add_row(*("" if cell is None else str(cell) for cell in row))
    return out
