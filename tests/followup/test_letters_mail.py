"""`tilsyn tilbagemelding --mail` against a real SMTP server: the letter goes to its own
caseworker over STARTTLS; in clear text only word of where it lies."""

from __future__ import annotations

import sys
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from test_letters import ARGS, ws  # noqa: F401  (the workspace fixture)

from conftest import TESTS, Cli

sys.path.insert(0, str(TESTS / "schedule"))
from test_remind_smtp import (
    PASSWORD,
    PLAIN,
    TLS,
    Inbox,
    _configure,
    _serve,
    certificate,  # noqa: F401  (the fixture tls_server needs)
    tls_server,  # noqa: F401
)

BO, ANNA = "bo@kommune.example", "anna@kommune.example"
COMMENT = "overtog sagen"  # from the leader's comment on Anna Holm's case (see `ws`)


def _addresses(root: Path) -> None:
    concept = root / "koncept.yaml"
    text = concept.read_text(encoding="utf-8").replace(
        "  rådgivere: {}", f'  rådgivere: {{"Bo Lind": "{BO}", "Anna Holm": "{ANNA}"}}'
    )
    concept.write_text(text, encoding="utf-8")


def _body(mail: Message, kind: str = "text/plain") -> str:
    """The mail's text (or, `kind` text/html, its HTML part)."""
    parts = mail.get_payload() if mail.is_multipart() else [mail]
    assert isinstance(parts, list)
    (part,) = [p for p in parts if p.get_content_type() == kind]
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode("utf-8").replace("\r\n", "\n")


