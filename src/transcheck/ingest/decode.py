"""Turn bytes into text without guessing blindly.

Order matters: a byte-order mark is proof; strict UTF-8 that succeeds is near proof;
only then do we ask charset-normalizer, and we accept its answer only when it is
confident (legacy Cyrillic code pages are the common case in Russian-language news).
"""

from __future__ import annotations

import codecs
import contextlib
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Encodings we accept from detection. Anything else in news text is far more likely
#: to be a wrong guess than a real legacy page.
_LEGACY = ("cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic", "cp1252",
           "latin_1", "iso8859_15", "cp1256", "iso8859_6", "cp1253", "cp1255", "utf_16",
           "utf_32")


class DecodeError(ValueError):
    """Bytes that are not text, or text in an encoding we cannot establish.

    ``binary`` tells binary data from undecodable text; ``hint`` says what to do."""

    def __init__(self, message: str, *, binary: bool = False,
                 hint: str = "save it as UTF-8 to include it"):
        super().__init__(message)
        self.binary = binary
        self.hint = hint


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control bytes mean this is not a text file."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL))
    return control / len(sample) > 0.05


#: Control bytes that do not occur in text (tab, newlines, form feed and ESC do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _text_with_nuls(sample: bytes) -> bool:
    """Text with a few stray NUL bytes (a bad export), not a binary format."""
    if sample.count(b"\x00") * 10 > len(sample):  # UTF-16, images, archives: many NULs
        return False
    control = sum(1 for b in sample if 0 < b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(sample) <= 0.05


def decode_bytes(data: bytes) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"has a {enc} byte-order mark but invalid {enc} bytes") from exc
            return Decoded(text.removeprefix("\ufeff"), enc.removesuffix("-sig"))
    if looks_binary(data):
        nul = data.find(b"\x00", 0, 8192)
        if nul >= 0 and _text_with_nuls(data[:8192]):
            raise DecodeError(f"contains NUL bytes (the first at byte {nul:,}), so it looks like "
                              "a binary file, not text", binary=True,
                              hint="remove the NUL bytes, or save it as UTF-8 text, to include it")
        raise DecodeError("looks like a binary file, not text", binary=True)
    with contextlib.suppress(UnicodeDecodeError):  # not UTF-8: detect below
        return Decoded(data.decode("utf-8"), "utf-8")
    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is None or best.encoding not in _LEGACY:
        raise DecodeError("is neither UTF-8 nor a recognisable legacy encoding")
    if best.chaos > 0.2:
        raise DecodeError(f"could not be decoded reliably (best guess {best.encoding} is garbled)")
    return Decoded(str(best), best.encoding)
