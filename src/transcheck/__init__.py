"""transcheck: find quotations in news, attribute them, and measure how renderings drift."""

import os
from importlib.metadata import PackageNotFoundError, version

# Offline unless the user opts in: the libraries we load must not reach for a model hub
# or send telemetry (a hub model is an explicit opt-in, see HFEncoder(allow_download=True)).
for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY",
             "HF_DATASETS_OFFLINE"):
    os.environ.setdefault(_var, "1")

try:
    __version__ = version("transcheck")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]
