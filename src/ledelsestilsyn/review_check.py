"""Checking one review file's content against its template: the part worth caching.

`analyse` turns the bytes of a file into an `Analysis`: header fields,
canonical answers and every problem found, all at once. It depends only on
the bytes, the template and the focus steps, so the result can be cached by
content hash. Checks that depend on the day (`dato` not in the future) are
done afterwards, in `validation`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from pydantic import ValidationError

from .cpr import find_cpr, mask_cpr
from .diagnostics import Diagnostic, Severity, TilsynError
from .models.located import did_you_mean, model_errors
from .models.review import Review
from .periods import Period, parse_period
from .review_template import Match, TemplateIndex
from .yamlio import Path_, YamlDocument, decode, parse_text

WARNING = Severity.WARNING
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ANSWER_KEYS = ("svar", "kommentar")
# Codes that only say the review is not finished yet (not that its content is wrong).
INCOMPLETE_CODES = frozenset({"G021", "G022", "G023", "G024", "G025"})

TemplateLookup = Callable[[str], TemplateIndex]
"""Resolves `id@version` to an index; raises `TilsynError` for an unknown template."""


@dataclass
class Analysis:
    """Everything `analyse` learned from one file (plain data, cacheable)."""

    is_review: bool = True
    skip_reason: str | None = None
    template_ref: str | None = None
    fingerprint: str | None = None
    series: str | None = None
    period: str | None = None
    case_id: str | None = None
    caseworker: str | None = None
    team: str | None = None
    reviewer: str | None = None
    review_date: date | None = None
    date_pos: tuple[int, int] | None = None
    review_no: int | None = None
    started: bool = False
    answers: dict[str, dict[str, tuple[str | None, str]]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def quote(value: str, limit: int = 30) -> str:
    """A user's short value for a message: CPR masked, long text not quoted."""
    text = mask_cpr(" ".join(value.split()))
    return f"'{text}'" if len(text) <= limit else f"teksten ({len(text)} tegn)"


