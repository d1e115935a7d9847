"""`tilsyn årshjul`: the year's rounds per series, as a table or a calendar file."""

from collections.abc import Sequence
from datetime import UTC
from pathlib import Path
from typing import Annotated

import typer

from ledelsestilsyn.cli.commands import ConceptOption, given_path
from ledelsestilsyn.cli.console import echo, print_diagnostics
from ledelsestilsyn.cli.errors import handled
from ledelsestilsyn.cli.formats import WheelFormat
from ledelsestilsyn.core.words import count


def register(app: typer.Typer) -> None:
    app.command("årshjul")(aarshjul)
    app.command("aarshjul", hidden=True)(aarshjul)


@handled
def aarshjul(
    aar: Annotated[
        int | None, typer.Argument(metavar="ÅR", help="Året. Standard: i år.", min=1900, max=2999)
    ] = None,
    form: Annotated[
        WheelFormat | None,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="tabel eller ics (kalenderfil). Standard: ics med -o, ellers tabel.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Kalenderfilen (ics); '-' for standardoutput. "
            "Standard med --format ics: årshjul-ÅR.ics.",
            parser=given_path,
        ),
    ] = None,
    dato: Annotated[
        str | None,
        typer.Option("--dato", help="Dagen, tilstanden vises for (ÅÅÅÅ-MM-DD). Standard: i dag."),
    ] = None,
    koncept: ConceptOption = None,
) -> None:
    """Vis årets runder for hver tilsynsserie: fokus, frister og hvor langt runden er.

    Med --format ics skrives en kalenderfil (RFC 5545) til Outlook og andre
    kalendere: udtræk, færdige gennemgange og rapport for hver runde,
    afdelings- og udvalgsmøderne fra konceptets formidling og de åbne tiltags
    frister og evalueringer fra tiltag.yaml.

    Eksempel: tilsyn årshjul 2027 --format ics
    """

    from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, fail
    from ledelsestilsyn.core.periods import day_or_today
    from ledelsestilsyn.schedule.scan import read_inputs

    if form is WheelFormat.TABLE and output is not None:
        raise fail(
            Argument.FORMAT,
            "L011",
            "tabellen vises kun i terminalen; -o skriver kalenderfilen (ics).",
            hint="udelad --format tabel for at skrive kalenderfilen, eller udelad -o.",
            kind=ErrorKind.USAGE,
        )
    today = day_or_today(dato)
    year = aar if aar is not None else today.year
    inputs = read_inputs(Path.cwd(), koncept, today, broken=ErrorKind.DATA)
    print_diagnostics(inputs.notes, err=True)
    if form is WheelFormat.ICS or (form is None and output is not None):
        dates = [d for d in inputs.state.tiltag if d.day.year == year]
        path = output or Path(f"årshjul-{year}.ics")
        _write_ics(inputs.plan, inputs.concept_path, year, path, dates)
    else:
        _print_table(inputs, year, today)


def _write_ics(plan: object, concept: Path, year: int, path: Path, dates: Sequence[object]) -> None:
    from datetime import date, datetime

    from ledelsestilsyn.cli.named_output import write_named
    from ledelsestilsyn.cli.output import is_stdout, prepare_output_file, refuse_foreign_ending
    from ledelsestilsyn.io.atomic import current_mode
    from ledelsestilsyn.schedule.annual_wheel import year_rounds
    from ledelsestilsyn.schedule.ics import calendar
    from ledelsestilsyn.schedule.plan import Plan
    from ledelsestilsyn.schedule.shared_titles import shared_titles
    from ledelsestilsyn.schedule.tiltag_dates import TiltagDate

    assert isinstance(plan, Plan)
    tiltag, rounds = shared_titles(
        [d for d in dates if isinstance(d, TiltagDate)], year_rounds(plan, year), concept
    )
    stamp = datetime.fromtimestamp(concept.stat().st_mtime, tz=UTC)
    meetings = [date(year, month, 1) for month in plan.meetings]
    committee = [date(year, month, 1) for month in plan.committee]
    text = calendar(
        rounds,
        name=f"Ledelsestilsyn {year}",
        stamp=stamp,
        meetings=meetings,
        committee=committee,
        tiltag=tiltag,
    )
    if is_stdout(path):
        echo(text, nl=False)
        return
    target = prepare_output_file(path, f"årshjul-{year}.ics", concept.parent)
    refuse_foreign_ending(target, ["ics"], "ics")
    # A calendar is for sharing (0644); one the leader made private stays private. A file
    # there that tilsyn did not write is kept as .bak (L013).
    mode = current_mode(target, 0o644)
    write_named(target, text, root=concept.parent, mode=mode, what="kalenderen")
    events = count(
        3 * len(rounds) + len(meetings) + len(committee) + len(tiltag), "begivenhed", "begivenheder"
    )
    held = f", {count(len(meetings), 'afdelingsmøde', 'afdelingsmøder')}" if meetings else ""
    held += f", {count(len(committee), 'udvalgsmøde', 'udvalgsmøder')}" if committee else ""
    held += f", {count(len(tiltag), 'dato', 'datoer')} for tiltag" if tiltag else ""
    echo(f"Skrev {path}: {count(len(rounds), 'runde', 'runder')}{held}, {events}.")


def _print_table(inputs: object, year: int, today: object) -> None:
    from datetime import date

    from rich.table import Table

    from ledelsestilsyn.cli.console import console
    from ledelsestilsyn.report.formats import MONTHS
    from ledelsestilsyn.schedule.annual_wheel import wheel
    from ledelsestilsyn.schedule.scan import ReminderInputs

    assert isinstance(inputs, ReminderInputs) and isinstance(today, date)
    table = Table(title=f"Årshjul {year}", show_lines=True)
    table.add_column("Måned")
    for series in inputs.plan.series:
        table.add_column(series.title)
    meetings, committee = inputs.plan.meetings, inputs.plan.committee
    if meetings or committee:
        table.add_column("Møde")
    # an open tiltag's deadline, an evaluation not yet written (as `påmind` has them)
    tiltag: dict[int, list[str]] = {}
    for d in sorted(inputs.state.tiltag, key=lambda d: (d.day, d.id)):
        if d.day.year == year:
            tiltag.setdefault(d.day.month, []).append(f"{d.kind}:\n{d.id}")
    if tiltag:
        table.add_column("Tiltag")
    for month, cells in wheel(inputs.plan, inputs.state, year, today):
        texts = []
        for cell in cells:
            if cell.round is None:
                texts.append("—")
            elif cell.running:
                texts.append(f"(runde {cell.round.period.label})")
            else:
                focus = ", ".join(cell.round.focus_titles) or "alle sagsskridt"
                texts.append(f"{cell.round.period.label}\nfokus: {focus}\n{cell.state}")
        if meetings or committee:
            held = ["afd.møde"] * (month in meetings) + ["udvalg"] * (month in committee)
            texts.append("\n".join(held) or "—")
        if tiltag:
            texts.append("\n".join(tiltag.get(month, [])) or "—")
        table.add_row(MONTHS[month - 1], *texts)
    console().print(table)
