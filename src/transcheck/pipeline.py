"""The whole flow: articles -> quotes -> clusters -> scored pairs with drift -> Report.

``build_report`` is what ``transcheck report`` (and ``gate``) call; it returns data and
never prints, so that other programs can use it as a library.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager
from itertools import islice
from typing import Any, BinaryIO

from . import __version__
from .align import AlignConfig, Alignment, Link, _Vectors, align, cluster_id, words
from .drift import detect_drift, drift_summary
from .drift.tokens import tokenize
from .encode_ahead import EncodeAhead, EncodeBeside
from .encoders.base import Encoder, get_encoder
from .encoders.memo import MemoEncoder
from .executors import Executor
from .extract import extract
from .extract.names import spoken_language
from .ingest import Limits
from .metrics.lexical import Bleu, ChrF, Ter, not_comparable
from .metrics.semantic import SemanticSimilarity
from .spill import ClusterFile
from .store import Store, code_version, model_key, sha
from .types import Cluster, DriftSpan, PairResult, Quote, Report

Progress = Callable[[str, int, int], None]
PairSpec = tuple[Quote, Quote, "tuple[int, int] | None", "tuple[int, int] | None"]


def _shift(spans: Sequence[DriftSpan], da: int, db: int) -> tuple[DriftSpan, ...]:
    return tuple(DriftSpan(s.type, s.severity, s.a_start + da, s.a_end + da, s.b_start + db,
                           s.b_end + db, s.a_text, s.b_text, s.note) for s in spans)


def _choose_reference(members: list[int], quotes: Sequence[Quote],
                      links: dict[tuple[int, int], Link]) -> tuple[int, str]:
    speaker = quotes[members[0]].speaker
    original = spoken_language(speaker)
    if original:
        native = [i for i in members if quotes[i].lang == original]
        if native and len({quotes[i].lang for i in members}) > 1:
            best = max(native, key=lambda i: (len(quotes[i].text), -i))
            return best, f"original language ({original})"
    longest = max(len(words(quotes[i].text)) for i in members)
    full = [i for i in members if len(words(quotes[i].text)) >= 0.6 * longest]

    # one pass over the links: asking each member for its own made a cluster of
    # thousands of quotes cost members x links
    sims_of: dict[int, list[float]] = {}
    for (a, b), lk in links.items():
        sims_of.setdefault(a, []).append(lk.similarity)
        sims_of.setdefault(b, []).append(lk.similarity)

    def centrality(i: int) -> tuple[float, int, int]:
        sims = sims_of.get(i, [])
        return (sum(sims) / len(sims) if sims else 0.0, len(quotes[i].text), -i)

    return max(full, key=centrality), "medoid"


class Scorer:
    """Scores linked pairs: calibrated semantic divergence, lexical metrics, drift."""

    def __init__(self, encoder: Encoder, vectors: _Vectors, store: Store | None = None):
        self.encoder = encoder
        self.vectors = vectors
        self.semantic = SemanticSimilarity(encoder)
        self.metrics = (Bleu(), ChrF(), Ter())
        self.store = store
        self._memo: OrderedDict[tuple[str, str, str, str], dict[str, Any]] = OrderedDict()
        self._version = (code_version("drift", "metrics", "data") + model_key(encoder.signature())
                         if store is not None else "")
        #: lexical scores computed by other processes while this one aligns words
        self._lexical = _Lexical(())

    def _key(self, ta: str, tb: str, la: str, lb: str) -> str:
        return sha("\x1f".join([self._version, la, lb, ta, tb])) if self.store else ""

    def _window_scores(self, ta: str, tb: str, la: str, lb: str,
                       cos: float | None = None) -> dict[str, Any]:
        """Scores of two texts, cached in the store by content, model and code version,
        and in memory for the run (wire copies make the same pair recur across clusters)."""
        memo_key = (la, lb, ta, tb)
        hit = self._memo.get(memo_key)
        if hit is not None:
            self._memo.move_to_end(memo_key)
            return hit
        key = self._key(ta, tb, la, lb)
        if self.store is not None:
            hit = self.store.get_pair(key)
            if hit is not None:
                self._remember(memo_key, hit)
                return hit
        if cos is None:
            va, vb = self.vectors.get([ta, tb])
            cos = float(max(-1.0, min(1.0, float(va @ vb))))
        note = not_comparable(la, lb)
        lex = (None if note else self._lexical.get((la, ta, tb))) or [
            None if note else m.sentence_score(ta, tb, lang_ref=la, lang_hyp=lb).value
            for m in self.metrics]
        # the same words in the same language cannot drift: no word alignment needed
        spans = ([] if ta == tb and la == lb else
                 detect_drift(ta, tb, lang_a=la, lang_b=lb, encoder=self.encoder))
        result = {"cos": cos, "lex": lex, "note": note,
                  "risk": float(drift_summary(spans)["meaning_risk"]),
                  "drift": [[s.type, s.severity, s.a_start, s.a_end, s.b_start, s.b_end,
                             s.a_text, s.b_text, s.note] for s in spans]}
        if self.store is not None:
            self.store.put_pair(key, result)
        self._remember(memo_key, result)
        return result

    def _remember(self, key: tuple[str, str, str, str], result: dict[str, Any]) -> None:
        self._memo[key] = result
        if len(self._memo) > 50_000:
            self._memo.popitem(last=False)

    def _unscored(self, specs: Iterable[PairSpec]) -> Iterator[tuple[str, str, str, str]]:
        """Texts and languages of the pairs neither memo nor store has scores for, once each."""
        seen: set[tuple[str, str, str, str]] = set()
        for spec in specs:
            qa, qb = spec[0], spec[1]
            ta, tb = _texts(spec)
            key = (qa.lang, qb.lang, ta, tb)
            if (ta == tb and qa.lang == qb.lang) or key in self._memo or key in seen:
                continue
            seen.add(key)
            if self.store is not None and self.store.has_pair(self._key(ta, tb, qa.lang,
                                                                        qb.lang)):
                continue
            yield ta, tb, qa.lang, qb.lang

    def prefetch(self, specs: Sequence[PairSpec]) -> None:
        """Batched forward passes for the texts these pairs will need subword states of
        (word-level drift would otherwise run the model one text at a time)."""
        fetch = getattr(self.encoder, "prefetch_tokens", None)
        if fetch is not None:
            fetch([t for ta, tb, _, _ in self._unscored(specs) for t in (ta, tb)])

    def prefetch_words(self, specs: Iterable[PairSpec], executor: Executor | None = None
                       ) -> None:
        """One model call for every word drift may judge on its own vector in these pairs;
        with an ``executor`` whose tasks run in other processes, the lexical metrics of
        the same-language pairs go to it at once, to be computed while this process
        aligns words.

        Drift judges a same-language word swap on the two isolated words' vectors. A
        forward pass costs about the same for a few words as for thirty, so a call per
        chunk of pairs (hundreds of calls of a few words each) took a tenth of a run."""
        replaced: set[str] = set()
        lexical: list[tuple[str, str, str]] = []
        for ta, tb, la, lb in self._unscored(specs):
            if la == lb:
                replaced |= _replaced_words(ta, tb)
                if not not_comparable(la, lb):
                    lexical.append((la, ta, tb))
        remote = executor is not None and executor.remote
        if replaced and isinstance(self.encoder, MemoEncoder):
            if lexical and not remote:
                # the words go through the model in a second thread while this one computes
                # the lexical metrics, which need no model
                with EncodeBeside(self.encoder, sorted(replaced)) as beside:
                    scores = [[m.sentence_score(ta, tb, lang_ref=la, lang_hyp=la).value
                               for m in self.metrics] for la, ta, tb in lexical]
                    beside.finish()
                self._lexical = _Lexical([(lexical, scores)], lexical)
                return
            self.encoder.encode(sorted(replaced), tokens=False)
        if lexical and remote:
            chunks = [lexical[k:k + LEXICAL_CHUNK] for k in range(0, len(lexical),
                                                                   LEXICAL_CHUNK)]
            self._lexical = _Lexical(zip(chunks, executor.map_lazy(_lexical_scores, chunks),
                                         strict=True), lexical)

    def score_many(self, specs: Sequence[PairSpec], progress: Progress | None = None,
                   chunk: int = 256) -> list[PairResult]:
        """``pair`` for each spec, the model's work batched chunk by chunk."""
        return list(self.iter_scores(specs, progress, chunk))

    def iter_scores(self, specs: Iterable[PairSpec], progress: Progress | None = None,
                    chunk: int = 256, total: int | None = None) -> Iterator[PairResult]:
        """``score_many``, each result given as soon as it is computed. ``specs`` is read
        a chunk at a time (a large run's specs need not exist all at once); ``total`` is
        their number when ``specs`` has no length."""
        if total is None:
            total = len(specs) if isinstance(specs, Sized) else 0
        if isinstance(specs, Sequence):  # else the caller does it (it can read them twice)
            self.prefetch_words(specs)
        done = 0
        it = iter(specs)
        while part := list(islice(it, chunk)):
            self.prefetch(part)
            for qa, qb, wa, wb in part:
                result = self.pair(qa, qb, wa, wb)
                done += 1
                if progress:  # before the yield: a consumer may take the last and stop
                    progress("pairs scored", done, total)
                yield result

    def pair(self, qa: Quote, qb: Quote, wa: tuple[int, int] | None,
             wb: tuple[int, int] | None) -> PairResult:
        ta, tb = _texts((qa, qb, wa, wb))
        return self.finish((qa, qb, wa, wb), self._window_scores(ta, tb, qa.lang, qb.lang))

    def finish(self, spec: PairSpec, got: dict[str, Any]) -> PairResult:
        """The pair's result from the scores of its two texts (computed here or elsewhere)."""
        qa, qb, wa, wb = spec
        cos = got["cos"]
        sim = round(self.semantic.similarity(cos), 4)
        spans = _shift([DriftSpan(*d) for d in got["drift"]], wa[0] if wa else 0,
                       wb[0] if wb else 0)
        lex = got["lex"]
        return PairResult(qa.id, qb.id, wa, wb, round(cos, 4), sim, round(1.0 - sim, 4),
                          lex[0], lex[1], lex[2], got["note"], spans, round(got["risk"], 4))


