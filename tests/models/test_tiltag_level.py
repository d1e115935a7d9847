"""`mål: niveau` in tiltag.yaml: a share as people write it."""

from __future__ import annotations

import pytest

from ledelsestilsyn.models.tiltag import Targets


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("90 %", 0.9),
        ("90%", 0.9),
        ("90", 0.9),
        ("87,5 %", 0.875),
        ("0,9", 0.9),
        ("0.9", 0.9),
        (0.9, 0.9),
        (90, 0.9),
        ("100 %", 1.0),
        ("", None),
        (None, None),
    ],
)
def test_a_level_is_read_in_every_way_people_write_a_share(
    written: object, level: float | None
) -> None:
    found = Targets.model_validate({"niveau": written}).level
    assert found == pytest.approx(level) if level is not None else found is None


@pytest.mark.parametrize("written", ["0", "-5", "150 %", "halvfems", True])
def test_what_is_no_share_is_refused(written: object) -> None:
    with pytest.raises(ValueError, match="andel"):
        Targets.model_validate({"niveau": written})
