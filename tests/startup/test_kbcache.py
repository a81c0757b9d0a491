"""The cache of parsed knowledge-base files: exact, never stale, never trusted blindly."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml

from acupath import kbcache
from acupath.errors import KnowledgeBaseError
from acupath.evidence.loader import DATA_DIR, _Loader, load_base, read_yaml_list

LOADER: Any = _Loader


def entries(root: Path) -> list[Path]:
    folder = root / "yaml"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def same(a: Any, b: Any) -> bool:
    """Equal values of exactly the same types, all the way down (``1 == 1.0 == True`` is not)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and a != a:
        return b != b
    if isinstance(a, dt.datetime):
        return a == b and a.utcoffset() == b.utcoffset()
    return bool(a == b)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def plain_parse(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=LOADER)


def test_every_bundled_file_reads_back_exactly_from_the_cache(cache: Path) -> None:
    files = sorted(DATA_DIR.rglob("*.yaml"))
    assert len(files) > 40
    for path in files:
        expected = plain_parse(path)
        first = kbcache.load_yaml(path, LOADER)  # parses and stores
        second = kbcache.load_yaml(path, LOADER)  # from the cache
        assert same(first, expected), path
        assert same(second, expected), path
    assert len(entries(cache)) == len({p.read_bytes() for p in files})


def test_the_bundled_base_is_identical_with_and_without_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_base(DATA_DIR)  # fill the cache
    warm = load_base(DATA_DIR)
    monkeypatch.setenv(kbcache.DISABLE_ENV, "1")
    cold = load_base(DATA_DIR)
    for kind in ("sources", "conditions", "findings", "recommendations", "claims", "studies"):
        a, b = getattr(warm, kind), getattr(cold, kind)
        assert list(a) == list(b), kind
        for rid in a:
            assert a[rid] == b[rid], (kind, rid)
            assert a[rid].model_fields_set == b[rid].model_fields_set, (kind, rid)


def test_dates_times_and_special_floats_survive(cache: Path, tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.yaml",
        "- id: a\n  checked: 2026-11-21\n  at: 2026-11-21 10:30:00+02:00\n"
        "  naive: 2026-11-21 10:30:00\n"
        "  big: .inf\n  nan: .nan\n  n: 3\n  f: 3.0\n  t: true\n  none: null\n"
        "  text: '2026-11-21'\n  nested: {a: [1, 2.5, {b: 2001-01-01}]}\n",
    )
    kbcache.load_yaml(path, LOADER)
    assert same(kbcache.load_yaml(path, LOADER), plain_parse(path))
    assert len(entries(cache)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "- id: a\n  blob: !!binary aGVsbG8=\n",  # bytes
        "- id: a\n  s: !!set {x, y}\n",  # a set
        "- id: a\n  1: one\n",  # a non-string key
        "- id: a\n  $date: 2026-01-01\n",  # a key that looks like the cache's own tag
    ],
)
def test_values_json_cannot_carry_are_parsed_every_time(
    cache: Path, tmp_path: Path, text: str
) -> None:
    path = write(tmp_path / "odd.yaml", text)
    assert same(kbcache.load_yaml(path, LOADER), plain_parse(path))
    assert same(kbcache.load_yaml(path, LOADER), plain_parse(path))
    assert entries(cache) == []


def test_editing_a_file_invalidates_even_with_the_same_size_and_mtime(
    cache: Path, tmp_path: Path
) -> None:
    path = write(tmp_path / "f.yaml", "- id: a\n  depth: 1.0\n")
    before = os.stat(path)
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "depth": 1.0}]
    write(path, "- id: a\n  depth: 9.0\n")  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "depth": 9.0}]
    assert read_yaml_list(path) == [{"id": "a", "depth": 9.0}]


def test_a_new_data_file_is_picked_up_by_the_loader(cache: Path, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    write(folder / "a.yaml", "- id: one\n")
    assert [r["id"] for p in sorted(folder.glob("*.yaml")) for r in read_yaml_list(p)] == ["one"]
    write(folder / "b.yaml", "- id: two\n")
    ids = [r["id"] for p in sorted(folder.glob("*.yaml")) for r in read_yaml_list(p)]
    assert ids == ["one", "two"]


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"{not json",
        b"\xff\xfe\x00",
        b'{"format": "something-else", "key": "K", "data": [1]}',
        b'{"format": "acupath-yaml-cache-1", "key": "another-key", "data": [1]}',
        b'{"format": "acupath-yaml-cache-1", "key": "K"}',
        b'{"format": "acupath-yaml-cache-1", "key": "K", "data": [{"$date": "not a date"}]}',
        b"[1, 2, 3]",
    ],
)
def test_a_corrupt_entry_is_ignored_and_rewritten(
    cache: Path, tmp_path: Path, garbage: bytes
) -> None:
    path = write(tmp_path / "f.yaml", "- id: a\n  n: 1\n")
    kbcache.load_yaml(path, LOADER)
    (entry,) = entries(cache)
    entry.write_bytes(garbage.replace(b'"K"', f'"{entry.stem}"'.encode()))
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "n": 1}]
    assert b'"format":"acupath-yaml-cache-1"' in entry.read_bytes()  # rewritten
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "n": 1}]


