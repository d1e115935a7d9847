"""`tilsyn tilbagemelding --mail`: each letter to its own caseworker, and only to them.

Addresses come from the concept's `formidling: rådgivere`; the SMTP setup and rules are
`påmind`'s. A caseworker without an address is a warning, and that letter is not sent.

A letter holds the leader's comments on the caseworker's cases: information about
children. Over an encrypted connection (STARTTLS, certificate checked) the letter is the
mail. When the concept allows clear text (`tillad_ukrypteret: ja`, meant for a local
relay that may pass it on as it is), the mail only says that the letter is written and
where it lies in the workspace, like `påmind`'s mails, which never carry case content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ledelsestilsyn.core.diagnostics import Diagnostic, warning
from ledelsestilsyn.core.lines import one_line
from ledelsestilsyn.core.words import count as counted
from ledelsestilsyn.followup.feedback import FeedbackOutcome, letter_path, render_letter
from ledelsestilsyn.followup.letters import Letter
from ledelsestilsyn.workspace.open import Workspace


@dataclass
class Mailed:
    sent: list[str] = field(default_factory=list)
    """The addresses mailed."""
    warnings: list[Diagnostic] = field(default_factory=list)
    whole: bool = True
    """Whether the mails are the letters (else only word of where they lie)."""

    def summary(self) -> str:
        count = len(self.sent)
        if not count:
            return (
                "Ingen breve sendt: ingen af rådgiverne har en adresse under formidling: rådgivere."
            )
        if self.whole:
            return f"Sendt: {counted(count, 'brev', 'breve')}."
        return f"Sendt: {counted(count, 'besked', 'beskeder')} om, hvor brevet ligger."


def mail_letters(
    workspace: Workspace, outcome: FeedbackOutcome, environ: Mapping[str, str]
) -> Mailed:
    """Send each letter (in clear text: word of it) to its own caseworker only."""
    from ledelsestilsyn.schedule.notify import ConceptFile, send, smtp_and_password
    from ledelsestilsyn.schedule.reminder_text import Message

    concept = workspace.display(workspace.concept_path)
    caseworkers = workspace.concept.dissemination.caseworkers
    found, warnings = addresses_for(outcome.letters, caseworkers, concept)
    mailed = Mailed(warnings=warnings)
    if not found:
        return mailed
    file = ConceptFile(workspace.concept_path, concept)
    smtp, password = smtp_and_password(workspace.concept, file, environ)
    if smtp.starttls:
        bodies = [render_letter(letter, "md") for letter, _ in found]
    else:
        folder = outcome.folder
        bodies = [
            notice(letter, workspace.display(letter_path(folder, letter, "html")))
            for letter, _ in found
        ]
        mailed.warnings.append(_clear_text(concept))
        mailed.whole = False
    messages = [
        Message(address, f"Tilbagemelding fra ledelsestilsynet {letter.period}", body, ())
        for (letter, address), body in zip(found, bodies, strict=True)
    ]
    send(messages, smtp, password, lambda m: mailed.sent.append(m.recipient))
    return mailed


def notice(letter: Letter, path: str) -> str:
    """The mail in clear text: that the letter is written, and where; nothing from it."""
    return (
        f"Kære {one_line(letter.caseworker)}\n\n"
        f"Din tilbagemelding fra ledelsestilsynet for {letter.period} er skrevet. "
        f"Den ligger i ledelsestilsynets arbejdsmappe som {path} "
        "(og som .md ved siden af).\n\n"
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
    """(letter, its own caseworker's address), and a warning per caseworker without one."""
    found: list[tuple[Letter, str]] = []
    missing: list[Diagnostic] = []
    for letter in letters:
        address = known.get(letter.caseworker, "").strip()
        if address:
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
