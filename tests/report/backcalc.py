"""An attacker for the committee report: read every published number, solve for the hidden ones.

Test support only. It knows nothing of the product's ledger: it parses the
rendered md, html, csv or xlsx, writes down what a careful reader knows (`< 5` is
1–4, `x` is at least 5, a question's share with its Wilson interval gives its
numerator and denominator, a step's interval, Wilson's on an effective size,
tells at most how many reviews answered the step, a table's total is the sum of
its rows, every complete review answers every question of its steps, the CSV's
rows add up to the template's counts), and solves that as an integer programme
(`backcalc_system`): the least and the greatest value of each hidden number over
every integer assignment that keeps it all. A hidden cell is *revealed* when the
two are the same. It knows nothing of how the product decides.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from typing import NamedTuple

import openpyxl
from backcalc_system import System

from ledelsestilsyn.core.periods import Period, parse_period
from ledelsestilsyn.report.view import AUDIENCES
from ledelsestilsyn.templates.catalog import Catalog

# --- reading the report ---------------------------------------------------------------------


def md_tables(text: str) -> list[tuple[str, list[list[str]]]]:
    """Every Markdown table with the heading above it: (heading, rows of cells)."""
    tables: list[tuple[str, list[list[str]]]] = []
    heading, rows = "", []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if not all(re.fullmatch(r"-+:?", c) for c in cells):
                rows.append(cells)
            continue
        if rows:
            tables.append((heading, rows))
            rows = []
        if line.startswith("#"):
            heading = line
    return tables


def html_tables(text: str) -> list[tuple[str, list[list[str]]]]:
    """The same for the HTML version (cells stripped of tags)."""
    tables = []
    for match in re.finditer(r"<h([23])[^>]*>(.*?)</h\1>|<table[^>]*>(.*?)</table>", text, re.S):
        if match.group(2) is not None:
            heading = "#" * int(match.group(1)) + " " + re.sub(r"<[^>]+>", "", match.group(2))
            continue
        rows = []
        for row in re.findall(r"<tr>(.*?)</tr>", match.group(3), re.S):
            cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
            rows.append([htmllib.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
        tables.append((heading, rows))
    return tables


def read_report(
    text: str,
    fmt: str,
    min_count: int = 5,
    *,
    one_file_each: bool = False,
    on_cases: bool | None = None,
) -> System:
    """The system of everything a committee md or html report publishes. With
    `one_file_each` the reader takes it, as most would, that each drawn case has one review
    file: drawn = reviewed + not counted (true without calibration or loose files).
    `on_cases`: whether a step's interval is on its cases (`System.on_cases`); by default,
    unless the report is the leader's."""
    system = System(min_count)
    tables = md_tables(text) if fmt == "md" else html_tables(text)
    plain = htmllib.unescape(re.sub(r"<[^>]+>", "", text))
    system.on_cases = AUDIENCES["leder"] not in plain if on_cases is None else on_cases
    catalog = Catalog.load(None)
    template = ""
    for heading, rows in tables:
        if heading.startswith("## ") and "@" in heading:
            template = re.findall(r"\(([^()@ ]+@[^() ]+)", heading)[0]
        _table(system, template, rows, plain, catalog, one_file_each)
    for ref, count in re.findall(r"\(([^()@ ]+@[^() ]+)[^)]*?·[^)]*?· ([^ ]+) sager\)", plain):
        system.cell(f"n[{ref}]", count)  # html heading
    refs = _templates_in(plain)
    for ref in refs:
        for count in re.findall(rf"{re.escape(ref)}\) · [^\n]*\n\n([^ \n]+) sager\.", plain):
            system.cell(f"n[{ref}]", count)
    period = _period(plain)
    for ref, step, trend in _trend_texts(text, fmt, tables) if period else ():
        _trend(system, ref, step, trend, period)
    if fmt == "md":
        _examples(system, text)
    _no_team_table(system, plain)
    under = re.search(r"intet team har (\d+) eller flere gennemgåede sager", plain)
    system.teams_under = int(under[1]) if under else None
    calibrated = re.findall(r"\n([^ \n]+) sager med to eller flere uafhængige", plain)
    for i, count in enumerate(calibrated):
        system.cell(f"kal[{i}]", count)
    one = [v for v in system.bounds if v.startswith("c[")]
    if len(refs) == 1 and len(one) == 1:  # one series, one template shown
        _one_template(system, f"n[{refs[0]}]", one[0])
        for i, _ in enumerate(calibrated):
            extra = [(f"kal[{i}]", 1), (one[0], 1), (one[0].replace("c[", "r["), -1)]
            system.relate(extra, equal=False)
    return system


