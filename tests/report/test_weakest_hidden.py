"""'Hvor er vi svagest' when the committee may see none of the low shares.

The committee's report hides shares on few cases. When every share under 100 % is hidden,
"Ingen af de viste spørgsmålsandele er under 100 %" read as "all is well" to a committee
member; the section must say that there are shares it cannot show, and that they may be
lower. Whether it says so is read from what the report shows (a `–`, a left-out
template), never from the hidden shares: that would tell one of them is under 100 %.
"""

from __future__ import annotations

import os
from pathlib import Path

from report_data import themed_round, underretning_round

from conftest import Cli
from ledelsestilsyn.report.view import NONE_LOW, NONE_SHOWN
from ledelsestilsyn.report.view import NOT_ALL_SHOWN as HIDDEN


def weakest(cli, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = cli("rapport", "--dato", "2026-11-25", "-o", "-", "--format", "md", *args)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    return str(result.stdout).split("## Hvor er vi svagest")[1].split("\n## ")[0].strip()


def test_the_committee_is_told_that_low_shares_are_hidden(cli, rapport_ws: Path) -> None:  # type: ignore[no-untyped-def]
    committee = weakest(cli, "--periode", "2026-11", "--modtager", "udvalg")
    assert committee == NONE_SHOWN, committee  # every question's share is `–` here
    assert "Nogle spørgsmål har en andel under 100 %" not in committee
    leader = weakest(cli, "--periode", "2026-11")  # the leader sees them all
    assert HIDDEN not in leader and "| spørgsmål |" in leader


def test_a_left_out_template_says_nothing_of_its_shares(cli: Cli, workspace: Path) -> None:
    """Overordnet is all ja; tematiseret has 3 cases, too few for the committee to see it.
    With one 'lav grad' there, the committee read 'Nogle spørgsmål har en andel under
    100 %, men ingen af dem kan vises her', and with none 'Ingen af de viste … under
    100 %': the section told what the left-out template's reviews answered. Now it reads
    the same either way, from what the report shows: a template is left out."""
    underretning_round(workspace, "2026-11", 12, lambda case, q: ("ja", ""))
    os.chdir(workspace)
    seen = []
    for low in (0, 1):
        with themed_round(
            workspace,
            3,
            lambda case, q, n=low: ("lav grad", "Mangler.") if case < n else ("høj grad", ""),
        ):
            seen.append(weakest(cli, "--periode", "2026-11", "--modtager", "udvalg"))
    assert seen[0] == seen[1] == NONE_SHOWN, seen  # overordnet's 12 are `x`, to protect the 3
    assert weakest(cli, "--periode", "2026-11") == NONE_LOW  # the leader: nothing left out


def test_when_no_share_is_shown_the_committee_is_not_told_none_is_low(
    cli: Cli, workspace: Path
) -> None:
    """Each question with one 'nej': the committee may see no question's share (the 'nej' is
    a small count), and 'Hvor er vi svagest' said "Ingen af de viste spørgsmålsandele er under
    100 %", which read as 'all is well' beside a step share under 100 %. Now it says that no
    share can be shown. Where some are shown (one question with a 'nej', the others all
    'ja'), it says as before that those shown are not under 100 % and the others may be."""
    os.chdir(workspace)
    underretning_round(
        workspace, "2026-11", 6, lambda case, q: ("nej", "Mangler.") if case == 1 else ("ja", "")
    )
    committee = weakest(cli, "--periode", "2026-11", "--modtager", "udvalg")
    assert committee == NONE_SHOWN, committee
    assert "| spørgsmål |" in weakest(cli, "--periode", "2026-11")  # the leader's list
    underretning_round(  # underretning-3 (the third question) has the 'nej'
        workspace,
        "2026-10",
        12,
        lambda case, q: ("nej", "Mangler.") if (case, q) == (1, 2) else ("ja", ""),
    )
    some = weakest(cli, "--periode", "2026-10", "--modtager", "udvalg")
    assert some == HIDDEN, some