def text_of(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def analyse(raw: bytes, file: str, lookup: TemplateLookup, focus: list[str] | None) -> Analysis:
    """Check one review file; never raises for a problem in the file."""
    text = ""
    try:
        text = decode(raw, file)
        doc = parse_text(text, file)
    except TilsynError as exc:
        return Analysis(diagnostics=[_unclosed_quote(text, d) for d in exc.diagnostics])
    cpr = [_cpr_warning(file, text, start) for start, _ in find_cpr(text)]
    data = doc.data
    if data is None:
        empty = Diagnostic(file, 1, 1, "Y011", "filen er tom.", "udfyld den, eller slet den.")
        return Analysis(diagnostics=[empty, *cpr])
    if not isinstance(data, dict):
        return Analysis(diagnostics=[_not_a_mapping(doc), *cpr])
    reason = _not_a_review(data)
    if reason:
        return Analysis(is_review=False, skip_reason=reason)
    analysis = _header(doc, data)
    analysis.diagnostics.extend(cpr)
    index = _template(doc, analysis, lookup)
    if index is not None:
        _Answers(doc, text, index, focus, analysis).check(data.get("svar"))
    analysis.diagnostics.sort(key=lambda d: (d.line or 0, d.column or 0, d.code))
    return analysis


def _unclosed_quote(text: str, diagnostic: Diagnostic) -> Diagnostic:
    """A YAML error often shows up lines after the quote that was not closed: point at it."""
    if diagnostic.code != "Y003" or diagnostic.line is None:
        return diagnostic
    for number, line in enumerate(text.splitlines()[: diagnostic.line], start=1):
        column = line.find(': "') + 3
        if column > 2 and line.replace('\\"', "").count('"') % 2 == 1:
            return replace(
                diagnostic,
                line=number,
                column=column,
                message="et anførselstegn ser ud til ikke at være lukket "
                f"(YAML-fejlen viser sig først på linje {diagnostic.line}).",
                hint='sæt " i slutningen af værdien.',
            )
    return diagnostic


def _cpr_warning(file: str, text: str, offset: int) -> Diagnostic:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Diagnostic(
        file,
        line,
        column,
        "G030",
        "her står noget, der ligner et CPR-nummer.",
        "slet det; en gennemgang må aldrig indeholde CPR-numre (brug sagsnummeret).",
        WARNING,
    )


def _not_a_mapping(doc: YamlDocument) -> Diagnostic:
    return doc.diagnostic(
        (),
        "G001",
        "filen er ikke en gennemgang: øverst skal stå nøgler og værdier ('tilsyn: …', 'sag: …').",
        hint="start fra en fil lavet af 'tilsyn udtræk'.",
    )


def _not_a_review(data: dict[str, Any]) -> str | None:
    if "sager" in data or "seed" in data:
        return "udtræksmanifest"
    if not {"skabelon", "sag", "svar"} & set(data):
        return "ikke en gennemgang"
    return None


def _header(doc: YamlDocument, data: dict[str, Any]) -> Analysis:
    analysis = Analysis()
    header = {k: v for k, v in data.items() if k != "svar"}
    try:
        Review.model_validate(header)
    except ValidationError as exc:
        analysis.diagnostics.extend(model_errors(Review, doc, exc))
    raw_case = data.get("sag")
    case: dict[str, Any] = raw_case if isinstance(raw_case, dict) else {}
    analysis.series = text_of(data.get("tilsyn"))
    analysis.period = text_of(data.get("periode"))
    analysis.template_ref = text_of(data.get("skabelon"))
    analysis.case_id = text_of(case.get("id"))
    analysis.caseworker = text_of(case.get("rådgiver"))
    analysis.team = text_of(case.get("team"))
    analysis.reviewer = text_of(data.get("gennemført_af"))
    date_text = text_of(data.get("dato"))
    number = text_of(data.get("gennemgang_nr"))
    analysis.review_no = int(number) if number and number.isdigit() else None
    pos = doc.values.get(("dato",))
    analysis.date_pos = (pos.line, pos.column) if pos else None
    analysis.started = bool(analysis.reviewer or date_text)
    _dates(doc, analysis, date_text)
    for key, code, what in (("gennemført_af", "G024", "hvem"), ("dato", "G025", "hvornår")):
        if key in data and text_of(data[key]) is None:
            analysis.diagnostics.append(
                doc.diagnostic(
                    (key,),
                    code,
                    f"'{key}' er ikke udfyldt.",
                    hint=f"skriv {what} gennemgangen er lavet"
                    + (" (ÅÅÅÅ-MM-DD)." if key == "dato" else "."),
                    severity=WARNING,
                )
            )
    return analysis


def _dates(doc: YamlDocument, analysis: Analysis, date_text: str | None) -> None:
    """`periode` readable; `dato` a real date, not before the period (the future: later)."""
    period: Period | None = None
    if analysis.period:
        try:
            period = parse_period(analysis.period)
        except TilsynError as exc:
            first = exc.diagnostics[0]
            analysis.diagnostics.append(
                doc.diagnostic(("periode",), "G004", first.message, hint=first.hint)
            )
    if not date_text:
        return
    try:
        if not _ISO_DATE.match(date_text):
            raise ValueError
        day = date.fromisoformat(date_text)
    except ValueError:
        analysis.diagnostics.append(
            doc.diagnostic(
                ("dato",),
                "G005",
                "'dato' er ikke en gyldig dato.",
                hint="skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-24.",
            )
        )
        return
    analysis.review_date = day
    if period is not None and day < period.start:
        analysis.diagnostics.append(
            doc.diagnostic(
                ("dato",),
                "G007",
                f"'dato' ligger før perioden {period.label} (som starter {period.start}).",
                hint="en gennemgang laves i eller efter sin periode; tjek år og måned.",
            )
        )


def _template(
    doc: YamlDocument, analysis: Analysis, lookup: TemplateLookup
) -> TemplateIndex | None:
    ref = analysis.template_ref
    if ref is None:
        return None
    try:
        index = lookup(ref)
    except TilsynError as exc:
        first = exc.diagnostics[0]
        analysis.diagnostics.append(
            doc.diagnostic(("skabelon",), "G002", first.message, hint=first.hint)
        )
        return None
    analysis.fingerprint = index.fingerprint
    if "@" not in ref:
        analysis.diagnostics.append(
            doc.diagnostic(
                ("skabelon",),
                "G003",
                f"skabelonen er angivet uden version; bruger {index.ref}.",
                hint=f"skriv 'skabelon: {index.ref}'.",
                severity=WARNING,
            )
        )
    return index


class _Answers:
    """The walk over `svar`: every problem in every step and question, in one pass."""

    def __init__(
        self,
        doc: YamlDocument,
        text: str,
        index: TemplateIndex,
        focus: list[str] | None,
        analysis: Analysis,
    ) -> None:
        self.doc = doc
        self.lines = text.splitlines()
        self.index = index
        if focus == []:
            focus = list(index.steps)  # a manifest without 'fokus' drew every step
        self.focus = None if focus is None else [s for s in focus if s in index.steps] or None
        self.analysis = analysis
        self.seen: dict[str, int] = {}

    def add(self, path: Path_, code: str, message: str, **kwargs: Any) -> None:
        self.analysis.diagnostics.append(self.doc.diagnostic(path, code, message, **kwargs))

    def check(self, answers: Any) -> None:
        if "svar" not in self.doc.data:
            self.add((), "G009", "nøglen 'svar' mangler.", hint="tilføj 'svar:' med sagsskridtene.")
            return
        if answers is None or answers == "":
            answers = {}
        if not isinstance(answers, dict):
            self.add(("svar",), "G008", _MAPPING, hint="skriv sagsskridtene under 'svar:'.")
            return
        for step_id, questions in answers.items():
            self.step(step_id, questions)
        wanted = self.focus or [s for s in answers if s in self.index.steps]
        for step_id in wanted:
            if step_id not in answers:
                self.add(
                    ("svar",),
                    "G012",
                    f"sagsskridtet '{step_id}' er i fokus, men mangler i filen.",
                    hint="hent det fra en ny fil lavet af 'tilsyn udtræk', eller tilføj det.",
                    key=True,
                )
        if not wanted:
            self.add(("svar",), "G012", "gennemgangen har ingen sagsskridt.", key=True)

    def step(self, step_id: str, questions: Any) -> None:
        path: Path_ = ("svar", step_id)
        if step_id not in self.index.steps:
            self.add(
                path, "G010", f"ukendt sagsskridt {quote(step_id)}.", **self._step_hint(step_id)
            )
            return
        if self.focus is not None and step_id not in self.focus:
            self.add(
                path,
                "G011",
                f"sagsskridtet '{step_id}' er ikke i fokus for dette udtræk.",
                hint=f"i fokus: {', '.join(self.focus)}. Slet sagsskridtet, eller ret udtrækket.",
                key=True,
            )
            return
        if questions is None or questions == "":
            questions = {}
        if not isinstance(questions, dict):
            self.add(path, "G008", _MAPPING, hint="skriv spørgsmålene under sagsskridtet.")
            return
        recorded = self.analysis.answers.setdefault(step_id, {})
        for question_id, entry in questions.items():
            self.question(step_id, question_id, entry, recorded)
        for question_id in self.index.steps[step_id]:
            if question_id not in questions:
                recorded[question_id] = (None, "")
                self.add(
                    path,
                    "G022",
                    f"spørgsmålet '{question_id}' mangler i filen.",
                    hint="tilføj det igen med 'svar:' og 'kommentar:'.",
                    key=True,
                    severity=WARNING,
                )

    def _step_hint(self, step_id: str) -> dict[str, Any]:
        home = self.index.home.get(step_id)
        if home:
            return {"hint": f"'{step_id}' er et spørgsmål; det hører under '{home}'.", "key": True}
        guess = did_you_mean(step_id, list(self.index.steps))
        known = ", ".join(self.index.steps)
        return {"hint": f"mente du '{guess}'?" if guess else f"kendte: {known}.", "key": True}

    def question(
        self,
        step_id: str,
        question_id: str,
        entry: Any,
        recorded: dict[str, tuple[str | None, str]],
    ) -> None:
        path: Path_ = ("svar", step_id, question_id)
        if not self._known_question(step_id, question_id, path):
            return
        if entry is None or entry == "":
            entry = {}
        if not isinstance(entry, dict):
            self.add(
                path, "G008", _MAPPING, hint="skriv 'svar: \"…\"' og 'kommentar: \"…\"' under."
            )
            return
        for key in entry:
            if key not in ANSWER_KEYS:
                guess = did_you_mean(key, list(ANSWER_KEYS))
                hint = f"mente du '{guess}'?" if guess else "tilladt her: svar, kommentar."
                self.add((*path, key), "G015", f"ukendt nøgle {quote(key)}.", hint=hint, key=True)
        answer = self._answer(question_id, path, entry.get("svar"))
        comment = self._comment(path, entry.get("kommentar"))
        recorded[question_id] = (answer, comment)
        if answer is None and _blank(entry.get("svar")):
            self.add(
                (*path, "svar"), "G021", f"'{question_id}' er ikke besvaret.", severity=WARNING
            )
        if answer in self.index.scales[question_id].needs_comment and not comment:
            self.add(
                (*path, "kommentar"),
                "G023",
                f"svaret '{answer}' på '{question_id}' kræver en kommentar.",
                hint="skriv kort, hvad der mangler i sagen.",
                severity=WARNING,
            )

    def _known_question(self, step_id: str, question_id: str, path: Path_) -> bool:
        line = self.doc.keys[path].line if path in self.doc.keys else 0
        if question_id in self.seen:
            first = self.seen[question_id]
            self.add(
                path,
                "G014",
                f"spørgsmålet '{question_id}' er besvaret to gange (også linje {first}).",
                hint="slet det ene svar.",
                key=True,
            )
            return False
        home = self.index.home.get(question_id)
        if home is None:
            guess = did_you_mean(question_id, self.index.steps[step_id])
            hint = (
                f"mente du '{guess}'?"
                if guess
                else f"spørgsmål her: {_few(self.index.steps[step_id])}."
            )
            self.add(path, "G013", f"ukendt spørgsmål {quote(question_id)}.", hint=hint, key=True)
            return False
        self.seen[question_id] = line
        if home != step_id:
            self.add(
                path,
                "G013",
                f"spørgsmålet '{question_id}' hører under sagsskridtet '{home}', ikke '{step_id}'.",
                hint=f"flyt det ind under '{home}'.",
                key=True,
            )
            return False
        return True

    def _answer(self, question_id: str, path: Path_, value: Any) -> str | None:
        where = (*path, "svar")
        if value is None:
            return None
        if not isinstance(value, str):
            self.add(where, "G018", "svaret skal være en tekst, ikke en liste eller mapping.")
            return None
        if not value.strip():
            return None
        self.analysis.started = True
        scale = self.index.scales[question_id]
        canonical, match = scale.match(value)
        if match is Match.UNKNOWN:
            guess = scale.suggest(value)
            message = (
                f"{quote(value)} er ikke et gyldigt svar på {question_id} "
                f"(gyldige: {', '.join(scale.values)})."
            )
            self.add(where, "G016", message + (f" Mente du '{guess}'?" if guess else ""))
            return None
        if match is not Match.EXACT:
            self.add(
                where,
                "G017",
                f"{quote(value)} læses som '{canonical}'.",
                hint=f"skriv '{canonical}' (tilsyn ændrer ikke filen).",
                severity=WARNING,
            )
        return canonical

    def _comment(self, path: Path_, value: Any) -> str:
        where = (*path, "kommentar")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.add(where, "G018", "kommentaren skal være en tekst, ikke en liste eller mapping.")
            return ""
        if value.strip():
            self.analysis.started = True
            self._cut_comment(where)
        return value.strip()

    def _cut_comment(self, where: Path_) -> None:
        pos = self.doc.values.get(where)
        if pos is None or pos.line > len(self.lines):
            return
        rest = self.lines[pos.line - 1][pos.column - 1 :]
        if rest[:1] not in ('"', "'", "|", ">") and " #" in rest:
            self.add(
                where,
                "G019",
                "kommentaren er skåret over ved '#'; teksten efter '#' går tabt.",
                hint='sæt hele kommentaren i anførselstegn: kommentar: "…".',
                severity=WARNING,
            )


_MAPPING = "her skal stå nøgler og værdier ('nøgle: værdi'), ikke en liste eller en tekst."


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _few(items: list[str], limit: int = 4) -> str:
    return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")
