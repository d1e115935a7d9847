"""Danish messages for what goes wrong in a hand-edited YAML file.

libyaml reports a problem where the parser gives up, in English; the user
needs to hear what to change, and where. Each known trap gets its own
message: tabs and non-breaking spaces in the indentation, a quote inside a
quoted value (`"mor sagde "nej""`), a backslash in double quotes (a Windows
path such as `"S:\\nyt\\barn"` becomes a newline and a backspace).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import yaml

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity, TilsynError, fail

MAX_DEPTH = 64

_ESCAPE = re.compile(r"\\.", re.DOTALL)
# Escapes a writer means: a quote, a backslash, and a line continuation.
_MEANT = frozenset(['\\"', "\\\\", "\\\n"])
# How tilsyn writes a line break or a character a file may not hold (`io.yaml_quote`).
_WRITTEN = frozenset(["\\n", "\\r", "\\u", "\\U"])
_BAD_INDENT = re.compile(r"^ *([\t\u00a0])", re.MULTILINE)
# What YAML counts as a line break (a lone CR too, as editors do).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def check_whitespace(text: str, file: str) -> None:
    """Tabs or non-breaking spaces in the indentation change YAML structure; refuse them."""
    if "\t" not in text and "\u00a0" not in text:
        return  # (the pattern is tried at every position; this finds most files clean at once)
    match = _BAD_INDENT.search(text)
    if match is None:
        return
    line = text.count("\n", 0, match.start()) + 1
    column = match.start(1) - (text.rfind("\n", 0, match.start()) + 1) + 1
    if match[1] == "\t":
        raise fail(
            file,
            "Y005",
            "indrykningen indeholder et tabulatortegn (tab).",
            hint="ryk ind med mellemrum; tab er ikke tilladt i YAML-indrykning.",
            line=line,
            column=column,
        )
    raise fail(
        file,
        "Y006",
        "indrykningen indeholder et hårdt mellemrum (kopieret fra Word?).",
        hint="slet indrykningen på linjen og skriv den igen med almindelige mellemrum.",
        line=line,
        column=column,
    )


_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    (
        "exceeded maximum nesting depth",
        f"filen er indlejret for dybt (over {MAX_DEPTH} niveauer).",
        "en tilsyn-fil har kun få niveauer; tjek parenteser og indrykning.",
    ),
    (
        "while scanning a quoted scalar",
        "et anførselstegn er ikke lukket.",
        "sæt det afsluttende anførselstegn på samme værdi.",
    ),
    (
        "mapping values are not allowed",
        "et kolon står et sted, hvor det ikke må, eller indrykningen er forkert.",
        "sæt værdien i anførselstegn, hvis den selv indeholder ': ', og tjek indrykningen.",
    ),
    (
        "could not find expected ':'",
        "der mangler ':' efter en nøgle, eller indrykningen er forkert.",
        "hver linje skal have formen 'nøgle: værdi'.",
    ),
    (
        "did not find expected key",
        "indrykningen passer ikke med linjerne over.",
        "nøgler på samme niveau skal stå lige under hinanden; ret den linje, der står skævt.",
    ),
    (
        "did not find expected '-' indicator",
        "indrykningen i en liste passer ikke.",
        "alle elementer i en liste skal starte med '- ' i samme kolonne.",
    ),
    (
        "did not find expected node content",
        "der mangler en værdi, eller en linje er skåret over.",
        "tjek linjen og linjen over.",
    ),
    (
        "found unexpected end of stream",
        "filen slutter midt i en værdi (måske et manglende anførselstegn eller ']').",
        "tjek at alle anførselstegn og parenteser er lukket.",
    ),
    (
        "found character that cannot start any token",
        "linjen indeholder et tegn, der ikke kan stå her (fx '@', '`' eller et tab).",
        "sæt værdien i anførselstegn.",
    ),
    (
        "block sequence entries are not allowed",
        "en liste står et sted, hvor den ikke må stå.",
        "ryk listen ind under sin nøgle.",
    ),
)


def syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> TilsynError:
    error = _syntax_error(exc, text, file)
    return TilsynError([_unclosed_quote(text, d) for d in error.diagnostics], kind=error.kind)


def _unclosed_quote(text: str, diagnostic: Diagnostic) -> Diagnostic:
    """A YAML error often shows up lines after the quote that was not closed (`ansvarlig:
    "Karen Holm` is read on into the next lines, and libyaml then speaks of indentation):
    point at the first line above it whose value opens a quote it does not close."""
    if diagnostic.code != "Y003" or diagnostic.line is None:
        return diagnostic
    for number, line in enumerate(text.splitlines()[: diagnostic.line], start=1):
        opened = _OPENING.search(line)
        if opened is None:
            continue
        mark, rest = opened[1], line[opened.end() :]
        if mark == '"':
            unclosed = rest.replace('\\"', "").count('"') % 2 == 0
        else:  # 'Jens'' mor': a quote doubled is one in the text (a probe: `'Screening ikke
            unclosed = "'" not in rest.replace("''", "")  # dokumenteret` named line 216)
        if unclosed:
            return replace(
                diagnostic,
                line=number,
                column=opened.end(),
                message="et anførselstegn ser ud til ikke at være lukket "
                f"(YAML-fejlen viser sig først på linje {diagnostic.line}).",
                hint=f"sæt {mark} i slutningen af værdien.",
            )
    return diagnostic


_OPENING = re.compile(r"^[ \t]*(?:- )?[^\s#\"'][^:#]*:[ \t]+([\"'])")
"""A key, and a value that opens with a quote."""


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> TilsynError:
    quoted = "quoted scalar" in (exc.context or "")
    mark = (exc.context_mark if quoted else exc.problem_mark) or exc.context_mark
    line, column = _in_file(mark, text)
    full = f"{exc.context or ''} {exc.problem or ''}"
    if "unknown escape character" in full and exc.problem_mark is not None:
        return _unknown_escape(exc.problem_mark, text, file)
    problem = exc.problem_mark
    stray = _stray_quote(text, problem.line) if problem is not None else None
    if problem is not None and stray is not None:
        return stray.error(file, problem.line + 1)
    for needle, message, hint in _PROBLEMS:
        if needle in full:
            if needle == "did not find expected key" and line is not None:
                message += _indents(text, line)
            return fail(file, "Y003", message, hint=hint, line=line, column=column)
    return fail(
        file,
        "Y003",
        "filen er ikke gyldig YAML.",
        hint="tjek indrykning, kolon og anførselstegn omkring linjen.",
        line=line,
        column=column,
    )


def _indents(text: str, line: int) -> str:
    """The indents of `line` and of the line with a value above it, where they differ: libyaml
    names the line after the one that went astray (a probe: `svar:` one space short, and the
    message named the `kommentar:` under it, which was right)."""
    lines = _LINE_BREAK.split(text)
    above = next(
        (n for n in range(line - 1, 0, -1) if lines[n - 1].strip()[:1] not in ("", "#")), None
    )
    if above is None or line > len(lines):
        return ""
    here, there = (len(x) - len(x.lstrip(" ")) for x in (lines[line - 1], lines[above - 1]))
    if here == there:
        return ""
    return f" Linje {above} er rykket {there} tegn ind, linje {line} {here}."


def _in_file(mark: yaml.Mark | None, text: str) -> tuple[int | None, int | None]:
    """Line and column (1-based) of a mark, on a line the file has.

    libyaml puts the end of the stream on a line of its own after the last one;
    an editor has no such line, so an error there points at the end of the last line.
    """
    if mark is None:
        return None, None
    lines = _LINE_BREAK.split(text)
    if mark.line < len(lines):
        return mark.line + 1, mark.column + 1
    return len(lines), len(lines[-1]) + 1


def _unknown_escape(mark: yaml.Mark, text: str, file: str) -> TilsynError:
    escape = text[mark.index : mark.index + 2]
    return fail(
        file,
        "Y003",
        f"i dobbelte anførselstegn starter \\ en særlig tegnkode, og '{escape}' er ingen kendt "
        "kode (er det en sti, S:\\…?).",
        hint="skriv værdien i enkelte anførselstegn ('S:\\mappe\\fil.docx'); så står teksten, "
        "som den er skrevet.",
        line=mark.line + 1,
        column=mark.column + 1,
    )


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?([^\s#"'][^#]*?):\s+(["'])""")


