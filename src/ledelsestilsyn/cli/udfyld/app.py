"""The Textual app: a folder's reviews with their state, or one review's form."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ledelsestilsyn.cli.udfyld.form_screen import FormScreen
from ledelsestilsyn.cli.udfyld.setup import Setup
from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.gate import gate
from ledelsestilsyn.review.form import next_review
from ledelsestilsyn.review.session import ReviewFile
from ledelsestilsyn.review.validate import ReviewResult, run_checks


class ReviewList(Screen[None]):
    """A folder's reviews with their state; Enter opens one, the next unfinished is chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Åbn", show=True),
        Binding("q,escape", "app.quit", "Afslut"),
    ]

    def __init__(self, setup: Setup) -> None:
        super().__init__()
        self.setup = setup
        self.results: list[ReviewResult] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="list-title")
        yield OptionList(id="reviews")
        yield Footer()

    def on_screen_resume(self) -> None:
        """Shown first, and again after a form closes: the states may have changed."""
        self.refresh_list()

    def refresh_list(self) -> None:
        setup = self.setup
        self.results = run_checks(
            setup.workspace, [setup.target], today=setup.today, use_cache=False
        ).results
        listing = self.query_one("#reviews", OptionList)
        listing.clear_options()
        width = max((len(r.display) for r in self.results), default=10)
        for result in self.results:
            who = f"  {result.reviewer}" if result.reviewer else ""
            row = f"{result.display:<{width}}  {result.state.value:<15}{who}"
            listing.add_option(Option(escape(gate(row)), id=str(result.path)))
        chosen = next_review(self.results, setup.reviewer)
        title = self.query_one("#list-title", Static)
        if not self.results:
            self._title(f"Ingen gennemgange i {setup.target}.")
            return
        if chosen is None:
            title.update("Alle gennemgange er færdige (for dig). Vælg en med piletasterne.")
            return
        self._title(f"Næste ufærdige: {chosen.display}. Enter åbner den.")
        listing.highlighted = self.results.index(chosen)
        listing.focus()

    def _title(self, text: str) -> None:
        """A title naming a folder or file: gated, and never read as markup (`[b]`, `[/]`)."""
        self.query_one("#list-title", Static).update(escape(gate(text)))

    def action_open(self) -> None:
        listing = self.query_one("#reviews", OptionList)
        if listing.highlighted is not None:
            self.open(self.results[listing.highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.open(self.results[event.option_index])

    def open(self, result: ReviewResult) -> None:
        try:
            review = ReviewFile.open(result.path, result.display)
        except TilsynError as exc:
            self._title(exc.diagnostics[0].format())
            return
        self.app.push_screen(FormScreen(self.setup, review))


class UdfyldApp(App[None]):
    """`tilsyn udfyld`: a list of reviews (a folder) or one form (a file)."""

    TITLE = "tilsyn udfyld"
    ENABLE_COMMAND_PALETTE = False
    CSS = """
    Screen { layout: vertical; }
    #top, #list-title { height: auto; padding: 0 1; text-style: bold; }
    #body { height: 1fr; padding: 0 1; }
    #status { height: auto; max-height: 6; padding: 0 1; }
    .meta { color: $text-muted; }
    .label { margin-top: 1; }
    Input { margin: 0; background: $boost; }
    #choices { height: auto; padding: 0 1; border-top: solid $primary; }
    .warning { color: $warning; text-style: bold; }
    """

    def __init__(
        self,
        setup: Setup,
        first: ReviewFile | None = None,
        checked: ReviewResult | None = None,
    ) -> None:
        """`first`: the file to open (else the list); `checked`: its check, if just made."""
        super().__init__()
        self.setup = setup
        self.first = first
        self.checked = checked
        self.failure: Exception | None = None
        """A bug inside the app: the command reports it as one line, never a traceback."""

    def on_mount(self) -> None:
        if self.first is None:
            self.push_screen(ReviewList(self.setup))
        else:
            self.push_screen(FormScreen(self.setup, self.first, self.checked))

    def _handle_exception(self, error: Exception) -> None:
        self.failure = error
        self.exit()
