"""Delivering reminders: to standard output (for cron's mail) or by SMTP.

`run_reminders` is the core of `tilsyn påmind`: read the plan and the
workspace's state (`schedule.scan`), work out what is due (`schedule.plan`), and,
when there is something to say, deliver it once (`schedule.sent_log`).

SMTP: STARTTLS with `ssl.create_default_context()` (the certificate and host
name are checked); sending in clear text is refused unless the concept says
`tillad_ukrypteret: ja` (a local relay). The password never lives in the
concept: it comes from an environment variable (`adgangskode_miljø`) or a
file outside the workspace that only its owner can read (`adgangskode_fil`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ledelsestilsyn.core.diagnostics import Diagnostic, ErrorKind, TilsynError, fail
from ledelsestilsyn.core.names import same_person
from ledelsestilsyn.io.named import resolved
from ledelsestilsyn.io.os_reasons import reason
from ledelsestilsyn.schedule.mail_settings import MailSettings, SmtpSettings
from ledelsestilsyn.schedule.plan import Plan, Status, status_at
from ledelsestilsyn.schedule.scan import read_inputs
from ledelsestilsyn.schedule.unreachable import concerns, unreachable
from ledelsestilsyn.workspace.layout import CACHE_DIR

if TYPE_CHECKING:
    import smtplib

    from ledelsestilsyn.models.concept import Concept
    from ledelsestilsyn.schedule.reminder_text import Message

STDOUT = "-"
TIMEOUT = 30


@dataclass
class ReminderOutcome:
    text: str = ""
    """What to print on standard output ("" when there is nothing to say)."""
    mailed: list[str] = field(default_factory=list)
    unreachable: list[Diagnostic] = field(default_factory=list)
    """R018: people with something due and no address (with `--mail`)."""
    notes: list[Diagnostic] = field(default_factory=list)
    """Warnings about the inputs (a mistake in tiltag.yaml), said even when nothing is due."""


def run_reminders(
    start: Path,
    explicit: Path | None,
    *,
    today: date,
    always: bool = False,
    mail: bool = False,
    environ: Mapping[str, str] | None = None,
) -> ReminderOutcome:
    """What is due on `today`, delivered once per repeat interval; silent when nothing is."""
    inputs = read_inputs(start, explicit, today)
    status = status_at(inputs.plan, inputs.state, today)
    if status.nothing_due and not always:
        return ReminderOutcome(notes=inputs.notes)
    settings = inputs.mail
    concept = ConceptFile(inputs.concept_path, inputs.concept_path.name)  # as other commands
    password = None
    if mail:
        smtp = smtp_or_fail(settings, concept)
        password = resolve_password(smtp, concept, os.environ if environ is None else environ)
    from ledelsestilsyn.schedule.sent_log import SentLog, run_lock

    cache_dir = inputs.root / CACHE_DIR
    with run_lock(
        cache_dir, "påmind kan ikke huske, hvad der er sagt, og sender ingen påmindelser"
    ):
        log = SentLog.load(cache_dir)
        messages = (
            _mail_messages(status, settings, inputs.plan, concept.display)
            if mail
            else _stdout(status, settings)
        )
        chosen = [
            m
            for m in messages
            if always
            or any(
                log.is_due(m.recipient or STDOUT, k, today, settings.repeat_days) for k in m.keys
            )
        ]
        outcome = ReminderOutcome(notes=inputs.notes)
        if mail and chosen:  # said with each round of mail, not on every quiet run
            outcome.unreachable = unreachable(status, settings, inputs.plan, concept.display)
        try:
            if mail:
                assert settings.smtp is not None
                send(chosen, settings.smtp, password, lambda m: _sent(log, m, today, outcome))
            elif chosen:
                outcome.text = chosen[0].body
                if not always:  # a look at the status is not the reminder cron sends
                    log.mark(STDOUT, chosen[0].keys, today)
        finally:
            log.save(today)
    return outcome


def _sent(log: Any, message: Message, today: date, outcome: ReminderOutcome) -> None:
    log.mark(message.recipient, message.keys, today)
    outcome.mailed.append(message.recipient)


def _stdout(status: Status, settings: MailSettings) -> list[Message]:
    from ledelsestilsyn.schedule.reminder_text import overview

    return [overview(status, settings.municipality, leaders=settings.leaders)]


def _mail_messages(
    status: Status, settings: MailSettings, plan: Plan, concept: str
) -> list[Message]:
    """The consultants' overview and each reviewer's own list."""
    from ledelsestilsyn.schedule.reminder_text import for_leader, for_reviewer, overview

    if not settings.consultants and not settings.reviewers:
        raise fail(
            concept,
            "R011",
            "der er ingen modtagere af påmindelser.",
            hint="skriv e-mailadresser under påmindelse: konsulent og bedømmere.",
            kind=ErrorKind.USAGE,
        )
    messages = [
        overview(status, settings.municipality, to, leaders=settings.leaders)
        for to in settings.consultants
    ]
    series_reviewers = {s.name: s.reviewers for s in plan.series}
    for name, address in sorted(settings.reviewers.items()):
        own = [i for i in status.items if concerns(i, name, series_reviewers)]
        if own:
            messages.append(for_reviewer(name, own, status, settings.municipality, address))
        late = [c for c in status.corrections if same_person(c.leader(settings.leaders), name)]
        if late:
            messages.append(for_leader(name, late, status, settings.municipality, address))
    return messages


@dataclass(frozen=True)
class ConceptFile:
    """The concept file: where it is, and how messages name it."""

    path: Path
    display: str


def smtp_and_password(
    concept: Concept, file: ConceptFile, environ: Mapping[str, str]
) -> tuple[SmtpSettings, str | None]:
    """The concept's SMTP setup, checked, and its password (for mail outside `påmind`)."""
    settings = MailSettings.of(concept)
    smtp = smtp_or_fail(settings, file)
    return smtp, resolve_password(smtp, file, environ)


