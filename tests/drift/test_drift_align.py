"""Word alignment: the diff within a language, SimAlign across languages."""

from __future__ import annotations

from transcheck.drift.align import Alignment, align

SEED_A = ("elimination of everything that the alliance has created driven by anti-Russian "
          "phobias and misconceptions about Russian policy since 1997")
SEED_B = ("destroying everything the coalition has created since 1997 because of anti-Russian "
          "fears and misconceptions about Russian politics")


def pairs_text(al: Alignment) -> set[tuple[str, str]]:
    return {(al.a.tokens[p.i].text, al.b.tokens[p.j].text) for p in al.pairs}


def check_invariants(al: Alignment) -> None:
    seen_a = {p.i for p in al.pairs}
    seen_b = {p.j for p in al.pairs}
    for p in al.pairs:
        assert al.a.tokens[p.i].is_content and al.b.tokens[p.j].is_content
    assert set(al.unaligned_a) == set(al.a.content) - seen_a
    assert set(al.unaligned_b) == set(al.b.content) - seen_b
    assert al.pairs == sorted(al.pairs, key=lambda p: (p.i, p.j))


def test_same_language_without_encoder_uses_the_diff() -> None:
    al = align(SEED_A, SEED_B, lang_a="en", lang_b="en")
    check_invariants(al)
    assert al.method == "diff" and al.same_language
    got = pairs_text(al)
    assert {("everything", "everything"), ("anti-Russian", "anti-Russian"),
            ("alliance", "coalition"), ("policy", "politics")} <= got
    # "since 1997" moved from the end to the middle: linked, not dropped and re-added
    moved = {(al.a.tokens[p.i].text, p.kind) for p in al.pairs if p.kind == "moved"}
    assert {("since", "moved"), ("1997", "moved")} <= moved


def test_same_language_with_encoder_pairs_the_replaced_words(encoder) -> None:
    al = align(SEED_A, SEED_B, lang_a="en", lang_b="en", encoder=encoder)
    check_invariants(al)
    assert al.method == "diff+embeddings"
    got = pairs_text(al)
    assert ("elimination", "destroying") in got
    assert ("phobias", "fears") in got
    assert ("since", "since") in got and ("1997", "1997") in got


def test_cross_language_simalign(encoder) -> None:
    a = "The talks on strategic stability will resume in Geneva on 21 January."
    b = "Переговоры о стратегической стабильности возобновятся в Женеве двадцать первого января."
    al = align(a, b, lang_a="en", lang_b="ru", encoder=encoder)
    check_invariants(al)
    assert al.method == "simalign-itermax" and not al.same_language
    got = pairs_text(al)
    for pair in [("talks", "Переговоры"), ("strategic", "стратегической"),
                 ("stability", "стабильности"), ("Geneva", "Женеве"), ("January", "января")]:
        assert pair in got, (pair, sorted(got))
    ka = "სტრატეგიული სტაბილურობის შესახებ მოლაპარაკებები ჟენევაში 21 იანვარს განახლდება."
    al2 = align(a, ka, lang_a="en", lang_b="ka", encoder=encoder)
    got2 = pairs_text(al2)
    assert ("Geneva", "ჟენევაში") in got2 and ("21", "21") in got2


def test_cross_language_without_encoder_aligns_only_anchors() -> None:
    a = "Iran will export two billion cubic metres of gas to Iraq."
    b = "ایران دو میلیارد متر مکعب گاز به عراق صادر خواهد کرد."
    al = align(a, b, lang_a="en", lang_b="fa")
    check_invariants(al)
    assert al.method == "anchors"
    assert pairs_text(al) <= {("Iran", "ایران"), ("two", "دو"), ("Iraq", "عراق")}
    assert ("Iraq", "عراق") in pairs_text(al)
    assert align("a", "б", lang_a="en", lang_b="ru").method == "none"


def test_counterpart_span_points_into_the_other_text() -> None:
    al = align("NATO will expand further", "NATO will not expand further",
               lang_a="en", lang_b="en")
    i_expand = next(t.index for t in al.a.tokens if t.text == "expand")
    s, e = al.counterpart_span("a", i_expand)
    assert al.b.text[s:e] == "expand"
    j_not = next(t.index for t in al.b.tokens if t.text == "not")
    s, e = al.counterpart_span("b", j_not)
    assert s == e == al.a.text.index("will") + len("will")  # empty: "not" has no partner
