"""Command line: parse arguments, call one library function, render, map to an exit code.

This is the only module that knows about the terminal and exit codes; nothing imports it.
"""

from __future__ import annotations

import errno
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import __version__
from .cliusage import OneLineUsageGroup
from .errors import ExitCode, InputError, NoUsableInput, OutputError, TranscheckError
from .fsutil import atomic_write
from .types import Problem

if TYPE_CHECKING:
    from .report.base import Renderer

app = typer.Typer(
    name="transcheck",
    help="Find quotations in news articles, attribute them, and measure how renderings of "
    "one utterance drift across outlets and languages.\n\nExit codes: 0 success; 1 findings "
    "over the thresholds (gate); 2 usage, input or internal error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=OneLineUsageGroup,
)

_state = {"debug": False}
log = logging.getLogger("transcheck")


class ExtractFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"transcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                         help="More log output on stderr.")] = 0,
) -> None:
    _state["debug"] = debug
    level = logging.DEBUG if verbose >= 2 or debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="transcheck: %(message)s")


def _warn(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for p in problems:
        typer.echo(f"{'error' if p.severity == 'error' else 'warning'}: {p.render()}", err=True)


def _open_store(cache_dir: Path | None, disabled: bool):  # type: ignore[no-untyped-def]
    if disabled:
        return None
    from .store import Store

    return Store(cache_dir)


def _stdin():  # type: ignore[no-untyped-def]
    return getattr(sys.stdin, "buffer", None)


def _emit(renderer: Renderer, result: object, out: Path | None) -> None:
    """Writes the rendering piece by piece: a large report is never one string in memory."""
    _write_out(lambda write: renderer.write(result, write), out)


def _emit_text(text: str, out: Path | None) -> None:
    _write_out(lambda write: write(text), out)


def _write_out(fill: Callable[[Callable[[str], object]], None], out: Path | None) -> None:
    if out is None:
        try:
            fill(sys.stdout.write)
            sys.stdout.flush()
        except BrokenPipeError:
            # the reader stopped reading (`| head`): its choice, not a failure of the run;
            # the command still ends with its own exit code
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    try:
        atomic_write(out, fill)
    except OSError as exc:
        full = exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
        raise OutputError(f"cannot write the output ({exc.strerror or exc})", source=str(out),
                          hint="free disk space or write elsewhere; the previous file, if "
                               "any, is unchanged" if full else
                               "check that the folder exists and is writable") from exc


def _fail(exc: BaseException) -> NoReturn:
    if _state["debug"]:
        raise exc
    if isinstance(exc, TranscheckError):
        typer.echo(f"error: {exc.render()}", err=True)
    else:
        typer.echo(f"error: internal error: {type(exc).__name__}: {exc} "
                   "(rerun with --debug for a traceback, and report it) [E999]", err=True)
    raise typer.Exit(ExitCode.ERROR)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    """Every error is one line and exit 2, never a traceback (unless --debug); Ctrl-C
    exits 130. A command's own exit (``typer.Exit``) passes through untouched."""
    with _noting_interrupts() as interrupted:
        try:
            yield
        except typer.Exit:
            raise
        except Exception as exc:
            if not interrupted:  # a library that caught Ctrl-C and raised its own error
                _fail(exc)
        except KeyboardInterrupt:
            interrupted.append(True)
    if interrupted:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130)


@contextmanager
def _noting_interrupts() -> Iterator[list[bool]]:
    """Python raises Ctrl-C's KeyboardInterrupt wherever the program is, and when that is
    a finalizer (``__del__``, a generator being closed) it prints "Exception ignored" and
    goes on. The interrupt is noted as well, so that the command still ends with 130."""
    noted: list[bool] = []
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        yield noted  # someone else handles Ctrl-C here (a host program, a test runner)
        return

    def on_interrupt(signum: int, frame: object) -> None:
        noted.append(True)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield noted
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _require_documents(documents: tuple[object, ...]) -> None:
    if not documents:
        raise NoUsableInput("no usable article in the given inputs",
                            hint="check the paths and the messages above")


def _is_tty() -> bool:
    return sys.stdout.isatty()


