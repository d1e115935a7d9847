"""The figures a letter shows to compare with: the reader's share, the team's, the department's.

The reader knows their own answers, so a team or department figure, shown with its
interval, is also a figure of everyone else in it (the figure minus the reader's own), and
two of them shown side by side give the difference (the department minus the team: those
outside the team). Each of those is shown only when it is at least `MIN_OTHERS` other
caseworkers and at least the concept's smallest count (`mindste_antal`) of their cases:
else it is one colleague's figure, or one on fewer cases than the committee ever sees a
share on. A letter for a quarter, a half or a year is read beside the letters for its
months, and the period's figure less those of the other months is one month's: so each
month with cases of others must be enough on its own too. A note under the table says,
politely, which figure is not shown and why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ledelsestilsyn.models.template import Template
from ledelsestilsyn.report.aggregate import section
from ledelsestilsyn.report.build import one_per_case
from ledelsestilsyn.report.cells import ShareCell, share_cell
from ledelsestilsyn.report.records import ReviewRecord

MIN_OTHERS = 2


@dataclass
class Comparison:
    template: str
    own: ShareCell
    team: ShareCell
    department: ShareCell


@dataclass(frozen=True)
class Others:
    """Who besides the reader is behind a figure: caseworkers and cases, and the same in
    each month of the period with cases of theirs (none when there is only one)."""

    workers: int
    cases: int
    months: tuple[Others, ...] = ()

    @classmethod
    def of(cls, records: Sequence[ReviewRecord], name: str) -> Others:
        theirs = [r for r in records if r.caseworker != name]
        by_month: dict[tuple[int, int], list[ReviewRecord]] = {}
        for r in theirs:
            by_month.setdefault((r.period_start.year, r.period_start.month), []).append(r)
        months = tuple(cls.of(g, name) for g in by_month.values()) if len(by_month) > 1 else ()
        return cls(len({r.caseworker for r in theirs} - {None}), len(theirs), months)

    def enough(self, min_count: int) -> bool:
        return (
            self.workers >= MIN_OTHERS
            and self.cases >= min_count
            and all(month.enough(min_count) for month in self.months)
        )

    def short_month(self, min_count: int) -> Others | None:
        """A month that is not `enough` on its own, when the period as a whole is."""
        return next((m for m in self.months if not m.enough(min_count)), None)

    def why(self, min_count: int, where: str) -> str:
        """Why a figure on these others is not shown (they are not `enough`)."""
        if self.workers < MIN_OTHERS:
            return (
                f"færre end {MIN_OTHERS + 1} rådgivere{where} er gennemgået; ellers kunne en "
                "kollegas tal regnes ud"
            )
        if self.cases >= min_count and (month := self.short_month(min_count)):
            if month.workers < MIN_OTHERS:
                few = "kun én" if month.workers == 1 else f"færre end {MIN_OTHERS}"
                return (
                    f"en af periodens måneder har gennemgåede sager fra {few} af dine "
                    f"kolleger{where}; trak man brevene for de andre måneder fra, blev det "
                    "den kollegas tal"
                )
            return (
                f"dine kolleger{where} i en af periodens måneder tilsammen har færre end "
                f"{min_count} gennemgåede sager; trak man brevene for de andre måneder fra, "
                "blev det et tal på så få sager"
            )
        return (
            f"dine kolleger{where} tilsammen har færre end {min_count} gennemgåede sager; så få "
            "sager siger for meget om den enkelte"
        )


def _share(template: Template, records: Sequence[ReviewRecord]) -> ShareCell:
    """The share of `records`, its interval on the reviews (`Tally.case_interval`), as the
    committee's: on the effective size it would tell how colleagues' answers spread over
    their cases; and the reader's own on the reviews too, so that the three side by side are
    alike (on the effective size, 3 cases read narrower than the department's 40)."""
    if not records:
        return ShareCell()
    total = section(template, records).total()
    return share_cell(total, 1.0, True, on_cases=True)


def _memo(
    memo: dict[tuple[str, str | None], ShareCell],
    key: tuple[str, str | None],
    template: Template,
    records: Sequence[ReviewRecord],
    shown: bool,
) -> ShareCell:
    if not shown:
        return ShareCell()
    if key not in memo:
        memo[key] = _share(template, records)
    return memo[key]


def comparison(
    mine: Sequence[ReviewRecord],
    everyone: Sequence[ReviewRecord],
    templates: dict[str, Template],
    who: tuple[str, str | None],
    memo: dict[tuple[str, str | None], ShareCell],
    order: Sequence[str],
    min_count: int,
) -> tuple[list[Comparison], list[str]]:
    """Own share next to the team's and department's (`who`: the reader and their team);
    those are the same for every letter, so each is counted once (`memo`). A case counts
    once per template, as in the report."""
    name, team = who
    rows: list[Comparison] = []
    notes: list[str] = []
    for ref in sorted({r.template for r in mine}):
        template = templates[ref]
        own = one_per_case([r for r in mine if r.template == ref], order)
        everyone_here = one_per_case([r for r in everyone if r.template == ref], order)
        team_records = [r for r in everyone_here if team and r.team == team]
        in_team, in_all = Others.of(team_records, name), Others.of(everyone_here, name)
        outside = Others.of([r for r in everyone_here if not team or r.team != team], name)
        team_shown = in_team.enough(min_count)
        # The department minus the team is everyone outside it: shown both, that must be
        # no case at all or enough, or it is one colleague's figure or one on a few cases.
        department_shown = in_all.enough(min_count) and (
            not team_shown or not outside.cases or outside.enough(min_count)
        )
        rows.append(
            Comparison(
                template.title,
                _share(template, own),
                _memo(memo, (ref, f"team {team}"), template, team_records, team_shown),
                _memo(memo, (ref, None), template, everyone_here, department_shown),
            )
        )
        if not team_shown:
            # Say which figure is hidden: the department's may stand right next to it.
            hidden, why = (
                ("teamets tal", in_team.why(min_count, " i teamet"))
                if department_shown
                else ("teamets og afdelingens tal", in_all.why(min_count, ""))
            )
            notes.append(f"{template.title}: {hidden} vises ikke, når {why}.")
        elif not department_shown:
            notes.append(f"{template.title}: {_outside(outside, min_count)}")
    return rows, notes


def _outside(outside: Others, min_count: int) -> str:
    """Why the department's figure is not shown beside the team's."""
    if outside.workers == 1:
        return (
            "afdelingens tal vises ikke, når kun én rådgiver uden for teamet er gennemgået; "
            "forskellen på afdelingens og teamets tal ville være kollegaens."
        )
    if outside.cases < min_count:
        return (
            f"afdelingens tal vises ikke, når færre end {min_count} sager uden for teamet er "
            "gennemgået; forskellen på afdelingens og teamets tal ville bygge på for få sager."
        )
    if outside.short_month(min_count):
        return (
            f"afdelingens tal vises ikke, når en af periodens måneder har færre end {min_count} "
            f"sager uden for teamet eller sager fra færre end {MIN_OTHERS} rådgivere der; trak "
            "man brevene for de andre måneder fra, ville forskellen på afdelingens og teamets "
            "tal sige for meget om dem."
        )
    return (
        f"afdelingens tal vises ikke, når sagerne uden for teamet ikke er fra mindst "
        f"{MIN_OTHERS} kendte rådgivere; forskellen på afdelingens og teamets tal ville sige "
        "for meget om dem."
    )