@dataclass(frozen=True)
class _StrayQuote:
    """A quote inside a quoted value, which ends the value early: `"mor sagde "nej""`."""

    key: str
    quote: str
    column: int

    def error(self, file: str, line: int) -> TilsynError:
        if self.quote == '"':
            what = 'et "'
            hint = "skriv teksten i enkelte anførselstegn ('…'), eller skriv \\\" for hvert \"."
        else:
            what = "en apostrof (')"
            hint = "skriv apostroffen to gange ('Jens'' mor'), eller brug dobbelte anførselstegn."
        return fail(
            file,
            "Y012",
            f"værdien af '{self.key}' har {what} inde i teksten, så YAML tror, at værdien "
            "slutter dér.",
            hint=hint,
            line=line,
            column=self.column,
        )


def _stray_quote(text: str, line_index: int) -> _StrayQuote | None:
    lines = text.splitlines()
    if not 0 <= line_index < len(lines):
        return None
    line = lines[line_index]
    match = _QUOTED_VALUE.match(line)
    if match is None:
        return None
    quote, i = match[2], match.end()
    while i < len(line):
        if (line[i] == "\\" and quote == '"') or (
            line[i] == quote and quote == "'" and line[i + 1 : i + 2] == "'"
        ):
            i += 2
        elif line[i] == quote:
            rest = line[i + 1 :].strip()
            return _StrayQuote(match[1], quote, i + 1) if rest and rest[0] != "#" else None
        else:
            i += 1
    return None


