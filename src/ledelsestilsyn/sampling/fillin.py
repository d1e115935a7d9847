"""Fill-in review files: commented YAML a leader can complete in any text editor.

The question text, `hjemmel`, deadline and allowed answers are YAML comments
next to each answer, so no other document is needed. Output is deterministic
(same inputs, same bytes) and never contains a CPR number: only the case id,
caseworker and team are written.
"""

from __future__ import annotations

import functools
import hashlib
import re
import textwrap
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from ledelsestilsyn.io.yaml_quote import double_quoted, free_block
from ledelsestilsyn.models.review import CORRECTION_KEYS, Answer
from ledelsestilsyn.models.template import Question, Template

MAX_NAME = 80
SCHEMA_MARK = "# yaml-language-server: $schema="
"""The first line of a review file that names its JSON schema (read back by `tilsyn migrer`)."""
# Names Windows reserves for devices, with any extension (`nul.txt` too): a
# sample on a shared drive must open on every machine.
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{n}" for d in ("com", "lpt") for n in range(10)]
)
_NUMBERED = re.compile(r"\.[0-9]+$")


def case_filename(case_id: str, review_no: int | None = None) -> str:
    """A safe, stable file name for a case id (never a path), unique by construction.

    Letters (also æ, ø, å), digits and `. _ -` are kept; anything else becomes
    `_`. A short hash of the original id is added whenever the name is not
    exactly the id, or could meet another case's file: lower-case letters (a
    shared drive ignores case), a name ending in `.<tal>` (the form of the
    calibration files `S-1.2.yaml`), a Windows device name (`CON`, `nul.txt`)
    or the manifest's own name.
    """
    slug = "".join(c if _kept(c) else "_" for c in unicodedata.normalize("NFC", case_id))
    slug = slug.strip("._-")[:MAX_NAME] or "sag"
    if slug.split(".", 1)[0].casefold() in _RESERVED:
        slug = "_" + slug
    if (
        slug != case_id
        or any(c.islower() for c in slug)
        or _NUMBERED.search(slug)
        or slug.casefold() == "udtræk"
    ):
        slug += "-" + hashlib.sha256(case_id.encode("utf-8")).hexdigest()[:8]
    suffix = f".{review_no}" if review_no and review_no > 1 else ""
    return f"{slug}{suffix}.yaml"


def _kept(char: str) -> bool:
    return char.isalpha() or char in "0123456789._-"


