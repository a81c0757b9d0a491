"""A per-user cache of parsed knowledge-base files, so a command does not re-parse YAML.

Building Python objects from the YAML of the knowledge base (about 1 MB) takes most of a
second even with libyaml's C parser; reading the same data back from JSON takes about a
hundredth of that. :func:`load_yaml` returns what ``yaml.load(text, CSafeLoader)`` returns
for a file, from the cache when it holds that file's parse, and otherwise parses the file and
stores the result. Only the parse is cached: every record is still validated by its schema
and every reference checked on each load, exactly as without the cache.

Key. An entry is named by the SHA-256 of the file's bytes together with :data:`FORMAT`, the
PyYAML version and the loader's name (content addressing). A file that changes in any way,
however its modification time is set, has a new key, so the cache cannot serve stale data; new
data files (another engineer's, a clinic's) need no step of their own.

Where. ``ACUPATH_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/acupath`` (an absolute
``XDG_CACHE_HOME`` only, as the XDG Base Directory specification asks), else
``~/.cache/acupath``; entries live in its ``yaml/`` folder. ``ACUPATH_NO_CACHE`` set to
anything but ``""`` or ``0`` turns the cache off.

Trust. A cached parse becomes clinical data (a needling depth, a caution), so an entry is used
only when it and both folders above it are owned by the current user, are not writable by the
group or others, and are not symbolic links; otherwise the cache is bypassed (the file is parsed,
nothing is written). Entries are JSON, never pickle, so a forged entry could at worst carry
wrong data, and the ownership checks keep other users from forging one. Folders are created
0700 and entries 0600, written to a temporary file and renamed into place (``os.replace``), so a
reader never sees half an entry.

Failure. The cache never makes a command fail: an entry that cannot be read, is not valid JSON,
or does not hold what its header says is ignored and rewritten; a folder that cannot be created
or written just means no cache. Values JSON cannot carry exactly are tagged (dates, times);
a file holding anything else (``!!binary``, ``!!set``, non-string keys) is not cached at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

FORMAT = "acupath-yaml-cache-1"
"""Changes when the layout or encoding of an entry changes; part of every key."""

CACHE_DIR_ENV = "ACUPATH_CACHE_DIR"
DISABLE_ENV = "ACUPATH_NO_CACHE"
MAX_ENTRIES = 400
"""When a write leaves more entries than this, the least recently written are removed."""

_DATE = "$date"
_DATETIME = "$datetime"


class Uncacheable(ValueError):
    """A parsed value that the JSON encoding cannot carry exactly."""


def enabled() -> bool:
    """False when ``ACUPATH_NO_CACHE`` turns the cache off, or on a system without user ids."""
    return os.environ.get(DISABLE_ENV, "") in ("", "0") and hasattr(os, "getuid")


def cache_root() -> Path:
    """``ACUPATH_CACHE_DIR``, else ``$XDG_CACHE_HOME/acupath``, else ``~/.cache/acupath``."""
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "acupath"
    return Path.home() / ".cache" / "acupath"


def _private(st: os.stat_result, *, folder: bool) -> bool:
    """Owned by this user, not writable by group or others, and of the expected type."""
    kind_ok = stat.S_ISDIR(st.st_mode) if folder else stat.S_ISREG(st.st_mode)
    return kind_ok and st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _trusted_folder(path: Path) -> bool:
    try:
        return _private(os.lstat(path), folder=True)
    except OSError:
        return False


def _entries_folder(*, create: bool, kind: str = "yaml") -> Path | None:
    """The ``kind`` folder of the cache when it (and its parent) can be trusted, else None."""
    root = cache_root()
    folder = root / kind
    if create:
        try:
            root.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError:
            return None
    if _trusted_folder(root) and _trusted_folder(folder):
        return folder
    return None


def entry_key(content: bytes, yaml_version: str, loader_name: str) -> str:
    """SHA-256 (hex) of the file's bytes with everything else its parse depends on."""
    digest = hashlib.sha256()
    for part in (FORMAT, yaml_version, loader_name):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(content)
    return digest.hexdigest()


def encode(value: Any) -> Any:
    """``value`` as plain JSON data; dates and times become one-key tagged objects.

    Raises :class:`Uncacheable` for anything else that is not a str, int, float, bool, None,
    list or str-keyed dict (and for a dict whose own key looks like a tag).
    """
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is dt.date:
        return {_DATE: value.isoformat()}
    if type(value) is dt.datetime:
        return {_DATETIME: value.isoformat()}
    if type(value) is list:
        return [encode(v) for v in value]
    if type(value) is dict:
        out: dict[str, Any] = {}
        for k, v in value.items():
            if type(k) is not str or k.startswith("$"):
                raise Uncacheable(f"key {k!r}")
            out[k] = encode(v)
        return out
    raise Uncacheable(type(value).__name__)


