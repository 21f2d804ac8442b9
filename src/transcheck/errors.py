"""One exception family with stable codes, and the exit codes every command uses.

Codes are part of the public contract: scripts and CI logs match on them. Every code the
tool prints is listed in ``CODES``; tests/test_error_paths.py triggers each one through the
command line and checks its one-line message and exit code.

* ``E1xx`` inputs. ``E100`` to ``E101`` stop a command (exit 2); ``E110`` to ``E119`` are
  *problems*: one input (a file, a folder, a JSONL line) is skipped, the rest of the run goes
  on, and the command exits 2 only when no input at all was usable (``E101``).
* ``E120`` an output file, ``E130`` the cache (store), ``E200`` command-line usage,
  ``E300`` configuration (a config file, a ``TRANSCHECK_*`` variable, a gate baseline).
* ``E-MODEL-*`` the encoder model (``transcheck.encoders.errors``).
* ``W2xx`` warnings about one input that was still read.
* ``E999`` an internal error: a bug, reported in one line (``--debug`` shows the traceback).
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


# The encoders' ModelError (codes E-MODEL-*) lives in transcheck.encoders.errors; the
# store's StoreError (E130) in transcheck.store.


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
P_LINK_SKIPPED = "E119"
W_UNCLOSED_QUOTE = "W201"
W_TRUNCATED = "W202"
W_REPLACED = "W203"
W_LONG_QUOTE = "W204"
W_CACHE_STOPPED = "W205"
E_INTERNAL = "E999"

#: Every code the tool prints, with what it means.
CODES: dict[str, str] = {
    InputError.code: "an input named by an option (a quote or pairs file) cannot be read",
    NoUsableInput.code: "none of the inputs gave a usable article",
    P_NOT_FOUND: "an input path does not exist (or is empty, or a broken link)",
    P_EMPTY: "an input is empty, holds only a byte-order mark, or has no article text",
    P_BINARY: "an input is binary (or holds NUL bytes), not text",
    P_UNDECODABLE: "an input is neither UTF-8 nor a recognisable legacy encoding",
    P_TOO_LARGE: "an article (a file, a JSON record, a JSONL line) is over --max-bytes",
    P_EMPTY_FOLDER: "a folder holds no readable article",
    P_BAD_RECORD: "a JSON or JSONL record is not valid JSON or has no text",
    P_UNSUPPORTED: "an input is of an unsupported type (or not a regular file)",
    P_UNREADABLE: "an input file or folder cannot be read (permissions, I/O)",
    P_LINK_SKIPPED: "a symbolic link in a folder leads out of it, loops or is broken",
    OutputError.code: "an output file cannot be written",
    "E130": "the cache folder or store cannot be used",
    UsageError.code: "a command-line usage error (a missing or unknown argument or value)",
    ConfigError.code: "a configuration file, variable or baseline is invalid",
    "E-MODEL-MISSING": "the model is not available offline",
    "E-MODEL-HASH": "the model weights do not have the expected sha256",
    "E-MODEL-FORMAT": "the model weights are not in a readable format",
    "E-MODEL-CACHE": "the converted-model cache cannot be written or read",
    "E-MODEL-UNKNOWN": "an unknown encoder name or option",
    W_UNCLOSED_QUOTE: "a quote mark never closes (the quote is cut at its sentence end)",
    W_TRUNCATED: "an HTML page stops before its end (read as far as it goes)",
    W_REPLACED: "a record holds invalid characters, replaced by U+FFFD",
    W_LONG_QUOTE: "a quote is over max_quote_chars and was cut (what was kept is reported)",
    W_CACHE_STOPPED: "the cache could take no more writes (full disk, I/O error): the run "
                     "went on without storing new results",
    E_INTERNAL: "an internal error (a bug): rerun with --debug and report it",
}
