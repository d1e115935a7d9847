"""A step in focus that the series' template lacks (probe BH: a name typed into `årshjul`,
`1: "Kirsten Ågesen"`, was printed by `påmind` as the month's focus and written into the
calendar). `tjek` says what is wrong (K011); the schedule shows it as an unknown step."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli

JANUARY = "      1: [underretning, screening, opfølgning]\n"


@pytest.mark.parametrize(
    "typed", ['"Kirsten Ågesen"', "[kirsten, screening]", "[Kirsten Ågesen, screening]"]
)
def test_a_name_typed_as_a_step_in_focus_reaches_no_schedule(
    example_workspace: Path, cli: Cli, typed: str
) -> None:
    concept = example_workspace / "koncept.yaml"
    text = concept.read_text(encoding="utf-8")
    assert JANUARY in text
    concept.write_text(text.replace(JANUARY, f"      1: {typed}\n", 1), encoding="utf-8")

    checked = cli("tjek")
    assert checked.exit_code == 1 and "K011" in checked.output, checked.output
    runs = {
        "påmind": cli("påmind", "--altid", "--dato", "2026-12-10"),
        "årshjul": cli("årshjul", "2027"),
        "årshjul ics": cli("årshjul", "2027", "--format", "ics", "-o", "plan.ics"),
    }
    said = {name: r.output + (r.stderr or "") for name, r in runs.items()}
    said["plan.ics"] = (example_workspace / "plan.ics").read_text(encoding="utf-8")
    for name, text in said.items():
        assert "irsten" not in text and "Ågesen" not in text, (name, text)
    assert "fokus ukendt sagsskridt" in " ".join(said["påmind"].split()), said["påmind"]
    assert all(r.exit_code == 0 for r in runs.values()), said
