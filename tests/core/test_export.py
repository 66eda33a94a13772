"""Exporting notes: golden Markdown, W3C JSON and HTML files, escaping, determinism, and `kato-tui export`.

The golden files in tests/core/golden are compared byte for byte. After an intended change to the
output, regenerate them and review the diff:

    KATO_REGENERATE_GOLDEN=1 python -m pytest tests/core/test_export.py
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import random
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.core.test_corpus import write_corpus
from tui.cli import main
from tui.core.corpus import load_corpus
from tui.core.export import Highlight, clean, export, export_html, export_json, export_markdown, format_of, marked, md_escape
from tui.core.model import Analysis, Article, Corpus, Dispute, MatchGroup, Note, Segment, Span, Version
from tui.core.notes import NoteStore, make_note

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("KATO_REGENERATE_GOLDEN") == "1"
DATE = "2026-11-21"
T0 = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc)

# Markup of every kind inside article text, metadata and notes: it must come out as text.
HOSTILE = "<script>alert(1)</script> [bold]x[/bold] # x *y* [click](javascript:alert(2)) &amp; ==hi== %%c%% $a$ ^id"

QUOTE_A = "We obviously need to put all cards on the table in negotiations."
QUOTE_B = "We obviously need to put all cards on the table in talks."
ALPHA = (
    "# Not a heading\n"
    f'Kato told reporters: "{QUOTE_A}" {HOSTILE}\n'
    "1. Not a list. The holdings exceed $1 trillion, he said.\n"
)
BETA_BEFORE = (
    f'Japan\'s minister said "{QUOTE_A}" The holdings are about $1.1 trillion.\n'
    "- a dash line | with a pipe ~~strike~~ `code` <img src=x onerror=alert(3)>\n"
)
BETA = "A new lead was added after the notes were written.\n" + BETA_BEFORE.replace(QUOTE_A, QUOTE_B)
# The noted sentence with more than the 32 characters of context on each side, so that two copies look alike.
GAMMA_PARAGRAPH = "Analysts in London watched closely. Bond yields rose sharply on Friday. Nobody expected it to last this long.\n"
GAMMA_BEFORE = "An opening line.\n" + GAMMA_PARAGRAPH
GAMMA = "A different opening line.\n" + GAMMA_PARAGRAPH + GAMMA_PARAGRAPH


def story() -> Corpus:
    alpha = Article(
        id="alpha", outlet="Alpha <b>News</b> [bold]", body=ALPHA, title="# Title *with* [markup](javascript:x)",
        date="2025-05-02", url="https://alpha.example/story?id=1&x=(2)", language="en",
    )
    beta = Article(id="beta", outlet="Beta", body=BETA, url="javascript:alert(1)", language="en")
    gamma = Article(id="gamma", outlet="Gamma", body=GAMMA, date="May 3rd")
    return Corpus("A story <with> *markup*", (alpha, beta, gamma))


def span_of(article: Article, text: str) -> Span:
    start = article.body.index(text)
    return Span(article.id, start, start + len(text))


def story_analysis(corpus: Corpus) -> Analysis:
    """A hand-made analysis, so the golden files follow the export and not the aligner's tuning."""
    alpha, beta = corpus.article("alpha"), corpus.article("beta")
    members = tuple(
        Segment(span_of(article, quote), "quote", quote, "Kato") for article, quote in ((alpha, QUOTE_A), (beta, QUOTE_B))
    )
    group = MatchGroup("m1", "quote", "variant", 93.0, members)
    amounts = Dispute("d1", "number", "Holdings: $1 trillion vs $1.1 trillion", (
        Version(span_of(alpha, "$1 trillion"), "$1 trillion", "USD 1e12 (more than)"),
        Version(span_of(beta, "about $1.1 trillion"), "about $1.1 trillion", "USD 1.1e12 (about)"),
    ), why="values that cannot all be true")
    wording = Dispute("d2", "quote-wording", f"Quoted two ways {HOSTILE}", (
        Version(members[0].span, QUOTE_A, QUOTE_A), Version(members[1].span, QUOTE_B, QUOTE_B),
    ))
    gamma = corpus.article("gamma")
    claim = Dispute("u1", "uncorroborated", "Only Gamma names analysts in London", (
        Version(span_of(gamma, "Analysts in London"), "Analysts in London", "analysts in London"),
    ), why="no other source names them")
    return Analysis(corpus=corpus, groups=(group,), disputes=(amounts, wording), uncorroborated=(claim,))


