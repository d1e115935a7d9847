"""T023: a name in a local template's text (probe BH: a name typed as a local template's
title, or as an answer on its scale, was printed by `skabelon`, in the leader's report and in
`valider`'s messages, and no command warned). And the other way: no text of a built-in
template reads as a name, so a leader who writes as the templates do (`Vurdér, om …`, `Tag
fat i …`) is not told of a name, nor has words of a comment shown as `[navn]`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import Cli
from ledelsestilsyn.core.unknown_names import likely_names
from ledelsestilsyn.templates.catalog import shipped_dir

LOCAL = """\
id: lokal
titel: "{title}"
version: "1"
type: overordnet
skala:
  - svar: "{answer}"
    positiv: true
  - svar: "ikke i orden"
  - svar: "ikke relevant"
    neutral: true
sagsskridt:
  - id: journal
    titel: "Journalføring"
    spørgsmål:
      - id: journal-1
        tekst: "Er journalen ført inden for fristen?"
        hjemmel: "forvaltningsloven § 13"
        vejledning: "Vurdér, om notaterne er skrevet senest 5 dage efter samtalen. Tag fat i
          sagsbehandleren ved tvivl. Svar ikke relevant, hvis der ikke har været samtaler."
"""


def _texts(data: object) -> list[str]:
    if isinstance(data, dict):
        return [t for v in data.values() for t in _texts(v)]
    if isinstance(data, list):
        return [t for v in data for t in _texts(v)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("path", sorted(shipped_dir().glob("*.yaml")), ids=lambda p: p.name)
def test_no_text_of_a_built_in_template_reads_as_a_name(path: Path) -> None:
    """Found names: `Vurdér`, `Tag`, `Regn`, `Sammenhold`, `Tema`, `Visse`, `Partnerskab`,
    `Folketingets Ombudsmand`, `Boligministeriet`, and `Svar` after `… med familien.`."""
    texts = _texts(yaml.safe_load(path.read_text(encoding="utf-8")))
    found = {t[a:b] for t in texts for a, b in likely_names(t)}
    assert found == set()


def _local(workspace: Path, title: str, answer: str = "i orden") -> None:
    (workspace / "skabeloner").mkdir(exist_ok=True)
    text = LOCAL.format(title=title, answer=answer)
    (workspace / "skabeloner" / "lokal.yaml").write_text(text, encoding="utf-8")


def test_a_name_in_a_local_template_s_text_is_warned_of_by_tjek(
    example_workspace: Path, cli: Cli
) -> None:
    _local(example_workspace, "Lokalt tilsyn ved Kirsten Ågesen", answer="Hanne Kjær godkender")
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    found = re.findall(r"skabeloner/lokal\.yaml:(\d+):\d+: advarsel T023: [^.]*\(([^)]*)\)", said)
    assert found == [("2", "K. Å."), ("6", "H. K.")], said
    assert "Kirsten" not in said and "Kjær" not in said
    assert "skriv en rolle" in said


def test_a_local_template_without_a_name_is_not_warned_of(
    example_workspace: Path, cli: Cli
) -> None:
    """The municipality's name is no one's, and the template's guidance reads as Danish."""
    _local(example_workspace, "Lokalt tilsyn, Eksempelby Kommune")
    result = cli("tjek")
    assert result.exit_code == 0, result.output
    assert "T023" not in result.output, result.output


@pytest.mark.parametrize(
    ("extension", "code"),
    [
        ('udelad: ["Kirsten Ågesen"]', "T014"),
        ('hent:\n  - skabelon: tematiseret\n    spørgsmål: ["Kirsten Ågesen"]', "T013"),
    ],
)
def test_a_name_typed_as_a_question_to_leave_out_or_take_is_not_quoted(
    example_workspace: Path, cli: Cli, extension: str, code: str
) -> None:
    """Probe BH: T013 and T014 quoted what was typed whole, in every command."""
    (example_workspace / "skabeloner").mkdir()
    own = 'id: vores\ntitel: "Vores"\nversion: "1"\ntype: overordnet\nudvider: overordnet\n'
    (example_workspace / "skabeloner" / "vores.yaml").write_text(
        own + extension + "\n", encoding="utf-8"
    )
    result = cli("tjek")
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and f"fejl {code}: " in said, said
    assert "(en tekst på 14 tegn)" in said and "Kirsten" not in said, said
