"""A month whose template section is left out (fewer than 5 cases) inside a quarter that
shows it (found by a probe).

October: 3 cases on underretning, so October's committee report has no section for the
template. November: 6 cases on underretning, shown. December: 5 cases on screening, so
December's section has no underretning row (a section lists every step with answers). The
quarter showed underretning's share and interval (81,5 %, 67,0–90,6 %), which with its
question count give 53 ja of 65 answers; November's 76,7 % gave 33 of 43; so October's three
cases had 20 ja of 22: 2 nej. The quarter's decision did not know October's left-out
numbers at all, so nothing tied the quarter to November.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from backcalc_system import read_share
from random_periods import DAY
from report_data import write_round

from conftest import Cli
from ledelsestilsyn.templates.catalog import Catalog

MONTHS = ("2026-10", "2026-11", "2026-12")
QUARTER = "2026-K4"


def _write(root: Path) -> None:
    catalog = Catalog.load(root)

    def answer(case: int, question: int) -> tuple[str, str]:
        value = "nej" if (case * 3 + question) % 7 == 0 else "ja"
        return value, "Mangler." if value == "nej" else ""

    rounds = ((["underretning"], 3), (["underretning"], 6), (["screening"], 5))
    for month, (focus, cases) in zip(MONTHS, rounds, strict=True):
        write_round(
            root, catalog, series="månedligt-overordnet", ref="overordnet@2024.1",
            period=month, focus=focus, cases=cases, answer=answer,
            day=f"{month}-20", first=int(month[-2:]) * 10,
        )  # fmt: skip


def _row(text: str, title: str) -> list[str] | None:
    row = next((x for x in text.splitlines() if x.startswith(f"| {title} |")), None)
    return None if row is None else [c.strip() for c in row.split("|")[1:-1]]


def _cases(text: str) -> int:
    """The template's reviewed cases: a number, or at most 4 for `< 5`."""
    found = re.search(r"\n([^ \n]+) sager\.", text)
    assert found is not None
    return 4 if found[1].startswith("<") else int(found[1])


def _remainders(text: str, most_reviews: int) -> set[tuple[int, int]] | None:
    """Underretning's (nej, answers) that its share and interval can be, with at most
    `most_reviews` reviews each answering its 8 questions; None when the share is hidden."""
    row = _row(text, "Underretning")
    if row is None or row[1] in ("–", ""):
        return None
    found = read_share(row[1].replace("⚠", "").strip(), row[2], 8)
    return {(n - p, n) for p, n, _ in found if n <= 8 * most_reviews}


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_the_quarter_less_november_keeps_octobers_left_out_section_hidden(
    cli: Cli, tmp_path: Path, audience: str
) -> None:
    """The probe's arithmetic: the quarter's and November's underretning (nej, answers) read
    from share and interval; December has no underretning row, so October's is their
    difference, whose nej (2 there) must not come out as one small number."""
    folder = tmp_path / "ws"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    _write(folder)
    os.chdir(folder)
    texts = {}
    for period in (*MONTHS, QUARTER):
        result = cli(
            "rapport", "--dato", DAY, "-o", "-", "--modtager", audience, "--format", "md",
            "--periode", period,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        texts[period] = str(result.stdout)
    assert _row(texts["2026-10"], "Underretning") is None  # the section is left out
    assert _row(texts["2026-12"], "Screening") is not None  # shown, without underretning
    assert _row(texts["2026-12"], "Underretning") is None
    november = _remainders(texts["2026-11"], _cases(texts["2026-11"]))
    assert november  # shown, as in the probe
    quarter = _remainders(texts[QUARTER], _cases(texts["2026-11"]) + 4)
    if quarter is None:
        return
    october = {(a - b, c - d) for a, c in quarter for b, d in november if a >= b and c > d}
    nej = {n for n, _ in october}
    assert not (len(nej) == 1 and 0 < min(nej) < 5), october
