"""`tilsyn migrer`: move reviews to a newer version of their template, keeping what carries.

A review that is not started or partly filled in is written anew from the
fill-in writer (`sampling.fillin`) for the new version, with the header and
every answer, comment and correction of a question that carries (unchanged,
or declared `uændret`/`erstatter`, see `templates.versions`). An answer to a
question that changed is not carried: it must be given anew. Nothing typed
is lost: the old answer is kept as comment lines and a correction stays a
correction where it can (`migrate_carry`); the reviewer's own comment lines
move along (`migrate_comments`). Finished reviews are left alone unless asked
for; an invalid one is never moved (fix it first), and neither is one with a
CPR-like number in it (G030): the new file would have it masked without a
word, and the backup would keep it. The old file is kept next to the new one
as `<navn>.bak` (a name that is free: an earlier backup is never
overwritten), and the new file is written atomically. Files already on the
target version are skipped, so a second run changes nothing. The sample
manifest keeps the version the sample was drawn with; `review.header`
accepts a newer version of the same template.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Argument, ErrorKind, TilsynError
from ledelsestilsyn.io.atomic import free_backup, keep_backup, write_atomic
from ledelsestilsyn.io.document import Path_
from ledelsestilsyn.io.files import read_limited, read_regular
from ledelsestilsyn.io.yaml import MAX_BYTES, TOO_LARGE_HINT, decode, read_document
from ledelsestilsyn.models.located import validate_document
from ledelsestilsyn.models.manifest import Manifest
from ledelsestilsyn.models.review import Answer, Review
from ledelsestilsyn.models.template import Template
from ledelsestilsyn.review.check import CPR_WARNING
from ledelsestilsyn.review.migrate_carry import carry as carry_answers
from ledelsestilsyn.review.migrate_comments import carry_comments, comment_lines
from ledelsestilsyn.review.state import ReviewState
from ledelsestilsyn.review.typed import parse_review
from ledelsestilsyn.review.validate import ReviewResult, run_checks
from ledelsestilsyn.sampling.fillin import SCHEMA_MARK, Filled, render_review
from ledelsestilsyn.templates.versions import compare, version_key
from ledelsestilsyn.workspace.layout import MANIFEST_NAME
from ledelsestilsyn.workspace.open import Workspace


@dataclass(frozen=True)
class Move:
    """One review moved (or, in a dry run, to be moved)."""

    display: str
    state: ReviewState
    old_ref: str
    carried: tuple[str, ...]
    anew: tuple[str, ...]
    """Questions whose answer or comment could not be carried: they are asked anew."""
    backup: str | None = None
    gone: tuple[str, ...] = ()
    """Answered questions the new version does not have: comment lines at the end now."""
    corrections_kept: Sequence[str] = ()
    """Questions that changed, whose correction stays under the question of the same id."""
    corrections_as_comments: Sequence[str] = ()
    """Questions the new version does not have, whose correction is only a comment now."""
    own_comments: int = 0
    own_comments_left: int = 0
    """The reviewer's own comment lines carried, and those only in the backup."""
    unanswered: int = 0
    """Questions in the new file without an answer."""


@dataclass(frozen=True)
class Skip:
    display: str
    reason: str
    finished: bool = False
    """Left alone only because it is finished (the CLI names the flag that moves it)."""
    lost_corrections: bool = False
    """Left alone only because a correction would become a comment (the CLI names the flag)."""
    other: bool = False
    """On another template: only counted, not listed."""
    fix: bool = False
    """Left alone until a person mends it (an error, a CPR number, no version, a correction
    with no question to go under): the run exits 1, as `valider` does on an invalid file."""


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
    original: bytes
    """The file as it was read: one saved since is left alone (`_write`)."""