@app.command("extract")
def extract_cli(
    paths: Annotated[list[str], typer.Argument(
        help="Articles: files (.txt, .html, .json, .jsonl), folders (read recursively), or - "
             "for standard input.", show_default=False)],
    speaker: Annotated[str | None, typer.Option(
        "--speaker", help="Keep one person's quotes; any spelling or script of the name.")] = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] =
        ExtractFormat.table,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.",
                                             dir_okay=False)] = None,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", min=1, help="Largest article accepted, in bytes.")] = 10_000_000,
    max_quote_chars: Annotated[int, typer.Option(
        "--max-quote-chars", min=1, help="Longest quote kept, in characters; a longer one "
        "is cut at a sentence or word end and reported (W204).")] = 5_000,
) -> None:
    """List every quotation: who said it, in which outlet and language, and where it stands."""
    from .extract import extract
    from .ingest import Limits
    from .report import get_renderer

    with _one_line_errors():
        # sys.stdin is None when the process was started with standard input closed
        result = extract(paths, speaker=speaker, stdin=getattr(sys.stdin, "buffer", None),
                         limits=Limits(max_bytes=max_bytes, max_quote_chars=max_quote_chars),
                         keep_text=False)  # no extraction format shows whole articles
        _warn(result.problems)
        _require_documents(result.documents)
        renderer = get_renderer("extraction", fmt.value, color=_is_tty() and out is None)
        _emit(renderer, result, out)


class CompareFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


@app.command("compare")
def compare_cli(
    a: Annotated[str | None, typer.Argument(help="First rendering: text, or a file holding it.",
                                           show_default=False)] = None,
    b: Annotated[str | None, typer.Argument(help="Second rendering: text, or a file.",
                                           show_default=False)] = None,
    pairs: Annotated[Path | None, typer.Option(
        "--pairs", help="Score many pairs: TSV with header id, a, b, or JSONL {id, a, b}.",
        exists=False, dir_okay=False)] = None,
    fmt: Annotated[CompareFormat | None, typer.Option(
        "--format", "-f", help="table (default for two texts) | json | jsonl (default for "
        "--pairs: a signature header line, then one line per pair in input order).")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", dir_okay=False,
                                             help="Write here instead of stdout.")] = None,
    model: Annotated[str | None, typer.Option(
        "--model", help="Encoder: e5-small (built in), a local folder, or a model name in "
        "the local Hugging Face cache.")] = None,
) -> None:
    """How far two renderings of a quote diverge, in meaning and in wording."""
    from .compare import Pair, compare_pairs, read_pairs, read_text_arg
    from .errors import UsageError
    from .report import get_renderer

    with _one_line_errors():
        if pairs is not None:
            if a is not None or b is not None:
                raise UsageError("give either two texts or --pairs FILE, not both")
            try:
                data = pairs.read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read the pairs file ({exc.strerror})",
                                 source=str(pairs), hint="check the path") from exc
            items = list(read_pairs(str(pairs), data))
            default = "jsonl"
        else:
            if a is None or b is None:
                raise UsageError("compare needs two texts (or files), or --pairs FILE",
                                 hint="see transcheck compare --help")
            items = [Pair("pair", read_text_arg(a), read_text_arg(b))]
            default = "table"
        result = compare_pairs(items, model=model)
        for e in result.errors:
            typer.echo(f"warning: {e.message}; row skipped [E116]", err=True)
        renderer = get_renderer("comparison", fmt.value if fmt else default,
                                color=_is_tty() and out is None)
        _emit(renderer, result, out)
        if not result.scores:
            raise typer.Exit(ExitCode.ERROR)


@app.command("calibrate")
def calibrate_cli(
    pairs: Annotated[Path, typer.Argument(help="Labelled pairs: JSONL with a, b, label, target.",
                                          dir_okay=False, show_default=False)],
    model: Annotated[str | None, typer.Option("--model", help="Encoder to calibrate.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", dir_okay=False,
                                             help="Write here instead of stdout.")] = None,
) -> None:
    """Fit the semantic-similarity calibration of a model on labelled pairs (prints JSON)."""
    from .compare import calibrate
    from .metrics.calibration import to_json
    from .report.jsonout import dumps

    with _one_line_errors():
        try:
            data = pairs.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read the pairs file ({exc.strerror})",
                             source=str(pairs), hint="check the path") from exc
        cal = calibrate(str(pairs), data, model=model)
        _emit_text(dumps({cal.model_id: to_json(cal)}), out)


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