def story_notes(corpus: Corpus) -> list[Note]:
    """One note of each kind: exact (with hostile text), moved, fuzzy, orphaned and ambiguous."""
    alpha = corpus.article("alpha")
    beta_before = dataclasses.replace(corpus.article("beta"), body=BETA_BEFORE)
    alpha_before = dataclasses.replace(alpha, body=ALPHA + "A sentence that was later removed from the article.\n")
    gamma_before = dataclasses.replace(corpus.article("gamma"), body=GAMMA_BEFORE)

    def on(article: Article, text: str, note_id: str, body: str = "", **fields) -> Note:
        span = span_of(article, text)
        return make_note(article, span.start, span.end, body, now=T0, note_id=note_id, **fields)

    return [
        on(alpha, QUOTE_A, "6f1c1c4e-1b7a-4c55-9d2e-0a4b7c1e2f01", f"Compare with Beta.\n{HOSTILE}",
           tags=["cards", "<b>tag</b>", "two words"], group="m1"),
        on(beta_before, "about $1.1 trillion", "note-moved", "Less than the others say.", dispute="d1"),
        on(beta_before, QUOTE_A, "note-fuzzy", "Beta's wording, before it changed."),
        on(alpha_before, "A sentence that was later removed from the article.", "note-orphaned", "Where did this go?"),
        on(gamma_before, "Bond yields rose sharply on Friday.", "note-ambiguous", "", tags=["yields"]),
    ]


@pytest.fixture
def corpus() -> Corpus:
    return story()


@pytest.fixture
def analysis(corpus: Corpus) -> Analysis:
    return story_analysis(corpus)


@pytest.fixture
def notes(corpus: Corpus) -> list[Note]:
    return story_notes(corpus)


def rendered(fmt: str, corpus: Corpus, notes: list[Note], analysis: Analysis) -> str:
    return export(fmt, corpus, notes, date=DATE, analysis=analysis)


# Golden files ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_export_matches_the_golden_file(fmt: str, corpus, notes, analysis):
    """Byte for byte; KATO_REGENERATE_GOLDEN=1 writes the files instead (review the diff)."""
    output = rendered(fmt, corpus, notes, analysis)
    golden = GOLDEN / f"notes.{fmt}"
    if REGENERATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(output.encode("utf-8"))
    assert golden.exists(), f"no golden file {golden}: run with KATO_REGENERATE_GOLDEN=1"
    assert output.encode("utf-8") == golden.read_bytes()


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_export_is_deterministic(fmt: str, corpus, notes, analysis):
    """The same notes in any order, exported twice, give the same text."""
    shuffled = notes[:]
    random.Random(7).shuffle(shuffled)
    assert rendered(fmt, corpus, notes, analysis) == rendered(fmt, corpus, shuffled, analysis)


def test_only_the_given_date_changes_the_output(corpus, notes, analysis):
    one = export_markdown(corpus, notes, analysis, date="2026-01-01")
    two = export_markdown(corpus, notes, analysis, date="2026-01-02")
    assert one.replace("2026-01-01", "2026-01-02") == two


def test_export_refuses_an_unknown_format(corpus, notes):
    with pytest.raises(ValueError, match="unknown export format"):
        export("pdf", corpus, notes, date=DATE)


# Markdown --------------------------------------------------------------------------------------


def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:text.index("\n---\n")])


def markdown_html(text: str) -> str:
    """The Markdown rendered by a CommonMark parser (HTML allowed, GFM tables and strikethrough on)."""
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def test_markdown_front_matter_has_the_story_sources_and_date(corpus, notes, analysis):
    meta = front_matter(export_markdown(corpus, notes, analysis, date=DATE))
    assert meta["story"] == "A story <with> *markup*"
    assert meta["exported"] == DATE
    assert [source["outlet"] for source in meta["sources"]] == ["Alpha <b>News</b> [bold]", "Beta", "Gamma"]
    assert meta["sources"][0]["url"] == "https://alpha.example/story?id=1&x=(2)"
    assert "url" not in meta["sources"][1], "a javascript: url is not a source link"
    assert meta["notes"] == 5
    assert meta["tags"] == ["cards", "b-tag-/b", "two-words", "yields"], "as Obsidian tags"


