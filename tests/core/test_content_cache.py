"""The packaged content file is parsed by tomllib once per version; later starts read its
tables back from a JSON copy in the user's cache folder. A cache that is damaged or cannot
be written changes nothing but the speed."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import tomllib
from pathlib import Path

import pytest

from hr_wizard.content_cache import KEEP, PREFIX, cache_folder, cached
from hr_wizard.content_file import PACKAGED_CONTENT, _read_toml, load_content


def as_tables(tables: object) -> dict:
    if not isinstance(tables, dict):
        raise TypeError("not the tables of a TOML file")
    return tables


def cached_tables(path: Path, parse) -> dict:
    return cached(path, parse, as_tables)


class CountingParse:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, path: Path) -> dict:
        self.calls += 1
        return _read_toml(path)


def cache_files() -> list[Path]:
    return sorted(cache_folder().glob(f"{PREFIX}*.json"))


def test_the_packaged_file_is_parsed_once_and_read_back_exactly():
    parse = CountingParse()
    first = cached_tables(PACKAGED_CONTENT, parse)
    again = cached_tables(PACKAGED_CONTENT, parse)
    assert parse.calls == 1
    assert first == again == tomllib.loads(PACKAGED_CONTENT.read_text("utf-8"))
    [cache] = cache_files()
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700


def test_the_content_is_the_same_from_the_cache():
    from hr_wizard import content_file

    content_file._packaged_content.cache_clear()  # read once a process: start as a new one
    from_file = content_file.load_content()
    assert cache_files()
    content_file._packaged_content.cache_clear()
    from_cache = content_file.load_content()
    assert from_cache is not from_file
    assert from_cache == from_file


@pytest.mark.parametrize("damage", [b"", b"{niet af", b"[1, 2]", b"\xff\xfe", b"[" * 100_000 + b"]" * 100_000])
def test_a_damaged_cache_is_parsed_again_and_replaced(damage):
    cached_tables(PACKAGED_CONTENT, CountingParse())
    [cache] = cache_files()
    cache.write_bytes(damage)
    parse = CountingParse()
    assert cached_tables(PACKAGED_CONTENT, parse) == tomllib.loads(PACKAGED_CONTENT.read_text("utf-8"))
    assert parse.calls == 1
    assert json.loads(cache.read_bytes()) == tomllib.loads(PACKAGED_CONTENT.read_text("utf-8"))


def test_a_new_version_of_the_file_gets_its_own_cache_and_only_the_newest_copies_stay(tmp_path):
    versions = tmp_path / "versie.toml"
    for number in range(KEEP + 2):
        versions.write_text(f'[ui]\napp_title = "versie {number}"\n', encoding="utf-8")
        parse = CountingParse()
        assert cached_tables(versions, parse) == {"ui": {"app_title": f"versie {number}"}}
        assert parse.calls == 1
        assert cached_tables(versions, parse) == {"ui": {"app_title": f"versie {number}"}} and parse.calls == 1
        for copy in cache_files():  # older copies look older, as they would over the months
            if json.loads(copy.read_bytes()) != {"ui": {"app_title": f"versie {number}"}}:
                os.utime(copy, (copy.stat().st_atime, copy.stat().st_mtime - 10))
    assert len(cache_files()) == KEEP  # two installs sharing the folder keep each other's copy


def test_a_cache_folder_that_cannot_be_written_changes_nothing(monkeypatch, tmp_path):
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand waar de map zou komen")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    parse = CountingParse()
    assert cached_tables(PACKAGED_CONTENT, parse) == cached_tables(PACKAGED_CONTENT, parse)
    assert parse.calls == 2
    assert blocked.read_text() == "een bestand waar de map zou komen"


def test_tables_json_cannot_give_back_exactly_are_not_cached(tmp_path):
    dated = tmp_path / "datum.toml"
    dated.write_text("[facts]\nchecked = 2026-04-24\n", encoding="utf-8")
    parse = CountingParse()
    assert cached_tables(dated, parse) == {"facts": {"checked": dt.date(2026, 4, 24)}}
    assert cached_tables(dated, parse)["facts"]["checked"] == dt.date(2026, 4, 24)
    assert parse.calls == 2 and not cache_files()


def test_an_unreadable_file_is_reported_by_the_parser(tmp_path):
    missing = tmp_path / "weg.toml"
    with pytest.raises(Exception, match="kan niet worden gelezen"):
        cached_tables(missing, _read_toml)
    assert not cache_files()
    assert not os.path.exists(cache_folder())


def with_escape() -> dict:
    tables = tomllib.loads(PACKAGED_CONTENT.read_text("utf-8"))
    tables["ui"]["app_title"] = "HR\x1b]0;weg\x07"
    return tables


@pytest.mark.parametrize("tables", [{}, {"schema": 1}, {"schema": 1, "ui": 5}, {"schema": 1, "settings": []}, with_escape()])
def test_a_cache_with_other_tables_is_parsed_again_and_the_wizard_starts(tables):
    """Valid JSON, but not the packaged file's tables: the content is read from the file
    again, not refused as if the packaged file were broken."""
    from hr_wizard import content_file

    content_file._packaged_content.cache_clear()  # read once a process: start as a new one
    load_content()  # writes the cache
    [cache] = cache_files()
    cache.write_text(json.dumps(tables), encoding="utf-8")
    content_file._packaged_content.cache_clear()
    assert load_content().text("app_title") == "HR-wizard"
    assert json.loads(cache.read_bytes()) == tomllib.loads(PACKAGED_CONTENT.read_text("utf-8"))


def test_a_pipe_a_link_or_a_huge_file_in_its_place_is_not_read(tmp_path):
    """Never wait on a pipe, follow a link or read a huge file where the cache should be."""
    cached_tables(PACKAGED_CONTENT, CountingParse())
    [cache] = cache_files()
    expected = tomllib.loads(PACKAGED_CONTENT.read_text("utf-8"))
    for make in (lambda: os.mkfifo(cache), lambda: cache.symlink_to("/dev/zero"),
                 lambda: cache.write_bytes(b" " * (8 << 20))):
        cache.unlink()
        make()
        parse = CountingParse()
        assert cached_tables(PACKAGED_CONTENT, parse) == expected
        assert parse.calls == 1
        assert cache.is_file() and not cache.is_symlink() and cache.stat().st_size < 1 << 20  # replaced
