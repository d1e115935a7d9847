"""pydantic without its plugin lookup: tilsyn uses no pydantic plugins.

The first time pydantic builds a validator, it asks its loader module for the
installed plugins. `entry.main` turns plugins off (`PYDANTIC_DISABLE_PLUGINS`),
so the answer is none; but importing the loader still imports
`importlib.metadata` (email, zipfile, socket …): about 9 ms, a twentieth of a
small `udtræk`. `skip` puts a stand-in in the loader's place that gives the
same answer; any other name is taken from the real module, so a pydantic that
wants more from it still gets it. Only while plugins are off: a user who turns
them on gets pydantic's own lookup.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from typing import Any

LOADER = "pydantic.plugin._loader"
OFF = ("__all__", "1", "true")
"""The values of PYDANTIC_DISABLE_PLUGINS for which pydantic finds no plugins."""


def skip() -> None:
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in OFF or LOADER in sys.modules:
        return
    stand_in = types.ModuleType(LOADER, "Stands in for pydantic's plugin loader (cli.plugins).")
    stand_in.__dict__.update(get_plugins=_no_plugins, __getattr__=_from_the_real_loader)
    sys.modules[LOADER] = stand_in


def _no_plugins() -> tuple[()]:
    return ()


def _from_the_real_loader(name: str) -> Any:
    if name.startswith("__"):  # introspection (`__file__` …): a stand-in has none
        raise AttributeError(name)
    if getattr(sys.modules.get(LOADER), "get_plugins", None) is _no_plugins:
        del sys.modules[LOADER]  # the stand-in steps aside for good
    return getattr(importlib.import_module(LOADER), name)
