"""Who gets reminders and how they are sent: the concept's `påmindelse` section as plain data.

`påmind` keeps these settings in its JSON cache next to the plan (see
`schedule.concept_cache`), so the daily cron run and `tilsyn cron` read them
without loading the concept's models. This module imports no other part of
tilsyn at run time, so anything in `schedule` may import it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ledelsestilsyn.models.concept import Concept


@dataclass(frozen=True)
class SmtpSettings:
    server: str
    port: int = 587
    starttls: bool = True
    sender: str = ""
    user: str | None = None
    password_env: str | None = None
    password_file: str | None = None
    allow_plaintext: bool = False


@dataclass(frozen=True)
class MailSettings:
    municipality: str
    smtp: SmtpSettings | None = None
    consultants: tuple[str, ...] = ()
    reviewers: dict[str, str] = field(default_factory=dict)
    repeat_days: int = 7
    leaders: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, concept: Concept) -> MailSettings:
        """The concept's `påmindelse` section."""
        spec = concept.reminders
        smtp = None
        if spec.smtp is not None:
            s = spec.smtp
            smtp = SmtpSettings(
                s.server,
                s.port,
                s.starttls,
                s.sender,
                s.user,
                s.password_env,
                s.password_file,
                s.allow_plaintext,
            )
        return cls(
            concept.municipality,
            smtp,
            tuple(spec.consultants),
            dict(spec.reviewers),
            spec.repeat_days,
            dict(spec.leaders),
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MailSettings:
        smtp = data.get("smtp")
        return cls(
            municipality=data["municipality"],
            smtp=SmtpSettings(**smtp) if smtp else None,
            consultants=tuple(data["consultants"]),
            reviewers=dict(data["reviewers"]),
            repeat_days=data["repeat_days"],
            leaders=dict(data.get("leaders", {})),
        )
