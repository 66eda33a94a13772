"""Saved web pages in a corpus folder: the story kept, the page furniture dropped, the metadata read,
legacy charsets honoured, empty pages left out by name, and the same quote matched across two pages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.analysis import analyse
from tui.core.corpus import CorpusError, load_article, load_corpus
from tui.core.pages import PageError, declared_text, read_page

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "data" / "pages"
HERALD = PAGES / "harbour-herald.html"
GAZETTE = PAGES / "islands-gazette.html"  # Windows-1252, declared in a meta http-equiv, a layout table
GREEK = PAGES / "limaniatika-nea.html"  # ISO-8859-7, saved with SingleFile
PAYWALL = PAGES / "quayside-ledger-paywall.html"
JS_ONLY = PAGES / "coastal-wire-app.html"
QUOTE = "We cannot keep the ferries running on goodwill alone"


def corpus_of(tmp_path: Path, *pages: Path, extra: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for page in pages:
        shutil.copy(page, folder / page.name)
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# What the text keeps and drops -------------------------------------------------------------------

HERALD_FURNITURE = [
    "We use cookies", "Accept all cookies", "cookie policy",  # the cookie notice
    "Business", "Weather", "Subscribe", "Search the Herald", "Home",  # navigation and search
    "By Jane Doe", "Transport Correspondent", "09:12 GMT",  # byline and timestamp
    "Share on Facebook", "Share on X", "Email this article", "WhatsApp", "Copy link", "Share this story",
    "Photograph: John Roe",  # the caption
    "Advertisement",
    "Read more", "Storms cancel dozens", "Harbour board appoints", "Fuel costs push bus fares", "islands deserve a better",
    "Most read", "Rovers win the cup", "gales expected",
    "morning briefing", "Sign up", "newsletter",
    "Topics:", "Follow her on X",  # tags and the author box
    "About us", "Privacy policy", "All rights reserved", "company no.",  # the footer
    "dataLayer", "schema.org",  # scripts
]


def test_the_story_is_kept_whole_in_paragraphs():
    article = load_article(HERALD)
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("PORT ELLIS, March 3 \u2013 Ferry fares between Port Ellis")
    assert paragraphs[-1] == (
        "The new fares are due to take effect on April 1, subject to a vote by the regional transport committee later this month."
    )
    assert f"\u201c{QUOTE},\u201d she told reporters" in article.body
    assert "\u201cThis is a tax on living where we live.\u201d" in article.body
    assert "\u00a36.00, up from \u00a35.00" in article.body
    assert "\n" not in "".join(paragraphs)  # a blank line between paragraphs, no other breaks


@pytest.mark.parametrize("furniture", HERALD_FURNITURE)
def test_page_furniture_stays_out(furniture):
    assert furniture not in load_article(HERALD).body


def test_the_headline_and_the_pull_quote_are_not_repeated_in_the_text():
    body = load_article(HERALD).body
    assert "Ferry fares to rise by a fifth" not in body
    assert body.count("Every crossing this winter lost money") == 1  # the story's sentence, not the pull quote


def test_the_text_is_plain_text_not_markup_or_markdown():
    body = load_article(HERALD).body
    assert "<" not in body and "&" not in body
    for paragraph in body.split("\n\n"):
        assert not paragraph.startswith(("- ", "* ", "#", "|", ">")), paragraph
    assert "**" not in body and "](" not in body


def test_metadata_comes_from_the_page():
    article = load_article(HERALD)
    assert article.outlet == "The Harbour Herald"
    assert article.title == "Ferry fares to rise by a fifth, harbour board says"
    assert article.date == "2025-03-03"
    assert article.url == "https://www.harbourherald.example/news/2025/03/03/ferry-fares-to-rise"
    assert article.language == "en-GB"
    assert article.id == "harbour-herald"


def test_a_page_without_a_site_name_is_its_host():
    article = load_article(GAZETTE)
    assert article.outlet == "islandsgazette.example"
    assert article.url == "http://www.islandsgazette.example/news/ferry-fares.asp?id=4471"
    assert article.title == "Harbour board raises ferry fares by 20%"
    assert article.date == "2025-03-03"


def test_a_page_laid_out_in_a_table_gives_its_story_without_the_menus():
    body = load_article(GAZETTE).body
    assert "Islanders face a 20% rise in ferry fares from April" in body
    assert "Storms cancelled 41 sailings in January." in body
    for furniture in ("Tide tables", "Family notices", "Contact the Gazette", "Also on the Gazette", "Skerry school wins award",
                      "Advertising rates", "1998-2025", "by Tom\u00e1s", "|"):
        assert furniture not in body, furniture
    assert not body.startswith("Harbour board raises ferry fares")  # the headline


def test_a_data_table_is_left_out_and_the_story_around_it_kept(tmp_path):
    before = "The harbour board published the winter figures for every route on Monday, route by route. " * 3
    after = "Councillors said the figures showed the islands had been cut off for weeks at a time this winter. " * 3
    page = (
        "<html><head><meta charset='utf-8'><title>Winter figures</title></head><body><article>"
        f"<p>{before}</p><table><tr><th>Route</th><th>Cancelled</th></tr><tr><td>Skerry</td><td>41</td></tr></table>"
        f"<p>{after}</p></article></body></html>"
    )
    body = load_article(corpus_of(tmp_path, extra={"figures.html": page}) / "figures.html").body
    assert body == f"{before.strip()}\n\n{after.strip()}"


def test_an_old_page_that_makes_paragraphs_with_line_breaks_keeps_them():
    first = "The harbour board voted to raise the fares on every route by a fifth from April, its chair said."
    second = "Councillors on the islands said they would fight the rise at the regional transport committee."
    page = (
        "<html><head><meta charset=utf-8><title>Fares</title></head><body><div id=story><font face=arial>"
        f"{first}<br><br>{second}<br>A second line of the same paragraph, in the same words as printed.<br><br>{first}"
        "</font></div></body></html>"
    )
    assert read_page(page).text == (
        f"{first}\n\n{second}\nA second line of the same paragraph, in the same words as printed.\n\n{first}"
    )


# Charsets -----------------------------------------------------------------------------------------


def test_a_windows_1252_page_declared_in_a_meta_tag_is_read_right(tmp_path):
    assert b"charset=windows-1252" in GAZETTE.read_bytes() and b"Zo\xeb M\xfcller" in GAZETTE.read_bytes()
    corpus = load_corpus(corpus_of(tmp_path, HERALD, GAZETTE))
    body = corpus.article("islands-gazette").body
    assert "Zo\u00eb M\u00fcller, who runs the caf\u00e9 on the pier" in body
    assert "\u201cIt\u2019s the na\u00efve idea that we can simply absorb it,\u201d" in body
    assert "\u00c3" not in body and "\ufffd" not in body
    assert corpus.warnings == ()  # the page says what it is: nothing to warn about


def test_a_greek_page_in_iso_8859_7_is_read_right():
    article = load_article(GREEK)
    assert "\u00abΔεν μπορούμε να κρατάμε τα πλοία σε λειτουργία μόνο με καλή θέληση\u00bb" in article.body
    assert article.outlet == "Λιμανιάτικα Νέα"
    assert article.title == "Αύξηση 20% στα εισιτήρια των πλοίων"
    assert article.language == "el"
    assert article.date == "2025-03-04"
    # No canonical link: the URL SingleFile noted when it saved the page.
    assert article.url == "https://www.limanionews.example/koinonia/aykshsh-naylwn-ploiwn"
    assert "Αρχική" not in article.body and "Με επιφύλαξη" not in article.body  # menu, footer


def test_the_meta_charset_wins_over_a_guess():
    data = GREEK.read_bytes()
    assert declared_text(data) == data.decode("iso-8859-7")
    # The server's charset comes first, as in a browser.
    assert declared_text("<meta charset='utf-8'><p>caf\u00e9".encode("cp1252"), "windows-1252") == "<meta charset='utf-8'><p>caf\u00e9"
    # Latin-1 means Windows-1252 on the web: its curly quotes are 0x93 and 0x94.
    assert declared_text(b"<meta charset=iso-8859-1>\x93q\x94") == "<meta charset=iso-8859-1>\u201cq\u201d"
    assert declared_text(b"<p>no charset here</p>") is None


def test_a_page_that_declares_no_charset_is_read_like_a_text_file(tmp_path):
    page = GAZETTE.read_bytes().replace(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', b"")
    corpus = load_corpus(_with(tmp_path, {"gazette.html": page}))
    assert "Zo\u00eb M\u00fcller" in corpus.article("gazette").body
    (warning,) = corpus.warnings
    assert "gazette.html: not UTF-8; read as Windows-1252" in warning


def _with(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = corpus_of(tmp_path, HERALD)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


# Pages with no article ------------------------------------------------------------------------------


def test_a_paywalled_or_javascript_page_is_left_out_by_name_and_the_rest_open(tmp_path):
    corpus = load_corpus(corpus_of(tmp_path, HERALD, GAZETTE, PAYWALL, JS_ONLY))
    assert [article.id for article in corpus.articles] == ["harbour-herald", "islands-gazette"]
    assert len(corpus.warnings) == 2
    for warning, page in zip(sorted(corpus.warnings), (JS_ONLY, PAYWALL)):
        assert warning.startswith(f"{tmp_path / 'story' / page.name}: almost no article text")
        assert "\n" not in warning


def test_a_folder_left_with_one_article_says_which_pages_were_empty(tmp_path):
    with pytest.raises(CorpusError) as caught:
        load_corpus(corpus_of(tmp_path, HERALD, PAYWALL))
    assert "only one article (harbour-herald.html)" in str(caught.value)
    assert "quayside-ledger-paywall.html left out: almost no text" in str(caught.value)


def test_a_javascript_shell_is_no_page():
    with pytest.raises(PageError, match="almost no article text"):
        read_page(JS_ONLY.read_text(encoding="utf-8"))


# Pages beside text files, and the analysis ------------------------------------------------------


def test_pages_and_text_files_open_together_in_file_order(tmp_path):
    note = "---\noutlet: Skerry Radio\ntitle: Fares up\ndate: 2025-03-03\n---\nThe harbour board raised fares.\n"
    corpus = load_corpus(corpus_of(tmp_path, HERALD, GAZETTE, extra={"radio.md": note}))
    assert [(article.id, article.outlet) for article in corpus.articles] == [
        ("harbour-herald", "The Harbour Herald"),
        ("islands-gazette", "islandsgazette.example"),
        ("radio", "Skerry Radio"),
    ]


def test_two_pages_carrying_the_same_quote_are_matched(tmp_path):
    analysis = analyse(load_corpus(corpus_of(tmp_path, HERALD, GAZETTE)))
    groups = [group for group in analysis.groups if any(QUOTE in member.text for member in group.members)]
    assert len(groups) == 1
    (group,) = groups
    assert set(group.articles) == {"harbour-herald", "islands-gazette"}
    assert group.kind == "quote"
    for member in group.members:
        body = analysis.corpus.article(member.span.article).body
        assert body[member.span.start:member.span.end] == member.text
        assert member.speaker == "Marta Kowalski"
    # Furniture the two pages share (the site names, a related-story headline) is nowhere to be matched.
    assert all("Storms cancel dozens" not in member.text for group in analysis.groups for member in group.members)


def test_extraction_is_the_same_every_time_even_for_copies(tmp_path):
    """Two copies of one page (wire copy) keep all their text however often and in whatever order
    they are read: the extractor's duplicate filter must not remember earlier pages."""
    folder = corpus_of(tmp_path, HERALD, GAZETTE)
    shutil.copy(HERALD, folder / "herald-copy.html")
    bodies = [tuple(article.body for article in load_corpus(folder).articles) for _ in range(4)]
    assert len(set(bodies)) == 1
    assert bodies[0][0] == bodies[0][1] == load_article(HERALD).body