def _table(
    system: System,
    template: str,
    rows: list[list[str]],
    plain: str,
    catalog: Catalog,
    one_file_each: bool = False,
) -> None:
    """One table, by its first header cells."""
    header, body = rows[0], rows[1:]
    if header[0] == "tilsyn":
        _series(system, body, shared="tæller én gang i i alt" in plain)
    elif header[0] == "team" and header[1] == "gennemgåede sager":
        _counts(system, body, "team", "C")
    elif header[0] in ("sagsskridt", "på tværs af sagen"):  # a block across the case is a step
        _step_table(system, template, body, catalog)
    elif header[:2] == ["spørgsmål", "versioner"]:
        _versions(system, template, header, body, _period(plain))
    elif header[0] == "spørgsmål" and header[1] != "skabelon":
        _questions(system, template, header, body, catalog)
    elif header[0] == "pejlemærke":
        _pejlemaerker(system, template, body, catalog)
    elif header[0] == "team" and "samlet" in header:  # the shares per team
        _teams(system, template, header, body, catalog)
    elif header[0] == "spørgsmål":
        _weakest(system, body, catalog)
    elif header[:2] == ["status", "rettelser"]:  # the corrections: a table of their own
        _counts(system, body, "rettelse", "RETTELSER")
    elif header[0] in ("status", "fil"):
        _excluded(system, body, plain, one_file_each)


def _versions(
    system: System, ref: str, header: list[str], body: list[list[str]], period: Period | None
) -> None:
    """A question's share per period across template versions: in the report's own period
    (one trend point) it is the question's share; other periods' counts are not published."""
    for row in body:
        qid = re.sub(r"[*]", "", row[0]).split()[0]
        for label, cell in zip(header[2:], row[2:], strict=True):
            if period is not None and label == period.label:
                system.share(f"q[{ref}|{qid}]", cell, "")


def _period(plain: str) -> Period | None:
    """The report's period, from the header: `… 2026 (2026-10-01..2026-12-31) · …` (None
    for a part of a report without it)."""
    found = re.findall(r"\d{4} \(([^()]+)\) · sammenlignet", plain)
    return parse_period(found[0]) if found else None


def _trend_texts(
    text: str, fmt: str, tables: list[tuple[str, list[list[str]]]]
) -> list[tuple[str, str, str]]:
    """(template ref, step title, the trend's text `2026-10: 80,0 %; 2026-11: –`) per step:
    the step table's last column in md, the trend figure's caption in html."""
    found = []
    if fmt == "md":
        template = ""
        for heading, rows in tables:
            if heading.startswith("## ") and "@" in heading:
                template = re.findall(r"\(([^()@ ]+@[^() ]+)", heading)[0]
            if rows[0][0] in ("sagsskridt", "på tværs af sagen") and rows[0][-1] == "udvikling":
                found += [(template, row[0], row[-1]) for row in rows[1:]]
        return found
    pattern = r"<h2[^>]*>(.*?)</h2>|<figcaption><strong>(.*?)</strong><br><span[^>]*>(.*?)</span>"
    template = ""
    for match in re.finditer(pattern, text, re.S):
        if match.group(1) is not None:
            refs = re.findall(r"\(([^()@ ]+@[^() ]+)", htmllib.unescape(match.group(1)))
            template = refs[0] if refs else ""
        elif template:
            found.append(
                (template, htmllib.unescape(match.group(2)), htmllib.unescape(match.group(3)))
            )
    return found


