"""One exception family with stable codes, and the exit codes every command uses.

Codes are part of the public contract: scripts and CI logs match on them.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2


class TranscheckError(Exception):
    """An error the user can act on: one line, with a code and a hint."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.hint = hint

    def render(self) -> str:
        where = f"{self.source}: " if self.source else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint} [{self.code}]"


class InputError(TranscheckError):
    """An input that cannot be read or decoded."""

    code = "E100"


class NoUsableInput(TranscheckError):
    """None of the inputs gave a usable document."""

    code = "E101"


class OutputError(TranscheckError):
    """An output file that cannot be written."""

    code = "E120"


class UsageError(TranscheckError):
    code = "E200"


class ConfigError(TranscheckError):
    code = "E300"


# The encoders' ModelError (codes E-MODEL-*) lives in transcheck.encoders.errors.


# Problem codes for inputs that are skipped while the run goes on.
P_NOT_FOUND = "E110"
P_EMPTY = "E111"
P_BINARY = "E112"
P_UNDECODABLE = "E113"
P_TOO_LARGE = "E114"
P_EMPTY_FOLDER = "E115"
P_BAD_RECORD = "E116"
P_UNSUPPORTED = "E117"
P_UNREADABLE = "E118"
W_UNCLOSED_QUOTE = "W201"
W_TRUNCATED = "W202"