# Start-up ----------------------------------------------------------------------------------------

PROBE = """
import json, sys
from tui.core.corpus import load_corpus
load_corpus(sys.argv[1])
print(json.dumps(sorted(name for name in sys.modules if name == "tui.core.pages" or name.split(".")[0] in {"trafilatura", "lxml", "htmldate"})))
"""


def test_a_folder_of_text_files_never_loads_the_page_reader_or_extractor(tmp_path):
    folder = corpus_of(tmp_path, extra={"a.md": "One article.\n", "b.txt": "Another article.\n"})
    result = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_a_folder_with_a_page_does_load_it(tmp_path):
    """The probe above is not blind."""
    folder = corpus_of(tmp_path, HERALD, extra={"b.txt": "Another article.\n"})
    result = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert {"tui.core.pages", "trafilatura", "lxml"} <= set(json.loads(result.stdout))


# A blog-style page: comments, a sidebar, subheadings and a list in the story ----------------------

BLOG = PAGES / "quay-blog.html"


def test_subheadings_and_list_items_are_paragraphs_of_their_own_without_markers():
    paragraphs = load_article(BLOG).body.split("\n\n")
    assert paragraphs[1] == "What changes"
    assert paragraphs[3:6] == [
        "An adult single to the mainland rises from \u00a35 to \u00a36.",
        "Season tickets for island residents rise by 12 per cent, not 20.",
        "Children under five still travel free on every crossing.",
    ]
    assert paragraphs[-1] == "The regional transport committee votes on the new fares later this month. Councillor Ewan Bright has said he will oppose them."


@pytest.mark.parametrize("furniture", [
    "Log in", "Register", "Home", "Posted on", "quaywatcher",  # top bar, menu, byline
    "Related", "Storms cancel 41 crossings", "New chair for the harbour board", "Share this", "Twitter",
    "Posted in", "Tagged", "Previous:", "The school run by sea",  # entry footer and post navigation
    "thoughts on", "outrageous", "Old Salt", "Leave a Reply", "Required fields",  # the comments
    "Recent Posts", "About this blog", "since 2011", "Proudly powered by WordPress",  # sidebar, footer
])
def test_comments_sidebars_and_post_navigation_stay_out(furniture):
    assert furniture not in load_article(BLOG).body


def test_a_blog_page_gives_its_metadata():
    article = load_article(BLOG)
    assert (article.outlet, article.date, article.language) == ("The Quay Blog", "2025-03-04", "en-US")
    assert article.url == "https://quayblog.example/2025/03/04/ferry-fare-rise-explained/"
