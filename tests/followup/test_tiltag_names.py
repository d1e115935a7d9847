"""A name in a tiltag's text (probe BE): `mor oksana shevchenko` in a title reached the
committee's report and the calendar, and neither `tjek` nor `tiltag` warned. Every output shows
`[navn]` now; `tiltag.yaml` itself is shared, so the leaders are told (O038), as `valider`
tells them of a name in a review (G068)."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli

TILTAG = """\
tiltag:
  - id: "samtaler"
    titel: "Bedre samtaler efter sagen med mor oksana shevchenko"
    beskrivelse: "Aftalt med {colleague} på teammødet."
    besluttet: "2026-10-15"
    status: "i gang"
    evaluer_efter_måneder: 6
    mål:
      spørgsmål: [anbringelse-7]
    skabelon: "overordnet"
"""


def test_a_name_in_a_tiltag_s_title_is_warned_of_and_a_colleague_s_is_not(
    example_workspace: Path, cli: Cli
) -> None:
    colleague = "Camilla Bjørnholt"
    (example_workspace / "tiltag.yaml").write_text(
        TILTAG.format(colleague=colleague), encoding="utf-8"
    )
    concept = example_workspace / "koncept.yaml"
    assert colleague in concept.read_text(encoding="utf-8")
    result = cli("tjek")
    said = " ".join(result.output.split())
    assert (
        "tiltag.yaml:3:" in said
        and "advarsel O038: teksten ser ud til at nævne nogen ved navn (o. s.)" in said
    ), said
    assert said.count("O038") == 1  # the colleague the concept names is known
    assert "shevchenko" not in said and "oksana" not in said
