"""One value per live object, kept for the last few objects.

Evidence bases, indexes and understanders are not hashable (they hold dicts), and two of them
built one after the other may reuse an ``id``; so a value is stored under ``id(obj)`` with the
object itself and returned only while that very object is asked for. At most ``limit`` objects
are kept (the oldest is dropped): tests build many small bases.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def per_object(
    store: dict[int, tuple[Any, Any]], obj: Any, build: Callable[[], T], limit: int = 8
) -> T:
    """``build()`` once per ``obj`` (by identity), remembered in ``store``."""
    hit = store.get(id(obj))
    if hit is not None and hit[0] is obj:
        value: T = hit[1]
        return value
    value = build()
    if len(store) >= limit:
        store.pop(next(iter(store)))
    store[id(obj)] = (obj, value)
    return value
