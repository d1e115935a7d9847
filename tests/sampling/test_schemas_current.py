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


def test_a_schema_edited_by_hand_is_kept_and_said_once_a_removed_one_written_again(
    cli: Cli, example_workspace: Path, built: list[int]
) -> None:
    """udtræk wrote a schema the user had edited (their own enum, a description) anew on
    the next run, without a word, while init keeps one and says how to get a fresh copy.
    Now udtræk keeps it too and says so once (W007); a removed one is written again."""
    udtraek(cli, "2026-08")
    good = SCHEMA.read_bytes()
    SCHEMA.write_text("{}\n", encoding="utf-8")
    kept = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-09")
    assert kept.exit_code == 0, kept.output
    assert SCHEMA.read_text(encoding="utf-8") == "{}\n"
    assert f"{SCHEMA}: advarsel W007: skemaet er rettet, efter tilsyn skrev det" in kept.stderr
    assert kept.stderr.count("W007") == 1
    once = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-10")
    assert once.exit_code == 0 and "W007" not in once.stderr
    SCHEMA.unlink()
    udtraek(cli, "2026-11")
    assert SCHEMA.read_bytes() == good and len(built) == 3


def _newer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A newer tilsyn: other code, and schemas with other text."""
    stamp, build = schemas._schema_stamp, schemas.all_schemas

    def newer_stamp(catalog: schemas.Catalog) -> dict[str, str]:
        return {**stamp(catalog), "kode": "en nyere version"}

    def newer(catalog: schemas.Catalog) -> dict[str, dict[str, object]]:
        return {name: {**s, "description": "ny tekst"} for name, s in build(catalog).items()}

    monkeypatch.setattr(schemas, "_schema_stamp", newer_stamp)
    monkeypatch.setattr(schemas, "all_schemas", newer)


def test_a_newer_version_replaces_only_the_schemas_tilsyn_wrote(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    udtraek(cli, "2026-09")
    edited = Path("skema", "koncept.json")
    own = edited.read_text(encoding="utf-8").replace("{", '{\n  "x-vores": true,', 1)
    edited.write_text(own, encoding="utf-8")
    _newer(monkeypatch)
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-10")
    assert result.exit_code == 0, result.output
    assert '"ny tekst"' in SCHEMA.read_text(encoding="utf-8")
    assert edited.read_text(encoding="utf-8") == own
    assert f"{edited}: advarsel W007" in result.stderr and result.stderr.count("W007") == 1


def test_a_schema_an_older_tilsyn_wrote_is_replaced_one_unknown_is_kept(
    cli: Cli, example_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A schema written before tilsyn marked its schemas: replaced when the stamp in .tilsyn
    says tilsyn wrote it as it is; with no stamp it may be a person's, and is kept."""
    udtraek(cli, "2026-08")
    for path in Path("skema").glob("*.json"):  # as an older tilsyn wrote them: no mark
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(line for line in lines if '"$comment"' not in line))
    stamp = schemas._schema_stamp(schemas.Catalog.load(Path.cwd()))
    from ledelsestilsyn.io.stamped_json import write_stamped

    names = sorted(p.name for p in Path("skema").glob("*.json"))
    write_stamped(
        Path(".tilsyn", schemas.SCHEMA_STAMP),
        {**stamp, "kode": "en ældre version"},
        {"filer": schemas._digests(Path("skema"), names)},
    )
    udtraek(cli, "2026-09")
    assert '"$comment"' in SCHEMA.read_text(encoding="utf-8")
    edited = Path("skema", "koncept.json")
    lines = edited.read_text(encoding="utf-8").split("\n")
    edited.write_text("\n".join(line for line in lines if '"$comment"' not in line))
    shutil.rmtree(".tilsyn")
    _newer(monkeypatch)
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-10")
    assert result.exit_code == 0, result.output
    assert '"$comment"' not in edited.read_text(encoding="utf-8")
    assert f"{edited}: advarsel W007" in result.stderr
    assert '"ny tekst"' in SCHEMA.read_text(encoding="utf-8")


def test_skema_keeps_an_edited_schema_and_writes_a_removed_one(
    cli: Cli, example_workspace: Path
) -> None:
    assert cli("skema").exit_code == 0
    SCHEMA.write_text('{"title": "vores egen"}\n', encoding="utf-8")
    result = cli("skema")
    assert result.exit_code == 0, result.output
    assert SCHEMA.read_text(encoding="utf-8") == '{"title": "vores egen"}\n'
    assert "advarsel W007" in result.stderr and "0 skemaer skrevet i skema." in result.stdout
    SCHEMA.unlink()
    again = cli("skema")
    assert "1 skema skrevet i skema." in again.stdout and '"$comment"' in SCHEMA.read_text("utf-8")


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
