"""Danish titles and descriptions in the JSON Schemas that editors show on hover.

pydantic fills a schema's `title` from the class name (`Correction`) or the
field name (`Gennemført Af`) and its `description` from the class docstring,
which is written in English for developers. A leader hovering over a key in
VS Code should read Danish: every model in a schema gets its text here (a test
fails for a model without one), and a field's title is its YAML key as written.
"""

from __future__ import annotations

from typing import Any

MODELS: dict[str, tuple[str, str]] = {
    "Concept": ("koncept", "kommunens lokale koncept for ledelsestilsynet (koncept.yaml)"),
    "Cadence": ("kadence", "hvor ofte en runde trækkes, og hvad den dækker"),
    "Calibration": ("kalibrering", "sager, som flere bedømmere gennemgår hver for sig"),
    "Deadlines": ("frister", "hvornår gennemgange og rapport skal være færdige"),
    "Dissemination": (
        "formidling",
        "hvordan resultaterne når rådgiverne: tilbagemeldinger, afdelingsmøder og tiltag",
    ),
    "Eligibility": (
        "udvælgelse",
        "hvilke sager der kan trækkes: en afgørelse efter en af paragrafferne, eller (med "
        "faser) en række, hvis sagsfase er en af faserne",
    ),
    "EligibilityOverride": (
        "udvælgelse for serien",
        "afviger fra konceptets udvælgelse; det, der ikke står her, gælder fra konceptet",
    ),
    "ExportSpec": ("eksport", "hvordan sagssystemets eksport læses"),
    "Level": (
        "niveau",
        "træk fra de færdige gennemgange i en eller flere andre serier i stedet for eksporten",
    ),
    "Quota": ("kvote", "et stratum og hvor mange sager, der trækkes fra det; kan deles op"),
    "ReminderSettings": ("påmindelse", "hvem der får påmindelser, og hvordan de sendes"),
    "ReportSettings": ("rapport", "tærskel, baseline og regler for små tal i rapporten"),
    "Series": ("tilsynsserie", "én slags tilsyn: skabelon, kadence, antal sager og fokus"),
    "Smtp": ("mailserver", "mailserveren, som påmindelser og breve sendes gennem"),
    "Template": (
        "skabelon",
        "en skabelon; med udvider bygger den videre på en anden skabelon",
    ),
    "Import": ("hent", "spørgsmål hentet fra en anden skabelon"),
    "Question": ("spørgsmål", "ét spørgsmål med hjemmel, frist og vejledning"),
    "ScaleValue": ("svarmulighed", "ét tilladt svar, fx ja eller høj grad"),
    "Step": ("sagsskridt", "et sagsskridt og dets spørgsmål"),
    "Review": ("gennemgang", "lederens gennemgang af én sag"),
    "Answer": ("svar", "svaret på ét spørgsmål, med kommentar og eventuel rettelse"),
    "CaseRef": ("sag", "sagsnummer, rådgiver og team, som udtrækket skrev dem"),
    "Correction": ("rettelse", "det, der skal rettes i sagen efter fundet (alt valgfrit)"),
    "Manifest": ("udtræk", "hvordan stikprøven er trukket (udtræk.yaml); skrives af tilsyn"),
    "DrawnCase": ("trukket sag", "en trukket sag og dens gennemgangsfiler"),
    "InputFile": ("eksportfil", "den eksport, stikprøven er trukket fra"),
    "Extension": ("udvidelse", "en udvidelse af en trukket stikprøve"),
    "PopulationStep": ("trin", "hvor mange sager der var tilbage efter et trin i udvælgelsen"),
    "QuotaResult": ("kvote", "hvor mange sager en kvote gav"),
}


def in_danish(schema: dict[str, Any], model: str) -> dict[str, Any]:
    """`schema` (of the model named `model`) with Danish titles and descriptions."""
    _describe(schema, model)
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, name)
    _field_titles(schema)
    return schema


def _describe(schema: dict[str, Any], model: str) -> None:
    title, description = MODELS[model]
    schema["title"] = title
    schema["description"] = description[0].upper() + description[1:] + "."


def _field_titles(node: object) -> None:
    """Every property's title is its key (`gennemført_af` → `gennemført af`)."""
    if isinstance(node, dict):
        for key, child in node.get("properties", {}).items():
            if isinstance(child, dict) and "title" in child:
                child["title"] = key.replace("_", " ")
        for child in node.values():
            _field_titles(child)
    elif isinstance(node, list):
        for child in node:
            _field_titles(child)
