"""A fixed, deterministic report workspace: filled-in reviews written with `render_review`.

Three monthly rounds of overordnet (2026-09 … 2026-11) and one round of
tematiseret with two calibration reviews, plus one unfinished and one
invalid review. Answers follow a fixed formula, so figures never change.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ledelsestilsyn.sampling.fillin import case_filename, render_review
from ledelsestilsyn.templates.catalog import Catalog

TEAMS = ("Team Nord", "Team Syd", "Team Vest")
WORKERS = ("Anna Holm", "Bo Lind", "Carla Friis", "Dan Krog", "Eva Munk", "Finn Bak")
OVERORDNET_FOCUS = ["underretning", "screening"]
TEMATISERET_FOCUS = ["underretning", "intentioner"]
Answer = Callable[[int, int], tuple[str, str]]


def fill(text: str, answers: list[tuple[str, str]], reviewer: str, day: str) -> str:
    """Put reviewer, date and the answers (in file order) into a rendered review."""
    out: list[str] = []
    pending = iter(answers)
    comment = ""
    for line in text.splitlines():
        if line == 'gennemført_af: ""':
            line = f'gennemført_af: "{reviewer}"'
        elif line == 'dato: ""':
            line = f'dato: "{day}"'
        elif line == '      svar: ""':
            answer, comment = next(pending)
            line = f'      svar: "{answer}"'
        elif line == "      kommentar: ''":
            line = "      kommentar: " + _quoted(comment)
        out.append(line)
    return "\n".join(out) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def overordnet_answer(period: int) -> Answer:
    def answer(case: int, question: int) -> tuple[str, str]:
        value = (case * 7 + question * 3 + period * 2) % 10
        if value == 9:
            return "ikke relevant", ""
        if value >= 5 + period:
            note = "Partshøring mangler i journalen."
            if case == 2 and question == 0:
                note = "Se notat om barnet, cpr 010203-1234, og <script>alert(1)</script>."
            return "nej", note
        return "ja", ""

    return answer


def tematiseret_answer(shift: int) -> Answer:
    grades = ("høj grad", "nogen grad", "høj grad", "lav grad", "høj grad", "ikke relevant")

    def answer(case: int, question: int) -> tuple[str, str]:
        value = grades[(case * 5 + question + shift * (question % 2)) % len(grades)]
        return value, "Barnets perspektiv er ikke beskrevet." if value == "lav grad" else ""

    return answer


def write_round(
    root: Path,
    catalog: Catalog,
    *,
    series: str,
    ref: str,
    period: str,
    focus: list[str],
    cases: int,
    answer: Answer,
    day: str,
    reviews: Callable[[int], int] = lambda case: 1,
    teams: Sequence[str] = TEAMS,
    first: int = 0,
    workers: Sequence[str] = WORKERS,
    unstarted: int = 1,
) -> Path:
    """One folder `udtræk/<period>-<series>/` with a manifest and `cases` complete reviews:
    case i is `teams[i % len(teams)]`'s and `workers[i % len(workers)]`'s; the case numbers
    begin at `first`. The manifest lists `unstarted` more drawn cases without a file."""
    template = catalog.resolve(ref)
    folder = root / "udtræk" / f"{period}-{series}"
    folder.mkdir(parents=True, exist_ok=True)
    questions = sum(len(s.questions) for s in template.steps if s.id in focus)
    manifest = [
        f'tilsyn: "{series}"',
        f'periode: "{period}"',
        f'skabelon: "{template.ref}"',
        f"fokus: [{', '.join(focus)}]",
        'oprettet: "2026-09-01T08:00:00"',
        'oprettet_af: "test"',
        'værktøj: "0.1.0"',
        "seed: 1",
        f"antal: {cases + unstarted}",
        "sager:",
    ]
    for case in range(cases + unstarted):
        case_id = f"S-{period}-{first + case:03d}"
        files = [case_filename(case_id, n if n > 1 else None) for n in range(1, reviews(case) + 1)]
        files = files if case < cases else []
        manifest += _drawn(case_id, workers[case % len(workers)], teams[case % len(teams)], files)
    (folder / "udtræk.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    for case in range(cases):
        case_id = f"S-{period}-{first + case:03d}"
        text = render_review(
            template,
            series=series,
            period=period,
            case_id=case_id,
            caseworker=workers[case % len(workers)],
            team=teams[case % len(teams)],
            focus=focus,
        )
        answers = [answer(case, q) for q in range(questions)]
        body = fill(text, answers, "Leder Lund", day)
        (folder / case_filename(case_id)).write_text(body, encoding="utf-8")
    return folder


def underretning_round(root: Path, period: str, cases: int, answer: Answer) -> Path:
    """A monthly overordnet@2024.1 round looking at underretning only (8 questions a case),
    finished on the 20th: the round most effect and disclosure tests need."""
    return write_round(
        root,
        Catalog.load(root),
        series="månedligt-overordnet",
        ref="overordnet@2024.1",
        period=period,
        focus=["underretning"],
        cases=cases,
        answer=answer,
        day=f"{period}-20",
    )


@contextmanager
def themed_round(root: Path, cases: int, answer: Answer) -> Iterator[Path]:
    """A November round of tematiseret@2024.1 (underretning only, case numbers from 500),
    taken away again afterwards: to compare reports that differ only in it."""
    folder = themed(root, cases, answer)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


def themed(root: Path, cases: int, answer: Answer) -> Path:
    """A November round of tematiseret@2024.1 looking at underretning only."""
    return write_round(
        root,
        Catalog.load(root),
        series="tematiseret",
        ref="tematiseret@2024.1",
        period="2026-11",
        focus=["underretning"],
        cases=cases,
        answer=answer,
        day="2026-11-21",
        first=500,
    )


def kk_round(root: Path, series: str, period: str, cases: int, answer: Answer, day: str) -> Path:
    """A round of the kk preset's `series` (overordnet@2025.1) looking at underretning only."""
    return write_round(
        root,
        Catalog.load(root),
        series=series,
        ref="overordnet@2025.1",
        period=period,
        focus=["underretning"],
        cases=cases,
        answer=answer,
        day=day,
    )


