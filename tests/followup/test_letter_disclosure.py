"""A letter read by an attacker: its reader, who knows their own answers exactly, solves the
letter's team and department figures for any one colleague's, as `backcalc` does a report.

A letter shows the reader's share beside the team's and the department's, each with its
95 % interval, which tells the counts behind it almost as well as the counts themselves
(`backcalc_system.read_share`). The reader knows their own counts, which colleagues were
drawn and in which team, and that every case answers at least one and at most the focus's
questions. Nothing in a letter may let them pin one colleague's answers (positive, answered,
the rest), and no figure shown may rest on fewer than the smallest count of cases
besides the reader's own: the committee never sees a share on fewer, and the reader would
have one by taking their own away (team minus me, department minus team). A zero pinned
(a team at 100 % has no nej from anyone) singles no one out: the committee's rules let it be.
Nor is how many of a colleague's cases were drawn their answers (five colleagues behind five
cases had one each).
"""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from conftest import TESTS, Cli

sys.path.insert(0, str(TESTS / "report"))
from backcalc_system import System
from report_data import write_round

from ledelsestilsyn.templates.catalog import Catalog

MIN_COUNT = 5  # the sbst preset's mindste_antal
QUESTIONS = 8  # underretning in overordnet@2024.1, the round's focus
NAMES = ("Anna Holm", "Bo Lind", "Carla Friis", "Dan Krog", "Eva Munk", "Finn Bak")
TEAMS = ("Team Nord", "Team Syd", "Team Vest")
ANSWERS = ("ja", "nej", "ikke relevant")
ARGS = ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-25")


@dataclass(frozen=True)
class Case:
    worker: str
    team: str
    answers: tuple[str, ...]

    @property
    def positive(self) -> int:
        return self.answers.count("ja")

    @property
    def answered(self) -> int:
        return sum(a != "ikke relevant" for a in self.answers)


def workspace(cli: Cli, tmp_path: Path, cases: Sequence[Case]) -> Path:
    """An sbst workspace with one November round of `cases`, as the cwd."""
    folder = tmp_path / f"ws-{uuid.uuid4().hex[:8]}"
    assert cli("init", str(folder), "--forlæg", "sbst").exit_code == 0
    monthly_round(folder, "2026-11", cases)
    return folder


def monthly_round(folder: Path, period: str, cases: Sequence[Case], first: int = 0) -> None:
    """A round of `cases` in the month `period`, finished on the 20th; the case numbers
    begin at `first`."""
    write_round(
        folder,
        Catalog.load(folder),
        series="månedligt-overordnet",
        ref="overordnet@2024.1",
        period=period,
        focus=["underretning"],
        cases=len(cases),
        answer=lambda case, q: (
            cases[case].answers[q],
            "Mangler." if cases[case].answers[q] == "nej" else "",
        ),
        day=f"{period}-20",
        teams=[c.team for c in cases],
        workers=[c.worker for c in cases],
        first=first,
    )


