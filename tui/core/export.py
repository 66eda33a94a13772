"""Exporting notes: Markdown with YAML front matter, W3C Web Annotation JSON-LD, and a self-contained HTML page.

Every function here is pure and deterministic: the same corpus, notes and date give the same text.
Notes are listed in reading order (the corpus's article order, then where the passage is now) and
numbered 1, 2, ... in that order in every format. Where a passage is now comes from `anchor()`:
a note whose passage is gone is marked orphaned, never dropped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

from tui.core.colours import colour_groups
from tui.core.corpus import corpus_key
from tui.core.model import Analysis, Article, Corpus, Dispute, MatchGroup, Note, Span
from tui.core.notes import Anchor, anchor_notes, dumps

FORMATS = ("md", "json", "html")
FORMAT_NAMES = {"md": "Markdown", "json": "JSON", "html": "HTML"}
"""Each format as a person names it."""
EXTENSIONS = {".md": "md", ".markdown": "md", ".json": "json", ".jsonld": "json", ".html": "html", ".htm": "html"}
"""The file extensions that name a format (any case)."""
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


# What every format shares ------------------------------------------------------------------------


@dataclass(frozen=True)
class Noted:
    """A note with what the exports show next to it."""

    number: int
    note: Note
    article: Article | None
    """None when the note's article is no longer in the corpus."""
    anchor: Anchor
    group: MatchGroup | None = None
    dispute: Dispute | None = None


def noted(corpus: Corpus, notes: Iterable[Note], analysis: Analysis | None = None) -> list[Noted]:
    """The notes in reading order, numbered from 1, each with its anchor, match group and dispute."""
    notes = list(notes)
    anchors = anchor_notes(notes, corpus)
    order = {article.id: index for index, article in enumerate(corpus.articles)}

    def place(note: Note) -> tuple[int, int, str, str]:
        span = anchors[note.id].span
        return (order.get(note.article, len(order)), span.start if span else note.start, note.created, note.id)

    result = []
    for number, note in enumerate(sorted(notes, key=place), 1):
        article = _article(corpus, note.article)
        span = anchors[note.id].span
        group = _group_for(note, span, analysis)
        dispute = _dispute_for(note, span, analysis)
        result.append(Noted(number, note, article, anchors[note.id], group, dispute))
    return result


def _article(corpus: Corpus, article_id: str) -> Article | None:
    try:
        return corpus.article(article_id)
    except KeyError:
        return None


def _group_for(note: Note, span: Span | None, analysis: Analysis | None) -> MatchGroup | None:
    """The match group with a member on the passage, the note's own group first. Group ids are
    renumbered when the analysis changes, so the id alone could name another passage's group."""
    if span is None or analysis is None:
        return None
    touching = [group for group in analysis.groups if any(m.span.overlaps(span) for m in group.members)]
    touching.sort(key=lambda group: (group.id != note.group, -max(_overlap(m.span, span) for m in group.members)))
    return touching[0] if touching else None


def _dispute_for(note: Note, span: Span | None, analysis: Analysis | None) -> Dispute | None:
    """The note's dispute, when one of its versions is still on the passage."""
    if span is None or analysis is None or note.dispute is None:
        return None
    for dispute in analysis.disputes:
        if dispute.id == note.dispute and any(version.span.overlaps(span) for version in dispute.versions):
            return dispute
    return None


def _overlap(one: Span, other: Span) -> int:
    return max(0, min(one.end, other.end) - max(one.start, other.start))


def clean(text: str) -> str:
    """Text with line breaks as \\n, tabs as spaces, and control and bidirectional-override characters
    (which no page or terminal should obey) and lone surrogates (which no file can hold) as U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _UNSAFE.sub("\ufffd", text).replace("\t", " ")


def one_line(text: str | None) -> str:
    """Metadata (outlets, titles, tags) on one line."""
    return " ".join(clean(text or "").split())


def web_url(url: str | None) -> str | None:
    """The url when it is an http(s) link; anything else (javascript:, data:, file:) is not linked."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in {"http", "https"} and parts.netloc and not _UNSAFE.search(url) else None


