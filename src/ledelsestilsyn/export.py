"""Reading the case system's export (CSV) into cases.

One pass over the bytes finds size, SHA-256 and whether the file is UTF-8;
then the text is read line by line. A cheap pre-filter keeps only the
records whose text contains one of the eligible paragraph numbers; only those
are parsed with `csv`, and only their dates are parsed (by hand, cached).
Rows are grouped into cases by the case key; a case takes caseworker, team
and the other columns from its newest eligible decision. The CPR column is
never read, and no value is copied anywhere from here except through
`sampling.redact_cpr`.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import hashlib
import operator
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from .diagnostics import Diagnostic, Severity, TilsynError, fail
from .models.concept import ExportSpec
from .sampling import Case, Step

DELIMITERS: dict[str, str] = {";": ";", ",": ",", "tab": "\t", "\\t": "\t", "\t": "\t", "|": "|"}
ENCODINGS: dict[str, str] = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "windows-1252": "cp1252",
    "cp1252": "cp1252",
    "ansi": "cp1252",
    "latin-1": "latin-1",
    "iso-8859-1": "latin-1",
}
OWN_COLUMNS = ("sag", "rådgiver", "team", "paragraf", "afgørelsesdato", "cpr")
MAX_REPORTED = 10
_CHUNK = 1 << 20
_PARAGRAPH = re.compile(r"§+\s*(\d+\s*[a-zæøå]?)\b", re.IGNORECASE)
_BARE = re.compile(r"^\s*(?:(?:bl|barnets\s+lov|sel)\.?\s*)?(\d+\s*[a-zæøå]?)\b", re.IGNORECASE)
_MOJIBAKE = re.compile("Ã[¦¸¥†˜…]")
_SUMMARY = ("i alt", "total", "sum")
_UNSEEN = date.max
_BATCH = 20_000


@dataclass(frozen=True)
class Source:
    name: str
    size: int
    sha256: str
    rows: int
    encoding: str
    delimiter: str


@dataclass
class Export:
    cases: list[Case]
    source: Source
    steps: list[Step]
    diagnostics: list[Diagnostic] = field(default_factory=list)


def normalise_paragraph(text: str) -> str | None:
    """`§ 32`, `§32`, `BL § 32, stk. 1, nr. 3`, `Barnets lov § 46`, `32` → `32`/`46`."""
    match = _PARAGRAPH.search(text) or _BARE.match(text)
    return match[1].replace(" ", "").lower() if match else None


def parse_date(text: str) -> date | None:
    """`dd-mm-åååå`, `dd.mm.åååå`, `d-m-åååå`, `dd/mm/åååå` or ISO (a time part is ignored)."""
    value = text.strip().split(" ", 1)[0].split("T", 1)[0]
    parts = re.split(r"[-./]", value)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    if len(parts[0]) == 4:
        year, month, day = parts
    elif len(parts[2]) == 4:
        day, month, year = parts
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _scan(path: Path, display: str) -> tuple[int, str, bool, bytes]:
    """Size, SHA-256, whether all bytes are UTF-8, and the first chunk."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    size = 0
    head = b""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                head = head or chunk
                size += len(chunk)
                digest.update(chunk)
                if utf8:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        utf8 = False
            if utf8:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    utf8 = False
    except FileNotFoundError:
        raise fail(display, "E001", "eksportfilen findes ikke.", exit_code=2) from None
    except IsADirectoryError:
        raise fail(display, "E001", "er en mappe, ikke en eksportfil.", exit_code=2) from None
    except OSError as exc:
        raise fail(display, "E001", f"eksportfilen kan ikke læses ({exc.strerror}).") from None
    return size, digest.hexdigest(), utf8, head


def _encoding(head: bytes, utf8: bool, given: str | None, display: str) -> str:
    if given:
        name = ENCODINGS.get(given.strip().lower())
        if name is None:
            raise fail(
                display,
                "E002",
                f"ukendt tegnsæt '{given}'.",
                hint="brug utf-8 eller windows-1252.",
                exit_code=2,
            )
        return "utf-8-sig" if name == "utf-8" and head.startswith(codecs.BOM_UTF8) else name
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise fail(
            display,
            "E002",
            "eksporten er gemt som UTF-16.",
            hint="eksporter som CSV (UTF-8 eller Windows-1252).",
        )
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return "utf-8" if utf8 else "cp1252"