@dataclass
class _Run:
    """What the reviews of one run share, worked out once: per old version what carries
    to the target, and per sample folder the focus its manifest names."""

    workspace: Workspace
    target: Template
    include_finished: bool
    corrections_as_comments: bool
    carried_by_ref: dict[str, dict[tuple[str, str], tuple[str, str]]] = field(default_factory=dict)
    focus_by_folder: dict[Path, list[str] | None] = field(default_factory=dict)
    known_by_ref: dict[str, frozenset[str]] = field(default_factory=dict)

    def carried(self, ref: str) -> dict[tuple[str, str], tuple[str, str]]:
        if ref not in self.carried_by_ref:
            lineage = self.workspace.catalog.lineage(ref, self.target.ref)
            self.carried_by_ref[ref] = compare(lineage).carried()
        return self.carried_by_ref[ref]

    def known(self, ref: str) -> frozenset[str]:
        """The comment lines the fill-in writer writes for `ref` (all steps, calibration too)."""
        if ref not in self.known_by_ref:
            empty = render_review(
                self.workspace.catalog.resolve(ref),
                series="",
                period="",
                case_id="",
                caseworker=None,
                team=None,
                focus=[],
                review_no=2,
            )
            self.known_by_ref[ref] = comment_lines(empty)
        return self.known_by_ref[ref]

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
    corrections_as_comments: bool = False,
) -> Migration:
    """Move the reviews under `paths` to `target_ref`; with `dry_run`, only say what would move.

    A review with a correction under a question the target does not have is moved only with
    `corrections_as_comments`: påmind and the report would lose the correction."""
    try:
        workspace.catalog.raw(target_ref, Argument.TARGET)
    except TilsynError as exc:
        raise TilsynError(exc.diagnostics, ErrorKind.USAGE) from None
    target = workspace.catalog.resolve(target_ref)
    run = run_checks(workspace, list(paths), today=today)
    result = Migration(target.ref)
    plans: list[_Plan] = []
    shared = _Run(workspace, target, include_finished, corrections_as_comments)
    for review in run.results:
        outcome = _plan(shared, review)
        if isinstance(outcome, Skip):
            result.skipped.append(outcome)
        else:
            plans.append(outcome)
    if not dry_run and plans:
        from ledelsestilsyn.workspace.layout import SCHEMA_DIR
        from ledelsestilsyn.workspace.schemas import write_schemas

        write_schemas(workspace.root / SCHEMA_DIR, workspace.catalog)  # keeps an edited one
    for plan in plans:
        if dry_run:
            backup = _free_backup(plan, workspace.display)
        elif (backup := _write(plan, workspace.display)) is None:
            result.skipped.append(Skip(plan.move.display, _CHANGED, fix=True))
            continue
        result.moved.append(replace(plan.move, backup=backup))
    return result


