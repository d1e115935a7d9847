"""påmind and årshjul name the steps in focus by their titles from the series' template.

The plan is cached in `.tilsyn/påmind.json`; the titles come from the templates, so a
changed template must show at once, and a valid cache must not load the templates.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import icalendar
import pytest
from remind_support import MONTHLY, draw

from conftest import Cli
from ledelsestilsyn.cli.entry import nothing_due_fast
from ledelsestilsyn.schedule.annual_wheel import year_rounds
from ledelsestilsyn.schedule.plan import Plan
from ledelsestilsyn.schedule.rounds import SeriesPlan
from ledelsestilsyn.schedule.scan import read_inputs
from ledelsestilsyn.templates import catalog
from ledelsestilsyn.templates.catalog import shipped_dir

OCTOBER_FOCUS = (
    "fokus: Underretning, Screening, Afdækning, Børnefaglig undersøgelse, "
    "Støttende indsatser (§ 32), Anbringelse (§ 46), Opfølgning"
)


def test_remind_names_the_steps_by_their_titles(example_workspace: Path, cli: Cli) -> None:
    out = cli("påmind", "--dato", "2026-10-10", "--altid").output
    assert f"Månedligt overordnet ledelsestilsyn 2026-10 ({OCTOBER_FOCUS}): ikke trukket." in out
    assert "Tematiseret ledelsestilsyn 2026-11: fokus Anbringelse (§ 46), Opfølgning, " in out
    assert "Intentionerne med barnets lov. Stikprøven" in out  # the themed template's own step
    assert "børnefaglig-undersøgelse" not in out and "støttende-indsatser" not in out


def test_the_wheel_names_the_steps_by_their_titles(example_workspace: Path, cli: Cli) -> None:
    table = cli("årshjul", "2026", "--dato", "2026-11-10").output
    assert "Børnefaglig" in table and "Intentionerne med" in table
    assert "-undersøgelse" not in table and "støttende-" not in table
    result = cli("årshjul", "2026", "--format", "ics", "-o", "hjul.ics")
    assert result.exit_code == 0, result.output
    parsed = icalendar.Calendar.from_ical(Path("hjul.ics").read_bytes())
    descriptions = [str(e["DESCRIPTION"]) for e in parsed.walk("VEVENT")]
    assert any(f"F{OCTOBER_FOCUS[1:]}." in d for d in descriptions)
    assert not any("børnefaglig-undersøgelse" in d for d in descriptions)


def test_a_changed_template_shows_at_once(example_workspace: Path, cli: Cli) -> None:
    """The cached plan holds the titles; its key covers the workspace's templates."""
    before = cli("påmind", "--dato", "2026-10-10", "--altid").output
    assert "Børnefaglig undersøgelse," in before
    local = example_workspace / "skabeloner"
    local.mkdir()
    text = (shipped_dir() / "overordnet-2025.1.yaml").read_text(encoding="utf-8")
    renamed = text.replace('titel: "Børnefaglig undersøgelse"', 'titel: "BFU (§ 20)"', 1)
    assert renamed != text
    (local / "overordnet-2025.1.yaml").write_text(renamed, encoding="utf-8")
    after = cli("påmind", "--dato", "2026-10-10", "--altid").output
    assert "Afdækning, BFU (§ 20), Støttende" in after, after


def test_a_valid_cache_does_not_load_the_templates(
    example_workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    draw(cli, MONTHLY, "2026-11")
    cli("påmind", "--dato", "2026-11-10")  # fills the cache

    def no_loading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the templates were loaded")

    monkeypatch.setattr(catalog.Catalog, "load", no_loading)
    inputs = read_inputs(example_workspace, None, date(2026, 11, 10))
    assert dict(inputs.plan.series[0].step_titles)["screening"] == "Screening"
    assert not nothing_due_fast(["--dato", "2026-11-10"])  # 8 reviews due, from the cache


def test_a_broken_template_leaves_the_ids(example_workspace: Path, cli: Cli) -> None:
    """påmind still reminds (with the ids) when a local template cannot be read; `tjek`
    and `valider` say what is wrong with it."""
    local = example_workspace / "skabeloner"
    local.mkdir()
    (local / "min.yaml").write_text("id: [\n", encoding="utf-8")
    result = cli("påmind", "--dato", "2026-10-10", "--altid")
    assert result.exit_code == 0, result.output
    assert "børnefaglig-undersøgelse" in result.output


def test_a_step_the_template_lacks_is_shown_as_unknown() -> None:
    """Not as it is typed (probe BH: a name in `årshjul` reached påmind and the calendar);
    `tjek` says which (K011)."""
    series = SeriesPlan(
        "s",
        "Tilsyn",
        (3,),
        "måned",
        focus=("screening", "egen-tjekliste"),
        step_titles=(("screening", "Ansøgning og screening"),),
    )
    [r] = year_rounds(Plan((series,)), 2027)
    assert r.focus == ("screening", "egen-tjekliste")
    assert r.focus_titles == ("Ansøgning og screening", "ukendt sagsskridt")
    again = SeriesPlan.from_json(series.to_json())
    assert again == series