def test_markdown_markup_in_text_stays_text(corpus, notes, analysis):
    """Article text, outlets, titles, notes and tags make no HTML, link, heading, emphasis, list or table."""
    text = export_markdown(corpus, notes, analysis, date=DATE)
    html = markdown_html(text[text.index("\n---\n") + 5:])
    for forbidden in ("<script", "<img", "<b>", "<em>y", "<strong>x", "<table", "<s>", "<del>", "<ol", "<code", 'href="javascript'):
        assert forbidden not in html, forbidden
    assert html.count("<h1>") == 1 and "<h1>Not a heading" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [bold]x[/bold] # x *y* [click](javascript:alert(2))" in html
    assert "&lt;b&gt;tag&lt;/b&gt;" in html
    assert '<a href="https://alpha.example/story?id=1&amp;x=%282%29">' in html


def test_md_escape_covers_each_construct():
    cases = {
        "# x": "<p># x</p>", "*y*": "<p>*y*</p>", "[a](b)": "<p>[a](b)</p>", "<i>": "<p>&lt;i&gt;</p>",
        "1. one": "<p>1. one</p>", "- item": "<p>- item</p>", "    code": "<p>code</p>", "&amp;": "<p>&amp;amp;</p>",
        "a\\": "<p>a\\</p>", "`c`": "<p>`c`</p>", "> q": "<p>&gt; q</p>", "---": "<p>---</p>",
    }
    for source, expected in cases.items():
        assert markdown_html(md_escape(source)).strip() == expected, source


def test_markdown_marks_orphaned_and_ambiguous_notes_and_keeps_their_text(corpus, notes, analysis):
    text = export_markdown(corpus, notes, analysis, date=DATE)
    assert "(orphaned)" in text and "**Orphaned:**" in text
    assert "> A sentence that was later removed from the article." in text
    assert "Where did this go?" in text
    assert "**Ambiguous:** the passage now appears in 2 places" in text


def test_markdown_shows_the_other_sources_and_every_disputed_version(corpus, notes, analysis):
    text = export_markdown(corpus, notes, analysis, date=DATE)
    note = text[text.index("### 1."):text.index("### 2.")]
    assert "**Other sources** (variant quote, match m1):" in note
    assert "- **Beta**: We obviously need to put all cards on the table in talks." in note
    disputes = text[text.index("## Disputed facts"):]
    assert "- **Beta**: about \\$1.1 trillion = USD 1.1e12 (about)" in disputes
    assert "- **Alpha \\<b\\>News\\</b\\> \\[bold\\]**: \\$1 trillion = USD 1e12 (more than)" in disputes


def test_markdown_shows_what_a_changed_passage_now_reads(corpus, notes, analysis):
    text = export_markdown(corpus, notes, analysis, date=DATE)
    fuzzy = text[text.index("Beta's wording") - 600:text.index("Beta's wording")]
    assert "it now reads:\n\n> We obviously need to put all cards on the table in talks." in fuzzy


# HTML ------------------------------------------------------------------------------------------


