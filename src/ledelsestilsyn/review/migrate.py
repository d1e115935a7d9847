"""`tilsyn migrer`: move reviews to a newer version of their template, keeping what carries.

A review that is not started or partly filled in is written anew from the
fill-in writer (`sampling.fillin`) for the new version, with the header and
every answer, comment and correction of a question that carries (unchanged,
or declared `uændret`/`erstatter`, see `templates.versions`). An answer to a
question that changed is not carried: it must be given anew. Finished reviews
are left alone unless asked for; an invalid one is never moved (fix it
first), and neither is one with a CPR-like number in it (G030): the new file
would have it masked without a word, and the backup would keep it. The old
file is kept next to the new one as `<navn>.bak` (a name that is free: an
earlier backup is never overwritten), and the new file is written atomically.
Files already on the target version are skipped, so a second run changes
nothing. The sample manifest keeps the version the sample was drawn with;
`review.header` accepts a newer version of the same template.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, TilsynError
from ledelsestilsyn.io.atomic import keep_backup, write_atomic
from ledelsestilsyn.io.files import read_limited
from ledelsestilsyn.io.yaml import MAX_BYTES, TOO_LARGE_HINT, decode, parse_text, read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.models.review import Answer, Review
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.review.check import CPR_WARNING
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.review.validate import ReviewResult, run_checks
from ledelsestilsyn.sampling.fillin import SCHEMA_MARK, Filled, render_review
from ledelsestilsyn.templates.versions import compare, version_key
from ledelsestilsyn.workspace.layout import MANIFEST_NAME
from ledelsestilsyn.workspace.open import Workspace

MOVABLE = (ReviewState.NOT_STARTED, ReviewState.PARTIAL)


@dataclass(frozen=True)
class Move:
    """One review moved (or, in a dry run, to be moved)."""

    display: str
    state: ReviewState
    old_ref: str
    carried: tuple[str, ...]
    anew: tuple[str, ...]
    """Questions that had an answer, a comment or a correction that could not be carried."""
    backup: str | None = None


@dataclass(frozen=True)
class Skip:
    display: str
    reason: str
    finished: bool = False
    """Left alone only because it is finished (the CLI names the flag that moves it)."""
    other: bool = False
    """On another template: only counted, not listed."""


@dataclass
class Migration:
    target: str
    moved: list[Move] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)


@dataclass(frozen=True)
class _Plan:
    move: Move
    path: Path
    text: str


@dataclass
class _Run:
    """What the reviews of one run share, worked out once: per old version what carries
    to the target, and per sample folder the focus its manifest names."""

    workspace: Workspace
    target: Template
    include_finished: bool
    carried_by_ref: dict[str, dict[tuple[str, str], tuple[str, str]]] = field(default_factory=dict)
    focus_by_folder: dict[Path, list[str] | None] = field(default_factory=dict)

    def carried(self, ref: str) -> dict[tuple[str, str], tuple[str, str]]:
        if ref not in self.carried_by_ref:
            lineage = self.workspace.catalog.lineage(ref, self.target.ref)
            self.carried_by_ref[ref] = compare(lineage).carried()
        return self.carried_by_ref[ref]

    def sample_focus(self, folder: Path) -> list[str] | None:
        """The focus of the sample in `folder`; None without a readable manifest."""
        if folder not in self.focus_by_folder:
            focus = None
            manifest = folder / MANIFEST_NAME
            if manifest.is_file():
                with contextlib.suppress(TilsynError):
                    focus = validate_document(Manifest, read_document(manifest)).focus or []
            self.focus_by_folder[folder] = focus
        return self.focus_by_folder[folder]


def migrate(
    workspace: Workspace,
    paths: Sequence[Path],
    target_ref: str,
    *,
    include_finished: bool,
    dry_run: bool,
    today: date,
) -> Migration:
    """Move the reviews under `paths` to `target_ref`; with `dry_run`, only say what would move."""
    try:
        workspace.catalog.raw(target_ref, Argument.TARGET)
    except TilsynError as exc:
        raise TilsynError(exc.diagnostics, ErrorKind.USAGE) from None
    target = workspace.catalog.resolve(target_ref)
    run = run_checks(workspace, list(paths), today=today)
    result = Migration(target.ref)
    plans: list[_Plan] = []
    shared = _Run(workspace, target, include_finished)
    for review in run.results:
        outcome = _plan(shared, review)
        if isinstance(outcome, Skip):
            result.skipped.append(outcome)
        else:
            plans.append(outcome)
    if not dry_run and plans:
        from ledelsestilsyn.workspace.layout import SCHEMA_DIR
        from ledelsestilsyn.workspace.schemas import write_schemas

        write_schemas(workspace.root / SCHEMA_DIR, workspace.catalog)
    for plan in plans:
        backup = None if dry_run else _write(plan, workspace.display)
        result.moved.append(replace(plan.move, backup=backup))
    return result


def _plan(shared: _Run, review: ReviewResult) -> _Plan | Skip:
    path, target = review.path, shared.target
    try:
        original = read_limited(path, review.display, limit=MAX_BYTES, hint=TOO_LARGE_HINT)
        doc = parse_text(decode(original, review.display), review.display)
        own = validate_document(Review, doc)
    except TilsynError:
        return Skip(review.display, "kan ikke læses som gennemgang; ret den med 'tilsyn valider'.")
    skip = _not_movable(review, own.template, target, shared.include_finished)
    if skip is not None:
        return skip
    carried_keys = shared.carried(own.template)
    focus = _focus(shared.sample_focus(path.parent), own, target, carried_keys)
    answers: dict[tuple[str, str], Answer] = {}
    carried: list[str] = []
    anew: list[str] = []
    for step_id, questions in own.answers.items():
        for question_id, answer in questions.items():
            new_key = carried_keys.get((step_id, question_id))
            if new_key is not None and new_key[0] in focus:
                answers[new_key] = answer
                if _given(answer):
                    carried.append(new_key[1])
            elif _given(answer):
                anew.append(question_id)
    filled = Filled(own.reviewer, own.date, own.starting_point, answers)
    text = render_review(
        target,
        series=own.series,
        period=own.period,
        case_id=own.case.id,
        caseworker=own.case.caseworker,
        team=own.case.team,
        focus=focus,
        schema=_schema(original, target),
        review_no=own.review_no,
        filled=filled,
    )
    move = Move(review.display, review.state, own.template, tuple(carried), tuple(anew))
    return _Plan(move, path, text)


def _not_movable(
    review: ReviewResult, ref: str, target: Template, include_finished: bool
) -> Skip | None:
    """Why the review on `ref` stays where it is, if it does."""
    old_id, _, old_version = ref.partition("@")
    if old_id != target.id:
        return Skip(review.display, f"bruger en anden skabelon ({ref}).", other=True)
    if not old_version:
        return Skip(review.display, "'skabelon' nævner ingen version; skriv id@version.")
    if version_key(old_version) >= version_key(target.version):
        return Skip(review.display, f"er allerede på {ref}.")
    if review.state is ReviewState.INVALID:
        return Skip(review.display, "er ugyldig; ret fejlene først ('tilsyn valider').")
    if any(d.code == CPR_WARNING for d in review.diagnostics):
        return Skip(
            review.display,
            "indeholder noget, der ligner et CPR-nummer; slet det først ('tilsyn valider' viser "
            "hvor), så hverken den nye fil eller sikkerhedskopien rummer det.",
        )
    if review.state is ReviewState.COMPLETE and not include_finished:
        return Skip(review.display, "er færdig og røres ikke", finished=True)
    return None


def _given(answer: Answer) -> bool:
    return bool(answer.answer.strip() or answer.comment.strip() or answer.correction)


def _focus(
    sample: list[str] | None,
    own: Review,
    target: Template,
    carried: dict[tuple[str, str], tuple[str, str]],
) -> list[str]:
    """The steps of the new file: the sample's focus, else the steps the old file had."""
    steps = sample if sample is not None else list(own.answers)
    if not steps:
        return [s.id for s in target.steps]
    moved = {carried[(s, q)][0] for s in steps for q in own.answers.get(s, {}) if (s, q) in carried}
    return [s.id for s in target.steps if s.id in steps or s.id in moved]


def _schema(original: bytes, target: Template) -> str | None:
    """The `$schema` comment of the old file, pointing at the new version's schema."""
    from ledelsestilsyn.workspace.schemas import review_schema_name

    first = original.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    if not first.startswith(SCHEMA_MARK):
        return None
    where = first[len(SCHEMA_MARK) :].rsplit("/", 1)
    folder = where[0] + "/" if len(where) == 2 else ""
    return folder + review_schema_name(target)


def _write(plan: _Plan, display: Callable[[Path], str]) -> str:
    """Keep the old file under a free `.bak` name, then put the new text in place atomically."""
    backup = keep_backup(plan.path)
    write_atomic(plan.path, plan.text, overwrite=True)
    return display(backup)
