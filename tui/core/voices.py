"""Voices: copies of one text (a copy family, see tui.core.families) speak with one voice. Counting by voices
needs only the families found, not what finds them, and so none of its imports (the reader's start counts them)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tui.core.model import Family


def family_of(article_id: str, families: Iterable[Family]) -> Family | None:
    """The family the article is a copy in, or None when it is nobody's copy."""
    return next((family for family in families if article_id in family.sources), None)


def voice(article_id: str, families: Iterable[Family]) -> str:
    """Whose voice the article is: its family's first source when it is a copy, else itself."""
    family = family_of(article_id, families)
    return family.sources[0] if family else article_id


def voices(articles: Iterable[str], families: Iterable[Family]) -> int:
    """How many independent voices the articles are: copies of one text count once ("3 sources,
    2 independent"). `articles` may be a group's articles (MatchGroup.articles) or any ids."""
    return count_voices(articles, voice_map(families))


def count_voices(articles: Iterable[str], voice_of: Mapping[str, str]) -> int:
    """`voices` with the families' `voice_map` made once, for counting many groups."""
    return len({voice_of.get(article, article) for article in articles})


def voice_map(families: Iterable[Family]) -> dict[str, str]:
    """Each family member's voice (its family's first source), for looking many up: an article
    that is in no family is its own voice (``voice_of.get(article, article)``)."""
    return {member: family.sources[0] for family in families for member in family.sources}