class Page(HTMLParser):
    """Every tag and attribute of a page, and the text of each article body outside note links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.bodies: list[str] = []
        self._depth = 0
        self._in_ref = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "div" and attributes.get("class") == "body":
            self._depth = 1
            self.bodies.append("")
        elif self._depth and tag == "div":
            self._depth += 1
        self._in_ref = tag == "a" and attributes.get("class") == "ref"

    def handle_endtag(self, tag):
        if tag == "a":
            self._in_ref = False
        if self._depth and tag == "div":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth and not self._in_ref:
            self.bodies[-1] += data


def parse_page(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def test_html_is_self_contained_and_runs_nothing(corpus, notes, analysis):
    """No script, no external resource, no event handler, links only within the page or to http(s)."""
    page = parse_page(export_html(corpus, notes, analysis, date=DATE))
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "b", "base", "form"}
    for tag, attributes in page.tags:
        assert not any(name.startswith("on") for name in attributes), tag
        href = attributes.get("href")
        assert href is None or href.startswith(("#", "https://")), href
        assert "javascript" not in " ".join(value or "" for value in attributes.values())
    assert ("meta", {"http-equiv": "Content-Security-Policy", "content": "default-src 'none'; style-src 'unsafe-inline'"}) in page.tags


def test_html_escapes_every_text(corpus, notes, analysis):
    text = export_html(corpus, notes, analysis, date=DATE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [bold]x[/bold] # x *y* [click](javascript:alert(2)) &amp;amp;" in text
    assert "Alpha &lt;b&gt;News&lt;/b&gt; [bold]" in text
    assert '<span class="tag">&lt;b&gt;tag&lt;/b&gt;</span>' in text
    assert "<title>Notes: A story &lt;with&gt; *markup*</title>" in text
    assert "&lt;img src=x onerror=alert(3)&gt;" in text


def test_html_shows_each_article_whole_with_marks(corpus, notes, analysis):
    """Marks only wrap text: each body, read back, is the article text; notes and matches are marked."""
    text = export_html(corpus, notes, analysis, date=DATE)
    assert parse_page(text).bodies == [clean(article.body) for article in corpus.articles]
    assert text.count('<mark class="match-0 dispute note"') == 2, "two notes sit on the matched quote, whose wording is disputed"
    assert '<span id="passage-1"></span>' in text and 'href="#note-1"' in text
    orphaned = text[text.index('<li id="note-2">'):]
    assert orphaned[:orphaned.index("</li>")].count('<span class="status">orphaned</span>') == 1
    assert 'id="passage-2"' not in text, "an orphaned note has no place to mark"


def test_html_keeps_crlf_line_breaks_single():
    """A mark that ends between \\r and \\n does not split the line break in two."""
    body = "First line.\r\nSecond line.\r\n"
    marks = [Highlight(0, body.index("\n"), "note", "note 1", 1)]
    page = parse_page(f'<div class="body">{marked(body, marks)}</div>')
    assert page.bodies == ["First line.\nSecond line.\n"]


def test_html_leads_with_the_notes_then_the_disputes_then_the_articles(corpus, notes, analysis):
    """The notes, what they point at, come first; the articles, the longest part, last."""
    text = export_html(corpus, notes, analysis, date=DATE)
    order = ['<section class="notes">', '<section class="disputes">', '<section class="uncorroborated">', '<section class="sources">']
    places = [text.index(section) for section in order]
    assert places == sorted(places)
    assert text.index('<li id="note-1">') < text.index('<div class="body">')


def test_html_columns_wrap_to_the_window_and_none_is_clipped(corpus, notes, analysis):
    """Columns of a minimum width fill each row and wrap onto the next: no fixed page width, no sideways scrolling."""
    css = export_html(corpus, notes, analysis, date=DATE).split("<style>")[1].split("</style>")[0]
    rule = css[css.index(".articles {"):]
    rule = rule[:rule.index("}")]
    assert "grid-template-columns: repeat(auto-fit, minmax(min(100%, " in rule
    assert "grid-auto-flow: column" not in css and "overflow-x" not in css and "overflow: hidden" not in css
    assert not re.search(r"(?<![-\w])width:\s*\d", css), "no fixed width anywhere"


def test_html_legend_explains_every_mark_on_the_page(corpus, notes, analysis):
    """Each kind of mark in the articles (matches, disputes, one source's claims, notes) is in the legend."""
    text = export_html(corpus, notes, analysis, date=DATE)
    header, articles = text[:text.index("</header>")], text[text.index('<section class="sources">'):]
    used = {css for classes in re.findall(r'<mark class="([^"]+)"', articles) for css in classes.split()}
    assert used == {"match-0", "dispute", "uncorroborated", "note"}
    shown = {css for classes in re.findall(r'<mark class="([^"]+)"', header) for css in classes.split()}
    assert used <= shown


def test_html_links_each_disputed_version_to_its_place_in_the_text(corpus, notes, analysis):
    """Every link within the page lands on an id the page has; each version of d1 and u1 is one."""
    page = parse_page(export_html(corpus, notes, analysis, date=DATE))
    ids = {attributes["id"] for _, attributes in page.tags if attributes.get("id")}
    links = {attributes["href"][1:] for _, attributes in page.tags if (attributes.get("href") or "").startswith("#")}
    assert {"version-d1-1", "version-d1-2", "version-d2-1", "version-d2-2", "version-u1-1", "dispute-d1"} <= links
    assert links <= ids


def test_html_lists_the_claims_only_one_source_makes_apart(corpus, notes, analysis):
    text = export_html(corpus, notes, analysis, date=DATE)
    claims = text[text.index('<section class="uncorroborated">'):text.index('<section class="sources">')]
    assert "Uncorroborated: what only one source says" in claims and "Only Gamma names analysts in London" in claims
    assert "2 disputes" in text[:text.index("</header>")], "a claim is not counted as a dispute"
    empty = export_html(corpus, notes, dataclasses.replace(analysis, uncorroborated=()), date=DATE)
    assert '<section class="uncorroborated">' not in empty


def test_html_lists_the_notes_with_their_status(corpus, notes, analysis):
    text = export_html(corpus, notes, analysis, date=DATE)
    assert text.count('<li id="note-') == 5
    assert '<span class="status">orphaned</span>' in text and '<span class="status">ambiguous</span>' in text


# JSON (W3C Web Annotation) -----------------------------------------------------------------------


def test_json_is_a_w3c_annotation_collection(corpus, notes):
    data = json.loads(export_json(corpus, notes))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert (data["type"], data["total"]) == ("AnnotationCollection", 5)
    assert data["id"].startswith("urn:uuid:")
    page = data["first"]
    assert (page["type"], page["startIndex"], len(page["items"])) == ("AnnotationPage", 0, 5)
    for item in page["items"]:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
        assert item["created"] == item["modified"] == "2026-11-20T09:30:00Z"
        assert [selector["type"] for selector in item["target"]["selector"]] == ["TextQuoteSelector", "TextPositionSelector"]


def test_json_bodies_hold_the_note_and_its_tags(corpus, notes):
    first = json.loads(export_json(corpus, notes))["first"]["items"][0]
    assert first["id"] == "urn:uuid:6f1c1c4e-1b7a-4c55-9d2e-0a4b7c1e2f01"
    assert first["motivation"] == "commenting"
    assert first["body"][0] == {
        "type": "TextualBody", "value": f"Compare with Beta.\n{HOSTILE}", "format": "text/plain", "purpose": "commenting",
    }
    assert [body["value"] for body in first["body"][1:] if body["purpose"] == "tagging"] == ["cards", "<b>tag</b>", "two words"]


def test_json_targets_name_the_article_and_the_passage(corpus, notes):
    items = {item["id"]: item for item in json.loads(export_json(corpus, notes))["first"]["items"]}
    alpha = items["urn:uuid:6f1c1c4e-1b7a-4c55-9d2e-0a4b7c1e2f01"]["target"]
    assert alpha["source"] == "https://alpha.example/story?id=1&x=(2)"
    moved = next(item["target"] for item in items.values() if item["target"]["selector"][0]["exact"] == "about $1.1 trillion")
    assert moved["source"]["id"].startswith("urn:uuid:"), "a javascript: url is not the source"
    assert moved["selector"][1] == {"type": "TextPositionSelector", **_offsets(BETA, "about $1.1 trillion")}
    orphaned = next(item["target"] for item in items.values() if item["body"][0]["value"] == "Where did this go?")
    assert orphaned["selector"][1]["start"] == len(ALPHA), "an orphaned note keeps its stored position"


def _offsets(body: str, text: str) -> dict[str, int]:
    return {"start": body.index(text), "end": body.index(text) + len(text)}


def test_json_of_no_notes_is_an_empty_collection(corpus):
    data = json.loads(export_json(corpus, []))
    assert (data["total"], data["first"]["items"]) == (0, [])


# kato-tui export -------------------------------------------------------------------------------

ARTICLE_A = "---\noutlet: Alpha\ndate: 2025-05-02\n---\nKato said \"all cards are on the table\" on Friday. The yen fell.\n"
ARTICLE_B = "---\noutlet: Beta\n---\nThe minister said \"all cards are on the table\" in Tokyo. Bonds rallied.\n"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder, in tmp_path: tests never touch the real one."""
    folder = tmp_path / "data"
    monkeypatch.setattr("tui.core.notes.user_data_dir", lambda *args, **kwargs: str(folder))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18
    return folder


@pytest.fixture
def folder(tmp_path: Path, data_dir: Path) -> Path:
    return write_corpus(tmp_path, {"alpha.md": ARTICLE_A, "beta.md": ARTICLE_B})


@pytest.fixture
def notes_file(tmp_path: Path, folder: Path) -> Path:
    corpus = load_corpus(folder)
    store = NoteStore.for_corpus(corpus, tmp_path / "notes.json")
    alpha = corpus.article("alpha")
    start = alpha.body.index("all cards")
    store.new(alpha, start, start + len("all cards are on the table"), "Same words in Beta <script>", tags=["cards"])
    return store.path


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["export", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_cli_exports_markdown_by_default(capsys, folder: Path, notes_file: Path):
    status, out, err = run(capsys, str(folder), "--notes", str(notes_file))
    assert (status, err) == (0, "")
    meta = front_matter(out)
    assert (meta["exported"], meta["notes"], meta["story"]) == ("2026-11-18", 1, "corpus")
    assert "> all cards are on the table" in out
    assert "Same words in Beta \\<script\\>" in out
    assert "- **Beta**:" in out, "the other source's version, from the analysis"


def test_cli_exports_twice_the_same(capsys, folder: Path, notes_file: Path, monkeypatch):
    """Two exports on one day are byte-identical (without SOURCE_DATE_EPOCH: today's date)."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    first = run(capsys, str(folder), "--notes", str(notes_file), "--format", "html")
    assert first == run(capsys, str(folder), "--notes", str(notes_file), "--format", "html")
    assert f"Exported {dt.date.today().isoformat()}" in first[1]


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_cli_writes_each_format_to_a_file(capsys, tmp_path: Path, folder: Path, notes_file: Path, fmt: str):
    """-o FILE gets exactly what stdout would have had; stdout stays empty."""
    _, expected, _ = run(capsys, str(folder), "--notes", str(notes_file), "--format", fmt)
    output = tmp_path / "out" / f"notes.{fmt}"
    assert run(capsys, str(folder), "--notes", str(notes_file), "--format", fmt, "-o", str(output)) == (0, "", "")
    assert output.read_text(encoding="utf-8") == expected
    if fmt == "json":
        assert json.loads(expected)["total"] == 1
    if fmt == "html":
        assert expected.startswith("<!DOCTYPE html>") and "&lt;script&gt;" in expected


@pytest.mark.parametrize(("name", "fmt"), [("x.md", "md"), ("x.MARKDOWN", "md"), ("x.jsonld", "json"), ("x.htm", "html"), ("x.html", "html")])
def test_cli_takes_the_format_from_the_output_name(capsys, tmp_path: Path, folder: Path, notes_file: Path, name: str, fmt: str):
    """Without --format, -o x.html is HTML and -o x.md Markdown."""
    _, expected, _ = run(capsys, str(folder), "--notes", str(notes_file), "--format", fmt)
    status, out, err = run(capsys, str(folder), "--notes", str(notes_file), "-o", str(tmp_path / name))
    assert (status, out, err) == (0, "", "")
    assert (tmp_path / name).read_text(encoding="utf-8") == expected


def test_cli_writes_the_format_asked_over_the_name_and_warns(capsys, tmp_path: Path, folder: Path, notes_file: Path):
    """--format wins over the extension, never silently: one warning line names both."""
    out = tmp_path / "x.md"
    status, _, err = run(capsys, str(folder), "--notes", str(notes_file), "--format", "html", "-o", str(out))
    assert status == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert err == f"kato-tui: warning: {out} is a Markdown name; writing HTML as --format asks\n"


def test_cli_writes_markdown_to_a_name_of_no_known_format(capsys, tmp_path: Path, folder: Path, notes_file: Path):
    status, _, err = run(capsys, str(folder), "--notes", str(notes_file), "-o", str(tmp_path / "report.txt"))
    assert (status, err) == (0, "") and (tmp_path / "report.txt").read_text(encoding="utf-8").startswith("---\n")


def test_format_of_names_each_extension():
    assert [format_of(name) for name in ("a.md", "b.Markdown", "c.json", "d.JSONLD", "e.htm", "f.html")] == ["md", "md", "json", "json", "html", "html"]
    assert [format_of(name) for name in ("notes", "notes.txt", ".md", "md", Path("dir.html") / "x")] == [None] * 5


def test_cli_uses_the_corpus_default_notes_file(capsys, folder: Path, data_dir: Path):
    corpus = load_corpus(folder)
    store = NoteStore.for_corpus(corpus)
    assert store.path.parent == data_dir
    store.new(corpus.article("beta"), 0, 12, "from the default file")
    status, out, _ = run(capsys, str(folder), "--format", "json")
    assert status == 0
    assert json.loads(out)["first"]["items"][0]["body"][0]["value"] == "from the default file"


def test_cli_exports_with_no_notes(capsys, data_dir: Path):
    """The bundled story, no notes file yet: the disputes alone, exit 0, and no notes file made."""
    status, out, err = run(capsys)
    assert (status, err) == (0, "")
    assert front_matter(out)["notes"] == 0
    assert "*No notes yet.*" in out and "## Disputed facts" in out
    assert not data_dir.exists()


@pytest.mark.parametrize("content", [b'{"format": "kato-tui-notes", "notes": [', b"\xff\xfe\x00garbage"], ids=["json", "bytes"])
def test_cli_stops_on_an_unreadable_notes_file_and_leaves_it(capsys, tmp_path: Path, folder: Path, content: bytes):
    """Exit 2, one line naming the file, nothing on stdout; the file as it was, nothing moved aside."""
    notes = tmp_path / "notes.json"
    notes.write_bytes(content)
    output = tmp_path / "out.md"
    status, out, err = run(capsys, str(folder), "--notes", str(notes), "-o", str(output))
    assert (status, out) == (2, "")
    assert err.startswith(f"kato-tui: {notes}: ") and err.count("\n") == 1
    assert notes.read_bytes() == content
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus", "notes.json"]


def test_cli_refuses_a_missing_notes_file_it_was_given(capsys, tmp_path: Path, folder: Path):
    status, out, err = run(capsys, str(folder), "--notes", str(tmp_path / "typo.json"))
    assert (status, out) == (2, "")
    assert "typo.json: no such notes file" in err


def test_cli_will_not_write_over_the_notes_file(capsys, folder: Path, notes_file: Path):
    before = notes_file.read_bytes()
    status, _, err = run(capsys, str(folder), "--notes", str(notes_file), "-o", str(notes_file))
    assert status == 2 and "is the notes file itself" in err
    assert notes_file.read_bytes() == before


def test_cli_reports_an_output_it_cannot_write(capsys, tmp_path: Path, folder: Path, notes_file: Path):
    (tmp_path / "taken").mkdir()
    status, _, err = run(capsys, str(folder), "--notes", str(notes_file), "-o", str(tmp_path / "taken"))
    assert status == 2 and err.startswith(f"kato-tui: {tmp_path / 'taken'}: cannot be written")


def test_cli_refuses_an_unknown_format(capsys, folder: Path):
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(folder), "--format", "pdf"])
    assert exit_.value.code == 2


def test_a_note_on_an_article_no_longer_in_the_corpus_is_kept(corpus, analysis):
    gone = make_note(Article(id="gone", outlet="Gone", body="Old text here."), 0, 8, "still mine", now=T0, note_id="n-gone")
    text = export_markdown(corpus, [gone], analysis, date=DATE)
    assert "### 1. gone (orphaned)" in text and "(this article is no longer in the corpus)" in text
    assert "> Old text" in text and "still mine" in text
    assert json.loads(export_json(corpus, [gone]))["first"]["items"][0]["target"]["source"].startswith("urn:uuid:")
