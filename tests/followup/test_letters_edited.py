"""`tilsyn tilbagemelding` again: a letter a person edited (a note added before it is handed
over) is kept as it stands, never rewritten, removed or mailed in another version, and the
run says how many letters it wrote for which period."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from test_letters import ARGS, ws  # noqa: F401  (the workspace fixture)
from test_letters_mail import ANNA, _addresses, _body, _tls
from test_remind_smtp import PLAIN, Inbox, _configure, _serve, certificate, tls_server  # noqa: F401

from conftest import Cli

NOTE = "\nPS: Tak for en god snak i går. Hilsen Lene\n"
FOLDER = Path("tilbagemeldinger", "2026-11")
LATER = ("tilbagemelding", "--periode", "2026-11", "--dato", "2026-11-26")


def _letter(root: Path, worker: str, suffix: str) -> Path:
    stem = worker.replace(" ", "_")
    (path,) = (root / FOLDER).glob(f"{stem}-*{suffix}")
    return path


def _put_comments_right(root: Path, worker: str | None = None) -> int:
    """Every comment on `worker`'s cases (everyone's: None) in the round, put right, as a
    caseworker would after the letter; how many reviews changed."""
    changed = 0
    for review in sorted(root.glob("udtræk/*2026-11*/S-*.yaml")):
        text = review.read_text(encoding="utf-8")
        if worker is None or f'rådgiver: "{worker}"' in text:
            review.write_text(
                re.sub(r'kommentar: "(?=[^"])', 'kommentar: "Rettet: ', text), "utf-8"
            )
            changed += 1
    return changed


def _add_note(path: Path) -> str:
    text = path.read_text(encoding="utf-8") + NOTE
    path.write_text(text, encoding="utf-8")
    return text


def test_a_letter_edited_by_hand_is_kept_and_said(cli: Cli, ws: Path) -> None:  # noqa: F811
    """Lene added a personal note to Anna's letter before handing it over; the next run
    (a review finished late, a new date) wrote every letter anew, and the note was gone."""
    assert cli(*ARGS).exit_code == 0
    md, html = _letter(ws, "Anna Holm", ".md"), _letter(ws, "Anna Holm", ".html")
    edited = _add_note(md)
    page = html.read_bytes()
    bo = _letter(ws, "Bo Lind", ".md")
    handed = bo.read_text(encoding="utf-8")
    result = cli(*LATER)
    assert result.exit_code == 0, result.output
    assert md.read_text(encoding="utf-8") == edited
    assert html.read_bytes() == page  # the pair stays one letter
    assert bo.read_text(encoding="utf-8") == handed  # only the date would be new: as handed out
    shown = f"tilbagemeldinger/2026-11/{md.name}"
    assert f"{shown}: advarsel O028: brevet er rettet, efter tilsyn skrev det" in result.stderr
    assert "overskrives ikke" in result.stderr and "slet eller omdøb" in result.stderr
    assert result.stderr.count("O028") == 1  # one letter, one warning
    assert shown not in result.stdout and html.name not in result.stdout
    assert "1 redigeret og beholdt" in result.stdout
    again = cli(*LATER)
    assert again.exit_code == 0 and md.read_text(encoding="utf-8") == edited
    md.rename(md.with_name("Anna_med_hilsen.md"))  # as the warning says: a fresh letter
    fresh = cli(*LATER)
    assert fresh.exit_code == 0 and "O028" not in fresh.stderr
    assert NOTE.strip() not in md.read_text(encoding="utf-8")
    assert "26. november 2026" in html.read_text(encoding="utf-8")
    assert (ws / FOLDER / "Anna_med_hilsen.md").read_text(encoding="utf-8") == edited


def test_an_edited_html_letter_keeps_its_markdown_too(cli: Cli, ws: Path) -> None:  # noqa: F811
    assert cli(*ARGS).exit_code == 0
    md, html = _letter(ws, "Anna Holm", ".md"), _letter(ws, "Anna Holm", ".html")
    text = html.read_text(encoding="utf-8").replace("</body>", "<p>PS: Hilsen Lene</p></body>")
    html.write_text(text, encoding="utf-8")
    before = md.read_bytes()
    result = cli(*LATER)
    assert result.exit_code == 0, result.output
    assert html.read_text(encoding="utf-8") == text and md.read_bytes() == before
    assert f"tilbagemeldinger/2026-11/{html.name}: advarsel O028" in result.stderr


def test_a_letter_file_tilsyn_did_not_write_is_not_overwritten(
    cli: Cli,
    ws: Path,  # noqa: F811
) -> None:
    """With no record of what tilsyn wrote (`.breve` deleted), a letter that differs from
    today's is taken as edited: it is kept, never overwritten."""
    assert cli(*ARGS).exit_code == 0
    md = _letter(ws, "Anna Holm", ".md")
    edited = _add_note(md)
    (ws / FOLDER / ".breve").unlink()
    result = cli(*LATER)
    assert result.exit_code == 0, result.output
    assert md.read_text(encoding="utf-8") == edited and "O028" in result.stderr