def escape_warning(
    raw: str, file: str, line: int, column: int, *, typed: bool = False
) -> Diagnostic | None:
    """Warn about a `\\n`, `\\t`, `\\b` … in double quotes: usually a Windows path. In a
    text that is no path, `\\n`, `\\r` and `\\uXXXX` are meant (tilsyn writes them so).

    `raw` is the scalar as written, quotes included; `typed`: it is read as typed
    (`as_typed`), not as YAML reads it.
    """
    found = [m[0] for m in _ESCAPE.finditer(raw) if m[0] not in _MEANT]
    if not looks_like_path(raw):  # a line break or a code, written as tilsyn writes them
        found = [escape for escape in found if escape not in _WRITTEN]
    if not found:
        return None
    shown = ", ".join(dict.fromkeys(found))
    special = "til et særligt tegn (linjeskift, tabulator …)"
    if typed:
        message = f"i dobbelte anførselstegn er {shown} tegnkoder ({special[3:]}, eller "
        message += "ingen kendt kode); teksten læses derfor, som den er skrevet (en sti?)."
        hint = (
            "skriv den i enkelte anførselstegn ('S:\\mappe\\fil.docx'), så er advarslen væk; "
            "mente du et linjeskift, så skriv teksten som en blok ('|') på linjerne under."
        )
    else:
        message = f"i dobbelte anførselstegn bliver {shown} {special}, ikke til det, der står; "
        message += "er det en sti (S:\\…)?"
        hint = "skriv værdien i enkelte anførselstegn ('S:\\mappe\\fil.docx'); så står teksten, "
        hint += "som den er skrevet."
    return Diagnostic(file, line, column, "Y013", message, hint, Severity.WARNING)


# S:\n, not S:\\ (meant) nor S:\u001f (a character code, as `io.yaml_quote` writes it)
_DRIVE = re.compile(r'(?<![A-Za-z])[A-Za-z]:\\(?![\\"]|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})')
# Escapes that give a control character no one types in a text (`\b` backspace, `\a` bell …).
_CONTROL = frozenset(["\\0", "\\a", "\\b", "\\e", "\\f", "\\v"])


def looks_like_path(raw: str) -> bool:
    """Whether a double-quoted scalar (`raw`, quotes included) with escapes is probably a
    Windows path: an escape follows a drive (`S:\\nyt`), or gives an invisible control
    character (`\\b`). A `\\n` alone may be a meant line break (`"linje 1\\nlinje 2"`,
    as `migrer` writes a text over lines, its backslashes escaped: `S:\\\\nyt`)."""
    return bool(_DRIVE.search(raw)) or any(m[0] in _CONTROL for m in _ESCAPE.finditer(raw))


def as_typed(raw: str) -> str:
    """A double-quoted scalar (`raw`, quotes included) as the person typed it: only `\\"`,
    `\\\\` and a line continuation are read as escapes, so `"S:\\nyt"` is `S:\\nyt`."""
    value = yaml.safe_load(typed_form(raw))
    return value if isinstance(value, str) else raw[1:-1]


def typed_form(raw: str) -> str:
    """`raw` with each `\\` that is not `\\"`, `\\\\` or a line continuation written twice: YAML
    reads it as typed (`as_typed`)."""
    return _ESCAPE.sub(lambda m: m[0] if m[0] in _MEANT else "\\" + m[0], raw)
