"""Earlier manifests are parsed once; the cache never wins over the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.sampling import manifest_cache
from ledelsestilsyn.sampling.manifest_cache import ManifestCache

SERIES = "månedligt-overordnet"


@pytest.fixture
def manifest(cli: Cli, example_workspace: Path) -> Path:
    args = ("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-10")
    assert cli(*args).exit_code == 0
    return example_workspace / "udtræk" / f"2026-10-{SERIES}" / "udtræk.yaml"


def load(path: Path) -> tuple[object, ManifestCache]:
    cache = ManifestCache.open(path.parents[2] / ".tilsyn" / "udtræk.json")
    loaded = cache.load(path, path.name)
    cache.save()
    return loaded, cache


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(manifest_cache, "parse_text", fail)


def test_second_read_comes_from_the_cache(manifest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh, _ = load(manifest)
    cache_file = manifest.parents[2] / ".tilsyn" / "udtræk.json"
    assert cache_file.is_file() and (cache_file.stat().st_mode & 0o777) == 0o600
    no_parsing(monkeypatch)
    cached, _ = load(manifest)
    assert cached == fresh


def test_a_changed_manifest_is_parsed_again(
    manifest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(manifest)
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("seed: ", "seed: 1"), encoding="utf-8")
    changed, _ = load(manifest)
    assert str(changed.seed).startswith("1")  # type: ignore[attr-defined]


def test_an_invalid_manifest_is_located_even_when_cached(
    manifest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(manifest)
    text = manifest.read_text(encoding="utf-8").replace("seed: ", "seed: x", 1)
    manifest.write_text(text, encoding="utf-8")
    with pytest.raises(TilsynError) as info:
        load(manifest)
    assert info.value.diagnostics[0].line == text[: text.index("seed: x")].count("\n") + 1


@pytest.mark.parametrize("content", [b"{", b"[]", b'{"format": 1, "reader": "x", "entries": {}}'])
def test_a_corrupt_or_foreign_cache_is_ignored(manifest: Path, content: bytes) -> None:
    fresh, _ = load(manifest)
    (manifest.parents[2] / ".tilsyn" / "udtræk.json").write_bytes(content)
    again, cache = load(manifest)
    assert again == fresh and cache.changed


def test_udtraek_reads_earlier_manifests_from_the_cache(
    cli: Cli, manifest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")
    first = cli(*args)
    assert first.exit_code == 0  # reads the 2026-10 manifest and caches it
    shutil.rmtree(manifest.parents[1] / f"2026-11-{SERIES}")
    no_parsing(monkeypatch)
    again = cli(*args)
    assert again.exit_code == 0, again.output
    assert again.output == first.output