def _current(item: Noted) -> str | None:
    """The passage as the article has it now, when it differs from the note's quote."""
    span = item.anchor.span
    if item.article is None or span is None:
        return None
    text = item.article.body[span.start:span.end]
    return None if text == item.note.exact else text


def _others(item: Noted) -> list[tuple[str, str]]:
    """(article id, text) of the group's members in the other articles."""
    if item.group is None:
        return []
    return [(m.span.article, m.text) for m in item.group.members if m.span.article != item.note.article]


def _outlets(corpus: Corpus) -> dict[str, str]:
    return {article.id: one_line(article.outlet) for article in corpus.articles}


def _dates(corpus: Corpus) -> dict[str, str]:
    return {article.id: one_line(article.date) for article in corpus.articles}


def format_of(name: str | os.PathLike[str]) -> str | None:
    """The format a file name's extension names (``notes.MD`` is md), or None for any other extension."""
    return EXTENSIONS.get(os.path.splitext(name)[1].lower())


def export(fmt: str, corpus: Corpus, notes: Iterable[Note], *, date: str, analysis: Analysis | None = None) -> str:
    """The notes in one of FORMATS; the analysis is made when md or html need it and none is given."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    if fmt == "json":
        return export_json(corpus, notes)
    if analysis is None:
        from tui.core.analysis import analyse

        analysis = analyse(corpus)
    if fmt == "md":
        return export_markdown(corpus, notes, analysis, date=date)
    return export_html(corpus, notes, analysis, date=date)


# Markdown ----------------------------------------------------------------------------------------

# Everything CommonMark, GFM or Obsidian could read as markup anywhere in a line: emphasis, code,
# links, HTML and entities, headings and #tags, tables, strikethrough, $math$, ==highlights==, %%comments%%,
# ^block-ids.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#|~$=%&^])")
# What makes a line a list item, a numbered item or a heading underline only at its start.
_MD_LINE_START = re.compile(r"^([-+]|\d+[.)])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: no markup in it can make a link, a heading, HTML or a list."""
    return "\n".join(_md_line(line) for line in clean(text).split("\n"))


def _md_line(line: str) -> str:
    # Leading spaces would make an indented code block: drop them (display only).
    escaped = _MD_INLINE.sub(r"\\\1", line.lstrip())
    return _MD_LINE_START.sub(lambda match: match.group()[:-1] + "\\" + match.group()[-1], escaped)


def md_blockquote(text: str) -> str:
    """The text as a blockquote: every line escaped and quoted, blank lines kept inside the quote."""
    return "\n".join(f"> {line}" if line else ">" for line in md_escape(text.strip()).split("\n"))


def md_paragraphs(text: str) -> str:
    """The text as paragraphs, its single line breaks kept as hard breaks."""
    paragraphs = re.split(r"\n\s*\n", clean(text).strip())
    return "\n\n".join("\\\n".join(md_escape(line) for line in p.split("\n") if line.strip()) for p in paragraphs)


def md_link(text: str, url: str | None) -> str:
    """A link when url is http(s), else the escaped text alone."""
    target = web_url(url)
    if target is None:
        return md_escape(text)
    # Percent-encode what could end the destination early or break the line.
    destination = quote(target, safe="/:?#[]@!$&'*+,;=%~-._")
    return f"[{md_escape(text)}]({destination})"


def _yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6)


def _front_matter(corpus: Corpus, items: Sequence[Noted], date: str) -> str:
    tags = list(dict.fromkeys(filter(None, (_obsidian_tag(tag) for item in items for tag in item.note.tags))))
    data: dict[str, Any] = {"title": f"Notes: {one_line(corpus.name)}", "story": one_line(corpus.name), "exported": date}
    data |= {"sources": [_source_meta(article) for article in corpus.articles], "notes": len(items)}
    if tags:
        data["tags"] = tags
    return f"---\n{_yaml(data)}---"


def _obsidian_tag(tag: str) -> str:
    """The tag as Obsidian reads one in front matter: letters, digits, _ - /, not only digits; the
    note itself shows the tag as written."""
    cleaned = re.sub(r"[^\w/-]+", "-", one_line(tag)).strip("-")
    return "" if cleaned.isdigit() else cleaned


