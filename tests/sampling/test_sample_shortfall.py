"""A sample smaller than asked for says so on the screen, and says why."""

from __future__ import annotations

from pathlib import Path

from conftest import Cli

SERIES = "månedligt-overordnet"
ARGS = ("udtræk", "eksport.csv", "--tilsyn", SERIES, "--periode", "2026-11")


def test_a_count_beyond_the_eligible_cases_is_reported(cli: Cli, example_workspace: Path) -> None:
    result = cli(*ARGS, "--antal", "400")
    assert result.exit_code == 0, result.output
    tail = result.output.splitlines()[-2:]
    drawn = int(tail[0].split()[1])
    assert drawn < 400
    assert tail[0].startswith(f"Trak {drawn} af 400 ønskede sager (seed "), tail
    assert tail[1] == (
        f"Bemærk: kun {drawn} af 400 sager kunne trækkes; der er ikke flere mulige sager."
    ), tail


def test_extending_a_sample_that_has_every_case_writes_nothing(
    cli: Cli, example_workspace: Path
) -> None:
    """A probe: `--antal 8` over a sample of every possible case said "Udvidede stikprøven
    … til 6 sager … 0 nye", and the manifest said `antal: 8` with an extension of none."""
    assert cli(*ARGS, "--antal", "400").exit_code == 0
    manifest = example_workspace / "udtræk" / f"2026-11-{SERIES}" / "udtræk.yaml"
    before = manifest.read_bytes()
    result = cli(*ARGS, "--antal", "500")
    assert result.exit_code == 0, result.output
    said = result.output.splitlines()
    folder = f"udtræk/2026-11-{SERIES}"
    assert said[0].startswith(f"Stikprøven {folder} kan ikke udvides til 500: "), said
    assert "intet er skrevet" in said[0] and said[1].startswith("Bemærk: kun "), said
    assert manifest.read_bytes() == before


def test_a_dry_run_reports_the_shortfall_too(cli: Cli, example_workspace: Path) -> None:
    result = cli(*ARGS, "--antal", "400", "--tør")
    assert "Bemærk: kun " in result.output and "af 400 sager kunne trækkes" in result.output


def _quota(folder: Path, where: str) -> None:
    path = folder / "koncept.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "    rotation: rådgiver\n"
    quota = f'    kvoter:\n      - navn: "nord"\n        hvor: {where}\n        antal: 2\n'
    path.write_text(text.replace(anchor, anchor + quota, 1), encoding="utf-8")


def test_a_quota_value_that_matches_nothing_names_the_real_values(
    cli: Cli, example_workspace: Path
) -> None:
    _quota(example_workspace, '{team: ["Team Nordd"]}')
    result = cli(*ARGS)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "kun 0 mulige sager" not in flat
    assert (
        "Bemærk: nord: ingen af de mulige sager har team 'Team Nordd' (mente du 'Team Nord'?); "
        "de mulige sager har i kolonnen team: Team Nord, Team Syd, Team Unge, Team Vest" in flat
    ), result.output


def test_a_quota_value_with_no_near_miss_lists_the_values(
    cli: Cli, example_workspace: Path
) -> None:
    _quota(example_workspace, '{fase: ["klage"]}')
    flat = " ".join(cli(*ARGS).output.split())
    assert "nord: ingen af de mulige sager har fase 'klage'; de mulige sager har i kolonnen " in (
        flat
    ), flat
    assert "mente du" not in flat


def test_a_column_without_any_value_is_said_so() -> None:
    """kk's niveau 2 on a team without risk areas said 'de mulige sager har i kolonnen
    risikoområde: ingen værdier'; now the sentence says it the Danish way round."""
    from ledelsestilsyn.sampling.hints import unmatched

    def empty(_: str) -> list[str]:
        return ["", " "]

    where = {"risikoområde": ["kort snor"]}
    among = unmatched(empty, where, str.casefold, "af de mulige sager", "de mulige sager")
    assert among == (
        "ingen af de mulige sager har risikoområde 'kort snor'; "
        "de mulige sager har ingen værdi i kolonnen risikoområde"
    )
    rows = unmatched(empty, {"fase": ["undersøgelse"]}, str.casefold, "rækker")
    assert rows == "ingen rækker har fase 'undersøgelse'; kolonnen fase er tom"


def test_a_value_that_seems_to_name_someone_is_never_listed() -> None:
    """A probe (6 December 2026): a quota matching no case (U-note) and a phase no row has
    (E015) listed the column's values of every eligible case, on the screen and in the
    manifest: `vold – Emil Karimi`, and `mente du 'sikkerhedsplaan Zlatan'?`. A value that
    seems to name someone is left out, as a CPR-like one is."""
    from ledelsestilsyn.sampling.hints import unmatched

    values = ["handleplan", "vold – Emil Karimi", "Zlatan Abdirahman", "sikkerhedsplaan Zlatan"]
    said = unmatched(lambda _: values, {"risikoområde": ["sikkerhedsplan"]}, str.casefold)
    assert said == (
        "ingen sager har risikoområde 'sikkerhedsplan'; kolonnen risikoområde har: handleplan"
    )