def smtp_or_fail(settings: MailSettings, concept: ConceptFile) -> SmtpSettings:
    """The SMTP settings mail can be sent with (also checked by `tilsyn cron --mail`)."""
    smtp = settings.smtp
    if smtp is None:
        raise _setting_error(
            concept,
            ("påmindelse",),
            "R010",
            "at sende mail kræver en smtp-opsætning under påmindelse i konceptet.",
            "se afsnittet 'Kør fra cron' i README, eller kør uden at sende mail.",
        )
    if not smtp.starttls and not smtp.allow_plaintext:
        raise _setting_error(
            concept,
            (*_SMTP, "starttls"),
            "R012",
            "mail sendes ikke ukrypteret (starttls: nej).",
            "slå starttls til, eller skriv tillad_ukrypteret: ja for et lokalt relæ.",
        )
    return smtp


def resolve_password(
    smtp: SmtpSettings, concept: ConceptFile, environ: Mapping[str, str]
) -> str | None:
    """The SMTP password from the environment or a private file outside the workspace
    (the folder the concept is in)."""
    if not smtp.user:
        return None
    if smtp.password_env:
        value = environ.get(smtp.password_env, "")
        if not value:
            raise _setting_error(
                concept,
                (*_SMTP, "adgangskode_miljø"),
                "R013",
                f"miljøvariablen {smtp.password_env} med SMTP-adgangskoden er ikke sat.",
                "sæt den i crontab eller systemd-enheden, eller brug adgangskode_fil.",
            )
        return value
    if smtp.password_file:
        return _password_file(Path(smtp.password_file).expanduser(), concept.path.parent)
    raise _setting_error(
        concept,
        (*_SMTP, "bruger"),
        "R014",
        "smtp har en bruger, men ingen adgangskode_miljø eller adgangskode_fil.",
        "skriv aldrig adgangskoden i konceptet; brug en miljøvariabel eller en fil.",
    )


_SMTP = ("påmindelse", "smtp")


def _setting_error(
    concept: ConceptFile, key: tuple[str, ...], code: str, message: str, hint: str
) -> TilsynError:
    """A wrong call because of a mail setting, at the line of `key` in the concept (or of the
    nearest section above it that is written); without a line when none of them is.

    The settings come from a cache that has no lines, so the concept is read again here,
    only on this path.
    """
    from ledelsestilsyn.io.yaml import read_document

    line = column = None
    with contextlib.suppress(OSError, TilsynError):
        document = read_document(concept.path, display=concept.display)
        for depth in range(len(key), 0, -1):
            if key[:depth] in document.keys:
                line, column = document.keys[key[:depth]]
                break
    found = Diagnostic(concept.display, line, column, code, message, hint)
    return TilsynError([found], ErrorKind.USAGE)


