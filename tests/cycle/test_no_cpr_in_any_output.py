"""No CPR number reaches any output, whatever field it is typed into (issue 12 §1).

A random CPR number, in any spelling a person or Excel produces, is put into
one field of a review or into one column of the export. Then every command
and output format runs: udtræk, valider (text, json), rapport (md, html, csv, xlsx, pdf,
for leder and udvalg; md and html for afdeling), påmind (--altid, and --mail to a local
SMTP server), årshjul (table, ics), tiltag, tilbagemelding and tjek. Every byte written
is searched for the number's ten digits in any spelling: stdout, stderr, every file in the
workspace (except the input the number was typed into), the name of every file and folder,
and every mail.
"""

from __future__ import annotations

import contextlib
import csv
import html
import re
import shutil
import socket
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pypdf
import pytest
from aiosmtpd.controller import Controller
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EKSEMPLER, ROOT, Cli

MONTHLY, THEMED = "månedligt-overordnet", "tematiseret"
DAY = "2026-11-25"
FOLDER = Path("udtræk") / f"2026-11-{MONTHLY}"
SEPARATORS = [
    *["", "-", " ", "\u00a0", "\u2013", "\u2014", "\u2010", "\u2011", "/", ".", " - "],
    *["_", "--", "\u200e-", "-\u200f", "\u2066-\u2069"],  # underscore, doubled, direction marks
]
# What may stand between the digits of a number as it is shown: separators,
# invisible characters, and the escapes of JSON, HTML and e-mail encodings.
_BETWEEN = re.compile(
    r"[\s\u00a0\u2007\u2009\u202f\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u061c\ufeff"
    r"./_\-‐‑‒–—―−=]"
)


class Inbox:
    def __init__(self) -> None:
        self.mails: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.mails.append(bytes(envelope.content))
        return "250 OK"


