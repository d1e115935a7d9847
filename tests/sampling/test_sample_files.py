"""What a drawn sample writes about a case: a CPR number in any column is masked."""

from __future__ import annotations

from ledelsestilsyn.sampling.draw import Case, Pick
from ledelsestilsyn.sampling.files import case_entry


def test_cpr_in_caseworker_team_or_column_is_masked() -> None:
    case = Case("S-1", "Anne 010203-1234", "Team 0102031234", {"note": "mor 010203-1234 "})
    entry = case_entry(Pick(case, None, "tilfældigt udvalgt"), ["S-1.yaml"])
    assert entry["rådgiver"] == "Anne XXXXXX-XXXX"
    assert entry["team"] == "Team XXXXXXXXXX"
    assert entry["egenskaber"] == {"note": "mor XXXXXX-XXXX"}
    assert entry["id"] == "S-1" and entry["filer"] == ["S-1.yaml"]