#: Same-language pairs per task when the lexical metrics go to other processes.
LEXICAL_CHUNK = 256


def _lexical_scores(pairs: list[tuple[str, str, str]]) -> list[list[float | None]]:
    """BLEU, chrF and TER of ``(language, reference, rendering)`` pairs, where the executor
    runs it (pure Python, no model: any process computes the same numbers)."""
    metrics = (Bleu(), ChrF(), Ter())
    return [[m.sentence_score(ta, tb, lang_ref=lang, lang_hyp=lang).value for m in metrics]
            for lang, ta, tb in pairs]


class _Lexical:
    """Lexical scores as other processes return them, chunk by chunk, in the order
    scoring asks for them; a pair that was not sent is computed where it is asked for."""

    def __init__(self, chunks: Iterable[tuple[list[tuple[str, str, str]],
                                              list[list[float | None]]]],
                 sent: Iterable[tuple[str, str, str]] = ()):
        self._chunks = iter(chunks)
        self._sent = set(sent)
        self._got: dict[tuple[str, str, str], list[float | None]] = {}

    def get(self, key: tuple[str, str, str]) -> list[float | None] | None:
        if key not in self._sent:
            return None
        while key not in self._got:
            pairs, scores = next(self._chunks)
            self._got.update(zip(pairs, scores, strict=True))
        self._sent.discard(key)
        return self._got.pop(key)


