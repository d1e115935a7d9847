"""Udfyld de trukne gennemgange i en arbejdsmappe med plausible svar (til demoen).

    python eksempler/udfyld_eksempel.py ARBEJDSMAPPE [--seed 7] [--senest ÅÅÅÅ-MM-DD] [--rettelse]

Scriptet er deterministisk (samme filer og seed giver samme svar) og læser kun
filernes egen tekst: den tilladte skala står som kommentar over hvert spørgsmål
(`# svar: ja | nej | ikke relevant (kommentar kræves ved: nej)`). Nogle filer får
med vilje fejl, så `tilsyn valider` har noget at vise: et stavet svar (`jaa`), et
svar med stort begyndelsesbogstav (`Ja`), `nej` uden kommentar, et CPR-lignende
(opdigtet) nummer i en kommentar og et manglende svar. Den sidste fil lades urørt
(ikke påbegyndt). Kun filer, der endnu ikke er udfyldt, røres. Med `--rettelse` får
det første `nej` i de udfyldte filer en rettelse med en frist fem dage efter gennemgangen.
Hver fjerde fil (uden fejl) får `samtykke_til_eksempel: ja`: rådgiveren har sagt ja til,
at sagens kommentarer bruges som eksempel i afdelingens rapport.
"""

from __future__ import annotations

import argparse
import random
import re
from datetime import date, timedelta
from pathlib import Path

import dansk_argparse  # noqa: F401  (argparse's own texts in Danish)

SCALE = re.compile(r"# svar: (?P<values>[^(\n]+?)(?: \(kommentar kræves ved: (?P<need>[^)]+)\))?$")
PERIOD = re.compile(r'^periode: "(\d{4})-(\d{2})', re.MULTILINE)
REVIEWERS = ("Afdelingsleder Mette Holm", "Faglig koordinator Jonas Lund", "Teamleder Aisha Khan")
GOOD = (
    "Fremgår tydeligt af journalnotatet.",
    "Dokumenteret i sagen med dato.",
    "Ses af afgørelsen og notatet fra mødet.",
    "",
    "",
)
BAD = (
    "Kan ikke ses i sagen; drøftes med rådgiveren.",
    "Notatet mangler dato, så fristen kan ikke vurderes.",
    "Barnets synspunkter er ikke beskrevet.",
)
MISTAKES = ("stavefejl", "stort bogstav", "nej uden kommentar", "cpr i kommentar", "manglende svar")


def _scale(lines: list[str], at: int) -> tuple[list[str], set[str]]:
    """The allowed answers and those needing a comment, from the comment above line `at`."""
    for line in reversed(lines[:at]):
        found = SCALE.search(line.strip())
        if found:
            need = found["need"] or ""
            return [v.strip() for v in found["values"].split("|")], {
                v.strip() for v in need.split(",") if v.strip()
            }
    raise SystemExit("fandt ingen skala-kommentar; er filen lavet af 'tilsyn udtræk'?")


def _answer(rng: random.Random, values: list[str], need: set[str]) -> tuple[str, str]:
    positive = _positive(values)
    roll = rng.random()
    if roll < 0.7:
        return positive, rng.choice(GOOD)
    if roll < 0.85 and "ikke relevant" in values:
        return "ikke relevant", ""
    value = rng.choice([v for v in values if v not in (positive, "ikke relevant")])
    return value, rng.choice(BAD) if value in need or rng.random() < 0.5 else ""


def _positive(values: list[str]) -> str:
    return "høj grad" if "høj grad" in values else values[0]


def _mistake(kind: str, values: list[str], need: set[str]) -> tuple[str, str]:
    first = _positive(values)
    if kind == "stavefejl":
        return first + first[-1], ""
    if kind == "stort bogstav":
        return first.capitalize(), ""
    if kind == "nej uden kommentar":
        return (sorted(need)[0] if need else values[1]), ""
    if kind == "cpr i kommentar":
        return first, "Mors CPR 150387-4321 står i underretningen."
    return "", ""