def _progress(enabled: bool):  # type: ignore[no-untyped-def]
    """Rich progress bars on stderr when it is a terminal; nothing otherwise.

    One bar per stage (documents read, texts encoded, pairs scored) with its rate and the
    estimated time left; a stage whose total is not known yet (a stream) shows a pulse."""
    if not enabled or not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                   TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    tasks: dict[str, object] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total or None, rate="")
        task = tasks[stage]
        speed = bar.tasks[task].speed  # type: ignore[index]
        bar.update(task, completed=done, total=total or None,  # type: ignore[arg-type]
                   rate=f"{speed:,.1f}/s" if speed else "")

    return bar, update


def _executor(name: str, scheduler: str | None, jobs: int | None,  # type: ignore[no-untyped-def]
              score_in_workers: bool = False):
    from .executors import get_executor

    return get_executor(name, scheduler, jobs, score_in_workers=score_in_workers)


ExecutorOption = Annotated[str, typer.Option(
    "--executor", help="local (this process), processes (a pool of local processes, one per "
    "core) or dask (a Dask cluster, see --scheduler).")]
SchedulerOption = Annotated[str | None, typer.Option(
    "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")]
JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, help="Worker processes for --executor processes (default: one per "
    "core).")]
WorkerScoringOption = Annotated[bool, typer.Option(
    "--score-in-workers", help="With --executor processes, score pairs in the workers too "
    "(each loads the model): for machines with more cores than one process's model work "
    "uses. By default the pool extracts and this process scores.")]


@app.command("report")
def report_cli(
    paths: Annotated[list[str], typer.Argument(
        help="Articles: files, folders, or - for standard input.", show_default=False)],
    speaker: Annotated[str | None, typer.Option(
        "--speaker", help="Only this person's quotes; any spelling or script.")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] =
        ReportFormat.table,
    out: Annotated[Path | None, typer.Option("--out", "-o", dir_okay=False,
                                             help="Write here instead of stdout.")] = None,
    model: Annotated[str | None, typer.Option(
        "--model", help="Encoder: e5-small (built in), a local folder, or a model name in "
        "the local Hugging Face cache.")] = None,
    no_progress: Annotated[bool, typer.Option("--no-progress",
                                              help="No progress bars on stderr.")] = False,
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", min=1, help="Largest article accepted, in bytes.")] = 10_000_000,
    max_quote_chars: Annotated[int, typer.Option(
        "--max-quote-chars", min=1, help="Longest quote kept, in characters; a longer one "
        "is cut at a sentence or word end and reported (W204).")] = 5_000,
    cache_dir: Annotated[Path | None, typer.Option(
        "--cache-dir", help="Where embeddings, extractions and scores are kept between runs "
        "(default: the user cache folder, or TRANSCHECK_CACHE_DIR).", file_okay=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache",
                                           help="Compute everything again; keep nothing.")] = False,
    executor: ExecutorOption = "local",
    scheduler: SchedulerOption = None,
    jobs: JobsOption = None,
    score_in_workers: WorkerScoringOption = False,
) -> None:
    """Every utterance of every speaker, its renderings side by side, and how they drift."""
    from .ingest import Limits
    from .pipeline import build_report
    from .report import get_renderer

    bar, update = _progress(not no_progress)
    with _one_line_errors():
        if bar is not None:
            bar.start()
        try:
            store = _open_store(cache_dir, no_cache)
            runner = _executor(executor, scheduler, jobs, score_in_workers)
            try:
                result = build_report(paths, speaker=speaker, model=model, stdin=_stdin(),
                                      limits=Limits(max_bytes=max_bytes,
                                                    max_quote_chars=max_quote_chars),
                                      progress=update, store=store, executor=runner,
                                      keep_text=fmt is ReportFormat.html)
            finally:
                runner.close()
        finally:
            if bar is not None:
                bar.stop()
        _warn(result.problems)
        _warn(store.problems if store is not None else [])
        _require_documents(result.documents)
        renderer = get_renderer("report", fmt.value, color=_is_tty() and out is None)
        _emit(renderer, result, out)


class GateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


@app.command("gate", epilog="Exit codes: 0 nothing at or above --fail-on; 1 findings at or "
             "above --fail-on (new ones, when a baseline is given); 2 usage, configuration, "
             "input or internal error.")
def gate_cli(
    paths: Annotated[list[str], typer.Argument(
        help="Articles: files, folders, or - for standard input.", show_default=False)],
    config_file: Annotated[Path | None, typer.Option(
        "--config", help="transcheck.toml or pyproject.toml; default: found by walking up "
        "from the working folder.", dir_okay=False)] = None,
    max_divergence: Annotated[float | None, typer.Option(
        "--max-divergence", help="Semantic divergence threshold (0..1) for rule TC101.")] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="Lowest finding level that fails the build (default: error).")] = None,
    baseline: Annotated[Path | None, typer.Option(
        "--baseline", help="Suppress the findings recorded in this file; fail only on new "
        "ones.", dir_okay=False)] = None,
    write_baseline: Annotated[Path | None, typer.Option(
        "--write-baseline", help="Record the current findings here (sorted JSON).",
        dir_okay=False)] = None,
    fmt: Annotated[GateFormat, typer.Option("--format", "-f", help="Output format.")] =
        GateFormat.text,
    out: Annotated[Path | None, typer.Option("--out", "-o", dir_okay=False,
                                             help="Write here instead of stdout.")] = None,
    no_progress: Annotated[bool, typer.Option("--no-progress",
                                              help="No progress bars on stderr.")] = False,
    cache_dir: Annotated[Path | None, typer.Option(
        "--cache-dir", help="Where results are kept between runs.", file_okay=False)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache",
                                           help="Compute everything again; keep nothing.")] = False,
    executor: ExecutorOption = "local",
    scheduler: SchedulerOption = None,
    jobs: JobsOption = None,
    score_in_workers: WorkerScoringOption = False,
) -> None:
    """Fail a build when a rendering drifts beyond what the team accepts."""
    from .config import load_config
    from .gate import baseline_text, run_gate
    from .report import get_renderer

    bar, update = _progress(not no_progress)
    with _one_line_errors():
        config = load_config(path=config_file, overrides={
            "thresholds.divergence": max_divergence,
            "fail_on": fail_on.value if fail_on else None})
        if bar is not None:
            bar.start()
        try:
            store = _open_store(cache_dir, no_cache)
            runner = _executor(executor, scheduler, jobs, score_in_workers)
            try:
                result = run_gate(paths, config, baseline=baseline, stdin=_stdin(),
                                  progress=update, store=store, executor=runner)
            finally:
                runner.close()
        finally:
            if bar is not None:
                bar.stop()
        _warn(result.report.problems)
        _warn(store.problems if store is not None else [])
        _require_documents(result.report.documents)
        if write_baseline is not None:
            _emit_text(baseline_text(result), write_baseline)  # E120 when it cannot be written
        _emit(get_renderer("gate", fmt.value), result, out)
    raise typer.Exit(0 if write_baseline is not None else result.exit_code)


cache_app = typer.Typer(help="Inspect or clear the cache of embeddings, extractions and scores.",
                        no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info_cli(
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", file_okay=False,
                                                   help="The cache folder.")] = None,
) -> None:
    """Where the cache is, how big, and what it holds."""
    from .encoders.e5 import cache_root
    from .report.jsonout import dumps
    from .store import Store

    with _one_line_errors():
        info = Store(cache_dir).info()
        info["models"] = str(cache_root(cache_dir))
        _emit_text(dumps(info), None)


@cache_app.command("clear")
def cache_clear_cli(
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", file_okay=False,
                                                   help="The cache folder.")] = None,
) -> None:
    """Forget every stored embedding, extraction and score (the converted model stays)."""
    from .store import Store

    with _one_line_errors():
        store = Store(cache_dir)
        store.clear()
        typer.echo(f"cleared {store.path}", err=True)


def main() -> None:
    try:
        app()
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        sys.exit(0)
