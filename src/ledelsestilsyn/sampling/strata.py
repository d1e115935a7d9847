"""The name of a level's group in its strata ('Team Nord / handleplan'), as people read it.

A level draws per value of one column (`pr: team`), and each stratum's name begins with the
group's. Named as column and value, a team already called "Team Nord" read "team Team Nord"
(in the table, the notes and the manifest); a value that already says its column's word is
therefore its own name, and any other keeps the column in front: "team Enhed Amager".
"""

from __future__ import annotations

import re


def group_label(column: str, value: str) -> str:
    """'Team Nord' for team 'Team Nord'; 'team Enhed Amager'; 'risikoområde kort snor'."""
    word = re.compile(rf"(?<!\w){re.escape(column.strip())}(?!\w)", re.IGNORECASE)
    return value if word.search(value) else f"{column} {value}"
