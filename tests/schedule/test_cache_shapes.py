"""`påmind`'s caches in `.tilsyn/` edited by hand or damaged, with the right stamp: they are
read as if they were not there (tilsyn seals what it writes), so `påmind`, `årshjul` and
`cron` give the same answer as with no cache, never an internal error. (Hypothesis found
`'int' object has no attribute 'get'`, `KeyError: 0`, and a meeting month `null` that
silently changed the answer.)
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from remind_support import MONTHLY, draw, fill, reviews

from conftest import Cli

CACHES = ("påmind.json", "påmind-filer.json")
COMMANDS = (("påmind", "--altid", "--dato", "2026-11-25"), ("årshjul", "2026"), ("cron",))
WRONG: list[Any] = [None, 1, -1, "x", [], {}, [1, 2], {"a": 1}, True]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value, up to four levels down (the stamp's keys left out)."""
    if len(path) >= 4:
        return []
    found: list[tuple[Any, ...]] = []
    if isinstance(value, dict | list):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, inner in items:
            if path or key not in ("format", "tool"):
                found += [(*path, key), *_paths(inner, (*path, key))]
    return found


def _set(value: Any, path: tuple[Any, ...], new: Any) -> None:
    for key in path[:-1]:
        value = value[key]
    value[path[-1]] = new


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The example workspace with a round half filled in, its caches, and each command's
    output with no cache."""
    from conftest import EKSEMPLER

    folder = tmp_path_factory.mktemp("skygge") / "ws"
    shutil.copytree(EKSEMPLER, folder)
    cli = Cli()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        paths = reviews(draw(cli, MONTHLY, "2026-11"))
        fill(paths[0], "Karen Holm Madsen", "2026-11-12")
        fill(paths[1], "Karen Holm Madsen", "2026-11-12", answers=3)
        expected = {" ".join(c): cli(*c).stdout for c in COMMANDS}
    assert all((folder / ".tilsyn" / name).is_file() for name in CACHES)
    return folder, expected


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_cache_edited_by_hand_is_read_as_no_cache(
    prepared: tuple[Path, dict[str, str]], tmp_path: Path, data: st.DataObject
) -> None:
    source, expected = prepared
    folder = tmp_path / f"ws-{uuid.uuid4().hex[:8]}"
    shutil.copytree(source, folder)
    name = data.draw(st.sampled_from(CACHES))
    cache = folder / ".tilsyn" / name
    content = json.loads(cache.read_text(encoding="utf-8"))
    place = data.draw(st.sampled_from(_paths(content)))
    _set(content, place, data.draw(st.sampled_from(WRONG)))
    cache.write_text(json.dumps(content), encoding="utf-8")
    cli = Cli()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        for command in COMMANDS:
            result = cli(*command)
            assert result.exit_code == 0, (name, place, result.output)
            wanted = expected[" ".join(command)].replace(str(source), str(folder))  # cron
            assert result.stdout == wanted, (name, place)