def _trend(system: System, ref: str, step: str, text: str, period: Period) -> None:
    """The points of a step's trend that lie inside the report's period are its parts (the
    months of a report over a date range): they add up to the step's share, where they
    cover the period, and to no more than it where they do not. `–` is hidden or empty."""
    points = [tuple(p.split(": ", 1)) for p in text.split("; ") if ": " in p]
    inside = []
    for label, value in points:
        part = parse_period(label)
        if part.start in period and part.end in period and part != period:
            inside.append((part, value))
    if not inside:
        return
    days = sum((p.end - p.start).days + 1 for p, _ in inside)
    covered = days == (period.end - period.start).days + 1
    name = f"step[{ref}|{step}]"
    parts = [system.share(f"trend[{ref}|{step}|{p.label}]", v, "") for p, v in inside]
    for i, part in enumerate(("pos", "ans")):
        terms = [(f"{name}.{part}", -1), *((names[i], 1) for names in parts)]
        system.relate(terms, equal=covered)


def _one_template(system: System, template: str, series: str) -> None:
    """One series and one template section: the template has at most the series' cases, and
    the reader takes it that they are the same, unless the numbers say otherwise or the
    series' count is shown where the template's is hidden, which says that a template with
    fewer than 5 cases is left out (two versions of a template in a quarter)."""
    system.relate([(template, 1), (series, -1)], equal=False)
    if series in system.hidden or template not in system.hidden:
        system.assume([(template, 1), (series, -1)])


def _no_team_table(system: System, plain: str) -> None:
    """`Intet team har 5 eller flere sager med denne skabelon`: each team of the overview has
    at most 4 of the template's cases (0 where it has none), and its cases there are its cases
    in the template."""
    teams = [v[len("team[") : -1] for v in system.bounds if v.startswith("team[")]
    heading = r"\(([^()@ ]+@[^() ]+)\)? · (?:kvalitet|lovmedholdelighed)"  # md, html
    pattern = rf"{heading}|Intet team har (\d+) eller"
    template = ""
    for match in re.finditer(pattern, plain):
        if match.group(1):
            template = match.group(1)
            continue
        if not template or not teams:
            continue
        parts = [system.var(f"tc[{template}|{t}]", 0, int(match.group(2)) - 1) for t in teams]
        system.total(f"n[{template}]", parts)
        for team, part in zip(teams, parts, strict=True):
            system.relate([(part, 1), (f"team[{team}]", -1)], equal=False)


def _examples(system: System, text: str) -> None:
    """The department's case examples: each is one review with that answer to that question,
    so their number is a lower bound on the answer's count (all of them, if all consented)."""
    template, found = "", dict[str, int]()
    for line in text.splitlines():
        if line.startswith("## ") and "@" in line:
            template = re.findall(r"\(([^()@ ]+@[^() ]+)", line)[0]
        example = re.match(r"- \*\*([^*]+)\*\* .* \(([^()]+)\): ", line)
        if example:
            cell = f"a[{template}|{example[1]}|{example[2]}]"
            found[cell] = found.get(cell, 0) + 1
    for cell, count in found.items():
        least = system.var(f"ex.{cell}", count, count)
        system.relate([(least, 1), (system.var(cell), -1)], equal=False)


def _templates_in(plain: str) -> list[str]:
    return sorted(set(re.findall(r"\(([a-zæøå-]+@\d{4}\.\d+)", plain)))


def _series(system: System, body: list[list[str]], *, shared: bool) -> None:
    """The overview. With the report's note that a case in several series counts once
    (`shared`), the reader knows only that the totals of cases and drawn cases lie
    between the largest row and the sum of the rows."""
    names = [r[0] for r in body[:-1]]
    system.series, system.shared = names, shared
    for col, kind in ((1, "d"), (2, "c"), (3, "r")):
        parts = [
            system.cell(f"{kind}[{n}]", r[col])
            for n, r in zip(names, body, strict=False)
            if r[col] != "–"
        ]
        if body[-1][col] == "–":
            continue
        total = system.cell(kind.upper(), body[-1][col])
        if kind in ("c", "d") and shared:
            system.relate([(total, 1), *((p, -1) for p in parts)], equal=False)
            for part in parts:
                system.relate([(part, 1), (total, -1)], equal=False)
        else:
            system.total(total, parts)
    for n in names:
        system.relate([(f"c[{n}]", 1), (f"r[{n}]", -1)], equal=False)
    if not shared:
        system.total("C", [f"c[{n}]" for n in names])