def _password_file(path: Path, root: Path) -> str:
    def refuse(code: str, message: str, hint: str) -> TilsynError:
        return fail(str(path), code, message, hint=hint, kind=ErrorKind.USAGE)

    if resolved(path).is_relative_to(root.resolve()):
        raise refuse(
            "R015",
            "adgangskodefilen ligger i arbejdsmappen.",
            "flyt den uden for arbejdsmappen (fx ~/.config/tilsyn/smtp), så den ikke deles.",
        )
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        raise refuse(
            "R016", "adgangskodefilen kan ikke læses.", "tjek stien i konceptet."
        ) from None
    if mode & 0o077:
        raise refuse(
            "R017", "andre end ejeren kan læse adgangskodefilen.", f"kør: chmod 600 {path}"
        )
    if not text:
        raise refuse("R016", "adgangskodefilen er tom.", "skriv adgangskoden i filen.")
    return text


def send(
    messages: list[Message],
    smtp: SmtpSettings,
    password: str | None,
    on_sent: Callable[[Message], None],
) -> None:
    """Send each message in one SMTP session; `on_sent` after each accepted one."""
    if not messages:
        return
    import smtplib

    where = f"{smtp.server}:{smtp.port}"
    try:
        with smtplib.SMTP(smtp.server, smtp.port, timeout=TIMEOUT) as client:
            _secure(client, smtp, password, where)
            for message in messages:
                client.send_message(_email(message, smtp.sender))
                on_sent(message)
    except smtplib.SMTPAuthenticationError:
        raise _smtp_fail(where, "R022", "serveren afviste bruger eller adgangskode.") from None
    except smtplib.SMTPRecipientsRefused:
        raise _smtp_fail(where, "R023", "serveren afviste en modtageradresse.") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise _smtp_fail(where, "R020", f"mailen kunne ikke sendes ({_why(exc)}).") from None


def _why(exc: Exception) -> str:
    """Why sending failed, in Danish: never Python's class name or the server's English."""
    import smtplib

    # smtplib says a server that never answered closed the connection (a probe)
    if isinstance(exc, TimeoutError) or "timed out" in str(exc):
        return f"serveren svarede ikke inden for {TIMEOUT} sekunder"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "serveren lukkede forbindelsen"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"serveren svarede {exc.smtp_code}"
    if isinstance(exc, OSError):
        return reason(exc)
    return "SMTP-serveren svarede ikke som ventet"


def _secure(client: smtplib.SMTP, smtp: SmtpSettings, password: str | None, where: str) -> None:
    import smtplib
    import ssl

    client.ehlo()
    if smtp.starttls:
        if not client.has_extn("starttls"):
            raise _smtp_fail(where, "R021", "serveren tilbyder ikke STARTTLS.")
        try:
            client.starttls(context=ssl.create_default_context())
        except ssl.SSLError:
            raise _smtp_fail(where, "R024", "serverens certifikat kunne ikke godkendes.") from None
        client.ehlo()
    if smtp.user and password is not None:
        try:
            client.login(smtp.user, password)
        except smtplib.SMTPNotSupportedError:
            raise _smtp_fail(where, "R021", "serveren tilbyder ikke login (AUTH).") from None


def _smtp_fail(where: str, code: str, message: str) -> TilsynError:
    hint = "tjek server, port og adgangskode under påmindelse: smtp i konceptet."
    return fail(where, code, message, hint=hint, kind=ErrorKind.USAGE)


def _email(message: Message, sender: str) -> Any:
    """The mail as sent: subject and body (and the body as HTML, if given) pass the output
    gate (`core.gate`), and a control character from a file (an escape sequence in a tiltag's
    title or a correction's `ansvarlig`, which a mail program in a terminal would obey) is
    `�`, as on the screen (`core.lines.shown`). A header is
    one line: a line break in the concept's text (`kommune` is in the subject) is a space,
    never a header of its own."""
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    from ledelsestilsyn.core.gate import gate
    from ledelsestilsyn.core.lines import shown

    email = EmailMessage()
    email["From"] = " ".join(sender.split())
    email["To"] = " ".join(message.recipient.split())
    email["Subject"] = " ".join(shown(gate(message.subject)).split())
    email["Date"] = formatdate(localtime=True)
    email["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    email["Auto-Submitted"] = "auto-generated"
    email.set_content(shown(gate(message.body)))
    if message.html:
        email.add_alternative(shown(gate(message.html)), subtype="html")
    return email
