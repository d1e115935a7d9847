"""A list to pick from (what is missing, the steps); Enter jumps, Escape goes back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


@dataclass(frozen=True)
class Jump:
    label: str
    page: int
    """The form page to go to: 0 is the header, n the n-th question."""


class JumpScreen(ModalScreen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "back", "Tilbage")]
    DEFAULT_CSS = """
    JumpScreen { align: center middle; }
    #pick-box { width: 76; height: auto; max-height: 20; border: round $accent; padding: 0 1; }
    #pick-box OptionList { height: auto; max-height: 16; }
    """

    def __init__(self, title: str, picks: list[Jump]) -> None:
        super().__init__()
        self.title_text = title
        self.picks = picks

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        with Vertical(id="pick-box"):
            yield Static(escape(self.title_text))
            yield OptionList(*(Option(escape(p.label)) for p in self.picks))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.picks[event.option_index].page)

    def action_back(self) -> None:
        self.dismiss(None)
