"""The export's header: where each mapped column is, or why it cannot be found."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ledelsestilsyn.core.cpr import find_cpr
from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError
from ledelsestilsyn.export.encoding import clean_name, show_delimiter
from ledelsestilsyn.export.values import encoding_layers, parse_date
from ledelsestilsyn.models.concept import OWN_COLUMNS, REQUIRED_COLUMNS, ExportSpec


@dataclass(frozen=True)
class Layout:
    """Column positions of the mapped columns; `extras` are the concept's further columns."""

    key: int
    caseworker: int
    team: int | None
    paragraph: int
    decided: int
    extras: tuple[tuple[str, int], ...]
    width: int
    """Fields a row needs: one more than the last mapped column."""
    columns: int
    """Fields in the header; a row with more (not empty) fields is misaligned."""


def find_layout(
    names: list[str], spec: ExportSpec, display: str, line: int, other: str | None
) -> Layout:
    """The layout of a header row; every missing or repeated column is reported at once.

    `other` is a delimiter that would fit the header better than the chosen one.
    """
    cleaned = [clean_name(n) for n in names]
    folded = [n.casefold() for n in cleaned]
    index: dict[str, int] = {}
    problems: list[Diagnostic] = []
    missing: list[tuple[str, str]] = []
    # `cpr` is looked up like the others: it is how the tool knows which column never
    # to copy, so a name that matches nothing is an error, not a silent no-op.
    for tool, header in spec.columns.items():
        want = clean_name(header).casefold()
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
            missing.append((tool, header))
        else:
            index[tool] = hits[0]
    if missing and not index and any(parse_date(n) or find_cpr(n) for n in cleaned):
        raise TilsynError([_no_header(display, line, spec)])
    if missing:
        wanted = {clean_name(h).casefold() for h in spec.columns.values()}
        free = [n for n in cleaned if n.casefold() not in wanted]
        problems += [_missing(display, line, t, h, cleaned, free, other) for t, h in missing]
    if problems:
        raise TilsynError(problems)
    extras = tuple((t, i) for t, i in index.items() if t not in OWN_COLUMNS)
    return Layout(
        index["sag"],
        index["rådgiver"],
        index.get("team"),
        index["paragraf"],
        index["afgørelsesdato"],
        extras,
        max(index.values()) + 1,
        len(names),
    )


def _no_header(display: str, line: int, spec: ExportSpec) -> Diagnostic:
    """The first line is a case, not the columns' names: its cells (a name, free text) are
    personal data, so none is quoted."""
    expected = ", ".join(f"'{h}'" for h in spec.columns.values())
    return Diagnostic(
        display,
        line,
        None,
        "E003",
        "eksportens første linje ligner en sag (den har en dato eller et CPR-nummer), ikke "
        "kolonnernes navne: eksporten har ingen overskrift.",
        f"eksporter listen med kolonneoverskrifter; konceptet venter: {expected}.",
    )


def _missing(
    display: str,
    line: int,
    tool: str,
    header: str,
    names: list[str],
    free: list[str],
    other: str | None,
) -> Diagnostic:
    """E003 with the export's columns and the likeliest ones among those no other
    mapped column uses; or, when the column is there but garbled (UTF-8 read as
    Windows-1252), the encoding to fix."""
    shown = ", ".join(_column(n) for n in names[:30]) or "ingen"
    repaired = [(n, encoding_layers(n)) for n in names]
    garbled = [(n, k) for n, (r, k) in repaired if k and r.casefold() == header.casefold()]
    close = similar(header, free)
    hint = f"mente du {' eller '.join(repr(c) for c in close)}? " if close else ""
    if garbled:
        name, layers = garbled[0]
        hint = f"kolonnen står som '{name}': " + (
            "teksten ser ud til at være kodet to gange (fx 'Ã¸' for 'ø'); er filen UTF-8, så "
            "angiv tegnsættet ved kørslen eller under eksport: tegnsæt i koncept.yaml; ellers "
            "eksporter filen igen. "
            if layers == 1
            else f"teksten er kodet {_TIMES[layers]} gange (fx 'ÃƒÂ¸' for 'ø'), så filen er "
            "omkodet, efter den blev eksporteret; eksporter den igen direkte fra sagssystemet. "
        )
    if other:
        shown_other = show_delimiter(other)
        hint += (
            f"filen ser ud til at bruge '{shown_other}' som skilletegn; angiv det ved "
            "kørslen eller under eksport: skilletegn. "
        )
    if not garbled and tool == "cpr" and not close:
        hint += (
            "har eksporten ingen CPR-kolonne, så slet linjen 'cpr:' under eksport.kolonner i "
            "koncept.yaml (tilsyn læser den aldrig; den står der kun, så den aldrig kopieres); "
            "ellers ret navnet."
        )
    elif not garbled and tool not in REQUIRED_COLUMNS and not close:
        hint += (
            f"kolonnen er valgfri: har eksporten den ikke, så slet linjen '{tool}:' under "
            "eksport.kolonner i koncept.yaml; ellers ret navnet."
        )
    elif not garbled:
        hint += "ret eksport.kolonner i koncept.yaml."
    hint = re.sub(r"([?.]) ([a-zæøå])", lambda m: f"{m[1]} {m[2].upper()}", hint)
    return Diagnostic(
        display,
        line,
        None,
        "E003",
        f"kolonnen '{header}' ({tool}) findes ikke i eksporten; filen har: {shown}.",
        hint.strip(),
    )


