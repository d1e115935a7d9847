"""The walk over a review's `svar`: every problem in every step and question, in one pass.

Steps must be known and (with a manifest) in focus; focus steps must be
present; question ids must be known, in their own step and answered once;
each answer must be on the question's scale (loose and synonym matches are
warnings), and a comment must be there where the scale requires one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ledelsestilsyn.core.cpr import INVISIBLES, mask_cpr
from ledelsestilsyn.core.quote import quote_unknown
from ledelsestilsyn.core.words import listing
from ledelsestilsyn.io.document import Path_, YamlDocument
from ledelsestilsyn.models.located import did_you_mean, unknown_key
from ledelsestilsyn.review.analysis import WARNING, Analysis, shows_nothing
from ledelsestilsyn.review.corrections import check_correction
from ledelsestilsyn.review.template_index import Match, TemplateIndex, lookalike

ANSWER_KEYS = ("svar", "kommentar", "rettelse")


class AnswerChecker:
    """Checks `svar` of one review against one template and records the answers."""

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
        self._once("G017")
        wanted = self.focus or [s for s in answers if s in self.index.steps]
        for step_id in wanted:
            if step_id not in answers:
                self.add(
                    ("svar",),
                    "G012",
                    f"sagsskridtet '{step_id}' er i fokus, men mangler i filen.",
                    # udtræk never writes into a sample that is there (a probe followed the
                    # old hint, 'hent det fra en ny fil', and could not)
                    hint="kopiér sagsskridtet fra en anden gennemgang i samme stikprøve, eller "
                    "tilføj det.",
                    key=True,
                )
        if not wanted:
            self.add(("svar",), "G012", "gennemgangen har ingen sagsskridt.", key=True)

    def _once(self, code: str) -> None:
        """One warning `code` per message in the file, the first, saying how many answers more
        it is about (a probe: `Høj grad` typed as Word writes it gave 20 lines for one file,
        hiding the warnings that mattered)."""
        found = self.analysis.diagnostics
        same: dict[str, list[int]] = {}
        for n, d in enumerate(found):
            if d.code == code:
                same.setdefault(d.message, []).append(n)
        drop = {n for places in same.values() for n in places[1:]}
        if not drop:
            return
        for places in same.values():
            if len(places) > 1:
                first = found[places[0]]
                more = f" (også i {len(places) - 1} svar mere i filen)"
                found[places[0]] = replace(first, message=first.message[:-1] + more + ".")
        found[:] = [d for n, d in enumerate(found) if n not in drop]

    def step(self, step_id: str, questions: Any) -> None:
        path: Path_ = ("svar", step_id)
        if step_id not in self.index.steps:
            self.add(
                path,
                "G010",
                f"ukendt sagsskridt {quote_unknown(step_id, self._ids())}.",
                **self._step_hint(step_id),
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

    def _ids(self) -> list[str]:
        """The step and question ids of the template: what a key under 'svar' may be."""
        return [*self.index.steps, *self.index.home]

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
                message, hint = unknown_key(key, ANSWER_KEYS)
                self.add((*path, key), "G015", message, hint=hint, key=True)
        answer = self._answer(question_id, path, entry.get("svar"))
        comment = self._comment(path, entry.get("kommentar"))
        recorded[question_id] = (answer, comment)
        check_correction(
            self.doc,
            self.analysis,
            (*path, "rettelse"),
            entry.get("rettelse"),
            answer=answer,
            positive=self.index.scales[question_id].positive,
        )
        if answer is None and _blank(entry.get("svar")):
            self.add(
                (*path, "svar"),
                "G021",
                f"'{question_id}' er ikke besvaret.",
                hint=f"svar {listing(list(self.index.scales[question_id].values), 'eller')}.",
                severity=WARNING,
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
            self.add(
                path,
                "G013",
                f"ukendt spørgsmål {quote_unknown(question_id, self._ids())}.",
                hint=hint,
                key=True,
            )
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
            self.add(
                where, "G018", "svaret skal være en tekst, ikke en liste eller nøgler med værdier."
            )
            return None
        if shows_nothing(value):
            return None
        self.analysis.started = True
        scale = self.index.scales[question_id]
        canonical, match = scale.match(value)
        if match is Match.UNKNOWN:
            guess = scale.suggest(value)
            # an answer of another scale is the tool's word, quoted (probe BK: `ja` on a
            # question with the grad scale was '(en tekst på 2 tegn)')
            words = [*scale.values, *(v for s in self.index.scales.values() for v in s.values)]
            message = (
                f"{quote_unknown(value, words, suggested=guess)} er ikke et gyldigt "
                f"svar på {question_id} "
                f"(gyldige: {', '.join(scale.values)})."
            )
            foreign = guess is not None and lookalike(value) is not None
            self.add(
                where,
                "G016",
                message + (f" Mente du '{guess}'?" if guess else ""),
                hint="svaret har et bogstav fra et andet alfabet (fx kyrillisk), der ligner et "
                "dansk; skriv svaret igen på et dansk tastatur."
                if foreign
                else _answer_with_more(value, scale.values),
            )
            return None
        if match is not Match.EXACT:
            # The text is one of the scale's answers, only spelled otherwise: no free text,
            # so it is shown as written (`'Lav grad'`), where `quote` would only count it.
            shown = " ".join(value.split())
            said = f"'{shown}'" if shown != canonical else "svaret med ekstra mellemrum"
            if INVISIBLES.search(value):  # `'j​a' er ikke et gyldigt svar … Mente du 'ja'?`
                said = "svaret med usynlige tegn (fra kopieret tekst)"
            self.add(
                where,
                "G017",
                f"{said} læses som '{canonical}'.",
                hint=f"skriv '{canonical}' (tilsyn ændrer ikke filen).",
                severity=WARNING,
            )
        return canonical

    def _comment(self, path: Path_, value: Any) -> str:
        where = (*path, "kommentar")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.add(
                where,
                "G018",
                "kommentaren skal være en tekst, ikke en liste eller nøgler med værdier.",
            )
            return ""
        if shows_nothing(value):
            if value.strip():
                self.add(
                    where,
                    "G063",
                    "kommentaren er tom: der står kun anførselstegn eller usynlige tegn.",
                    hint='skriv kommentaren mellem almindelige anførselstegn: kommentar: "…".',
                    severity=WARNING,
                )
            return ""
        self.analysis.started = True
        self._cut_comment(where)
        return mask_cpr(value.strip())

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
    return value is None or (isinstance(value, str) and shows_nothing(value))


def _few(items: list[str], limit: int = 4) -> str:
    return ", ".join(items[:limit]) + (" …" if len(items) > limit else "")


def _answer_with_more(value: str, answers: Sequence[str]) -> str | None:
    """The hint for an answer followed by more text ("ja, men notatet mangler dato"):
    the remark belongs in `kommentar`. Longest answers first, so "ikke relevant" wins."""
    text = value.strip().casefold()
    for answer in sorted(answers, key=len, reverse=True):
        rest = text.removeprefix(answer.casefold())
        if rest != text and not rest[0].isalnum() and any(c.isalnum() for c in rest):
            return f"skriv kun '{answer}' i svar, og resten i kommentar."
    return None