#: For each cluster: its members, reference, why that one, and the pairs to score.
Planned = list[tuple[list[int], int, str, list[tuple[int, int, Any, Any]]]]


def plan(quotes: Sequence[Quote], alignment: Alignment) -> Planned:
    """For each cluster: its members, reference, and the linked pairs to score
    (reference, else the earlier quote, on side a)."""
    cluster_of = {i: k for k, members in enumerate(alignment.clusters) for i in members}
    links_of: dict[int, list[tuple[tuple[int, int], Link]]] = {}
    for key, link in sorted(alignment.links.items()):
        links_of.setdefault(cluster_of[key[0]], []).append((key, link))
    out = []
    for k, members in enumerate(alignment.clusters):
        mine = dict(links_of.get(k, []))
        ref, reason = _choose_reference(members, quotes, mine)
        specs = []
        for (i, j), link in links_of.get(k, []):
            a, b, wa, wb = (i, j, link.window_i, link.window_j)
            if j == ref:
                a, b, wa, wb = j, i, link.window_j, link.window_i
            specs.append((a, b, wa, wb))
        out.append((members, ref, reason, specs))
    return out


def _replaced_words(ta: str, tb: str) -> set[str]:
    """Words of either text missing from the other: those word-level drift may judge."""
    wa = {t.text for t in tokenize(ta) if t.kind == "word"}
    wb = {t.text for t in tokenize(tb) if t.kind == "word"}
    return wa ^ wb


