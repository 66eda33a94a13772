"""Saved web pages: the article's text and metadata of an .html page, by trafilatura tuned for precision.

The loader imports this module only when a folder holds a page, and this module imports trafilatura
(and lxml under it) only when it reads one: a folder of .md/.txt articles opens without paying for either.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MIN_WORDS = 40
"""Fewer words than this is no article: a paywall's teaser, or a page that needs JavaScript to show its text."""
_PRESCAN = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# What browsers read a declared charset as (the WHATWG Encoding Standard): Latin-1 and ASCII labels
# mean Windows-1252, whose curly quotes and dashes pages declared as Latin-1 are full of.
_WHATWG_ALIASES = {
    "iso8859_1": "cp1252", "ascii": "cp1252", "iso8859_9": "cp1254", "iso8859_11": "cp874", "tis_620": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949", "shift_jis": "cp932", "big5": "big5hkscs",
}
# Furniture trafilatura does not know by itself: pull quotes repeat the story's words, and
# "read more" boxes name other stories.
_PRUNE = (
    "//*[contains(@class, 'pullquote') or contains(@class, 'pull-quote') or contains(@class, 'pull_quote')"
    " or contains(@class, 'inline-related') or contains(@class, 'read-more') or contains(@class, 'readmore')]"
)
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "article", "section", "ul", "ol")
_LINK_SHARE = 0.6
"""A paragraph whose text is mostly links is a list of other stories ("Also on the Gazette: ...")."""
# The URL a browser or SingleFile writes into the page it saves.
_SAVED_FROM = (
    re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE),
    re.compile(r"<!--\s*Page saved with SingleFile\s*\n\s*url:\s*(\S+)", re.IGNORECASE),
)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class PageError(Exception):
    """A page with no article in it; ``str()`` says why, in a few words."""


@dataclass(frozen=True)
class Page:
    """What a saved or fetched page holds: its article's text, paragraphs separated by blank lines."""

    text: str
    title: str | None
    outlet: str | None
    date: str | None
    """ISO (2025-03-03) when the page gives one."""
    url: str | None
    language: str | None


def read_page(text: str, *, url: str | None = None) -> Page:
    """The article in a page (decoded: see declared_text): text and metadata. ``url`` is where it was
    fetched from, a hint the page's own canonical link outdoes. PageError when the page holds almost
    no text."""
    tree = _parse(text)
    saved_from = _saved_from(text)
    document = _extract(tree, url or saved_from)
    title = _clean(getattr(document, "title", None))
    body = _body_text(document, title) if document is not None else ""
    if len(body.split()) < MIN_WORDS:
        raise PageError("almost no article text (a paywall, or a page that needs JavaScript?)")
    page_url = getattr(document, "url", None) or url or saved_from
    return Page(
        text=body,
        title=title,
        outlet=_clean(getattr(document, "sitename", None)) or host(page_url),
        date=getattr(document, "date", None),
        url=page_url,
        language=_language(tree),
    )


def host(url: str | None) -> str | None:
    """The host of a URL without its ``www.``: ``harbourherald.example``."""
    if not url:
        return None
    name = urlsplit(url).hostname or ""
    return name.removeprefix("www.") or None


# Charset -----------------------------------------------------------------------------------------


