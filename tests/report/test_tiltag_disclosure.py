"""The tiltag's verdicts in the committee's and the department's reports tell nothing that
the report hides (issue 12 §2): a verdict pools rounds before and after the decision, and
a template the report leaves out says nothing of its data."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from report_data import themed_round, underretning_round

from conftest import Cli, edit_concept
from ledelsestilsyn.report.cells import ShareCell
from ledelsestilsyn.report.department import rounds_publishable
from ledelsestilsyn.report.disclosure import Disclosure
from ledelsestilsyn.report.effect import PeriodAnswers
from ledelsestilsyn.report.tiltag import LEFT_OUT_VERDICT, ROUNDS_VERDICT, UNCLEAR, EffectRow

DAY = "2027-01-05"
TILTAG = """\
tiltag:
  - id: "vurdering"
    titel: "Hurtig vurdering af underretninger"
    besluttet: "{decided}"
    status: "i gang"
    skabelon: "{template}"
    mål:
      spørgsmål: [underretning-1]
{level}"""


def no_on_first(count: int, value: str = "nej"):  # type: ignore[no-untyped-def]
    """The first `count` cases answer `value` to underretning-1; every other answer is ja."""

    def answer(case: int, question: int) -> tuple[str, str]:
        if question == 0 and case < count:
            return value, "Mangler."
        return "ja", ""

    return answer


def graded_on_first(count: int):  # type: ignore[no-untyped-def]
    """The first `count` cases answer underretning-1 'lav grad', the others 'ikke relevant';
    every other answer is 'høj grad'."""

    def answer(case: int, question: int) -> tuple[str, str]:
        if question == 0:
            return ("lav grad", "Mangler.") if case < count else ("ikke relevant", "")
        return "høj grad", ""

    return answer


def overordnet(root: Path, month: str, cases: int, nej: int) -> None:
    underretning_round(root, month, cases, no_on_first(nej))


def tiltag_verdicts(cli: Cli, period: str, audience: str) -> list[list[str]]:
    result = cli(
        "rapport", "--dato", DAY, "-o", "-", "--periode", period, "--modtager", audience,
        "--format", "md",
    )  # fmt: skip
    assert result.exit_code == 0, result.output + (result.stderr or "")
    section = str(result.stdout).split("\n## Tiltag\n")[1].split("\n## ")[0]
    return [
        [c.strip() for c in line.split("|")[1:-1]]
        for line in section.splitlines()
        if line.startswith("| **")
    ]


def leader_verdict(cli: Cli, period: str) -> str:
    result = cli("rapport", "--dato", DAY, "-o", "-", "--periode", period, "--format", "md")
    assert result.exit_code == 0, result.output
    line = next(x for x in str(result.stdout).splitlines() if x.startswith("| underretning-1 |"))
    return line.split("|")[-2].strip()


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_a_verdict_pooling_a_round_the_report_hides_is_not_shown(
    cli: Cli, workspace: Path, audience: str
) -> None:
    """Decided on 1 December: after is December alone, 5 ja and 1 nej on underretning-1,
    which the quarter's trend hides (`–`, a part under 5). The committee read 'niveauet
    90 % er ikke nået', so that December has a nej; the quarter's own share is shown (7 nej
    in October), so the verdict was shown. Now only rounds that could be shown by
    themselves feed a verdict the committee reads. The committee gets quarters only
    (`udvalgets_perioder`), so that the quarter's share is not hidden for its months'."""
    only = "  mindste_antal: 5\n  udvalgets_perioder: [kvartal]"
    edit_concept(workspace, "  mindste_antal: 5", only)
    overordnet(workspace, "2026-10", 12, 6)
    overordnet(workspace, "2026-11", 12, 0)
    overordnet(workspace, "2026-12", 6, 1)
    level = '      niveau: "0.9"\n'
    text = TILTAG.format(decided="2026-12-01", level=level, template="overordnet")
    (workspace / "tiltag.yaml").write_text(text, encoding="utf-8")
    os.chdir(workspace)
    assert "niveauet 90 % er ikke nået" in leader_verdict(cli, "2026-K4")
    rows = tiltag_verdicts(cli, "2026-K4", audience)
    assert [r[-1] for r in rows] == [ROUNDS_VERDICT], rows


@pytest.mark.parametrize("audience", ["udvalg", "afdeling"])
def test_a_template_left_out_of_the_report_says_nothing_of_its_answers(
    cli: Cli, workspace: Path, audience: str
) -> None:
    """Tematiseret has 3 cases in November, too few to be in the committee's report. The
    tiltag's row for it read 'ingen gennemgang i perioden har besvaret målet' when all three
    answered 'ikke relevant', and 'vises ikke … (få gennemgange)' when one did not: the
    text told what the left-out template's reviews answered."""
    overordnet(workspace, "2026-11", 12, 6)
    (workspace / "tiltag.yaml").write_text(
        TILTAG.format(decided="2026-10-01", level="", template="tematiseret"), encoding="utf-8"
    )
    os.chdir(workspace)
    seen = []
    for answered in (0, 1):
        with themed_round(workspace, 3, graded_on_first(answered)):
            rows = tiltag_verdicts(cli, "2026-11", audience)
            seen.append([r[-1] for r in rows])
    assert seen[0] == seen[1], seen
    assert LEFT_OUT_VERDICT in seen[0], seen


def test_a_verdict_pools_only_rounds_whose_own_report_shows_the_share() -> None:
    """Each round a verdict pools passes the primary rule (12 cases, 5 nej), but the
    committee that also gets December's report sees no share of underretning-1 there
    (hidden, or its step's rows left out): a verdict on a quarter whose after-side is
    December would tell it (better, worse). A round whose own report shows the share, or
    that the audience gets no report of (`Reports.shows` says True), does not stop it."""
    share = ("question share", "overordnet@2024.1", "underretning", "underretning-1")
    cell = ShareCell("58,3 %", value=0.583)
    rounds = tuple(PeriodAnswers(p, 12, (5, 7), 12) for p in ("2026-10", "2026-11", "2026-12"))
    row = EffectRow("underretning-1", "Overordnet", cell, 24, cell, 12, UNCLEAR, share)
    row = replace(row, ref="overordnet@2024.1", steps=("underretning",), rounds=rounds)
    rules = Disclosure(5, active=True)
    asked: list[tuple[str, tuple[str, ...]]] = []

    def december_hides(label: str, key: tuple[str, ...]) -> bool:
        asked.append((label, key))
        return label != "2026-12"

    assert rounds_publishable(row, rules, lambda label, key: True)
    assert not rounds_publishable(row, rules, december_hides)
    assert ("2026-12", share) in asked
