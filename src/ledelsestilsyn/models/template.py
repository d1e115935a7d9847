"""Template (skabelon): the questions a review answers, split into case steps."""

from typing import Literal, Self

from pydantic import Field, model_validator

from ledelsestilsyn.models.base import Bool, Model, OptionalText, TextList

Pejlemaerke = Literal["faglig udredning", "valg af indsats", "opfølgning", "inddragelse"]
PEJLEMAERKER: tuple[str, ...] = ("faglig udredning", "valg af indsats", "opfølgning", "inddragelse")


class ScaleValue(Model):
    """One allowed answer, e.g. `ja` or `høj grad`."""

    answer: str = Field(alias="svar", min_length=1)
    positive: Bool = Field(False, alias="positiv", description="tæller som opfyldt i andelen")
    neutral: Bool = Field(False, alias="neutral", description="tæller ikke med i andelen")
    points: int | None = Field(None, alias="point", description="rækkefølge ved kvalitetsskalaer")
    comment_required: Bool = Field(False, alias="kræver_kommentar")
    synonyms: TextList = Field(default_factory=list, alias="synonymer")


class Question(Model):
    id: str = Field(alias="id", min_length=1, pattern=r"^[a-zæøå0-9][a-zæøå0-9._-]*$")
    text: str = Field(alias="tekst", min_length=1)
    legal_basis: str = Field(alias="hjemmel", min_length=1)
    deadline: OptionalText = Field(None, alias="frist")
    guidance: OptionalText = Field(None, alias="vejledning")
    pejlemaerke: Pejlemaerke | None = Field(None, alias="pejlemærke")
    scale: list[ScaleValue] | None = Field(
        None,
        alias="skala",
        description="egen skala, når spørgsmålet er hentet fra en anden skabelon",
    )
    replaces: OptionalText = Field(
        None,
        alias="erstatter",
        description="id på spørgsmålet i forrige version, som dette spørgsmål måler det samme som "
        "(svarene lægges sammen i rapporten og flyttes med af 'tilsyn migrer')",
    )
    unchanged: Bool = Field(
        False,
        alias="uændret",
        description="måler det samme som spørgsmålet med samme id i forrige version, "
        "selv om ordlyd, hjemmel eller frist er rettet",
    )

    @model_validator(mode="after")
    def _one_declaration(self) -> Self:
        if self.replaces is not None and self.unchanged:
            raise ValueError(
                "brug enten 'erstatter' (et andet id) eller 'uændret' (samme id), ikke begge"
            )
        return self

    @property
    def predecessor_id(self) -> str | None:
        """The id in the previous version this question is declared to measure the same as."""
        return self.replaces or (self.id if self.unchanged else None)


class Step(Model):
    id: str = Field(alias="id", min_length=1, pattern=r"^[a-zæøå0-9][a-zæøå0-9._-]*$")
    title: str = Field(alias="titel", min_length=1)
    description: OptionalText = Field(None, alias="beskrivelse")
    across: Bool = Field(
        False,
        alias="på_tværs",
        description="spørgsmål om hele sagen (fx intentionerne med barnets lov), ikke ét "
        "sagsskridt: rapporten viser dem som egen blok uden for sagsskridtenes og "
        "pejlemærkernes tal",
    )
    questions: list[Question] = Field(alias="spørgsmål")


class Import(Model):
    """Questions taken from another template (a concept may combine both official ones)."""

    template: str = Field(alias="skabelon", description="id eller id@version")
    items: TextList = Field(alias="spørgsmål", description="spørgsmåls- eller sagsskridt-id'er")
    into: OptionalText = Field(
        None, alias="til", description="sagsskridt, spørgsmålene sættes ind i (standard: samme id)"
    )


class Template(Model):
    """A template file. With `udvider` it extends another template instead of copying it."""

    id: str = Field(alias="id", min_length=1, pattern=r"^[a-zæøå0-9][a-zæøå0-9._-]*$")
    title: str = Field(alias="titel", min_length=1)
    version: str = Field(alias="version", min_length=1, pattern=r"^[A-Za-z0-9._-]+$")
    type: str = Field(alias="type", min_length=1)
    basis: OptionalText = Field(None, alias="grundlag")
    description: OptionalText = Field(None, alias="beskrivelse")
    extends: OptionalText = Field(None, alias="udvider", description="id eller id@version")
    omit: TextList = Field(default_factory=list, alias="udelad")
    imports: list[Import] = Field(default_factory=list, alias="hent")
    scale: list[ScaleValue] = Field(default_factory=list, alias="skala")
    steps: list[Step] = Field(default_factory=list, alias="sagsskridt")

    @model_validator(mode="after")
    def _complete_unless_extending(self) -> Self:
        if self.extends is None and not self.scale:
            raise ValueError(
                "en skabelon uden 'udvider' skal have en 'skala' (svarene, fx ja, nej og "
                "ikke relevant); eller udvid en anden skabelon med 'udvider'"
            )
        if self.extends is None and not self.steps:
            raise ValueError(
                "en skabelon uden 'udvider' skal have 'sagsskridt' (med spørgsmålene); eller "
                "udvid en anden skabelon med 'udvider'"
            )
        return self

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def scale_for(self, question: Question) -> list[ScaleValue]:
        return question.scale or self.scale

    def questions_by_id(self) -> dict[str, Question]:
        """Every question by id, in the template's order."""
        return {q.id: q for s in self.steps for q in s.questions}

    def question_count(self) -> int:
        return sum(len(s.questions) for s in self.steps)
