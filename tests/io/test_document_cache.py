"""The templates are parsed once per workspace; the cache never wins over the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.io import document_cache
from ledelsestilsyn.io.document_cache import DocumentCache
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.templates.catalog import Catalog, shipped_dir

TEMPLATE = shipped_dir() / "overordnet.yaml"


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(document_cache, "parse_text", fail)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / ".tilsyn").mkdir()
    return tmp_path


def test_the_second_catalog_comes_from_the_cache(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = Catalog.load(workspace)
    cache_file = workspace / ".tilsyn" / "skabeloner.json"
    assert cache_file.is_file() and (cache_file.stat().st_mode & 0o777) == 0o600
    no_parsing(monkeypatch)
    assert Catalog.load(workspace) == fresh


def test_loading_templates_makes_no_cache_folder(tmp_path: Path) -> None:
    Catalog.load(tmp_path)
    assert not (tmp_path / ".tilsyn").exists()


def test_a_cached_document_is_located_as_a_fresh_one(workspace: Path) -> None:
    cache = DocumentCache.open(workspace / ".tilsyn" / "skabeloner.json")
    fresh = cache.read(TEMPLATE, "skabelon.yaml")
    cache.save()
    cached = DocumentCache.open(cache.path).read(TEMPLATE, "skabelon.yaml")
    assert type(cached) is not type(fresh) and cached.data == fresh.data
    for path in [*fresh.values, ("sagsskridt", 0, "ukendt"), ("findes", "ikke")]:
        assert cached.locate(path) == fresh.locate(path)
    for path in fresh.keys:
        assert cached.locate(path, key=True) == fresh.locate(path, key=True)


def test_a_changed_template_is_read_again(workspace: Path) -> None:
    ours = workspace / "skabeloner"
    ours.mkdir()
    text = TEMPLATE.read_text(encoding="utf-8").replace('version: "2024.1"', 'version: "9.1"')
    (ours / "egen.yaml").write_text(text, encoding="utf-8")
    assert "9.1" in Catalog.load(workspace).versions("overordnet")
    (ours / "egen.yaml").write_text(text.replace('"9.1"', '"8.1"'), encoding="utf-8")
    versions = Catalog.load(workspace).versions("overordnet")
    assert "8.1" in versions and "9.1" not in versions


def test_an_error_in_a_cached_template_names_its_line(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data the cache holds that the models no longer accept (a new tool version) is
    located in the file as on a fresh read."""
    bad = workspace / "skabeloner" / "fejl.yaml"
    bad.parent.mkdir()
    bad.write_text(TEMPLATE.read_text(encoding="utf-8") + "ukendt_nøgle: x\n", encoding="utf-8")
    cache = DocumentCache.open(workspace / ".tilsyn" / "skabeloner.json")
    cache.read(bad, "x")
    cache.save()
    with pytest.raises(TilsynError) as cached:
        Catalog.load(workspace)
    with pytest.raises(TilsynError) as fresh:
        Catalog.load(_without_cache(workspace))
    assert [d.format() for d in cached.value.diagnostics] == [
        d.format() for d in fresh.value.diagnostics
    ]
    assert any(d.line for d in cached.value.diagnostics)


def _without_cache(workspace: Path) -> Path:
    (workspace / ".tilsyn" / "skabeloner.json").unlink()
    (workspace / ".tilsyn").rmdir()
    return workspace


def test_a_template_with_a_cpr_like_number_is_not_kept(workspace: Path) -> None:
    """The output gate would mask it in the cache file, and the cache would lie."""
    odd = workspace / "odd.yaml"
    odd.write_text("titel: journal 010203-1234\n", encoding="utf-8")
    cache = DocumentCache.open(workspace / ".tilsyn" / "skabeloner.json")
    assert cache.read(odd, "odd.yaml").data == read_document(odd).data
    cache.save()
    assert not (workspace / ".tilsyn" / "skabeloner.json").exists()


def test_a_foreign_cache_is_ignored(workspace: Path) -> None:
    cache_file = workspace / ".tilsyn" / "skabeloner.json"
    cache_file.write_text(json.dumps({"format": 0, "entries": {"x": 1}}), encoding="utf-8")
    assert DocumentCache.open(cache_file).entries == {}
