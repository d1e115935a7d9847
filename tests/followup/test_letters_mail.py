"""`tilsyn tilbagemelding --mail` against a real SMTP server: the letter goes to its own
caseworker over STARTTLS; in clear text only word of where it lies."""

from __future__ import annotations

import sys
from email.message import Message
from pathlib import Path

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


def _body(mail: Message) -> str:
    payload = mail.get_payload(decode=True)
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
    assert text.startswith("Kære Anna Holm\n")
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
    assert "fejl M003" in output and "samme adresse som en anden rådgiver" in output, output
    assert inbox.mails == []
