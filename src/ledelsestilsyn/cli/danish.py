"""typer and click speak English; `tilsyn` speaks Danish, in help and in usage errors.

Users are leaders and consultants, not developers, so neither `[default: .]`,
`<int range>`, `[x>=0]` nor "Input should be a valid integer" may reach them.
`install()` (called once by `app.py`) makes typer's help Danish: section
titles, the help option, value types, defaults and ranges. `describe()` turns
any click usage error into one Danish sentence, built from the exception's
kind and the parameter it names rather than from its English text where that
is possible; `show()` prints it with a tip that names the command's own help.
Both the console script (`errors.run`) and typer's own error handling (the
test runner) go through `show()`.

This leans on typer's internals (`typer.core`, the vendored `typer._click`);
`tests/cli/test_danish.py` renders every command's help and the usual usage
errors, so an upgrade that changes them fails there, not in front of a user.
"""

from __future__ import annotations

import ast
import difflib
import itertools
import re
from typing import TYPE_CHECKING, Any

from ledelsestilsyn.core.quote import quote, quote_unknown

if TYPE_CHECKING:
    from typer._click.core import Command, Context
    from typer._click.exceptions import ClickException

# typer's gettext messages (`typer.core._`): help titles and a few errors.
_MESSAGES = {
    "Arguments": "Argumenter",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "default: {default}": "standard: {default}",
    "required": "skal angives",
    "(dynamic)": "(beregnes)",
    "env var: {var}": "miljøvariabel: {var}",
    "Missing command.": "mangler en kommando.",
    # The name as typed, not its repr (`'010203\\u20021234'`, an escape the gate cannot read);
    # `describe` quotes it as every value is quoted (`core.quote`).
    "No such command {name!r}.": "ukendt kommando {name}.",
}

# typer's usage line for groups and commands that set no metavar of their own.
_USAGE_WORDS = (("[OPTIONS]", "[TILVALG]"), ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENTER]..."))

# A value's type in help, as `<fil>`; typer's own label is English (`<int range>`).
_TYPES = {
    "int": "tal",
    "float": "tal",
    "str": "tekst",
    "bool": "ja/nej",
    "date": "dato",
    "datetime": "tidspunkt",
    "path": "sti",
    "Path": "sti",
    "file": "fil",
    "directory": "mappe",
}

# typer's path checks (`_param_types`): the English sentence → Danish.
_PATH_PROBLEMS = (
    (re.compile(r"^\w+ (?P<value>'.*') does not exist\.$"), "{value} findes ikke"),
    (re.compile(r"^\w+ (?P<value>'.*') is a directory\.$"), "{value} er en mappe, ikke en fil"),
    (re.compile(r"^\w+ (?P<value>'.*') is a file\.$"), "{value} er en fil, ikke en mappe"),
    (re.compile(r"^\w+ (?P<value>'.*') is not readable\.$"), "{value} kan ikke læses"),
    (re.compile(r"^\w+ (?P<value>'.*') is not writable\.$"), "{value} kan ikke skrives"),
)
_EXTRA = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<extra>.*)\)$", re.S)
_NO_COMMAND = re.compile(r"^ukendt kommando (?P<name>.*?)\.(?P<rest>\s+Did you mean .*)?$", re.S)


def type_label(label: str) -> str:
    """typer's `<int range>`, `<path>`, `<list[Path]>` → `<tal>`, `<sti>`, `<stier>`."""
    inner = label[1:-1] if label.startswith("<") and label.endswith(">") else label
    if "|" in inner and not inner.startswith("list["):  # choices: the values themselves
        return label
    inner = inner.removesuffix(" range")
    if inner.startswith("list[") and inner.endswith("]"):
        word = _TYPES.get(inner[5:-1], "værdi")
        return f"<{word}>"
    return f"<{_TYPES.get(inner, 'værdi')}>"


def number_range(low: float | None, high: float | None) -> str | None:
    """The range shown after an option's help: `mindst 0`, not `x>=0`."""
    if low is None and high is None:
        return None
    if high is None:
        return f"mindst {low}"
    if low is None:
        return f"højst {high}"
    return f"fra {low} til {high}"


