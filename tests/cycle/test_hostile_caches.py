"""Every cache in `.tilsyn/` edited by hand, truncated or given other types: each command that
reads it answers exactly as with no cache (same exit code, output and letters), never with an
internal error.

tilsyn seals what it writes (`io.stamped_json`). Before, only `påmind`'s caches were sealed, and
an edited value in the others was believed: a review with an error counted as finished, an answer
changed in the report, a template's title changed, and a drawn case left quarantine.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EKSEMPLER, Cli
from ledelsestilsyn.workspace.layout import SENT_LOG

DAY = "2026-11-25"
MONTHLY = "månedligt-overordnet"
COMMANDS: dict[str, tuple[str, ...]] = {
    "valider": ("valider", "--dato", DAY),
    "valider json": ("valider", "--dato", DAY, "--format", "json"),
    "rapport": ("rapport", "--periode", "2026-11", "--dato", DAY, "--format", "md", "-o", "-"),
    "påmind": ("påmind", "--altid", "--dato", DAY),
    "tilbagemelding": ("tilbagemelding", "--periode", "2026-11", "--dato", DAY),
    "årshjul": ("årshjul", "2026"),
    "udtræk": ("udtræk", "eksport.csv", "--tilsyn", MONTHLY, "--periode", "2026-12"),
}
READS = {
    "valider": {"gennemgange.json", "skabeloner.json"},
    "valider json": {"gennemgange.json", "skabeloner.json"},
    "rapport": {"gennemgange.json", "skabeloner.json"},
    "påmind": {"påmind.json", "påmind-filer.json", "gennemgange.json", "skabeloner.json"},
    "tilbagemelding": {"gennemgange.json", "skabeloner.json"},
    "årshjul": {"påmind.json", "påmind-filer.json", "gennemgange.json", "skabeloner.json"},
    "udtræk": {"udtræk.json", "skabeloner.json", "skema.json"},
}
"""The caches each command reads (checked by `test_each_command_reads_the_caches_named_here`)."""
CACHES = sorted(set().union(*READS.values()))
WRITTEN = ("tilbagemeldinger", "skema")
"""Folders whose files are part of an answer: the letters, and the schemas `udtræk` renews."""
DRAWN = Path("udtræk") / f"2026-12-{MONTHLY}"
FROM_CACHE = re.compile(r"\d+ fra cachen|\"fra cache\": \d+")
"""How many reviews `valider` took from the cache: the one figure a cache may change."""
STAMP = ("format", "tool", "reader", "kode", "skabeloner", "sha256")
"""The keys a hand-edit below leaves as they are: the stamp, and the seal."""

Answer = tuple[int, str, str, dict[str, str]]
Edit = Callable[[Any], Any]


def _answer(cli: Cli, command: str) -> Answer:
    """Exit code, output and written files of `command`; what it wrote is then removed, so the
    workspace is as before (its caches aside)."""
    result = cli(*COMMANDS[command])
    files = [p for folder in WRITTEN for p in sorted(Path(folder).rglob("*")) if p.is_file()]
    written = {str(p): p.read_text(encoding="utf-8") for p in files}
    shutil.rmtree(WRITTEN[0], ignore_errors=True)
    shutil.rmtree(DRAWN, ignore_errors=True)
    return result.exit_code, FROM_CACHE.sub("…", result.stdout), result.stderr, written


def _no_caches() -> None:
    for path in Path(".tilsyn").glob("*.json"):
        path.unlink()


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Answer]]:
    """The example workspace after both November draws and the example's fill-in (finished,
    invalid and untouched reviews), with its caches, and each command's answer without any."""
    folder = tmp_path_factory.mktemp("fjendtlig") / "ws"
    shutil.copytree(EKSEMPLER, folder)
    cli = Cli()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        for series in (MONTHLY, "tematiseret"):
            drawn = cli("udtræk", "eksport.csv", "--tilsyn", series, "--periode", "2026-11")
            assert drawn.exit_code == 0, drawn.output
        fill = [sys.executable, str(EKSEMPLER / "udfyld_eksempel.py"), ".", "--senest", DAY]
        subprocess.run(fill, check=True, capture_output=True)
        expected = {}
        for command in COMMANDS:
            _no_caches()
            expected[command] = _answer(cli, command)
        warm = {command: _answer(cli, command) for command in COMMANDS}
    assert warm == expected  # the caches as tilsyn wrote them change nothing
    return folder, expected


