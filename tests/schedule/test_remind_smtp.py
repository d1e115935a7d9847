"""`tilsyn påmind --mail` against a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
import yaml
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from remind_support import MONTHLY, draw, fill, reviews

from conftest import Cli

USER, PASSWORD = "tilsyn", "hemmelig-kode"
CONSULTANT = "stab.boern@eksempelby.example"
KAREN, JAKOB = "kahm@eksempelby.example", "jabk@eksempelby.example"


class Inbox:
    def __init__(self, delay: float = 0.0) -> None:
        self.mails: list[tuple[list[str], Message]] = []
        self.delay = delay

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.delay:
            await asyncio.sleep(self.delay)
        self.mails.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"

    def to(self, address: str) -> list[Message]:
        return [m for rcpt, m in self.mails if address in rcpt]


def _authenticate(
    server: Any, session: Any, envelope: Any, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def certificate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ssl.SSLContext:
    """A self-signed certificate for 127.0.0.1, trusted through SSL_CERT_FILE."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def _serve(inbox: Inbox, **options: Any) -> Iterator[int]:
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


@pytest.fixture
def tls_server(certificate: ssl.SSLContext) -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    options = {"tls_context": certificate, "require_starttls": True}
    for port in _serve(inbox, authenticator=_authenticate, auth_require_tls=True, **options):
        yield inbox, port


def _configure(port: int, smtp: str) -> None:
    concept = Path("koncept.yaml")
    text = concept.read_text(encoding="utf-8")
    block = f'påmindelse:\n  smtp:\n    server: "127.0.0.1"\n    port: {port}\n{smtp}'
    concept.write_text(text.replace("påmindelse:\n", block, 1), encoding="utf-8")


TLS = '    afsender: "tilsyn@eksempelby.example"\n    bruger: "tilsyn"\n'


PLAIN = '    starttls: nej\n    tillad_ukrypteret: ja\n    afsender: "tilsyn@eksempelby.example"\n'


def _half_done(cli: Cli) -> None:
    folder = draw(cli, MONTHLY, "2026-11")
    fill(reviews(folder)[0], "Jakob Bæk", "2026-11-05", answers=2)
    (folder / "note.txt").write_text("ikke en gennemgang", encoding="utf-8")