def install() -> None:
    """Make typer's help and usage errors Danish (idempotent)."""
    import typer.core
    from typer._click.core import Command
    from typer._click.exceptions import ClickException, UsageError
    from typer._click.formatting import HelpFormatter

    if getattr(typer.core, "_tilsyn_danish", False):
        return
    original_option = Command.get_help_option
    original_usage = HelpFormatter.write_usage
    original_type = typer.core._TyperParameter.display_type
    original_parse = Command.parse_args

    def get_help_option(self: Command, ctx: Any) -> Any:
        option = original_option(self, ctx)
        if option is not None:
            option.help = "Vis denne hjælp og afslut."
        return option

    def write_usage(
        self: HelpFormatter, prog: str, args: str = "", prefix: str | None = None
    ) -> None:
        for english, danish in _USAGE_WORDS:
            args = args.replace(english, danish)
        original_usage(self, prog, args, "Brug: " if prefix is None else prefix)

    def display_type(self: Any, ctx: Context) -> str:
        return type_label(original_type(self, ctx))

    def parse_args(self: Command, ctx: Context, args: list[str]) -> list[str]:
        _no_option_as_value(self, ctx, args)
        # The parser raises some errors without a context; they belong to this command.
        try:
            return original_parse(self, ctx, args)
        except UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx
            raise

    def show_error(self: ClickException, file: Any = None) -> None:
        show(self)

    Command.get_help_option = get_help_option  # type: ignore[method-assign]
    Command.parse_args = parse_args  # type: ignore[method-assign]
    HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    typer.core._TyperParameter.display_type = display_type  # type: ignore[method-assign]
    typer.core.describe_number_range = number_range  # type: ignore[attr-defined,assignment]
    typer.core._ = lambda message: _MESSAGES.get(message, message)  # type: ignore[attr-defined]
    ClickException.show = show_error  # type: ignore[method-assign]
    UsageError.show = show_error  # type: ignore[method-assign]
    typer.core._tilsyn_danish = True  # type: ignore[attr-defined]


def _no_option_as_value(command: Command, ctx: Context, args: list[str]) -> None:
    """`--tilsyn --periode 2026-11`, the series forgotten: click would take `--periode` as the
    series, and then call 2026-11 an unexpected argument (or look for a series of that name).
    An option followed by another of the command's options is said to lack its value."""
    from typer._click.exceptions import BadOptionUsage

    options = [p for p in command.get_params(ctx) if p.param_type_name == "option"]
    names = {name for p in options for name in (*p.opts, *p.secondary_opts)}
    flags = [p for p in options if getattr(p, "is_flag", False) or getattr(p, "count", False)]
    valued = {name for p in options if p not in flags for name in p.opts}
    for word, after in itertools.pairwise(args):
        if word == "--":
            return
        if word in valued and after in names:
            said = f"'{word}' kræver en værdi; '{after}' er et andet tilvalg."
            raise BadOptionUsage(word, said, ctx)


def show(exc: ClickException) -> None:
    """The Danish error and a tip naming the help of the command that was called."""
    from ledelsestilsyn.cli.console import echo

    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "tilsyn"
    echo(f"fejl: {describe(exc)}", err=True)
    echo(f"Tip: se '{command} --help'.", err=True)


def describe(exc: ClickException) -> str:
    """One Danish sentence for a click usage error."""
    from typer._click.exceptions import (
        BadOptionUsage,
        BadParameter,
        MissingParameter,
        NoSuchOption,
    )

    if isinstance(exc, NoSuchOption):
        return f"ukendt tilvalg {quote(exc.option_name)}.{_suggest(exc.option_name, exc.ctx)}"
    if isinstance(exc, BadOptionUsage):
        if "does not take a value" in exc.message:
            return f"'{exc.option_name}' tager ingen værdi."
        if exc.message.startswith(f"'{exc.option_name}' kræver en værdi;"):
            return exc.message
        return f"'{exc.option_name}' kræver en værdi."
    if isinstance(exc, MissingParameter):
        kind = (
            "tilvalget"
            if exc.param is not None and exc.param.param_type_name == "option"
            else "argumentet"
        )
        return f"mangler {kind} {_hint(exc.param)}."
    if isinstance(exc, BadParameter):
        from ledelsestilsyn.cli.commands import EMPTY_PATH  # a parser's own Danish reason

        why = EMPTY_PATH if exc.message == EMPTY_PATH else _why(exc)
        return f"ugyldig værdi for {_hint(exc.param)}: {why}.{_meant(exc)}"
    message = exc.format_message()
    # click joins the extra arguments with spaces, so which words were one argument is lost:
    # they are quoted together, once (`'010203', '1234'` would be a number the gate never saw).
    extra = _EXTRA.match(message)
    if extra:
        return f"uventet argument {quote_unknown(extra['extra'], None)}."
    unknown = _NO_COMMAND.match(message)
    if unknown:
        commands = _commands(getattr(exc, "ctx", None))
        name = quote_unknown(unknown["name"], commands)
        rest = unknown["rest"] or ""
        if not rest and not name.startswith("'") and commands:  # not quoted: say what there is
            rest = f" Kommandoer her: {', '.join(commands)}."
        said = f"ukendt kommando {name}.{rest}"
        return said.replace("Did you mean", "Mente du")
    return message.replace("Did you mean", "Mente du")