def _drawn(case_id: str, caseworker: str, team: str, files: list[str]) -> list[str]:
    """A case in the manifest as `udtræk` writes it (the reviews' headers must match it)."""
    return [
        f'  - id: "{case_id}"',
        f'    rådgiver: "{caseworker}"',
        f'    team: "{team}"',
        '    begrundelse: "tilfældig"',
        f"    filer: [{', '.join(files)}]",
    ]


def build_workspace(root: Path) -> None:
    """The fixed report workspace inside an existing `tilsyn init` folder."""
    catalog = Catalog.load(root)
    for index, month in enumerate(("09", "10", "11")):
        write_round(
            root,
            catalog,
            series="månedligt-overordnet",
            ref="overordnet@2024.1",
            period=f"2026-{month}",
            focus=OVERORDNET_FOCUS,
            cases=12,
            answer=overordnet_answer(index),
            day=f"2026-{month}-20",
        )
    folder = write_round(
        root,
        catalog,
        series="tematiseret",
        ref="tematiseret@2024.1",
        period="2026-11",
        focus=TEMATISERET_FOCUS,
        cases=6,
        answer=tematiseret_answer(0),
        day="2026-11-21",
        reviews=lambda case: 2 if case in (0, 1) else 1,
    )
    template = catalog.resolve("tematiseret@2024.1")
    questions = sum(len(s.questions) for s in template.steps if s.id in TEMATISERET_FOCUS)
    for case in (0, 1):  # calibration: a second, independent review of two cases
        case_id = f"S-2026-11-{case:03d}"
        text = render_review(
            template,
            series="tematiseret",
            period="2026-11",
            case_id=case_id,
            caseworker=WORKERS[case],
            team=TEAMS[case],
            focus=TEMATISERET_FOCUS,
            review_no=2,
        )
        answer = tematiseret_answer(1)
        body = fill(text, [answer(case, q) for q in range(questions)], "Leder Juul", "2026-11-22")
        (folder / case_filename(case_id, 2)).write_text(body, encoding="utf-8")
    _unfinished(root, catalog)


def _unfinished(root: Path, catalog: Catalog) -> None:
    template = catalog.resolve("overordnet@2024.1")
    folder = root / "udtræk" / "2026-11-månedligt-overordnet"
    questions = sum(len(s.questions) for s in template.steps if s.id in OVERORDNET_FOCUS)
    manifest = folder / "udtræk.yaml"
    for case, answers in (
        (90, [("ja", "")] * 3 + [("", "")] * (questions - 3)),
        (91, [("jaa", "")] + [("ja", "")] * (questions - 1)),
    ):
        case_id = f"S-2026-11-{case:03d}"
        drawn = _drawn(case_id, "Gert Dahl", "Team Nord", [case_filename(case_id)])
        manifest.write_text(
            manifest.read_text(encoding="utf-8") + "\n".join(drawn) + "\n", encoding="utf-8"
        )
        text = render_review(
            template,
            series="månedligt-overordnet",
            period="2026-11",
            case_id=case_id,
            caseworker="Gert Dahl",
            team="Team Nord",
            focus=OVERORDNET_FOCUS,
        )
        body = fill(text, answers, "Leder Lund", "2026-11-20")
        (folder / case_filename(case_id)).write_text(body, encoding="utf-8")


def level_1_round(root: Path, cases: int) -> Path:
    """Niveau 1 (forlægget kk) in October: `cases` reviews of underretning, the round that
    `level_2_round` re-reviews."""
    return kk_round(root, "niveau-1", "2026-10", cases, overordnet_answer(0), "2026-10-20")


def level_2_round(root: Path, cases: list[str], day: str, comment: str) -> None:
    """Niveau 2 (forlægget kk) re-reviews `cases` of niveau 1's October round in 2026-K4 and
    finds every answer 'nej', with `comment`; the manifest as `udtræk` writes a level's."""
    source = root / "udtræk" / "2026-10-niveau-1"
    folder = root / "udtræk" / "2026-K4-niveau-2"
    folder.mkdir(parents=True)
    head, listed = (source / "udtræk.yaml").read_text(encoding="utf-8").split("sager:\n")
    head = head.replace('"niveau-1"', '"niveau-2"').replace('"2026-10"', '"2026-K4"')
    kept = [e for e in listed.split("  - ") if any(f'"{c}"' in e for c in cases)]
    text = head + "fra_tilsyn: [niveau-1]\nsager:\n" + "".join("  - " + e for e in kept)
    (folder / "udtræk.yaml").write_text(text, encoding="utf-8")
    for case in cases:
        review = (source / f"{case}.yaml").read_text(encoding="utf-8")
        for old, new in (
            ('tilsyn: "niveau-1"', 'tilsyn: "niveau-2"'),
            ('periode: "2026-10"', 'periode: "2026-K4"'),
            ('dato: "2026-10-20"', f'dato: "{day}"'),
            ('svar: "ja"', 'svar: "nej"'),
            ('svar: "ikke relevant"', 'svar: "nej"'),
            ('kommentar: ""', f'kommentar: "{comment}"'),
        ):
            review = review.replace(old, new)
        (folder / f"{case}.yaml").write_text(review, encoding="utf-8")