def _source_meta(article: Article) -> dict[str, str]:
    fields = {
        "id": article.id,
        "outlet": one_line(article.outlet),
        "title": one_line(article.title),
        "date": one_line(article.date),
        "url": web_url(article.url) or "",
    }
    return {key: value for key, value in fields.items() if value}


def export_markdown(corpus: Corpus, notes: Iterable[Note], analysis: Analysis, *, date: str) -> str:
    """A Markdown report: front matter, each note with its passage and the other sources' versions,
    then every disputed fact with every source's version."""
    items = noted(corpus, notes, analysis)
    outlets = _outlets(corpus)
    parts = [
        _front_matter(corpus, items, date),
        f"# Notes: {md_escape(one_line(corpus.name))}",
        f"Exported {md_escape(date)} from {len(corpus.articles)} sources: "
        + ", ".join(md_escape(outlets[article.id]) for article in corpus.articles) + ".",
        "## Notes",
        *([_md_note(item, outlets, _dates(corpus)) for item in items] or ["*No notes yet.*"]),
        "## Disputed facts",
        *([_md_dispute(n, d, outlets) for n, d in enumerate(analysis.disputes, 1)] or ["*No disputed facts found.*"]),
    ]
    return "\n\n".join(parts) + "\n"


def _md_note(item: Noted, outlets: dict[str, str], dates: dict[str, str]) -> str:
    note = item.note
    outlet = outlets.get(note.article, one_line(note.article))
    flag = {"orphaned": " (orphaned)", "ambiguous": " (ambiguous)"}.get(item.anchor.status, "")
    parts = [f"### {item.number}. {md_escape(outlet)}{flag}", md_blockquote(item.note.exact), _md_source_line(item, outlet, dates)]
    parts += _md_status(item)
    if item.group is not None:
        parts.append(_md_group(item.group, _others(item), outlets))
    if item.dispute is not None:
        parts.append(f"**Disputed:** {md_escape(one_line(item.dispute.summary))}")
    if note.tags:
        parts.append("**Tags:** " + " · ".join(md_escape(one_line(tag)) for tag in note.tags))
    if note.body.strip():
        parts.append(md_paragraphs(note.body))
    return "\n\n".join(parts)


def _md_source_line(item: Noted, outlet: str, dates: dict[str, str]) -> str:
    if item.article is None:
        return f"— {md_escape(outlet)} (this article is no longer in the corpus)"
    title = one_line(item.article.title)
    line = f"— {md_link(outlet, item.article.url)}, {md_escape(dates.get(item.article.id) or 'no date')}"
    return f"{line}: *{md_escape(title)}*" if title else line


def _md_status(item: Noted) -> list[str]:
    status = item.anchor.status
    if status == "orphaned":
        return ["**Orphaned:** this passage is no longer in the article; it is quoted as it was when the note was written."]
    if status == "ambiguous":
        places = len(item.anchor.candidates)
        return [f"**Ambiguous:** the passage now appears in {places} places in the article; the note was not moved to any of them."]
    current = _current(item)
    if current is not None:
        return ["The passage has changed since the note was written; it now reads:", md_blockquote(current)]
    return []


def _md_group(group: MatchGroup, others: list[tuple[str, str]], outlets: dict[str, str]) -> str:
    if not others:
        return f"**Other sources:** none (match {md_escape(group.id)})"
    lines = [f"**Other sources** ({group.wording} {group.kind}, match {md_escape(group.id)}):", ""]
    lines += [f"- **{md_escape(outlets.get(a, a))}**: {md_escape(one_line(text))}" for a, text in others]
    return "\n".join(lines)


def _md_dispute(number: int, dispute: Dispute, outlets: dict[str, str]) -> str:
    parts = [f"### {number}. {md_escape(one_line(dispute.summary))}", f"*{md_escape(dispute.kind)}*"]
    if dispute.why:
        parts[-1] += f": {md_escape(one_line(dispute.why))}"
    versions = []
    for version in dispute.versions:
        source = outlets.get(version.span.article, version.span.article)
        line = f"- **{md_escape(source)}**: {md_escape(one_line(version.text))}"
        if version.value != version.text:
            line += f" = {md_escape(one_line(version.value))}"
        versions.append(line)
    return "\n\n".join([*parts, "\n".join(versions)])


