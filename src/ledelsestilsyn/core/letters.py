"""Characters that show as a Latin letter without being one.

Two kinds: letters of other alphabets that look like Latin ones (a keyboard switched to
Russian, or text copied from a web page: `jа` with a Cyrillic `а` looks exactly like `ja`),
and the other forms Unicode has of a Latin letter (fullwidth `ｆｅｂ`, mathematical `𝐟𝐞𝐛`,
circled, the small Roman numerals), which Unicode's compatibility form (NFKC) reads as the
letter itself.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata

OTHER_ALPHABETS = (
    "аеорсухіјѕһӏԁԛԝАВЕКМНОРСТХІЈЅαορνικτυχΑΒΕΗΙΚΜΝΟΡΤΥΧΖ",
    "aeopcyxijshldqwABEKMHOPCTXIJSaopvikTuxABEHIKMNOPTYXZ",
)
"""Each letter of another alphabet (Cyrillic, Greek) and the Latin letter it looks like."""
_TURKISH = ("\u0131\u0130\u017f", "iIs")
"""The dotless `ı` and the dotted `İ`, and the long `ſ`: Latin letters read as i and s."""
_FORMS = (
    (0x2070, 0x209F),  # superscript and subscript letters
    (0x2100, 0x218F),  # letterlike symbols (`ℯ`, `ℓ`, the Kelvin sign) and Roman numerals
    (0x24B6, 0x24E9),  # circled letters
    (0xFF21, 0xFF5A),  # fullwidth letters
    (0x1D400, 0x1D7CB),  # mathematical letters: bold, italic, script, fraktur …
    (0x1F130, 0x1F189),  # squared letters
)
"""Where Unicode keeps the other forms of the Latin letters."""


@functools.cache
def shown_as() -> dict[str, str]:
    """For each small Latin letter, every character that shows as it or as its capital (the
    letter and its capital first). Computed once, when first needed (under 1 ms)."""
    same = {letter: letter + letter.upper() for letter in string.ascii_lowercase}
    for others, latins in (OTHER_ALPHABETS, _TURKISH):
        for other, latin in zip(others, latins, strict=True):
            same[latin.lower()] += other
    for first, last in _FORMS:
        for code in range(first, last + 1):
            form = chr(code)
            letter = unicodedata.normalize("NFKC", form)
            if len(letter) == 1 and form not in same.get(letter.lower(), form):
                same[letter.lower()] += form
    return same


def as_latin(text: str) -> str:
    """`text` with every character that shows as a Latin letter read as it (`ｆеb` as `feb`),
    the same length, so a span found in it is the same span in `text`. One search in C where
    there is none, a Danish text's `æøå` included."""
    if text.isascii() or _others().search(text) is None:
        return text
    return text.translate(_to_latin())


@functools.cache
def _others() -> re.Pattern[str]:
    """Any character of `OTHER_ALPHABETS` or `_TURKISH`, or in a block of `_FORMS`: a class
    of ranges, which the search tests fast (one of every character it holds, some outside
    the basic plane, made it six times slower)."""
    blocks = "".join(f"{chr(first)}-{chr(last)}" for first, last in _FORMS)
    return re.compile(f"[{OTHER_ALPHABETS[0]}{_TURKISH[0]}{blocks}]")


@functools.cache
def _to_latin() -> dict[int, str]:
    return str.maketrans({c: letter for letter, chars in shown_as().items() for c in chars[2:]})
