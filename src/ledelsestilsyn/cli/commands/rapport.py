"""`tilsyn rapport`: the period summary for leaders, management and the committee."""

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ledelsestilsyn.cli.commands import ConceptOption, TodayOption, given_path
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.cli.errors import handled
from ledelsestilsyn.cli.formats import Recipient, ReportFormat
from ledelsestilsyn.core.words import count

if TYPE_CHECKING:
    from ledelsestilsyn.core.gate import Gated
    from ledelsestilsyn.report.issued import Version
    from ledelsestilsyn.report.run import Outcome
    from ledelsestilsyn.workspace.open import Workspace


def register(app: typer.Typer) -> None:
    app.command("rapport")(rapport)


@handled
def rapport(
    stier: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Gennemgangsfiler eller mapper. Standard: hele udtræk/.", show_default=False
        ),
    ] = None,
    periode: Annotated[
        str | None,
        typer.Option(
            "--periode",
            help="2026-11, 2026-K3/2026-Q3, 2026-H1, 2026, 2026-10..2026-11 eller "
            "2026-01-01..2026-06-30. "
            "Standard: den periode blandt de færdige gennemgange, der begynder senest.",
        ),
    ] = None,
    tilsyn: Annotated[
        str | None,
        typer.Option("--tilsyn", help="Kun denne tilsynsserie fra konceptet (kun til leder)."),
    ] = None,
    modtager: Annotated[
        Recipient,
        typer.Option(
            "--modtager",
            case_sensitive=False,
            help="leder (med detaljer pr. sag), afdeling (til afdelingsmødet: generelle fund, "
            "tiltag, ingen navne eller sager) eller udvalg (kun samlede tal, små tal skjult).",
        ),
    ] = Recipient.LEADER,
    raadgivere: Annotated[
        bool,
        typer.Option("--rådgivere", "--raadgivere", help="Tal pr. rådgiver (kun til leder)."),
    ] = False,
    format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            case_sensitive=False,
            help="html, md, pdf (A4 til dagsordenen), csv eller xlsx (tabellen til Excel). "
            "Standard: det, filen i -o ender på (fx udvalg.md), ellers html.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Filen, rapporten skrives til; '-' for standardoutput. "
            "Standard: rapporter/<periode>-<modtager>.<format> i arbejdsmappen.",
            parser=given_path,
        ),
    ] = None,
    dato: TodayOption = None,
    koncept: ConceptOption = None,
) -> None:
    """Lav periodens rapport: lovmedholdelighed, kvalitet, udvikling, teams og kalibrering.

    Eksempel: tilsyn rapport --periode 2026-K4 --modtager udvalg --format html
    """
    from ledelsestilsyn.cli.named_output import write_named
    from ledelsestilsyn.cli.output import chosen_format, is_stdout
    from ledelsestilsyn.cli.progress import on_terminal
    from ledelsestilsyn.core.periods import day_or_today
    from ledelsestilsyn.report.call import Request, check_call
    from ledelsestilsyn.report.run import make_report
    from ledelsestilsyn.workspace.open import open_workspace

    fmt = chosen_format(format, output, ReportFormat, ReportFormat.HTML)
    workspace = open_workspace(Path.cwd(), koncept)
    request = Request(stier or None, periode, tilsyn, modtager.value, raadgivere, fmt.value)
    # Checked before the report is made: a wrong -o costs no waiting.
    chosen = None if output is None or is_stdout(output) else _chosen_path(output, workspace, fmt)
    if is_stdout(output) and fmt.value in ("xlsx", "pdf"):
        _not_text(fmt.value)
    check_call(workspace, request)  # a wrong call waits for no other run's lock (a probe)
    with _issuing(workspace, request.audience):
        with on_terminal():
            outcome = make_report(workspace, request, today=day_or_today(dato))
        _report_problems(outcome)
        if outcome.version is not None:  # before it is delivered: later ranges hide with it
            for compared in outcome.compared:
                _record_version(workspace, compared)
            _record_version(workspace, outcome.version)
    if is_stdout(output):
        _echo(outcome, request.fmt)
        return
    # Every report is 0600 like the workspace's other files, but the committee's when the
    # concept says it is for everyone (a shared drive): sharing one is a deliberate act.
    shared = request.audience == "udvalg" and workspace.concept.report.committee_readable
    mode = 0o644 if shared else 0o600
    target = chosen or _default_path(workspace, outcome, request.audience, request.fmt)
    if chosen is None or _in_reports(chosen, workspace):
        _write_default(workspace, target, outcome.content, mode)
    else:  # a file there that tilsyn did not write is kept as .bak (L013)
        write_named(target, outcome.content, root=workspace.root, mode=mode, what="rapporten")
    echo(
        f"Skrev rapporten for {outcome.period.label} "
        f"({count(outcome.counted, 'gennemgang', 'gennemgange')}) til "
        f"{workspace.display(target)}"
    )


def _echo(outcome: "Outcome", fmt: str) -> None:
    if not isinstance(outcome.content, str):
        _not_text(fmt)
    echo(outcome.content, nl=False)