def declared_text(data: bytes, declared: str | None = None) -> str | None:
    """The page as text when its charset is known, as a browser knows it: a byte order mark, else the
    charset the server declared, else the page's own ``<meta charset>`` (or http-equiv Content-Type).
    None when nothing declares one: the caller reads it as UTF-8 or guesses, as for a .txt file."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace").lstrip("\ufeff")
    for label in (declared, _meta_charset(data)):
        codec = _codec(label)
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            if codec != "utf-8":
                return data.decode(codec, errors="replace")
            # Declared UTF-8 but it is not: pages that say so and are Windows-1252 are common; guess.
    return None


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:_PRESCAN])
    return found.group(1).decode("ascii") if found else None


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label, as browsers map it; None for a label no codec knows."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    # A page that says UTF-16 in a meta tag but has no BOM is ASCII-compatible bytes: browsers read UTF-8.
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    return _WHATWG_ALIASES.get(name.replace("-", "_"), name)


# Extraction --------------------------------------------------------------------------------------


def _parse(text: str) -> HtmlElement:
    from lxml import html as lxml_html

    # Given as UTF-8 bytes with the parser told so, lxml reads the text we decoded, not what a
    # meta tag inside it claims; huge_tree lets a SingleFile page's inlined images through.
    parser = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True)
    source = _XML_DECLARATION.sub("", text, count=1).encode("utf-8", errors="replace") or b"<html></html>"
    tree = lxml_html.document_fromstring(source, parser=parser)
    _unwrap_layout_tables(tree)
    _drop_link_lists(tree)
    return tree


def _unwrap_layout_tables(tree: HtmlElement) -> None:
    """Tables that lay a page out (their cells hold paragraphs and headings) become plain blocks, so
    that the story in a cell is read while data tables are left out (include_tables=False)."""
    for table in list(tree.iter("table")):
        if any(element.tag in _BLOCKS or element.tag == "table" for element in table.iterdescendants()):
            for element in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th"):
                element.tag = "div"


def _drop_link_lists(tree: HtmlElement) -> None:
    """Remove paragraphs and list items that are mostly links to other stories."""
    for element in list(tree.iter("p", "li", "dd")):
        text = _SPACES.sub(" ", element.text_content()).strip()
        if not text or element.getparent() is None:
            continue
        linked = sum(len(_SPACES.sub(" ", link.text_content()).strip()) for link in element.iter("a"))
        if linked >= _LINK_SHARE * len(text):
            element.drop_tree()


def _extract(tree: HtmlElement, url: str | None) -> Any:
    _quiet_loggers()
    import trafilatura
    from trafilatura.deduplication import LRUCache

    return trafilatura.bare_extraction(
        tree,
        url=url,
        favor_precision=True,
        include_comments=False,
        # A data table's cells come out as '| a | b |' rows; a layout table was unwrapped above.
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        # A cache of our own, per page: the library's default is shared by every call, so a
        # paragraph that two pages print alike (wire copy) would vanish from the third page read.
        deduplicate=LRUCache(maxsize=4096),
        with_metadata=True,
        prune_xpath=_PRUNE,
    )


def _quiet_loggers() -> None:
    """The extraction libraries log what they skip; without a handler of their own Python would
    print their warnings on stderr, over the reader's screen."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def _body_text(document: Any, title: str | None) -> str:
    """Plain text from trafilatura's XML: one paragraph for each paragraph, heading, list item or quote,
    separated by blank lines; a line break inside one stays a line break. A first paragraph that
    repeats the title is the headline, not the story."""
    paragraphs = [text for text in (_paragraph(element) for element in _blocks(document.body)) if text]
    if paragraphs and title and _SPACES.sub(" ", title).strip().casefold() == paragraphs[0].casefold():
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _blocks(element: Any) -> list[Any]:
    """The leaf blocks under trafilatura's body, in order: containers (lists, quotes of paragraphs) opened."""
    found = []
    for child in element:
        if child.tag in {"list", "quote", "div", "table", "row", "cell"} and any(
            grandchild.tag in {"p", "item", "head", "list", "quote"} for grandchild in child
        ):
            found.extend(_blocks(child))
        else:
            found.append(child)
    return found


def _paragraph(element: Any) -> str:
    """An element's text: one line break stays one, and two in a row (old pages make paragraphs with
    <br><br>) are a paragraph break."""
    pieces: list[str] = []
    _text_of(element, pieces)
    parts = re.split(r"\n[ \t]*\n\s*", "".join(pieces))
    lines = (_lines(part) for part in parts)
    return "\n\n".join(line for line in lines if line)


def _lines(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_of(element: Any, pieces: list[str]) -> None:
    if element.tag == "lb":
        pieces.append("\n")
    elif element.text:
        pieces.append(element.text)
    for child in element:
        _text_of(child, pieces)
        if child.tail:
            pieces.append(child.tail)


def _language(tree: HtmlElement) -> str | None:
    """The page's declared language: ``<html lang>``, else a Content-Language meta, else og:locale (en_GB -> en-GB)."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']/@content")
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for value in candidates:
        value = (value or "").split(",")[0].strip().replace("_", "-")
        if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value):
            return value
    return None


def _saved_from(text: str) -> str | None:
    """The URL a saved page was saved from, as the browser or SingleFile noted it in a comment."""
    head = text[:_PRESCAN]
    for pattern in _SAVED_FROM:
        found = pattern.search(head)
        if found and found.group(1).startswith(("http://", "https://")):
            return found.group(1)
    return None


def _clean(value: str | None) -> str | None:
    value = _SPACES.sub(" ", value or "").strip()
    return value or None
