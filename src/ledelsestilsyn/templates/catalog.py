"""Templates: loading, checking, resolving `id@version` and applying extensions.

Templates are looked up in the workspace's `skabeloner/` first, then among
the ones shipped inside the package (so they work after `pip install .`).
A local template may `udvide` another (add steps or questions, `udelad`
some) and `hente` questions from a third, without copying them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ledelsestilsyn.core.diagnostics import Diagnostic, TilsynError, fail
from ledelsestilsyn.core.quote import quote, quote_unknown
from ledelsestilsyn.io.document import YamlDocument
from ledelsestilsyn.io.document_cache import DocumentCache
from ledelsestilsyn.io.yaml import read_document
from ledelsestilsyn.models.located import did_you_mean, validate_document
from ledelsestilsyn.models.review import REVIEW_KEYS
from ledelsestilsyn.models.template import Question, Step, Template
from ledelsestilsyn.templates.versions import declaration_problems, version_key
from ledelsestilsyn.workspace.layout import CACHE_DIR, TEMPLATE_CACHE, TEMPLATES_DIR

MAX_EXTENSION_DEPTH = 8


def shipped_dir() -> Path:
    return Path(str(resources.files("ledelsestilsyn") / "skabeloner"))


def _not_installed(folder: Path) -> Diagnostic:
    """T021: the built-in templates are not where the package keeps them (a copied source
    tree whose link to them points at nothing, an install that lost them): `skabelon` listed
    no template, and every concept's template was 'ukendt' with 'kendte skabeloner: .'."""
    return Diagnostic(
        str(folder),
        None,
        None,
        "T021",
        "de indbyggede skabeloner findes ikke i installationen; den er ufuldstændig.",
        "installer tilsyn igen (make demo, eller pip install . i projektmappen).",
    )


def check_template_shape(doc: YamlDocument) -> None:
    """Recognise files that are something else (a review, a manifest) before validating."""
    data = doc.data
    if (
        isinstance(data, dict)
        and {"svar", "sag", "tilsyn"} <= set(data)
        and set(data) <= REVIEW_KEYS
    ):
        raise TilsynError(
            [
                doc.diagnostic(
                    (),
                    "T001",
                    "filen er en udfyldt gennemgang, ikke en skabelon.",
                    hint="flyt den ud af mappen skabeloner/; gennemgange hører til under udtræk/.",
                )
            ]
        )
    if isinstance(data, dict) and "sager" in data and "seed" in data:
        raise TilsynError(
            [doc.diagnostic((), "T001", "filen er et udtræksmanifest, ikke en skabelon.")]
        )


def load_template(path: Path, display: str | None = None) -> Template:
    return _load(path, display)[0]


def _load(
    path: Path, display: str | None, cache: DocumentCache | None = None
) -> tuple[Template, YamlDocument]:
    if cache is None:
        doc = read_document(path, display=display)
    else:
        doc = cache.read(path, display or str(path))
    check_template_shape(doc)
    template = validate_document(Template, doc)
    problems = template_problems(template, doc)
    if problems:
        raise TilsynError(problems)
    return template, doc


def template_problems(template: Template, doc: YamlDocument) -> list[Diagnostic]:
    """Duplicates the model cannot see: step ids, question ids, scale answers."""
    problems: list[Diagnostic] = []
    seen_answers: dict[str, int] = {}
    for i, value in enumerate(template.scale):
        key = value.answer.lower()
        if key in seen_answers:
            problems.append(
                doc.diagnostic(
                    ("skala", i, "svar"),
                    "T002",
                    f"svaret '{value.answer}' står to gange i skalaen "
                    f"(også som nr. {seen_answers[key] + 1}).",
                )
            )
        seen_answers[key] = i
    steps: set[str] = set()
    questions: dict[str, str] = {}
    for si, step in enumerate(template.steps):
        if step.id in steps:
            problems.append(
                doc.diagnostic(
                    ("sagsskridt", si, "id"), "T003", f"sagsskridtet '{step.id}' står to gange."
                )
            )
        steps.add(step.id)
        for qi, question in enumerate(step.questions):
            if question.id in questions:
                problems.append(
                    doc.diagnostic(
                        ("sagsskridt", si, "spørgsmål", qi, "id"),
                        "T004",
                        f"spørgsmåls-id '{question.id}' står to gange "
                        f"(også under '{questions[question.id]}').",
                        hint="hvert spørgsmål skal have sit eget, faste id.",
                    )
                )
            questions[question.id] = step.id
    return problems


