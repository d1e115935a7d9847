"""`tilsyn cron`: a crontab line and a systemd timer for this workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from ledelsestilsyn.schedule import scan
from ledelsestilsyn.workspace.layout import CACHE_DIR, REMINDER_CACHE


def test_crontab_and_systemd_timer(example_workspace: Path, cli: Cli) -> None:
    result = cli("cron", "--tid", "06:30")
    assert result.exit_code == 0
    concept = str((example_workspace / "koncept.yaml").resolve())
    lines = result.output.splitlines()
    (cron_line,) = [line for line in lines if line.startswith("30 6 * * * ")]
    assert cron_line.endswith(f"tilsyn paamind --koncept {concept}")
    assert "OnCalendar=*-*-* 06:30:00" in lines and "Persistent=true" in lines
    assert any(line.startswith("ExecStart=") and "paamind" in line for line in lines)
    assert "--mail" not in cron_line  # the example concept has no smtp


def test_mail_when_the_concept_has_smtp(example_workspace: Path, cli: Cli) -> None:
    concept = Path("koncept.yaml")
    smtp = (
        'påmindelse:\n  smtp:\n    server: "smtp.eksempelby.example"\n'
        '    afsender: "tilsyn@eksempelby.example"\n    bruger: "tilsyn"\n'
        '    adgangskode_miljø: "TILSYN_SMTP"\n'
    )
    concept.write_text(concept.read_text(encoding="utf-8").replace("påmindelse:\n", smtp, 1))
    out = cli("cron").output
    assert "0 7 * * * " in out and "--koncept" in out and " --mail" in out
    assert "TILSYN_SMTP" in out and "hemmelig" not in out
    plain = cli("cron", "--uden-mail").output.splitlines()
    assert not any(" --mail" in line for line in plain if line.startswith(("0 7", "ExecStart=")))


def test_bad_time_and_no_workspace(tmp_path: Path, cli: Cli, example_workspace: Path) -> None:
    bad = cli("cron", "--tid", "25:00")
    assert bad.exit_code == 2 and "R003" in bad.output
    missing = cli("cron", "--koncept", str(tmp_path / "findes-ikke.yaml"))
    assert missing.exit_code == 2


def test_cron_reads_only_the_settings_not_the_samples(
    example_workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_scan(*_: object) -> None:
        raise AssertionError("cron must not scan the workspace")

    monkeypatch.setattr(scan, "read_inputs", no_scan)
    assert cli("cron").exit_code == 0
    assert (example_workspace / CACHE_DIR / REMINDER_CACHE).is_file()  # the settings, cached
    assert cli("cron", "--tid", "08:00").exit_code == 0


def test_broken_concept_is_a_wrong_call(example_workspace: Path, cli: Cli) -> None:
    (example_workspace / "koncept.yaml").write_text("kommune: [\n", encoding="utf-8")
    result = cli("cron")
    assert result.exit_code == 2 and "Y003" in result.output


def test_mail_without_smtp_is_refused_instead_of_a_line_that_fails_daily(
    example_workspace: Path, cli: Cli
) -> None:
    result = cli("cron", "--mail")
    assert result.exit_code == 2, result.output
    assert "R010" in result.output and "smtp-opsætning" in result.output
    # named as the user would write it, at the section where smtp belongs
    line = _line_of(Path("koncept.yaml"), "påmindelse:")
    assert result.output.startswith(f"koncept.yaml:{line}:1: fejl R010"), result.output
    assert "* * *" not in result.output and "ExecStart" not in result.output


def test_mail_with_starttls_off_is_refused_too(example_workspace: Path, cli: Cli) -> None:
    concept = Path("koncept.yaml")
    smtp = (
        'påmindelse:\n  smtp:\n    server: "smtp.eksempelby.example"\n'
        '    afsender: "tilsyn@eksempelby.example"\n    starttls: nej\n'
    )
    concept.write_text(concept.read_text(encoding="utf-8").replace("påmindelse:\n", smtp, 1))
    result = cli("cron")
    assert result.exit_code == 2, result.output
    line = _line_of(concept, "    starttls: nej")
    assert result.output.startswith(f"koncept.yaml:{line}:5: fejl R012"), result.output


def _line_of(path: Path, text: str) -> int:
    """The line (from 1) of the first line of `path` that starts with `text`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(text))


def test_paamind_mail_without_smtp_names_the_concept_as_cron_does(
    example_workspace: Path, cli: Cli
) -> None:
    """The same R010 from `påmind --mail` (the line cron runs) as from `tilsyn cron --mail`:
    at koncept.yaml as the user knows it, not at the file's absolute path."""
    result = cli("påmind", "--mail", "--altid")
    assert result.exit_code == 2, result.output
    line = _line_of(Path("koncept.yaml"), "påmindelse:")
    assert result.output.startswith(f"koncept.yaml:{line}:1: fejl R010"), result.output
    assert str(example_workspace) not in result.output