def _column(name: str) -> str:
    """A column name as E003 lists it: a long one (a title line of 140,000 characters read
    as the header) by its beginning and its length, not all of it."""
    if len(name) <= _LONG_NAME:
        return f"'{name}'"
    return f"'{name[:30]}…' ({len(name)} tegn)"


_LONG_NAME = 60
_TIMES = {2: "tre", 3: "fire", 4: "fem"}
"""How many times text was encoded, by the layers `encoding_layers` undid (one more)."""

# Word endings that mean the same in case systems' column names; the first is canonical.
_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("fase", "trin", "status", "stadie"),
    ("nr", "nummer", "id"),
    ("behandler", "rådgiver", "medarbejder", "ansvarlig"),
    ("dato", "dag", "tidspunkt"),
    ("paragraf", "bestemmelse", "hjemmel", "lovgrundlag"),
    ("team", "afdeling", "enhed", "gruppe"),
)
_CUTOFF = 0.6


def similar(wanted: str, names: list[str]) -> list[str]:
    """The one or two names most like `wanted`, by spelling or by meaning.

    Names often share a prefix (`Sagsnummer`, `Sagsbehandler`, `Sagstrin`),
    so spelling alone picks the longest shared one; the word endings are
    also compared after mapping synonyms to one word (`Sagsfase` ~ `Sagstrin`).
    """
    target = clean_name(wanted).casefold()
    meaning = _meaning(target)
    scored = sorted(
        (
            max(
                _ratio(target, n.casefold()),
                _ratio(meaning, _meaning(n.casefold())),
                _same_words(target, n.casefold()),
                _SAME_KIND if _kinds(target) & _kinds(n.casefold()) else 0.0,
            ),
            -i,
            n,
        )
        for i, n in enumerate(names)
    )
    best = [(score, n) for score, _, n in reversed(scored) if score >= _CUTOFF]
    if not best:
        return []
    return [n for score, n in best[:2] if score >= best[0][0] - 0.05]


def _same_words(a: str, b: str) -> float:
    """How well the words of one name make up the other (`Afgørelsesdato` ~ `Dato for
    afgørelse`, `CPR-nr.` ~ `Barnets CPR`): when one name has words of three or more letters
    (small words such as 'for' aside) and each is part of the other written as one word,
    0.7 plus a quarter of the share of the other's letters they cover; else 0."""
    words_a, words_b = (
        [w for w in re.findall(r"[^\W\d_]+", n) if len(w) >= 3 and w not in _SMALL_WORDS]
        for n in (a, b)
    )
    best = 0.0
    for words, other in ((words_a, b), (words_b, a)):
        joined = re.sub(r"[\W_]+", "", other)
        if words and all(w in joined for w in words):
            covered = min(1.0, sum(len(w) for w in words) / len(joined))
            best = max(best, 0.7 + covered / 4)
    return best


_SMALL_WORDS = frozenset({"for", "til", "med", "ved", "fra", "den", "det", "der", "som"})


_SAME_KIND = 0.9
"""A name whose words end in a synonym of one of the other's (`Sagsbehandler` ~ `Ansvarlig
rådgiver`, `Team` ~ `Organisatorisk enhed`): probe BK was offered `Sags-ID` for the first, by
its spelling. Not for a number or a date: every case system has several."""
_KINDS = tuple(group for group in _SYNONYMS if group[0] not in ("nr", "dato"))


def _kinds(name: str) -> set[str]:
    """The synonym groups the words of `name` end in, by their first word."""
    return {
        group[0]
        for word in re.findall(r"[^\W\d_]+", name)
        for group in _KINDS
        if word.endswith(group)
    }


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _meaning(name: str) -> str:
    return " ".join(_canonical(word) for word in re.findall(r"\w+", name))


def _canonical(word: str) -> str:
    for group in _SYNONYMS:
        for ending in group:
            if word.endswith(ending):
                return word[: len(word) - len(ending)] + group[0]
    return word
