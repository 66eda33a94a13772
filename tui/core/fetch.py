"""Fetching links into a corpus folder: each page kept as fetched under .raw/, its article written as
a .md file with front matter (where it came from, when, and the sha256 of the page as fetched).

The standard library's urllib does the HTTP: one GET per link, redirects followed, a User-Agent,
a timeout and a size limit; nothing here needs sessions, cookies or concurrency.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import http.client
import os
import re
import socket
import ssl
import tempfile
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlsplit, urlunsplit
from urllib.request import Request, urlopen

import yaml

from tui import __version__
from tui.core.corpus import TEXT_SUFFIXES, CorpusError, decode, slug, split_front_matter
from tui.core.pages import Page, PageError, declared_text, host, read_page

USER_AGENT = f"kato-tui/{__version__} (news reader; fetches the links its user lists, one request each)"
TIMEOUT = 20.0
"""Seconds to wait for a server to connect or send anything; a whole download may take three times as long."""
MAX_BYTES = 10 * 1024 * 1024
"""A news page's HTML is 50 KB to 2 MB; more than 10 MB is not an article page."""
RAW_FOLDER = ".raw"
"""Where the pages are kept as fetched: a dot folder, so the reader never takes one for a second copy of its article."""
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 64 * 1024
_GENERIC_SEGMENTS = {"index", "article", "articles", "story", "news", "default", "content", "amp", "print"}
_COUNTRY_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "ne", "or", "go", "gv", "edu"}

Status = Literal["new", "changed", "unchanged"]


class FetchError(Exception):
    """A link that gave no article; ``str()`` says why in a few words (``HTTP 404 Not Found``)."""


@dataclass(frozen=True)
class Download:
    """A page as a server sent it: the bytes (after any gzip), the URL it ended at and the charset it declared."""

    url: str
    final_url: str
    data: bytes
    charset: str | None


@dataclass(frozen=True)
class Saved:
    """A link read into the folder: its article file, the kept page, and whether it is new, changed or unchanged."""

    url: str
    path: Path
    raw: Path
    status: Status
    outlet: str | None
    title: str | None
    previous: str | None = None
    """When the copy already in the folder was fetched (for a changed or unchanged page)."""
    previous_raw: Path | None = None
    """Where the page that copy was made from is kept (for a changed page)."""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failed:
    """A link that gave no article, and why."""

    url: str
    problem: str


@dataclass
class _Known:
    path: Path
    sha256: str | None
    fetched: str | None
    raw: str | None


def read_url_list(text: str) -> list[str]:
    """The links of a list: one a line; blank lines and lines starting with # are skipped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def download(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Download:
    """GET one page. FetchError, in a few words, for anything that is not an HTML page of at most max_bytes."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http:// or https:// link")
    request = Request(_ascii_url(url), headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
    })
    try:
        with urlopen(request, timeout=timeout) as response:  # noqa: S310 - the scheme is checked above
            _check_headers(response.headers, max_bytes)
            data = _read(response, max_bytes, time.monotonic() + 3 * timeout)
            _check_sniffed(response.headers, data)
            return Download(url, response.url, data, response.headers.get_content_charset())
    except HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except URLError as error:
        raise FetchError(_connection_problem(error.reason, parts.hostname, timeout)) from None
    except TimeoutError:
        raise FetchError(f"no answer within {timeout:g} s") from None
    except (http.client.HTTPException, OSError, zlib.error) as error:
        raise FetchError(f"the connection failed ({error.__class__.__name__}: {error})") from None


def _ascii_url(url: str) -> str:
    """A link as HTTP carries it: a host in letters other than ASCII in its IDNA form, other characters
    of the path and query (and spaces) %-escaped, escapes already there left alone."""
    parts = urlsplit(url)
    try:
        hostname = (parts.hostname or "").encode("idna").decode("ascii")
        port = parts.port
    except (UnicodeError, ValueError):
        raise FetchError("not a valid link (its host or port)") from None
    netloc = hostname if ":" not in hostname else f"[{hostname}]"
    if port is not None:
        netloc += f":{port}"
    if parts.username is not None or parts.password is not None:
        raise FetchError("a link with a user name or password in it is not fetched")
    safe = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=safe), quote(parts.query, safe=safe), ""))