def _as_cron_reads_it(command: str) -> str:
    """Cron ends the command at an unescaped % (the rest is its input), and reads \\% as %."""
    import re

    return re.split(r"(?<!\\)%", command)[0].replace("\\%", "%")


def _as_systemd_reads_it(command: str) -> str:
    """systemd reads %x as a specifier and $X as a variable; %% and $$ are the signs."""
    import re

    assert not re.search(
        r"(?<!%)%(?!%)|(?<!\$)\$(?!\$)", command.replace("%%", "").replace("$$", "")
    )
    return command.replace("%%", "%").replace("$$", "$")


def test_a_folder_with_a_percent_or_dollar_sign_gives_lines_that_work(
    example_workspace: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cron reads % as a line break and systemd reads %/ and $HOME itself: the printed lines
    for a workspace in 'Tilsyn 50% $HOME' ran another path (or none) every day."""
    import shlex
    import shutil

    folder = tmp_path / "Tilsyn 50% $HOME"
    shutil.copytree(example_workspace, folder)
    monkeypatch.chdir(folder)
    result = cli("cron")
    assert result.exit_code == 0, result.output
    concept = str((folder / "koncept.yaml").resolve())
    lines = result.output.splitlines()
    (cron_line,) = [line for line in lines if line.startswith("0 7 * * * ")]
    assert shlex.split(_as_cron_reads_it(cron_line))[-1] == concept
    (service,) = [line for line in lines if line.startswith("ExecStart=")]
    assert shlex.split(_as_systemd_reads_it(service.removeprefix("ExecStart=")))[-1] == concept


def test_on_windows_a_scheduled_task_instead_of_cron(
    example_workspace: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has neither cron nor systemd: the lines printed there could not be used. Now
    PowerShell that registers a task in Opgavestyring, which takes a missed run (a laptop
    that was off) as soon as the pc is on, as the systemd timer does."""
    import shutil

    folder = tmp_path / "Børn og unge's tilsyn"
    shutil.copytree(example_workspace, folder)
    monkeypatch.chdir(folder)
    monkeypatch.setattr("sys.platform", "win32")
    result = cli("cron", "--tid", "06:30")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert not any(line.startswith(("30 6 * * *", "ExecStart=", "[Timer]")) for line in lines)
    (action,) = [line for line in lines if line.startswith("$handling = ")]
    concept = str((folder / "koncept.yaml").resolve())
    argument = action.split(" -Argument ", 1)[1]
    assert argument == "'paamind --koncept \"" + concept.replace("'", "''") + "\"'"
    assert "$tidspunkt = New-ScheduledTaskTrigger -Daily -At 06:30" in lines
    assert "$indstillinger = New-ScheduledTaskSettingsSet -StartWhenAvailable" in lines
    register = "Register-ScheduledTask -TaskName 'tilsyn-paamind'"
    assert any(line.startswith(register) for line in lines)
    assert any("--mail" in line and line.startswith("#") for line in lines)  # output is lost


LINKED = (
    ".tilsyn: fejl W002: mappen er et symbolsk link; tilsyn skriver ikke gennem links, så påmind "
    "kan ikke huske, hvad der er sagt, og sender ingen påmindelser. Tip: slet linket (.tilsyn er "
    "kun en cache, som tilsyn laver igen), eller erstat det med en almindelig mappe."
)


@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-folder", "to-nothing"])
def test_a_linked_cache_folder_is_refused_as_a_wrong_setup(
    example_workspace: Path, cli: Cli, tmp_path: Path, dangling: bool
) -> None:
    """A workspace whose .tilsyn is a symbolic link: påmind refused with W002 and exit 1,
    which its help and the README do not name (0, 2 or 75), under the absolute path, and
    without saying that nothing was reminded. Now exit 2 (as a broken concept, so cron's
    mail and systemd say it), the path as påmind names the workspace's files, that no
    reminder is sent, and the fix; nothing is written where the link points."""
    target = tmp_path / "andetsteds"
    if not dangling:
        target.mkdir()
    (example_workspace / CACHE_DIR).symlink_to(target)
    result = cli("paamind", "--dato", "2026-11-10")
    assert result.exit_code == 2, result.output
    assert [" ".join(result.output.split())] == [LINKED]
    assert str(example_workspace) not in result.output
    assert not target.exists() or list(target.iterdir()) == []


def test_a_folder_named_like_a_cpr_number_is_refused_not_printed_masked(
    example_workspace: Path, cli: Cli, tmp_path: Path
) -> None:
    """Probe BB: in `ws-030315-4487` the line said `…/ws-XXXXXX-XXXX/koncept.yaml`, a path
    that does not exist, so every daily run would fail."""
    named = tmp_path / "ws-030315-4487"
    named.mkdir()
    concept = named / "koncept.yaml"
    concept.write_text((example_workspace / "koncept.yaml").read_text("utf-8"), "utf-8")
    result = cli("cron", "--koncept", str(concept))
    assert result.exit_code == 2, result.output
    assert "R004" in result.stderr and "030315" not in result.output
    assert "paamind" not in result.stdout
