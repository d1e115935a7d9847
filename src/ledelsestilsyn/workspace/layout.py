"""Every file and folder name in a workspace, written once.

A workspace is the folder holding the concept:

    koncept.yaml            the municipality's concept (series, teams, reminders)
    skabeloner/             the municipality's own templates (before the built-in ones)
    skema/                  JSON schemas for the editor
    udtræk/<periode>-<tilsyn>/
        udtræk.yaml         the sample's manifest (what was drawn, how, from what)
        <sag>.yaml          one review file per drawn case
    rapporter/              reports (`påmind` counts a report as made when one is here)
        .rapporter          the reports `rapport` wrote there, with the SHA-256 of each
        .udgivet            each committee and department report made: period, counts shown
    .tilsyn/                caches and the reminder log (safe to delete; 0700)
        skrevet             the files tilsyn wrote where the user named them, with the SHA-256

The cron fast path imports this module, so it imports nothing.
"""

from __future__ import annotations

CONCEPT_FILE = "koncept.yaml"
TEMPLATES_DIR = "skabeloner"
TEMPLATES_README = "LÆS-MIG.txt"
SCHEMA_DIR = "skema"
SAMPLES_DIR = "udtræk"
MANIFEST_NAME = "udtræk.yaml"
REPORTS_DIR = "rapporter"
RANGE_IN_NAME = "_til_"
"""A date range's `..` in a report's file name (`2026-10-01_til_2026-11-30-leder.md`)."""
REPORTS_FILES = ".rapporter"
"""In rapporter/: each report `rapport` wrote there and the SHA-256 of what it wrote (`io.written`);
a report a person edited is kept as `.bak` before a new one takes its name."""
ISSUED = ".udgivet"
"""In rapporter/: each version of the committee's and the department's reports, its period and the
counts it showed, in the order made (`report.issued`): a date range is decided with the ranges made
before it, and a second version with a few counts changed is said (L015). Not a cache."""
ISSUED_LOCK = ".udgivet.lock"
DRAW_LOCK = ".udtræk.lock"
"""In udtræk/: held by the one `udtræk` that writes (`sampling.one_at_a_time`)."""
"""In rapporter/: held while a committee's or department's report is decided and recorded."""
REPORT_ENDINGS = (".html", ".md", ".pdf", ".csv", ".xlsx")
GITIGNORE = ".gitignore"

CACHE_DIR = ".tilsyn"
REVIEW_CACHE = "gennemgange.json"
DECISION_CACHE = "skjulte-tal.json"
MANIFEST_CACHE = "udtræk.json"
TEMPLATE_CACHE = "skabeloner.json"
REMINDER_CACHE = "påmind.json"
REMINDER_FILES_CACHE = "påmind-filer.json"
SENT_LOG = "påmind-sendt.json"
REMINDER_LOCK = "påmind.lock"
WRITTEN_ELSEWHERE = "skrevet"
"""In .tilsyn/: each file a report or a calendar was written to where the user named it, with
the SHA-256 of what was written (`io.written_named`); any other file there is kept as `.bak` first.
Deleting it costs one backup too many, never a file."""

YAML_SUFFIXES = (".yaml", ".yml")
"""What a review file (and every other YAML file tilsyn reads) may end with."""

TILTAG_FILE = "tiltag.yaml"
"""The tiltag the leadership has decided on (optional; `tilsyn tiltag ny` appends to it)."""

FEEDBACK_DIR = "tilbagemeldinger"
"""Feedback letters to the caseworkers: `tilbagemeldinger/<periode>/<rådgiver>.md|.html`."""
FEEDBACK_CASES = ".sager"
"""In each letters folder: the case ids the letters cover (for `påmind`), one a line."""
FEEDBACK_FILES = ".breve"
"""In each letters folder: the letter files `tilbagemelding` wrote there, one a line with the
SHA-256 of what it wrote (a run for every caseworker removes those of them it no longer writes;
a file a person edited is neither rewritten nor removed: `followup.letter_files`)."""

NOT_REVIEWS = (".", "~$")
"""How names begin that are never a review in a sample folder: hidden files (a Mac's
`._S-1.yaml`, LibreOffice's `.~lock.S-1.yaml#`) and the owner file Office keeps beside a
file it has open (Word's `~$2026-00300.yaml` for `S-2026-00300.yaml`)."""
