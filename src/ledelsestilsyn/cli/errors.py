"""The one error boundary: how failures reach the user, and with which exit code.

Two layers, both here. `handled` wraps every command: the core's typed
`TilsynError` becomes Danish lines and the exit code for its kind, a bug
becomes one line and exit 3. `run` wraps the whole app for the console
script: typer's own usage errors (unknown option, a value that is not one of
the choices) become Danish, exit 2. Only this package knows flags and exit
codes; the core names what a value is (`Argument`), and `cli.flags` says
which flag carries it.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer

from ledelsestilsyn.cli import collector
from ledelsestilsyn.cli.console import echo
from ledelsestilsyn.core.diagnostics import ErrorKind

if TYPE_CHECKING:
    from typer._click.exceptions import ClickException

    from ledelsestilsyn.core.diagnostics import TilsynError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_DATA = 1  # a file the user made is wrong
EXIT_USAGE = 2  # the call is wrong
EXIT_INTERNAL = 3  # a bug in tilsyn
EXIT_BUSY = 75  # EX_TEMPFAIL: another run holds the lock
EXIT_INTERRUPTED = 130
EXIT_PIPE = 141  # 128 + SIGPIPE: the program reading the output stopped reading

EXIT_CODES: dict[ErrorKind, int] = {
    ErrorKind.DATA: EXIT_DATA,
    ErrorKind.USAGE: EXIT_USAGE,
    ErrorKind.BUSY: EXIT_BUSY,
}


def handled(func: F) -> F:
    """Expected errors become Danish lines and the exit code of their kind; bugs exit 3."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from ledelsestilsyn.core.diagnostics import TilsynError

        collector.begin_work()
        try:
            return func(*args, **kwargs)
        except TilsynError as exc:
            from ledelsestilsyn.cli.console import print_diagnostics

            print_diagnostics(exc.diagnostics, err=True)
            raise typer.Exit(EXIT_CODES[exc.kind]) from None
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            echo("Afbrudt.", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            from ledelsestilsyn.cli.console import reader_gone

            reader_gone()
            raise typer.Exit(EXIT_PIPE) from None
        except OSError as exc:
            found = _environment(exc)
            if found is None:
                _internal(exc)
            from ledelsestilsyn.cli.console import print_diagnostics

            print_diagnostics(found.diagnostics, err=True)
            raise typer.Exit(EXIT_CODES[found.kind]) from None
        except Exception as exc:
            _internal(exc)

    return wrapper  # type: ignore[return-value]


_ENVIRONMENT = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}
)
"""What the machine, not tilsyn, gets wrong: a full disk or quota, a folder made read-only or a
drive gone in the middle of a run. Where tilsyn writes, it says so itself (W003); this is the
net under every other place."""


_CURE = {
    errno.ENOSPC: "frigør plads på drevet",
    errno.EDQUOT: "frigør plads, eller få en større kvote",
    errno.EROFS: "få drevet gjort skrivbart",
    errno.EACCES: "få adgang til mappen (af den, der ejer den, eller af IT)",
    errno.EPERM: "få adgang til mappen (af den, der ejer den, eller af IT)",
}
"""The cure each error of the machine's needs (a probe: a folder without access was told to
free space first)."""


def _environment(exc: OSError) -> TilsynError | None:
    """W003 (exit 2) for an error of the machine's (`_ENVIRONMENT`), else None; said at the
    folder, not at a temp file's inner name (a probe: `udtræk/.tilsyn-tmp-28422-…`)."""
    from ledelsestilsyn.core.diagnostics import fail
    from ledelsestilsyn.io.os_reasons import reason
    from ledelsestilsyn.io.portable import TEMP_PREFIX

    if exc.errno == errno.ENAMETOOLONG:
        return _too_long(exc)
    if exc.errno not in _ENVIRONMENT:
        return None
    where = os.fsdecode(exc.filename) if exc.filename is not None else "tilsyn"
    head, _, name = where.rpartition("/")
    if name.startswith(TEMP_PREFIX):  # tilsyn's own temp: the folder it was to be written in
        where = head or "."
    return fail(
        where,
        "W003",
        f"der kan ikke læses eller skrives her ({reason(exc)}); kørslen er stoppet.",
        hint=f"{_CURE.get(exc.errno, 'tjek drevet')}, og kør kommandoen igen; det, der "
        "allerede er skrevet, står.",
        kind=ErrorKind.USAGE,
    )


def _too_long(exc: OSError) -> TilsynError:
    """W003 (exit 2) for a path with a name longer than the file system takes (255 bytes on
    Linux and macOS): a path given in the call, or a folder of it. Shown cut short."""
    from ledelsestilsyn.core.diagnostics import fail

    path = os.fsdecode(exc.filename) if exc.filename is not None else ""
    longest = max((len(os.fsencode(part)) for part in Path(path).parts), default=0)
    where = path if len(path) <= _SHOWN else f"{path[: _SHOWN - 1]}…"
    return fail(
        where or "tilsyn",
        "W003",
        f"et navn i stien er for langt ({longest} byte; filsystemet tager højst 255).",
        hint="vælg et kortere fil- eller mappenavn.",
        kind=ErrorKind.USAGE,
    )


_SHOWN = 60


def _internal(exc: Exception) -> NoReturn:
    """A bug: one line (the traceback with `--debug`), exit 3."""
    if os.environ.get("TILSYN_DEBUG"):
        _debug_trace()
        raise typer.Exit(EXIT_INTERNAL) from None
    echo(
        f"intern fejl i tilsyn ({type(exc).__name__}). Det er en fejl i værktøjet, "
        "ikke i dine filer. Kør igen med 'tilsyn --debug …' og send teksten til "
        "udviklerne.",
        err=True,
    )
    raise typer.Exit(EXIT_INTERNAL) from None


def _debug_trace() -> None:
    """`--debug`: the traceback, for the developers, through the gate like all output (an
    exception's text may hold a value from a file: a CPR number is masked); it is meant to be
    sent on, so the reader is asked to look it over for names first."""
    import traceback

    echo(traceback.format_exc().rstrip(), err=True)
    echo(
        "Fejlsporingen ovenfor er uden CPR-numre (de er maskeret); se den igennem for navne, "
        "før du sender den.",
        err=True,
    )


def _usage_error(exc: ClickException) -> int:
    from ledelsestilsyn.cli.danish import show

    show(exc)
    return EXIT_USAGE


def run(app: typer.Typer) -> None:
    """Run the app as the console script: usage errors in Danish, exit 2."""
    from typer._click.exceptions import ClickException, NoArgsIsHelpError

    try:
        result = app(standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except NoArgsIsHelpError as exc:
        echo(exc.format_message())
        sys.exit(EXIT_OK)
    except ClickException as exc:
        sys.exit(_usage_error(exc))
    except typer.Abort:
        echo("Afbrudt.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        echo("Afbrudt.", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # a bug while the call is read, before a command runs
        try:
            _internal(exc)
        except typer.Exit as stop:
            sys.exit(stop.exit_code)
    sys.exit(result if isinstance(result, int) else EXIT_OK)
