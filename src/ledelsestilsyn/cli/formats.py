"""Every output format and every fixed choice of the commands, in one place.

Each is a typer enum, so a wrong value is a Danish usage error (exit 2) that
lists the allowed values, before the command runs. The core renders what it
is given; `tests/cli/test_formats.py` checks these lists against what the core
can render.
"""

from __future__ import annotations

from enum import StrEnum


class ValidationFormat(StrEnum):
    """`valider --format`."""

    TEXT = "tekst"
    JSON = "json"


class ReportFormat(StrEnum):
    """`rapport --format`."""

    HTML = "html"
    MD = "md"
    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"


class Recipient(StrEnum):
    """`rapport --modtager`."""

    LEADER = "leder"
    COMMITTEE = "udvalg"
    DEPARTMENT = "afdeling"


class WheelFormat(StrEnum):
    """`årshjul --format`."""

    TABLE = "tabel"
    ICS = "ics"


class TemplateFormat(StrEnum):
    """`skabelon --format`."""

    TERMINAL = "terminal"
    MD = "md"


FORMATS: dict[str, type[StrEnum]] = {
    "valider": ValidationFormat,
    "rapport": ReportFormat,
    "årshjul": WheelFormat,
    "skabelon": TemplateFormat,
}