def _counts(system: System, body: list[list[str]], kind: str, total: str) -> None:
    parts = [system.cell(f"{kind}[{r[0]}]", r[1]) for r in body[:-1]]
    system.total(system.cell(total, body[-1][1]), parts)


def _step_table(system: System, ref: str, body: list[list[str]], catalog: Catalog) -> None:
    """Each step's share; its interval is on the reviews behind it (`.cases`), which are no
    more than the template's."""
    for row in body:
        name = f"step[{ref}|{row[0]}]"
        system.share(name, row[1], row[2], _questions_in(catalog, ref, row[0]))
        system.relate([(f"{name}.cases", 1), (f"n[{ref}]", -1)], equal=False)


def _questions_in(catalog: Catalog, ref: str, title: str) -> int:
    """The questions of a case step: the most answers one review gives to it (1 if the
    column is not a case step, e.g. `samlet`, so that nothing is read into it)."""
    template = catalog.resolve(ref)
    return next((len(s.questions) for s in template.steps if s.title == title), 1)


def _scale(catalog: Catalog, ref: str, qid: str) -> tuple[set[str], set[str]]:
    template = catalog.resolve(ref)
    for step in template.steps:
        for q in step.questions:
            if q.id == qid:
                values = template.scale_for(q)
                return {v.answer for v in values if v.positive}, {
                    v.answer for v in values if v.neutral
                }
    raise AssertionError(qid)


def _step_of(catalog: Catalog, ref: str, qid: str) -> str:
    template = catalog.resolve(ref)
    return next(s.title for s in template.steps for q in s.questions if q.id == qid)


def _questions(
    system: System, ref: str, header: list[str], body: list[list[str]], catalog: Catalog
) -> None:
    answers = header[1 : header.index("i alt")]
    by_step: dict[str, list[str]] = {}
    for row in body:
        qid = re.sub(r"[*]", "", row[0]).split()[0]
        positive, neutral = _scale(catalog, ref, qid)
        cells = [system.cell(f"a[{ref}|{qid}|{a}]", row[1 + i]) for i, a in enumerate(answers)]
        total = system.cell(f"N[{ref}|{qid}]", row[1 + len(answers)])
        system.total(total, cells)
        # each complete review answers every question of its focus: all of them, unless
        # rounds of the period had other focus (a quarter), and then the step's at least
        system.relate([(total, 1), (f"n[{ref}]", -1)], equal=False)
        system.assume([(total, 1), (f"n[{ref}]", -1)])
        step = _step_of(catalog, ref, qid)
        system.total(f"Nstep[{ref}|{step}]", [total])
        share_col = 2 + len(answers)
        pos, ans = system.share(f"q[{ref}|{qid}]", row[share_col], row[share_col + 1])
        system.total(pos, [c for c, a in zip(cells, answers, strict=True) if a in positive])
        system.total(ans, [c for c, a in zip(cells, answers, strict=True) if a not in neutral])
        by_step.setdefault(_step_of(catalog, ref, qid), []).append(qid)
    for step, qids in by_step.items():
        for part in ("pos", "ans"):
            system.total(f"step[{ref}|{step}].{part}", [f"q[{ref}|{q}].{part}" for q in qids])
        cases = f"step[{ref}|{step}].cases"
        for q in qids:  # a review with an answer to one of its questions answered the step
            system.relate([(f"q[{ref}|{q}].ans", 1), (cases, -1)], equal=False)