def _records(lines: Iterator[tuple[int, str]], display: str) -> Iterator[tuple[int, str]]:
    """Whole CSV records (a quoted field may span lines) with their first line number."""
    for number, line in lines:
        if '"' not in line or line.count('"') % 2 == 0:
            yield number, line
            continue
        parts = [line]
        for _, more in lines:
            parts.append(more)
            if more.count('"') % 2:
                break
        else:
            raise fail(
                display,
                "E009",
                "et anførselstegn er ikke lukket; resten af filen ville blive ét felt.",
                hint="ret rækken i sagssystemet, eller fjern anførselstegnet.",
                line=number,
            )
        yield number, "".join(parts)


def _parse_one(record: str, delimiter: str) -> list[str]:
    return next(csv.reader([record], delimiter=delimiter), [])


def _clean(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split())


def _detect_delimiter(header: str, wanted: Sequence[str]) -> tuple[str, int]:
    """The delimiter under which the header holds most of the mapped names."""
    want = {w.casefold() for w in wanted}
    best = (";", -1, 0)
    for delimiter in (";", ",", "\t", "|"):
        names = [_clean(n).casefold() for n in _parse_one(header, delimiter)]
        score = (sum(n in want for n in names), len(names))
        if score > best[1:]:
            best = (delimiter, *score)
    return best[0], best[2]