def _texts(spec: PairSpec) -> tuple[str, str]:
    qa, qb, wa, wb = spec
    return (qa.text[wa[0]:wa[1]] if wa else qa.text, qb.text[wb[0]:wb[1]] if wb else qb.text)


# text a, text b, language a, language b, and their cosine as this process computed it (so
# that a worker's other batch shapes and thread count cannot move a rounded score)
TextPair = tuple[str, str, str, str, float]


def _score_batch(task: tuple[str | None, list[TextPair]]) -> list[dict[str, Any]]:
    """Runs where the executor puts it: the model is loaded once per process and kept.
    Only texts travel, and only scores come back: the parent keeps the store."""
    model, pairs = task
    scorer = _worker_scorer(model)
    replaced = {w for ta, tb, la, lb, _ in pairs if la == lb and ta != tb
                for w in _replaced_words(ta, tb)}
    if replaced and isinstance(scorer.encoder, MemoEncoder):
        scorer.encoder.encode(sorted(replaced), tokens=False)
    out = []
    for start in range(0, len(pairs), 256):
        part = pairs[start:start + 256]
        fetch = getattr(scorer.encoder, "prefetch_tokens", None)
        if fetch is not None:
            fetch([t for ta, tb, *_ in part for t in (ta, tb)])
        out.extend(scorer._window_scores(*p) for p in part)
    return out


_WORKER_SCORERS: dict[str | None, Scorer] = {}


def _worker_scorer(model: str | None) -> Scorer:
    if model not in _WORKER_SCORERS:
        encoder = MemoEncoder(get_encoder(model))
        _WORKER_SCORERS[model] = Scorer(encoder, _Vectors(encoder))
    return _WORKER_SCORERS[model]


def _score_remote(planned: list[Any], quotes: Sequence[Quote], scorer: Scorer,
                  executor: Executor, model: str | None,
                  progress: Progress | None) -> list[PairResult]:
    """Pairs the store does not know go to the executor, whole clusters per task (so a
    cluster's texts are encoded on one worker); their scores are stored here."""
    specs: list[PairSpec] = []
    got: list[dict[str, Any] | None] = []
    batches: list[list[int]] = [[]]
    for _, _, _, sp in planned:
        if len(batches[-1]) >= 64:
            batches.append([])
        for a, b, wa, wb in sp:
            spec = (quotes[a], quotes[b], wa, wb)
            ta, tb = _texts(spec)
            hit = (scorer.store.get_pair(scorer._key(ta, tb, quotes[a].lang, quotes[b].lang))
                   if scorer.store is not None else None)
            if hit is None:
                batches[-1].append(len(specs))
            specs.append(spec)
            got.append(hit)
    batches = [b for b in batches if b]
    def cosine(spec: PairSpec) -> float:
        va, vb = scorer.vectors.get(list(_texts(spec)))
        return float(max(-1.0, min(1.0, float(va @ vb))))

    tasks = [(model, [(*_texts(specs[k]), specs[k][0].lang, specs[k][1].lang,
                       cosine(specs[k])) for k in batch]) for batch in batches]
    for batch, scores in zip(batches, executor.map(_score_batch, tasks), strict=True):
        for k, score in zip(batch, scores, strict=True):
            got[k] = score
            if scorer.store is not None:
                qa, qb = specs[k][0], specs[k][1]
                scorer.store.put_pair(scorer._key(*_texts(specs[k]), qa.lang, qb.lang), score)
    if progress:
        progress("pairs scored", len(specs), len(specs))
    missing = [k for k, g in enumerate(got) if g is None]
    if missing:  # an executor that returned fewer results than it was given
        raise RuntimeError(f"{len(missing)} pairs came back unscored from the executor")
    return [scorer.finish(spec, g) for spec, g in zip(specs, got, strict=True)
            if g is not None]


