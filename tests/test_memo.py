"""per_object: one value per live object, by identity, for the last few objects."""

from __future__ import annotations

from acupath.memo import per_object


def test_built_once_per_object_and_not_shared_between_equal_objects() -> None:
    store: dict[int, tuple[object, object]] = {}
    calls: list[int] = []
    a, b = {"x": 1}, {"x": 1}  # equal, unhashable, distinct
    first = per_object(store, a, lambda: calls.append(1) or "A")
    again = per_object(store, a, lambda: calls.append(1) or "A2")
    other = per_object(store, b, lambda: calls.append(1) or "B")
    assert (first, again, other, len(calls)) == ("A", "A", "B", 2)


def test_keeps_at_most_limit_objects() -> None:
    store: dict[int, tuple[object, object]] = {}
    objs = [object() for _ in range(5)]
    for i, o in enumerate(objs):
        per_object(store, o, lambda i=i: i, limit=3)
    assert len(store) == 3 and id(objs[0]) not in store and id(objs[-1]) in store
