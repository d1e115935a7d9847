"""`tilsyn tilbagemelding --mail`: each letter to its own caseworker, and only to them.

Addresses come from the concept's `formidling: rådgivere`; the SMTP setup and rules are
`påmind`'s. A caseworker without an address is a warning, and that letter is not sent.

A letter holds the leader's comments on the caseworker's cases: information about
children. Over an encrypted connection (STARTTLS, certificate checked) the letter is the
mail: as text, and as the HTML page beside it (its tables read well only as a page).
When the concept allows clear text (`tillad_ukrypteret: ja`, meant for a local relay
that may pass it on as it is), the mail only says that the letter is written and where
it lies in the workspace, like `påmind`'s mails, which never carry case content.

Each mail sent is noted in `påmind`'s log of what was sent (under its lock), keyed by the
letter's content without its date: running `tilbagemelding --mail` again (as the README
suggests when a review is finished late) sends only the letters that changed, and a run
stopped half-way by the mail server sends the rest. `again` sends them all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.core.lines import one_line
from ledelsestilsyn.core.names import natural_order, same_person
from ledelsestilsyn.core.words import count as counted
from ledelsestilsyn.followup.feedback import FORMATS, FeedbackOutcome, letter_path, render_letter
from ledelsestilsyn.followup.letters import Letter, one_name_two_teams
from ledelsestilsyn.io.files import read_regular
from ledelsestilsyn.workspace.open import Workspace

if TYPE_CHECKING:
    from ledelsestilsyn.schedule.mail_settings import SmtpSettings

MailSetup = tuple["SmtpSettings", str | None]
"""The smtp settings and the password (`mail_setup`)."""


@dataclass
class Mailed:
    sent: list[str] = field(default_factory=list)
    """The addresses mailed."""
    warnings: list[Diagnostic] = field(default_factory=list)
    whole: bool = True
    """Whether the mails are the letters (else only word of where they lie)."""
    unchanged: list[str] = field(default_factory=list)
    """The days on which the letters not sent again (unchanged since) were sent."""

    def summary(self) -> str:
        count = len(self.sent)
        if not count and not self.unchanged:
            return (
                "Ingen breve sendt: ingen af rådgiverne har en adresse under formidling: rådgivere."
            )
        if not count:
            return "Intet sendt: " + self._not_again()
        if self.whole:
            text = f"Sendt: {counted(count, 'brev', 'breve')}."
        else:
            text = f"Sendt: {counted(count, 'besked', 'beskeder')} om, hvor brevet ligger."
        return f"{text} {self._not_again()}" if self.unchanged else text

    def _not_again(self) -> str:
        days = sorted(set(self.unchanged))
        when = days[0] if len(days) == 1 else f"{days[0]}–{days[-1]}"
        count = len(self.unchanged)
        they = "det" if count == 1 else "de"
        return (
            f"{counted(count, 'brev', 'breve')} er uændret siden {when}, da {they} blev sendt, "
            "og er ikke sendt igen."
        )


def mail_setup(workspace: Workspace, environ: Mapping[str, str]) -> MailSetup:
    """The concept's smtp settings and password, checked before any letter is written: a
    call that cannot send (R010 and the like) changes nothing."""
    from ledelsestilsyn.schedule.notify import ConceptFile, smtp_and_password

    file = ConceptFile(workspace.concept_path, workspace.display(workspace.concept_path))
    return smtp_and_password(workspace.concept, file, environ)


def mail_letters(
    workspace: Workspace,
    outcome: FeedbackOutcome,
    setup: MailSetup,
    *,
    today: date,
    again: bool = False,
) -> Mailed:
    """Send each letter (in clear text: word of it) to its own caseworker only, with the
    `setup` checked before the letters were written; a letter already sent as it is now is
    not sent again, unless `again`."""
    from ledelsestilsyn.schedule.notify import send
    from ledelsestilsyn.schedule.reminder_text import Message
    from ledelsestilsyn.schedule.sent_log import SentLog, run_lock

    concept = workspace.display(workspace.concept_path)
    caseworkers = workspace.concept.dissemination.caseworkers
    found, warnings = addresses_for(outcome.letters, caseworkers, concept)
    mailed = Mailed(warnings=warnings)
    if not found:
        return mailed
    smtp, password = setup
    pages = [""] * len(found)
    keys = [sent_key(letter, whole=smtp.starttls) for letter, _ in found]
    if smtp.starttls:
        bodies = [render_letter(letter, "md") for letter, _ in found]
        # The letter's tables read well only as a page: mail programs show the HTML part.
        pages = [render_letter(letter, "html") for letter, _ in found]
        for at, (letter, _) in enumerate(found):
            if letter.caseworker in outcome.kept:  # a person's edit: sent as it stands
                bodies[at], pages[at] = as_it_stands(outcome, letter)
                keys[at] = _edited_key(letter, bodies[at], pages[at])
    else:
        bodies = [
            notice(letter, lying(workspace, outcome, letter), workspace.display(outcome.folder))
            for letter, _ in found
        ]
        mailed.warnings.append(_clear_text(concept))
        mailed.whole = False
    messages = [
        Message(
            address,
            f"Tilbagemelding fra ledelsestilsynet {letter.period}",
            body,
            (key,),
            page,
        )
        for (letter, address), body, page, key in zip(found, bodies, pages, keys, strict=True)
    ]
    with run_lock(
        workspace.cache_dir,
        "tilbagemelding kan ikke huske, hvilke breve der er sendt, og sender intet",
    ):
        log = SentLog.load(workspace.cache_dir)
        chosen = []
        for message in messages:
            day = None if again else log.sent_on(message.recipient, message.keys[0])
            if day is None:
                chosen.append(message)
            else:
                mailed.unchanged.append(day)

        def sent(message: Message) -> None:
            log.mark(message.recipient, message.keys, today)
            mailed.sent.append(message.recipient)

        try:
            send(chosen, smtp, password, sent)
        finally:
            log.save(today)
    return mailed


def sent_key(letter: Letter, *, whole: bool) -> str:
    """The letter as sent, for the log of what was sent: its period, whether the mail was
    the letter or word of it, and a digest of its content without the day it is dated."""
    content = render_letter(replace(letter, generated=""), "md")
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    return f"tilbagemelding {letter.period} {'brev' if whole else 'besked'} {digest}"


def as_it_stands(outcome: FeedbackOutcome, letter: Letter) -> tuple[str, str]:
    """(text, page) of a letter a person edited, as the folder holds it (`send` passes both
    through the output gate); a file that is not there is not sent (the text then says
    the letter is the page)."""
    found = []
    for fmt in FORMATS:
        try:
            data = read_regular(letter_path(outcome.folder, letter, fmt))
            found.append(data.decode(errors="replace"))
        except OSError:
            found.append("")
    text, page = found
    return text or "Brevet står i mailens HTML-del.\n", page


def _edited_key(letter: Letter, text: str, page: str) -> str:
    """The log's key for an edited letter: every edit is a new letter to send."""
    digest = hashlib.sha256(f"{text}\0{page}".encode()).hexdigest()[:16]
    return f"tilbagemelding {letter.period} rettet brev {digest}"