def build_clusters(quotes: Sequence[Quote], alignment: Alignment, scorer: Scorer,
                   progress: Progress | None = None, executor: Executor | None = None,
                   model: str | None = None) -> list[Cluster]:
    return list(iter_clusters(quotes, alignment, scorer, progress, executor, model))


def iter_clusters(quotes: Sequence[Quote], alignment: Alignment, scorer: Scorer,
                  progress: Progress | None = None, executor: Executor | None = None,
                  model: str | None = None) -> Iterator[Cluster]:
    """The scored clusters in order, each given as soon as its last pair is scored, so
    that a run need not hold them all."""
    return iter_planned(quotes, plan(quotes, alignment), scorer, progress, executor, model)


def iter_planned(quotes: Sequence[Quote], planned: Planned, scorer: Scorer,
                 progress: Progress | None = None, executor: Executor | None = None,
                 model: str | None = None) -> Iterator[Cluster]:
    """:func:`iter_clusters` from the plan, which is all scoring needs: the caller may
    let the alignment's links go first (a million of them at 64,000 articles)."""
    results: Iterator[PairResult]
    if executor is not None and executor.scores_remotely:
        results = iter(_score_remote(planned, quotes, scorer, executor, model, progress))
    else:
        def specs() -> Iterator[PairSpec]:
            return ((quotes[a], quotes[b], wa, wb) for _, _, _, sp in planned
                    for a, b, wa, wb in sp)

        scorer.prefetch_words(specs(), executor)
        results = scorer.iter_scores(specs(), progress,
                                     total=sum(len(sp) for *_, sp in planned))
    for members, ref, reason, sp in planned:
        mine = list(islice(results, len(sp)))
        outlier = None
        if len(members) >= 3 and mine:
            far: dict[str, list[float]] = {}
            for r in mine:
                d = max(r.divergence, r.meaning_risk)
                far.setdefault(r.a, []).append(d)
                far.setdefault(r.b, []).append(d)
            ranked = sorted(far, key=lambda q: (-sum(far[q]) / len(far[q]), q))
            outlier = next((q for q in ranked if q != quotes[ref].id), None)
        elif len(members) == 2:
            outlier = next(quotes[i].id for i in members if i != ref)
        ids = [quotes[i].id for i in members]
        yield Cluster(cluster_id(quotes[ref].speaker, ids), quotes[ref].speaker, tuple(ids),
                      quotes[ref].id, reason, outlier, tuple(mine))


def signature(encoder: Encoder, scorer: Scorer, config: AlignConfig) -> dict[str, object]:
    bleu, chrf, ter = scorer.metrics
    return {
        "transcheck": __version__,
        "encoder": encoder.signature(),
        "calibration": scorer.semantic.calibration.signature(),
        "bleu": bleu.signature(), "chrf": chrf.signature(), "ter": ter.signature(),
        "align": {"link_similarity": config.link_similarity,
                  "fragment_ratio": config.fragment_ratio,
                  "max_window_clauses": config.max_window_clauses,
                  "min_semantic_words": config.min_semantic_words,
                  "date_window_days": config.date_window_days,
                  "include_unknown": config.include_unknown,
                  "exhaustive_block": config.exhaustive_block,
                  "neighbours": config.neighbours, "candidate_floor": config.candidate_floor},
    }


def build_report(paths: Iterable[str], *, speaker: str | None = None,
                 model: str | None = None, encoder: Encoder | None = None,
                 align_config: AlignConfig | None = None, limits: Limits | None = None,
                 stdin: BinaryIO | None = None, progress: Progress | None = None,
                 store: Store | None = None, executor: Executor | None = None,
                 keep_text: bool = True) -> Report:
    """Read, extract, align, score: the data behind every report format and the gate.

    With a ``store``, nothing already computed for the same content, model and code is
    computed again; an unchanged corpus gets its clusters back whole. ``keep_text=False``
    leaves the articles' texts out of the report (only the HTML report shows them), so a
    large corpus costs the memory of its quotes, not of its articles."""
    with _fewer_collections():
        return _build_report(paths, speaker, model, encoder, align_config, limits, stdin,
                             progress, store, executor, keep_text)


