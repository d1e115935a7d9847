"""Template versions: `erstatter` / `uændret`, what carries across a version change."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.templates.catalog import Catalog
from ledelsestilsyn.templates.versions import Change, compare, version_key

HEAD = 'id: lokal\ntitel: "Lokal"\ntype: overordnet\nskala:\n  - svar: ja\n  - svar: nej\n'


def _template(folder: Path, version: str, questions: str) -> None:
    (folder / "skabeloner").mkdir(exist_ok=True)
    (folder / "skabeloner" / f"lokal-{version}.yaml").write_text(
        f'{HEAD}version: "{version}"\nsagsskridt:\n  - id: a\n    titel: A\n    spørgsmål:\n'
        + questions,
        encoding="utf-8",
    )


V1 = (
    '      - {id: a-1, tekst: "Er planen lavet?", hjemmel: "§ 1"}\n'
    '      - {id: a-2, tekst: "Er barnet hørt?", hjemmel: "§ 2"}\n'
    '      - {id: a-3, tekst: "Er fristen holdt?", hjemmel: "§ 3", frist: "4 måneder"}\n'
)


def _messages(folder: Path) -> list[str]:
    with pytest.raises(TilsynError) as info:
        Catalog.load(folder)
    return [d.format() for d in info.value.diagnostics]


def test_shipped_overordnet_declares_only_rewordings() -> None:
    catalog = Catalog.load(None)
    versions = compare(catalog.lineage("overordnet@2024.1", "overordnet@2025.1"))
    declared = {link.new.id for link in versions.of(Change.DECLARED) if link.new}
    changed = {link.new.id for link in versions.of(Change.CHANGED) if link.new}
    assert declared == {
        "underretning-1",
        "underretning-2",
        "underretning-3",
        "afdækning-1",
        "afdækning-3",
        "børnefaglig-undersøgelse-13",
        "anbringelse-10",
        "anbringelse-11",
        "anbringelse-12",
        "anbringelse-21",
        "opfølgning-7",
    }
    assert changed == {
        "afdækning-2",
        "børnefaglig-undersøgelse-5",
        "børnefaglig-undersøgelse-6",
        "børnefaglig-undersøgelse-14",
        "anbringelse-13",
        "anbringelse-17",
        "opfølgning-3",
        "opfølgning-14",
    }
    unchanged = versions.of(Change.UNCHANGED)
    assert unchanged and all(not link.fields for link in unchanged)
    carried = versions.carried()
    assert carried[("underretning", "underretning-1")] == ("underretning", "underretning-1")
    assert ("afdækning", "afdækning-2") not in carried


def test_erstatter_carries_a_renamed_question_and_chains(tmp_path: Path) -> None:
    _template(tmp_path, "1", V1)
    _template(
        tmp_path,
        "2",
        '      - {id: a-1, tekst: "Er planen lavet?", hjemmel: "§ 1"}\n'
        '      - {id: a-4, tekst: "Er barnet blevet hørt?", hjemmel: "§ 2", erstatter: a-2}\n'
        '      - {id: a-3, tekst: "Er fristen overholdt?", hjemmel: "§ 3", frist: "4 måneder"}\n',
    )
    _template(
        tmp_path,
        "10",
        '      - {id: a-1, tekst: "Er planen lavet?", hjemmel: "§ 1, stk. 1", uændret: ja}\n'
        '      - {id: a-4, tekst: "Er barnet blevet hørt?", hjemmel: "§ 2"}\n',
    )
    catalog = Catalog.load(tmp_path)
    assert catalog.versions("lokal") == ["1", "2", "10"]
    direct = compare(catalog.lineage("lokal@1", "lokal@2"))
    assert direct.carried() == {("a", "a-1"): ("a", "a-1"), ("a", "a-2"): ("a", "a-4")}
    assert [link.old.id for link in direct.of(Change.CHANGED) if link.old] == ["a-3"]
    across = compare(catalog.lineage("lokal@1", "lokal@10"))
    assert across.carried() == {("a", "a-1"): ("a", "a-1"), ("a", "a-2"): ("a", "a-4")}
    assert [link.old.id for link in across.of(Change.REMOVED) if link.old] == ["a-3"]


def test_unknown_old_id_is_located_with_did_you_mean(tmp_path: Path) -> None:
    _template(tmp_path, "1", V1)
    _template(
        tmp_path,
        "2",
        '      - id: a-9\n        tekst: "Er barnet hørt?"\n        hjemmel: "§ 2"\n'
        "        erstatter: a-22\n",
    )
    messages = _messages(tmp_path)
    assert messages == [
        "skabeloner/lokal-2.yaml:15:20: fejl T016: spørgsmålet 'a-22' findes ikke i lokal@1. "
        "Tip: mente du 'a-2'?"
    ]


def test_declaration_without_a_previous_version(tmp_path: Path) -> None:
    _template(tmp_path, "1", '      - {id: a-1, tekst: "T", hjemmel: "§ 1", uændret: true}\n')
    (message,) = _messages(tmp_path)
    assert message.startswith("skabeloner/lokal-1.yaml:12:") and "T015" in message
    assert "ingen" in message


def test_an_old_question_is_carried_by_one_new_question_only(tmp_path: Path) -> None:
    _template(tmp_path, "1", V1)
    _template(
        tmp_path,
        "2",
        '      - {id: a-1, tekst: "Er planen lavet?", hjemmel: "§ 1"}\n'
        '      - {id: a-5, tekst: "Planen?", hjemmel: "§ 1", erstatter: a-1}\n',
    )
    (message,) = _messages(tmp_path)
    assert "T017" in message and "'a-1' i lokal@1 svarer allerede til 'a-1'" in message


def test_erstatter_and_uaendret_together_is_an_error(tmp_path: Path) -> None:
    _template(tmp_path, "1", V1)
    _template(
        tmp_path,
        "2",
        '      - {id: a-1, tekst: "T", hjemmel: "§ 1", uændret: true, erstatter: a-2}\n',
    )
    (message,) = _messages(tmp_path)
    assert "brug enten 'erstatter'" in message and message.startswith("skabeloner/lokal-2.yaml:")


def test_versions_sort_naturally() -> None:
    assert sorted(["2024.10", "2024.9", "2025.1"], key=version_key) == [
        "2024.9",
        "2024.10",
        "2025.1",
    ]


def test_shipped_tematiseret_declares_only_rewordings() -> None:
    """Split or regraded questions are new; only hjemmel and wording fixes are carried."""
    catalog = Catalog.load(None)
    versions = compare(catalog.lineage("tematiseret@2024.1", "tematiseret@2025.1"))
    declared = {link.new.id for link in versions.of(Change.DECLARED) if link.new}
    changed = {link.new.id for link in versions.of(Change.CHANGED) if link.new}
    added = {link.new.id for link in versions.of(Change.ADDED) if link.new}
    assert declared == {"underretning-1", "afdækning-1", "anbringelse-1"}
    assert changed == {
        "afdækning-3",
        "afdækning-4",
        "børnefaglig-undersøgelse-4",
        "børnefaglig-undersøgelse-5",
        "støttende-indsatser-4",
        "støttende-indsatser-5",
        "støttende-indsatser-6",
        "anbringelse-5",
        "opfølgning-3",
        "opfølgning-6",
        "intentioner-5",
        "intentioner-6",
    }
    assert added == {
        "børnefaglig-undersøgelse-9",
        "børnefaglig-undersøgelse-10",
        "støttende-indsatser-9",
        "støttende-indsatser-10",
        "støttende-indsatser-11",
        "anbringelse-9",
        "anbringelse-10",
        "opfølgning-9",
        "intentioner-12",
        "intentioner-13",
    }
    assert versions.of(Change.REMOVED) == []
    carried = versions.carried()
    assert carried[("screening", "screening-5")] == ("screening", "screening-5")  # tag only
    assert carried[("intentioner", "intentioner-1")] == ("intentioner", "intentioner-1")
    assert ("støttende-indsatser", "støttende-indsatser-5") not in carried


def test_a_declared_question_must_keep_the_answers(tmp_path: Path) -> None:
    _template(tmp_path, "1", V1)
    _template(
        tmp_path,
        "2",
        '      - {id: a-1, tekst: "Er planen lavet?", hjemmel: "§ 1", uændret: true,\n'
        '         skala: [{svar: "lav grad"}, {svar: "høj grad", positiv: true}]}\n',
    )
    (message,) = _messages(tmp_path)
    assert message.startswith("skabeloner/lokal-2.yaml:12:71: fejl T018")
    assert "'a-1' har andre svar end 'a-1' i lokal@1 (lav grad / høj grad mod ja / nej)" in message