def _plan(shared: _Run, review: ReviewResult) -> _Plan | Skip:
    path, target = review.path, shared.target
    try:
        original = read_limited(path, review.display, limit=MAX_BYTES, hint=TOO_LARGE_HINT)
        text = decode(original, review.display)
        document = parse_review(text, review.display)
        own = validate_document(Review, document)
    except TilsynError:
        return Skip(
            review.display, "kan ikke læses som gennemgang; ret den med 'tilsyn valider'.", fix=True
        )
    skip = _not_movable(review, own.template, target, shared.include_finished)
    if skip is not None:
        return skip
    carry = carry_answers(own, shared.carried(own.template), target)
    if carry.lost_corrections and not shared.corrections_as_comments:
        return Skip(
            review.display,
            f"{_under(carry.lost_corrections)} kan ikke flyttes med, for spørgsmålet findes ikke "
            f"i {target.ref}, og påmind og rapporten ville miste den; flyt den til et andet "
            "spørgsmål først",
            lost_corrections=True,
            fix=True,
        )
    focus = _focus(shared.sample_focus(path.parent), own, target, carry.steps)
    answers = {key: answer for key, answer in carry.answers.items() if key[0] in focus}
    answers = _as_written(answers, document.data)
    filled = Filled(
        own.reviewer,
        own.date,
        own.starting_point,
        answers,
        consent=own.consent,
        notes={key: notes for key, notes in carry.notes.items() if key[0] in focus},
    )
    new_text = render_review(
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
    new_text += "".join(f"{line}\n" for line in carry.left_over)
    keys = shared.carried(own.template)
    new_text, own_comments, left = carry_comments(
        text, new_text, review.display, shared.known(own.template), lambda p: _renamed(p, keys)
    )
    unanswered = sum(
        1
        for step in target.steps
        if step.id in focus
        for question in step.questions
        if not answers.get((step.id, question.id), Answer()).answer.strip()
    )
    move = Move(
        review.display,
        review.state,
        own.template,
        tuple(carry.carried),
        tuple(carry.anew),
        gone=tuple(carry.gone),
        corrections_kept=tuple(carry.kept_corrections),
        corrections_as_comments=tuple(carry.lost_corrections),
        own_comments=own_comments,
        own_comments_left=left,
        unanswered=unanswered,
    )
    return _Plan(move, path, new_text, original)


def _as_written(
    answers: dict[tuple[str, str], Answer], data: object
) -> dict[tuple[str, str], Answer]:
    """The answers with each comment as the old file has it under the same step and question
    (a `|` block's last line break, which the model strips), so that a block is written back
    as the same block."""
    steps = data.get("svar") if isinstance(data, dict) else None
    written = {}
    for (step, question), answer in answers.items():
        block = steps.get(step) if isinstance(steps, dict) else None
        fields = block.get(question) if isinstance(block, dict) else None
        raw = fields.get("kommentar") if isinstance(fields, dict) else None
        if isinstance(raw, str) and raw != answer.comment and raw.strip() == answer.comment:
            answer = answer.model_copy(update={"comment": raw})
        written[(step, question)] = answer
    return written


def _renamed(path: Path_, carried: dict[tuple[str, str], tuple[str, str]]) -> Path_:
    """Where a place in the old file is in the new one: a question's new id, if it has one."""
    if len(path) >= 3 and path[0] == "svar":
        new = carried.get((str(path[1]), str(path[2])))
        if new is not None:
            return ("svar", *new, *path[3:])
    return path


def _under(questions: Sequence[str]) -> str:
    noun = "rettelsen" if len(questions) == 1 else "rettelserne"
    return f"{noun} under {', '.join(questions)}"


def _not_movable(
    review: ReviewResult, ref: str, target: Template, include_finished: bool
) -> Skip | None:
    """Why the review on `ref` stays where it is, if it does."""
    old_id, _, old_version = ref.partition("@")
    if old_id != target.id:
        return Skip(review.display, f"bruger en anden skabelon ({ref}).", other=True)
    if not old_version:
        return Skip(review.display, "'skabelon' nævner ingen version; skriv id@version.", fix=True)
    if version_key(old_version) == version_key(target.version):
        return Skip(review.display, f"er allerede på {ref}.")
    if version_key(old_version) > version_key(target.version):
        return Skip(
            review.display,
            f"er på {ref}, der er nyere end {target.id}@{target.version}; en gennemgang flyttes "
            "kun til en nyere version.",
        )
    if review.state is ReviewState.INVALID:
        return Skip(review.display, "er ugyldig; ret fejlene først ('tilsyn valider').", fix=True)
    if any(d.code == CPR_WARNING for d in review.diagnostics):
        return Skip(
            review.display,
            "indeholder noget, der ligner et CPR-nummer; slet det først ('tilsyn valider' viser "
            "hvor), så hverken den nye fil eller sikkerhedskopien rummer det.",
            fix=True,
        )
    if review.state is ReviewState.COMPLETE and not include_finished:
        return Skip(review.display, "er færdig og røres ikke", finished=True)
    return None


def _focus(sample: list[str] | None, own: Review, target: Template, carried: set[str]) -> list[str]:
    """The steps of the new file: the sample's focus, else the steps the old file had; and
    the steps of what is carried."""
    steps = sample if sample is not None else list(own.answers)
    if not steps:
        return [s.id for s in target.steps]
    return [s.id for s in target.steps if s.id in steps or s.id in carried]


def _schema(original: bytes, target: Template) -> str | None:
    """The `$schema` comment of the old file, pointing at the new version's schema."""
    from ledelsestilsyn.workspace.schemas import review_schema_name

    first = original.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    if not first.startswith(SCHEMA_MARK):
        return None
    where = first[len(SCHEMA_MARK) :].rsplit("/", 1)
    folder = where[0] + "/" if len(where) == 2 else ""
    return folder + review_schema_name(target)


def _free_backup(plan: _Plan, display: Callable[[Path], str]) -> str | None:
    """The backup a real run would write now (the dry run names it)."""
    free = free_backup(plan.path)
    return display(free) if free is not None else None


def _write(plan: _Plan, display: Callable[[Path], str]) -> str | None:
    """Keep the old file under a free `.bak` name, then put the new text in place atomically
    (the backup's name). None, nothing written, when a person saved the file since it was
    read (`_CHANGED` says so): the new text was made from the old, and the leader's edit
    would be only in the backup. Looked at before the backup and again just before the
    rename, as late as can be (an editor honours no lock)."""
    if _changed(plan):
        return None
    backup = keep_backup(plan.path)
    if _changed(plan):
        return None
    write_atomic(plan.path, plan.text, overwrite=True)
    return display(backup)


def _changed(plan: _Plan) -> bool:
    try:
        return read_regular(plan.path) != plan.original
    except OSError:
        return True


_CHANGED = (
    "blev gemt, mens migrer arbejdede, og er ikke flyttet (det nye indhold var lavet af det "
    "gamle); kør migrer igen for den"
)
