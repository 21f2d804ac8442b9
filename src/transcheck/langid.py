"""Language identification: Unicode script first, then seeded langdetect.

langdetect has no Georgian profile (it calls Georgian Estonian with near certainty) and
is unreliable on short strings, so the script decides wherever it can, and a string too
short to tell inherits the language of its article.
"""

from __future__ import annotations

import functools
import math
import threading
import unicodedata
from collections import Counter
from typing import Any

UNDETERMINED = "und"

#: (first, last, script) code point ranges for scripts that name a language (or a family).
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"), (0x1C80, 0x1C8F, "Cyrillic"), (0x2DE0, 0x2DFF, "Cyrillic"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"), (0xFB13, 0xFB17, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"), (0xFB1D, 0xFB4F, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"),
    (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
    (0x10A0, 0x10FF, "Georgian"), (0x2D00, 0x2D2F, "Georgian"), (0x1C90, 0x1CBF, "Georgian"),
    (0x0E00, 0x0E7F, "Thai"), (0x0900, 0x097F, "Devanagari"),
    (0x3040, 0x30FF, "Kana"), (0xAC00, 0xD7AF, "Hangul"), (0x1100, 0x11FF, "Hangul"),
    (0x4E00, 0x9FFF, "Han"),
)

_SCRIPT_LANG = {"Greek": "el", "Armenian": "hy", "Hebrew": "he", "Georgian": "ka",
                "Thai": "th", "Kana": "ja", "Hangul": "ko"}

_PERSIAN = set("پچژگکی")  # letters Arabic does not use
_URDU = set("ٹڈڑںےھ")
_UKRAINIAN = set("іїєґІЇЄҐ")
_BELARUSIAN = set("ўЎ")
_SERBIAN = set("ђћџљњјЂЋЏЉЊЈ")
_MACEDONIAN = set("ѓќѕЃЌЅ")
_KAZAKH = set("әғқңөұүһӘҒҚҢӨҰҮҺ")

#: Fewer letters than this, and langdetect is a coin toss.
MIN_LETTERS = 24
MIN_PROB = 0.80

_lock = threading.Lock()
_factory_ready = False


@functools.lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    cp = ord(ch)
    for lo, hi, name in _RANGES:
        if lo <= cp <= hi:
            return name
    if ch.isalpha() and cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF:
        return "Latin"
    return None


def script_profile(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    # each distinct character once, in order of first appearance (so the scripts are, too)
    for ch, n in Counter(text).items():
        if ch.isalpha() or unicodedata.category(ch) == "Mn":
            name = _script(ch)
            if name:
                counts[name] += n
    return counts


#: Letters of one language of a script must be at least this share of the script's
#: letters: one «Українська правда» must not make a Russian article Ukrainian.
_MARKER_SHARE = 0.01


def _by_script(text: str, script: str, count: int = 0) -> str | None:
    chars = set(text)

    def marked(letters: set[str]) -> bool:
        hits = sum(1 for ch in text if ch in letters) if chars & letters else 0
        return hits > 0 and hits >= count * _MARKER_SHARE

    if script in _SCRIPT_LANG:
        return _SCRIPT_LANG[script]
    if script == "Arabic":
        if marked(_URDU) and "ژ" not in chars:
            return "ur"
        return "fa" if marked(_PERSIAN) else "ar"
    if script == "Cyrillic":
        for letters, lang in ((_UKRAINIAN, "uk"), (_BELARUSIAN, "be"), (_SERBIAN, "sr"),
                              (_MACEDONIAN, "mk"), (_KAZAKH, "kk")):
            if marked(letters):
                return lang
        return "ru"
    if script == "Han":
        return "zh"
    if script == "Devanagari":
        return "hi"
    return None


#: langdetect averages this many random trials (its default is 7); three keep the answer
#: on quote-length text and make identification twice as fast on quote-heavy articles.
N_TRIAL = 3


#: langdetect's per-language probabilities of each n-gram, as arrays (filled on demand).
_ROWS: dict[str, Any] = {}
_MAX_ROWS = 20_000  # of langdetect's 87,598 n-grams; about 12 MB


def _probabilities(detector: Any) -> list[Any]:
    """``detector.get_probabilities()``, the very same numbers, faster.

    langdetect multiplies the probabilities of its 55 languages by those of a random
    n-gram of the text, thousands of times per text, in a Python loop over the languages.
    Here each update is one numpy operation. The random draws and their order are
    langdetect's, and so is every floating-point operation: elementwise sums, products
    and quotients round exactly as Python's do, and the normalising sum is Python's
    ``sum`` over Python floats, as in langdetect."""
    import numpy as np
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    detector.cleaning_text()
    ngrams = detector._extract_ngrams()
    if not ngrams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    word_probs = detector.word_lang_prob_map
    rnd = detector.random
    rnd.seed(detector.seed)
    langprob = np.zeros(len(detector.langlist))
    for _ in range(detector.n_trial):
        prob = np.array(detector._init_probability(), dtype=np.float64)
        alpha = detector.alpha + rnd.gauss(0.0, 1.0) * detector.ALPHA_WIDTH
        weight = alpha / detector.BASE_FREQ
        i = 0
        while True:
            word = rnd.choice(ngrams)
            if word is not None and word in word_probs:
                row = _ROWS.get(word)
                if row is None:
                    if len(_ROWS) >= _MAX_ROWS:
                        _ROWS.clear()
                    row = _ROWS[word] = np.array(word_probs[word], dtype=np.float64)
                prob *= weight + row
            if i % 5 == 0:
                total = sum(prob.tolist())
                if not 0.0 < total < math.inf:  # never seen; langdetect's own code then
                    detector.langprob = None
                    return detector.get_probabilities()  # type: ignore[no-any-return]
                prob /= total
                if max(0.0, float(prob.max())) > detector.CONV_THRESHOLD or \
                        i >= detector.ITERATION_LIMIT:
                    break
            i += 1
        langprob += prob / detector.n_trial
    detector.langprob = langprob.tolist()
    return detector._sort_probability(detector.langprob)  # type: ignore[no-any-return]


def _detect_langdetect(text: str) -> tuple[str, float] | None:
    global _factory_ready
    from langdetect import DetectorFactory, detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    with _lock:
        if not _factory_ready:
            DetectorFactory.seed = 0  # langdetect is random unless seeded
            detector_factory.init_factory()
            _factory_ready = True
        try:
            detector = detector_factory._factory.create()  # type: ignore[union-attr]
            detector.n_trial = N_TRIAL
            detector.append(text)
            best = _probabilities(detector)
        except LangDetectException:
            return None
    if not best:
        return None
    return best[0].lang, best[0].prob


@functools.lru_cache(maxsize=65536)
def identify(text: str, *, fallback: str = UNDETERMINED) -> str:
    """ISO 639-1 code of ``text``; ``fallback`` when it is too short or unclear to tell."""
    profile = script_profile(text)
    letters = sum(profile.values())
    if not letters:
        return fallback
    script, count = profile.most_common(1)[0]
    if script != "Latin" and count / letters >= 0.5:
        lang = _by_script(text, script, count)
        if lang:
            return lang
    if letters < MIN_LETTERS:
        return fallback
    got = _detect_langdetect(text)
    if got is None or got[1] < MIN_PROB:
        return fallback
    lang = got[0].split("-")[0]
    return lang