@dataclass
class Catalog:
    """All templates known to a workspace, by id and version."""

    templates: dict[tuple[str, str], Template] = field(default_factory=dict)
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    shadowed: dict[tuple[str, str], str] = field(default_factory=dict)
    """A built-in template a local one with its id and version changes (`shadow_warnings`)."""

    @classmethod
    def load(cls, workspace: Path | None = None) -> Catalog:
        catalog = cls()
        problems: list[Diagnostic] = []
        docs: dict[tuple[str, str], YamlDocument] = {}
        folders = [shipped_dir()]
        if not any(folders[0].glob("*.yaml")):
            raise TilsynError([_not_installed(folders[0])])
        if workspace is not None and (workspace / TEMPLATES_DIR).is_dir():
            folders.append(workspace / TEMPLATES_DIR)  # later wins: workspace first
        cache_file = _cache_file(workspace)
        cache = DocumentCache.open(cache_file) if cache_file is not None else None
        for folder in folders:
            for path in sorted(folder.glob("*.yaml")):
                try:
                    template, doc = _load(path, _display(path, workspace), cache)
                except TilsynError as exc:
                    problems.extend(exc.diagnostics)
                    continue
                catalog._add(template, _display(path, workspace))
                docs[(template.id, template.version)] = doc
        if not problems:
            for key, doc in docs.items():
                problems.extend(catalog._extension_problems(catalog.templates[key], doc))
        if not problems:
            for key, doc in docs.items():
                problems.extend(catalog._declaration_problems(catalog.templates[key], doc))
        if problems:
            raise TilsynError(problems)
        if cache is not None:
            cache.save()
        return catalog

    def _add(self, template: Template, shown: str) -> None:
        """Keep `template`, read from `shown`; one with a built-in's id and version and other
        content is used instead of it, and said (`templates.shadowed`)."""
        key = (template.id, template.version)
        before = self.templates.get(key)
        if before is not None and before.model_dump() != template.model_dump():
            self.shadowed[key] = shown
        self.templates[key] = template
        self.origins[key] = shown

    def _extension_problems(self, raw: Template, doc: YamlDocument) -> list[Diagnostic]:
        """Why `raw` cannot be resolved (`udvider`, `hent` or `udelad` naming nothing), at the
        key in its file: found when the templates are read, not when one is first used (init
        had made half a workspace by then, and tjek said nothing)."""
        if not (raw.extends or raw.imports or raw.omit):
            return []
        try:
            self.resolve(raw.ref, doc.file)
        except TilsynError as exc:
            found = []
            for d in exc.diagnostics:
                key = _EXTENSION_KEYS.get(d.code, "udvider" if raw.extends else "hent")
                found.append(doc.diagnostic((key,), d.code, d.message, hint=d.hint))
            return found
        return []

    def _declaration_problems(self, raw: Template, doc: YamlDocument) -> list[Diagnostic]:
        if not any(q.predecessor_id for s in raw.steps for q in s.questions):
            return []
        try:
            before = self.previous(raw)
            previous = self.resolve(before.ref, doc.file) if before is not None else None
            return declaration_problems(raw, doc, previous, self.resolve(raw.ref, doc.file))
        except TilsynError as exc:
            return exc.diagnostics

    def versions(self, ident: str) -> list[str]:
        """The versions of one template, oldest first."""
        return sorted((v for i, v in self.templates if i == ident), key=version_key)

    def previous(self, template: Template) -> Template | None:
        """The version just before `template` (unresolved), if any."""
        older = [
            v for v in self.versions(template.id) if version_key(v) < version_key(template.version)
        ]
        return self.templates[(template.id, older[-1])] if older else None

    def lineage(self, old: str, new: str, file: str = "") -> list[Template]:
        """Resolved versions from `old` to `new`, every version in between included.

        Two different templates, or a newer before an older, give just the two:
        then no declaration links them, and only identical questions carry.
        """
        first, last = self.raw(old, file), self.raw(new, file)
        if first.id != last.id or version_key(first.version) >= version_key(last.version):
            return [self.resolve(first.ref, file), self.resolve(last.ref, file)]
        keys = version_key(first.version), version_key(last.version)
        return [
            self.resolve(f"{first.id}@{v}", file)
            for v in self.versions(first.id)
            if keys[0] <= version_key(v) <= keys[1]
        ]

    def ids(self) -> list[str]:
        return sorted({i for i, _ in self.templates})

    def raw(self, ref: str, file: str = "") -> Template:
        """The template file named by `id` (newest version) or `id@version`, unresolved."""
        ident, _, version = ref.partition("@")
        versions = self.versions(ident)
        if not versions:
            guess = did_you_mean(ident, self.ids())
            hint = (
                f"mente du '{guess}'?" if guess else f"kendte skabeloner: {', '.join(self.ids())}."
            )
            said = quote_unknown(ident, self.ids(), suggested=guess)  # a name is not quoted
            raise fail(file or ref, "T010", f"skabelonen {said} findes ikke.", hint=hint)
        if version and version not in versions:
            guess = did_you_mean(version, versions)
            known = f"kendte versioner: {', '.join(versions)}."
            raise fail(
                file or ref,
                "T011",
                # The version is not quoted: a CPR number typed into it sits between
                # digits, where masking cannot see it (found by test_validate_fuzz).
                f"skabelonen {quote(ident)} findes ikke i den angivne version.",
                hint=f"mente du '{ident}@{guess}'? K{known[1:]}" if guess else known,
            )
        return self.templates[(ident, version or versions[-1])]

    def resolve(self, ref: str, file: str = "") -> Template:
        """The complete template, with `udvider`, `udelad` and `hent` applied."""
        return self._resolve(self.raw(ref, file), file, depth=0)

    def resolve_each(
        self, refs: Iterable[str], notes: list[Diagnostic] | None = None
    ) -> dict[str, Template]:
        """Each of `refs` resolved; one that cannot be is left out, and why is added to `notes`
        (None: not shown)."""
        found: dict[str, Template] = {}
        for ref in sorted(set(refs)):
            try:
                found[ref] = self.resolve(ref)
            except TilsynError as exc:
                if notes is not None:
                    notes.extend(exc.diagnostics)
        return found

    def _resolve(self, template: Template, file: str, depth: int) -> Template:
        if depth > MAX_EXTENSION_DEPTH:
            raise fail(file, "T012", f"skabelonen '{template.id}' udvider sig selv i ring.")
        steps = list(template.steps)
        scale = template.scale
        if template.extends:
            base = self._resolve(self.raw(template.extends, file), file, depth + 1)
            steps = _merge_steps(base.steps, template.steps)
            scale = scale or base.scale
        for item in template.imports:
            source = self._resolve(self.raw(item.template, file), file, depth + 1)
            steps = _import(steps, source, item.items, item.into, file)
        steps = _omit(steps, template.omit, template, file)
        return template.model_copy(
            update={"steps": steps, "scale": scale, "extends": None, "imports": [], "omit": []}
        )


