"""Concept (koncept.yaml): the municipality's local concept for ledelsestilsyn.

The top level (`kommune`, `formål`, `tilsyn`, `eksport.kolonner`) is a fixed
contract; everything below a series name is ours. Optional sections
`udvælgelse`, `rapport` and `påmindelse` hold defaults for all series.
"""

from typing import Annotated, Literal, Self

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator

from ledelsestilsyn.core.diagnostics import TilsynError
from ledelsestilsyn.core.periods import parse_period
from ledelsestilsyn.core.quote import quote
from ledelsestilsyn.models.base import (
    Bool,
    Email,
    EmailList,
    HintedValueError,
    Model,
    OptionalText,
    TextList,
)
from ledelsestilsyn.models.cadence import Cadence, cadence_word

REQUIRED_COLUMNS: tuple[str, ...] = ("sag", "rådgiver", "paragraf", "afgørelsesdato")
"""The export columns every concept must map."""
OWN_COLUMNS: tuple[str, ...] = (*REQUIRED_COLUMNS, "team", "cpr")
"""The columns the tool reads itself (`cpr` is mapped only so it is never read).
Every other mapped column (e.g. `fase`) is kept on the case for strata and filters."""


class ExportSpec(Model):
    columns: dict[str, str] = Field(
        alias="kolonner", description="værktøjets navn: eksportens kolonneoverskrift"
    )
    delimiter: OptionalText = Field(None, alias="skilletegn", description="';', ',' eller 'tab'")
    encoding: OptionalText = Field(None, alias="tegnsæt", description="utf-8 eller windows-1252")
    max_bad_share: float = Field(
        0.05, alias="maks_andel_fejl", ge=0, le=1, description="stop hvis flere rækker er ugyldige"
    )

    @field_validator("columns")
    @classmethod
    def _required_columns(cls, columns: dict[str, str]) -> dict[str, str]:
        missing = [c for c in REQUIRED_COLUMNS if not columns.get(c, "").strip()]
        if missing:
            raise ValueError(f"kolonner mangler: {', '.join(missing)}")
        # Probe BK: `sag` and `rådgiver` on one column drew case numbers as caseworkers.
        roles: dict[str, list[str]] = {}
        for role in OWN_COLUMNS:
            if columns.get(role, "").strip():
                roles.setdefault(columns[role].strip().casefold(), []).append(role)
        shared = [r for r in roles.values() if len(r) > 1]
        if shared:
            both = " og ".join(shared[0])
            raise ValueError(
                f"{both} står på samme kolonne; hver skal have sin egen kolonne i eksporten"
            )
        return columns


class Eligibility(Model):
    """Which cases may be drawn: a decision under one of `paragraffer`, or (with `faser`) a
    row whose phase column holds one of the phases, whatever its paragraph."""

    paragraphs: TextList = Field(default_factory=lambda: ["32", "46"], alias="paragraffer")
    phases: TextList = Field(
        default_factory=list,
        alias="faser",
        description="sagsfaser (værdier i fasekolonnen), der må trækkes uden afgørelse efter "
        "paragrafferne",
    )
    phase_column: str = Field(
        "fase", alias="fasekolonne", min_length=1, description="kolonnen under eksport.kolonner"
    )
    window_months: int = Field(12, alias="vindue_måneder", ge=1, le=120)
    filters: dict[str, TextList] = Field(
        default_factory=dict, alias="filtre", description="kolonne: tilladte værdier"
    )
    exclude: TextList = Field(default_factory=list, alias="udeluk", description="sagsnumre")
    quarantine_months: int = Field(12, alias="karantæne_måneder", ge=0, le=120)


class EligibilityOverride(Model):
    """Per-series override of `udvælgelse`; unset keys fall back to the concept's."""

    paragraphs: TextList | None = Field(None, alias="paragraffer")
    phases: TextList | None = Field(None, alias="faser")
    phase_column: OptionalText = Field(None, alias="fasekolonne")
    window_months: int | None = Field(None, alias="vindue_måneder", ge=1, le=120)
    filters: dict[str, TextList] | None = Field(None, alias="filtre")
    exclude: TextList | None = Field(None, alias="udeluk")
    quarantine_months: int | None = Field(None, alias="karantæne_måneder", ge=0, le=120)


class Quota(Model):
    """A stratum and how many cases to draw from it; may nest (7 handleplan, of which 2 …)."""

    name: str = Field(alias="navn", min_length=1)
    where: dict[str, TextList] = Field(
        default_factory=dict, alias="hvor", description="kolonne: værdier, der hører til stratummet"
    )
    count: int = Field(alias="antal", ge=0)
    sub_quotas: list["Quota"] = Field(default_factory=list, alias="heraf")

    @model_validator(mode="after")
    def _sub_quotas_fit(self) -> Self:
        if sum(q.count for q in self.sub_quotas) > self.count:
            raise ValueError(
                f"kvoterne under {quote(self.name)} er tilsammen større end {self.count}"
            )
        return self


