"""transcheck: find quotations in news articles, attribute them, and measure how renderings drift."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("transcheck")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]