def letters(cli: Cli, folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Each caseworker's letter (Markdown) by name."""
    monkeypatch.chdir(folder)
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    found: dict[str, str] = {}
    for path in (folder / "tilbagemeldinger" / "2026-11").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        name = re.search(r"^Til: (.*?) · ", text, re.M)
        assert name, path.name
        found[name.group(1)] = text
    return found


def comparison(letter: str) -> tuple[str, str, str]:
    """The letter's one row of figures: own, team, department (`–` when not shown)."""
    rows = [x for x in letter.split("## Til sammenligning")[1].splitlines() if x.startswith("| ")]
    [row] = rows[1:]
    _, own, team, department = [c.strip() for c in row.strip("|").split("|")]
    return own, team, department


@cache
def read(cell: str) -> tuple[str, str]:
    match = re.fullmatch(r"(.*%) \((.*)\)", cell)
    assert match, cell
    return match.group(1), match.group(2)


def attack(reader: str, letter: str, cases: Sequence[Case]) -> dict[str, float]:
    """What the reader pins of any colleague: their positive answers, answered and the rest,
    inside the reader's team, outside it, and in all. Returns the pinned values."""
    mine = [c for c in cases if c.worker == reader]
    own_team = {c.team for c in mine}
    team = next(iter(own_team)) if len(own_team) == 1 else None
    system = System(MIN_COUNT)
    parts: dict[str, list[str]] = {"team": [], "department": []}
    for worker in sorted({c.worker for c in cases} - {reader}):
        sides = {c.team == team for c in cases if c.worker == worker}
        for inside in sorted(sides):
            part = f"{worker}/{'i teamet' if inside else 'uden for'}"
            _colleague(system, part)
            parts["department"].append(part)
            if inside:
                parts["team"].append(part)
        if len(sides) == 2:  # in the reader's team and another: the two together as well
            for measure in ("pos", "ans", "rest", "cases"):
                both = f"{worker}.{measure}"
                system.relate(
                    [
                        (both, 1),
                        (f"{worker}/i teamet.{measure}", -1),
                        (f"{worker}/uden for.{measure}", -1),
                    ]
                )
                if measure != "cases":
                    system.hidden[both] = "?"
    _, team_cell, department_cell = comparison(letter)
    own = {
        "pos": sum(c.positive for c in mine),
        "ans": sum(c.answered for c in mine),
        "cases": len(mine),
    }
    for figure, cell in (("team", team_cell), ("department", department_cell)):
        if cell == "–":
            continue
        pos, ans = system.share(figure, *read(cell), QUESTIONS)
        for total, measure in ((pos, "pos"), (ans, "ans"), (f"{figure}.cases", "cases")):
            terms = [(total, 1), *((f"{p}.{measure}", -1) for p in parts[figure])]
            system.var(f"{figure}.own.{measure}", own[measure], own[measure])
            system.relate([*terms, (f"{figure}.own.{measure}", -1)])
    # Zero reveals no one (as in the committee's report): a team at 100 % says that no one in
    # it answered nej, which the reader may know of every colleague without singling one out.
    return {
        name: value
        for name, value in system.revealed().items()
        if value or not name.endswith((".pos", ".rest"))
    }


def _colleague(system: System, part: str) -> None:
    """A colleague's counts, unknown to the reader but for what every case holds: at least
    one non-neutral answer and at most the focus's questions."""
    pos, ans, rest, held = (f"{part}.{m}" for m in ("pos", "ans", "rest", "cases"))
    system.var(held, 1)
    system.relate([(ans, 1), (pos, -1), (rest, -1)])
    system.relate([(held, 1), (ans, -1)], equal=False)
    system.relate([(ans, 1), (held, -QUESTIONS)], equal=False)
    for name in (pos, ans, rest):  # the cases drawn of a colleague are not their answers
        system.hidden[name] = "?"


def small_counts(reader: str, letter: str, cases: Sequence[Case]) -> list[str]:
    """The figures the letter shows on fewer than `MIN_COUNT` cases or two caseworkers
    besides the reader's own (team minus me, department minus me, department minus team)."""
    mine = [c for c in cases if c.worker == reader]
    own_team = {c.team for c in mine}
    team = next(iter(own_team)) if len(own_team) == 1 else None
    _, team_cell, department_cell = comparison(letter)
    groups = {
        "teamet uden læseren": [c for c in cases if c.team == team and c.worker != reader],
        "afdelingen uden læseren": [c for c in cases if c.worker != reader],
    }
    shown = {
        "teamet uden læseren": team_cell != "–",
        "afdelingen uden læseren": department_cell != "–",
    }
    if team_cell != "–" and department_cell != "–":
        groups["afdelingen uden teamet"] = [c for c in cases if c.team != team]
        shown["afdelingen uden teamet"] = True
    return [
        f"{name}: {len(group)} sager, {len({c.worker for c in group})} rådgivere"
        for name, group in groups.items()
        if shown[name] and group and (len(group) < MIN_COUNT or len({c.worker for c in group}) < 2)
    ]


def describe(cases: Sequence[Case]) -> str:
    return "\n".join(f"{c.worker} ({c.team}): {' '.join(c.answers)}" for c in cases)


def check(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cases: Sequence[Case]) -> None:
    found = letters(cli, workspace(cli, tmp_path, cases), monkeypatch)
    assert set(found) == {c.worker for c in cases}
    for reader, letter in sorted(found.items()):
        small = small_counts(reader, letter, cases)
        assert not small, f"brevet til {reader} viser et tal på for få: {small}"
        pinned = attack(reader, letter, cases)
        assert not pinned, f"brevet til {reader} giver en kollegas tal: {pinned}"


answers = st.lists(st.sampled_from(ANSWERS), min_size=QUESTIONS, max_size=QUESTIONS).filter(
    lambda a: any(x != "ikke relevant" for x in a)
)


@st.composite
def rounds(draw: st.DrawFn) -> list[Case]:
    """2–6 caseworkers in 1–3 teams with 1–4 cases each; now and then one works in two."""
    workers = draw(st.integers(2, len(NAMES)))
    teams = draw(st.integers(1, len(TEAMS)))
    cases = []
    for name in NAMES[:workers]:
        home = draw(st.sampled_from(TEAMS[:teams]))
        for _ in range(draw(st.integers(1, 4))):
            team = draw(st.sampled_from(TEAMS[:teams])) if draw(st.integers(0, 5)) == 0 else home
            cases.append(Case(name, team, tuple(draw(answers))))
    return cases


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cases=rounds())
def test_no_letter_gives_a_colleagues_figures_or_a_small_count(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cases: list[Case]
) -> None:
    note(describe(cases))
    check(cli, tmp_path, monkeypatch, cases)