# W3C Web Annotation JSON-LD ----------------------------------------------------------------------

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:kato-tui")


def _urn(name: str) -> str:
    """A stable urn:uuid for something with no IRI of its own."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def note_iri(note: Note) -> str:
    """The note's own UUID as a urn, or one made from its id when the id is not a UUID."""
    try:
        return uuid.UUID(note.id).urn
    except ValueError:
        return _urn(f"note:{note.id}")


def source_of(article: Article | None, article_id: str) -> str | dict[str, Any]:
    """The annotation's target source: the article's web address, else a urn naming its text."""
    if article is None:
        return _urn(f"article:{article_id}")
    url = web_url(article.url)
    if url is not None:
        return url
    digest = hashlib.sha256(article.body.encode("utf-8", "surrogateescape")).hexdigest()
    source: dict[str, Any] = {"id": _urn(f"article:{article.id}:{digest}"), "type": "Text", "format": "text/plain"}
    if article.language:
        source["language"] = article.language
    return source


def annotation(item: Noted) -> dict[str, Any]:
    """One W3C Web Annotation for a note: its text and tags as bodies, its passage as the target."""
    note = item.note
    bodies: list[dict[str, Any]] = []
    if note.body.strip():
        bodies.append({"type": "TextualBody", "value": note.body, "format": "text/plain", "purpose": "commenting"})
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags]
    motivation = "commenting" if note.body.strip() else "tagging" if note.tags else "highlighting"
    data: dict[str, Any] = {"id": note_iri(note), "type": "Annotation", "motivation": motivation}
    data |= {key: value for key, value in (("created", note.created), ("modified", note.modified)) if value}
    if bodies:
        data["body"] = bodies
    data["target"] = {"source": source_of(item.article, note.article), "selector": _selectors(item)}
    return data