@st.composite
def cpr_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(digits, spelling) of a CPR number with a real date."""
    day = draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2029, 12, 31)))
    digits = f"{day:%d%m%y}{draw(st.integers(0, 9999)):04d}"
    if draw(st.integers(0, 3)) == 0:  # written as a date of birth: `01.02.03-1234`
        mark, apart = draw(st.sampled_from(".-/")), draw(st.sampled_from(["-", " - ", "/"]))
        if draw(st.booleans()):  # the year in four digits: search for those twelve digits
            return (
                f"{day:%d%m%Y}{digits[6:]}",
                f"{day:%d}{mark}{day:%m}{mark}{day:%Y}{apart}{digits[6:]}",
            )
        return digits, f"{day:%d}{mark}{day:%m}{mark}{day:%y}{apart}{digits[6:]}"
    if draw(st.booleans()):
        space = draw(st.sampled_from([" ", "\u00a0"]))
        cuts = sorted(draw(st.sets(st.integers(1, 9), min_size=1, max_size=4)))
        parts = [digits[a:b] for a, b in zip([0, *cuts], [*cuts, 10], strict=True)]
        return digits, space.join(parts)
    return digits, digits[:6] + draw(st.sampled_from(SEPARATORS)) + digits[6:]


TEXTS = st.sampled_from(["{}", "Emil Sørensen {}", "ja {}", "barnet {} ringede"])

# Where a leader could type it: (line to find in a filled review, how to change it).
REVIEW_FIELDS: dict[str, tuple[str, Callable[[str], str]]] = {
    "tilsyn": (r"^tilsyn: .*$", lambda v: f'tilsyn: "{v}"'),
    "skabelon": (r"^skabelon: .*$", lambda v: f'skabelon: "{v}"'),
    "periode": (r"^periode: .*$", lambda v: f'periode: "{v}"'),
    "sag.id": (r"^  id: .*$", lambda v: f'  id: "{v}"'),
    "sag.rådgiver": (r"^  rådgiver: .*$", lambda v: f'  rådgiver: "{v}"'),
    "sag.team": (r"^  team: .*$", lambda v: f'  team: "{v}"'),
    "gennemført_af": (r"^gennemført_af: .*$", lambda v: f'gennemført_af: "{v}"'),
    "dato": (r"^dato: .*$", lambda v: f'dato: "{v}"'),
    "udgangspunkt": (r"^udgangspunkt: .*$", lambda v: f'udgangspunkt: "{v}"'),
    "svar": (r'^      svar: "ja"$', lambda v: f'      svar: "{v}"'),
    "kommentar": (r"^      kommentar: ''$", lambda v: f'      kommentar: "{v}"'),
    "spørgsmål": (r"^    underretning-2:$", lambda v: f'    "{v}":'),
    "sagsskridt": (r"^  screening:$", lambda v: f'  "{v}":'),
    "ukendt nøgle": (r"^tilsyn: ", lambda v: f'"{v}": x\ntilsyn: '),
}
with (EKSEMPLER / "eksport.csv").open(encoding="cp1252") as _export:
    # Every column but the CPR column itself (that one is never copied, by design).
    EXPORT_COLUMNS = [c for c in _export.readline().strip().split(";") if c != "CPR-nr."]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _fill(path: Path, answers: int | None) -> None:
    text = path.read_text(encoding="utf-8")
    text = text.replace('gennemført_af: ""', 'gennemført_af: "Jakob Bæk"', 1)
    text = text.replace('dato: ""', 'dato: "2026-11-10"', 1)
    text = re.sub('svar: ""', 'svar: "ja"', text, count=answers or 0)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, smtp: tuple[Inbox, int]) -> Path:
    """The example workspace with a drawn sample: three reviews done, one half done."""
    folder = tmp_path_factory.mktemp("cpr") / "arbejdsmappe"
    shutil.copytree(EKSEMPLER, folder)
    concept = folder / "koncept.yaml"
    block = (
        f'påmindelse:\n  smtp:\n    server: "127.0.0.1"\n    port: {smtp[1]}\n'
        '    starttls: nej\n    tillad_ukrypteret: ja\n    afsender: "tilsyn@eksempelby.example"\n'
    )
    text = concept.read_text(encoding="utf-8")
    concept.write_text(text.replace("påmindelse:\n", block, 1), encoding="utf-8")
    with contextlib.chdir(folder):
        result = Cli()("udtræk", "eksport.csv", "--tilsyn", MONTHLY, "--periode", "2026-11")
        assert result.exit_code == 0, result.output
    reviews = sorted(p for p in (folder / FOLDER).glob("*.yaml") if p.name != "udtræk.yaml")
    for path in reviews[:3]:
        _fill(path, None)
    _fill(reviews[3], 2)
    return folder


def _commands() -> list[list[str]]:
    dated = ["--dato", DAY]
    reports = [
        ["rapport", "--periode", "2026-11", "--format", fmt, "--modtager", who, "-o", out, *dated]
        for fmt in ("md", "html", "csv", "xlsx", "pdf")
        for who in ("leder", "udvalg")
        for out in [f"rapporter/{who}.{fmt}"]
    ] + [
        ["rapport", "--periode", "2026-11", "--format", fmt, "--modtager", "afdeling", *dated]
        for fmt in ("md", "html")
    ]
    return [
        ["udtræk", "eksport.csv", "--tilsyn", THEMED, "--periode", "2026-11"],
        ["udtræk", "eksport.csv", "--tilsyn", MONTHLY, "--periode", "2026-11", "--antal", "12"],
        ["valider", *dated],
        ["valider", "--format", "json", *dated],
        *reports,
        ["påmind", "--altid", *dated],
        ["påmind", "--altid", "--mail", *dated],
        ["årshjul", "2026", *dated],
        ["årshjul", "2026", "--format", "ics", "-o", "årshjul.ics", *dated],
        ["tiltag", *dated],
        ["tilbagemelding", "--periode", "2026-11", *dated],
        ["tjek"],
        ["skabelon"],
        ["skema"],
    ]


def _views(text: str) -> list[str]:
    """The text as written, and with JSON, HTML and e-mail escapes undone."""
    json_free = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m[1], 16)), text)
    return [text, json_free, html.unescape(json_free)]


def _leaks(text: str, digits: str) -> bool:
    return any(digits in _BETWEEN.sub("", view) for view in _views(text))


def _mail_texts(raw: bytes) -> list[str]:
    message: Message = message_from_bytes(raw)
    texts = [raw.decode("utf-8", "replace"), str(dict(message.items()))]
    for part in message.walk():
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            texts.append(payload.decode("utf-8", "replace"))
    return texts


def _file_text(path: Path) -> str:
    """A file's text; a workbook's is the XML inside its zip (the cells are compressed), a
    PDF's is the text pypdf reads from its pages."""
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    if path.suffix != ".xlsx":
        return path.read_text("utf-8", "replace")
    with zipfile.ZipFile(path) as book:
        return "".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())


