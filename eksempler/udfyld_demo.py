"""Udfyld én gennemgang med `tilsyn udfyld` uden en person ved tastaturet (til demoen).

    python eksempler/udfyld_demo.py ARBEJDSMAPPE [--dato ÅÅÅÅ-MM-DD] [--skærmbillede FIL.svg]

Formularen køres med Textuals Pilot (den samme, testene bruger) i et usynligt
terminalvindue på 80×24, og tasterne trykkes, som en leder ville: `j` for ja på
hvert spørgsmål, `n` for nej på det andet med en kommentar og en rettelse med
frist om 14 dage. Filen gemmes af formularen selv, efter hver ændring. Med `--skærmbillede` gemmes
formularen, som den så ud ved nej-svaret, som SVG (billedet i README).
"""

from __future__ import annotations

import argparse
import asyncio
import os
from datetime import date, timedelta
from pathlib import Path

import dansk_argparse  # noqa: F401  (argparse's own texts in Danish)

from ledelsestilsyn.cli.udfyld.app import UdfyldApp
from ledelsestilsyn.cli.udfyld.form_screen import FormScreen
from ledelsestilsyn.cli.udfyld.setup import Setup
from ledelsestilsyn.io.atomic import write_atomic
from ledelsestilsyn.review.session import ReviewFile
from ledelsestilsyn.workspace.open import open_workspace

REVIEWER = "Afdelingsleder Mette Holm"
COMMENT = "Vurderingen er ikke dateret; se notatet fra 3/11."
ACTION = "Vurderingen dateres og journaliseres"


async def _fill(app: UdfyldApp, shot: Path | None) -> str:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FormScreen)
        await pilot.press("right", "j", "right", "n", *COMMENT, "enter")
        deadline = (app.setup.today + timedelta(days=14)).isoformat()
        await pilot.press("k", "tab", *ACTION, "tab", "tab", *deadline, "enter")
        await pilot.pause()
        if shot is not None:
            write_atomic(shot, app.export_screenshot(title="tilsyn udfyld"), overwrite=True)
        for _ in range(len(screen.questions) - 2):
            await pilot.press("right", "j")
        await pilot.pause()
        return screen.result.state.value if screen.result else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("arbejdsmappe", type=Path)
    parser.add_argument("--dato", type=date.fromisoformat, default=date.today())
    parser.add_argument("--skærmbillede", type=Path)
    args = parser.parse_args()
    os.chdir(args.arbejdsmappe)
    folder = sorted(Path("udtræk").glob("*-månedligt-overordnet"))[0]
    path = sorted(p for p in folder.glob("*.yaml") if p.name != "udtræk.yaml")[0]
    setup = Setup(open_workspace(Path.cwd()), path, REVIEWER, args.dato)
    app = UdfyldApp(setup, ReviewFile.open(path, str(path)))
    shot = args.skærmbillede.resolve() if args.skærmbillede else None
    state = asyncio.run(_fill(app, shot))
    if app.failure is not None:
        raise SystemExit(f"tilsyn udfyld fejlede: {app.failure}")
    print(f"{path}: udfyldt med tilsyn udfyld ({state})")


if __name__ == "__main__":
    main()