def _selectors(item: Noted) -> list[dict[str, Any]]:
    """The note's quote as written; its position where the quote is now, when the exact quote is
    still in the article (so both selectors name the same text), else as stored."""
    note, span = item.note, item.anchor.span
    start, end = (span.start, span.end) if item.anchor.status in {"exact", "moved"} and span else (note.start, note.end)
    return [
        {"type": "TextQuoteSelector", "exact": note.exact, "prefix": note.prefix, "suffix": note.suffix},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def export_json(corpus: Corpus, notes: Iterable[Note]) -> str:
    """A W3C AnnotationCollection (JSON-LD) whose first and only page holds one Annotation per note."""
    items = noted(corpus, notes)
    collection_id = _urn(f"notes:{corpus_key(corpus)}")
    page = {"id": f"{collection_id}:page-1", "type": "AnnotationPage", "startIndex": 0}
    page["items"] = [annotation(item) for item in items]
    data = {
        "@context": ANNOTATION_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"Notes: {one_line(corpus.name)}",
        "total": len(items),
        "first": page,
    }
    return dumps(data)


# HTML --------------------------------------------------------------------------------------------

MATCH_COLOURS = 6
"""Matches take these colours as in the reader (tui.core.colours): neighbouring matches never share one."""

# Columns of at least 18rem, as many to a row as the window holds: they wrap onto new rows on a
# narrow screen, and nothing is wider than the window. Mark colours are translucent so that they
# read on a light or a dark page.
_CSS = """
:root {
  color-scheme: light dark; --line: #8884;
  --m0: #42a5f566; --m1: #ffa72666; --m2: #66bb6a66; --m3: #a1887f77; --m4: #ab47bc55; --m5: #26c6da66;
  --dispute: #e53935; --uncorroborated: #fdd83555; --note: #2e7d32;
}
body { font: 16px/1.55 system-ui, sans-serif; margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 160rem; }
header p, .meta, .where, .why, .intro { color: GrayText; font-size: .9em; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; list-style: none; padding: 0; font-size: .9em; }
.overview { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr)); gap: 0 2.5rem; }
.overview > section { min-width: 0; }
.articles { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr)); gap: 1.25rem; align-items: start; }
.article { min-width: 0; border: 1px solid var(--line); border-radius: .5rem; padding: 0 1rem 1rem; }
.article h3 { font-size: 1.1rem; margin-bottom: .25rem; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; }
mark { color: inherit; background: none; border-radius: .2em; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.match-0 { background: var(--m0); }
mark.match-1 { background: var(--m1); }
mark.match-2 { background: var(--m2); }
mark.match-3 { background: var(--m3); }
mark.match-4 { background: var(--m4); }
mark.match-5 { background: var(--m5); }
mark.uncorroborated { background: var(--uncorroborated); outline: 1px dashed #f9a825; }
mark.dispute { background: #e5393540; box-shadow: inset 0 0 0 2px var(--dispute); font-weight: bold; }
mark.note { text-decoration: underline 2px var(--note); text-underline-offset: .2em; }
.ref { font-size: .75em; vertical-align: super; text-decoration: none; color: var(--note); font-weight: bold; }
blockquote { margin: .5rem 0; padding-left: 1rem; border-left: 3px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.tag { display: inline-block; border: 1px solid var(--line); border-radius: 1em; padding: 0 .6em; margin-right: .3em; font-size: .85em; }
.status { font-weight: bold; color: #c62828; }
.overview ol > li { margin-bottom: 1.25rem; }
""".strip()


def h(text: str | None) -> str:
    """Text made safe for HTML content and attribute values."""
    return html.escape(clean(text or ""), quote=True)


@dataclass(frozen=True)
class Highlight:
    """A stretch of an article body to mark: its CSS class, its tooltip, the note's number if a
    note's, and the id of the place it starts when the page links to it."""

    start: int
    end: int
    css: str
    label: str
    note: int | None = None
    anchor: str = ""


def export_html(corpus: Corpus, notes: Iterable[Note], analysis: Analysis, *, date: str) -> str:
    """One self-contained page: the notes, the disputed facts and the claims only one source makes,
    then the articles side by side with the same marks as the reader, in columns that wrap to the
    window. Inline CSS only: no scripts, no external resources; all text escaped."""
    items = noted(corpus, notes, analysis)
    title = f"Notes: {one_line(corpus.name)}"
    outlets = _outlets(corpus)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        # Belt and braces: even if something slipped through escaping, the page may run no script and load nothing.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        _html_header(corpus, items, analysis, title, date),
        "<main>",
        '<div class="overview">',
        _html_notes(items, outlets, _dates(corpus)),
        '<div class="findings">',
        _html_disputes(analysis, outlets),
        _html_uncorroborated(analysis, outlets),
        "</div>",
        "</div>",
        _html_articles(corpus, items, analysis),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _count(number: int, thing: str, things: str = "") -> str:
    return f"{number} {thing if number == 1 else things or thing + 's'}"


def _html_header(corpus: Corpus, items: Sequence[Noted], analysis: Analysis, title: str, date: str) -> str:
    counts = [
        _count(len(corpus.articles), "source"), _count(len(analysis.groups), "match", "matches"),
        _count(len(analysis.disputes), "dispute"), _count(len(items), "note"),
    ]
    return (
        f"<header>\n<h1>{h(title)}</h1>\n<p>Exported {h(date)} · {' · '.join(counts)}</p>\n"
        f"{_LEGEND}\n</header>"
    )


_LEGEND = (
    '<ul class="legend" aria-label="What the marks in the articles mean">\n'
    '<li><mark class="match-0">a passage</mark> <mark class="match-1">other sources</mark> '
    '<mark class="match-2">share</mark>: a match, one colour each (point at it for which)</li>\n'
    '<li><mark class="dispute">$1 trillion</mark>: a version of a disputed fact</li>\n'
    '<li><mark class="uncorroborated">a claim</mark>: what only one source says</li>\n'
    '<li><mark class="note">your passage</mark><sup class="ref">1</sup>: a note, with its number</li>\n'
    "</ul>"
)
"""The marks of the articles, as the reader draws them: matches, disputes, one source's claims, notes."""


def _html_articles(corpus: Corpus, items: Sequence[Noted], analysis: Analysis) -> str:
    colours = colour_groups(analysis.groups, MATCH_COLOURS)
    columns = [_html_article(article, _highlights(article, items, analysis, colours)) for article in corpus.articles]
    return '<section class="sources">\n<h2>The articles</h2>\n<div class="articles">\n' + "\n".join(columns) + "\n</div>\n</section>"


def _highlights(article: Article, items: Sequence[Noted], analysis: Analysis, colours: Sequence[int]) -> list[Highlight]:
    """The article's marks in the order they draw: matches (`colours`: each group's, neighbours never
    alike, as in the reader), one source's claims, disputes, notes."""
    marks = [
        Highlight(m.span.start, m.span.end, f"match-{colours[index]}", f"match {group.id}: {group.wording} {group.kind}")
        for index, group in enumerate(analysis.groups) for m in group.members if m.span.article == article.id
    ]
    marks += _version_marks(article, analysis.uncorroborated, "uncorroborated")
    marks += _version_marks(article, analysis.disputes, "dispute")
    for item in items:
        span = item.anchor.span
        if span is not None and item.note.article == article.id:
            marks.append(Highlight(span.start, span.end, "note", f"note {item.number}", item.number))
    return [mark for mark in marks if mark.end > mark.start]


def _version_marks(article: Article, disputes: Sequence[Dispute], css: str) -> list[Highlight]:
    return [
        Highlight(v.span.start, v.span.end, css, f"{css} {d.id}", anchor=_version_id(d, number))
        for d in disputes for number, v in enumerate(d.versions, 1) if v.span.article == article.id
    ]


def _version_id(dispute: Dispute, number: int) -> str:
    return f"version-{dispute.id}-{number}"


def _html_article(article: Article, marks: Sequence[Highlight]) -> str:
    meta = [h(article.date) if article.date else "no date"]
    url = web_url(article.url)
    if url is not None:
        meta.append(f'<a href="{h(url)}" rel="noopener noreferrer">source</a>')
    lang = f' lang="{h(article.language)}"' if article.language else ""
    heading = f"<h3>{h(one_line(article.outlet))}</h3>"
    title = f'<p class="title"><strong>{h(one_line(article.title))}</strong></p>' if article.title else ""
    return (
        f'<article class="article" id="article-{h(article.id)}"{lang}>\n{heading}\n'
        f'{title}<p class="meta">{" · ".join(meta)}</p>\n'
        f'<div class="body">{marked(article.body, marks)}</div>\n</article>'
    )


def marked(body: str, marks: Sequence[Highlight]) -> str:
    """The escaped body with each stretch under one or more highlights in a <mark>, a note's start
    (and a version's) as an anchor to link to and a note's end as a link to the note."""
    marks = [replace(m, start=_not_in_crlf(body, m.start), end=_not_in_crlf(body, m.end)) for m in marks]
    points = sorted({0, len(body), *(m.start for m in marks), *(m.end for m in marks)})
    out = []
    for start, end in pairwise(points):
        out += [f'<span id="passage-{m.note}"></span>' for m in marks if m.note is not None and m.start == start]
        out += [f'<span id="{h(m.anchor)}"></span>' for m in marks if m.anchor and m.start == start]
        active = [m for m in marks if m.start <= start and end <= m.end]
        text = h(body[start:end])
        if active:
            css = " ".join(dict.fromkeys(m.css for m in active))
            label = "; ".join(m.label for m in active)
            text = f'<mark class="{h(css)}" title="{h(label)}">{text}</mark>'
        out.append(text)
        out += [f'<a class="ref" href="#note-{m.note}">{m.note}</a>' for m in marks if m.note is not None and m.end == end]
    return "".join(out)


def _not_in_crlf(body: str, offset: int) -> int:
    """The offset, moved past the \\n when it falls inside a \\r\\n: cut there, the two halves
    would show as two line breaks."""
    return offset + 1 if 0 < offset < len(body) and body[offset - 1:offset + 1] == "\r\n" else offset


def _html_notes(items: Sequence[Noted], outlets: dict[str, str], dates: dict[str, str]) -> str:
    if not items:
        return '<section class="notes">\n<h2>Notes</h2>\n<p>No notes yet.</p>\n</section>'
    return '<section class="notes">\n<h2>Notes</h2>\n<ol>\n' + "\n".join(_html_note(i, outlets, dates) for i in items) + "\n</ol>\n</section>"


def _html_note(item: Noted, outlets: dict[str, str], dates: dict[str, str]) -> str:
    note = item.note
    where = [f"<strong>{h(outlets.get(note.article, note.article))}</strong>", h(dates.get(note.article) or "no date")]
    if item.anchor.span is not None:
        where.append(f'<a href="#passage-{item.number}">in the text</a>')
    if item.anchor.status in {"orphaned", "ambiguous"}:
        where.append(f'<span class="status">{item.anchor.status}</span>')
    parts = [f'<li id="note-{item.number}">', f'<p class="where">{" · ".join(where)}</p>', f"<blockquote>{h(note.exact)}</blockquote>"]
    current = _current(item)
    if current is not None:
        parts.append(f"<p>Now reads:</p>\n<blockquote>{h(current)}</blockquote>")
    if item.dispute is not None:
        parts.append(f'<p>Disputed: <a href="#dispute-{h(item.dispute.id)}">{h(item.dispute.summary)}</a></p>')
    if item.group is not None and _others(item):
        versions = "".join(f"<li><strong>{h(outlets.get(a, a))}</strong>: {h(text)}</li>" for a, text in _others(item))
        parts.append(f"<p>Other sources ({h(item.group.wording)} {h(item.group.kind)}):</p>\n<ul>{versions}</ul>")
    if note.body.strip():
        parts.append(f'<p class="text">{h(note.body.strip())}</p>')
    if note.tags:
        parts.append('<p class="tags">' + "".join(f'<span class="tag">{h(one_line(tag))}</span>' for tag in note.tags) + "</p>")
    return "\n".join([*parts, "</li>"])


def _html_disputes(analysis: Analysis, outlets: dict[str, str]) -> str:
    if not analysis.disputes:
        return '<section class="disputes">\n<h2>Disputed facts</h2>\n<p>No disputed facts found.</p>\n</section>'
    entries = "\n".join(_html_dispute(dispute, outlets) for dispute in analysis.disputes)
    return f'<section class="disputes">\n<h2>Disputed facts</h2>\n<ol>\n{entries}\n</ol>\n</section>'


def _html_uncorroborated(analysis: Analysis, outlets: dict[str, str]) -> str:
    """The claims only one source makes: listed apart, never counted as disputes (nothing when none)."""
    if not analysis.uncorroborated:
        return ""
    entries = "\n".join(_html_dispute(claim, outlets) for claim in analysis.uncorroborated)
    intro = '<p class="intro">Not disputes: checkable claims that no other source makes.</p>'
    return f'<section class="uncorroborated">\n<h2>Uncorroborated: what only one source says</h2>\n{intro}\n<ol>\n{entries}\n</ol>\n</section>'


def _html_dispute(dispute: Dispute, outlets: dict[str, str]) -> str:
    """A dispute (or a claim) with each source's version, the source linking to it in the text."""
    versions = "".join(
        f'<li><a href="#{_version_id(dispute, number)}"><strong>{h(outlets.get(v.span.article, v.span.article))}</strong></a>: '
        + h(v.text) + (f" = {h(v.value)}" if v.value != v.text else "") + "</li>"
        for number, v in enumerate(dispute.versions, 1)
    )
    why = f'\n<p class="why">{h(dispute.why)}</p>' if dispute.why else ""
    return f'<li id="dispute-{h(dispute.id)}"><p>{h(dispute.summary)} <em>({h(dispute.kind)})</em></p>{why}\n<ul>{versions}</ul></li>'


def export_date() -> str:
    """Today's date for an export (so two exports on one day are identical); SOURCE_DATE_EPOCH, the
    reproducible-builds convention, pins it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()
