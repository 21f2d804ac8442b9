"""Speed of the default encoder: one-at-a-time vs length-sorted batches, cold vs warm start.

Run:  python benchmarks/encoder_speed.py [--threads N] [--sentences 200]

Everything is measured in this one run, on ~200 mixed-length news sentences
made from fixtures/encoders/sentences.json, in a throw-away cache folder (the
user's cache is not touched), so the cold start includes the conversion.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "encoders" / "sentences.json"

try:
    import transcheck.encoders  # noqa: F401
except ImportError:  # a source checkout that is not installed
    sys.path.insert(0, str(ROOT / "src"))


def make_sentences(n: int, seed: int = 0) -> list[str]:
    """Distinct single sentences, pairs, triples and fragments: 5 to ~120 tokens."""
    by_lang = json.loads(FIXTURE.read_text(encoding="utf-8"))["sentences"]
    rng = random.Random(seed)
    out: list[str] = [s for lang in by_lang.values() for s in lang]
    seen = set(out)
    while len(out) < n:
        pool = by_lang[rng.choice(sorted(by_lang))]
        kind = rng.random()
        if kind < 0.35:  # a fragment, as a short quote
            words = rng.choice(pool).split()
            a = rng.randrange(len(words))
            text = " ".join(words[a : a + rng.randint(2, 8)])
        else:  # two or three sentences of one article
            text = " ".join(rng.sample(pool, 2 if kind < 0.8 else 3))
        if text not in seen:
            seen.add(text)
            out.append(text)
    rng.shuffle(out)
    return out[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=200)
    ap.add_argument("--threads", type=int, default=None, help="torch threads (default: cores)")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    t0 = time.perf_counter()
    import torch  # noqa: F401  (import cost is reported apart from the model load)
    import transformers  # noqa: F401

    from transcheck.encoders.e5 import E5Small, clear_model_cache

    t_import = time.perf_counter() - t0
    texts = make_sentences(args.sentences)

    with tempfile.TemporaryDirectory(prefix="transcheck-bench-") as cache:
        clear_model_cache()
        t0 = time.perf_counter()
        E5Small(cache_dir=cache, num_threads=args.threads)
        t_cold = time.perf_counter() - t0
        clear_model_cache()
        t0 = time.perf_counter()
        enc = E5Small(cache_dir=cache, num_threads=args.threads, batch_size=args.batch_size)
        t_warm = time.perf_counter() - t0

        enc.encode(texts[:4])  # warm-up: first-call allocations and kernel selection
        t0 = time.perf_counter()
        for t in texts:
            enc.encode([t])
        t_loop = time.perf_counter() - t0
        t0 = time.perf_counter()
        enc.encode(texts)
        t_batch = time.perf_counter() - t0

    ntok = [len(enc.tokenizer("query: " + t)["input_ids"]) for t in texts]
    mean_tok = sum(ntok) / len(ntok)
    print(f"sentences: {len(texts)} (tokens min/mean/max {min(ntok)}/{mean_tok:.0f}/{max(ntok)})")
    print(f"torch threads: {torch.get_num_threads()}")
    print(f"import torch+transformers: {t_import:.2f} s")
    print(f"cold start (convert + load): {t_cold:.2f} s")
    print(f"warm start (verified cache load): {t_warm:.2f} s")
    loop_rate, batch_rate = len(texts) / t_loop, len(texts) / t_batch
    print(f"(a) one at a time: {loop_rate:.1f} sentences/s")
    print(f"(b) length-sorted batches of {args.batch_size}: {batch_rate:.1f} sentences/s")
    print(f"batched / one-at-a-time: {batch_rate / loop_rate:.2f}x")


if __name__ == "__main__":
    main()
