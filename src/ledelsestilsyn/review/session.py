"""One review file open in `tilsyn udfyld`: read once, saved often, never overwritten blindly.

Every save splices the new values into the text (`review.edit.fill`) and writes
the same file atomically (`io.atomic`), keeping a UTF-8 BOM if it had one.
Before writing, the file on disk must still hold the bytes this session last
read or wrote: if an editor or a second `udfyld` changed it in the meantime,
the save is refused (`F010`) and nothing is lost; the caller offers to reload. Nor is
anything of the leader's own text changed by the output gate on the way (`F011`).
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from ledelsestilsyn.core.diagnostics import fail
from ledelsestilsyn.core.gate import gate
from ledelsestilsyn.io.atomic import write_atomic
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.io.files import read_limited
from ledelsestilsyn.io.yaml import MAX_BYTES, TOO_LARGE_HINT, decode
from ledelsestilsyn.review.edit import Edit, fill
from ledelsestilsyn.review.typed import parse_review

_BOM = b"\xef\xbb\xbf"


@dataclass
class ReviewFile:
    path: Path
    display: str
    raw: bytes
    text: str
    doc: YamlDocument

    @classmethod
    def open(cls, path: Path, display: str) -> ReviewFile:
        """Read and parse the file; a problem is a located `TilsynError`."""
        raw = read_limited(path, display, limit=MAX_BYTES, hint=TOO_LARGE_HINT)
        text = decode(raw, display)
        return cls(path, display, raw, text, parse_review(text, display))

    def changed_on_disk(self) -> bool:
        try:
            return self.path.read_bytes() != self.raw
        except OSError:
            return True

    def save(self, edits: list[Edit]) -> None:
        """Write the edits to the file, unless it changed on disk since it was read."""
        text = fill(self.text, edits, self.display)
        if text == self.text:
            return
        if self.changed_on_disk():
            raise fail(
                self.display,
                "F010",
                "filen er ændret på disken (i en editor eller et andet 'udfyld'), "
                "siden den blev åbnet; ændringen er ikke gemt.",
                hint="indlæs filen igen (tast ctrl+r) og skriv ændringen igen.",
            )
        self._nothing_the_gate_changes(text)
        bom = "\ufeff" if self.raw.startswith(_BOM) else ""
        mode = stat.S_IMODE(self.path.stat().st_mode)
        write_atomic(self.path, bom + text, overwrite=True, mode=mode)
        self.reload()

    def _nothing_the_gate_changes(self, text: str) -> None:
        """F011: the file holds something the output gate would write otherwise (a CPR-like
        number, a direction mark) outside what was typed now. Saved, it was X'ed or `�` in
        the leader's own text without a word (`Udbetalt 15.03.24: 4500 kr.`); it is for the
        leader to put right, so nothing is saved until then."""
        gated = gate(text)
        if gated == text:
            return
        lines = [
            n
            for n, (a, b) in enumerate(zip(text.split("\n"), gated.split("\n"), strict=True), 1)
            if a != b
        ]
        where = ", ".join(str(n) for n in lines[:5]) + (" …" if len(lines) > 5 else "")
        raise fail(
            self.display,
            "F011",
            f"filen har noget, der ligner et CPR-nummer eller et usynligt styretegn, på linje "
            f"{where}; udfyld skriver det ikke om i din tekst, så ændringen er ikke gemt.",
            hint="ret linjen i filen (skriv fx sagsnummeret i stedet for et CPR-nummer, eller "
            "skriv tallet anderledes), og tast ctrl+r.",
            line=lines[0],
        )

    def reload(self) -> None:
        fresh = ReviewFile.open(self.path, self.display)
        self.raw, self.text, self.doc = fresh.raw, fresh.text, fresh.doc
