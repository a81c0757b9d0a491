"""Reading files the user hands to acupath (intakes, plans, FHIR bundles): one safe path.

A user's file is untrusted input. Every reader here refuses, as an :class:`InputError` naming
the file (command line exit 2, never a traceback):

- a file larger than :data:`MAX_FILE_BYTES` (``ACUPATH_MAX_FILE_BYTES`` overrides it);
- bytes that are not UTF-8 (a binary file);
- nesting deeper than :data:`MAX_DEPTH` (a ``[[[[...]]]]`` that would exhaust Python's stack);
- YAML aliases beyond :data:`MAX_ALIASES`, or aliases whose expansion would exceed
  :data:`MAX_NODES` nodes. A "billion laughs" file of a few hundred bytes otherwise expands to
  hundreds of millions of nodes once anything walks it (1.1 GB and 8 s were seen in issue 12).

The bundled knowledge base (``acupath/data``) is trusted and keeps the fast C loader in
:mod:`acupath.evidence.loader`; only user files pay for the checks here (the pure-Python
composer, a few milliseconds for an intake).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from acupath.errors import InputError

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest user file read (20 MiB); ``ACUPATH_MAX_FILE_BYTES`` sets another limit."""
MAX_DEPTH = 64
"""Deepest nesting of lists and mappings accepted in a YAML or JSON file."""
MAX_ALIASES = 100
"""Most YAML aliases (``*name``) accepted in one file."""
MAX_NODES = 1_000_000
"""Most YAML nodes a file may stand for once its aliases are expanded."""


def max_file_bytes() -> int:
    """The size limit in force (``ACUPATH_MAX_FILE_BYTES`` or :data:`MAX_FILE_BYTES`)."""
    raw = os.environ.get("ACUPATH_MAX_FILE_BYTES", "").strip()
    if not raw:
        return MAX_FILE_BYTES
    try:
        value = int(raw)
    except ValueError:
        raise InputError.invalid("ACUPATH_MAX_FILE_BYTES", raw, "a whole number of bytes") from None
    if value < 1:
        raise InputError.invalid("ACUPATH_MAX_FILE_BYTES", raw, "a positive number of bytes")
    return value


def read_user_text(path: Path | str, field: str, what: str, *, encoding: str = "utf-8") -> str:
    """The text of the user's file ``path`` (argument ``field``; ``what`` says what it should be).

    Refuses a missing file, a folder, a file over the size limit and bytes that are not UTF-8.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError.invalid(field, str(p), f"an existing {what}")
    limit = max_file_bytes()
    size = p.stat().st_size
    if size > limit:
        raise InputError.invalid(
            field, str(p), f"a {what} of at most {limit} bytes (this one has {size})"
        )
    try:
        return p.read_bytes().decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError.invalid(
            field, str(p), f"a UTF-8 text {what} (byte {exc.start} cannot be decoded)"
        ) from None
    except OSError as exc:
        raise InputError.invalid(field, str(p), f"a readable {what} ({exc.strerror})") from None


class _LimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, counting aliases, depth and expanded size while it composes.

    A node's weight is 1 plus its children's weights; an alias adds the whole weight of the
    node it names, so the root's weight is the size of the fully expanded document.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0
        self.depth = 0
        self.weights: dict[int, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _Refused(f"more than {MAX_ALIASES} YAML aliases (*name)")
            return super().compose_node(parent, index)
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(f"nesting deeper than {MAX_DEPTH} levels")
            node = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        weight = 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                weight += self.weights.get(id(key), 1) + self.weights.get(id(value), 1)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                weight += self.weights.get(id(item), 1)
        if weight > MAX_NODES:
            raise _Refused(f"YAML aliases that expand to more than {MAX_NODES} values")
        self.weights[id(node)] = weight
        return node


class _Refused(Exception):
    """A limit of :class:`_LimitedLoader` was passed (turned into an InputError by the caller)."""


def _too_deep(data: Any) -> bool:
    """Whether ``data`` nests lists/mappings deeper than :data:`MAX_DEPTH` (no recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def parse_user_data(text: str, path: Path | str, field: str, what: str) -> Any:
    """Parse ``text`` of the user's file ``path`` as JSON (``.json``) or else YAML, within the
    limits of this module; a refusal names the file, the argument and the limit."""
    p = Path(path)
    as_json = p.suffix.lower() == ".json"
    kind = "JSON" if as_json else "YAML"
    try:
        if as_json:
            data = json.loads(text)
            if _too_deep(data):
                raise _Refused(f"nesting deeper than {MAX_DEPTH} levels")
            return data
        loader = _LimitedLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except _Refused as exc:
        raise InputError.invalid(field, str(p), f"a {what} without {exc}") from None
    except RecursionError:
        raise InputError.invalid(
            field, str(p), f"a {what} nested at most {MAX_DEPTH} levels deep"
        ) from None
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            f"{p}: not valid {kind}: {detail}",
            field=field,
            value=str(p),
            allowed=f"a valid {kind} {what}",
            location=str(p),
        ) from None


def read_user_data(path: Path | str, field: str, what: str) -> Any:
    """Read and parse the user's YAML or JSON file ``path`` (see :func:`parse_user_data`)."""
    return parse_user_data(read_user_text(path, field, what), path, field, what)
