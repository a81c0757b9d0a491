"""Option checks shared by the commands (kept free of heavy imports: ``user`` loads it early)."""

from __future__ import annotations

from collections.abc import Callable

import typer

from acupath.errors import InputError

MAX_ID = 2**31 - 1
"""Largest id or count the database columns hold (a 32-bit signed integer on PostgreSQL)."""


def bounded(
    low: int = 1, high: int = MAX_ID, what: str = "an id"
) -> Callable[[typer.Context, typer.CallbackParam, object], object]:
    """An option/argument callback refusing an integer outside ``low..high`` as an
    :class:`InputError` (one line, exit 2) before it reaches the database, where a value above
    2^31-1 was an OverflowError (SQLite) or DataError (PostgreSQL) and exit 1."""

    def check(ctx: typer.Context, param: typer.CallbackParam, value: object) -> object:
        values = value if isinstance(value, list | tuple) else [value]
        for v in values:
            if isinstance(v, int) and not low <= v <= high:
                if param.param_type_name == "argument":
                    name = param.metavar or (param.name or "value").upper()
                else:
                    name = param.opts[0] if param.opts else (param.name or "value")
                raise InputError.invalid(name, v, f"{what} from {low} to {high}")
        return value

    return check
