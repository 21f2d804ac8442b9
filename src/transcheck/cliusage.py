"""Command-line usage errors as one line with a code, like every other error.

The argument parser reports a bad option value, an unknown option or a missing argument as
a framed block with the usage text; scripts and CI logs match on ``[E200]`` instead. The
command group below turns those into one line,
``error: <what is wrong> (see `transcheck CMD --help`) [E200]``, and exit 2. ``--help``
and a bare command (which shows its help) are left as they are.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from .errors import ExitCode, UsageError

# typer's parser is click, vendored or not depending on the typer release: find its usage
# error class through the one typer exports
_CLICK_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def _shows_help(exc: Exception) -> bool:
    return type(exc).__name__ == "NoArgsIsHelpError"  # a bare command: click shows its help


def usage_line(exc: Any) -> str:
    """The one line for a parser usage error."""
    message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "transcheck"
    return "error: " + UsageError(message, hint=f"see `{command} --help`").render()


def _report(exc: Exception) -> typer.Exit:
    typer.echo(usage_line(exc), err=True)
    return typer.Exit(int(ExitCode.ERROR))


class OneLineUsageGroup(TyperGroup):
    """A typer command group whose usage errors are one line with the code E200."""

    def make_context(self, info_name: str | None, args: list[str],
                     parent: Any = None, **extra: Any) -> Any:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except _CLICK_USAGE_ERROR as exc:
            if _shows_help(exc):
                raise
            raise _report(exc) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _CLICK_USAGE_ERROR as exc:
            if _shows_help(exc):
                raise
            raise _report(exc) from None
