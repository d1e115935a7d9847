"""A case drawn in two rounds of one series within the report's period (a quarantine shorter
than the period) counts once, with its later review (found by probe R2: in the quarter it
counted twice in the shares, the team table, the "N sager" under a template's heading, which
the committee's overview hid, and the caseworker's letter, while "trukne sager" counted draws)."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli, edit_concept

SERIES = "månedligt-overordnet"


def _draw_and_fill(cli: Cli, period: str, answer: str, day: str) -> int:
    result = cli("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", period, "--antal", "200")
    assert result.exit_code == 0, result.output
    files = sorted((Path("udtræk") / f"{period}-{SERIES}").glob("S-*.yaml"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        text = text.replace('gennemført_af: ""', 'gennemført_af: "Jakob Bæk"')
        text = text.replace('dato: ""', f'dato: "{day}"').replace('svar: ""', f'svar: "{answer}"')
        text = text.replace("kommentar: ''", "kommentar: 'mangler'", -1 if answer == "nej" else 0)
        path.write_text(text, encoding="utf-8")
    return len(files)


def test_a_case_in_two_rounds_of_a_quarter_counts_once(cli: Cli, example_workspace: Path) -> None:
    edit_concept(example_workspace, "karantæne_måneder: 12", "karantæne_måneder: 0")
    october = _draw_and_fill(cli, "2026-10", "nej", "2026-10-20")
    november = _draw_and_fill(cli, "2026-11", "ja", "2026-11-20")
    folders = [example_workspace / "udtræk" / f"{p}-{SERIES}" for p in ("2026-10", "2026-11")]
    ids = [{f.stem for f in folder.glob("S-*.yaml")} for folder in folders]
    both = ids[0] & ids[1]
    assert both, "the test needs a case drawn in both rounds"
    cases = len(ids[0] | ids[1])
    assert cases < october + november

    report = cli("rapport", "--periode", "2026-K4", "--format", "md", "-o", "-").stdout
    overview = next(line for line in report.splitlines() if line.startswith(f"| {SERIES}"))
    assert overview.split("|")[2].strip() == str(cases), overview  # trukne sager
    assert f"{cases} sager." in report
    # every case of November with its November review, October's others with theirs
    row = next(line for line in report.splitlines() if line.startswith("| **underretning-1**"))
    assert f"| {november} | {cases - november} | 0 | {cases} |" in row, row
