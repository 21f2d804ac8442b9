"""The fast paths of extraction find exactly what the plain ones find.

Speaker search tries its case-insensitive patterns only around the head nouns and names
that a case-sensitive search of the lowercased text finds, titles are read from a short
window before a name, and langdetect's update loop runs on numpy arrays. None of that may
change a single result, so each is compared here with the plain computation.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from transcheck import langid
from transcheck.extract import speakers as sp

ROOT = Path(__file__).resolve().parents[2]

TRICKY = [
    "THE SENIOR RUSSIAN DIPLOMAT SAID the deputy foreign minister Sergei RYABKOV",
    "Official: the US State Department spokesperson, Ned Price, said one official said",
    # dotless ı, long ſ and the Kelvin sign match i, s and k without case
    "the deputy foreıgn mınıster ſaid, the \u212aremlin spokesperson, Peskov",
    "İstanbul: the İranian foreign minister, Zarif, said; one İnsider said",
    "ПО СЛОВАМ РЯБКОВА, замглавы МИД России Рябков; ОН сказал, как сказала ОНА",
    "По словам представителя МИД Захаровой и замминистра\tиностранных дел Рябкова",
    "მინისტრის მოადგილე სერგეი რიაბკოვი; რიაბკოვმა განაცხადა, მან თქვა",
    "معاون وزیر امور خارجه روسیه ریابکوف گفت و وی افزود که او",
    "a\u00a0diplomat, one\tsenior   source, the\nminister, the  -  envoy, U.S. envoy",
    "the Georgian ᲞᲠᲔᲛᲘᲔᲠᲘ and the old Cyrillic ᲀ Рябᲂᲃков",
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    for folder in ("seeds", "fixtures/articles", "fixtures/corpus_ru"):
        texts += [p.read_text("utf-8") for p in sorted((ROOT / folder).glob("*.txt"))]
    rnd = random.Random(5)
    words = " ".join(texts).split(" ")
    for _ in range(300):  # shuffled words: heads and names in odd company
        seps = [" ", "  ", "\t", " \n", "-", ", "]
        texts.append("".join(rnd.choice(words) + rnd.choice(seps)
                             for _ in range(rnd.randint(3, 40))))
    return texts


TEXTS = _texts()


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize(("plain", "fast"), [
    (sp.ROLE_RE, sp._ROLE_FINDER),
    (sp.ANONYMOUS_RE, sp._ANONYMOUS_FINDER),
    (sp.PRONOUN_RE, sp._PRONOUN_FINDER),
    (sp._gazetteer_regex(), sp._gazetteer_finder()),
], ids=["role", "anonymous", "pronoun", "gazetteer"])
def test_anchored_search_finds_what_the_pattern_finds(plain, fast) -> None:
    for text in TEXTS + [t.upper() for t in TEXTS[:40]]:
        assert _spans(fast.finditer(text)) == _spans(plain.finditer(text)), text[:80]


def test_case_variants_cover_what_ignorecase_equates() -> None:
    """A lowercased text is searched case-sensitively only when it holds no letter that
    re.IGNORECASE equates with another lowercase letter; the anchors hold none."""
    casefix = pytest.importorskip("re._casefix")
    for key, others in casefix._EXTRA_CASES.items():
        group = {chr(key), *map(chr, others)}
        unmarked = {c for c in group if not sp._CASE_VARIANTS.match(c)}
        assert len(unmarked) <= 1, group
    anchors = [*sp._gazetteer_stems(), *(w for ws in sp.lexicon.ROLE_HEADS.values() for w in ws),
               *sp.lexicon.SOURCE_HEADS, *(w for ws in sp.lexicon.PRONOUNS.values() for w in ws)]
    for word in anchors:
        low = word.lower()
        assert len(low) == len(word) and not sp._CASE_VARIANTS.search(low), word


def test_lowered_text_falls_back_when_case_mapping_changes_offsets() -> None:
    assert sp._lowered("İstanbul") is None  # İ lowercases to two characters
    assert sp._lowered("mınıster") is None
    assert sp._lowered("The Minister") == "the minister"


def _title_before_plain(text: str, pos: int) -> set[str]:
    return sp._title_words(w for _, w in sp._words_before(text, pos))[0]


def test_title_window_reads_what_the_whole_line_gives() -> None:
    for text in TEXTS:
        for m in re.finditer(r"\w+", text):
            assert sp._title_before(text, m.start()) == _title_before_plain(text, m.start())


def test_langdetect_fast_path_gives_langdetect_numbers() -> None:
    from langdetect import detector_factory

    langid._detect_langdetect("warm up the seeded factory with some text")
    rnd = random.Random(2)
    samples = [t[:400] for t in TEXTS[:60]] + [
        " ".join(rnd.choice(t.split() or ["x"]) for _ in range(12)) for t in TEXTS[:60]]
    for text in samples:
        got, want = [], []
        for out, fast in ((got, True), (want, False)):
            detector = detector_factory._factory.create()
            detector.n_trial = langid.N_TRIAL
            detector.append(text)
            try:
                found = langid._probabilities(detector) if fast else detector.get_probabilities()
            except Exception as exc:  # no features: both must say so
                out.append(type(exc).__name__)
            else:
                out.extend((lang.lang, lang.prob) for lang in found)
        assert got == want, text[:60]