def _run_everything(
    base: Path,
    inbox: Inbox,
    digits: str,
    change: Callable[[Path], Path],
    extra: tuple[tuple[str, ...], ...] = (),
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "arbejdsmappe"
        shutil.copytree(base, folder)
        typed_into = change(folder)
        inbox.mails.clear()
        cli = Cli()
        written: list[tuple[str, str]] = []
        with contextlib.chdir(folder):
            for args in [*_commands(), *extra]:
                result = cli(*args)
                written.append((" ".join(args), result.stdout + (result.stderr or "")))
        for path in sorted(folder.rglob("*")):
            name = str(path.relative_to(folder))
            written.append((f"navnet {name}", name))  # a file's or folder's name is output too
            if path.is_file() and path not in (typed_into, folder / "eksport.csv"):
                written.append((name, _file_text(path)))
        written += [(f"mail {i}", t) for i, m in enumerate(inbox.mails) for t in _mail_texts(m)]
        leaks = [where for where, text in written if _leaks(text, digits)]
        assert not leaks, f"{digits} står i: {leaks}"


def _examples(count: int) -> Callable[[Any], Any]:
    """A few examples each (every one runs all commands, about 3 s); derandomized in CI."""
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


@_examples(8)
@given(
    number=cpr_numbers(),
    text=TEXTS,
    field=st.sampled_from(sorted(REVIEW_FIELDS)),
    row=st.integers(0, 3),
)
def test_a_cpr_number_in_any_review_field_reaches_no_output(
    base: Path, smtp: tuple[Inbox, int], number: tuple[str, str], text: str, field: str, row: int
) -> None:
    digits, spelling = number
    pattern, replacement = REVIEW_FIELDS[field]

    def change(folder: Path) -> Path:
        path = sorted(p for p in (folder / FOLDER).glob("*.yaml") if p.name != "udtræk.yaml")[row]
        before = path.read_text(encoding="utf-8")
        value = text.format(spelling)
        after = re.sub(pattern, lambda _: replacement(value), before, count=1, flags=re.M)
        assert after != before, field
        path.write_text(after, encoding="utf-8")
        return path

    _run_everything(base, smtp[0], digits, change)


@_examples(5)
@given(number=cpr_numbers(), text=TEXTS, column=st.sampled_from(EXPORT_COLUMNS))
def test_a_cpr_number_in_any_export_column_reaches_no_output(
    base: Path, smtp: tuple[Inbox, int], number: tuple[str, str], text: str, column: str
) -> None:
    digits, spelling = number
    value = text.format(spelling)
    try:
        value.encode("cp1252")
    except UnicodeEncodeError:  # the export is Windows-1252: U+2010/U+2011 cannot occur in it
        value = text.format(digits[:6] + "-" + digits[6:])

    def change(folder: Path) -> Path:
        export = folder / "eksport.csv"
        with export.open(encoding="cp1252", newline="") as handle:
            header, *rows = list(csv.reader(handle, delimiter=";"))
        at = header.index(column)
        for number, fields in enumerate(rows):
            if number % 3 == 0 and len(fields) > at:
                fields[at] = value
        with export.open("w", encoding="cp1252", newline="") as handle:
            csv.writer(handle, delimiter=";").writerows([header, *rows])
        return export

    _run_everything(base, smtp[0], digits, change)


@pytest.mark.parametrize("separator", ["-\n", "\n", " -\r\n"])
def test_a_cpr_number_split_over_two_lines_of_a_comment_reaches_no_output(
    base: Path, smtp: tuple[Inbox, int], separator: str
) -> None:
    """A `|` block keeps the line break, so the number reaches every report as two lines."""

    def change(folder: Path) -> Path:
        path = sorted(p for p in (folder / FOLDER).glob("*.yaml") if p.name != "udtræk.yaml")[0]
        before = path.read_text(encoding="utf-8")
        block = f"Emil 010203{separator}1234 ringede.".replace("\n", "\n        ")
        after = re.sub(
            r'^      svar: "ja"\n      kommentar: \'\'$',
            lambda _: f'      svar: "nej"\n      kommentar: |\n        {block}',
            before,
            count=1,
            flags=re.M,
        )
        assert after != before
        path.write_bytes(after.encode("utf-8"))
        return path

    _run_everything(base, smtp[0], "0102031234", change)


# Where the municipality could type it: koncept.yaml, tiltag.yaml, a local template.
CONCEPT_FIELDS: dict[str, tuple[str, Callable[[str], str]]] = {
    "kommune": (r"^kommune: .*$", lambda v: f'kommune: "{v}"'),
    "titel": (r'^    titel: "Månedligt.*$', lambda v: f'    titel: "{v}"'),
    "team i filter": (r'^    team: \["Team Nord"', lambda v: f'    team: ["{v}", "Team Nord"'),
    "bedømmer": (r'^    bedømmere: \["Karen', lambda v: f'    bedømmere: ["{v}", "Karen'),
    "rådgiver": (r"^  rådgivere:$", lambda v: f'  rådgivere:\n    "{v}": "a@b.example"'),
}
TILTAG = """tiltag:
  - id: "t1"
    titel: "{v}"
    beskrivelse: "{v}"
    besluttet: "2026-10-01"
    ansvarlig: "{v}"
    status: "i gang"
    skabelon: "overordnet"
    mål:
      spørgsmål: [underretning-1]
    evalueret: "2026-11-20"
    konklusion: "{v}"
"""


@_examples(6)
@given(
    number=cpr_numbers(),
    text=TEXTS,
    field=st.sampled_from([*sorted(CONCEPT_FIELDS), "tiltag", "lokal skabelon"]),
)
def test_a_cpr_number_in_the_concept_tiltag_or_a_template_reaches_no_output(
    base: Path, smtp: tuple[Inbox, int], number: tuple[str, str], text: str, field: str
) -> None:
    digits, spelling = number
    value = text.format(spelling)

    def change(folder: Path) -> Path:
        if field == "tiltag":
            path = folder / "tiltag.yaml"
            path.write_text(TILTAG.replace("{v}", value), encoding="utf-8")
            return path
        if field == "lokal skabelon":
            path = folder / "skabeloner" / "lokal.yaml"
            path.parent.mkdir(exist_ok=True)
            source = (ROOT / "skabeloner" / "overordnet-2025.1.yaml").read_text(encoding="utf-8")
            lines = [
                x for x in source.splitlines() if "uændret:" not in x and "erstatter:" not in x
            ]
            template = "\n".join(lines).replace("id: overordnet\n", "id: lokal\n", 1)
            template = re.sub(r"^titel: .*$", f'titel: "{value}"', template, count=1, flags=re.M)
            template = template.replace('vejledning: "', f'vejledning: "{value} ', 1)
            path.write_text(template + "\n", encoding="utf-8")
            return path
        pattern, replacement = CONCEPT_FIELDS[field]
        path = folder / "koncept.yaml"
        before = path.read_text(encoding="utf-8")
        after = re.sub(pattern, lambda _: replacement(value), before, count=1, flags=re.M)
        assert after != before, field
        path.write_text(after, encoding="utf-8")
        return path

    extra = (("skabelon", "lokal", "--format", "md"),) if field == "lokal skabelon" else ()
    _run_everything(base, smtp[0], digits, change, extra)


CORRECTION = (
    "      rettelse:\n        handling: {handling}\n        ansvarlig: {ansvarlig}\n"
    "        frist: {frist}\n        udført: {udført}\n"
)


@pytest.mark.parametrize("field", ["handling", "ansvarlig", "frist", "udført"])
def test_a_cpr_number_in_a_correction_reaches_no_output(
    base: Path, smtp: tuple[Inbox, int], field: str
) -> None:
    """A correction (`rettelse`) under a `nej` is typed by hand too: what to do, who does it,
    by when, and when it was done. It reaches the leader's report, the letters and påmind."""
    fields = {"handling": '"Partshøring"', "ansvarlig": '"Bo Lind"', "frist": '"2026-11-20"'}
    fields["udført"] = '""'
    fields[field] = '"Emil 010203 1234"'

    def change(folder: Path) -> Path:
        path = sorted(p for p in (folder / FOLDER).glob("*.yaml") if p.name != "udtræk.yaml")[0]
        before = path.read_text(encoding="utf-8")
        after = re.sub(
            r'^      svar: "ja"\n      kommentar: \'\'\n',
            lambda _: (
                '      svar: "nej"\n      kommentar: "Mangler."\n' + CORRECTION.format(**fields)
            ),
            before,
            count=1,
            flags=re.M,
        )
        assert after != before
        path.write_text(after, encoding="utf-8")
        return path

    _run_everything(base, smtp[0], "0102031234", change)