def _team(team: str, workers: dict[str, int], answers: tuple[str, ...]) -> list[Case]:
    return [Case(w, team, answers) for w, n in workers.items() for _ in range(n)]


GOOD = ("ja", "ja", "nej", "ja", "ikke relevant", "ja", "nej", "ja")
FIXED = {
    # Two in the team: team minus me is the other one.
    "to-i-teamet": _team("Team Nord", {"Anna Holm": 3, "Bo Lind": 3}, GOOD)
    + _team("Team Syd", {"Carla Friis": 3, "Dan Krog": 3}, GOOD),
    # Three in the team, two of them with one case each: team minus me is two cases.
    "tre-med-få-sager": _team("Team Nord", {"Anna Holm": 6, "Bo Lind": 1, "Carla Friis": 1}, GOOD)
    + _team("Team Syd", {"Dan Krog": 4, "Eva Munk": 4}, GOOD),
    # One caseworker outside the team: department minus team is that one.
    "én-uden-for": _team("Team Nord", {"Anna Holm": 3, "Bo Lind": 3, "Carla Friis": 3}, GOOD)
    + _team("Team Syd", {"Dan Krog": 4}, GOOD),
    # Bo works in two teams.
    "to-teams": _team("Team Nord", {"Anna Holm": 3, "Bo Lind": 2, "Carla Friis": 3}, GOOD)
    + _team("Team Syd", {"Bo Lind": 2, "Dan Krog": 3, "Eva Munk": 3}, GOOD),
}


