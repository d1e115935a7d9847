"""Reading `tiltag.yaml`: the model, then the checks a schema cannot make.

No file (or an empty one) means no tiltag, which is fine. Otherwise every
problem is a Danish error with file:line:col: the model's own (a bad date, an
unknown status, a missing key), a duplicate id, and a target that no template
in the workspace knows (with a did-you-mean). A question id that two templates
use is ambiguous (they are different questions): such a tiltag must say which
template it is about (`skabelon`), and then its targets are that template's.
A target that only an older version of its template has (a new version removed
it) is a warning (O005, `retired`): the tiltag's effect cannot be measured on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ledelsestilsyn.core.diagnostics import Diagnostic, Severity, TilsynError, warning
from ledelsestilsyn.core.periods import months_after
from ledelsestilsyn.core.quote import quote, quote_unknown
from ledelsestilsyn.core.unknown_names import all_danish
from ledelsestilsyn.core.words import listing
from ledelsestilsyn.followup.tiltag_checks import cpr_in_file, evaluation_warnings
from ledelsestilsyn.followup.tiltag_ids import in_message
from ledelsestilsyn.followup.tiltag_names import name_warnings
from ledelsestilsyn.io.document import Path_, YamlDocument
from ledelsestilsyn.io.named import present
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.located import did_you_mean, validate_document
from ledelsestilsyn.models.template import PEJLEMAERKER, Template
from ledelsestilsyn.models.tiltag import Tiltag, TiltagFile
from ledelsestilsyn.report.formats import long_date
from ledelsestilsyn.templates.catalog import Catalog
from ledelsestilsyn.templates.versions import version_key
from ledelsestilsyn.workspace.layout import TILTAG_FILE
from ledelsestilsyn.workspace.open import Workspace


@dataclass(frozen=True)
class Known:
    """The ids a tiltag may target: questions and steps of the templates, the pejlemærker."""

    questions: dict[str, str]
    """question id → its text"""
    steps: tuple[str, ...]
    owners: dict[str, tuple[str, ...]]
    """question id → the ids of the templates that have it (more than one: ambiguous)"""
    templates: tuple[Template, ...] = ()
    pejlemaerker: tuple[str, ...] = PEJLEMAERKER
    """The pejlemærker the templates' questions carry (overordnet's carry none)."""

    @classmethod
    def of(cls, templates: list[Template]) -> Known:
        questions: dict[str, str] = {}
        steps: dict[str, None] = {}
        owners: dict[str, dict[str, None]] = {}
        for template in templates:
            for step in template.steps:
                steps[step.id] = None
                for question in step.questions:  # the newest version's text (last)
                    questions[question.id] = question.text
                    owners.setdefault(question.id, {})[template.id] = None
        found = {q: tuple(sorted(ids)) for q, ids in owners.items()}
        used = {q.pejlemaerke for t in templates for s in t.steps for q in s.questions}
        marks = tuple(m for m in PEJLEMAERKER if m in used)
        return cls(questions, tuple(steps), found, tuple(templates), marks)

    @classmethod
    def from_catalog(cls, catalog: Catalog) -> Known:
        return cls.of([catalog.resolve(f"{i}@{v}") for i, v in sorted(catalog.templates)])

    @property
    def template_ids(self) -> list[str]:
        return sorted({t.id for t in self.templates})

    def only(self, template_id: str) -> Known:
        """What the versions of one template know."""
        return Known.of([t for t in self.templates if t.id == template_id])


def ambiguous(question_id: str, owners: tuple[str, ...]) -> tuple[str, str]:
    """The message and hint for a question id that several templates use."""
    return (
        f"spørgsmålet '{question_id}' findes i flere skabeloner: {listing(list(owners))}.",
        f"skriv, hvilken skabelon tiltaget gælder, fx skabelon: {owners[0]}.",
    )


def unknown_template(name: str, known: Known) -> tuple[str, str]:
    """The message and hint for a `skabelon` that no template in the workspace has: one with
    a version (`overordnet@2024.1`) is a template that exists, written as a tiltag does not
    write it; a name typed there is not quoted (`quote_unknown`)."""
    ident, at, _ = name.partition("@")
    if at and ident.strip().casefold() in known.template_ids:
        plain = ident.strip().casefold()
        return (
            f"et tiltag gælder skabelonen '{plain}' i alle dens versioner, så den skrives uden "
            "version.",
            f'skriv skabelon: "{plain}".',
        )
    guess = did_you_mean(name.casefold(), known.template_ids)
    said = quote_unknown(name, known.template_ids, suggested=guess)
    return (
        f"skabelonen {said} findes ikke i arbejdsmappen.",
        f"mente du '{guess}'?" if guess else f"vælg en af: {listing(known.template_ids, 'eller')}.",
    )


def evaluation_date(tiltag: Tiltag) -> date | None:
    """The day the tiltag is to be evaluated: `besluttet` plus `evaluer_efter_måneder`."""
    months = tiltag.evaluate_after_months
    return None if months is None else months_after(tiltag.decided, months)


def load_tiltag(workspace: Workspace) -> list[Tiltag]:
    """The workspace's tiltag (none without a file); `TilsynError` with every problem."""
    return read_tiltag(workspace, None).tiltag


