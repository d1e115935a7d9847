"""`tilsyn tiltag ny`: append one commented tiltag to `tiltag.yaml`, never touching the others.

The new entry is text added at the end of the file (the file's only key is
`tiltag`, a block list), so comments and layout of the existing entries stay
byte for byte. Before writing, the result is parsed again: the old entries
must come back unchanged and the new one must be valid, else nothing is
written. Nor is anything written when the file no longer holds the bytes that were
read (`O029`): a leader who saved it in an editor meanwhile, or a second `tiltag ny`,
would otherwise lose what they wrote.
"""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.cpr import find_cpr
from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, TilsynError, fail
from ledelsestilsyn.core.quote import quote_unknown
from ledelsestilsyn.followup.tiltag import (
    Known,
    ambiguous,
    before_decision,
    check,
    load_tiltag,
    unknown_template,
)
from ledelsestilsyn.io.atomic import current_mode, write_atomic
from ledelsestilsyn.io.yaml import parse_text
from ledelsestilsyn.io.yaml_quote import double_quoted
from ledelsestilsyn.models.base import share_value
from ledelsestilsyn.models.located import did_you_mean, validate_document
from ledelsestilsyn.models.tiltag import Tiltag, TiltagFile
from ledelsestilsyn.report.formats import share_text
from ledelsestilsyn.workspace.layout import TILTAG_FILE
from ledelsestilsyn.workspace.open import Workspace

HEADER = """\
# Tiltag: det, ledelsen har besluttet at gøre på baggrund af ledelsestilsynet.
# Rapporten viser andelen på tiltagets spørgsmål før og efter 'besluttet';
# 'tilsyn påmind' minder om 'frist' og evalueringen. Status: planlagt, i gang,
# gennemført eller opgivet. Nye tiltag oprettes med 'tilsyn tiltag ny'.
tiltag:
"""


@dataclass(frozen=True)
class NewTiltag:
    questions: tuple[str, ...]
    title: str | None = None
    responsible: str | None = None
    deadline: date | None = None
    evaluate_after_months: int = 6
    template: str | None = None
    level: float | None = None
    """The share the tiltag is to lift its targets to (`mål: niveau`)."""

    @property
    def shown_title(self) -> str:
        """The title written: the one given, or `Løft` and the first question."""
        return self.title or f"Løft {self.questions[0]}"


def parse_level(text: str) -> float:
    """`--niveau` as a share (90, 90 %, 0,9); a wrong call with a hint when it is none."""
    try:
        return share_value(text)
    except ValueError as exc:
        said = str(exc).rstrip(".")  # it may say how to write a share: then no tip says it
        hint = None if "skriv" in said else "skriv fx 90 for 90 %."
        raise fail(Argument.LEVEL, "O018", f"{said}.", hint=hint, kind=ErrorKind.USAGE) from None


def _check_questions(questions: tuple[str, ...], known: Known, where: str) -> None:
    if not questions:
        raise fail(
            Argument.QUESTION,
            "O010",
            "et nyt tiltag skal have mindst ét spørgsmål.",
            hint="angiv id'et på det spørgsmål, tiltaget skal løfte, fx anbringelse-7.",
            kind=ErrorKind.USAGE,
        )
    for question in questions:
        if question not in known.questions:
            guess = did_you_mean(question, list(known.questions))
            raise fail(
                Argument.QUESTION,
                "O011",
                f"spørgsmålet {quote_unknown(question, known.questions, suggested=guess)} "
                f"findes ikke i {where}.",
                hint=f"mente du '{guess}'?" if guess else "se id'erne med 'tilsyn skabelon'.",
                kind=ErrorKind.USAGE,
            )


def _template(new: NewTiltag, known: Known, used: set[str]) -> str | None:
    """The template the tiltag is about: the one asked for (any case), or the only one
    that has its questions; of several, the only one the concept's series use (`used`; a
    probe: a concept of overordnet alone had to say `--skabelon overordnet`); None when
    they are in different templates, each in one."""
    if new.template is not None:
        name = new.template.strip().casefold()
        if name in known.template_ids:
            return name
        text, hint = unknown_template(new.template, known)
        raise fail(Argument.TEMPLATE, "O004", text, hint=hint, kind=ErrorKind.USAGE)
    owners: set[str] = set()
    for question in new.questions:
        found = known.owners[question]
        if len(found) > 1 and len([t for t in found if t in used]) == 1:
            found = tuple(t for t in found if t in used)
        if len(found) > 1:
            text, _ = ambiguous(question, found)
            hint = f"vælg én af dem, fx {found[0]}."  # the edge names the flag (FLAG_HINTS)
            raise fail(Argument.TEMPLATE, "O014", text, hint=hint, kind=ErrorKind.USAGE)
        owners.update(found)
    return owners.pop() if len(owners) == 1 else None


