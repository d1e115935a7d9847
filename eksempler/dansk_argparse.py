"""argparse på dansk for eksemplernes små scripts (generer_eksport.py, udfyld_eksempel.py …).

README'en beder brugeren køre `python eksempler/generer_eksport.py --ud eksport.csv`; glemmer
man `--ud`, eller skriver man `--help`, skal svaret være dansk som resten af `tilsyn`, ikke
argparse's engelske "usage:", "options" og "the following arguments are required".
Importeres før scriptet bygger sin parser; det oversætter argparse's egne tekster.
"""

from __future__ import annotations

import argparse

DANSK = {
    "usage: ": "Brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "optional arguments": "tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "expected one argument": "forventer én værdi",
    "expected at most one argument": "forventer højst én værdi",
    "expected at least one argument": "forventer mindst én værdi",
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "tilvalget %(argument_name)s: %(message)s",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "one of the arguments %s is required": "et af tilvalgene %s er påkrævet",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydigt tilvalg: %(option)s kan være %(matches)s"
    ),
    "ignored explicit argument %r": "overflødig værdi %r",
}


def _(text: str) -> str:
    return DANSK.get(text, text)


def _n(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)


argparse._ = _  # type: ignore[attr-defined]
argparse.ngettext = _n  # type: ignore[attr-defined]