def test_starttls_login_recipients_subject_body(
    example_workspace: Path,
    cli: Cli,
    tls_server: tuple[Inbox, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port = tls_server
    _configure(port, TLS + '    adgangskode_miljø: "TILSYN_TEST_KODE"\n')
    monkeypatch.setenv("TILSYN_TEST_KODE", PASSWORD)
    _half_done(cli)
    result = cli("påmind", "--mail", "--dato", "2026-11-10")
    assert result.exit_code == 0 and result.output == ""
    assert sorted(r for rcpt, _ in inbox.mails for r in rcpt) == sorted(
        [CONSULTANT, JAKOB, KAREN, "lidt@eksempelby.example"]
    )
    (overview,) = inbox.to(CONSULTANT)
    assert overview["Subject"] == "Ledelsestilsyn, Eksempelby Kommune: 2 forfaldne, 1 for sent"
    assert overview["From"] == "tilsyn@eksempelby.example"
    body = overview.get_payload(decode=True).decode("utf-8").replace("\r\n", "\n")
    assert "Tematiseret ledelsestilsyn 2026-11: stikprøven er ikke trukket (" in body
    assert "Jakob Bæk: 1 gennemgang mangler (1 delvist udfyldt)" in body
    (jakob,) = inbox.to(JAKOB)
    text = jakob.get_payload(decode=True).decode("utf-8").replace("\r\n", "\n")
    assert text.startswith("Kære Jakob Bæk\n")
    assert "Jakob Bæk: 1 gennemgang mangler" in text and "stikprøven" not in text
    # The footer stands apart from the last line, as in the overview.
    assert "'tilsyn valider'.\n\nFra 'tilsyn påmind'." in text
    (karen,) = inbox.to(KAREN)  # Karen is a reviewer of the series: the unassigned ones
    assert "ikke fordelt: 7 gennemgange mangler" in karen.get_payload(decode=True).decode(
        "utf-8"
    ).replace("\r\n", "\n")
    for _, mail in inbox.mails:
        payload = mail.get_payload(decode=True).decode("utf-8").replace("\r\n", "\n")
        assert "Underretning fra skolen" not in payload and "Nikolaj" not in payload
    again = cli("påmind", "--mail", "--dato", "2026-11-11")
    assert again.exit_code == 0 and len(inbox.mails) == 4  # not sent again the next day


def test_wrong_password(
    example_workspace: Path,
    cli: Cli,
    tls_server: tuple[Inbox, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port = tls_server
    _configure(port, TLS + '    adgangskode_miljø: "TILSYN_TEST_KODE"\n')
    monkeypatch.setenv("TILSYN_TEST_KODE", "forkert")
    result = cli("påmind", "--mail", "--dato", "2026-11-10")
    assert result.exit_code == 2 and inbox.mails == []
    assert (
        f"127.0.0.1:{port}: fejl R022: serveren afviste bruger eller adgangskode." in result.output
    )
    assert "forkert" not in result.output
    # Nothing was recorded as sent: with the right password it goes out.
    monkeypatch.setenv("TILSYN_TEST_KODE", PASSWORD)
    assert cli("påmind", "--mail", "--dato", "2026-11-10").exit_code == 0
    assert [rcpt for rcpt, _ in inbox.mails] == [[CONSULTANT]]  # nothing drawn: the overview


def test_missing_password_variable(
    example_workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _configure(_free_port(), TLS + '    adgangskode_miljø: "TILSYN_TEST_KODE"\n')
    monkeypatch.delenv("TILSYN_TEST_KODE", raising=False)
    result = cli("påmind", "--mail", "--dato", "2026-11-10")
    assert result.exit_code == 2
    assert (
        "R013: miljøvariablen TILSYN_TEST_KODE med SMTP-adgangskoden er ikke sat." in result.output
    )
    lines = Path("koncept.yaml").read_text(encoding="utf-8").splitlines()
    line = lines.index('    adgangskode_miljø: "TILSYN_TEST_KODE"') + 1
    assert f"koncept.yaml:{line}:5: fejl R013" in result.output, result.output


def test_password_file_rules(
    example_workspace: Path, cli: Cli, tls_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    inbox, port = tls_server
    inside = example_workspace / "kode.txt"
    inside.write_text(PASSWORD, encoding="utf-8")
    inside.chmod(0o600)
    outside = tmp_path / "hjem" / "smtp-kode"
    outside.write_text(PASSWORD + "\n", encoding="utf-8")
    outside.chmod(0o644)
    original = Path("koncept.yaml").read_text(encoding="utf-8")
    cases = [(inside, "R015"), (tmp_path / "findes-ikke", "R016"), (outside, "R017")]
    for path, code in cases:
        Path("koncept.yaml").write_text(original, encoding="utf-8")
        _configure(port, TLS + f'    adgangskode_fil: "{path}"\n')
        result = cli("påmind", "--mail", "--dato", "2026-11-10")
        assert result.exit_code == 2 and code in result.output, result.output
    outside.chmod(0o600)
    assert cli("påmind", "--mail", "--dato", "2026-11-10").exit_code == 0
    assert [rcpt for rcpt, _ in inbox.mails] == [[CONSULTANT]]


def test_plaintext_refused_unless_allowed(example_workspace: Path, cli: Cli) -> None:
    inbox = Inbox()
    for port in _serve(inbox):
        _configure(port, '    starttls: nej\n    afsender: "tilsyn@eksempelby.example"\n')
        refused = cli("påmind", "--mail", "--dato", "2026-11-10")
        assert refused.exit_code == 2 and "R012" in refused.output and inbox.mails == []
        allowed = Path("koncept.yaml").read_text(encoding="utf-8")
        allowed = allowed.replace(
            "    starttls: nej\n", "    starttls: nej\n    tillad_ukrypteret: ja\n"
        )
        Path("koncept.yaml").write_text(allowed, encoding="utf-8")
        assert cli("påmind", "--mail", "--dato", "2026-11-10").exit_code == 0
        assert [rcpt for rcpt, _ in inbox.mails] == [[CONSULTANT]]


def test_a_line_break_in_the_municipality_adds_no_mail_header(
    example_workspace: Path, cli: Cli
) -> None:
    """`kommune` goes into the subject: a line break there is a space, never a new header
    (`Bcc:`) and never an internal error."""
    concept = Path("koncept.yaml")
    text = concept.read_text(encoding="utf-8")
    text = text.replace(
        'kommune: "Eksempelby Kommune"', 'kommune: "Eksempelby\\r\\nBcc: ond@x.example"'
    )
    concept.write_text(text, encoding="utf-8")
    inbox = Inbox()
    for port in _serve(inbox):
        _configure(port, PLAIN)
        result = cli("påmind", "--mail", "--dato", "2026-11-10")
        assert result.exit_code == 0, result.output
    [(recipients, mail)] = inbox.mails
    assert recipients == [CONSULTANT] and mail["Bcc"] is None
    subject = " ".join(str(mail["Subject"]).split())  # unfolded
    assert subject.startswith("Ledelsestilsyn, Eksempelby Bcc: ond@x.example:")


def test_starttls_missing_on_server(example_workspace: Path, cli: Cli) -> None:
    inbox = Inbox()
    for port in _serve(inbox):
        _configure(port, '    afsender: "tilsyn@eksempelby.example"\n')
        result = cli("påmind", "--mail", "--dato", "2026-11-10")
        assert result.exit_code == 2 and "R021: serveren tilbyder ikke STARTTLS." in result.output


def test_two_concurrent_runs_send_once(example_workspace: Path, cli: Cli) -> None:
    inbox = Inbox(delay=0.5)
    _half_done(cli)
    for port in _serve(inbox):
        _configure(port, PLAIN)
        tilsyn = Path(sys.executable).parent / "tilsyn"
        args = [str(tilsyn), "påmind", "--mail", "--dato", "2026-11-10"]
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        runs = [
            subprocess.Popen(args, env=env, stderr=subprocess.PIPE, text=True) for _ in range(2)
        ]
        errors = [run.communicate(timeout=60)[1] for run in runs]
        codes = sorted(run.returncode for run in runs)
        assert codes in ([0, 0], [0, 75]), errors
        assert len(inbox.mails) == 4  # the consultant and three reviewers, once each
        if codes == [0, 75]:
            assert any("R030" in e and len(e.strip().splitlines()) == 1 for e in errors)


def test_an_overdue_correction_is_mailed_to_the_leader_only(
    example_workspace: Path,
    cli: Cli,
    tls_server: tuple[Inbox, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port = tls_server
    _configure(port, TLS + '    adgangskode_miljø: "TILSYN_TEST_KODE"\n')
    monkeypatch.setenv("TILSYN_TEST_KODE", PASSWORD)
    for series in (MONTHLY, "tematiseret"):
        for path in reviews(draw(cli, series, "2026-11")):
            fill(path, "Jakob Bæk", "2026-11-12")
    first = reviews(Path("udtræk") / f"2026-11-{MONTHLY}")[0]
    text = first.read_text(encoding="utf-8").replace(
        "      kommentar: ''",
        '      kommentar: "hemmelig"\n      rettelse:\n        handling: "skjult"\n'
        '        frist: "2026-11-20"',
        1,
    )
    first.write_text(text.replace('svar: "ja"', 'svar: "nej"', 1), encoding="utf-8")
    result = cli("påmind", "--mail", "--dato", "2026-11-25")
    assert result.exit_code == 0, result.output
    assert sorted(r for rcpt, _ in inbox.mails for r in rcpt) == [JAKOB, CONSULTANT]
    (jakob,) = inbox.to(JAKOB)
    assert (
        jakob["Subject"] == "Ledelsestilsyn, Eksempelby Kommune: 1 rettelse med overskreden frist"
    )
    body = jakob.get_payload(decode=True).decode("utf-8").replace("\r\n", "\n")
    assert body.startswith("Kære Jakob Bæk\n") and "(5 dage for sent)" in body
    assert "rettelsen er gjort.\n\nFra 'tilsyn påmind'." in body
    assert "hemmelig" not in body and "skjult" not in body
    # The last line says what a reminder holds: here a question's id, which the old line
    # ("kun sagsnumre, navne og antal") left out.
    assert re.search(r", [a-zæøå-]+-\d+: rettelse, ansvarlig ", body), body
    assert body.endswith(
        "Påmindelser nævner sagsnumre, navne, spørgsmålenes id, tiltagenes titler, frister og "
        "antal, aldrig svar eller kommentarer.\n"
    )


def test_someone_with_something_due_and_no_address_is_named(
    example_workspace: Path, cli: Cli
) -> None:
    """Reviews half done by a leader the concept has no address for: no mail reaches them,
    and the run says so (R018) instead of exiting 0 in silence."""
    inbox = Inbox()
    for port in _serve(inbox):
        _configure(port, PLAIN)
        for path in reviews(draw(cli, MONTHLY, "2026-11"))[:2]:
            fill(path, "Ukendt Leder", "2026-11-12", answers=2)
        result = cli("påmind", "--mail", "--dato", "2026-11-25")
        assert result.exit_code == 0, result.output
        assert "advarsel R018: Ukendt Leder har noget forfaldent, men ingen adresse" in (
            result.stderr
        ), result.output
        # The tip is the line to write under påmindelse: bedømmere (before: the whole
        # 'name: address' in one pair of quotes, which in YAML is a text, not an address).
        [line] = [x for x in result.stderr.splitlines() if "R018" in x]
        assert "så der går ingen mail (det står i konsulentens oversigt)." in line
        tip = line.split("Tip: skriv fx ", 1)[1].removesuffix(" under påmindelse: bedømmere.")
        assert yaml.safe_load(f"bedømmere:\n  {tip}\n") == {
            "bedømmere": {"Ukendt Leder": "navn@kommune.dk"}
        }
        assert inbox.mails  # the consultants' overview still goes out
        again = cli("påmind", "--mail", "--dato", "2026-11-25")
        assert "R018" not in again.output  # said with each round of mail, not every run


def test_a_server_that_is_not_there_is_said_in_danish(example_workspace: Path, cli: Cli) -> None:
    """No server on the port: "serveren afviste forbindelsen", not Python's class name
    ("ConnectionRefusedError") nor the system's English text."""
    _configure(_free_port(), PLAIN)
    result = cli("påmind", "--mail", "--dato", "2026-11-10")
    assert result.exit_code != 0 and "R020" in result.output, result.output
    assert "serveren afviste forbindelsen" in result.output, result.output
    assert "Error" not in result.output and "refused" not in result.output


@pytest.mark.parametrize("server", ["smtp..eksempelby.dk", ".smtp.dk", "a" * 64 + ".dk"])
def test_a_server_name_that_cannot_be_looked_up_is_a_concept_error(
    example_workspace: Path, cli: Cli, server: str
) -> None:
    """Before, `tjek` passed it, and sending gave an internal error (UnicodeError, exit 3)."""
    _configure(_free_port(), PLAIN)
    _half_done(cli)
    concept = Path("koncept.yaml")
    concept.write_text(
        concept.read_text("utf-8").replace('server: "127.0.0.1"', f'server: "{server}"'), "utf-8"
    )
    for args in (("tjek",), ("påmind", "--mail", "--dato", "2026-11-10")):
        result = cli(*args)
        assert result.exit_code in (1, 2), result.output
        said = " ".join(result.output.split())
        assert "koncept.yaml:" in said and "servernavnet kan ikke slås op" in said, said
        assert "intern fejl" not in said


@pytest.mark.parametrize("where", ["konsulent", "bedømmer", "afsender"])
def test_an_address_with_a_cpr_number_is_a_concept_error_and_nothing_is_mailed(
    example_workspace: Path, cli: Cli, where: str
) -> None:
    """An address is a mail header, which the gate cannot mask (the mail would go astray):
    'jabk.010203-1234@…' was sent as it stood, in To: (or From:), to the server and on."""
    odd = "b.010203-1234@eksempelby.example"
    old = {"konsulent": CONSULTANT, "bedømmer": JAKOB, "afsender": "tilsyn@eksempelby.example"}
    inbox = Inbox()
    for port in _serve(inbox):
        _configure(port, PLAIN)
        _half_done(cli)
        concept = Path("koncept.yaml")
        concept.write_text(concept.read_text("utf-8").replace(old[where], odd, 1), "utf-8")
        result = cli("påmind", "--mail", "--dato", "2026-11-10")
        assert result.exit_code in (1, 2), result.output  # påmind: the concept is its setup
        assert "ligner et CPR-nummer" in result.output and "1234" not in result.output
        assert (
            "hvor intet kan maskeres. Tip: brug en adresse uden et sådant nummer" in result.output
        )
    assert inbox.mails == []


def _body(mail: Message) -> str:
    return str(mail.get_payload(decode=True).decode("utf-8")).replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("series", "reviewer"),
    [
        ('["karen holm madsen", "Bæk, Jakob", "Lise Dahl Thøgersen"]', "Jakob Bæk"),
        (
            '["Teamleder Karen Holm Madsen", "Afdelingsleder Jakob Bæk", "Lise Dahl Thøgersen"]',
            "Afdelingsleder Jakob Bæk",
        ),
    ],
    ids=["another-order", "with-a-title"],
)
def test_a_reviewer_written_otherwise_in_the_series_gets_the_mail(
    example_workspace: Path, cli: Cli, series: str, reviewer: str
) -> None:
    """The series' bedømmere written as the case system does ('Bæk, Jakob') and the address
    as '"Jakob Bæk": …': the unassigned reviews were matched by exact name and reached
    neither Jakob nor Karen ('karen holm madsen'), and Jakob's own review was named 'Bæk,
    Jakob' and got an R018 though his address was there. Now the names are matched as påmind
    matches them elsewhere (core/names). The same with titles ('Afdelingsleder Jakob Bæk'): a
    probe got R018 for each leader, and only the consultant got mail."""
    text = Path("koncept.yaml").read_text(encoding="utf-8")
    before = '["Karen Holm Madsen", "Jakob Bæk", "Lise Dahl Thøgersen"]'
    Path("koncept.yaml").write_text(text.replace(before, series, 1), encoding="utf-8")
    inbox = Inbox()
    for port in _serve(inbox):
        _configure(port, PLAIN)
        fill(reviews(draw(cli, MONTHLY, "2026-11"))[0], reviewer, "2026-11-05", answers=2)
        result = cli("påmind", "--mail", "--dato", "2026-11-10")
        assert result.exit_code == 0, result.output
        assert "R018" not in result.stderr and "R019" not in result.stderr, result.stderr
        (jakob,) = inbox.to(JAKOB)
        assert "1 gennemgang mangler" in _body(jakob) and "ikke fordelt: 7" in _body(jakob)
        (karen,) = inbox.to(KAREN)
        assert "ikke fordelt: 7 gennemgange mangler" in _body(karen)


def test_unassigned_reviews_nobody_gets_a_mail_about_are_named(
    example_workspace: Path, cli: Cli
) -> None:
    """A series whose bedømmere have no address: its unassigned reviews were in no one's
    mail, and the run said nothing. Now R019 names the round and its cases."""
    text = Path("koncept.yaml").read_text(encoding="utf-8")
    before = '["Karen Holm Madsen", "Jakob Bæk", "Lise Dahl Thøgersen"]'
    Path("koncept.yaml").write_text(text.replace(before, '["Ny Leder"]', 1), encoding="utf-8")
    inbox = Inbox()
    for port in _serve(inbox):
        _configure(port, PLAIN)
        drawn = reviews(draw(cli, MONTHLY, "2026-11"))
        fill(drawn[0], "Jakob Bæk", "2026-11-05", answers=2)
        result = cli("påmind", "--mail", "--dato", "2026-11-10")
        assert result.exit_code == 0, result.output
        said = " ".join(result.stderr.split())
        cases = ", ".join(p.stem for p in drawn[1:])
        assert (
            f"advarsel R019: 7 gennemgange i 2026-11-{MONTHLY} er ikke fordelt (gennemført_af "
            "er tom), og ingen af seriens bedømmere (Ny Leder) har en adresse under påmindelse: "
            "bedømmere, så ingen får mail om dem (de står i konsulentens oversigt): "
            f"{cases}."
        ) in said, said
        assert "ikke fordelt" not in _body(inbox.to(JAKOB)[0])


def test_a_server_that_never_answers_is_said_to_be_silent(
    example_workspace: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Probe AY, L3: a server that takes the connection and never answers was said to have
    closed it ("serveren lukkede forbindelsen"), after 30 seconds."""
    import socket

    from ledelsestilsyn.schedule import notify

    monkeypatch.setattr(notify, "TIMEOUT", 2)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)  # connections wait in the backlog: no greeting ever comes
        _configure(silent.getsockname()[1], PLAIN)
        result = cli("påmind", "--mail", "--dato", "2026-11-10")
    assert result.exit_code != 0 and "R020" in result.output, result.output
    assert "serveren svarede ikke inden for 2 sekunder" in result.output, result.output
