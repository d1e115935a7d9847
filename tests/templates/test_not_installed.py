"""The built-in templates missing from the installation (found by probe X: a copied source
tree whose link to them pointed at nothing): `skabelon` listed no template and exited 0, and
the concept's template was 'ukendt' with 'kendte skabeloner: .'. Now one error says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.templates import catalog


def test_missing_built_in_templates_are_said(
    cli: Cli, example_workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "skabeloner"
    empty.mkdir()
    monkeypatch.setattr(catalog, "shipped_dir", lambda: empty)
    for args in (("skabelon",), ("tjek",)):
        result = cli(*args)
        assert result.exit_code == 1, result.output
        said = " ".join(result.output.split())
        assert "fejl T021: de indbyggede skabeloner findes ikke i installationen" in said, said
        assert "kendte skabeloner: ." not in said