def _decode_object(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        if _DATE in obj:
            return dt.date.fromisoformat(obj[_DATE])
        if _DATETIME in obj:
            return dt.datetime.fromisoformat(obj[_DATETIME])
    return obj


def decode(text: str) -> Any:
    """The value :func:`encode` stored as JSON ``text``."""
    return json.loads(text, object_hook=_decode_object)


def read_entry(folder: Path, key: str) -> tuple[bool, Any]:
    """``(True, value)`` for a usable entry ``key`` in ``folder``, else ``(False, None)``."""
    path = folder / f"{key}.json"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False, None
    try:
        if not _private(os.fstat(fd), folder=False):
            return False, None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read()
    except OSError:
        return False, None
    finally:
        os.close(fd)
    try:
        doc = decode(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):  # JSONDecodeError and a bad tagged date
        return False, None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("key") != key:
        return False, None
    if "data" not in doc:
        return False, None
    return True, doc["data"]


def write_entry(folder: Path, key: str, value: Any) -> bool:
    """Store ``value`` as entry ``key`` (atomically, mode 0600); False when it was not stored."""
    try:
        payload = json.dumps(
            {"format": FORMAT, "key": key, "data": encode(value)},
            ensure_ascii=False,
            allow_nan=True,
            separators=(",", ":"),
        )
    except (Uncacheable, ValueError, RecursionError):
        return False
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=folder)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o600)
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    _prune(folder)
    return True


def _prune(folder: Path) -> None:
    """Keep at most :data:`MAX_ENTRIES` entries, removing the least recently written."""
    try:
        entries = [p for p in folder.iterdir() if p.suffix == ".json"]
        if len(entries) <= MAX_ENTRIES:
            return
        dated = sorted(entries, key=lambda p: p.stat().st_mtime)
        for old in dated[: len(entries) - MAX_ENTRIES // 2]:
            old.unlink()
    except OSError:
        pass


def digest(*parts: str | bytes) -> str:
    """SHA-256 (hex) of :data:`FORMAT` and ``parts``, each length-prefixed (no ambiguity)."""
    h = hashlib.sha256(FORMAT.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def get(kind: str, key: str) -> tuple[bool, Any]:
    """``(True, value)`` for a trusted entry ``key`` of the ``kind`` cache, else ``(False, None)``.

    For derived data that other modules cache (the tokenised corpus of
    :mod:`acupath.answer.retrieve`); the caller makes ``key`` from everything the value depends
    on (see :func:`digest`).
    """
    if not enabled():
        return False, None
    folder = _entries_folder(create=False, kind=kind)
    return read_entry(folder, key) if folder is not None else (False, None)


def put(kind: str, key: str, value: Any) -> bool:
    """Store ``value`` as entry ``key`` of the ``kind`` cache; False when it was not stored."""
    if not enabled():
        return False
    folder = _entries_folder(create=True, kind=kind)
    return write_entry(folder, key, value) if folder is not None else False


def _text_stream(content: bytes, path: Path) -> io.StringIO:
    """The bytes that were hashed, read as ``path.open(encoding="utf-8")`` would read them.

    Parsing these bytes (not the file a second time) means an entry always holds the parse of
    the content its key was made from, even if the file changes meanwhile. Universal newlines
    and the stream's ``name`` (which YAML error messages quote) match a text-mode file.
    """
    text = content.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    stream = io.StringIO(text, newline="")
    stream.name = str(path)
    return stream


def load_yaml(path: Path, loader: Any) -> Any:
    """``yaml.load`` of the file at ``path`` with ``loader``, served from the cache when possible.

    Errors reading or parsing the file are raised exactly as without the cache (``OSError``,
    ``yaml.YAMLError``); a parse that fails is never stored.
    """
    import yaml

    if not enabled():
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)
    with path.open("rb") as fh:
        content = fh.read()
    key = entry_key(content, yaml.__version__, f"{loader.__module__}.{loader.__qualname__}")
    folder = _entries_folder(create=False)
    if folder is not None:
        found, value = read_entry(folder, key)
        if found:
            return value
    value = yaml.load(_text_stream(content, path), Loader=loader)
    folder = folder or _entries_folder(create=True)
    if folder is not None:
        write_entry(folder, key, value)
    return value
