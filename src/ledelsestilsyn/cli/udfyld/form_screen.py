"""The form for one review: a page for the header, then one page per question.

An answer is one key (shown on the page); every change is saved at once, to the
same file (`review.session`), and checked again with `valider`'s rules. A text
field is saved when it is left (Enter, Escape, Tab); one holding a CPR-like
number is never saved, and says so while it is typed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from ledelsestilsyn.cli.udfyld.fields import set_text, text_field
from ledelsestilsyn.cli.udfyld.pickers import Jump, JumpScreen
from ledelsestilsyn.cli.udfyld.setup import Setup, check
from ledelsestilsyn.core.cpr import find_cpr
from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError
from ledelsestilsyn.core.gate import gate
from ledelsestilsyn.core.words import count
from ledelsestilsyn.io.document import Path_, value_at
from ledelsestilsyn.models.review import CORRECTION_KEYS
from ledelsestilsyn.review.analysis import shows_nothing
from ledelsestilsyn.review.edit import Edit, clean
from ledelsestilsyn.review.form import (
    CORRECTION_LABELS,
    HEADER_FIELDS,
    FormQuestion,
    answered,
    build_questions,
    question_at_line,
    text_at,
)
from ledelsestilsyn.review.session import ReviewFile
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.review.validate import ReviewResult

RESERVED = frozenset("kmtoq")
"""Command keys; a scale whose first letters clash gets digits instead."""
CPR_WARNING = (
    "Feltet ligner et CPR-nummer. Skriv aldrig CPR-numre i gennemgangen; "
    "feltet gemmes ikke, før nummeret er fjernet."
)


class CommentInput(Input):
    """The comment field, which a `nej` opens by itself: while it is empty, → and ← (and
    PgDn/PgUp) still go to the next or previous question, so a leader who answers on and
    did not see it open does not type the next answer into it (`→ n → j` gave the comment
    'j' and left the next question unanswered)."""

    async def _on_key(self, event: events.Key) -> None:
        step = {"right": 1, "pagedown": 1, "left": -1, "pageup": -1}.get(event.key)
        if step is not None and not self.value and isinstance(self.screen, FormScreen):
            event.stop()
            event.prevent_default()
            self.screen.action_move(step)
            return
        await super()._on_key(event)


class FormScreen(Screen[None]):
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,pagedown,enter", "move(1)", "Næste", key_display="→"),
        Binding("left,pageup", "move(-1)", "Forrige", key_display="←"),
        Binding("k", "comment", "Kommentar"),
        Binding("m", "missing", "Mangler"),
        Binding("t", "steps", "Trin"),
        Binding("o", "page(0)", "Oplysninger"),
        Binding("ctrl+r", "reload", "Indlæs"),
        Binding("escape", "leave", "Forlad felt", show=False),
        Binding("q", "close", "Luk"),
    ]

    def __init__(
        self, setup: Setup, review: ReviewFile, checked: ReviewResult | None = None
    ) -> None:
        """`checked`: the file's check if the caller has just made it (else the form does)."""
        super().__init__()
        self.setup = setup
        self.file = review
        self.checked = checked
        self.questions: list[FormQuestion] = []
        self.page = 0
        self.result: ReviewResult | None = None
        self.lines: list[Diagnostic] = []
        self.note = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="top")
        with VerticalScroll(id="body", can_focus=False):
            yield Static("", id="where", classes="meta")
            yield Static("", id="text")
            yield Static("", id="meta", classes="meta")
            yield Static("", id="guide", classes="meta")
            with Vertical(id="header"):
                for number, (key, label) in enumerate(HEADER_FIELDS):
                    yield Static(label, classes="label")
                    yield text_field(f"head-{number}", key)
            with Vertical(id="answer"):
                yield Static("Kommentar", id="comment-label", classes="label")
                yield CommentInput(id="kommentar", compact=True, select_on_focus=False)
                with Vertical(id="correction"):
                    for number, key in enumerate(CORRECTION_KEYS):
                        yield Static(CORRECTION_LABELS[key], classes="label")
                        yield text_field(f"fix-{number}", key)
        yield Static("", id="choices")
        yield Static("", id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._load(self.checked)

    # ── what is shown ─────────────────────────────────────────────────────────

    def _load(self, checked: ReviewResult | None = None) -> None:
        template = self.setup.workspace.catalog.resolve(
            text_at(self.file.doc.data, ("skabelon",)), self.file.display
        )
        self.questions = build_questions(template, self.file.doc, RESERVED)
        self.page = min(self.page, len(self.questions))
        self._revalidate(checked)
        self._show()

    def _revalidate(self, checked: ReviewResult | None = None) -> None:
        """Check the file as `valider` does, unless `checked` is that check, just made."""
        from ledelsestilsyn.cli.views.validation import shown_diagnostics

        self.result = check(self.setup, self.file.path) if checked is None else checked
        self.lines = shown_diagnostics(self.result, require_complete=True) if self.result else []
        if self.result is not None and self.result.state is ReviewState.NOT_STARTED:
            # "G020: ikke påbegyndt" is no error to someone about to begin: `_show_status`
            # says how to begin instead.
            self.lines = [d for d in self.lines if d.code != "G020"]

    @property
    def question(self) -> FormQuestion | None:
        return self.questions[self.page - 1] if self.page else None

    def _show(self) -> None:
        question = self.question
        self.query_one("#header").display = question is None
        self.query_one("#answer").display = question is not None
        if question is None:
            self._put("#where", "Oplysninger om gennemgangen")
            self._put("#text", "Hvem gennemgik sagen, og hvornår (tast → for spørgsmålene).")
            for id_ in ("#meta", "#guide", "#choices"):
                self._put(id_, "")
            for number, (key, _) in enumerate(HEADER_FIELDS):
                self._set_input(f"#head-{number}", text_at(self.file.doc.data, (key,)))
        else:
            self._show_question(question)
        self._show_status()

    def _show_question(self, q: FormQuestion) -> None:
        self._put(
            "#where",
            f"{q.step_title} · spørgsmål {self.page} af {len(self.questions)} · {q.id}",
        )
        self._put("#text", q.text)
        meta = f"Hjemmel: {q.legal_basis}" + (f" · Frist: {q.deadline}" if q.deadline else "")
        self._put("#meta", meta)
        self._put("#guide", f"Vejledning: {q.guidance}" if q.guidance else "")
        data = self.file.doc.data
        chosen = q.by_value(text_at(data, (*q.path, "svar")))
        parts = [
            f"[reverse] {c.key} {escape(gate(c.value))} [/]"
            if c is chosen
            else f"[bold]{c.key}[/] {escape(gate(c.value))}"
            for c in q.choices
        ]
        choices = self.query_one("#choices", Static)
        choices.update("Svar:  " + "   ".join(parts))
        choices.display = True
        need = sorted(c.value for c in q.choices if c.needs_comment)
        label = "Kommentar" + (f" (kræves ved {', '.join(need)})" if need else "")
        self._put("#comment-label", label)
        self._set_input("#kommentar", text_at(data, (*q.path, "kommentar")))
        correction = value_at(data, (*q.path, "rettelse"))
        self.query_one("#correction").display = bool(
            (chosen is not None and chosen.finding) or isinstance(correction, dict)
        )
        for number, key in enumerate(CORRECTION_KEYS):
            self._set_input(f"#fix-{number}", text_at(data, (*q.path, "rettelse", key)))

    def _show_status(self) -> None:
        done = answered(self.questions, self.file.doc.data)
        state = self.result.state.value if self.result else "ikke en gennemgang"
        self._put(
            "#top", f"{self.file.path.name} · {state} · {done}/{len(self.questions)} besvaret"
        )
        here = [d for d in self.lines if self._page_of(d) == self.page]
        lines = [self.note] if self.note else []
        if self.result is not None and self.result.state is ReviewState.COMPLETE:
            lines.append("Gennemgangen er færdig.")
        if self.result is not None and self.result.state is ReviewState.NOT_STARTED:
            lines.append(self._how_to_begin())
        lines += [d.format() for d in here[:4]]
        if len(self.lines) > len(here):
            others = count(
                len(self.lines) - len(here), "andet punkt mangler", "andre punkter mangler"
            )
            lines.append(f"{others} (tast m).")
        self._put("#status", "\n".join(lines))

    def _how_to_begin(self) -> str:
        if not shows_nothing(text_at(self.file.doc.data, ("gennemført_af",))):
            return "Ikke påbegyndt. Tast → for det første spørgsmål."
        if self.setup.reviewer:
            return (
                "Ikke påbegyndt. Tast → for det første spørgsmål; dit navn og dagens dato "
                "skrives ind, når du svarer."
            )
        return "Ikke påbegyndt. Skriv dit navn og datoen, og tast → for det første spørgsmål."

    def _page_of(self, diagnostic: Diagnostic) -> int:
        index = question_at_line(self.questions, diagnostic.line)
        return 0 if index is None else index + 1

    def _put(self, selector: str, text: str) -> None:
        widget = self.query_one(selector, Static)
        widget.update(escape(gate(text)))  # Textual draws it: the terminal's gate is not on the way
        widget.display = bool(text)

    def _set_input(self, selector: str, value: str) -> None:
        set_text(self.query_one(selector, Input), value)

    # ── keys ──────────────────────────────────────────────────────────────────

    def _typing(self) -> bool:
        return isinstance(self.focused, Input)

    def on_key(self, event: events.Key) -> None:
        question = self.question
        if self._typing() or event.character is None:
            return
        if question is None:  # probe BJ: `j` on the first page did nothing, and said nothing
            if self.questions and self.questions[0].by_key(event.character.lower()):
                self.note = "Her er oplysningerne, ikke et spørgsmål: tast → for spørgsmål 1."
                self._show_status()
            return
        choice = question.by_key(event.character.lower())
        if choice is None:
            return
        event.stop()
        event.prevent_default()
        edits: list[Edit] = [((*question.path, "svar"), choice.value)]
        edits += self._header_defaults()
        if self._save(edits) and choice.needs_comment and not self._comment_text(question):
            self.query_one("#kommentar", Input).focus()

    def _comment_text(self, question: FormQuestion) -> str:
        return text_at(self.file.doc.data, (*question.path, "kommentar")).strip()

    def _header_defaults(self) -> list[Edit]:
        """A review begun in `udfyld` gets its reviewer (--bedømmer) and today's date."""
        data = self.file.doc.data
        edits: list[Edit] = []
        # `“”` (Word's quotes around nothing) is empty, as `valider` reads it (probe Q)
        if self.setup.reviewer and shows_nothing(text_at(data, ("gennemført_af",))):
            edits.append((("gennemført_af",), self.setup.reviewer))
        if shows_nothing(text_at(data, ("dato",))):
            edits.append((("dato",), self.setup.today.isoformat()))
        return edits

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self._typing() and action not in ("move", "leave", "reload"))

    def action_move(self, step: int) -> None:
        self._leave_field()
        self.action_page(max(0, min(len(self.questions), self.page + step)))

    def action_page(self, page: int) -> None:
        self.page = page
        self.note = ""
        self.set_focus(None)
        self._show()
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)

    def action_comment(self) -> None:
        target = "#kommentar" if self.question is not None else "#head-0"
        self.query_one(target, Input).focus()

    def action_leave(self) -> None:
        if self._typing():
            self._leave_field()
            self.set_focus(None)
        else:
            self.action_close()

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    def action_reload(self) -> None:
        try:
            self.file.reload()
        except TilsynError as exc:
            self.note = gate(exc.diagnostics[0].format())
            self._show_status()
            return
        self.note = "Filen er indlæst igen fra disken."
        self._load()

    def action_missing(self) -> None:
        picks = [Jump(gate(d.format()), self._page_of(d)) for d in self.lines]
        title = "Det mangler (Enter går dertil):" if picks else "Intet mangler."
        self.app.push_screen(JumpScreen(title, picks), self._jump)

    def action_steps(self) -> None:
        data = self.file.doc.data
        picks: list[Jump] = [Jump("Oplysninger om gennemgangen", 0)]
        for number, q in enumerate(self.questions, 1):
            if number == 1 or q.step != self.questions[number - 2].step:
                same = [x for x in self.questions if x.step == q.step]
                picks.append(Jump(f"{q.step_title} ({answered(same, data)}/{len(same)})", number))
        self.app.push_screen(JumpScreen("Gå til trin:", picks), self._jump)

    def _jump(self, page: int | None) -> None:
        if page is not None:
            self.action_page(page)

    # ── text fields ───────────────────────────────────────────────────────────

    def on_input_changed(self, event: Input.Changed) -> None:
        warned = CPR_WARNING in self.note
        if find_cpr(event.value):
            self.note = CPR_WARNING
        elif warned:
            self.note = ""
        if warned != (CPR_WARNING in self.note):
            self._show_status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._leave_field()
        self.set_focus(None)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        self._save_field(event.input)

    def _leave_field(self) -> None:
        if isinstance(self.focused, Input):
            self._save_field(self.focused)

    def _field_path(self, field: Input) -> Path_ | None:
        name = field.id or ""
        if name.startswith("head-"):
            return (HEADER_FIELDS[int(name[5:])][0],)
        question = self.question
        if question is None:
            return None
        if name == "kommentar":
            return (*question.path, "kommentar")
        if name.startswith("fix-"):
            return (*question.path, "rettelse", CORRECTION_KEYS[int(name[4:])])
        return None

    def _save_field(self, field: Input) -> None:
        path = self._field_path(field)
        if path is None or clean(field.value) == text_at(self.file.doc.data, path):
            return
        if find_cpr(field.value):
            self.note = CPR_WARNING
            self._show_status()
            return
        if path[-2:-1] == ("rettelse",) and not isinstance(
            value_at(self.file.doc.data, path[:-1]), dict
        ):
            fields = {key: field.value if key == path[-1] else "" for key in CORRECTION_KEYS}
            self._save([(path[:-1], fields)])
        else:
            self._save([(path, field.value)])

    def _save(self, edits: list[Edit]) -> bool:
        try:
            self.file.save(edits)
        except TilsynError as exc:
            self.note = gate(exc.diagnostics[0].format())
            self._show_status()
            return False
        self.note = ""
        self._revalidate()
        self._show()
        return True
