"""A paragraph with a stk. or a nr. in the concept is read as the whole paragraph; `tjek`
says so (K019; found by probe X: `paragraffer: ["52 stk. 3"]` drew every § 52 decision)."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli, edit_concept


def test_a_paragraph_written_with_a_stk_is_said_to_be_the_whole_paragraph(
    cli: Cli, example_workspace: Path
) -> None:
    old, new = '  paragraffer: ["32", "46"]\n', '  paragraffer: ["32", "46 stk. 1", "52"]\n'
    edit_concept(example_workspace, old, new)
    result = cli("tjek")
    said = " ".join(result.output.split())
    assert result.exit_code == 0, result.output
    assert "advarsel K019: '46 stk. 1' læses som § 46: en sag trækkes efter sin" in said, said
    assert "Tip: skriv '46'" in said
    assert said.count("K019") == 1  # 32 and 52 are paragraphs as written
