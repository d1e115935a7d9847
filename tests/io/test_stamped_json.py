"""The seal on every cache in `.tilsyn/`: a file is read only as tilsyn wrote it, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ledelsestilsyn.io.stamped_json import SEAL, read_entries, read_stamped, write_stamped

STAMP = {"format": 1, "tool": "x"}
DATA = {"entries": {"a": {"svar": ["ja", "nej"], "færdig": True, "antal": 3}}}


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    path = tmp_path / ".tilsyn" / "c.json"
    write_stamped(path, STAMP, DATA)
    return path


def test_what_tilsyn_wrote_is_read_back_without_its_seal(cache: Path) -> None:
    assert read_stamped(cache, STAMP) == {**STAMP, **DATA}
    assert read_entries(cache, STAMP) == DATA["entries"]
    assert json.loads(cache.read_bytes())[SEAL] and (cache.stat().st_mode & 0o777) == 0o600


def test_a_foreign_stamp_is_not_read(cache: Path) -> None:
    assert read_stamped(cache, {**STAMP, "tool": "y"}) is None


@pytest.mark.parametrize(
    ("old", "new"), [(b"true", b"false"), (b'"ja"', b'"jo"'), (b":3}", b":4}")]
)
def test_one_value_edited_is_not_read(cache: Path, old: bytes, new: bytes) -> None:
    raw = cache.read_bytes()
    assert raw.count(old) == 1
    cache.write_bytes(raw.replace(old, new))
    assert read_stamped(cache, STAMP) is None and read_entries(cache, STAMP) == {}


def test_the_same_content_written_otherwise_is_not_read(cache: Path) -> None:
    """The seal covers the bytes, so checking it needs no second serialisation."""
    cache.write_text(json.dumps(json.loads(cache.read_bytes()), indent=1), encoding="utf-8")
    assert read_stamped(cache, STAMP) is None


@pytest.mark.parametrize("cut", [0, 1, 11, 75, 76, -1])
def test_a_truncated_file_is_not_read(cache: Path, cut: int) -> None:
    cache.write_bytes(cache.read_bytes()[:cut])
    assert read_stamped(cache, STAMP) is None


def test_an_unsealed_file_is_not_read(cache: Path) -> None:
    """As tilsyn wrote its caches before they were sealed."""
    cache.write_text(json.dumps({**STAMP, **DATA}), encoding="utf-8")
    assert read_stamped(cache, STAMP) is None


def test_the_seal_holds_for_the_bytes_the_output_gate_let_through(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    write_stamped(path, STAMP, {"note": "010203-1234", "seed": "1502901234"}, keep={"1502901234"})
    assert read_stamped(path, STAMP) == {**STAMP, "note": "XXXXXX-XXXX", "seed": "1502901234"}


def test_a_stamp_with_no_data_is_sealed(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    write_stamped(path, {}, {})
    assert read_stamped(path, {}) == {}


def test_a_sealed_cache_nested_too_deep_is_no_cache(cache: Path) -> None:
    """The seal is no secret: a hand-made file can carry a right one. JSON nested 100,000
    deep raised RecursionError (not a ValueError) through every command: read as no cache."""
    import hashlib

    tail = b',"format":1,"tool":"x","entries":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    cache.write_bytes(b'{"sha256":"' + hashlib.sha256(tail).hexdigest().encode() + b'"' + tail)
    assert read_stamped(cache, STAMP) is None and read_entries(cache, STAMP) == {}