def _pejlemaerker(system: System, ref: str, body: list[list[str]], catalog: Catalog) -> None:
    """A pejlemærke pools its questions. Where a step's questions are left out (for the
    committee), the reader still knows they are among the step's: a step whose questions
    all belong to the pejlemærke counts in it whole, and any other at most."""
    template = catalog.resolve(ref)
    for row in body:
        qids = [q.id for s in template.steps for q in s.questions if q.pejlemaerke == row[0]]
        pos, ans = system.share(f"pejl[{ref}|{row[0]}]", row[-1], "")
        shown = [f"q[{ref}|{q}]" for q in qids if f"q[{ref}|{q}].pos" in system.bounds]
        whole, partly = [], []
        for step in template.steps:
            if any(f"q[{ref}|{q.id}]" not in shown and q.id in qids for q in step.questions):
                inside = all(q.pejlemaerke == row[0] for q in step.questions)
                (whole if inside else partly).append(f"step[{ref}|{step.title}]")
        least = [*shown, *whole]
        for form in ({"pos": 0, "ans": 1}, {"pos": 1, "ans": 0}, {"pos": -1, "ans": 1}):
            mine = [(pos, form["pos"]), (ans, form["ans"])]  # its answers, positive, rest

            def of(names: list[str], sign: int, form: dict[str, int] = form) -> Terms:
                return [(f"{n}.{part}", sign * c) for n in names for part, c in form.items()]

            if not partly:
                system.relate(_nonzero([*mine, *of(least, -1)]), equal=True)
                continue
            system.relate(_nonzero([(n, -c) for n, c in mine] + of(least, 1)), equal=False)
            system.relate(_nonzero([*mine, *of([*least, *partly], -1)]), equal=False)


Terms = list[tuple[str, int]]


def _nonzero(terms: Terms) -> Terms:
    return [(n, c) for n, c in terms if c]


def _teams(
    system: System, ref: str, header: list[str], body: list[list[str]], catalog: Catalog
) -> None:
    """The table per team, its columns read by their headers: `sager`, the case steps,
    `samlet` (the case steps pooled) and the blocks across the case (not in `samlet`)."""
    columns = team_columns(header)
    every = {**columns.steps, **columns.across}
    for row in body:
        team = row[0]
        system.cell(f"tc[{ref}|{team}]", row[columns.count])
        for step, col in every.items():
            name = f"ts[{ref}|{team}|{step}]"
            per_review = _questions_in(catalog, ref, step)
            system.share(name, row[col], "", per_review)
            if per_review > 1:  # the team's reviews that answered the step
                system.relate([(f"{name}.cases", 1), (f"tc[{ref}|{team}]", -1)], equal=False)
        parts = [f"ts[{ref}|{team}|{step}]" for step in columns.steps]
        system.share(f"tt[{ref}|{team}]", row[columns.pooled], "")
        for part in ("pos", "ans"):
            system.total(f"tt[{ref}|{team}].{part}", [f"{p}.{part}" for p in parts])
    system.total(f"n[{ref}]", [f"tc[{ref}|{r[0]}]" for r in body])
    for step in every:
        parts = ["pos", "ans"] + (["cases"] if _questions_in(catalog, ref, step) > 1 else [])
        for part in parts:
            system.total(
                f"step[{ref}|{step}].{part}", [f"ts[{ref}|{r[0]}|{step}].{part}" for r in body]
            )
    for row in body:  # with one template, its team table is the overview's
        if f"team[{row[0]}]" in system.bounds:
            system.relate([(f"tc[{ref}|{row[0]}]", 1), (f"team[{row[0]}]", -1)], equal=False)


class TeamColumns(NamedTuple):
    """Where each number of a team row stands: the column of its reviews (`sager`), of the
    case steps pooled (`samlet`), and of each step and each block across the case."""

    count: int
    pooled: int
    steps: dict[str, int]
    across: dict[str, int]


def team_columns(header: list[str]) -> TeamColumns:
    """The columns by the headers the report prints: `sager` and `samlet` by name, the case
    steps between them, the blocks across the case after `samlet`."""
    count, pooled = header.index("sager"), header.index("samlet")
    return TeamColumns(
        count,
        pooled,
        {header[i]: i for i in range(count + 1, pooled)},
        {header[i]: i for i in range(pooled + 1, len(header))},
    )


