"""`udtræk` keeps `skema/` current, but builds the schemas only when something changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.workspace import schemas

SERIES = "månedligt-overordnet"
SCHEMA = Path("skema") / "gennemgang-overordnet-2025.1.json"


def udtraek(cli: Cli, period: str) -> None:
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", period)
    assert result.exit_code == 0, result.output


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How often the schemas are built (the expensive part that a current stamp skips)."""
    calls: list[int] = []
    original = schemas.all_schemas

    def counted(catalog: schemas.Catalog) -> dict[str, dict[str, object]]:
        calls.append(1)
        return original(catalog)

    monkeypatch.setattr(schemas, "all_schemas", counted)
    return calls


def test_schemas_are_built_once_and_then_only_checked(
    cli: Cli, example_workspace: Path, built: list[int]
) -> None:
    shutil.rmtree("skema", ignore_errors=True)
    udtraek(cli, "2026-10")
    assert built == [1] and SCHEMA.is_file()
    udtraek(cli, "2026-11")
    assert built == [1]


def test_a_schema_edited_or_removed_by_hand_is_written_again(
    cli: Cli, example_workspace: Path, built: list[int]
) -> None:
    udtraek(cli, "2026-09")
    good = SCHEMA.read_bytes()
    SCHEMA.write_text("{}\n", encoding="utf-8")
    udtraek(cli, "2026-10")
    assert SCHEMA.read_bytes() == good
    SCHEMA.unlink()
    udtraek(cli, "2026-11")
    assert SCHEMA.read_bytes() == good and len(built) == 3


def test_a_new_template_gets_its_schema(
    cli: Cli, example_workspace: Path, built: list[int]
) -> None:
    udtraek(cli, "2026-10")
    shipped = Path(schemas.__file__).parent.parent / "skabeloner" / "overordnet-2025.1.yaml"
    text = shipped.read_text(encoding="utf-8").replace('version: "2025.1"', 'version: "2099.1"')
    assert "2099.1" in text
    Path("skabeloner").mkdir(exist_ok=True)
    Path("skabeloner", "overordnet-2099.1.yaml").write_text(text, encoding="utf-8")
    udtraek(cli, "2026-11")
    assert Path("skema", "gennemgang-overordnet-2099.1.json").is_file() and len(built) == 2


def test_a_broken_stamp_is_ignored(cli: Cli, example_workspace: Path, built: list[int]) -> None:
    udtraek(cli, "2026-10")
    Path(".tilsyn", schemas.SCHEMA_STAMP).write_text("{ikke json", encoding="utf-8")
    udtraek(cli, "2026-11")
    assert len(built) == 2 and SCHEMA.is_file()
