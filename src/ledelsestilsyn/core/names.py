"""People's names as they are written: a case system may put the surname first."""

from __future__ import annotations


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
