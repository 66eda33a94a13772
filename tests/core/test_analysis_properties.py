"""Properties of the analysis, checked on generated text: segment offsets always point at their
text, and facts, alignment and disputes never raise, whatever the articles hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.analysis import analyse
from tui.core.facts import extract_facts
from tui.core.model import Article, Corpus
from tui.core.segment import segment

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# News-like pieces: words, names, figures, dates, times, quotes, dashes and line breaks, so that
# generated bodies reach the patterns the core reads (and their edges), not only random letters.
PIECES = st.sampled_from(
    [
        "Police", "said", "12", "people", "were", "injured", "killed", "at least", "nearly", "$1, 099",
        "$1.13 trillion", "110bn euros ($141bn)", "a few hours", "hundreds of", "several dozen", "youths",
        "on Monday", "yesterday", "May 5, 2010", "--", "2:53 p.m.", "around 10 a.m.", "noon", "in Saginaw",
        "near Bay City", "at the scene", "Mr.", "Jane Doe", "Doe", "Finance Minister", "Sheriff", '"', "“", "”",
        "'", ",", ".", "?", ";", ":", "(", ")", "\n", "\n\n", "In February,", "13-inch", 'the 15"', "0", "000",
        "Updated 5 p.m. EST", "By Jane Doe, Reuters", "Read more", "x", "×", "by", "of the", "\u00a0", "\u2028",
    ]
)
BODIES = st.one_of(
    st.lists(PIECES, min_size=1, max_size=60).map(" ".join),
    st.text(min_size=1, max_size=300),
).filter(lambda body: body.strip())


@SETTINGS
@given(BODIES)
def test_segment_offsets_point_at_their_text(body: str) -> None:
    """Every segment's span is inside the body and its text is body[start:end]."""
    article = Article("a", "a", body)
    for found in segment(article):
        assert 0 <= found.span.start <= found.span.end <= len(body)
        assert body[found.span.start : found.span.end] == found.text


@SETTINGS
@given(BODIES)
def test_facts_point_at_their_text_and_never_raise(body: str) -> None:
    """Every fact's text is body[start:end], and a figure's range is never empty."""
    for fact in extract_facts(Article("a", "a", body)):
        assert body[fact.span.start : fact.span.end] == fact.text
        if fact.quantity is not None and fact.quantity.low is not None and fact.quantity.high is not None:
            assert fact.quantity.low <= fact.quantity.high


@SETTINGS
@given(BODIES, BODIES, st.sampled_from([None, "2010-05-05", "0001-01-01", "9999-12-31", "May 2nd", "2012-13-45"]))
def test_the_analysis_never_raises_and_its_versions_point_at_their_text(one: str, other: str, date: str | None) -> None:
    """Two generated articles, one with an odd date: the analysis finishes, and every version of
    every dispute and claim is its article's text at its offsets."""
    corpus = Corpus("story", (Article("a", "a", one, date=date), Article("b", "b", other)))
    analysis = analyse(corpus)
    bodies = {"a": one, "b": other}
    for found in (*analysis.disputes, *analysis.uncorroborated):
        for version in found.versions:
            assert bodies[version.span.article][version.span.start : version.span.end] == version.text
