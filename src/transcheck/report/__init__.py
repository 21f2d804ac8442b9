"""Output formats. Importing this package registers every built-in renderer."""

from . import comparison, corpus, extraction, gate_formats, html  # noqa: F401  (registers renderers)
from .base import RENDERERS, Renderer, formats, get_renderer, register

__all__ = ["RENDERERS", "Renderer", "formats", "get_renderer", "register"]
