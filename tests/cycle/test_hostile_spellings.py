"""Round 9 of the hostile review: a CPR number spelled with a space, dash or invisible
character the gate did not know, typed into a review's comment, reaches no output.

Each review gets its own number in its own spelling, under a 'nej' with a correction.
Then the leader's report (md, html), the letters and `valider --format json` run, and
every byte they print or write, the caches in .tilsyn/ too, is searched for the digits.
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from conftest import Cli
from ledelsestilsyn.core.cpr import find_cpr

DAY = "2026-11-25"
FOLDER = Path("udtræk") / "2026-11-månedligt-overordnet"
# (digits, as typed)
SPELLED = (
    ("0203041111", "020304\u20021111"),  # en space
    ("0304052222", "030405\u30002222"),  # ideographic space
    ("0405063333", "０４０５０６／３３３３"),  # fullwidth digits and slash
    ("0506074444", "05\u200b\u200b0607-4444"),  # two zero-width spaces
    ("0708096666", "070809\u200a6666"),  # hair space
    ("0809107777", "080910\ufe587777"),  # small em dash
    ("0910118888", "09\t10\t11\t8888"),  # tabs, as copied from a table
    ("1234312111", "\u202e1234-312111\u202c"),  # shown mirrored: 111213-4321
)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", text))


def _found_wanting(path: Path, written: str) -> None:
    """The review's first answer a 'nej' with `written` in its comment and its correction."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "svar: \"ja\"\n      kommentar: ''",
        f'svar: "nej"\n      kommentar: "Emil {written}"\n      rettelse:\n'
        f'        handling: "ret {written}"\n        frist: "2026-12-15"',
        1,
    )
    path.write_text(text, encoding="utf-8")


def _plant(folder: Path) -> None:
    reviews = sorted((folder / FOLDER).glob("S-*.yaml"))
    for path, (_, typed) in zip(reviews, SPELLED, strict=False):
        _found_wanting(path, typed.replace("\t", "\\t"))


def test_a_number_spelled_with_any_unicode_space_or_dash_reaches_no_output(
    cli: Cli, filled_example: Path
) -> None:
    _plant(filled_example)
    typed = {p: p.stat().st_mtime_ns for p in (filled_example / FOLDER).glob("S-*.yaml")}
    calls = [
        ("valider", "--format", "json", "--dato", DAY),
        ("rapport", "--periode", "2026-11", "--format", "md", "--dato", DAY),
        ("rapport", "--periode", "2026-11", "--format", "html", "--dato", DAY),
        ("tilbagemelding", "--periode", "2026-11", "--dato", DAY),
    ]
    seen = []
    for call in calls:
        result = cli(*call)
        assert result.exit_code in (0, 1), (call, result.output)
        seen.append((" ".join(call), result.stdout + (result.stderr or "")))
    seen += [
        (str(p), p.read_text(encoding="utf-8", errors="replace"))
        for p in filled_example.rglob("*")
        if p.is_file() and p not in typed and p.name != "eksport.csv"
    ]
    assert any(".tilsyn" in where for where, _ in seen)
    assert any("tilbagemeldinger" in where for where, _ in seen)
    for where, text in seen:
        found = [digits for digits, _ in SPELLED if digits in _digits(text)]
        assert not found, (where, found)


# Markdown formatting or character references between the digits: the file holds no number the
# gate can see, but every Markdown viewer (GitLab, Teams, VS Code, pandoc) shows one.
FORMATTED = (
    ("0203041111", "020304 *1111*"),
    ("0304052222", "0**3**04052222"),
    ("0405063333", "&#48;&#52;&#48;&#53;&#48;&#54;-3333"),
    ("0506074444", "050607 `4444`"),
    ("0607085555", "060708-~~5555~~"),
    ("0708096666", "&#x30;70809&#45;6666"),
)


def _as_shown(markdown: str) -> str:
    from markdown_it import MarkdownIt

    shown = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", shown))


def test_no_number_appears_when_a_markdown_report_or_letter_is_shown(
    cli: Cli, filled_example: Path
) -> None:
    review = sorted((filled_example / FOLDER).glob("S-*.yaml"))[0]
    _found_wanting(review, " og ".join(spelled for _, spelled in FORMATTED))
    report = ("rapport", "--periode", "2026-11", "--format", "md", "--dato", DAY, "-o", "r.md")
    assert cli(*report).exit_code == 0
    assert cli("tilbagemelding", "--periode", "2026-11", "--dato", DAY).exit_code == 0
    files = [filled_example / "r.md", *filled_example.glob("tilbagemeldinger/*/*.md")]
    assert len(files) > 1
    # the comment reached a letter (its child's name as `[navn]`)
    assert any("[navn]" in f.read_text(encoding="utf-8") for f in files[1:])
    for path in files:
        shown = _as_shown(path.read_text(encoding="utf-8"))
        assert not find_cpr(shown), (path.name, [shown[a:b] for a, b in find_cpr(shown)])


# A colleague's name as a text shows it, but not as the name filter read it: a soft hyphen
# (Word's optional hyphen) or a zero-width character inside a name, the letter Å decomposed
# into A and a ring (as macOS writes it), or the name in fullwidth letters.
NAMED = (
    "Sager hos Ma\u00adja Rønnow, A\u030ase Thomsen, Lær\u00adkesen, Peter Frø\u200dlund"
    " og \uff2d\uff41\uff4a\uff41"
)
HIDDEN_NAMES = ("Maja", "Åse", "Lærkesen", "Frølund")


def test_a_name_spelled_with_invisible_or_decomposed_letters_reaches_no_committee(
    cli: Cli, filled_example: Path
) -> None:
    (filled_example / "tiltag.yaml").write_text(
        f'tiltag:\n  - id: "t1"\n    titel: "{NAMED}"\n    besluttet: "2026-10-01"\n'
        '    frist: "2026-12-01"\n    status: "i gang"\n    skabelon: "overordnet"\n'
        "    mål:\n      spørgsmål: [anbringelse-7]\n",
        encoding="utf-8",
    )
    for audience in ("udvalg", "afdeling"):
        call = ("rapport", "--periode", "2026-11", "--modtager", audience, "--format", "md")
        result = cli(*call, "--dato", DAY, "-o", "-")
        assert result.exit_code == 0, result.output
        title = next(line for line in result.stdout.splitlines() if "Sager hos" in line)
        seen = unicodedata.normalize("NFKC", re.sub("[\u00ad\u200b-\u200d]", "", title))
        assert not [name for name in HIDDEN_NAMES if name in seen], (audience, title)
