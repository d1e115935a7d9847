"""A person's name in either order: case systems put the surname first."""

from __future__ import annotations

from ledelsestilsyn.core.names import name_orders, names_person, same_person


def test_a_name_with_the_surname_first_is_also_written_in_the_other_order() -> None:
    assert name_orders("Kjær,  Søren") == {"Kjær, Søren", "Søren Kjær"}
    # And the other way: a leader may copy a colleague's name from the case system.
    assert name_orders(" Søren   Kjær ") == {"Søren Kjær", "Kjær, Søren"}
    assert name_orders("Anna Holm Jensen") == {"Anna Holm Jensen", "Jensen, Anna Holm"}
    assert name_orders("Kjær,") == {"Kjær,"}  # no first name: nothing to turn round


def test_the_same_person_in_either_order_and_case() -> None:
    assert same_person("Kjær, Søren", "søren kjær")
    assert same_person("Søren Kjær", "KJÆR,SØREN")
    assert not same_person("Søren Kjær", "Søren Kjærgaard")


def test_a_text_names_a_person_in_full_as_whole_words() -> None:
    assert names_person("Teamleder Søren Kjær", "Kjær, Søren")
    assert names_person("Kjær, Søren", "Søren Kjær")
    assert names_person("søren  kjær (leder)", "Søren Kjær")
    assert not names_person("Søren Kjærgaard", "Søren Kjær")
    assert not names_person("Søren", "Søren Kjær")