@pytest.mark.parametrize("name", sorted(FIXED))
def test_the_known_ways_in_give_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The shapes a reader would try first: a team of two, a team of three where the others
    have one case each, one caseworker outside the team, a caseworker in two teams."""
    check(cli, tmp_path, monkeypatch, FIXED[name])


def test_the_letter_says_why_a_figure_on_few_cases_is_not_shown(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anna's two colleagues in Team Nord have one case each: the team's figure, less her
    own, was a share on two cases, which the committee never sees. Carla's team has six of
    her colleagues' cases, but outside it there are two: the department beside the team
    would be a share on those two. Each letter says which figure is left out, and why."""
    few = _team("Team Nord", {"Anna Holm": 6, "Bo Lind": 1, "Carla Friis": 1}, GOOD)
    found = letters(cli, workspace(cli, tmp_path, few), monkeypatch)
    own_share, team, department = comparison(found["Anna Holm"])
    assert "%" in own_share and team == department == "–"
    assert (
        "Overordnet ledelsestilsyn: teamets og afdelingens tal vises ikke, når dine kolleger "
        "tilsammen har færre end 5 gennemgåede sager; så få sager siger for meget om den enkelte."
    ) in found["Anna Holm"]
    outside = _team("Team Nord", {"Anna Holm": 3, "Bo Lind": 3, "Carla Friis": 3}, GOOD)
    outside += _team("Team Syd", {"Dan Krog": 1, "Eva Munk": 1}, GOOD)
    found = letters(cli, workspace(cli, tmp_path, outside), monkeypatch)
    _, team, department = comparison(found["Carla Friis"])
    assert "%" in team and department == "–"
    assert (
        "Overordnet ledelsestilsyn: afdelingens tal vises ikke, når færre end 5 sager uden for "
        "teamet er gennemgået; forskellen på afdelingens og teamets tal ville bygge på for få "
        "sager."
    ) in found["Carla Friis"]
    _, team, department = comparison(found["Dan Krog"])
    assert team == "–" and "%" in department
    assert "teamets tal vises ikke, når færre end 3 rådgivere i teamet er" in found["Dan Krog"]


