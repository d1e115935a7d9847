"""Sample manifest (udtræk.yaml): the audit trail of one drawn sample."""

from typing import Any

from pydantic import Field, field_validator

from ledelsestilsyn.models.base import Model, OptionalText, TextList


class InputFile(Model):
    name: str = Field(alias="navn")
    size: int = Field(alias="størrelse")
    sha256: str = Field(alias="sha256")
    rows: int = Field(0, alias="rækker")
    encoding: OptionalText = Field(None, alias="tegnsæt")
    delimiter: OptionalText = Field(None, alias="skilletegn")
    sheet: OptionalText = Field(None, alias="ark")


class PopulationStep(Model):
    step: str = Field(alias="trin")
    count: int = Field(alias="antal")


class QuotaResult(Model):
    stratum: str = Field(alias="stratum")
    quota: int = Field(alias="kvote")
    eligible: int = Field(alias="mulige")
    achieved: int = Field(alias="opnået")
    note: OptionalText = Field(None, alias="bemærkning")


class DrawnCase(Model):
    id: str = Field(alias="id")
    caseworker: OptionalText = Field(None, alias="rådgiver")
    team: OptionalText = Field(None, alias="team")
    stratum: OptionalText = Field(None, alias="stratum")
    reason: str = Field(alias="begrundelse")
    attributes: dict[str, str] = Field(
        default_factory=dict, alias="egenskaber", description="fx fase; aldrig CPR-nummer"
    )
    files: list[str] = Field(default_factory=list, alias="filer")

    @field_validator("files")
    @classmethod
    def _plain_names(cls, files: list[str]) -> list[str]:
        """A review lies in the manifest's own folder: a path (`../2026-10-…/S-1.yaml`,
        edited by hand) would make another round's file this sample's review."""
        if any(_not_a_name(name) for name in files):
            raise ValueError("en fil skal være et navn i udtrækkets egen mappe, ikke en sti")
        return files


def _not_a_name(name: str) -> bool:
    return not name.strip() or name in (".", "..") or any(c in name for c in "/\\:")


class Extension(Model):
    """One `--antal` run that added cases to the sample: the manifest's head stays as the
    sample was first drawn, so both draws can be checked against their own export."""

    created: str = Field(alias="oprettet")
    created_by: str = Field(alias="oprettet_af")
    tool_version: str = Field(alias="værktøj")
    size_before: int = Field(alias="antal_før")
    sample_size: int = Field(alias="antal")
    source: InputFile | None = Field(None, alias="input")
    settings: dict[str, Any] | None = Field(
        None, alias="indstillinger", description="konceptets indstillinger, hvis de er ændret"
    )


MAX_SEED = 2**128 - 1
"""The largest seed: the draw keys its hash with the seed's 16 bytes (`sampling.draw`)."""


class Manifest(Model):
    series: str = Field(alias="tilsyn")
    period: str = Field(alias="periode")
    template: str = Field(alias="skabelon")
    focus: list[str] = Field(default_factory=list, alias="fokus")
    created: str = Field(alias="oprettet")
    created_by: str = Field(alias="oprettet_af")
    tool_version: str = Field(alias="værktøj")
    seed: int = Field(alias="seed", ge=0, le=MAX_SEED)
    sample_size: int = Field(alias="antal")
    source: InputFile | None = Field(None, alias="input")
    source_series: TextList | None = Field(
        None, alias="fra_tilsyn", description="kildeserierne for et niveau"
    )
    extensions: list[Extension] = Field(
        default_factory=list,
        alias="udvidelser",
        description="hver udvidelse af stikprøven: hvornår, af hvem og fra hvilken eksport",
    )
    settings: dict[str, Any] = Field(
        default_factory=dict, alias="indstillinger", description="konceptets indstillinger brugt"
    )
    population: list[PopulationStep] = Field(default_factory=list, alias="population")
    quotas: list[QuotaResult] = Field(default_factory=list, alias="kvoter")
    cases: list[DrawnCase] = Field(default_factory=list, alias="sager")
    notes: list[str] = Field(default_factory=list, alias="bemærkninger")
    caseworkers: list[str] = Field(
        default_factory=list,
        alias="rådgivere",
        description="alle rådgivere i populationen; deres navne erstattes i andres breve",
    )

    def own_numbers(self) -> tuple[str, ...]:
        """The numbers tilsyn itself writes here and reads back: seed, export size and rows.

        The output gate keeps them even if one looks like a CPR number (a seed
        does about one time in twenty); masked, the manifest could not be read.
        """
        sources = [self.source, *(e.source for e in self.extensions)]
        values = [self.seed, *(n for s in sources if s for n in (s.size, s.rows))]
        return tuple(str(value) for value in values)