def _weakest(system: System, body: list[list[str]], catalog: Catalog) -> None:
    for row in body:
        qid = re.sub(r"[*]", "", row[0]).split()[0]
        refs = [t.ref for t in (catalog.resolve("overordnet"), catalog.resolve("tematiseret"))]
        ref = next(r for r in refs if row[1] == catalog.resolve(r).title)
        _, ans = system.share(f"q[{ref}|{qid}]", row[2], row[3])
        system.cell(ans, row[4])


def _excluded(system: System, body: list[list[str]], plain: str, one_file_each: bool) -> None:
    parts = [system.cell(f"excl[{r[0]}]", r[1]) for r in body]
    found = re.findall(r"\n([^ \n]+) gennemgange er ikke færdige", plain)
    if found:
        system.total(system.cell("E", found[0]), parts)
        if "D" in system.bounds:  # each drawn case not reviewed has a file among them
            system.relate([("D", 1), ("C", -1), ("E", -1)], equal=one_file_each)


def read_plan(system: System, ref: str, rounds: list[list[str]]) -> None:
    """A reader who knows the annual plan: the period's rounds of `ref` and the steps each
    had in focus (ids), one case reviewed once. A question's total is then the cases of the
    rounds that looked at its step, and the template's cases are all the rounds' cases; the
    reader no longer takes it that every case answered every step."""
    system.assumed.clear()
    template = Catalog.load(None).resolve(ref)
    sizes = [system.var(f"plan.runde[{ref}|{i}]", 1) for i in range(len(rounds))]
    system.total(f"n[{ref}]", sizes)
    for step in template.steps:
        looked = [size for size, focus in zip(sizes, rounds, strict=True) if step.id in focus]
        for question in step.questions:
            if f"N[{ref}|{question.id}]" in system.bounds:
                system.total(f"N[{ref}|{question.id}]", looked)


def read_csv(system: System, text: str) -> None:
    """The committee CSV: its counts add up to the template's answer cells."""
    lines = text.lstrip("\ufeff").splitlines()[1:]
    _tidy(system, "csv", [line.split(";") for line in lines])


def read_xlsx(system: System, path: Path) -> None:
    """The committee workbook: the same table as the CSV, counts as numbers or text."""
    sheet = openpyxl.load_workbook(path)["svar"]
    rows = [[str(c) for c in row] for row in sheet.iter_rows(min_row=2, values_only=True)]
    _tidy(system, "xlsx", rows)


def _tidy(system: System, kind: str, rows: list[list[str]]) -> None:
    """The long table's rows. Each review answers every question of its focus: a step's
    questions' rows add up to the same number, the round's reviews with the step in focus
    (all of them, where the period had one round, which the reader assumes until the numbers
    say otherwise). A series' reviewed cases are at most its rounds' reviews, at most its reviews.
    A template's answer counts are the sum over rounds; where a case counts once over several
    series (levels), they lie between the first series' rounds and that sum."""
    groups: dict[str, list[tuple[str, str]]] = {}
    asked: dict[tuple[str, str, str, str], list[str]] = {}
    for i, (period, series, ref, step, qid, answer, count) in enumerate(rows):
        name = system.cell(f"{kind}[{i}]", count)
        groups.setdefault(f"a[{ref}|{qid}|{answer}]", []).append((series, name))
        asked.setdefault((period, series, ref, step, qid), []).append(name)
    rounds: dict[str, set[str]] = {}
    for (period, series, ref, step, _), cells in asked.items():
        reviewed = f"{kind}.runde[{period}|{series}|{ref}]"
        answered = f"{kind}.skridt[{period}|{series}|{ref}|{step}]"  # its reviews with the step
        system.total(answered, cells)
        system.relate([(answered, 1), (reviewed, -1)], equal=False)
        system.assume([(answered, 1), (reviewed, -1)])  # one focus for the round, unless not
        rounds.setdefault(series, set()).add(reviewed)
    for series, found in rounds.items():
        if f"c[{series}]" in system.bounds and f"r[{series}]" in system.bounds:
            system.relate([(f"c[{series}]", 1), *((r, -1) for r in found)], equal=False)
            system.relate([*((r, 1) for r in found), (f"r[{series}]", -1)], equal=False)
    for total, parts in groups.items():
        if not system.shared:
            system.total(total, [name for _, name in parts])
            continue
        order = [s for s in system.series if any(s == series for series, _ in parts)]
        first = [name for series, name in parts if order and series == order[0]]
        system.relate([*((n, 1) for n in first), (total, -1)], equal=False)
        system.relate([(total, 1), *((n, -1) for _, n in parts)], equal=False)