def test_over_starttls_each_caseworker_gets_their_own_letter(
    cli: Cli,
    ws: Path,  # noqa: F811
    tls_server: tuple[Inbox, int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inbox, port = tls_server
    _addresses(ws)
    _configure(port, TLS + '    adgangskode_miljø: "TILSYN_TEST_KODE"\n')
    monkeypatch.setenv("TILSYN_TEST_KODE", PASSWORD)
    result = cli(*ARGS, "--mail")
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith("Sendt: 2 breve.")
    assert "O023" not in result.stderr
    (anna,) = inbox.to(ANNA)
    assert anna["Subject"] == "Tilbagemelding fra ledelsestilsynet 2026-11"
    text = _body(anna)
    assert text.startswith("# Tilbagemelding fra ledelsestilsynet 2026-11\n\nTil: Anna Holm")
    assert f"en kollega {COMMENT}" in text and "XXXXXX" in text and "1234" not in text
    assert anna.get_content_type() == "multipart/alternative"
    page = _body(anna, "text/html")  # the tables read well only as a page
    assert page.startswith("<!DOCTYPE html>") and "<table" in page and "Til: Anna Holm" in page
    assert f"en kollega {COMMENT}" in page and "XXXXXX" in page and "1234" not in page
    (bo,) = inbox.to(BO)
    assert "Til: Bo Lind" in _body(bo) and COMMENT not in _body(bo)


def test_in_clear_text_the_mail_says_where_the_letter_lies_and_nothing_from_it(
    cli: Cli,
    ws: Path,  # noqa: F811
) -> None:
    inbox = Inbox()
    for port in _serve(inbox):
        _addresses(ws)
        _configure(port, PLAIN)
        result = cli(*ARGS, "--mail")
    assert result.exit_code == 0, result.output
    assert "advarsel O023: mail sendes ukrypteret (starttls: nej)" in result.stderr
    assert result.stdout.rstrip().endswith("Sendt: 2 beskeder om, hvor brevet ligger.")
    (anna,) = inbox.to(ANNA)
    text = _body(anna)
    letter = next((ws / "tilbagemeldinger" / "2026-11").glob("Anna_Holm*.html"))
    assert text.startswith("Kære Anna Holm\n") and not anna.is_multipart()
    assert f"tilbagemeldinger/2026-11/{letter.name}" in text
    assert COMMENT not in text and "partshøring" not in text
    assert "Fund" not in text and "S-2026" not in text
    assert "en kollega overtog sagen" in letter.read_text(encoding="utf-8")  # in the file only
    (bo,) = inbox.to(BO)
    assert _body(bo).startswith("Kære Bo Lind\n")


@pytest.mark.parametrize("other", [ANNA, ANNA.upper(), f" {ANNA}"])
def test_two_caseworkers_with_one_address_is_an_error_and_no_letter_is_sent(
    cli: Cli,
    ws: Path,  # noqa: F811
    tls_server: tuple[Inbox, int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    other: str,
) -> None:
    """A copied line in `formidling: rådgivere` gave Bo Lind Anna Holm's address: Anna got
    Bo's letter too, with the leader's comments on his cases."""
    inbox, port = tls_server
    concept = ws / "koncept.yaml"
    text = concept.read_text(encoding="utf-8").replace(
        "  rådgivere: {}", f'  rådgivere: {{"Anna Holm": "{ANNA}", "Bo Lind": "{other}"}}'
    )
    concept.write_text(text, encoding="utf-8")
    _configure(port, TLS + '    adgangskode_miljø: "TILSYN_TEST_KODE"\n')
    monkeypatch.setenv("TILSYN_TEST_KODE", PASSWORD)
    result = cli(*ARGS, "--mail")
    output = result.output + (result.stderr or "")
    assert result.exit_code in (1, 2), output
    assert "fejl M003: 'rådgivere': to rådgivere har samme adresse. Tip: giv hver" in output, output
    assert inbox.mails == []


def _tls(port: int, monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    _addresses(root)
    _configure(port, TLS + '    adgangskode_miljø: "TILSYN_TEST_KODE"\n')
    monkeypatch.setenv("TILSYN_TEST_KODE", PASSWORD)


def test_mailing_again_sends_only_the_letters_that_changed(
    cli: Cli,
    ws: Path,  # noqa: F811
    tls_server: tuple[Inbox, int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The README says to run `tilbagemelding` again when a late review is finished; with
    `--mail` that sent every caseworker the same letter once more, each time."""
    inbox, port = tls_server
    _tls(port, monkeypatch, ws)
    assert cli(*ARGS, "--mail").exit_code == 0
    assert len(inbox.mails) == 2
    later = ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-28", "--mail")
    result = cli(*later)  # another day: the date alone does not make a letter changed
    assert result.exit_code == 0, result.output
    assert len(inbox.mails) == 2
    assert result.stdout.rstrip().endswith(
        "Intet sendt: 2 breve er uændret siden 2026-11-25, da de blev sendt, og er ikke "
        "sendt igen.\nTip: --send-igen sender dem alligevel."
    )
    review = ws / "udtræk/2026-11-månedligt-overordnet/S-2026-11-000.yaml"  # Anna Holm's
    text = review.read_text(encoding="utf-8")
    review.write_text(text.replace("partshøring gennemføres", "partshøring nu"), encoding="utf-8")
    result = cli(*later)
    assert result.exit_code == 0, result.output
    assert [rcpt for rcpt, _ in inbox.mails[2:]] == [[ANNA]]
    assert "partshøring nu" in _body(inbox.mails[2][1])
    assert result.stdout.rstrip().endswith(
        "Sendt: 1 brev. 1 brev er uændret siden 2026-11-25, da det blev sendt, og er ikke "
        "sendt igen.\nTip: --send-igen sender det alligevel."
    )
    result = cli(*later, "--send-igen")
    assert result.exit_code == 0, result.output
    assert sorted(rcpt for rcpt, _ in inbox.mails[3:]) == [[ANNA], [BO]]
    assert result.stdout.rstrip().endswith("Sendt: 2 breve.")


def test_send_again_without_mail_is_a_usage_error(cli: Cli, ws: Path) -> None:  # noqa: F811
    result = cli(*ARGS, "--send-igen")
    assert result.exit_code == 2
    assert "fejl O025: --send-igen bruges kun sammen med --mail." in result.stderr
    assert not (ws / "tilbagemeldinger").exists()


class _RefusesBoOnce(Inbox):
    """A mail server that refuses the first mail to Bo Lind (after Anna Holm's went out)."""

    refused = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if BO in envelope.rcpt_tos and not self.refused:
            self.refused = True
            return "554 afvist"
        return await super().handle_DATA(server, session, envelope)


def test_a_run_the_mail_server_stopped_half_way_sends_only_the_rest_next_time(
    cli: Cli,
    ws: Path,  # noqa: F811
) -> None:
    inbox = _RefusesBoOnce()
    for port in _serve(inbox):
        _addresses(ws)
        _configure(port, PLAIN)
        stopped = cli(*ARGS, "--mail")
        again = cli(*ARGS, "--mail")
    assert stopped.exit_code == 2, stopped.output
    assert "R020" in stopped.stderr
    assert again.exit_code == 0, again.output
    assert [rcpt for rcpt, _ in inbox.mails] == [[ANNA], [BO]]
    assert "Sendt: 1 besked om, hvor brevet ligger. 1 brev er uændret" in again.stdout


def test_an_address_written_first_name_first_finds_a_caseworker_named_surname_first(
    cli: Cli,
    ws: Path,  # noqa: F811
    tls_server: tuple[Inbox, int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The export says 'Holm, Anna'; the concept, like its preset's example, 'Anna Holm'
    (or 'lind, bo'): the same person, as for --rådgiver. The letter was not sent (O021)."""
    inbox, port = tls_server
    concept = ws / "koncept.yaml"
    text = concept.read_text(encoding="utf-8").replace(
        "  rådgivere: {}", f'  rådgivere: {{"Lind, Bo": "{BO}", "holm, anna": "{ANNA}"}}'
    )
    concept.write_text(text, encoding="utf-8")
    _configure(port, TLS + '    adgangskode_miljø: "TILSYN_TEST_KODE"\n')
    monkeypatch.setenv("TILSYN_TEST_KODE", PASSWORD)
    result = cli(*ARGS, "--mail")
    assert result.exit_code == 0, result.output
    assert "Anna Holm har ingen adresse" not in result.stderr, result.stderr
    assert "Bo Lind har ingen adresse" not in result.stderr, result.stderr
    assert result.stdout.rstrip().endswith("Sendt: 2 breve."), result.stdout
    assert len(inbox.to(ANNA)) == 1 and len(inbox.to(BO)) == 1