def test_an_edited_letter_is_not_removed(cli: Cli, ws: Path) -> None:  # noqa: F811
    assert cli(*ARGS).exit_code == 0
    md, html = _letter(ws, "Finn Bak", ".md"), _letter(ws, "Finn Bak", ".html")
    edited = _add_note(md)
    for review in ws.glob("udtræk/*2026-11*/S-*.yaml"):  # Finn's reviews reopened
        text = review.read_text(encoding="utf-8")
        if 'rådgiver: "Finn Bak"' in text:
            review.write_text(re.sub(r'(?m)^gennemført_af: ".*"$', 'gennemført_af: ""', text))
    result = cli(*LATER)
    assert result.exit_code == 0, result.output
    assert md.read_text(encoding="utf-8") == edited and html.is_file()
    assert f"tilbagemeldinger/2026-11/{md.name}: advarsel O028" in result.stderr
    assert "rådgiveren får intet brev for perioden nu" in result.stderr
    assert "Flyttet" not in result.stdout
    md.unlink()  # the leader deleted the edited one: the rest is tilsyn's and goes
    assert "Flyttet" in cli(*LATER).stdout and not html.exists()


@pytest.fixture
def inbox(
    ws: Path,  # noqa: F811
    tls_server: tuple[Inbox, int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> Inbox:
    """The caseworkers' mail over STARTTLS (`test_letters_mail`)."""
    _tls(tls_server[1], monkeypatch, ws)
    return tls_server[0]


def test_the_mail_is_the_edited_letter_as_it_stands(
    cli: Cli,
    ws: Path,  # noqa: F811
    inbox: Inbox,
) -> None:
    assert cli(*ARGS).exit_code == 0
    md, html = _letter(ws, "Anna Holm", ".md"), _letter(ws, "Anna Holm", ".html")
    _add_note(md)
    text = html.read_text(encoding="utf-8").replace(
        "</body>", "<p>PS: Hilsen Lene, CPR 010203-1234</p></body>"
    )
    html.write_text(text, encoding="utf-8")
    result = cli(*LATER, "--mail")
    assert result.exit_code == 0, result.output
    (anna,) = inbox.to(ANNA)
    assert _body(anna).endswith(NOTE) and "25. november 2026" in _body(anna)
    page = _body(anna, "text/html")
    assert "PS: Hilsen Lene, CPR XXXXXX-XXXX" in page and "1234" not in page  # still gated
    again = cli(*LATER, "--mail")  # sent as it stands: not again
    assert again.exit_code == 0 and len(inbox.to(ANNA)) == 1
    _add_note(md)  # edited once more: sent again
    assert cli(*LATER, "--mail").exit_code == 0 and len(inbox.to(ANNA)) == 2


@pytest.mark.parametrize(("edited", "deleted"), [(".md", ".html"), (".html", ".md")])
def test_in_clear_text_the_mail_names_only_the_letter_files_that_are_there(
    cli: Cli,
    ws: Path,  # noqa: F811
    edited: str,
    deleted: str,
) -> None:
    """Lene added her note to one file of Anna's letter and deleted the other; the clear-text
    mail told Anna the letter lay as the .html (and as .md beside it), a file that was gone."""
    assert cli(*ARGS).exit_code == 0
    kept, gone = _letter(ws, "Anna Holm", edited), _letter(ws, "Anna Holm", deleted)
    _add_note(kept)
    gone.unlink()
    inbox = Inbox()
    for port in _serve(inbox):
        _addresses(ws)
        _configure(port, PLAIN)
        result = cli(*LATER, "--mail")
    assert result.exit_code == 0, result.output
    (anna,) = inbox.to(ANNA)
    text = _body(anna)
    assert f"som tilbagemeldinger/2026-11/{kept.name}." in text, text
    assert gone.name not in text and "ved siden af" not in text
    named = re.findall(r"tilbagemeldinger/2026-11/\S+\.(?:md|html)", text)
    assert named and all((ws / name).is_file() for name in named), named


def test_the_run_says_how_many_letters_for_which_period(cli: Cli, ws: Path) -> None:  # noqa: F811
    first = cli(*ARGS)
    assert first.exit_code == 0, first.output
    letters = len(list((ws / FOLDER).glob("*.md")))
    assert letters > 1
    assert first.stdout.splitlines()[-1] == (
        f"Skrev {letters} breve for 2026-11 i tilbagemeldinger/2026-11/."
    )
    same = cli(*ARGS)
    assert same.stdout.splitlines()[-1] == (
        f"Skrev 0 breve for 2026-11 i tilbagemeldinger/2026-11/ ({letters} uændrede)."
    )
    one = cli(*LATER, "--rådgiver", "Anna Holm")  # a later day alone: the letter as it was
    assert one.stdout.splitlines()[-1] == (
        "Skrev 0 breve for 2026-11 i tilbagemeldinger/2026-11/ (1 uændret)."
    )
    (ws / FOLDER / _letter(ws, "Anna Holm", ".md").name).unlink()
    one = cli(*LATER, "--rådgiver", "Anna Holm")
    assert one.stdout.splitlines()[-1] == (
        "Skrev 1 brev for 2026-11 i tilbagemeldinger/2026-11/ (1 skrevet om; det tidligere "
        "står i tilbagemeldinger/2026-11/tidligere/)."
    )
    _add_note(_letter(ws, "Bo Lind", ".md"))
    both = cli(*ARGS)
    assert both.stdout.splitlines()[-1] == (
        f"Skrev 0 breve for 2026-11 i tilbagemeldinger/2026-11/ ({letters - 1} uændrede, "
        "1 redigeret og beholdt)."
    )


def test_an_edited_letter_covers_only_the_cases_it_covered(cli: Cli, ws: Path) -> None:  # noqa: F811
    """`påmind` asks for the letters again when a case is finished after them (`.sager`); a
    kept, edited letter does not tell of a case finished since, so it must not count."""
    late = ws / "udtræk" / "2026-11-månedligt-overordnet" / "S-2026-11-006.yaml"
    assert 'rådgiver: "Anna Holm"' in late.read_text(encoding="utf-8")
    finished = late.read_text(encoding="utf-8")
    late.write_text(re.sub(r'(?m)^gennemført_af: ".*"$', 'gennemført_af: ""', finished))
    assert cli(*ARGS).exit_code == 0
    case = late.stem
    covered = (ws / FOLDER / ".sager").read_text(encoding="utf-8").split()
    assert case not in covered and "S-2026-11-000" in covered
    _add_note(_letter(ws, "Anna Holm", ".md"))
    late.write_text(finished, encoding="utf-8")  # finished after the letters
    assert cli(*LATER).exit_code == 0
    covered = (ws / FOLDER / ".sager").read_text(encoding="utf-8").split()
    assert case not in covered and "S-2026-11-000" in covered


def test_a_letter_handed_out_is_kept_when_a_later_run_changes_it(
    cli: Cli,
    ws: Path,  # noqa: F811
) -> None:
    """Found by probe W: a second run (a comment put right, a correction now overdue)
    rewrote every letter in place with a new date, and what a caseworker had been told was
    gone. Now the earlier letter is kept in `tidligere/`, named with the day it was written,
    and the run says so; a run that would change nothing but the date changes nothing."""
    assert cli(*ARGS).exit_code == 0
    md, html = _letter(ws, "Anna Holm", ".md"), _letter(ws, "Anna Holm", ".html")
    handed = md.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")
    later = cli(*LATER)
    assert later.exit_code == 0 and "skrevet om" not in later.stdout, later.output
    assert (md.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")) == handed
    assert not (ws / FOLDER / "tidligere").exists()
    changed = _put_comments_right(ws, "Anna Holm")
    assert changed
    result = cli(*LATER)
    assert result.exit_code == 0, result.output
    assert "skrevet om; de" in result.stdout or "skrevet om; det" in result.stdout
    assert "de tidligere står i tilbagemeldinger/2026-11/tidligere/" in result.stdout or (
        "det tidligere står i tilbagemeldinger/2026-11/tidligere/" in result.stdout
    )
    assert "Rettet: " in md.read_text(encoding="utf-8")
    written = md.stat().st_mtime
    earlier = ws / FOLDER / "tidligere"
    day = date.fromtimestamp(written).isoformat()
    assert (earlier / f"{md.stem} {day}.md").read_text(encoding="utf-8") == handed[0]
    assert (earlier / f"{html.stem} {day}.html").read_text(encoding="utf-8") == handed[1]


def test_an_earlier_letter_is_never_kept_through_a_link(
    cli: Cli,
    ws: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """`tidligere/` as a symbolic link to outside the workspace is refused (W002), as every
    folder tilsyn writes in, and nothing is written where it points."""
    assert cli(*ARGS).exit_code == 0
    outside = tmp_path / "ude"
    outside.mkdir()
    (ws / FOLDER / "tidligere").symlink_to(outside)
    _put_comments_right(ws)
    result = cli(*LATER)
    assert result.exit_code == 1 and "W002" in result.output, result.output
    assert not any(outside.iterdir())


def test_letters_a_killed_run_wrote_are_tilsyn_s_own_the_next_time(
    cli: Cli,
    ws: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Probe AX, H1: a run killed after its first letter (the window closed) left that letter
    unnamed in `.breve`; the next run called it edited by a person (O028) and kept it, with
    the old figures, until the leader deleted it."""
    from ledelsestilsyn.followup import feedback

    assert cli(*ARGS).exit_code == 0
    reviews = sorted(ws.glob("udtræk/*2026-11*/S-*.yaml"))
    before = {p: p.read_text(encoding="utf-8") for p in reviews}
    for review, text in before.items():
        review.write_text(re.sub(r'kommentar: "(?=[^"])', 'kommentar: "Rettet: ', text), "utf-8")
    real = feedback.write_atomic
    calls = []

    def killed_after_one(*args: object, **kwargs: object) -> None:
        if calls:
            raise SystemExit(137)  # the process is gone: nothing after this runs
        calls.append(args)
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(feedback, "write_atomic", killed_after_one)
    cli(*LATER)
    monkeypatch.setattr(feedback, "write_atomic", real)
    assert calls  # one letter file was written
    for review, text in before.items():  # the change undone
        review.write_text(text, encoding="utf-8")
    result = cli(*LATER)
    assert result.exit_code == 0, result.output
    assert "O028" not in result.stderr
    assert "Rettet: " not in "".join(p.read_text("utf-8") for p in (ws / FOLDER).glob("*.md"))


def test_a_letter_rewritten_is_counted_once_however_its_files_were_kept(
    cli: Cli,
    ws: Path,  # noqa: F811
) -> None:
    """Probe AX, L5: after a killed run one file of a pair stood in `tidligere/` already, the
    other did not, the two copies got different names, and the run said 'Skrev 7 breve …
    8 skrevet om'."""
    assert cli(*ARGS).exit_code == 0
    md = _letter(ws, "Anna Holm", ".md")
    day = date.fromtimestamp(md.stat().st_mtime).isoformat()
    earlier = ws / FOLDER / "tidligere"
    earlier.mkdir()
    (earlier / f"{md.stem} {day}.md").write_text("en kopi fra en afbrudt kørsel\n", "utf-8")
    _put_comments_right(ws, "Anna Holm")
    result = cli(*LATER)
    assert result.exit_code == 0, result.output
    assert "1 skrevet om; det tidligere står i" in result.stdout, result.stdout
    assert len(list(earlier.iterdir())) == 3  # the copy, and the pair kept now


def test_an_edited_letter_tilsyn_would_now_write_otherwise_is_said_to_be_out_of_date(
    cli: Cli,
    ws: Path,  # noqa: F811
) -> None:
    """Probe AX, M1: a greeting added to a letter, then a finding in the case changed: the
    warning was word for word the one for a letter that still holds, and the leader would
    have handed out the old letter."""
    assert cli(*ARGS).exit_code == 0
    md = _letter(ws, "Anna Holm", ".md")
    _add_note(md)
    same = cli(*LATER)  # only the day is new
    assert "O028" in same.stderr and "ændret sig" not in same.stderr, same.stderr
    _put_comments_right(ws, "Anna Holm")
    changed = cli(*LATER)
    said = " ".join(changed.stderr.split())
    assert "sagerne har ændret sig siden: tilsyn ville skrive noget andet i brevet i dag" in said
    assert f"(fx til '{md.stem}_rettet.md')" in said  # its own name, not Anna's (probe BG)
    assert NOTE.strip() in md.read_text(encoding="utf-8")  # kept as it stands


def test_a_killed_first_run_leaves_letters_that_cover_no_case_for_påmind(
    cli: Cli,
    ws: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Probe AY, H1: the first run for a period, killed after one letter, left no list of the
    cases the letters cover, and one letter then counted as covering every case; a temp
    letter counted as a letter too. `påmind` fell silent about the letters still due."""
    from ledelsestilsyn.followup import feedback
    from ledelsestilsyn.schedule.letters_due import pending, written_periods

    real, calls = feedback.write_atomic, []

    def killed_after_one_letter(path: Path, *args: object, **kwargs: object) -> None:
        if path.suffix == ".md" and calls:
            raise SystemExit(137)
        if path.suffix == ".md":
            calls.append(path)
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(feedback, "write_atomic", killed_after_one_letter)
    cli(*ARGS)
    monkeypatch.undo()
    assert calls
    (ws / FOLDER / ".tilsyn-tmp-999999-Bo_Lind.md").write_text("halvt brev\n", "utf-8")
    written = written_periods(ws)
    assert [ids for _, ids in written] == [frozenset()]
    due, _ = pending({("månedligt", "2026-11"): ("2026-11-20", ["S-2026-11-000"])}, written)
    assert list(due) == [("månedligt", "2026-11")]
    only_temp = ws / "tilbagemeldinger" / "2026-10"
    only_temp.mkdir()
    (only_temp / ".tilsyn-tmp-999999-Bo_Lind.md").write_text("halvt brev\n", "utf-8")
    assert [p.label for p, _ in written_periods(ws)] == ["2026-11"]


def test_a_letters_folder_that_is_a_link_has_no_letters_for_påmind(
    cli: Cli,
    ws: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Probe AY, L5: `tilbagemelding` refuses a letters folder that is a link (W002), but
    `påmind` read through it and counted its letters as written."""
    from ledelsestilsyn.schedule.letters_due import written_periods

    elsewhere = tmp_path / "andetsteds"
    elsewhere.mkdir()
    (elsewhere / "Anna_Holm.md").write_text("et brev\n", "utf-8")
    (ws / "tilbagemeldinger").mkdir()
    (ws / "tilbagemeldinger" / "2026-11").symlink_to(elsewhere, target_is_directory=True)
    assert written_periods(ws) == []
