"""A review's header (`tilsyn`, `skabelon`, `periode`, `sag`) checked against what the tool wrote.

`udtræk` copies the header from the sample manifest into every review file;
a reviewer has no reason to change it. The file is typed by hand, though, so
its header is untrusted text: a name or a CPR number typed into `tilsyn`
would otherwise be printed by every command that names the review.

So what is shown about a review comes from the manifest when the manifest
lists the file (or its case id), never from the file; a header value that
differs is an error naming the key, not the value (G032, G033). Without a
manifest, `tilsyn` must be a series of the concept and no header field may
hold a CPR-like number. A value that fails is not kept at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.quote import quote
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.review.analysis import Analysis
from ledelsestilsyn.templates.versions import version_key

_HINT = "hovedet skrives af 'tilsyn udtræk' og skal stå som i udtræk.yaml; skriv værdien tilbage."
_SHOWN = frozenset({"tilsyn", "skabelon", "periode"})
"""Header fields whose value from the manifest may be shown (never a name or a case id)."""


@dataclass(frozen=True)
class HeaderContext:
    """What a header is checked against: the concept's series and the folder's manifest."""

    series_names: frozenset[str]
    manifest: Manifest | None = None
    owner: Path | None = None
    """The sample folder whose manifest lists the file, when it is found in a folder without
    a manifest or one that does not list it (another round's)."""
    home: Path | None = None
    """The folder the sample belongs in (`udtræk/<periode>-<tilsyn>`), when its manifest
    stands in another: a copy of the folder, or the folder renamed or moved."""
    people: frozenset[str] = frozenset()
    """Every name the workspace knows (`workspace.known_names`): no name G068 warns of. Not
    one only a correction's `ansvarlig` names: that one gets G068 wherever it stands."""


def check_header(
    analysis: Analysis, path: Path, shown: str, context: HeaderContext
) -> tuple[Analysis, list[Diagnostic]]:
    """`analysis` with the trusted header, and the errors found in the file's own header."""
    check = _Check(analysis, shown)
    manifest = context.manifest
    if manifest is None:
        if context.owner is not None:
            check.outside(context.owner, path)
        return check.on_its_own(context, keep_case=True), check.problems
    listed = next((c for c in manifest.cases if path.name in c.files), None)
    case = listed or next((c for c in manifest.cases if c.id == analysis.case_id), None)
    dropped = analysis.period != manifest.period or analysis.series != manifest.series
    if case is None and dropped and context.owner not in (None, path.parent):
        # another round's review dropped here (probe Q); this round's own file not listed is
        # an interrupted extension (G033)
        check.outside(context.owner, path)
        return check.on_its_own(context, keep_case=False), check.problems
    if case is None:
        check.error(
            "sag.id",
            "G033",
            "sagen står ikke i udtrækket (udtræk.yaml).",
            "er filen fra en udvidelse af stikprøven, der blev afbrudt (fx fuld disk), så kør "
            "den samme udvidelse igen ('tilsyn udtræk' med samme antal); ellers hører filen "
            "ikke til her og skal flyttes ud af mappen.",
        )
        return check.on_its_own(context, keep_case=False), check.problems
    if listed is None:
        check.copy_of(case.files, analysis.review_no or 1, path)
    if context.home is not None:
        check.away_from_home(context.home, path)
    check.same("tilsyn", analysis.series, manifest.series)
    check.same("periode", analysis.period, manifest.period)
    template = manifest.template
    if not any(d.code == "G002" for d in analysis.diagnostics):
        template = check.same_template(analysis.template_ref, manifest.template)
    if listed is not None and analysis.case_id in {c.id for c in manifest.cases} - {case.id}:
        check.error(
            "sag.id",
            "G033",
            "hovedet er en anden sags fra samme udtræk: filen er en kopi af den sags "
            "gennemgang, og svarene i den er ikke denne sags.",
            "skriv hovedet som i udtræk.yaml (sag.id, rådgiver og team), og gennemgå sagen "
            "forfra: ret hvert svar og hver kommentar til denne sags.",
        )
    else:  # a copy's caseworker and team are the other case's too: one message says it all
        check.same("sag.id", analysis.case_id, case.id, code="G033")
        check.same("sag.rådgiver", analysis.caseworker, case.caseworker, required=False)
        check.same("sag.team", analysis.team, case.team, required=False)
    shown_case = (case.id, case.caseworker, case.team)
    trusted = _with_header(analysis, (manifest.series, template, manifest.period, *shown_case))
    if listed is not None:
        number = listed.files.index(path.name) + 1
        check.numbered(analysis.review_no, number)
        trusted = replace(trusted, review_no=number)
    return trusted, check.problems


class _Check:
    def __init__(self, analysis: Analysis, shown: str) -> None:
        self.analysis = analysis
        self.shown = shown
        self.problems: list[Diagnostic] = []

    def error(self, key: str, code: str, message: str, hint: str = _HINT) -> None:
        line, column = self.analysis.header_pos.get(key, (None, None))
        self.problems.append(Diagnostic(self.shown, line, column, code, message, hint))

    def numbered(self, written: int | None, number: int) -> None:
        """G058, a warning: `gennemgang_nr` is not the file's place under its case in the
        manifest (edited, or the line deleted in a calibration pair's second file). The
        manifest's place counts: the number decides whose corrections count first."""
        if (written or 1) == number:
            return
        position = self.analysis.header_pos.get("gennemgang_nr")
        line, column = position or (None, None)
        said = f"er {written}" if written is not None else "mangler"
        if written is None and position is not None:  # -1, 2.0 or 'to': there, not a number
            said = "er ikke et nummer (1, 2, …)"
        self.problems.append(
            Diagnostic(
                self.shown,
                line,
                column,
                "G058",
                f"'gennemgang_nr' {said}, men udtræk.yaml har filen som sagens gennemgang nr. "
                f"{number}; den regnes som nr. {number}.",
                f"skriv 'gennemgang_nr: {number}' øverst i filen."
                if number > 1
                else "slet linjen 'gennemgang_nr' (den første gennemgang har ingen).",
                Severity.WARNING,
            )
        )

    def copy_of(self, files: list[str], number: int, path: Path) -> None:
        """G036: a file the manifest does not list, with a review number the manifest has a
        file for ('S-1 - Kopi.yaml' beside 'S-1.yaml'): a copy, not one more review; or, when
        that file is not there, the review itself, under a name the manifest lost (an entry
        edited by hand), which must not be deleted."""
        if number > len(files):
            return  # an extra review added by hand (calibration): its own number
        if not (path.parent / files[number - 1]).is_file():
            self.error(
                "sag.id",
                "G036",
                f"filen står ikke i udtræk.yaml, og den fil, udtrækket nævner for sagens "
                f"gennemgang nr. {number}, {quote(files[number - 1])}, findes ikke: er navnet "
                "i udtræk.yaml rettet ved en fejl?",
                f"slet ikke denne fil; den er sagens gennemgang. Omdøb den til "
                f"{quote(files[number - 1])} (eller ret navnet i udtræk.yaml tilbage, hvis det "
                "er dér, det er rettet).",
            )
            return
        self.error(
            "sag.id",
            "G036",
            f"filen står ikke i udtræk.yaml; udtrækket har sagens gennemgang nr. {number} i "
            f"{quote(files[number - 1])}, så denne fil er en gennemgang mere af samme sag (en "
            "kopi?) og tæller ikke.",
            "slet kopien, og ret i den fil, udtræk.yaml nævner; er den en ekstra gennemgang til "
            f"kalibrering, så skriv 'gennemgang_nr: {len(files) + 1}' øverst.",
        )

    def outside(self, owner: Path, path: Path) -> None:
        """G066: a review its sample's manifest lists, found outside that sample's folder (dragged
        up into `udtræk/`, or copied to a folder of its own). It does not count there, as
        `påmind` and `tilbagemelding` do not see it: one answer everywhere."""
        there = owner / path.name
        hint = f"flyt den tilbage til mappen {owner.name}."
        if there.is_file():
            hint = (
                f"mappen {owner.name} har allerede {path.name}, og det er den, der tæller: er "
                "denne fil en kopi, så flyt den ud af mappen udtræk."
            )
        self.error(
            "sag.id",
            "G066",
            f"gennemgangen hører til udtrækket {owner.name}, men står i mappen "
            f"{path.parent.name}; her tæller den ikke med.",
            hint,
        )

    def away_from_home(self, home: Path, path: Path) -> None:
        """G067: a review in a sample folder that is not the sample's own: a copy of the folder
        (`… - Kopi`), or the folder renamed or moved. `påmind` and `udtræk` know a round by
        its folder's name, so there the round was not drawn, and `udtræk` would draw the same
        cases again (found by probe Q); it counts nowhere, one answer everywhere."""
        hint = f"giv mappen navnet {home.name} igen, direkte i mappen udtræk."
        if home.is_dir():
            hint = (
                f"mappen {home.name} er stikprøvens, og det er den, der tæller: flyt det, der kun "
                "står her, over i den, og slet så denne mappe (en kopi)."
            )
        self.error(
            "sag.id",
            "G067",
            f"gennemgangen står i mappen {path.parent.name}, men stikprøven hører til i mappen "
            f"{home.name}; her tæller den ikke med.",
            hint,
        )

    def same(
        self,
        key: str,
        value: str | None,
        expected: str | None,
        *,
        code: str = "G032",
        required: bool = True,
    ) -> None:
        """A missing or empty required field has its own error already (M001, G026); an
        optional one is compared only where the file has it (a file that could not be
        read has none)."""
        written = value is not None or (not required and key in self.analysis.header_pos)
        if value != expected and written:
            self.error(key, code, _mismatch(key, expected))

    def same_template(self, value: str | None, expected: str) -> str:
        """The template the review is checked and counted under.

        `id` alone (G003 warns) matches any version of the manifest's template;
        a newer version of it is a review moved by `tilsyn migrer`, and counts
        under that version.
        """
        if value is None or value == expected or expected.startswith(f"{value}@"):
            return expected
        ident, _, version = value.partition("@")
        drawn_id, _, drawn_version = expected.partition("@")
        if ident == drawn_id and version_key(version) > version_key(drawn_version):
            return value
        self.error("skabelon", "G032", _mismatch("skabelon", expected))
        return expected

    def on_its_own(self, context: HeaderContext, *, keep_case: bool) -> Analysis:
        """No manifest entry to compare with: keep only values that cannot be personal data."""
        a = self.analysis
        values = [a.series, a.template_ref, a.period, a.case_id if keep_case else None]
        values += [a.caseworker, a.team]
        for i, key in enumerate(_KEYS):
            if values[i] is not None and key in a.header_cpr:
                code = "G033" if key == "sag.id" else "G032"
                self.error(key, code, f"'{key}' indeholder noget, der ligner et CPR-nummer.")
                values[i] = None
        if values[0] is not None and values[0] not in context.series_names:
            self.error("tilsyn", "G032", "'tilsyn' er ikke en tilsynsserie i konceptet.")
            values[0] = None
        return _with_header(a, tuple(values))


_KEYS = ("tilsyn", "skabelon", "periode", "sag.id", "sag.rådgiver", "sag.team")


def _mismatch(key: str, expected: str | None) -> str:
    """G032/G033's message; the manifest's value only where it is no personal data."""
    there = f": '{expected}'" if key in _SHOWN and expected else ""
    return f"'{key}' passer ikke med udtrækket (udtræk.yaml{there})."


def _with_header(analysis: Analysis, values: tuple[str | None, ...]) -> Analysis:
    """`analysis` showing `values` (in the order of `_KEYS`) as its header."""
    series, template_ref, period, case_id, caseworker, team = values
    return replace(
        analysis,
        series=series,
        template_ref=template_ref,
        period=period,
        case_id=case_id,
        caseworker=caseworker,
        team=team,
    )
