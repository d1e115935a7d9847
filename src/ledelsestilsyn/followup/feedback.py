"""`tilsyn tilbagemelding`: the letters for a period, built and written.

Letters go to `tilbagemeldinger/<periode>/<rådgiver>.md` and `.html` in the
workspace, written atomically; `followup.letter_mail` mails them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.cpr import mask_cpr
from ledelsestilsyn.core.diagnostics import (
    Argument,
    Diagnostic,
    ErrorKind,
    TilsynError,
    fail,
    warning,
)
from ledelsestilsyn.core.gate import Gated, gate
from ledelsestilsyn.core.names import natural_order, same_person
from ledelsestilsyn.core.periods import Period, parse_period
from ledelsestilsyn.core.quote import quote_unknown
from ledelsestilsyn.core.words import count
from ledelsestilsyn.followup.letter_files import kept_warning, letters_record, outdated
from ledelsestilsyn.followup.letter_history import EARLIER_DIR, keep_earlier, same_but_date
from ledelsestilsyn.followup.letters import Letter, build_letters, one_name_two_teams, reminded
from ledelsestilsyn.followup.tiltag import tiltag_shown
from ledelsestilsyn.io.atomic import writable_folder, write_atomic
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.io.written import Record, digest
from ledelsestilsyn.models.located import did_you_mean
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.report.load import latest_period, load_inputs, why_empty
from ledelsestilsyn.report.records import Excluded, unchecked_anonymous
from ledelsestilsyn.report.render import environment
from ledelsestilsyn.sampling.fillin import case_filename
from ledelsestilsyn.schedule.letters_due import covered_cases
from ledelsestilsyn.workspace.known_names import known_names
from ledelsestilsyn.workspace.layout import FEEDBACK_CASES, FEEDBACK_DIR
from ledelsestilsyn.workspace.open import Workspace

FORMATS = ("md", "html")


def render_letter(letter: Letter, fmt: str) -> str:
    """A letter as Markdown (`md`) or a self-contained HTML page (`html`), to the caseworker
    by name as a person reads it (a case system's 'Hansen, Mette' is 'Mette Hansen')."""
    template = environment("ledelsestilsyn.followup").get_template(f"brev.{fmt}.j2")
    text = template.render(l=letter, addressee=natural_order(letter.caseworker))
    return text if text.endswith("\n") else text + "\n"


def letter_path(folder: Path, letter: Letter, fmt: str) -> Path:
    """Where the caseworker's letter in format `fmt` is written in the period's folder
    (`Hansen_Mette-….md` for `Hansen, Mette`: one `_` for a run of left-out characters)."""
    name = re.sub("_{2,}", "_", case_filename(letter.caseworker).removesuffix(".yaml"))
    return folder / f"{name}.{fmt}"


@dataclass
class FeedbackOutcome:
    folder: Path
    written: list[Path] = field(default_factory=list)
    """The letter files as tilsyn writes them: written now, or holding the letter already."""
    held: set[Path] = field(default_factory=set)
    """Those of `written` that held their letter already and were not written again."""
    letters: list[Letter] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    """Letters an earlier run wrote to a caseworker who gets none now (`_tidy`)."""
    kept: list[str] = field(default_factory=list)
    """The caseworkers whose letter a person edited: it stands as it is (`letter_files`)."""
    fresh: int = 0
    """Letters written now (new, or changed since the last run)."""
    unchanged: int = 0
    """Letters whose files held them already."""
    earlier: list[Path] = field(default_factory=list)
    """Letter files replaced now, as they were, in the period's `tidligere/` folder."""
    rewritten: set[str] = field(default_factory=set)
    """The caseworkers whose letter was replaced now: one each, however its two files were
    kept (a probe: after a killed run, 'Skrev 7 breve … 8 skrevet om')."""

    def summary(self, display: str, period: str) -> str:
        """`Skrev 4 breve for 2026-11 i tilbagemeldinger/2026-11/ (2 uændrede, 1 redigeret
        og beholdt).`"""
        others = [
            count(n, one, many)
            for n, one, many in (
                (self.unchanged, "uændret", "uændrede"),
                (len(self.kept), "redigeret og beholdt", "redigerede og beholdt"),
            )
            if n
        ]
        replaced = len(self.rewritten)
        if replaced:
            others.append(
                f"{count(replaced, 'skrevet om', 'skrevet om')}; det tidligere står i "
                f"{display}/{EARLIER_DIR}/"
                if replaced == 1
                else f"{replaced} skrevet om; de tidligere står i {display}/{EARLIER_DIR}/"
            )
        rest = f" ({', '.join(others)})" if others else ""
        return f"Skrev {count(self.fresh, 'brev', 'breve')} for {period} i {display}/{rest}."


def write_letters(
    workspace: Workspace, period_text: str | None, *, today: date, only: str | None = None
) -> FeedbackOutcome:
    """Build and write the period's letters; `TilsynError` when there is nothing to write.
    Without `period_text`, the period is the report's: the latest with finished reviews."""
    asked = parse_period(period_text) if period_text is not None else None
    if only is not None and not only.strip():
        raise fail(
            Argument.CASEWORKER,
            "O020",
            "navnet er tomt.",
            hint="skriv rådgiverens navn, som det står i gennemgangene.",
            kind=ErrorKind.USAGE,
        )
    inputs = load_inputs(workspace, None, None, today=today)
    period = asked or latest_period(inputs.records)
    samples = workspace.display(workspace.samples_dir)
    if period is None:
        raise fail(
            samples,
            "O020",
            "der er ingen færdige gennemgange at skrive breve om.",
            hint="tjek status med 'tilsyn valider'.",
        )
    # A letter only to a caseworker a sample's manifest names, never to a typed one.
    records = [unchecked_anonymous(r) for r in inputs.records]
    names = sorted(
        {r.caseworker for r in records if r.caseworker and r.counts_in(period)}
        | reminded(records, period)
    )
    if only is not None:
        only = _same_name(only, names)
    colleagues = inputs.caseworkers | set(workspace.concept.dissemination.caseworkers)
    # as `rapport` and `valider` know them; a header no manifest checked names no one here
    reviews = [*records, *(unchecked_anonymous(r) for r in inputs.unfinished)]
    teams = inputs.drawn_teams.values()
    known = known_names(workspace, reviews, caseworkers=colleagues, teams=teams).all
    read, tiltag_notes = tiltag_shown(
        workspace, today, "O017", "ledelsens tiltag er udeladt af brevene"
    )
    letters = build_letters(
        records,
        inputs.templates,
        period,
        municipality=workspace.concept.municipality,
        generated=long_date(today),
        mask=mask_cpr,
        colleagues=colleagues,
        workspace_names=known,
        only=only,
        today=today,
        order=tuple(workspace.concept.series),
        titles={n: s.title or n for n, s in workspace.concept.series.items()},
        tiltag=read.tiltag,
        leaders=workspace.concept.reminders.leaders,
        drawn={i for _, _, ids in inputs.drawn for i in ids},
        min_count=workspace.concept.report.min_count,
        addresses=workspace.concept.dissemination.caseworkers,
    )
    if not letters and only is not None:
        raise _nothing_for(only, names, inputs.excluded, period)
    if not letters:
        raise fail(
            Argument.PERIOD,
            "O020",
            f"ingen færdige gennemgange i perioden {period.label}.",
            hint=why_empty(inputs, period, samples),
        )
    letters_dir = workspace.root / FEEDBACK_DIR
    writable_folder(letters_dir, display=workspace.display(letters_dir))
    folder = letters_dir / period.label
    writable_folder(folder, display=workspace.display(folder))
    outcome = FeedbackOutcome(folder, letters=letters, notes=[*inputs.notes, *tiltag_notes])
    if only is None:
        outcome.notes += _left_out(inputs.excluded, period)
    if not (folder / FEEDBACK_CASES).exists():  # a run killed now leaves letters covering none
        write_atomic(folder / FEEDBACK_CASES, "", overwrite=True)  # (a probe: påmind fell silent)
    record = letters_record(folder)
    rendered = [(letter, _texts(letter)) for letter in letters]
    _expect(record, folder, rendered)
    for letter, texts in rendered:
        _write_letter(workspace, record, letter, texts, outcome)
        if len(letter.teams) > 1:
            shown = workspace.display(letter_path(folder, letter, "md"))
            outcome.notes.append(one_name_two_teams(letter, shown))
    _note_cases(folder, letters, kept=outcome.kept, keep=only is not None)
    current = {letter_path(folder, letter, fmt).name for letter in letters for fmt in FORMATS}
    outcome.removed, failed, edited = _tidy(record, current, keep=only is not None)
    outcome.notes += [_not_removed(workspace.display(path)) for path in failed]
    outcome.notes += [kept_warning(workspace.display(p), removed=True) for p in edited]
    return outcome


def _texts(letter: Letter) -> dict[str, bytes]:
    """The letter's bytes in each format, as written."""
    return {fmt: gate(render_letter(letter, fmt)).encode("utf-8") for fmt in FORMATS}


def _expect(record: Record, folder: Path, rendered: list[tuple[Letter, dict[str, bytes]]]) -> None:
    """Save the record with each letter file's new bytes beside its old (`Record.expect`)
    before any is written: a run killed halfway leaves letters the next run knows as its own,
    not as edited by a person (a probe: O028 about letters no one touched, with old figures)."""
    for letter, texts in rendered:
        names = {fmt: letter_path(folder, letter, fmt).name for fmt in FORMATS}
        if not any(record.edited(names[fmt], texts[fmt]) for fmt in FORMATS):
            for fmt in FORMATS:
                record.expect(names[fmt], texts[fmt])
    record.save()


def _write_letter(
    workspace: Workspace,
    record: Record,
    letter: Letter,
    texts: dict[str, bytes],
    outcome: FeedbackOutcome,
) -> None:
    """Write the letter (`texts`: each format's bytes) as Markdown and HTML, unless a person
    edited either file since tilsyn wrote it: then both stand as they are (one letter), and
    O028 says so. A file that holds the letter already is not written again."""
    paths = {fmt: letter_path(outcome.folder, letter, fmt) for fmt in FORMATS}
    edited = [paths[fmt] for fmt in FORMATS if record.edited(paths[fmt].name, texts[fmt])]
    if edited:
        outcome.kept.append(letter.caseworker)
        fmt = edited[0].suffix[1:]
        there = _existing(edited[0]) or b""
        late = outdated(record, edited[0].name, texts[fmt], there)
        outcome.notes.append(kept_warning(workspace.display(edited[0]), outdated=late))
        return
    olds = {fmt: _existing(paths[fmt]) for fmt in FORMATS}
    # Only the day it was made is new: the pair stays as handed out, with its own date.
    same = all(old is not None and same_but_date(old, texts[fmt]) for fmt, old in olds.items())
    wrote = False
    for fmt in FORMATS:
        path, data, old = paths[fmt], texts[fmt], olds[fmt]
        outcome.written.append(path)
        if old is not None and (old == data or same):
            record.files[path.name] = digest(old)
            outcome.held.add(path)
            continue
        if old is not None:
            outcome.earlier.append(keep_earlier(path, old))
            outcome.rewritten.add(letter.caseworker)
        record.files[path.name] = digest(data)
        write_atomic(path, Gated(data), overwrite=True)
        wrote = True
    if wrote:
        outcome.fresh += 1
    else:
        outcome.unchanged += 1


def _existing(path: Path) -> bytes | None:
    """The letter file's bytes, if one is there (not a link) and can be read."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return read_regular(path)
    except OSError:
        return None


def _tidy(
    record: Record, current: set[str], *, keep: bool
) -> tuple[list[Path], list[Path], list[Path]]:
    """Note the letter files written; on a run for every caseworker (not `keep`), remove
    those an earlier run wrote that this one did not: the caseworker has no finished review
    in the period now (one reopened, or a case moved to a colleague), and the old letter
    would still tell of it. Only files the record names are touched, and only as tilsyn
    wrote them: a letter a person edited (either file of the pair) stays. Returns
    (removed, failed, edited)."""
    removed: list[Path] = []
    failed: list[Path] = []
    edited: list[Path] = []
    folder = record.folder
    old = sorted(set(record.files) - current) if not keep else []
    there = [n for n in old if (folder / n).is_file() and not (folder / n).is_symlink()]
    held = {Path(name).stem for name in there if record.edited(name)}
    for name in old:
        path = folder / name
        if name not in there:
            del record.files[name]
        elif Path(name).stem in held:
            if record.edited(name):
                edited.append(path)
        else:
            try:
                keep_earlier(path)
            except OSError:
                failed.append(path)
            else:
                removed.append(path)
                del record.files[name]
    record.save()
    return removed, failed, edited


def _not_removed(display: str) -> Diagnostic:
    return warning(
        display,
        "O026",
        "brevet er fra en tidligere kørsel, og rådgiveren får intet brev for perioden nu, men "
        "filen kunne ikke flyttes til tidligere/.",
        hint="flyt den selv til mappen tidligere/, så den ikke bliver givet videre.",
    )


def _note_cases(folder: Path, letters: list[Letter], *, kept: list[str], keep: bool) -> None:
    """Write down which cases the folder's letters cover, so `påmind` can tell a case
    finished after them; one caseworker's letter (`keep`) adds to what is there. A letter
    kept as a person edited it (`kept`) covers only the cases it covered before."""
    # An unreadable list counts as empty: påmind then asks for the others' letters.
    before = covered_cases(folder) or frozenset()
    cases = {c.case_id for letter in letters if letter.caseworker not in kept for c in letter.cases}
    cases |= before & {c.case_id for letter in letters for c in letter.cases}
    if keep:
        cases |= before
    text = "".join(f"{c}\n" for c in sorted(cases) if c)
    write_atomic(folder / FEEDBACK_CASES, text, overwrite=True)


def _left_out(excluded: list[Excluded], period: Period) -> list[Diagnostic]:
    """A warning per review in the period that is not finished, so not in any letter: its
    caseworker gets no letter, or one without that case, until the letters are written
    again (`påmind` asks for that when a review is finished after its round's letters)."""
    return [
        warning(
            item.display,
            "O022",
            f"ikke med i brevene: {item.reason}{_corrections_too(item.open_corrections)}.",
            hint=f"kør 'tilsyn tilbagemelding' for {period.label} igen, når den er færdig.",
        )
        for item in excluded
        if item.period_start is not None and item.counts_in(period)
    ]


def _corrections_too(count: int) -> str:
    """The corrections of a review left out reach no caseworker either (påmind reminds the
    leader of them)."""
    if not count:
        return ""
    said = "dens rettelse" if count == 1 else f"dens {count} rettelser"
    return f"; {said} når heller ikke rådgiveren, før gennemgangen er færdig"


def _same_name(asked: str, names: list[str]) -> str:
    """The caseworker's name as the reviews spell it, when `asked` differs only in case or
    in order (`Søren Kjær` for the export's `Kjær, Søren`)."""
    return next((n for n in names if same_person(n, asked)), asked)


def _nothing_for(
    only: str, names: list[str], excluded: list[Excluded], period: Period
) -> TilsynError:
    """No letter for the caseworker `--rådgiver` names. Their reviews in the period are not
    finished: a data problem, said with the file and why (it was the same words as for a
    name with a typo). Otherwise the name is not one of the period's: a call problem, with
    a guess among every caseworker in the period's samples, finished or not."""
    inside = [e for e in excluded if e.period_start is not None and e.counts_in(period)]
    theirs = [e for e in inside if e.caseworker and same_person(e.caseworker, only)]
    everyone = sorted({*names, *(e.caseworker for e in inside if e.caseworker)})
    # a name no sample gives may be anyone's (a probe: a child's, typed by mistake)
    who = f"'{only}'" if theirs or only in everyone else quote_unknown(only, everyone)
    said = f"ingen færdige gennemgange for {who} i perioden {period.label}"
    if theirs:
        more = f" (og {count(len(theirs) - 1, 'gennemgang mere', 'gennemgange mere')})"
        return fail(
            theirs[0].display,
            "O020",
            f"{said}: denne er {theirs[0].reason}{more if len(theirs) > 1 else ''}.",
            hint="gør gennemgangen færdig, og kør 'tilsyn tilbagemelding' igen.",
        )
    guess = _similar_name(only, everyone)
    return fail(
        Argument.CASEWORKER,
        "O020",
        f"{said}.",
        hint=f"mente du '{guess}'?"
        if guess
        else "tjek navnet og perioden; se status med 'tilsyn valider'.",
        kind=ErrorKind.USAGE,
    )


def _similar_name(asked: str, names: list[str]) -> str | None:
    """A caseworker in the period whose name is close to `asked` (case aside)."""
    folded = {n.casefold(): n for n in names}
    guess = did_you_mean(asked.casefold(), list(folded))
    return folded[guess] if guess else None