def _not_text(fmt: str) -> NoReturn:
    """L010: a workbook or a PDF is no text for standard output (`-o -`)."""
    from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, fail

    what = "en Excel-projektmappe" if fmt == "xlsx" else "en PDF-fil"
    raise fail(
        Argument.FORMAT,
        "L010",
        f"{fmt} er {what} og kan ikke skrives til standardoutput (-o -).",
        hint=f"angiv en fil, fx -o rapport.{fmt}, eller udelad -o.",
        kind=ErrorKind.USAGE,
    )


def _issuing(workspace: "Workspace", audience: str) -> AbstractContextManager[None]:
    """The committee's and the department's reports are made one at a time (`issued`)."""
    from ledelsestilsyn.report.decision import AGGREGATE
    from ledelsestilsyn.report.issued import issuing
    from ledelsestilsyn.workspace.layout import REPORTS_DIR

    if audience not in AGGREGATE:
        return nullcontext()
    waiting = "Venter på en anden kørsel af 'tilsyn rapport' til udvalget eller afdelingen …"
    display = workspace.display(workspace.root / REPORTS_DIR)
    return issuing(workspace.root, display, lambda: echo(waiting, err=True))


def _record_version(workspace: "Workspace", version: "Version") -> None:
    from ledelsestilsyn.report.issued import record_version
    from ledelsestilsyn.workspace.layout import REPORTS_DIR

    record_version(workspace.root, version, workspace.display(workspace.root / REPORTS_DIR))


def _report_problems(outcome: "Outcome") -> None:
    from ledelsestilsyn.cli.console import print_diagnostics

    print_diagnostics(outcome.notes, err=True)
    for item in outcome.excluded:
        echo(f"{item.display}: ikke medregnet: {item.reason}", err=True)


def _default_path(workspace: "Workspace", outcome: "Outcome", audience: str, fmt: str) -> Path:
    from ledelsestilsyn.io.atomic import writable_folder
    from ledelsestilsyn.workspace.layout import RANGE_IN_NAME, REPORTS_DIR

    folder = workspace.root / REPORTS_DIR
    writable_folder(folder, display=workspace.display(folder))
    label = outcome.period.label.replace("..", RANGE_IN_NAME)
    return folder / f"{label}-{audience}.{fmt}"


def _chosen_path(target: Path, workspace: "Workspace", fmt: str) -> Path:
    """The file named with -o: never a YAML file or a sample's export, and a file in a
    folder that exists; `rapporter/` is made as for a report without -o (`-o rapporter/…`
    was W003 'mappen findes ikke' before the first report: probe W)."""
    from ledelsestilsyn.cli.output import prepare_output_file
    from ledelsestilsyn.core.diagnostics import ErrorKind, fail
    from ledelsestilsyn.io.atomic import writable_folder
    from ledelsestilsyn.workspace.layout import FEEDBACK_DIR, REPORTS_DIR

    letters = (workspace.root / FEEDBACK_DIR).resolve()
    if letters in target.resolve().parents:  # a letter there is mailed to its caseworker
        raise fail(
            str(target),
            "L020",
            f"en rapport skrives ikke i {FEEDBACK_DIR}/: filerne dér er brevene til "
            "rådgiverne, og 'tilbagemelding --mail' sender dem.",
            hint="skriv rapporten i rapporter/ (uden -o) eller et andet sted.",
            kind=ErrorKind.USAGE,
        )
    reports = workspace.root / REPORTS_DIR
    if target.parent.resolve() == reports.resolve() and not reports.exists():
        writable_folder(reports, display=workspace.display(reports))
    return prepare_output_file(target, f"rapport.{fmt}", workspace.root)


def _write_default(workspace: "Workspace", target: Path, content: "str | Gated", mode: int) -> None:
    """A report in rapporter/: one there a person edited (a preface for the committee) is
    kept as `.bak` first, and L013 says so."""
    from ledelsestilsyn.cli.console import print_diagnostics
    from ledelsestilsyn.core.diagnostics import warning
    from ledelsestilsyn.core.gate import Gated, gate
    from ledelsestilsyn.io.written import write_keeping_edits
    from ledelsestilsyn.workspace.layout import REPORT_ENDINGS, REPORTS_FILES

    data = content.data if isinstance(content, Gated) else gate(content).encode("utf-8")
    backup = write_keeping_edits(target, data, REPORTS_FILES, REPORT_ENDINGS, mode=mode)
    if backup is not None:
        shown = workspace.display(target)
        note = warning(
            shown,
            "L013",
            f"rapporten er rettet, efter tilsyn skrev den; den rettede er gemt som "
            f"{workspace.display(backup)}, og den nye står i dens sted.",
            hint="før dine rettelser over i den nye, eller giv den rettede et andet navn, "
            "før du laver rapporten igen.",
        )
        print_diagnostics([note], err=True)


def _in_reports(target: Path, workspace: "Workspace") -> bool:
    """Whether the file named with -o is a report in rapporter/, where `.rapporter` says what
    tilsyn wrote."""
    from ledelsestilsyn.workspace.layout import REPORT_ENDINGS, REPORTS_DIR

    inside = target.parent.resolve() == (workspace.root / REPORTS_DIR).resolve()
    return inside and target.name.endswith(REPORT_ENDINGS)