#: Allocations between young-generation collections while a report is built.
GC_ALLOCATIONS = 100_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """A report allocates millions of small acyclic objects (quotes, spans, decoded store
    records); at the default threshold (700) the cycle collector runs thousands of times
    and, on a warm rerun of a large corpus, takes a fifth of the time. Raising the
    threshold for the run (and restoring it) keeps collection without that cost."""
    old = gc.get_threshold()
    if old[0]:  # 0: the caller turned automatic collection off; leave it so
        gc.set_threshold(max(old[0], GC_ALLOCATIONS), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _build_report(paths: Iterable[str], speaker: str | None, model: str | None,
                  encoder: Encoder | None, align_config: AlignConfig | None,
                  limits: Limits | None, stdin: BinaryIO | None, progress: Progress | None,
                  store: Store | None, executor: Executor | None, keep_text: bool) -> Report:
    config = align_config or AlignConfig()
    encoder = MemoEncoder(encoder or get_encoder(model), store=store)
    encoder.progress = progress
    # the model starts on the quotes alignment will need while extraction goes on
    with EncodeAhead(encoder, config) as ahead:
        extraction = extract(paths, speaker=speaker, stdin=stdin, limits=limits, store=store,
                             executor=executor, progress=progress, keep_text=keep_text,
                             on_quotes=ahead.add)
        ahead.finish()
    vectors = _Vectors(encoder)
    scorer = Scorer(encoder, vectors, store)
    # one canonical order, so that the order of the inputs does not change the report
    docs_sorted = tuple(sorted(extraction.documents, key=lambda d: (d.id, d.path)))
    rank = {d.id: k for k, d in enumerate(docs_sorted)}
    quotes = tuple(sorted(extraction.quotes, key=lambda q: (rank[q.doc], q.start, q.end)))
    extraction = type(extraction)(docs_sorted, quotes, extraction.problems)
    documents = {d.id: d for d in extraction.documents}
    sig = signature(encoder, scorer, config)
    run_key = _run_key(sig, quotes, extraction.documents) if store is not None else ""
    # clusters go to a temporary file as they are finished: the report holds a few bytes
    # per cluster, however large the corpus (next to the cache, on disk, when there is
    # one: the system's temporary folder may be memory)
    clusters = ClusterFile(folder=str(store.folder) if store is not None else None)
    cached = store.get_run_json(run_key) if store is not None else None
    if cached is not None:  # the same quotes, model, settings and code: the same clusters
        for record in cached:
            clusters.append_json(record)
    else:
        planned = plan(quotes, align(quotes, documents, encoder, scorer.semantic.calibration,
                                     config, vectors))
        for cluster in iter_planned(quotes, planned, scorer, progress, executor, model):
            clusters.append(cluster)
        if store is not None:
            store.put_run_json(run_key, clusters.records())
    return Report(extraction.documents, quotes, clusters, extraction.problems, sig)


def _run_key(sig: dict[str, object], quotes: Sequence[Quote],
             documents: Sequence[Any]) -> str:
    """Everything alignment and scoring read: the quotes, the documents' dates, the
    settings and model (the signature), and the code that computes them.

    The hash of one JSON array, fed to the hash an element at a time: as one string, the
    array of a large corpus was the peak of a warm rerun's memory."""
    digest = hashlib.sha256()

    def put(text: str) -> None:
        digest.update(text.encode("utf-8", "surrogatepass"))

    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

    put(f"[{dumps(code_version('align.py', 'pipeline.py', 'drift', 'metrics', 'data'))}, "
        f"{dumps(sig)}, [")
    for k, q in enumerate(quotes):
        put((", " if k else "") + dumps([q.id, q.doc, q.outlet, q.lang, q.speaker, q.text,
                                         q.start, q.end, q.kind]))
    put("], [")
    for k, d in enumerate(documents):
        put((", " if k else "") + dumps([d.id, d.published]))
    put("]]")
    return digest.hexdigest()