class Deadlines(Model):
    draw_day: int = Field(7, alias="udtræk_senest_dag", ge=1, le=28)
    finish_day: int = Field(20, alias="færdig_senest_dag", ge=1, le=31)
    report_days: int = Field(
        7, alias="rapport_dage_efter", ge=0, le=92, description="dage efter periodens slut"
    )


class Calibration(Model):
    count: int = Field(alias="antal", ge=1, description="sager, der får en ekstra gennemgang")
    reviewers: int = Field(2, alias="bedømmere", ge=2, le=5)


class Level(Model):
    """Draw from the completed reviews of one or more other series instead of the export.

    `fra: niveau-1` or `fra: [niveau-2, døgnvagten-niveau-2]`: the completed
    reviews of all the named series in the period are pooled.
    """

    sources: TextList = Field(
        alias="fra", min_length=1, description="en anden tilsynsserie eller en liste af serier"
    )
    per: OptionalText = Field(None, alias="pr", description="fx 'team': antal pr. værdi")

    @field_validator("sources")
    @classmethod
    def _each_once(cls, sources: list[str]) -> list[str]:
        if any(not s for s in sources):
            raise ValueError("et serienavn i 'fra' er tomt")
        twice = sorted({s for s in sources if sources.count(s) > 1})
        if twice:
            raise ValueError(f"serien {quote(twice[0])} står mere end én gang")
        return sources


class Series(Model):
    title: OptionalText = Field(None, alias="titel")
    template: str = Field(alias="skabelon", min_length=1, description="id eller id@version")
    cadence: Annotated[Cadence, BeforeValidator(cadence_word)] = Field(
        default_factory=Cadence, alias="kadence"
    )
    focus: TextList = Field(
        default_factory=list, alias="fokus", description="sagsskridt i fokus (tom: alle)"
    )
    annual_plan: dict[int, TextList] = Field(
        default_factory=dict, alias="årshjul", description="måned (1-12): sagsskridt i fokus"
    )
    themes_max: int | None = Field(None, alias="maks_temaer", ge=1)
    sample_size: int = Field(alias="antal", ge=1)
    quotas: list[Quota] = Field(default_factory=list, alias="kvoter")
    fill_up: Bool = Field(False, alias="fyld_op", description="fyld op fra andre strata")
    eligibility: EligibilityOverride = Field(
        default_factory=EligibilityOverride, alias="udvælgelse"
    )
    rotation: Literal["rådgiver", "team", "ingen"] = Field("rådgiver", alias="rotation")
    calibration: Calibration | None = Field(None, alias="kalibrering")
    level: Level | None = Field(None, alias="niveau")
    deadlines: Deadlines = Field(default_factory=Deadlines, alias="frister")
    reviewers: TextList = Field(default_factory=list, alias="bedømmere")

    @field_validator("annual_plan")
    @classmethod
    def _months(cls, plan: dict[int, list[str]]) -> dict[int, list[str]]:
        if any(not 1 <= m <= 12 for m in plan):
            raise ValueError("årshjulets måneder skal være tal fra 1 til 12")
        return plan

    def focus_for_month(self, month: int) -> list[str]:
        return self.annual_plan.get(month) or self.focus


class ReportSettings(Model):
    threshold: float = Field(0.8, alias="tærskel", gt=0, le=1)
    baseline: OptionalText = Field(None, alias="baseline", description="periode, fx 2026-K1")
    min_count: int = Field(5, alias="mindste_antal", ge=1, description="mindre tal vises som < n")
    aggregate_periods: list[Literal["måned", "kvartal", "halvår", "år"]] | None = Field(
        None,
        alias="udvalgets_perioder",
        min_length=1,
        description="de slags perioder, udvalget og afdelingen får rapporter for, fx [kvartal, "
        "år]; uden: alle, og så skjuler en rapport også det, der sammen med rapporterne for "
        "perioderne inden i den ville afsløre et lille tal",
    )
    committee_readable: Bool = Field(
        False,
        alias="udvalgets_rapport_til_alle",
        description="ja: udvalgets rapport kan læses af alle (filtilstand 0644), fx til et "
        "fællesdrev; alle andre rapporter er altid kun til ejeren (0600)",
    )

    @field_validator("baseline")
    @classmethod
    def _a_calendar_period(cls, text: str | None) -> str | None:
        """Checked with the concept (`tjek` says it): before, a wrong one stopped only the
        report, and a date range made the committee's report run for many minutes."""
        if text is None:
            return None
        try:
            period = parse_period(text)
        except TilsynError:
            raise ValueError(
                "baseline er ikke en periode (skriv fx 2026-K1 eller 2026-01)"
            ) from None
        if period.kind == "interval":
            raise ValueError(
                "baseline er en måned, et kvartal, et halvår eller et år, ikke en datoperiode "
                "(skriv fx 2026-K1)"
            )
        return text