@pytest.fixture
def copy(prepared: tuple[Path, dict[str, Answer]], tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ws"
    shutil.copytree(prepared[0], folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        yield folder


def test_each_command_reads_the_caches_named_here(copy: Path) -> None:
    """`READS` is what each command writes into an empty `.tilsyn/` (what reads a cache
    writes it), so no reader of a cache goes untested. The log of sent reminders is no cache:
    it records what was sent."""
    cli = Cli()
    written = {}
    for command in COMMANDS:
        _no_caches()
        _answer(cli, command)
        written[command] = {p.name for p in Path(".tilsyn").glob("*.json")} - {SENT_LOG}
    assert written == READS


def _same_as_without_cache(name: str, expected: dict[str, Answer]) -> None:
    cli = Cli()
    for command in (c for c in COMMANDS if name in READS[c]):
        assert _answer(cli, command) == expected[command], (name, command)


def _entries(edit: Callable[[dict[str, Any]], None]) -> Edit:
    """The same edit of every entry of an entry cache (reviews, samples, templates)."""

    def apply(data: Any) -> Any:
        for entry in data["entries"].values():
            edit(entry)
        return data

    return apply


def _no_errors(entry: dict[str, Any]) -> None:
    entry["analysis"]["diagnostics"] = []


def _first_ja_is_nej(entry: dict[str, Any]) -> None:
    for questions in entry["analysis"]["answers"].values():
        for pair in questions.values():
            if pair[0] == "ja":
                pair[0] = "nej"
                return


def _cases_renamed(entry: dict[str, Any]) -> None:
    for case in entry["sager"]:
        case["id"] += "0"


def _titles(entry: dict[str, Any]) -> None:
    entry["titel"] = "Redigeret"
    entry["sagsskridt"][0]["titel"] = "Redigeret"


def _a_schema_edited_with_its_digest(data: Any) -> Any:
    """A schema file changed by hand, and its new SHA-256 put in the cache: the stamp says the
    schema is as tilsyn wrote it (an older tilsyn, with no mark in the file), so only the
    seal keeps `udtræk` from writing over the person's edit."""
    name = next(iter(data["filer"]))
    schema = Path("skema") / name
    schema.write_text("{}", encoding="utf-8")
    data["filer"][name] = hashlib.sha256(schema.read_bytes()).hexdigest()
    return data


VALUES: dict[str, Edit] = {
    "gennemgange.json: a review's errors gone": _entries(_no_errors),
    "gennemgange.json: an answer ja → nej": _entries(_first_ja_is_nej),
    "udtræk.json: the drawn cases renamed": _entries(_cases_renamed),
    "skabeloner.json: the titles": _entries(_titles),
}


def test_a_schema_edited_with_its_digest_in_the_cache_is_kept_as_without_a_cache(
    copy: Path, tmp_path: Path
) -> None:
    """An edited schema is kept (W007) whatever the cache says; the same answer as with no
    cache. (Before, udtræk wrote every schema that differed anew, so the case compared with
    the unedited workspace.)"""
    path = copy / ".tilsyn" / "skema.json"
    data = _a_schema_edited_with_its_digest(json.loads(path.read_bytes()))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    twin = tmp_path / "tvilling"
    shutil.copytree(copy, twin)
    cli = Cli()
    answer = _answer(cli, "udtræk")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(twin)
        _no_caches()
        expected = _answer(cli, "udtræk")
    assert answer == expected and "W007" in answer[2]
    assert (copy / "skema" / next(iter(data["filer"]))).read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize("case", VALUES)
def test_a_value_edited_by_hand_changes_no_answer(
    case: str, copy: Path, prepared: tuple[Path, dict[str, Answer]]
) -> None:
    """JSON still valid, shape still right, stamp and seal left as they were."""
    name = case.split(":")[0]
    path = copy / ".tilsyn" / name
    data = VALUES[case](json.loads(path.read_bytes()))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _same_as_without_cache(name, prepared[1])


def _other_types(value: Any) -> Any:
    """`value` with every list made a mapping and every other leaf a list (null: 0)."""
    if isinstance(value, dict):
        return {k: _other_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return {str(i): _other_types(v) for i, v in enumerate(value)}
    return [value] if value is not None else 0


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "other types below": lambda raw: json.dumps(
        {k: v if k in STAMP else _other_types(v) for k, v in json.loads(raw).items()}
    ).encode(),
    "other types at the top": lambda raw: json.dumps(
        {k: v if k in STAMP else [1, "x"] for k, v in json.loads(raw).items()}
    ).encode(),
}


@pytest.mark.parametrize("name", CACHES)
@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_cache_changes_no_answer(
    name: str, damage: str, copy: Path, prepared: tuple[Path, dict[str, Answer]]
) -> None:
    path = copy / ".tilsyn" / name
    path.write_bytes(DAMAGES[damage](path.read_bytes()))
    _same_as_without_cache(name, prepared[1])