def _connection_problem(reason: object, hostname: str, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return f"host not found ({hostname})"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused ({hostname})"
    if isinstance(reason, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({getattr(reason, 'reason', None) or reason})"
    if isinstance(reason, OSError):
        return f"cannot connect ({reason.strerror or reason})"
    return f"cannot connect ({reason})"


def _check_headers(headers: http.client.HTTPMessage, max_bytes: int) -> None:
    kind = headers.get_content_type() if headers.get("Content-Type") else None
    if kind is not None and kind not in _HTML_TYPES:
        raise FetchError(f"not a web page ({kind})")
    length = headers.get("Content-Length", "")
    if length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(f"too large ({_size(int(length))}; the limit is {_size(max_bytes)})")


def _check_sniffed(headers: http.client.HTTPMessage, data: bytes) -> None:
    """A page sent without a Content-Type must look like HTML."""
    if headers.get("Content-Type"):
        return
    start = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not start.startswith((b"<!doctype html", b"<html", b"<head", b"<!--", b"<?xml")):
        raise FetchError("not a web page (no Content-Type, and it does not start as HTML)")


def _read(response: http.client.HTTPResponse, max_bytes: int, deadline: float) -> bytes:
    """The body, gunzipped as it comes, refused once it passes max_bytes or the deadline."""
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding in ("gzip", "x-gzip") else zlib.decompressobj() if encoding == "deflate" else None
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):  # what has come so far: a trickle cannot hold off the deadline
        if inflate is not None:
            chunk = inflate.decompress(chunk, max_bytes + 1 - size)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too large (more than {_size(max_bytes)})")
        if time.monotonic() > deadline:
            raise FetchError("too slow: the page was still coming in after three times the timeout")
        chunks.append(chunk)
    if inflate is not None:
        chunks.append(inflate.flush())
        if size + len(chunks[-1]) > max_bytes:
            raise FetchError(f"too large (more than {_size(max_bytes)})")
    return b"".join(chunks)


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count / 1024:.0f} KB"


