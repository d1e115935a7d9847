"""Tiltag (`tiltag.yaml`): the actions the leadership has decided on after a tilsyn.

Each tiltag targets questions, steps or pejlemærker, so the report can show
the share before and after it was decided, and, with `mål: niveau`, whether the
share after it reaches the level the leadership aimed at. `skabelon` limits the targets to
one template's reviews; a question id that two templates use needs it.
Whether the targets exist is checked against the workspace's templates in
`followup.tiltag`.
"""

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from ledelsestilsyn.models.base import (
    Day,
    Model,
    OptionalDate,
    OptionalShare,
    OptionalText,
    TextList,
)

STATUSES: tuple[str, ...] = ("planlagt", "i gang", "gennemført", "opgivet")
Status = Literal["planlagt", "i gang", "gennemført", "opgivet"]


class Targets(Model):
    questions: TextList = Field(default_factory=list, alias="spørgsmål")
    steps: TextList = Field(default_factory=list, alias="sagsskridt")
    pejlemaerker: TextList = Field(default_factory=list, alias="pejlemærker")
    level: OptionalShare = Field(
        None,
        alias="niveau",
        description="den andel, tiltaget skal løfte målene til, fx 90 % (valgfri)",
    )


def _as_typed(value: Any) -> Any:
    """The status in any case and spacing (`Gennemført`, ` i  gang`): a capital made the whole
    tiltag.yaml invalid, and every tiltag left the report (a probe)."""
    return " ".join(value.split()).lower() if isinstance(value, str) else value


class Tiltag(Model):
    id: str = Field(alias="id", min_length=1, pattern=r"^[a-zæøå0-9][a-zæøå0-9._-]*$")
    title: str = Field(alias="titel", min_length=1)
    description: OptionalText = Field(None, alias="beskrivelse")
    decided: Day = Field(alias="besluttet", description="ÅÅÅÅ-MM-DD")
    responsible: OptionalText = Field(None, alias="ansvarlig")
    deadline: OptionalDate = Field(None, alias="frist", description="ÅÅÅÅ-MM-DD")
    status: Annotated[Status, BeforeValidator(_as_typed, json_schema_input_type=Status)] = Field(
        "planlagt", alias="status"
    )
    targets: Targets = Field(default_factory=Targets, alias="mål")
    template: OptionalText = Field(
        None, alias="skabelon", description="skabelonens id; målene gælder kun dens sager"
    )
    evaluate_after_months: int | None = Field(
        None, alias="evaluer_efter_måneder", ge=1, le=60, description="måneder efter besluttet"
    )
    evaluated: OptionalDate = Field(
        None, alias="evalueret", description="ÅÅÅÅ-MM-DD, når effekten er vurderet"
    )
    conclusion: OptionalText = Field(
        None, alias="konklusion", description="hvad ledelsen konkluderede ved evalueringen"
    )

    @property
    def is_open(self) -> bool:
        return self.status in ("planlagt", "i gang")

    @property
    def texts(self) -> list[str]:
        """What the leaders wrote in it: its title, description and conclusion."""
        return [x for x in (self.title, self.description, self.conclusion) if x]


def _none_as_empty(value: Any) -> Any:
    """`tiltag:` with nothing under it (every tiltag deleted, or none written yet) is none."""
    empty = value is None or (isinstance(value, str) and not value.strip())
    return [] if empty else value


class TiltagFile(Model):
    tiltag: Annotated[
        list[Tiltag], BeforeValidator(_none_as_empty, json_schema_input_type=list[Tiltag] | None)
    ] = Field(default_factory=list, alias="tiltag")