class Smtp(Model):
    server: str = Field(alias="server", min_length=1)
    port: int = Field(587, alias="port", ge=1, le=65535)
    starttls: Bool = Field(True, alias="starttls")
    sender: Email = Field(alias="afsender", min_length=3)
    user: OptionalText = Field(None, alias="bruger")
    password_env: OptionalText = Field(None, alias="adgangskode_miljø")
    password_file: OptionalText = Field(None, alias="adgangskode_fil")
    allow_plaintext: Bool = Field(False, alias="tillad_ukrypteret")

    @field_validator("server")
    @classmethod
    def _a_host_name(cls, server: str) -> str:
        """A name the system can look up (`smtp..kommune.dk`, a part over 63 characters:
        Python's lookup raised UnicodeError, an internal error, only when mail was sent)."""
        host = server.strip().removeprefix("[").removesuffix("]")
        try:
            if ":" not in host:  # an IPv6 address has none of a name's parts
                host.encode("idna")
        except UnicodeError:
            raise ValueError(
                "servernavnet kan ikke slås op: et punktum for meget eller for lidt, eller en "
                "del over 63 tegn (skriv fx smtp.kommune.dk)"
            ) from None
        return server


class ReminderSettings(Model):
    smtp: Smtp | None = Field(None, alias="smtp")
    consultants: EmailList = Field(default_factory=list, alias="konsulent")
    reviewers: dict[str, Email] = Field(
        default_factory=dict, alias="bedømmere", description="navn: e-mailadresse"
    )
    repeat_days: int = Field(7, alias="gentag_efter_dage", ge=1, le=365)
    leaders: dict[str, str] = Field(
        default_factory=dict,
        alias="ledere",
        description="team: lederens navn (som under bedømmere); får besked om overskredne "
        "rettelser. Uden: den leder, der gennemgik sagen",
    )


class Dissemination(Model):
    """How results reach the caseworkers (SBST: 'Anvendelse og formidling')."""

    caseworkers: dict[str, Email] = Field(
        default_factory=dict,
        alias="rådgivere",
        description="navn (som i eksporten): e-mailadresse til tilbagemeldingsbreve",
    )
    feedback_days: int = Field(
        14, alias="tilbagemelding_dage", ge=1, le=92, description="brevet senest n dage efter"
    )
    caseworker_feedback: Bool = Field(
        True, alias="tilbagemelding_til_rådgiver", description="brev til hver rådgiver"
    )
    department_meetings: list[int] = Field(
        default_factory=list,
        alias="afdelingsmøder",
        description="måneder (1-12) med fælles opfølgning på et afdelingsmøde",
    )
    committee_meetings: list[int] = Field(
        default_factory=list,
        alias="udvalgsmøder",
        description="måneder (1-12), hvor tilsynets resultater afrapporteres til det politiske "
        "udvalg",
    )
    uses_tiltag: Bool = Field(
        True, alias="tiltag", description="ledelsen beskriver tiltag, når tilsynet finder problemer"
    )
    department_examples: Literal["ingen", "med_samtykke"] = Field(
        "ingen",
        alias="afdeling_eksempler",
        description="kommentarer som eksempler i afdelingens rapport: ingen, eller med_samtykke "
        "(kun fra gennemgange med 'samtykke_til_eksempel: ja')",
    )

    @field_validator("caseworkers")
    @classmethod
    def _own_addresses(cls, caseworkers: dict[str, str]) -> dict[str, str]:
        """A letter holds the comments on its caseworker's cases: it must reach only them."""
        addresses = [address.strip().lower() for address in caseworkers.values()]
        if len(set(addresses)) < len(addresses):
            raise HintedValueError(
                "to rådgivere har samme adresse.",
                "giv hver rådgiver sin egen adresse, for brevet handler om rådgiverens egne sager.",
            )
        return caseworkers

    @field_validator("department_meetings", "committee_meetings")
    @classmethod
    def _meeting_months(cls, months: list[int], info: ValidationInfo) -> list[int]:
        if any(not 1 <= m <= 12 for m in months):
            which = "udvalgs" if info.field_name == "committee_meetings" else "afdelings"
            raise ValueError(f"{which}mødernes måneder skal være tal fra 1 til 12")
        return sorted(set(months))


class Concept(Model):
    municipality: str = Field(alias="kommune", min_length=1)
    purpose: OptionalText = Field(None, alias="formål")
    series: dict[str, Series] = Field(alias="tilsyn", min_length=1)
    export: ExportSpec = Field(alias="eksport")
    eligibility: Eligibility = Field(default_factory=Eligibility, alias="udvælgelse")
    report: ReportSettings = Field(default_factory=ReportSettings, alias="rapport")
    reminders: ReminderSettings = Field(default_factory=ReminderSettings, alias="påmindelse")
    dissemination: Dissemination = Field(default_factory=Dissemination, alias="formidling")

    def eligibility_for(self, name: str) -> Eligibility:
        """The concept-wide eligibility with the series' overrides applied."""
        override = self.series[name].eligibility.model_dump(exclude_none=True)
        return self.eligibility.model_copy(update=override)