def test_a_late_review_does_not_give_away_its_case(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The letters are written again when a review is finished late (påmind asks for it, and
    `--mail` sends the letters that changed). Anna then holds two letters whose team figures
    differ by exactly that one case of Bo's, every answer nej: 71,4 % before, 61,4 % after.
    The shares and their intervals fit too many counts for the difference to pin the case."""
    cases = _team("Team Nord", {"Anna Holm": 2, "Bo Lind": 3, "Carla Friis": 2}, GOOD)
    late = [Case("Bo Lind", "Team Nord", ("nej",) * QUESTIONS)]
    folder = workspace(cli, tmp_path, cases + late)
    review = folder / "udtræk" / "2026-11-månedligt-overordnet" / f"S-2026-11-{len(cases):03d}.yaml"
    text = review.read_text(encoding="utf-8")
    review.write_text(
        re.sub(r'^( +svar: )"[^"]+"', r'\1""', text, count=1, flags=re.M), encoding="utf-8"
    )
    before = letters(cli, folder, monkeypatch)["Anna Holm"]
    review.write_text(text, encoding="utf-8")
    after = letters(cli, folder, monkeypatch)["Anna Holm"]
    assert comparison(before) != comparison(after)
    system = System(MIN_COUNT)
    for version, letter in (("før", before), ("efter", after)):
        _, team, _ = comparison(letter)
        assert team != "–"
        system.share(version, *read(team), QUESTIONS)
    _colleague(system, "sent")
    for measure in ("pos", "ans"):
        system.relate([(f"efter.{measure}", 1), (f"før.{measure}", -1), (f"sent.{measure}", -1)])
    assert not system.revealed(), "forskellen på de to breve er kollegaens sag"


def _two_months(cli: Cli, tmp_path: Path, october: list[Case], november: list[Case]) -> Path:
    """An sbst workspace with a monthly round in October and one in November."""
    folder = workspace(cli, tmp_path, november)
    monthly_round(folder, "2026-10", october, first=len(november))
    return folder


def _letter(cli: Cli, folder: Path, period: str, reader: str) -> str:
    result = cli("tilbagemelding", "--periode", period, "--dato", "2026-12-05")
    assert result.exit_code == 0, result.output + (result.stderr or "")
    [path] = (folder / "tilbagemeldinger" / period).glob(f"{reader.replace(' ', '_')}-*.md")
    return path.read_text(encoding="utf-8")


def test_a_letter_for_a_quarter_does_not_give_a_month_by_subtraction(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anna gets a letter for October, one for November and one for the quarter (påmind asks
    for both kinds when a concept has monthly and quarterly rounds, and --periode writes any).
    In October her two colleagues in Team Nord have six cases; in November only Bo has one,
    all nej, which November's letter does not show. The quarter's team figure beside
    October's would be a figure on Bo's one case (the quarter minus October and Anna's own),
    so the quarter's letter does not show it, and says why. The department is the team."""
    october = _team("Team Nord", {"Anna Holm": 1, "Bo Lind": 3, "Carla Friis": 3}, GOOD)
    november = [
        *_team("Team Nord", {"Anna Holm": 1}, GOOD),
        Case("Bo Lind", "Team Nord", ("nej",) * QUESTIONS),
    ]
    folder = _two_months(cli, tmp_path, october, november)
    monkeypatch.chdir(folder)
    letters = {p: _letter(cli, folder, p, "Anna Holm") for p in ("2026-10", "2026-11", "2026-K4")}
    assert "%" in comparison(letters["2026-10"])[1]
    assert comparison(letters["2026-11"])[1:] == ("–", "–")
    assert comparison(letters["2026-K4"])[1:] == ("–", "–")
    assert (
        "teamets og afdelingens tal vises ikke, når en af periodens måneder har gennemgåede "
        "sager fra kun én af dine kolleger; trak man brevene for de andre måneder fra, blev "
        "det den kollegas tal."
    ) in " ".join(letters["2026-K4"].split())
    # Enough of Anna's colleagues in each month: the quarter shows both figures.
    november += _team("Team Nord", {"Carla Friis": 2, "Bo Lind": 2}, GOOD)
    folder = _two_months(cli, tmp_path, october, november)
    monkeypatch.chdir(folder)
    assert "%" in comparison(_letter(cli, folder, "2026-K4", "Anna Holm"))[1]


def test_a_letter_for_a_quarter_does_not_give_a_month_outside_the_team_by_subtraction(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beside Team Nord's figure, the department's less the team's is everyone outside it. In
    the quarter those are Dan's and Eva's seven cases, but in November only Dan's one: with
    October's letter taken away, the quarter's department beside its team is his case."""
    nord = {"Anna Holm": 1, "Bo Lind": 3, "Carla Friis": 3}
    october = _team("Team Nord", nord, GOOD) + _team(
        "Team Syd", {"Dan Krog": 3, "Eva Munk": 3}, GOOD
    )
    dan = Case("Dan Krog", "Team Syd", ("nej",) * QUESTIONS)
    november = [*_team("Team Nord", nord, GOOD), dan]
    folder = _two_months(cli, tmp_path, october, november)
    monkeypatch.chdir(folder)
    letter = _letter(cli, folder, "2026-K4", "Anna Holm")
    _, team, department = comparison(letter)
    assert "%" in team and department == "–"
    assert (
        "afdelingens tal vises ikke, når en af periodens måneder har færre end 5 sager uden for "
        "teamet eller sager fra færre end 2 rådgivere der"
    ) in " ".join(letter.split())
    assert "%" in comparison(_letter(cli, folder, "2026-10", "Anna Holm"))[2]


def test_a_quarters_letter_tells_two_reviews_of_one_case_apart_by_their_round(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anna's case reviewed in October and again in November: the quarter's letter showed
    both under the same heading, so she could not tell which findings were October's (found
    by a probe). Each now names its round."""
    cases = _team("Team Nord", {"Anna Holm": 1, "Bo Lind": 3, "Carla Friis": 3}, GOOD)
    folder = workspace(cli, tmp_path, cases)
    monthly_round(folder, "2026-10", cases)
    for path in (folder / "udtræk" / "2026-10-månedligt-overordnet").iterdir():
        path.write_text(path.read_text("utf-8").replace("S-2026-10-", "S-2026-11-"), "utf-8")
        path.rename(path.with_name(path.name.replace("S-2026-10-", "S-2026-11-")))
    monkeypatch.chdir(folder)
    headings = [
        x for x in _letter(cli, folder, "2026-K4", "Anna Holm").splitlines() if x[:4] == "### "
    ]
    assert len(headings) == 2 and len(set(headings)) == 2, headings
    assert headings[0].endswith("2026-10)") and headings[1].endswith("2026-11)"), headings
