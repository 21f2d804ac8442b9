"""Lexical metrics: sacrebleu scores and signatures, and no numbers across languages."""

from sacrebleu.metrics import BLEU

from transcheck.metrics.lexical import Bleu, ChrF, Ter


def test_bleu_matches_sacrebleu_directly() -> None:
    ref, hyp = "NATO will not expand further", "NATO will not expand any further"
    ours = Bleu().sentence_score(ref, hyp, lang_ref="en", lang_hyp="en")
    direct = BLEU(effective_order=True).sentence_score(hyp, [ref]).score
    assert ours.value == round(direct, 4)
    assert "eff:yes" in ours.signature and "version:" in ours.signature


def test_identical_texts_score_perfectly() -> None:
    t = "The conversation was difficult, but businesslike."
    assert Bleu().sentence_score(t, t, lang_ref="en", lang_hyp="en").value == 100.0
    assert ChrF().sentence_score(t, t, lang_ref="en", lang_hyp="en").value == 100.0
    assert Ter().sentence_score(t, t, lang_ref="en", lang_hyp="en").value == 0.0


def test_cross_language_pairs_get_no_number_and_a_reason() -> None:
    for metric in (Bleu(), ChrF(), Ter()):
        r = metric.sentence_score("NATO will not expand", "НАТО не будет расширяться",
                                  lang_ref="en", lang_hyp="ru")
        assert r.value is None
        assert "cross-language" in r.reason


def test_chrf_is_chrf_plus_plus() -> None:
    assert "nw:2" in ChrF().signature()