@dataclass(frozen=True)
class TiltagRead:
    tiltag: list[Tiltag]
    retired: dict[str, list[Retired]]
    """Tiltag id → its targets that a new template version removed (`retired`)."""
    warnings: list[Diagnostic]
    """O005 for each of those, and the evaluation's O006 and O007, located in tiltag.yaml."""
    evaluation: dict[str, list[Diagnostic]] = field(default_factory=dict)
    """Tiltag id → its O006 and O007 (`followup.tiltag_checks`)."""


def read_tiltag(workspace: Workspace, today: date | None) -> TiltagRead:
    """`load_tiltag`, and the targets a new template version removed; `today` is the day the
    command is run for (None where there is none: an `evalueret` after it is then not said)."""
    path = workspace.root / TILTAG_FILE
    if not present(path):  # a folder, a pipe or a broken link is said by `read_document`
        return TiltagRead([], {}, [])
    doc = read_document(path, display=workspace.display(path))
    if doc.data is None:
        return TiltagRead([], {}, [])
    parsed = validate_document(TiltagFile, doc)
    known = Known.from_catalog(workspace.catalog)
    problems = check(parsed, doc, known)
    if problems:
        raise TilsynError(problems)
    gone = {t.id: retired(t, known) for t in parsed.tiltag}
    warnings = [
        _retired_warning(doc, number, target)
        for number, t in enumerate(parsed.tiltag)
        for target in gone[t.id]
    ]
    warnings += [_no_target(doc, n) for n, t in enumerate(parsed.tiltag) if not _aims(t)]
    warnings += [
        _never_evaluated(doc, n, t)
        for n, t in enumerate(parsed.tiltag)
        if t.evaluate_after_months is None and t.evaluated is None and t.status != "opgivet"
    ]
    evaluation = evaluation_warnings(workspace, doc, parsed.tiltag, today)
    warnings += [d for t in parsed.tiltag for d in evaluation.get(t.id, [])]
    warnings += cpr_in_file(path.read_text(encoding="utf-8", errors="replace"), doc.file)
    warnings += name_warnings(workspace, doc, parsed.tiltag)
    return TiltagRead(parsed.tiltag, gone, warnings, evaluation)


def _aims(tiltag: Tiltag) -> bool:
    """Whether the tiltag has a target to measure its effect on."""
    t = tiltag.targets
    return bool(t.questions or t.steps or t.pejlemaerker)


def _no_target(doc: YamlDocument, number: int) -> Diagnostic:
    return doc.diagnostic(
        ("tiltag", number, "id"),
        "O024",
        "tiltaget har intet mål, så rapporten kan ikke vise dets effekt.",
        hint="skriv under mål: de spørgsmål, sagsskridt eller pejlemærker, tiltaget skal løfte.",
        severity=Severity.WARNING,
    )


def _never_evaluated(doc: YamlDocument, number: int, tiltag: Tiltag) -> Diagnostic:
    """O031: without `evaluer_efter_måneder` a tiltag written by hand has no evaluation date,
    so nothing ever reminds the leaders to judge its effect (`tiltag ny` writes 6)."""
    return doc.diagnostic(
        ("tiltag", number, "id"),
        "O031",
        f"{in_message(tiltag.id, number)} har ingen evalueringsdato "
        "(evaluer_efter_måneder), så intet minder jer om at vurdere, om det virker.",
        hint="skriv fx evaluer_efter_måneder: 6 (evaluering 6 måneder efter besluttet).",
        severity=Severity.WARNING,
    )


