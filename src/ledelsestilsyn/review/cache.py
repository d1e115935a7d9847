"""The review cache: parsing is the cost, so an unchanged file is never parsed twice.

One JSON file, `.tilsyn/gennemgange.json` in the workspace (folder 0700,
file 0600). An entry is keyed by the SHA-256 of the file's bytes and is used
only when the tool version, the template's fingerprint and the focus steps
are still the same. The file is always read and hashed, so the cache is
never trusted over the file. A missing, edited, corrupt or foreign cache (its
seal or stamp fails, `io.stamped_json`) is ignored and rebuilt; deleting it is
always safe. JSON, not pickle: a cache in a shared folder must not be able to
run code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity
from ledelsestilsyn.core.masking_code import MASKING_FILES
from ledelsestilsyn.io.entry_cache import EntryCache
from ledelsestilsyn.io.stamped_json import code_stamp, write_stamped
from ledelsestilsyn.review.analysis import Analysis, CorrectionEntry, NameHit

FORMAT = 5  # 3: consent (samtykke_til_eksempel); 4: a correction's `udført` not taken as done;
# 5: the likely names in the free texts
# The modules whose code decides an analysis: a change in any of them (also in a
# development checkout, without a new version number) makes the cache stale.
# tests/test_architecture.py checks that every module `review.check` imports is here.
CODE_FILES = (
    "review/analysis.py",
    "review/answers.py",
    "review/check.py",
    "review/corrections.py",
    "review/name_check.py",
    "review/template_index.py",
    "review/typed.py",
    "review/word_quotes.py",
    *MASKING_FILES,
    "core/diagnostics.py",
    "core/lines.py",
    "core/quote.py",
    "core/words.py",
    "core/periods.py",
    "io/document.py",
    "io/files.py",
    "io/os_reasons.py",
    "io/portable.py",
    "io/yaml.py",
    "io/yaml_errors.py",
    "io/yaml_paths.py",
    "models/review.py",
    "models/located.py",
    "models/base.py",
    "models/template.py",
)


def tool_key() -> str:
    """The tool version plus a digest of the code that produces analyses."""
    return code_stamp(CODE_FILES)


@dataclass
class Entry:
    """One cached analysis and what it was computed against."""

    path: str
    focus: list[str] | None
    fingerprint: str | None
    analysis: Analysis


@dataclass
class ReviewCache(EntryCache):
    tool: str = field(default_factory=tool_key)

    @property
    def stamp(self) -> dict[str, Any]:
        return {"format": FORMAT, "tool": self.tool}

    def get(self, digest: str) -> Entry | None:
        raw = self.entries.get(digest)
        if not isinstance(raw, dict):
            return None
        try:
            entry = Entry(raw["path"], raw["focus"], raw["fingerprint"], _load(raw["analysis"]))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            return None
        self.used[digest] = raw
        return entry

    def put(self, digest: str, entry: Entry) -> None:
        self.used[digest] = {
            "path": entry.path,
            "focus": entry.focus,
            "fingerprint": entry.fingerprint,
            "analysis": _dump(entry.analysis),
        }
        self.changed = True

    def save(self) -> None:
        """Keep this run's entries and older ones whose file still exists and was not read
        this run; write atomically. A file read again with other bytes leaves its old entry
        behind (a probe: a child's name, taken out of a comment, stood on in the cache)."""
        read = {raw["path"] for raw in self.used.values()}
        kept = {
            digest: raw
            for digest, raw in self.entries.items()
            if digest not in self.used
            and isinstance(raw, dict)
            and raw.get("path") not in read
            and _exists(raw.get("path"))
        }
        if not self.changed and len(kept) + len(self.used) == len(self.entries):
            return
        write_stamped(self.path, self.stamp, {"entries": {**kept, **self.used}})


def _exists(path: Any) -> bool:
    return isinstance(path, str) and Path(path).is_file()


def _dump(a: Analysis) -> dict[str, Any]:
    return {
        "is_review": a.is_review,
        "skip_reason": a.skip_reason,
        "fields": [a.template_ref, a.fingerprint, a.series, a.period, a.case_id],
        "people": [a.caseworker, a.team, a.reviewer],
        "date": a.review_date.isoformat() if a.review_date else None,
        "date_pos": list(a.date_pos) if a.date_pos else None,
        "review_no": a.review_no,
        "consent": a.consent,
        "started": a.started,
        "header": [a.header_pos, a.header_cpr],
        "answers": a.answers,
        "corrections": [_dump_correction(c) for c in a.corrections],
        "diagnostics": [
            [d.line, d.column, d.code, d.message, d.hint, d.severity.value] for d in a.diagnostics
        ],
        "names": [[h.line, h.column, h.what, h.name] for h in a.names],
    }


def _load(raw: dict[str, Any]) -> Analysis:
    template_ref, fingerprint, series, period, case_id = raw["fields"]
    caseworker, team, reviewer = raw["people"]
    position = raw["date_pos"]
    header_pos, header_cpr = raw["header"]
    return Analysis(
        is_review=bool(raw["is_review"]),
        skip_reason=raw["skip_reason"],
        template_ref=template_ref,
        fingerprint=fingerprint,
        series=series,
        period=period,
        case_id=case_id,
        caseworker=caseworker,
        team=team,
        reviewer=reviewer,
        review_date=date.fromisoformat(raw["date"]) if raw["date"] else None,
        date_pos=(int(position[0]), int(position[1])) if position else None,
        review_no=raw["review_no"],
        consent=bool(raw["consent"]),
        started=bool(raw["started"]),
        header_pos={str(k): (int(v[0]), int(v[1])) for k, v in header_pos.items()},
        header_cpr=[str(k) for k in header_cpr],
        answers={
            step: {q: (pair[0], pair[1]) for q, pair in questions.items()}
            for step, questions in raw["answers"].items()
        },
        corrections=[_load_correction(c) for c in raw["corrections"]],
        diagnostics=[
            Diagnostic("", line, column, code, message, hint, Severity(severity))
            for line, column, code, message, hint, severity in raw["diagnostics"]
        ],
        names=[
            NameHit(line, column, str(what), str(name)) for line, column, what, name in raw["names"]
        ],
    )


def _dump_correction(c: CorrectionEntry) -> list[Any]:
    return [
        c.step,
        c.question,
        c.action,
        c.responsible,
        c.deadline.isoformat() if c.deadline else None,
        c.done.isoformat() if c.done else None,
        list(c.done_pos) if c.done_pos else None,
        c.written.isoformat() if c.written else None,
    ]


def _load_correction(raw: list[Any]) -> CorrectionEntry:
    step, question, action, responsible, deadline, done, pos, written = raw
    return CorrectionEntry(
        step,
        question,
        action,
        responsible,
        date.fromisoformat(deadline) if deadline else None,
        date.fromisoformat(done) if done else None,
        (int(pos[0]), int(pos[1])) if pos else None,
        date.fromisoformat(written) if written else None,
    )
