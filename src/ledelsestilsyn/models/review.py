"""Review file (gennemgang): one reviewer's answers for one case.

The Danish keys are fixed: managers fill these files in by hand, their editor
checks them against the JSON schema made from this model, and a renamed key
would break every file already filled in. Answers stay text here;
`review.validate` decides whether each is a value of the template's scale, so
that one run can report every problem, not just the first.
"""

from pydantic import Field

from ledelsestilsyn.models.base import Model, OptionalBool, OptionalInt, OptionalText


class CaseRef(Model):
    id: str = Field(alias="id", min_length=1)
    caseworker: OptionalText = Field(None, alias="rådgiver")
    team: OptionalText = Field(None, alias="team")


class Correction(Model):
    """What must be put right in the case itself after a finding (all optional)."""

    action: OptionalText = Field(None, alias="handling", description="hvad der skal rettes")
    responsible: OptionalText = Field(
        None, alias="ansvarlig", description="hvem der retter (tom: sagens rådgiver)"
    )
    deadline: OptionalText = Field(None, alias="frist", description="ÅÅÅÅ-MM-DD")
    done: OptionalText = Field(None, alias="udført", description="ÅÅÅÅ-MM-DD, når det er gjort")


CORRECTION_KEYS: tuple[str, ...] = tuple(
    field.alias or name for name, field in Correction.model_fields.items()
)


class Answer(Model):
    answer: str = Field("", alias="svar")
    comment: str = Field("", alias="kommentar")
    correction: Correction | None = Field(None, alias="rettelse")


class Review(Model):
    series: str = Field(alias="tilsyn")
    template: str = Field(alias="skabelon", description="id@version")
    period: str = Field(alias="periode")
    case: CaseRef = Field(alias="sag")
    reviewer: str = Field("", alias="gennemført_af")
    date: str = Field("", alias="dato", description="ÅÅÅÅ-MM-DD")
    starting_point: str = Field("", alias="udgangspunkt")
    review_no: OptionalInt = Field(
        None, alias="gennemgang_nr", description="2, 3 … ved kalibrering (flere bedømmere)"
    )
    consent: OptionalBool = Field(
        None,
        alias="samtykke_til_eksempel",
        description="ja: rådgiveren har sagt ja til, at sagens kommentarer bruges som eksempel "
        "i afdelingens rapport (kun når konceptet tillader det)",
    )
    answers: dict[str, dict[str, Answer]] = Field(default_factory=dict, alias="svar")


REVIEW_KEYS: frozenset[str] = frozenset(
    field.alias or name for name, field in Review.model_fields.items()
)