@dataclass(frozen=True)
class Retired:
    """A target (question or step) that the newest version of its template no longer has."""

    key: str
    """`spørgsmål` or `sagsskridt`, as under `mål` in tiltag.yaml."""
    target: str
    index: int
    """Where the target stands in its list under `mål`."""
    template: str
    last: str
    """The last version that has the target."""
    newest: str

    @property
    def what(self) -> str:
        return "spørgsmålet" if self.key == "spørgsmål" else "sagsskridtet"


def retired(tiltag: Tiltag, known: Known) -> list[Retired]:
    """The tiltag's questions and steps that an older version of their template has, and
    its newest version does not (only the tiltag's `skabelon`, when it names one)."""
    versions: dict[str, list[Template]] = {}
    for template in sorted(known.templates, key=lambda t: version_key(t.version)):
        if tiltag.template in (None, template.id):
            versions.setdefault(template.id, []).append(template)
    found: list[Retired] = []
    for key, targets in (
        ("spørgsmål", tiltag.targets.questions),
        ("sagsskridt", tiltag.targets.steps),
    ):
        for index, target in enumerate(targets):
            for ident, line in sorted(versions.items()):
                having = [t.version for t in line if target in _ids(t, key)]
                if having and having[-1] != line[-1].version:
                    found.append(Retired(key, target, index, ident, having[-1], line[-1].version))
    return found


def _ids(template: Template, key: str) -> set[str]:
    if key == "sagsskridt":
        return {s.id for s in template.steps}
    return {q.id for s in template.steps for q in s.questions}


def _retired_warning(doc: YamlDocument, number: int, gone: Retired) -> Diagnostic:
    old, new = f"{gone.template}@{gone.last}", f"{gone.template}@{gone.newest}"
    return doc.diagnostic(
        _target_path(doc, number, gone.key, gone.index),
        "O005",
        f"{gone.what} '{gone.target}' er ikke længere i skabelonen '{gone.template}' "
        f"(version {gone.newest}), så tiltagets effekt kan ikke måles på det.",
        hint=f"ret målet i tiltag.yaml: skriv det {gone.key}, der afløser det i {new} "
        f"('tilsyn skabelon forskel {old} {new}' viser forskellen), eller fjern det.",
        severity=Severity.WARNING,
    )


def _target_path(doc: YamlDocument, number: int, key: str, index: int) -> Path_:
    """The target's own place in the file, else its list's."""
    path: Path_ = ("tiltag", number, "mål", key)
    return (*path, index) if (*path, index) in doc.values else path


def tiltag_shown(
    workspace: Workspace, today: date | None, code: str, left_out: str
) -> tuple[TiltagRead, list[Diagnostic]]:
    """The tiltag for a command that only shows them (rapport, påmind, årshjul): a mistake in
    tiltag.yaml is said as warnings, and `code` says what is left out (`left_out`, "tiltagene
    er udeladt af rapporten"), so it does not stop the command (`tjek` and `tilsyn tiltag`
    give it as errors)."""
    try:
        return read_tiltag(workspace, today), []
    except TilsynError as exc:
        said = warning(
            workspace.display(workspace.root / TILTAG_FILE),
            code,
            f"{left_out}, fordi tiltag.yaml har fejl (se ovenfor).",
            hint="ret filen; 'tilsyn tjek' viser fejlene.",
        )
        notes = [*(replace(d, severity=Severity.WARNING) for d in exc.diagnostics), said]
        return TiltagRead([], {}, []), notes


def check(parsed: TiltagFile, doc: YamlDocument, known: Known) -> list[Diagnostic]:
    """Duplicate ids and unknown targets, each located in the file."""
    problems: list[Diagnostic] = []
    first: dict[str, int] = {}
    for number, tiltag in enumerate(parsed.tiltag):
        where = ("tiltag", number, "id")
        if tiltag.id in first:
            problems.append(
                doc.diagnostic(
                    where,
                    "O001",
                    f"{in_message(tiltag.id, number)} findes allerede (linje {first[tiltag.id]}).",
                    hint="giv hvert tiltag sit eget id.",
                )
            )
        else:
            position = doc.values.get(where)
            first[tiltag.id] = position.line if position else 0
        problems += _before_decision(doc, number, tiltag)
        scope = known
        if tiltag.template is not None:
            if tiltag.template not in known.template_ids:
                text, hint = unknown_template(tiltag.template, known)
                problems.append(
                    doc.diagnostic(("tiltag", number, "skabelon"), "O004", text, hint=hint)
                )
                continue
            scope = known.only(tiltag.template)
        problems += _targets(doc, number, tiltag, scope, known)
    return problems


