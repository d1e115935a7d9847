"""Danish counts in messages: "1 advarsel", "2 advarsler", "0 sager".

Every count a user reads goes through `count`, so no message says "1 advarsler"
or "3 ugyldig". Danish uses the plural for 0 and for every number but 1.
"""

from __future__ import annotations


def count(n: int, one: str, many: str) -> str:
    """`n` followed by the singular or plural phrase: `count(1, "ny fil", "nye filer")`."""
    return f"{n} {one if n == 1 else many}"


def number(value: int) -> str:
    """An integer with `.` as thousands separator: 10000 -> `10.000`."""
    return f"{value:,}".replace(",", ".")


def listing(items: list[str], last: str = "og") -> str:
    """Items joined the Danish way: "a, b og c" (or "a, b eller c" with `last="eller"`)."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