class Fetcher:
    """Reads links into one folder; remembers which of its articles came from which URL, so that a
    link fetched again updates its own article (or says it is unchanged) instead of adding a copy."""

    def __init__(self, folder: Path, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> None:
        self.folder = folder
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._known = _articles_by_url(folder)

    def fetch(self, url: str, now: dt.datetime | None = None) -> Saved | Failed:
        """Download one link and save its article; a Failed, never an exception, for a link that gives none."""
        got = self.download(url)
        return got if isinstance(got, Failed) else self.keep(got, now)

    def download(self, url: str) -> Download | Failed:
        """Download one link (safe to run for several links at once: it touches no file)."""
        try:
            return download(url, timeout=self.timeout, max_bytes=self.max_bytes)
        except FetchError as error:
            return Failed(url, str(error))

    def keep(self, got: Download, now: dt.datetime | None = None) -> Saved | Failed:
        """Save a downloaded page's article, or a Failed when the page gives none (one link at a time)."""
        try:
            return self.save(got, now or dt.datetime.now(dt.timezone.utc))
        except FetchError as error:
            return Failed(got.url, str(error))

    def save(self, got: Download, now: dt.datetime) -> Saved:
        """Write a downloaded page's article (unless the folder holds this very page already) and keep the page."""
        warnings: list[str] = []
        page = _read_downloaded(got, warnings)
        sha = hashlib.sha256(got.data).hexdigest()
        urls = {one for one in (got.url, got.final_url, page.url) if one}
        known = next((self._known[one] for one in urls if one in self._known), None)
        if known is not None and known.sha256 == sha:
            raw = self.folder / RAW_FOLDER / f"{known.path.stem}.{sha[:12]}.html"
            if not raw.exists():
                _write_atomic(raw, got.data)
            return Saved(got.url, known.path, raw, "unchanged", page.outlet, page.title, known.fetched, warnings=tuple(warnings))
        stem = known.path.stem if known is not None else self._free_name(page_name(page.url or got.final_url))
        raw = self.folder / RAW_FOLDER / f"{stem}.{sha[:12]}.html"
        fetched = now.astimezone(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        article = self.folder / f"{stem}.md"
        _write_atomic(raw, got.data)
        _write_atomic(article, article_file(page, fetched=fetched, sha256=sha, raw=raw.relative_to(self.folder)).encode("utf-8"))
        record = _Known(article, sha, fetched, raw.relative_to(self.folder).as_posix())
        for one in urls:
            self._known[one] = record
        if known is None:
            return Saved(got.url, article, raw, "new", page.outlet, page.title, warnings=tuple(warnings))
        earlier = self.folder / known.raw if known.raw else None
        return Saved(got.url, article, raw, "changed", page.outlet, page.title, known.fetched, earlier, tuple(warnings))

    def _free_name(self, name: str) -> str:
        taken = {path.stem.lower() for path in self.folder.glob("*") if path.is_file()} if self.folder.is_dir() else set()
        number, candidate = 2, name
        while candidate.lower() in taken:
            candidate = f"{name}-{number}"
            number += 1
        return candidate


def _read_downloaded(got: Download, warnings: list[str]) -> Page:
    text = declared_text(got.data, got.charset)
    if text is None:
        found: list[str] = []
        try:
            text = decode(Path("page"), got.data, found)
        except CorpusError as error:
            raise FetchError(error.problem) from None
        warnings.extend(message.split(": ", 1)[-1] for message in found)
    try:
        return read_page(text, url=got.final_url)
    except PageError as error:
        raise FetchError(f"{error}; not saved") from None


def article_file(page: Page, *, fetched: str, sha256: str, raw: Path) -> str:
    """A .md article: front matter (outlet, title, date, url, language, fetched, sha256, raw) and the text."""
    meta = {
        "outlet": page.outlet,
        "title": page.title,
        "date": page.date,
        "url": page.url,
        "language": page.language,
        "fetched": fetched,
        "sha256": sha256,
        "raw": raw.as_posix(),
    }
    front = yaml.safe_dump({key: value for key, value in meta.items() if value}, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f"---\n{front}---\n{page.text}\n"


def page_name(url: str | None) -> str:
    """A file name (without extension) for a page: its site and the last words of its path,
    ``harbourherald-ferry-fares-to-rise`` for https://www.harbourherald.example/news/2025/03/03/ferry-fares-to-rise."""
    parts = urlsplit(url or "")
    site = host(url) or "page"
    labels = site.split(".")
    if not re.fullmatch(r"[\d.]+", site) and len(labels) > 1:
        labels = labels[:-1]
        if len(labels) > 1 and labels[-1] in _COUNTRY_SECOND_LEVEL:
            labels = labels[:-1]
    segments = [segment for segment in parts.path.split("/") if segment]
    words = [re.sub(r"\.[a-z]{2,5}$", "", segment, flags=re.IGNORECASE) for segment in segments[-2:]]
    words = [word for word in words if word.lower() not in _GENERIC_SEGMENTS and not word.isdigit()][-1:]
    if not words and parts.query:
        words = [re.sub(r"[^0-9A-Za-z]+", " ", parts.query)]
    name = slug(" ".join(["-".join(labels), *words]))
    return name[:80].rstrip("-") or "page"


def _articles_by_url(folder: Path) -> dict[str, _Known]:
    """The folder's text articles by the url in their front matter (what an earlier fetch wrote)."""
    known: dict[str, _Known] = {}
    if not folder.is_dir():
        return known
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in TEXT_SUFFIXES or path.name.startswith(".") or not path.is_file():
            continue
        try:
            meta, _ = split_front_matter(path, path.read_text(encoding="utf-8", errors="replace"))
        except (CorpusError, OSError):
            continue
        if meta.get("url"):
            known.setdefault(meta["url"], _Known(path, meta.get("sha256"), meta.get("fetched"), meta.get("raw")))
    return known


def _write_atomic(path: Path, data: bytes) -> None:
    """All or nothing: a dot-named temporary file beside it (which no reader lists), then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        # mkstemp makes the file private; an article and its page are as shareable as any download.
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def unique(urls: Iterable[str]) -> list[str]:
    """The links in order, each once."""
    return list(dict.fromkeys(urls))