def before_decision(key: str, day: date, decided: date) -> tuple[str, str, str] | None:
    """(code, message, hint) when `frist` or `evalueret` (`key`) lies before `besluttet`."""
    if day >= decided:
        return None
    if key == "frist":
        return (
            "O008",
            f"fristen {long_date(day)} ligger før beslutningen ({long_date(decided)}).",
            "skriv den dag, tiltaget skal være gennemført; den kan ikke være passeret, "
            "allerede da det blev besluttet.",
        )
    return (
        "O009",
        f"evalueringen {long_date(day)} ligger før beslutningen ({long_date(decided)}).",
        "skriv dagen, I vurderede effekten (efter beslutningen), eller lad den stå tom.",
    )


def _before_decision(doc: YamlDocument, number: int, tiltag: Tiltag) -> list[Diagnostic]:
    """O008/O009: a deadline or an evaluation before the decision."""
    problems: list[Diagnostic] = []
    for key, day in (("frist", tiltag.deadline), ("evalueret", tiltag.evaluated)):
        found = before_decision(key, day, tiltag.decided) if day is not None else None
        if found is not None:
            code, text, hint = found
            problems.append(doc.diagnostic(("tiltag", number, key), code, text, hint=hint))
    return problems


def _targets(
    doc: YamlDocument, number: int, tiltag: Tiltag, known: Known, others: Known
) -> list[Diagnostic]:
    """Targets no template knows, and (without `skabelon`) questions several templates have."""
    problems: list[Diagnostic] = []
    where = f"skabelonen '{tiltag.template}'" if tiltag.template else "arbejdsmappens skabeloner"
    lists = (
        ("spørgsmål", tiltag.targets.questions, list(known.questions), "spørgsmålet"),
        ("sagsskridt", tiltag.targets.steps, list(known.steps), "sagsskridtet"),
        ("pejlemærker", tiltag.targets.pejlemaerker, list(known.pejlemaerker), "pejlemærket"),
    )
    for key, values, allowed, what in lists:
        for index, value in enumerate(values):
            path = _target_path(doc, number, key, index)
            if value in values[:index]:
                text = f"målet {_quoted_id(value, allowed)} står to gange under {key}."
                problems.append(doc.diagnostic(path, "O019", text, hint="slet det ene."))
                continue
            owners = known.owners.get(value, ()) if key == "spørgsmål" else ()
            if len(owners) > 1:
                text, hint = ambiguous(value, owners)
                problems.append(doc.diagnostic(path, "O003", text, hint=hint))
            if value in allowed:
                continue
            guess = did_you_mean(value, allowed)
            hint = f"mente du '{guess}'?" if guess else "tjek id'et med 'tilsyn skabelon'."
            several = [v.strip() for v in value.split(",")]
            if len(several) > 1 and all(v in allowed for v in several):  # `a, b` for `[a, b]`
                hint = f"skriv flere som en liste: {key}: [{', '.join(several)}]."
            if key == "pejlemærker" and not allowed:
                hint = _no_pejlemaerker(tiltag.template, others)
            shown = _quoted_id(value, allowed, guess)
            problems.append(
                doc.diagnostic(path, "O002", f"{what} {shown} findes ikke i {where}.", hint=hint)
            )
    return problems


def _quoted_id(value: str, allowed: list[str], guess: str | None = None) -> str:
    """A target id as a message quotes it: an id of Danish words (`intentioner-1`) as it is,
    else only as a typo of one of ours; a name typed as a target (`Karimi`) by its length."""
    known = allowed or None  # no ids of the kind here: a word in lower case is quoted
    return quote(value) if all_danish(value) else quote_unknown(value, known, suggested=guess)


def _no_pejlemaerker(template: str | None, others: Known) -> str:
    """The hint for a pejlemærke in a template whose questions carry none."""
    having = [t for t in others.template_ids if others.only(t).pejlemaerker]
    text = f"skabelonen '{template}' har ingen pejlemærker"
    if having:
        text += f"; de findes i {listing(having, 'og')}"
    return text + ". Brug sagsskridt eller spørgsmål som mål."
