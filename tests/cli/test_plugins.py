"""pydantic's plugin lookup is skipped while plugins are off (`cli.plugins`)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

MODELS = (
    "from ledelsestilsyn.cli import plugins\n"
    "plugins.skip()\n"
    "import sys\n"
    "from pydantic import BaseModel, TypeAdapter\n"
    "class M(BaseModel):\n"
    "    a: int\n"
    "assert M(a='1').a == 1 and TypeAdapter(int).validate_python('2') == 2\n"
)


def run(code: str, plugins: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if plugins is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = plugins
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("off", ["__all__", "1", "true"])
def test_models_work_without_importing_the_lookup(off: str) -> None:
    """The point of the stand-in: `importlib.metadata` is never imported."""
    assert run(MODELS + "print('importlib.metadata' in sys.modules)", off) == "False"


@pytest.mark.parametrize("on", [None, "", "en-plugin"])
def test_with_plugins_on_pydantic_looks_them_up_itself(on: str | None) -> None:
    code = MODELS + "print(hasattr(sys.modules['pydantic.plugin._loader'], '__file__'))"
    assert run(code, on) == "True"


def test_any_other_name_comes_from_the_real_loader() -> None:
    code = (
        "from ledelsestilsyn.cli import plugins\n"
        "plugins.skip()\n"
        "import sys\n"
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP as group\n"
        "print(group, hasattr(sys.modules[plugins.LOADER], '__file__'))"
    )
    assert run(code, "__all__") == "pydantic True"