def _show(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else delimiter


@dataclass(frozen=True)
class _Layout:
    key: int
    caseworker: int
    team: int | None
    paragraph: int
    decided: int
    extras: tuple[tuple[str, int], ...]
    width: int


def _layout(
    names: list[str], spec: ExportSpec, display: str, line: int, other: str | None
) -> _Layout:
    cleaned = [_clean(n) for n in names]
    folded = [n.casefold() for n in cleaned]
    index: dict[str, int] = {}
    problems: list[Diagnostic] = []
    for tool, header in spec.columns.items():
        if tool == "cpr":
            continue
        want = _clean(header).casefold()
        hits = [i for i, n in enumerate(folded) if n == want]
        if len(hits) > 1:
            problems.append(
                Diagnostic(
                    display,
                    line,
                    hits[1] + 1,
                    "E004",
                    f"kolonnen '{header}' ({tool}) står {len(hits)} gange i overskriften.",
                    "giv kolonnerne forskellige navne i eksporten.",
                )
            )
        elif not hits:
            problems.append(_missing(display, line, tool, header, cleaned, other))
        else:
            index[tool] = hits[0]
    if problems:
        raise TilsynError(problems)
    extras = tuple((t, i) for t, i in index.items() if t not in OWN_COLUMNS)
    return _Layout(
        index["sag"],
        index["rådgiver"],
        index.get("team"),
        index["paragraf"],
        index["afgørelsesdato"],
        extras,
        max(index.values()) + 1,
    )


def _missing(
    display: str, line: int, tool: str, header: str, names: list[str], other: str | None
) -> Diagnostic:
    close = difflib.get_close_matches(header, names, n=1, cutoff=0.5)
    shown = ", ".join(f"'{n}'" for n in names[:30]) or "ingen"
    hint = f"mente du '{close[0]}'? " if close else ""
    if other:
        hint += f"filen ser ud til at bruge '{_show(other)}' som skilletegn (--skilletegn). "
    hint += "ret eksport.kolonner i koncept.yaml."
    return Diagnostic(
        display,
        line,
        None,
        "E003",
        f"kolonnen '{header}' ({tool}) findes ikke i eksporten; filen har: {shown}.",
        hint,
    )


@dataclass
class _Reader:
    """Turns the kept records into cases; collects counts and bad rows."""

    display: str
    layout: _Layout
    paragraphs: frozenset[str]
    window: tuple[date, date]
    paragraph_rows: int = 0
    short_rows: int = 0
    bad_dates: int = 0
    summary_rows: int = 0
    cases_seen: set[str] = field(default_factory=set)
    newest: dict[str, tuple[date, int, tuple[str, ...]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    para_cache: dict[str, str | None] = field(default_factory=dict)
    date_cache: dict[str, date | None] = field(default_factory=dict)

    @property
    def bad_rows(self) -> int:
        return self.short_rows + self.bad_dates

    def bad(self, line: int, column: str | None, message: str) -> None:
        where = f" i kolonnen '{column}'" if column else ""
        if self.bad_rows < MAX_REPORTED:
            self.diagnostics.append(
                Diagnostic(
                    self.display,
                    line,
                    None,
                    "E005",
                    f"{message}{where}; rækken er sprunget over.",
                    severity=Severity.WARNING,
                )
            )

    def feed(self, numbers: list[int], records: list[str], spec: ExportSpec, delim: str) -> None:
        layout = self.layout
        wanted = [layout.key, layout.caseworker, layout.team or layout.key]
        wanted += [i for _, i in layout.extras]
        pick = operator.itemgetter(*wanted, layout.key)  # the trailing key keeps it a tuple
        para_cache = self.para_cache
        date_cache = self.date_cache
        low, high = self.window
        date_header = spec.columns["afgørelsesdato"]
        for line, fields in zip(numbers, csv.reader(records, delimiter=delim), strict=True):
            if len(fields) < layout.width:
                if fields and not _is_summary(fields[0]):
                    self.bad(line, None, "rækken har for få felter")
                    self.short_rows += 1
                else:
                    self.summary_rows += 1
                continue
            text = fields[layout.paragraph]
            number = para_cache.get(text, "")
            if number == "":
                number = para_cache[text] = normalise_paragraph(text)
            if number not in self.paragraphs:
                continue
            key = fields[layout.key].strip()
            raw = fields[layout.decided]
            decided = date_cache.get(raw, _UNSEEN)
            if decided is _UNSEEN:
                decided = date_cache[raw] = parse_date(raw)
            if not key or (decided is None and _is_summary(fields[0])):
                self.summary_rows += 1
                continue
            self.paragraph_rows += 1
            if decided is None:
                what = "datoen mangler" if not raw.strip() else "datoen kan ikke læses"
                self.bad(line, date_header, what)
                self.bad_dates += 1
                continue
            self.cases_seen.add(key)
            if not low <= decided <= high:
                continue
            current = self.newest.get(key)
            if current is None or decided > current[0]:
                self.newest[key] = (decided, line, pick(fields))

    def cases(self) -> list[Case]:
        extras = [t for t, _ in self.layout.extras]
        has_team = self.layout.team is not None
        result = []
        for key, (_, line, values) in self.newest.items():
            attrs = dict(zip(extras, values[3:], strict=False))
            team = values[2].strip() if has_team else ""
            result.append(Case(key, values[1].strip(), team, attrs, line))
        result.sort(key=operator.itemgetter(0))
        return result


def _is_summary(text: str) -> bool:
    return text.strip().casefold().startswith(_SUMMARY)


def _needles(paragraphs: frozenset[str]) -> list[str]:
    """The digits every eligible row must contain somewhere (a cheap pre-filter)."""
    return sorted({re.sub(r"\D", "", p) for p in paragraphs} - {""})


def _scan_records(
    records: Iterator[tuple[int, str]],
    needles: list[str],
    reader: _Reader,
    spec: ExportSpec,
    delimiter: str,
) -> int:
    """Count the data rows; hand the ones that may hold an eligible paragraph to `reader`.

    Plain `in` tests on at most two needles are three times faster than a regex.
    """
    fast = len(needles) <= 2
    first, second = (needles * 2)[:2] if needles else ("\x00", "\x00")
    search = re.compile("|".join(re.escape(n) for n in needles) or r"(?!)").search
    numbers: list[int] = []
    kept: list[str] = []
    rows = 0
    for number, record in records:
        if len(record) <= 2 and not record.strip():
            continue
        rows += 1
        if (first in record or second in record) if fast else search(record):
            numbers.append(number)
            kept.append(record)
            if len(kept) >= _BATCH:
                reader.feed(numbers, kept, spec, delimiter)
                numbers, kept = [], []
    reader.feed(numbers, kept, spec, delimiter)
    return rows


@dataclass(frozen=True)
class ReadOptions:
    paragraphs: Sequence[str]
    window: tuple[date, date]
    delimiter: str | None = None
    encoding: str | None = None


def read_export(path: Path, spec: ExportSpec, options: ReadOptions, display: str) -> Export:
    """Read, pre-filter, parse and group the export; every problem is located."""
    size, sha, utf8, head = _scan(path, display)
    if not head.strip(b"\xef\xbb\xbf \r\n\t"):
        raise fail(display, "E006", "eksportfilen er tom.", hint="eksporter listen igen.")
    encoding = _encoding(head, utf8, options.encoding or spec.encoding, display)
    paragraphs = frozenset(filter(None, (normalise_paragraph(p) for p in options.paragraphs)))
    with path.open(encoding=encoding, errors="replace", newline=None) as handle:
        return _read(handle, path.name, display, spec, options, paragraphs, encoding, (size, sha))


def read_table(
    path: Path, display: str, *, delimiter: str = ",", encoding: str | None = None
) -> list[list[str]]:
    """Every record of a CSV file (header first), read as `read_export` splits records."""
    _, _, utf8, head = _scan(path, display)
    chosen = _encoding(head, utf8, encoding, display)
    with path.open(encoding=chosen, errors="replace", newline=None) as handle:
        records = [r for _, r in _records(enumerate(handle, start=1), display) if r.strip()]
    return [row for row in csv.reader(records, delimiter=_delimiter(delimiter, display))]


def _read(
    handle: IO[str],
    name: str,
    display: str,
    spec: ExportSpec,
    options: ReadOptions,
    paragraphs: frozenset[str],
    encoding: str,
    digest: tuple[int, str],
) -> Export:
    lines = enumerate(handle, start=1)
    records = _records(lines, display)
    header_line, header = next(((n, r) for n, r in records if r.strip()), (0, ""))
    warnings = []
    if _MOJIBAKE.search(header):
        warnings.append(
            Diagnostic(
                display,
                header_line,
                None,
                "E008",
                "teksten ser ud til at være kodet to gange (fx 'Ã¸' for 'ø').",
                "eksporter filen igen som UTF-8 eller Windows-1252.",
                Severity.WARNING,
            )
        )
    wanted = [h for t, h in spec.columns.items() if t != "cpr"]
    detected, _ = _detect_delimiter(header, wanted)
    given = options.delimiter or spec.delimiter
    delimiter = _delimiter(given, display) if given else detected
    names = _parse_one(header, delimiter)
    layout = _layout(names, spec, display, header_line, detected if detected != delimiter else None)
    reader = _Reader(display, layout, paragraphs, options.window)
    rows = _scan_records(records, _needles(paragraphs), reader, spec, delimiter)
    if rows == 0:
        raise fail(
            display, "E007", "eksporten har kun en overskrift og ingen rækker.", line=header_line
        )
    _check_bad_share(reader, spec, display)
    source = Source(name, digest[0], digest[1], rows, encoding, _show(delimiter))
    return Export(
        reader.cases(),
        source,
        _steps(reader, rows, paragraphs, options.window),
        warnings + reader.diagnostics + _bad_summary(reader, display),
    )


def _delimiter(given: str, display: str) -> str:
    delimiter = DELIMITERS.get(given.strip() if given.strip() else given)
    if delimiter is None:
        raise fail(
            display,
            "E010",
            f"ukendt skilletegn '{given}'.",
            hint="brug ';', ',', '|' eller 'tab'.",
            exit_code=2,
        )
    return delimiter


def _check_bad_share(reader: _Reader, spec: ExportSpec, display: str) -> None:
    total = reader.paragraph_rows + reader.short_rows
    if total and reader.bad_rows / total > spec.max_bad_share:
        raise TilsynError(
            [
                *reader.diagnostics,
                Diagnostic(
                    display,
                    None,
                    None,
                    "E011",
                    f"{reader.bad_rows} af {total} relevante rækker er ugyldige (over "
                    f"{spec.max_bad_share:.0%}); intet er trukket.",
                    "ret eksporten (ofte forkert datoformat eller skilletegn), eller hæv "
                    "eksport.maks_andel_fejl i koncept.yaml.",
                ),
            ]
        )


def _bad_summary(reader: _Reader, display: str) -> list[Diagnostic]:
    if reader.bad_rows <= MAX_REPORTED:
        return []
    return [
        Diagnostic(
            display,
            None,
            None,
            "E005",
            f"i alt {reader.bad_rows} ugyldige rækker er sprunget over "
            f"(de første {MAX_REPORTED} er vist).",
            severity=Severity.WARNING,
        )
    ]


def _steps(
    reader: _Reader, rows: int, paragraphs: frozenset[str], window: tuple[date, date]
) -> list[Step]:
    shown = ", ".join(f"§ {p}" for p in sorted(paragraphs))
    return [
        Step("rækker i eksporten", rows),
        Step(f"rækker med afgørelse efter {shown}", reader.paragraph_rows),
        Step(f"sager med afgørelse efter {shown}", len(reader.cases_seen)),
        Step(f"sager med afgørelse {window[0]}–{window[1]}", len(reader.newest)),
    ]