def forge(cache: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A cached file whose entry has been replaced with forged data."""
    path = write(tmp_path / "f.yaml", "- id: a\n  depth: 1.0\n")
    kbcache.load_yaml(path, LOADER)
    (entry,) = entries(cache)
    forged = entry.read_text(encoding="utf-8").replace("1.0", "99.0")
    entry.write_text(forged, encoding="utf-8")
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "depth": 99.0}]  # trusted as is
    return path, entry


def test_an_entry_others_may_write_is_not_trusted(cache: Path, tmp_path: Path) -> None:
    path, entry = forge(cache, tmp_path)
    for mode in (0o620, 0o602, 0o666):
        entry.chmod(mode)
        assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "depth": 1.0}], oct(mode)


def test_a_folder_others_may_write_is_not_trusted_nor_written(cache: Path, tmp_path: Path) -> None:
    path, entry = forge(cache, tmp_path)
    for folder in (cache, cache / "yaml"):
        folder.chmod(0o777)
        assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "depth": 1.0}], folder
        assert "99.0" in entry.read_text(encoding="utf-8")  # nothing written there either
        folder.chmod(0o700)


def test_an_entry_owned_by_someone_else_is_not_trusted(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = forge(cache, tmp_path)
    real = os.getuid()
    monkeypatch.setattr(kbcache.os, "getuid", lambda: real + 1)
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "depth": 1.0}]


def test_a_symlinked_entry_or_folder_is_not_followed(cache: Path, tmp_path: Path) -> None:
    path, entry = forge(cache, tmp_path)
    elsewhere = tmp_path / "elsewhere.json"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "depth": 1.0}]

    moved = tmp_path / "real-cache"
    cache.rename(moved)
    cache.symlink_to(moved)
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a", "depth": 1.0}]


def test_folders_are_private_and_entries_0600(cache: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "f.yaml", "- id: a\n")
    old = os.umask(0)  # the modes must not depend on a permissive umask
    try:
        kbcache.load_yaml(path, LOADER)
    finally:
        os.umask(old)
    (entry,) = entries(cache)
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(cache / "yaml").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(entry).st_mode) == 0o600
    assert not [p for p in (cache / "yaml").iterdir() if p.name.startswith(".tmp-")]


def test_disabled_by_the_environment(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "f.yaml", "- id: a\n")
    monkeypatch.setenv(kbcache.DISABLE_ENV, "1")
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a"}]
    assert not cache.exists()
    monkeypatch.setenv(kbcache.DISABLE_ENV, "0")
    assert kbcache.load_yaml(path, LOADER) == [{"id": "a"}]
    assert len(entries(cache)) == 1


def test_an_unusable_cache_location_never_fails_a_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "f.yaml", "- id: a\n")
    blocker = write(tmp_path / "not-a-folder", "x")
    for location in (blocker, blocker / "sub"):
        monkeypatch.setenv(kbcache.CACHE_DIR_ENV, str(location))
        assert kbcache.load_yaml(path, LOADER) == [{"id": "a"}]
    readonly = tmp_path / "ro"
    (readonly / "yaml").mkdir(parents=True, mode=0o700)
    (readonly / "yaml").chmod(0o500)
    monkeypatch.setenv(kbcache.CACHE_DIR_ENV, str(readonly))
    try:
        assert kbcache.load_yaml(path, LOADER) == [{"id": "a"}]
    finally:
        (readonly / "yaml").chmod(0o700)


def test_cache_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(kbcache.CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert kbcache.cache_root() == tmp_path / "xdg" / "acupath"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the spec says: ignore it
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert kbcache.cache_root() == tmp_path / "home" / ".cache" / "acupath"
    monkeypatch.setenv(kbcache.CACHE_DIR_ENV, str(tmp_path / "mine"))
    assert kbcache.cache_root() == tmp_path / "mine"


def test_yaml_errors_are_reported_as_before_and_never_cached(cache: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "bad.yaml", "- id: a\n  list: [1, 2\n")
    with pytest.raises(KnowledgeBaseError) as cached:
        read_yaml_list(path)
    os.environ[kbcache.DISABLE_ENV] = "1"
    try:
        with pytest.raises(KnowledgeBaseError) as plain:
            read_yaml_list(path)
    finally:
        del os.environ[kbcache.DISABLE_ENV]
    assert str(cached.value) == str(plain.value)
    assert str(path) in str(cached.value)
    assert entries(cache) == []


def test_not_a_list_is_refused_from_the_cache_too(cache: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "map.yaml", "id: a\n")
    for _ in range(2):
        with pytest.raises(KnowledgeBaseError, match="must hold a YAML list of mappings"):
            read_yaml_list(path)


def test_crlf_and_bom_read_as_a_text_file_reads_them(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf- id: a\r\n  text: |\r\n    two\r\n    lines\r\n")
    kbcache.load_yaml(path, LOADER)
    assert same(kbcache.load_yaml(path, LOADER), plain_parse(path))


def test_old_entries_are_pruned(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kbcache, "MAX_ENTRIES", 6)
    for i in range(10):
        kbcache.load_yaml(write(tmp_path / f"f{i}.yaml", f"- id: a{i}\n"), LOADER)
    assert 3 <= len(entries(cache)) <= 6