def lying(workspace: Workspace, outcome: FeedbackOutcome, letter: Letter) -> list[str]:
    """The letter's files as they lie when the mail is sent, the page first: a person who
    added a note to one file of a letter may have deleted the other (`as_it_stands`)."""
    paths = [letter_path(outcome.folder, letter, fmt) for fmt in ("html", "md")]
    return [workspace.display(p) for p in paths if p.is_file() and not p.is_symlink()]


def notice(letter: Letter, files: list[str], folder: str) -> str:
    """The mail in clear text: that the letter is written, and where (`files`: those that are
    there; none: only the folder); nothing from it."""
    if not files:
        where = f"i mappen {folder}"
    else:
        beside = f" (og som {Path(files[1]).suffix} ved siden af)" if len(files) > 1 else ""
        where = f"som {files[0]}{beside}"
    return (
        f"Kære {one_line(natural_order(letter.caseworker))}\n\n"
        f"Din tilbagemelding fra ledelsestilsynet for {letter.period} er skrevet. "
        f"Den ligger i ledelsestilsynets arbejdsmappe {where}.\n\n"
        "Selve brevet kommer ikke med i mailen, fordi mailen sendes ukrypteret, og brevet "
        "har kommentarer til dine sager.\n\n"
        f"Venlig hilsen\nLedelsestilsynet, {one_line(letter.municipality)}\n"
    )


def _clear_text(concept: str) -> Diagnostic:
    return warning(
        concept,
        "O023",
        "mail sendes ukrypteret (starttls: nej), så rådgiverne får kun besked om, hvor "
        "brevet ligger, ikke selve brevet.",
        hint="slå starttls til, hvis brevene selv skal sendes med mail.",
    )


def addresses_for(
    letters: list[Letter], known: Mapping[str, str], concept: str
) -> tuple[list[tuple[Letter, str]], list[Diagnostic]]:
    """(letter, its own caseworker's address), and a warning per caseworker without one, or
    whose letter has cases of two teams (`one_name_two_teams`): it is not sent."""
    found: list[tuple[Letter, str]] = []
    missing: list[Diagnostic] = []
    for letter in letters:
        address = _address(letter.caseworker, known)
        if len(letter.teams) > 1:  # maybe two people of one name: a person decides
            missing.append(one_name_two_teams(letter, concept, sent=False))
        elif address:
            found.append((letter, address))
        else:
            missing.append(
                warning(
                    concept,
                    "O021",
                    f"{letter.caseworker} har ingen adresse under formidling: rådgivere; "
                    "brevet er skrevet, men ikke sendt.",
                    hint="tilføj adressen i konceptet, eller giv brevet videre selv.",
                )
            )
    return found, missing


def _address(caseworker: str, known: Mapping[str, str]) -> str:
    """The caseworker's address: under the name as the export writes it, else under the one
    name that is the same person (`Anna Holm` for `Holm, Anna`, case aside), as for
    `--rådgiver`; "" when there is none, or two names could be meant."""
    address = known.get(caseworker, "").strip()
    if address:
        return address
    found = {a.strip() for name, a in known.items() if same_person(name, caseworker)}
    return found.pop() if len(found) == 1 else ""