def _hint(param: Any) -> str:
    """How a parameter is named in a message: its first flag, or an argument's name."""
    if param is None:
        return "en værdi"
    opts = getattr(param, "opts", None)
    if param.param_type_name == "option" and opts:
        return f"'{opts[0]}'"
    return f"'{param.metavar or param.name}'"


def _why(exc: Any) -> str:
    """What is wrong with the value, from pydantic's error type or typer's path check."""
    from pydantic import ValidationError

    cause = exc.__cause__
    if isinstance(cause, ValidationError) and cause.errors():
        error = cause.errors()[0]
        value = quote_unknown(error.get("input"), None)
        limits = error.get("ctx") or {}
        kind = error["type"]
        if kind in ("int_parsing", "int_type", "int_from_float"):
            return f"{value} er ikke et helt tal"
        if kind in ("float_parsing", "float_type"):
            return f"{value} er ikke et tal"
        if kind == "greater_than_equal":
            return f"{value} er mindre end {limits.get('ge')}"
        if kind == "greater_than":
            return f"{value} skal være større end {limits.get('gt')}"
        if kind == "less_than_equal":
            return f"{value} er større end {limits.get('le')}"
        if kind == "less_than":
            return f"{value} skal være mindre end {limits.get('lt')}"
        choices = _choices(exc.param)
        if choices:
            return f"{value} er ikke en af {choices}"
        return f"{value} kan ikke bruges her"
    for pattern, danish in _PATH_PROBLEMS:
        found = pattern.match(str(exc.message))
        if found:
            return danish.format(value=quote_unknown(ast.literal_eval(found["value"]), None))
    choices = _choices(exc.param)
    if choices:
        return f"værdien er ikke en af {choices}"
    return "værdien kan ikke bruges her"


def _commands(ctx: Context | None) -> list[str]:
    """The subcommands of the group a word was not one of (not the hidden ASCII aliases)."""
    from typer.core import TyperGroup

    if ctx is None or not isinstance(ctx.command, TyperGroup):
        return []
    group = ctx.command
    found = [(n, group.get_command(ctx, n)) for n in group.list_commands(ctx)]
    return [n for n, command in found if command is not None and not command.hidden]


def _meant(exc: Any) -> str:
    """` Mente du 'udvalg'?` for a near miss among an option's fixed values (probe BK:
    `--modtager Udvalget` got no hint)."""
    from pydantic import ValidationError

    cause = exc.__cause__
    if not isinstance(cause, ValidationError) or not cause.errors():
        return ""
    descriptor = getattr(exc.param, "type_descriptor", None)
    words = [str(getattr(c, "value", c)) for c in getattr(descriptor, "choices", None) or ()]
    value = str(cause.errors()[0].get("input", "")).strip().casefold()
    guess = difflib.get_close_matches(value, words, n=1, cutoff=0.6)
    return f" Mente du '{guess[0]}'?" if guess else ""


def _choices(param: Any) -> str:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not descriptor.is_choice or not descriptor.choices:
        return ""
    return ", ".join(f"'{getattr(c, 'value', c)}'" for c in descriptor.choices)


def _suggest(option: str, ctx: Context | None) -> str:
    """` Mente du --periode?` for a near miss among the command's own flags."""
    if ctx is None:
        return ""
    flags = [
        flag
        for param in ctx.command.get_params(ctx)
        if not getattr(param, "hidden", False)
        for flag in getattr(param, "opts", [])
    ]
    close = difflib.get_close_matches(option, flags, n=1, cutoff=0.75)
    return f" Mente du {close[0]}?" if close else ""
