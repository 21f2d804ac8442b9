"""Score pairs of renderings: calibrated semantic divergence plus lexical metrics.

All distinct texts of a run are encoded once, in one length-sorted batch, so scoring many
pairs costs little more than encoding their texts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__
from .drift import detect_drift, drift_summary
from .encoders.base import Encoder, get_encoder
from .encoders.memo import MemoEncoder
from .errors import InputError
from .ingest.decode import DecodeError, decode_bytes
from .langid import UNDETERMINED, identify
from .metrics.calibration import Calibration, fit_labelled
from .metrics.lexical import Bleu, ChrF, Ter, not_comparable
from .metrics.semantic import SemanticSimilarity, model_id_of
from .types import Comparison, PairError, PairScore


@dataclass(frozen=True)
class Pair:
    id: str
    a: str
    b: str
    line: int = 0
    lang_a: str | None = None
    lang_b: str | None = None


def _lang(text: str, other: str) -> str:
    guess = identify(text, fallback=UNDETERMINED)
    return guess if guess != UNDETERMINED else identify(other, fallback=UNDETERMINED)


def signature(encoder: Encoder, semantic: SemanticSimilarity) -> dict[str, Any]:
    return {
        "transcheck": __version__,
        "encoder": encoder.signature(),
        "calibration": semantic.calibration.signature(),
        "bleu": Bleu().signature(),
        "chrf": ChrF().signature(),
        "ter": Ter().signature(),
    }


def score_pairs(pairs: Sequence[Pair], encoder: Encoder) -> list[PairScore]:
    encoder = MemoEncoder(encoder)
    semantic = SemanticSimilarity(encoder)
    cosines = semantic.cosines([p.a for p in pairs], [p.b for p in pairs])
    bleu, chrf, ter = Bleu(), ChrF(), Ter()
    out = []
    for p, cos in zip(pairs, cosines, strict=True):
        la = p.lang_a or _lang(p.a, p.b)
        lb = p.lang_b or _lang(p.b, p.a)
        sim = round(semantic.similarity(float(cos)), 4)
        note = not_comparable(la, lb)
        lex = [m.sentence_score(p.a, p.b, lang_ref=la, lang_hyp=lb).value if not note else None
               for m in (bleu, chrf, ter)]
        spans = tuple(detect_drift(p.a, p.b, lang_a=la, lang_b=lb, encoder=encoder))
        risk = round(float(drift_summary(spans)["meaning_risk"]), 4)
        out.append(PairScore(p.id, p.a, p.b, la, lb, round(float(cos), 4), sim,
                             round(1.0 - sim, 4), lex[0], lex[1], lex[2], note, p.line,
                             risk, spans))
    return out


def compare_pairs(pairs: Iterable[Pair | PairError], *, encoder: Encoder | None = None,
                  model: str | None = None) -> Comparison:
    """Score every pair; malformed input rows come back as errors, in input order."""
    encoder = encoder or get_encoder(model)
    items = list(pairs)
    good = [p for p in items if isinstance(p, Pair)]
    errors = tuple(p for p in items if isinstance(p, PairError))
    scores = score_pairs(good, encoder) if good else []
    return Comparison(tuple(scores), signature(encoder, SemanticSimilarity(encoder)), errors)


def read_text_arg(value: str) -> str:
    """A quote given on the command line, or the path of a file that holds it."""
    path = Path(value)
    try:
        is_file = len(value) < 4096 and "\n" not in value and path.is_file()
    except OSError:
        is_file = False
    if not is_file:
        return value
    try:
        return decode_bytes(path.read_bytes()).text.strip()
    except (OSError, DecodeError) as exc:
        raise InputError(f"cannot read the quote file: {exc}", source=value,
                         hint="save it as UTF-8 text") from exc


def read_pairs(path: str, data: bytes) -> Iterator[Pair | PairError]:
    """TSV with a header (id, a, b) or JSONL ({"id", "a", "b"}); bad rows become errors."""
    try:
        text = decode_bytes(data).text
    except DecodeError as exc:
        raise InputError(f"cannot read the pairs file: {exc}", source=path,
                         hint="save it as UTF-8") from exc
    stripped = text.lstrip()
    if path.endswith((".jsonl", ".ndjson")) or stripped.startswith("{"):
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                yield PairError(f"line-{n}", n, f"{path}:{n}: not valid JSON")
                continue
            yield _pair_from(rec, n, path)
        return
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = {"a", "b"} - set(reader.fieldnames or [])
    if missing:
        raise InputError(f"the TSV header lacks column(s) {', '.join(sorted(missing))}",
                         source=path, hint="the first line must be: id<TAB>a<TAB>b")
    for n, row in enumerate(reader, start=2):
        yield _pair_from(row, n, path)


def _pair_from(rec: Any, n: int, path: str) -> Pair | PairError:
    if not isinstance(rec, dict):
        return PairError(f"line-{n}", n, f"{path}:{n}: not an object with a and b")
    pid = str(rec.get("id") or f"line-{n}")
    a, b = rec.get("a"), rec.get("b")
    if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
        return PairError(pid, n, f"{path}:{n}: needs non-empty text in both 'a' and 'b'")
    return Pair(pid, a, b, n, rec.get("lang_a") or None, rec.get("lang_b") or None)


def calibrate(path: str, data: bytes, *, model: str | None = None,
              encoder: Encoder | None = None) -> Calibration:
    """Fit the semantic calibration of a model on a labelled pair file (JSONL with
    ``a``, ``b``, ``label``, ``target``), as fixtures/pairs/labelled.jsonl."""
    encoder = encoder or get_encoder(model)
    records = []
    for n, line in enumerate(decode_bytes(data).text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            float(rec["target"])
            str(rec["a"]), str(rec["b"])
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"line {n} is not a labelled pair ({exc})", source=path,
                             hint="each line needs a, b, label and target") from exc
        records.append(rec)
    semantic = SemanticSimilarity(encoder)
    cosines = [float(c) for c in semantic.cosines([r["a"] for r in records],
                                                  [r["b"] for r in records])]
    return fit_labelled(records, cosines, model_id=model_id_of(encoder), pairs_id=path)