def entry_text(
    new: NewTiltag, tiltag_id: str, today: date, texts: dict[str, str], template: str | None
) -> str:
    """The commented YAML of one new entry (two-space list indent under `tiltag:`); `texts`:
    each question's wording."""
    lines = [f"  # Oprettet {today.isoformat()} med 'tilsyn tiltag ny' fra fundet på:"]
    for q in new.questions:
        wrapped = textwrap.wrap(f"{q}: {texts[q]}", 84, break_long_words=False)
        lines += [f"  #   {line}" for line in wrapped]
    lines += [
        f"  - id: {double_quoted(tiltag_id)}",
        f"    titel: {double_quoted(new.shown_title)}",
        '    beskrivelse: ""',
        f'    besluttet: "{today.isoformat()}"  # ÅÅÅÅ-MM-DD: dagen, ledelsen besluttede det',
        f"    ansvarlig: {double_quoted(new.responsible)}",
        f'    frist: "{new.deadline.isoformat() if new.deadline else ""}"  # ÅÅÅÅ-MM-DD',
        '    status: "planlagt"  # planlagt, i gang, gennemført eller opgivet',
        "    mål:",
        f"      spørgsmål: [{', '.join(double_quoted(q) for q in new.questions)}]",
        "      sagsskridt: []",
        "      pejlemærker: []",
        f"      niveau: {double_quoted(share_text(new.level) if new.level else '')}"
        "  # den andel, I vil løfte målene til, fx 90 % (valgfri)",
        f"    evaluer_efter_måneder: {new.evaluate_after_months}  # effekten vurderes herefter",
        '    evalueret: ""  # ÅÅÅÅ-MM-DD, når I har vurderet effekten (så stopper påmindelsen)',
        '    konklusion: ""  # hvad I konkluderede: fortsæt, justér eller stop, og hvorfor',
    ]
    if template is not None:
        lines.append(
            f"    skabelon: {double_quoted(template)}  # målene gælder kun denne skabelons sager"
        )
    return "\n".join(lines) + "\n"


def _wording(workspace: Workspace, known: Known, template: str | None) -> dict[str, str]:
    """Each question's text as the concept's series ask it (the version they use), else as
    the newest version of a template that has it."""
    texts = dict(known.questions)
    for series in workspace.concept.series.values():
        used = workspace.catalog.resolve(series.template)
        if template is None or used.id == template:
            texts.update((q.id, q.text) for step in used.steps for q in step.questions)
    return texts


_EMPTY_FLOW = re.compile(r"^tiltag:[ \t]*\[[ \t]*\](?=[ \t]*(?:#.*)?\r?$)", re.MULTILINE)
_ITEM = re.compile(r"^( *)- ", re.MULTILINE)


def _indented_as(text: str, entry: str) -> str:
    """`entry` (a list item two spaces in) with the indent of the list's items in `text`:
    `- id:` at the margin is as good YAML, and the new item must stand as the others do."""
    found = _ITEM.search(text[text.find("tiltag:") :]) if "tiltag:" in text else None
    indent = found[1] if found else "  "
    if indent == "  ":
        return entry
    return "\n".join(indent + line.removeprefix("  ") for line in entry.split("\n"))


def _only_comments(text: str) -> bool:
    """Whether `text` holds nothing but comments and blank lines (no `tiltag:` to add to)."""
    lines = text.removeprefix("\ufeff").splitlines()
    return all(not line.strip() or line.lstrip().startswith("#") for line in lines)


def _free_id(taken: set[str]) -> str:
    number = len(taken) + 1
    while f"tiltag-{number}" in taken:
        number += 1
    return f"tiltag-{number}"


def _read(path: Path) -> bytes | None:
    """The file's bytes, or None when there is none or it cannot be read (a folder, a bad
    link or no access is said by `load_tiltag`, which reads it next)."""
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


def _changed(path: Path, raw: bytes | None) -> bool:
    """Whether `path` no longer holds the bytes `raw` that were read (None: no file then).

    The whole bytes, not the time and size: FAT keeps times to two seconds, and an editor
    may save a same-sized edit within them; the file is small (`MAX_BYTES`)."""
    if raw is None:
        return os.path.lexists(path)
    try:
        return path.read_bytes() != raw
    except OSError:
        return True


def _changed_error(shown: str) -> TilsynError:
    return fail(
        shown,
        "O029",
        "filen blev ændret (i en editor eller af et andet 'tiltag ny'), mens tiltaget blev "
        "føjet til; intet er skrevet, og ændringen er bevaret.",
        hint="kør 'tilsyn tiltag ny' igen.",
    )