_EXTENSION_KEYS = {"T012": "udvider", "T013": "hent", "T014": "udelad"}
"""Where in a template the extension problem lies (T010 and T011: the template named)."""


def _merge_steps(base: list[Step], extra: list[Step]) -> list[Step]:
    merged = {s.id: s for s in base}
    order = [s.id for s in base]
    for step in extra:
        if step.id in merged:
            old = merged[step.id]
            merged[step.id] = old.model_copy(
                update={"questions": [*old.questions, *step.questions]}
            )
        else:
            merged[step.id] = step
            order.append(step.id)
    return [merged[i] for i in order]


def _import(
    steps: list[Step], source: Template, items: Iterable[str], into: str | None, file: str
) -> list[Step]:
    by_id = {s.id: s for s in steps}
    order = [s.id for s in steps]
    for item in items:
        questions, home = _find(source, item, file)
        scaled = [q.model_copy(update={"scale": source.scale_for(q)}) for q in questions]
        target = into or home.id
        if target in by_id:
            step = by_id[target]
            by_id[target] = step.model_copy(update={"questions": [*step.questions, *scaled]})
        else:
            by_id[target] = home.model_copy(update={"id": target, "questions": scaled})
            order.append(target)
    return [by_id[i] for i in order]


def _find(source: Template, item: str, file: str) -> tuple[list[Question], Step]:
    for step in source.steps:
        if step.id == item:
            return list(step.questions), step
        for question in step.questions:
            if question.id == item:
                return [question], step
    known = [i for step in source.steps for i in (step.id, *(q.id for q in step.questions))]
    said = quote_unknown(item, known)  # a name typed here is not quoted (probe BH)
    raise fail(file, "T013", f"{said} findes ikke i skabelonen '{source.ref}'.")


def _omit(steps: list[Step], omit: list[str], template: Template, file: str) -> list[Step]:
    if not omit:
        return steps
    wanted = set(omit)
    known = {s.id for s in steps} | {q.id for s in steps for q in s.questions}
    unknown = sorted(wanted - known)
    if unknown:
        raise fail(
            file or template.ref,
            "T014",
            "'udelad' nævner noget, der ikke findes: "
            f"{', '.join(quote_unknown(u, known) for u in unknown)}.",
        )
    kept = []
    for step in steps:
        if step.id in wanted:
            continue
        questions = [q for q in step.questions if q.id not in wanted]
        if questions:
            kept.append(step.model_copy(update={"questions": questions}))
    return kept


def _display(path: Path, workspace: Path | None) -> str:
    if workspace is not None:
        try:
            return str(path.relative_to(workspace))
        except ValueError:
            pass
    return f"indbygget:{path.name}"


def _cache_file(workspace: Path | None) -> Path | None:
    """The parsed templates (`io.document_cache`), in a workspace whose `.tilsyn/` exists:
    loading the templates never makes that folder (`udtræk` and `valider` do)."""
    if workspace is None or not (workspace / CACHE_DIR).is_dir():
        return None
    return workspace / CACHE_DIR / TEMPLATE_CACHE