def fill(
    text: str, rng: random.Random, mistake: str | None, latest: date, avoid: str | None
) -> tuple[str, str]:
    """The filled text and its reviewer (not `avoid`: a calibration pair has two leaders)."""
    match = PERIOD.search(text)
    start = date(int(match[1]), int(match[2]), 1) if match else latest
    day = min(start + timedelta(days=rng.randint(3, 20)), latest)
    reviewer = rng.choice(REVIEWERS)
    if reviewer == avoid:  # the next leader; the random sequence stays as it was
        reviewer = REVIEWERS[(REVIEWERS.index(reviewer) + 1) % len(REVIEWERS)]
    text = text.replace('gennemført_af: ""', f'gennemført_af: "{reviewer}"', 1)
    text = text.replace('dato: ""', f'dato: "{day.isoformat()}"', 1)
    lines = text.split("\n")
    slots = [i for i, line in enumerate(lines) if line == '      svar: ""']
    wrong = rng.choice(slots) if mistake and slots else -1
    for i in slots:
        values, need = _scale(lines, i)
        value, comment = (
            _mistake(mistake, values, need)
            if i == wrong and mistake
            else _answer(rng, values, need)
        )
        bare = mistake == "stort bogstav" and i == wrong
        lines[i] = f"      svar: {value}" if bare else f'      svar: "{value}"'
        lines[i + 1] = f'      kommentar: "{comment}"'
    return "\n".join(lines), reviewer


def with_correction(text: str) -> str | None:
    """The text with a correction under its first `nej`, or None when there is none."""
    lines = text.split("\n")
    day = re.search(r'^dato: "(\d{4}-\d{2}-\d{2})"', text, re.MULTILINE)
    if '      svar: "nej"' not in lines or not day:
        return None
    at = lines.index('      svar: "nej"')
    deadline = date.fromisoformat(day[1]) + timedelta(days=5)
    lines[at + 2 : at + 2] = [
        "      rettelse:",
        '        handling: "partshøring gennemføres og noteres i journalen"',
        '        ansvarlig: ""',
        f'        frist: "{deadline.isoformat()}"',
        '        udført: ""',
    ]
    return "\n".join(lines)


def _untouched(text: str) -> bool:
    """Only files nobody has started on are filled in; anything else is left alone."""
    answers = [line for line in text.split("\n") if line.startswith("      svar:")]
    return bool(answers) and all(line == '      svar: ""' for line in answers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("arbejdsmappe", type=Path, help="mappen med koncept.yaml og udtræk/")
    parser.add_argument("--seed", type=int, default=7, help="frø (standard 7)")
    parser.add_argument(
        "--senest",
        type=date.fromisoformat,
        default=date.today(),
        help="seneste dato, en gennemgang får (ÅÅÅÅ-MM-DD; standard i dag)",
    )
    parser.add_argument("--rettelse", action="store_true", help="en rettelse under et nej")
    args = parser.parse_args()
    files = sorted(
        p
        for p in (args.arbejdsmappe / "udtræk").rglob("*.yaml")
        if p.name != "udtræk.yaml" and _untouched(p.read_text(encoding="utf-8"))
    )
    rng = random.Random(args.seed)
    corrected = not args.rettelse
    reviewers: dict[Path, str] = {}  # a calibration pair is reviewed by two different leaders
    for number, path in enumerate(files[:-1]):
        mistake = MISTAKES[number] if number < len(MISTAKES) else None
        case = path.with_name(path.name.split(".")[0])
        original = path.read_text(encoding="utf-8")
        text, reviewers[case] = fill(original, rng, mistake, args.senest, reviewers.get(case))
        notes = [f"med vilje: {mistake}"] if mistake else []
        if not corrected and not mistake and (changed := with_correction(text)) is not None:
            text, corrected, notes = changed, True, ["med en rettelse i sagen"]
        if not mistake and number % 4 == 1:  # the caseworker agrees to the case as an example
            text = text.replace("\nsvar:\n", "\nsamtykke_til_eksempel: ja\nsvar:\n", 1)
            notes.append("samtykke til eksempel")
        path.write_text(text, encoding="utf-8")
        print(f"{path}: udfyldt" + (f" ({'; '.join(notes)})" if notes else ""))
    if files:
        print(f"{files[-1]}: ikke påbegyndt (med vilje)")


if __name__ == "__main__":
    main()
