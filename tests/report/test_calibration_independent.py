"""A case's second review by the person who did the first is no calibration: valider says
G035 at its `gennemført_af`, and the report leaves it out of the agreement."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli

DATE = ("--dato", "2026-12-01")


def _second_reviews(root: Path) -> list[Path]:
    return sorted(root.glob("udtræk/*tematiseret*/*.2.yaml"))


def _independent(cli: Cli) -> str:
    result = cli("rapport", *DATE, "-o", "-", "--periode", "2026-11", "--format", "md")
    assert result.exit_code == 0, result.output
    return next(x for x in result.stdout.splitlines() if "uafhængige gennemgange" in x)


def test_a_second_review_by_the_same_leader_is_not_independent(cli: Cli, rapport_ws: Path) -> None:
    assert _independent(cli).startswith("2 sager med")
    second = _second_reviews(rapport_ws)[0]
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("Leder Juul", "Leder Lund"), encoding="utf-8")
    checked = cli("valider", *DATE)
    line = next(
        i
        for i, x in enumerate(second.read_text(encoding="utf-8").splitlines(), start=1)
        if x.startswith("gennemført_af:")
    )
    first = second.name.replace(".2.yaml", ".yaml")
    assert f"{second.name}:{line}:" in checked.output, checked.output
    assert f"advarsel G035: 'gennemført_af' er den samme som i {first}" in checked.output
    assert checked.output.count("G035") == 1
    assert _independent(cli).startswith("1 sag med")
