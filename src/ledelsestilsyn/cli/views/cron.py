"""The text `tilsyn cron` prints: a crontab line and a systemd service + timer, or on
Windows a scheduled task made with PowerShell."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, fail
from ledelsestilsyn.schedule.mail_settings import MailSettings

UNIT = "tilsyn-paamind"


def parse_time(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise fail(
            Argument.TIME,
            "R003",
            "klokkeslættet kan ikke læses.",
            hint="skriv fx 07:00.",
            kind=ErrorKind.USAGE,
        )
    return int(match[1]), int(match[2])


def tilsyn_program(python: Path) -> str:
    """The absolute path of the `tilsyn` program (cron has a short PATH)."""
    for name in ("tilsyn", "tilsyn.exe"):
        beside = python.parent / name
        if beside.is_file():
            return str(beside)
    return shutil.which("tilsyn") or "tilsyn"


def cron_text(concept: Path, time: str, mail: bool, python: Path, settings: MailSettings) -> str:
    hour, minute = parse_time(time)
    program = tilsyn_program(python)
    args = [program, "paamind", "--koncept", str(concept)] + (["--mail"] if mail else [])
    command = " ".join(shlex.quote(a) for a in args)
    # Cron reads an unescaped % as a line break; systemd reads %x as a specifier and $X as a
    # variable, also inside quotes. A workspace in 'Tilsyn 50%' must still be the one run.
    in_crontab, in_systemd = command.replace("%", "\\%"), command.replace("%", "%%")
    in_systemd = in_systemd.replace("$", "$$")
    env = settings.smtp.password_env if mail and settings.smtp else None
    lines = [
        "# crontab (crontab -e): hver dag kl. "
        f"{hour:02d}:{minute:02d}. Cron mailer uddata til ejeren (eller MAILTO);",
        "# 'tilsyn påmind' skriver intet, når intet er forfaldent.",
    ]
    if env:
        lines.append(f"# Adgangskoden: sæt {env}=… øverst i crontab, eller brug adgangskode_fil.")
    lines += [
        f"{minute} {hour} * * * {in_crontab}",
        "",
        f"# systemd (alternativ): gem som ~/.config/systemd/user/{UNIT}.service",
        "[Unit]",
        "Description=Påmindelser om ledelsestilsyn (tilsyn påmind)",
        "",
        "[Service]",
        "Type=oneshot",
        f"ExecStart={in_systemd}",
    ]
    if env:
        lines.append(f"# Environment={env}=…  (eller EnvironmentFile=%h/.config/tilsyn/smtp.env)")
    lines += [
        "",
        f"# … og som ~/.config/systemd/user/{UNIT}.timer",
        "[Unit]",
        "Description=Kør tilsyn påmind hver dag",
        "",
        "[Timer]",
        f"OnCalendar=*-*-* {hour:02d}:{minute:02d}:00",
        "Persistent=true",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
        f"# Slå til: systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer",
        "# Uden login (server): loginctl enable-linger",
    ]
    if not mail:
        lines.append(
            "# Under systemd går uddata til journalen (journalctl --user -u "
            f"{UNIT}); brug --mail med en smtp-opsætning i konceptet."
        )
    return "\n".join(lines) + "\n"


def windows_task_text(
    concept: Path, time: str, mail: bool, python: Path, settings: MailSettings
) -> str:
    """PowerShell that registers a daily task in Windows' Task Scheduler (Opgavestyring).

    `-StartWhenAvailable` is systemd's `Persistent=true`: a run missed because the laptop was
    off is taken when it is on again. Text in single quotes is read as it stands in
    PowerShell (a `'` is doubled); the concept's path is in double quotes for the program.
    """
    hour, minute = parse_time(time)
    program = tilsyn_program(python).replace("'", "''")
    arguments = f'paamind --koncept "{concept}"' + (" --mail" if mail else "")
    arguments = arguments.replace("'", "''")
    env = settings.smtp.password_env if mail and settings.smtp else None
    lines = [
        "# Windows: kør i PowerShell. Opgavestyring kører 'tilsyn påmind' hver dag kl. "
        f"{hour:02d}:{minute:02d},",
        "# og en kørsel, der blev sprunget over (slukket pc), tages, så snart pc'en er tændt.",
        f"$handling = New-ScheduledTaskAction -Execute '{program}' -Argument '{arguments}'",
        f"$tidspunkt = New-ScheduledTaskTrigger -Daily -At {hour:02d}:{minute:02d}",
        "$indstillinger = New-ScheduledTaskSettingsSet -StartWhenAvailable",
        f"Register-ScheduledTask -TaskName '{UNIT}' -Action $handling -Trigger $tidspunkt "
        "-Settings $indstillinger -Description 'Påmindelser om ledelsestilsyn (tilsyn påmind)'",
    ]
    if env:
        lines.append(
            f"# Adgangskoden: [Environment]::SetEnvironmentVariable('{env}', '…', 'User'),"
            " eller brug adgangskode_fil."
        )
    if not mail:
        lines.append(
            "# Opgavestyring viser ikke, hvad en opgave skriver: brug --mail med en "
            "smtp-opsætning i konceptet."
        )
    lines.append(f"# Fjern igen: Unregister-ScheduledTask -TaskName '{UNIT}'")
    return "\n".join(lines) + "\n"
