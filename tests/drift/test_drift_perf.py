"""Speed: a pair of 40-word quotes, given a loaded encoder."""

from __future__ import annotations

import time

from transcheck.drift import detect_drift

A = ("We need legally binding guarantees that NATO will not expand further east, and "
     "Washington should answer all eight articles of our draft in writing within two weeks, "
     "said the deputy minister after the talks in Geneva on Monday.")
B = ("We require legally binding assurances that NATO will not enlarge further eastward, and "
     "Washington must reply in writing to all six articles of our draft within two weeks, "
     "the deputy minister said after the talks in Vienna on Monday.")
RU = ("Нам нужны юридически обязывающие гарантии того, что НАТО не будет расширяться дальше "
      "на восток, и Вашингтон должен письменно ответить на все восемь статей нашего проекта в "
      "течение двух недель, заявил замминистра после переговоров в Женеве в понедельник.")


def _best_of(n: int, fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def test_forty_word_pair_is_fast_once_the_texts_are_encoded(encoder) -> None:
    """Everything but the model's forward passes (two per pair, one per text; they are
    cached, as they would be when one reference is compared with many renderings) must take
    well under 100 ms; measured 5-20 ms."""
    assert 35 <= len(A.split()) <= 45
    for b, lang in ((B, "en"), (RU, "ru")):
        detect_drift(A, b, lang_a="en", lang_b=lang, encoder=encoder)  # encode once
        took = _best_of(3, lambda b=b, lang=lang: detect_drift(
            A, b, lang_a="en", lang_b=lang, encoder=encoder))
        assert took < 0.1, f"{lang}: {took * 1000:.0f} ms"


def test_each_text_is_encoded_once_per_call(encoder) -> None:
    """One forward pass per text and call (the call wraps the encoder in a cache)."""
    calls: list[str] = []
    inner = encoder.inner
    real = inner.token_embeddings

    def counted(text: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        return real(text)

    inner.token_embeddings = counted  # type: ignore[method-assign]
    try:
        detect_drift(A, RU + " ", lang_a="en", lang_b="ru", encoder=inner)
        detect_drift(A + " ", B + " ", lang_a="en", lang_b="en", encoder=inner)
    finally:
        del inner.token_embeddings
    assert sorted(calls) == sorted([A, RU + " ", A + " ", B + " "])
