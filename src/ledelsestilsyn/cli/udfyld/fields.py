"""The form's text fields: how they are made, and how a question's text is put in them."""

from __future__ import annotations

from textual.widgets import Input

_DATES = ("dato", "frist", "udført")


def text_field(ident: str, key: str) -> Input:
    """A field of the header or a correction. Text is selected on entering a date only: a date
    is typed anew, while typing in a text adds to it (selected, the first key typed replaced
    it all, and the form saves at once)."""
    return Input(id=ident, compact=True, select_on_focus=key in _DATES)


def set_text(field: Input, value: str) -> None:
    """`value` in the field, the cursor after it. Textual keeps the cursor where it was in
    the previous question's text, so ` ok` typed after 'Kort.' landed inside the next
    comment ('Ses a okf afgørelsen'), and was saved at once (found by a probe)."""
    if field.value != value:
        field.value = value
        field.cursor_position = len(value)
