"""Validation of named options (estimators, tests, effect measures) shared by the modules."""

from __future__ import annotations

from collections.abc import Sequence

from acupath.errors import InputError


class UnknownChoice(InputError, ValueError):
    """An option outside its registry. It is an :class:`InputError` (exit 2 on the command
    line) and a ``ValueError`` (what library callers expect from a bad argument)."""


def choose(kind: str, value: object, choices: Sequence[str]) -> str:
    """Return ``value`` if it is one of ``choices``; else raise :class:`UnknownChoice`.

    The message reads ``unknown method 'X'; choose one of: EE, FE, DL, ...``.
    """
    if isinstance(value, str) and value in choices:
        return value
    raise UnknownChoice(
        f"unknown {kind} {value!r}; choose one of: {', '.join(choices)}",
        field=kind,
        value=value,
        allowed=", ".join(choices),
    )