@dataclass(frozen=True)
class Filled:
    """Values already given, written into a fresh file (`tilsyn migrer` carries them over)."""

    reviewer: str = ""
    date: str = ""
    starting_point: str = ""
    answers: Mapping[tuple[str, str], Answer] = field(default_factory=dict)
    consent: bool | None = None
    """`samtykke_til_eksempel`, written only when given (ja or nej)."""
    notes: Mapping[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    """Comment lines written first in a question's block (what `migrer` could not carry)."""


EMPTY = Filled()


def _yes(value: bool) -> str:
    return "ja" if value else "nej"


def _comment(text: str, indent: str, width: int = 96) -> list[str]:
    return list(_wrapped(text, indent, width))


@functools.lru_cache(maxsize=4096)
def _wrapped(text: str, indent: str, width: int) -> tuple[str, ...]:
    """Wrapped comment lines; cached, as every file of a sample repeats the same questions."""
    lines: list[str] = []
    for paragraph in text.strip().splitlines() or [""]:
        wrapped = textwrap.wrap(
            paragraph, width=width - len(indent) - 2, break_long_words=False
        ) or [""]
        lines.extend(f"{indent}# {line}".rstrip() for line in wrapped)
    return tuple(lines)


def _question_block(
    template: Template, question: Question, given: Answer | None, notes: tuple[str, ...] = ()
) -> list[str]:
    scale = template.scale_for(question)
    answers = " | ".join(v.answer for v in scale)
    needs_comment = [v.answer for v in scale if v.comment_required]
    lines = _comment(f"{question.id}: {question.text}", "    ")
    meta = f"hjemmel: {question.legal_basis}"
    if question.deadline:
        meta += f" · frist: {question.deadline}"
    if question.pejlemaerke:
        meta += f" · pejlemærke: {question.pejlemaerke}"
    lines += _comment(meta, "    ")
    if question.guidance:
        lines += _comment(f"vejledning: {question.guidance}", "    ")
    rule = f" (kommentar kræves ved: {', '.join(needs_comment)})" if needs_comment else ""
    lines += _comment(f"svar: {answers}{rule}", "    ")
    given = given or Answer()
    lines.append(f"    {question.id}:")
    lines += [line for note in notes for line in _comment(note, "      ")]
    lines.append(f"      svar: {double_quoted(given.answer)}")
    lines.append(f"      kommentar: {free_block(given.comment, 6)}")
    if given.correction is not None:
        lines.append("      rettelse:")
        values = given.correction.model_dump(by_alias=True)
        # All four fields, empty ones too, as the file's example and `udfyld` write them:
        # `udført` is where påmind tells the leader to write the date.
        lines += [f"        {k}: {_correction_value(values[k])}" for k in CORRECTION_KEYS]
    return lines


def _correction_value(value: str | None) -> str:
    """A correction's field in double quotes, as `udtræk` writes them; one over several
    lines (a `handling` the leader wrote as a `|` block) as a block."""
    return free_block(value, 8) if value and "\n" in value else double_quoted(value)


def render_review(
    template: Template,
    *,
    series: str,
    period: str,
    case_id: str,
    caseworker: str | None,
    team: str | None,
    focus: list[str],
    schema: str | None = None,
    review_no: int | None = None,
    filled: Filled = EMPTY,
) -> str:
    """The text of a review file for one case and the focus steps, empty unless `filled`."""
    head = review_head(
        template,
        series=series,
        period=period,
        case_id=case_id,
        caseworker=caseworker,
        team=team,
        schema=schema,
        review_no=review_no,
        filled=filled,
    )
    return head + review_answers(template, focus, filled)


def review_head(
    template: Template,
    *,
    series: str,
    period: str,
    case_id: str,
    caseworker: str | None,
    team: str | None,
    schema: str | None = None,
    review_no: int | None = None,
    filled: Filled = EMPTY,
) -> str:
    """A review file up to and including `svar:`: what differs from case to case."""
    lines: list[str] = []
    if schema:
        lines.append(SCHEMA_MARK + schema)
    lines += [
        f"# Gennemgang efter {template.title} ({template.ref}).",
        "# Udfyld 'gennemført_af', 'dato' (ÅÅÅÅ-MM-DD) og 'svar' for hvert spørgsmål.",
        "# Skriv svar og kommentarer mellem anførselstegnene; '#' uden for dem starter en",
        "# YAML-kommentar. I '…' står en sti (S:\\nyt\\fil.docx), som den er; ' skrives ''.",
        "# Skriv aldrig et CPR-nummer i filen. Tjek filen med: tilsyn valider",
        "# Skal noget rettes i sagen efter et fund, så skriv en rettelse under svaret",
        "# (alle felter er valgfrie; datoer som ÅÅÅÅ-MM-DD; tom ansvarlig er sagens rådgiver):",
        "#     spørgsmål-id:",
        '#       svar: "nej"',
        '#       kommentar: "…"',
        "#       rettelse:",
        '#         handling: "barnets plan udarbejdes"',
        '#         ansvarlig: ""',
        '#         frist: "2026-12-15"',
        '#         udført: ""',
        f"tilsyn: {double_quoted(series)}",
        f"skabelon: {double_quoted(template.ref)}",
        f"periode: {double_quoted(period)}",
        "sag:",
        f"  id: {double_quoted(case_id)}",
        f"  rådgiver: {double_quoted(caseworker)}",
        f"  team: {double_quoted(team)}",
    ]
    if review_no and review_no > 1:
        lines += [
            "# Kalibrering: en uafhængig gennemgang mere af samme sag. Udfyld den uden at se",
            "# den anden gennemgang.",
            f"gennemgang_nr: {review_no}",
        ]
    lines += [
        f"gennemført_af: {double_quoted(filled.reviewer)}",
        f"dato: {double_quoted(filled.date)}",
        "# Har rådgiveren sagt ja til, at sagen bruges som eksempel på afdelingsmødet",
        "# (konceptets formidling: afdeling_eksempler: med_samtykke), så tilføj linjen",
        "# samtykke_til_eksempel: ja",
        *([] if filled.consent is None else [f"samtykke_til_eksempel: {_yes(filled.consent)}"]),
        "# Den underretning eller henvendelse, gennemgangen tager udgangspunkt i:",
        f"udgangspunkt: {free_block(filled.starting_point, 0)}",
        "svar:",
    ]
    return "\n".join(lines) + "\n"


def review_answers(template: Template, focus: list[str], filled: Filled = EMPTY) -> str:
    """The `svar:` section of a review file: the same in every empty file of a sample."""
    steps = [s for s in template.steps if not focus or s.id in focus]
    lines: list[str] = []
    for step in steps:
        if step.across:  # asked across the whole case: its description says how to read it
            lines.append(f"  # ── På tværs af sagen: {step.title} ──")
            lines += _comment(step.description, "  ") if step.description else []
        else:
            lines.append(f"  # ── {step.title} ──")
        lines.append(f"  {step.id}:")
        for question in step.questions:
            key = (step.id, question.id)
            lines += _question_block(
                template, question, filled.answers.get(key), filled.notes.get(key, ())
            )
    return "".join(f"{line}\n" for line in lines)
