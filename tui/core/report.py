"""The documented JSON of the non-interactive commands: sources, matches, disputes."""

from __future__ import annotations

from tui.core.model import Analysis, Corpus, Dispute, Family, MatchGroup, Span
from tui.core.voices import count_voices, voice_map

Json = dict[str, object]


def sources(corpus: Corpus) -> list[Json]:
    """The "sources" list every JSON output opens with."""
    return [
        {
            "id": article.id,
            "outlet": article.outlet,
            "title": article.title,
            "date": article.date,
            "path": str(article.path) if article.path else None,
            "url": article.url,
            "language": article.language,
            "words": article.words,
        }
        for article in corpus.articles
    ]


def sources_document(corpus: Corpus) -> Json:
    """`kato-tui sources --json`."""
    return {"sources": sources(corpus)}


def _passage(span: Span, text: str, **extra: object) -> Json:
    """A stretch of one source: body[start:end] == text."""
    return {"source": span.article, "start": span.start, "end": span.end, "text": text, **extra}


def matches(analysis: Analysis) -> Json:
    """`kato-tui matches --json`: the sources, the copy families and the matched groups."""
    voice_of = voice_map(analysis.families)
    return {
        "sources": sources(analysis.corpus),
        "families": [_family(family) for family in analysis.families],
        "groups": [_group(group, voice_of) for group in analysis.groups],
    }


def _family(family: Family) -> Json:
    return {"sources": list(family.sources), "shared": family.shared, "wire": family.wire}


def _group(group: MatchGroup, voice_of: dict[str, str]) -> Json:
    """A matched group, with how many independent voices it has (copies of one text count once)
    and the links that joined its members (indices into `members`), each with its rule."""
    return {
        "id": group.id,
        "kind": group.kind,
        "wording": group.wording,
        "score": group.score,
        "independent": count_voices(group.articles, voice_of),
        "members": [_passage(m.span, m.text, speaker=m.speaker) for m in group.members],
        "links": [
            {"members": [link.left, link.right], "rule": link.rule, "reason": link.reason, "score": link.score}
            for link in group.links
        ],
    }


def disputes(analysis: Analysis) -> Json:
    """`kato-tui disputes --json`: the sources, the disputes, the claims one source alone makes,
    and apart from them the claims only the copies of one text make (a claim with a version in
    each copy): several outlets printed it, but no independent source says it."""
    alone = [claim for claim in analysis.uncorroborated if len({v.span.article for v in claim.versions}) == 1]
    copied = [claim for claim in analysis.uncorroborated if len({v.span.article for v in claim.versions}) > 1]
    return {
        "sources": sources(analysis.corpus),
        "disputes": [_dispute(dispute) for dispute in analysis.disputes],
        "uncorroborated": [_dispute(claim) for claim in alone],
        "one_text": [_dispute(claim) for claim in copied],
    }


def _dispute(dispute: Dispute) -> Json:
    return {
        "id": dispute.id,
        "kind": dispute.kind,
        "summary": dispute.summary,
        "why": dispute.why,
        "versions": [_passage(v.span, v.text, value=v.value) for v in dispute.versions],
    }
