"""A name replaced where a sentence begins inside a text gets a capital (found by probe W: a
letter read '… en anden sag. en kollega skrev ikke notatet'); the text's own start is left as
it is, for a name field stands inside a sentence of the letter ('ansvarlig en kollega')."""

from __future__ import annotations

from ledelsestilsyn.report.scrub import case_masker, scrubber


def test_a_replacement_that_begins_a_sentence_begins_with_a_capital() -> None:
    scrub = scrubber(["Rasmus Møllgaard"], lambda t: t, "en kollega")
    assert scrub("Overtaget fra Rasmus Møllgaard. Rasmus skrev ikke notatet.") == (
        "Overtaget fra en kollega. En kollega skrev ikke notatet."
    )
    assert scrub("Rasmus ringede.\nRasmus igen? Spurgte Rasmus") == (
        "en kollega ringede.\nEn kollega igen? Spurgte en kollega"
    )
    cases = case_masker(["S-2024-00120"], lambda t: t, replacement="en anden sag")
    assert cases("Lukket. S-2024-00120 er lukket; se S-2024-00120.") == (
        "Lukket. En anden sag er lukket; se en anden sag."
    )
    department = scrubber(["Rasmus Møllgaard"], lambda t: t, "[navn]")
    assert department("Rasmus skrev.") == "[navn] skrev."


def test_a_part_alone_may_be_someone_else_and_is_no_colleague_in_a_letter() -> None:
    """Probes AW (F4) and AX (M4): a letter said `en kollega er barnet` and `En kollega bror`
    for `Ida Holm er barnet` and `Hans bror` (Ida Friis, Anna Holm and Hans Lund work
    there), and `en kollega' mor` for the child Jens. A whole name is still a colleague."""
    colleagues = ["Ida Friis", "Anna Holm", "Hans Lund", "Jens Østergaard"]
    scrub = scrubber(colleagues, lambda t: t, "en kollega", keep=["Åse Thomsen"], part_as="[navn]")
    assert (
        scrub("Ida Holm er barnet. Hans bror er 3 år.") == "[navn] er barnet. [navn] bror er 3 år."
    )
    assert scrub("Jens' mor var ikke inddraget.") == "[navn]' mor var ikke inddraget."
    assert scrub("Overtaget fra Ida Friis; Anna Holms notat.") == (
        "Overtaget fra en kollega; en kollegas notat."
    )
    assert scrub("Drøftet med Åse.") == "Drøftet med Åse."


def test_a_leader_the_letter_names_stays_whole_though_a_colleague_shares_the_first_name() -> None:
    """Probe BA: `Aftalt med Mette Holm`, the leader who reviewed, became `[navn] Holm` in a
    letter, as a colleague was called `Mette Bøgh Sørensen`; `Mette` alone is still hers."""
    colleagues = ["Mette Bøgh Sørensen", "Anna Holm"]
    scrub = scrubber(
        colleagues, lambda t: t, "en kollega", keep=["Åse Thomsen"], part_as="[navn]",
        shown=["Mette Holm"],
    )  # fmt: skip
    assert scrub("Aftalt med Mette Holm.") == "Aftalt med Mette Holm."
    said = scrub("Mette ringede; Mette Bøgh Sørensen også.")
    assert said == "[navn] ringede; en kollega også."
