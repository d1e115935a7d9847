"""People's names as they are written: a case system may put the surname first."""

from __future__ import annotations

import re


def name_orders(name: str) -> set[str]:
    """The ways `name` is written, spaces collapsed: `Kjær, Søren` (a case system's surname
    first) is also `Søren Kjær`, as a comment or a leader writes it."""
    name = " ".join(name.split())
    surname, comma, first = name.partition(",")
    if not comma or not first.strip() or not surname.strip():
        return {name}
    return {name, f"{first.strip()} {surname.strip()}"}


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name the same person: case aside, in either order."""
    return bool({n.casefold() for n in name_orders(a)} & {n.casefold() for n in name_orders(b)})


def names_person(text: str, name: str) -> bool:
    """Whether `text` names the person `name` in full, either of them in either order, as
    whole words: `Teamleder Søren Kjær` and `Kjær, Søren` name `Søren Kjær`; `Søren
    Kjærgaard` does not."""
    for form in name_orders(name):
        words = [re.escape(w) for w in form.replace(",", " ").split()]
        pattern = re.compile(r"(?<!\w)" + r"[\s,]+".join(words) + r"(?!\w)", re.I)
        if words and any(pattern.search(written) for written in name_orders(text)):
            return True
    return False