def _check_texts(new: NewTiltag) -> None:
    """No empty title, and no CPR number in the title or the responsible."""
    if new.title is not None and not new.title.strip():
        raise fail(
            Argument.TITLE,
            "O013",
            "titlen er tom.",
            hint="skriv en kort titel, eller udelad den, så bliver den 'Løft <spørgsmål>'.",
            kind=ErrorKind.USAGE,
        )
    for argument, value in ((Argument.TITLE, new.title), (Argument.RESPONSIBLE, new.responsible)):
        if value and find_cpr(value):  # it would stand masked in tiltag.yaml, without a word
            raise fail(
                argument,
                "O030",
                f"{argument.value} rummer noget, der ligner et CPR-nummer.",
                hint="skriv den uden nummeret; tiltag.yaml er ledelsens og rummer ingen "
                "personnumre.",
                kind=ErrorKind.USAGE,
            )


def append_tiltag(workspace: Workspace, new: NewTiltag, *, today: date) -> tuple[str, bool]:
    """Append `new` to the workspace's `tiltag.yaml` (created if missing); returns its id, and
    False when the same tiltag was made the same day (`_made_already`): nothing is added."""
    new = replace(new, questions=tuple(dict.fromkeys(new.questions)))  # each target once
    _check_texts(new)
    early = before_decision("frist", new.deadline, today) if new.deadline else None
    if early is not None:
        code, text, hint = early
        raise fail(Argument.DEADLINE, code, text, hint=hint, kind=ErrorKind.USAGE)
    everything = known = Known.from_catalog(workspace.catalog)
    _check_questions(new.questions, known, "arbejdsmappens skabeloner")
    refs = (s.template for s in workspace.concept.series.values())
    used = {t.id.casefold() for t in workspace.catalog.resolve_each(refs).values()}
    template = _template(new, known, used)
    if template is not None:
        known = known.only(template)
        _check_questions(new.questions, known, f"skabelonen '{template}'")
    path = workspace.root / TILTAG_FILE
    # Read before the tiltag are: a save in between is then told as one (O029), not as O012.
    raw = _read(path)
    existing = load_tiltag(workspace)
    # As bytes: reading as text would turn a Windows file's CR LF into LF on every line.
    old = raw.decode("utf-8") if raw is not None else ""
    if not old.strip():
        old = HEADER
    end = "\r\n" if "\r\n" in old else "\n"
    if not existing and _only_comments(old):  # the leader's own notes: the list begins below
        old += ("" if old.endswith("\n") else end) + "tiltag:" + end
    if not existing:  # `tiltag: []`, an empty list as YAML writes it: the list begins below
        old = _EMPTY_FLOW.sub("tiltag:", old, count=1)
    made = _made_already(existing, new, today)
    if made is not None:
        return made, False
    tiltag_id = _free_id({t.id for t in existing})
    entry = entry_text(new, tiltag_id, today, _wording(workspace, known, template), template)
    entry = _indented_as(old, entry)
    text = old + ("" if old.endswith("\n") else end) + entry.replace("\n", end)
    shown = workspace.display(path)
    try:
        doc = parse_text(text, shown)
        parsed = validate_document(TiltagFile, doc)
    except TilsynError:
        parsed = None
    bad = parsed is None or parsed.tiltag[:-1] != existing or bool(check(parsed, doc, everything))
    # As late as can be: no lock is honoured by an editor, so this is the last look before
    # the rename (a file made since is not replaced either: `overwrite` only for one read).
    if _changed(path, raw):
        raise _changed_error(shown)
    if bad:
        raise fail(
            shown,
            "O012",
            "det nye tiltag kan ikke føjes til sidst i filen uden at ændre de andre.",
            hint="skriv listen under 'tiltag:' med '- id: …' (ikke [...]), og prøv igen.",
        )
    # The file keeps the access it has; a new one is private (0600), as the reviews are: it
    # names the leaders responsible and its free text may name anyone (found by probe Y).
    write_atomic(path, text, overwrite=raw is not None, mode=current_mode(path, 0o600))
    return tiltag_id, True


def _made_already(existing: list[Tiltag], new: NewTiltag, today: date) -> str | None:
    """The tiltag the same call made: its title, questions, responsible, deadline, level and
    months to the evaluation, decided the same day. A command run again is safe: it adds no
    copy, which `påmind` would remind of twice (a probe). Another day, or with anything of
    that different, it is a new decision."""
    title, responsible = new.shown_title.strip().casefold(), (new.responsible or "").strip()
    made = (title, new.questions, responsible, new.deadline, new.level)
    for tiltag in existing:
        if (
            tiltag.decided == today
            and made
            == (
                tiltag.title.strip().casefold(),
                tuple(tiltag.targets.questions),
                (tiltag.responsible or "").strip(),
                tiltag.deadline,
                tiltag.targets.level,
            )
            and tiltag.evaluate_after_months == new.evaluate_after_months
        ):
            return tiltag.id
    return None