# --- the tiltag's verdicts ------------------------------------------------------------------


class Side(NamedTuple):
    """One side of a tiltag's verdict (before or after the decision): the periods of the
    rounds it pools, and their positive answers, answers and cases on the target."""

    periods: tuple[str, ...]
    positive: int
    answered: int
    cases: int


class Verdict(NamedTuple):
    """A verdict the report shows (`bedre`, `dårligere`, `ingen sikker ændring`, `for få`,
    with or without `niveauet … er nået`), and what it is computed from."""

    ref: str
    step: str
    """The title of the target's step (a question's, or the step itself)."""
    question: str | None
    """The target question's id; None for a step."""
    whole: bool
    """The target is a step with all its questions (not `k af n spørgsmål`)."""
    before: Side
    after: Side


def read_verdicts(system: System, verdicts: list[Verdict], period: Period) -> None:
    """A reader who is told, for each verdict the report shows, the exact counts it is
    computed from (positive answers, answers and cases on each side), knows more than any
    text made of them: the verdict, its one bit `bedre`/`dårligere`, `for få` and whether
    the level is reached are all functions of those counts (and of the spread per case,
    which only widens an interval). Each round inside the report's period is a part of
    what the report shows of the target in that period: the step's share (the month's trend
    point in a quarter or a date range), and a question's own share, where it is shown.
    Rounds outside the period are free to the reader but for the side's total."""
    for i, found in enumerate(verdicts):
        inside: dict[str, tuple[str, str]] = {}
        for label in sorted({*found.before.periods, *found.after.periods}):
            part = parse_period(label)
            if part.start in period and part.end in period:
                inside[label] = _verdict_part(system, found, label, period, f"tv[{i}|{label}]")
        question = f"q[{found.ref}|{found.question}]"
        if found.question is not None and f"{question}.pos" in system.bounds and inside:
            for k, part in enumerate(("pos", "ans")):
                terms = [(names[k], 1) for names in inside.values()]
                system.relate([(f"{question}.{part}", -1), *terms])
        for name, side in (("før", found.before), ("efter", found.after)):
            rest = f"tv[{i}|{name}|uden for perioden]"
            outside = any(p not in inside for p in side.periods)
            if outside:
                system.relate([(f"{rest}.pos", 1), (f"{rest}.ans", -1)], equal=False)
            for k, (part, value) in enumerate((("pos", side.positive), ("ans", side.answered))):
                known = system.var(f"tv[{i}|{name}].{part}", value, value)
                terms = [(inside[p][k], 1) for p in side.periods if p in inside]
                if outside:
                    terms.append((f"{rest}.{part}", 1))
                system.relate([*terms, (known, -1)])


def _verdict_part(
    system: System, found: Verdict, label: str, period: Period, name: str
) -> tuple[str, str]:
    """The target's positive answers and answers in the round of `label`, inside the report's
    period: the step's own (the period's, or its trend point), or a part of them."""
    step = f"step[{found.ref}|{found.step}]"
    month = step if parse_period(label) == period else f"trend[{found.ref}|{found.step}|{label}]"
    if month != step and f"{month}.pos" not in system.bounds:  # a trend point not published
        for part in ("pos", "ans"):
            system.relate([(f"{month}.{part}", 1), (f"{step}.{part}", -1)], equal=False)
    if found.question is None and found.whole:
        return f"{month}.pos", f"{month}.ans"
    pos, ans = system.var(f"{name}.pos"), system.var(f"{name}.ans")
    system.relate([(pos, 1), (ans, -1)], equal=False)
    system.relate([(pos, 1), (f"{month}.pos", -1)], equal=False)
    rest = [(ans, 1), (pos, -1), (f"{month}.ans", -1), (f"{month}.pos", 1)]
    system.relate(rest, equal=False)  # its answers not positive are among the step's
    return pos, ans
