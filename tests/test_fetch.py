"""kato-tui fetch against a local HTTP server on 127.0.0.1 serving the test pages (no other network):
articles written with their front matter, raw pages kept and hashed, one line for each failing link,
nothing half-written, a refetch that says whether the page changed."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from tui.cli import main
from tui.core.corpus import load_corpus
from tui.core.fetch import RAW_FOLDER, Failed, Fetcher, Saved, download, page_name

PAGES = Path(__file__).resolve().parent / "data" / "pages"
HERALD = (PAGES / "harbour-herald.html").read_bytes()
GAZETTE = (PAGES / "islands-gazette.html").read_bytes()  # Windows-1252, declared only in a meta tag
PAYWALL = (PAGES / "quayside-ledger-paywall.html").read_bytes()
QUOTE = "We cannot keep the ferries running on goodwill alone"


class Site(BaseHTTPRequestHandler):
    """The routes of the test site; ``pages`` may be changed by a test (a page edited between fetches)."""

    pages: dict[str, bytes] = {}
    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        Site.seen.append({"path": self.path, **dict(self.headers.items())})
        route = getattr(self, "_" + self.path.strip("/").replace("-", "_").replace(".", "_"), None)
        if self.path in self.pages:
            self._send(200, "text/html", self.pages[self.path])
        elif route is not None:
            route()
        else:
            self._send(404, "text/html", b"<html><body><h1>Not found</h1></body></html>")

    def _send(self, status: int, kind: str, body: bytes, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _report_pdf(self) -> None:
        self._send(200, "application/pdf", b"%PDF-1.7\n" + b"0" * 100)

    def _huge(self) -> None:  # says it is 50 MB: refused before it is read
        self._send(200, "text/html", b"<html>", length=str(50 * 1024 * 1024))

    def _endless(self) -> None:  # no Content-Length, and more than any limit: refused while it is read
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(64):
            self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")

    def _trickle(self) -> None:  # a byte every 50 ms, for ever as far as the client knows
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(100):
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(0.05)

    def _slow(self) -> None:
        time.sleep(2)
        self._send(200, "text/html", HERALD)

    meeting = threading.Barrier(2)

    def _meet_a(self) -> None:  # answers only once a second link is being downloaded at the same time
        self._meet(HERALD)

    def _meet_b(self) -> None:
        self._meet(GAZETTE)

    def _meet(self, page: bytes) -> None:
        try:
            Site.meeting.wait(timeout=5)
        except threading.BrokenBarrierError:
            self._send(503, "text/html", b"<html>alone</html>")
            return
        self._send(200, "text/html", page)

    def _old_address(self) -> None:
        self._send(301, "text/html", b"", Location="/herald.html")

    def _gzipped(self) -> None:
        self._send(200, "text/html; charset=utf-8", gzip.compress(HERALD), Content_Encoding="gzip")

    def _gazette_header_charset(self) -> None:  # the server declares the charset; the page does not
        page = GAZETTE.replace(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', b"")
        self._send(200, "text/html; charset=windows-1252", page)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up (the timeout and size tests) breaks the pipe: not worth a traceback."""


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """The test server is on this machine: never go through a proxy the environment names."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site() -> Iterator[str]:
    Site.pages = {"/herald.html": HERALD, "/gazette.html": GAZETTE, "/paywall.html": PAYWALL}
    Site.seen = []
    server = QuietServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def front_matter(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def files_in(folder: Path) -> list[str]:
    """Every file under the folder, hidden ones and the raw pages included, relative to it."""
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()) if folder.exists() else []


# Downloading -------------------------------------------------------------------------------------


def test_download_gets_the_page_as_served_with_a_user_agent(site):
    got = download(f"{site}/herald.html")
    assert got.data == HERALD
    assert got.final_url == f"{site}/herald.html"
    assert Site.seen[-1]["User-Agent"].startswith("kato-tui/")


def test_a_gzipped_page_is_kept_unzipped(site):
    assert download(f"{site}/gzipped").data == HERALD


def test_a_link_with_letters_other_than_ascii_and_spaces_is_escaped(site):
    Site.pages["/caf%C3%A9/ferry%20fares.html"] = HERALD
    assert download(f"{site}/caf\u00e9/ferry fares.html").data == HERALD


def test_a_redirect_is_followed(site):
    assert download(f"{site}/old-address").final_url == f"{site}/herald.html"


def test_an_endless_page_is_cut_off_at_the_size_limit(site, tmp_path):
    result = Fetcher(tmp_path / "out", max_bytes=1024 * 1024).fetch(f"{site}/endless")
    assert isinstance(result, Failed)
    assert result.problem == "too large (more than 1.0 MB)"


# Saving ------------------------------------------------------------------------------------------


def test_a_fetched_page_becomes_an_article_with_its_front_matter_and_its_raw_page(site, tmp_path):
    folder = tmp_path / "story"
    saved = Fetcher(folder).fetch(f"{site}/herald.html")
    assert isinstance(saved, Saved) and saved.status == "new"
    sha = hashlib.sha256(HERALD).hexdigest()
    assert files_in(folder) == [f".raw/harbourherald-ferry-fares-to-rise.{sha[:12]}.html", "harbourherald-ferry-fares-to-rise.md"]
    assert (folder / RAW_FOLDER / f"harbourherald-ferry-fares-to-rise.{sha[:12]}.html").read_bytes() == HERALD
    meta = front_matter(saved.path)
    assert list(meta) == ["outlet", "title", "date", "url", "language", "fetched", "sha256", "raw"]
    assert meta["outlet"] == "The Harbour Herald"
    assert meta["title"] == "Ferry fares to rise by a fifth, harbour board says"
    assert str(meta["date"]) == "2025-03-03"
    assert meta["url"] == "https://www.harbourherald.example/news/2025/03/03/ferry-fares-to-rise"
    assert meta["sha256"] == sha
    assert meta["raw"] == f".raw/harbourherald-ferry-fares-to-rise.{sha[:12]}.html"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", meta["fetched"])


def test_the_fetched_folder_opens_with_one_article_per_page_and_the_quote_matched(site, tmp_path):
    folder = tmp_path / "story"
    fetcher = Fetcher(folder)
    for page in ("herald.html", "gazette.html"):
        assert isinstance(fetcher.fetch(f"{site}/{page}"), Saved)
    corpus = load_corpus(folder)
    # The raw pages under .raw/ are never taken for second copies of the articles.
    assert [(article.outlet, article.date) for article in corpus.articles] == [
        ("The Harbour Herald", "2025-03-03"),
        ("islandsgazette.example", "2025-03-03"),
    ]
    assert corpus.warnings == ()
    gazette = corpus.articles[1]
    assert "Zo\u00eb M\u00fcller, who runs the caf\u00e9" in gazette.body  # the meta tag's Windows-1252
    assert "Tide tables" not in gazette.body
    assert all(f"{QUOTE}" in article.body for article in corpus.articles)
    # The article text in the .md file is the text the page gives when opened as it is.
    assert (folder / "harbourherald-ferry-fares-to-rise.md").read_text(encoding="utf-8").endswith(
        load_corpus(_folder_of_pages(tmp_path)).articles[1].body + "\n"
    )


def _folder_of_pages(tmp_path: Path) -> Path:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a-gazette.html").write_bytes(GAZETTE)
    (folder / "b-herald.html").write_bytes(HERALD)
    return folder


def test_a_charset_the_server_declares_is_honoured(site, tmp_path):
    saved = Fetcher(tmp_path / "out").fetch(f"{site}/gazette-header-charset")
    assert isinstance(saved, Saved) and saved.warnings == ()
    assert "Zo\u00eb M\u00fcller" in saved.path.read_text(encoding="utf-8")


def test_fetching_again_says_unchanged_and_writes_nothing(site, tmp_path):
    folder = tmp_path / "story"
    first = Fetcher(folder).fetch(f"{site}/herald.html")
    assert isinstance(first, Saved)
    before = {name: (folder / name).read_bytes() for name in files_in(folder)}
    again = Fetcher(folder).fetch(f"{site}/herald.html")
    assert isinstance(again, Saved)
    assert again.status == "unchanged" and again.path == first.path
    assert again.previous == front_matter(first.path)["fetched"]
    assert {name: (folder / name).read_bytes() for name in files_in(folder)} == before


def test_fetching_a_changed_page_updates_its_article_and_keeps_the_earlier_page(site, tmp_path):
    folder = tmp_path / "story"
    first = Fetcher(folder).fetch(f"{site}/herald.html")
    assert isinstance(first, Saved)
    Site.pages["/herald.html"] = HERALD.replace(b"41 crossings were cancelled", b"43 crossings were cancelled")
    again = Fetcher(folder).fetch(f"{site}/herald.html")
    assert isinstance(again, Saved)
    assert again.status == "changed" and again.path == first.path
    assert again.previous_raw == first.raw and first.raw.read_bytes() == HERALD
    assert again.raw.read_bytes() == Site.pages["/herald.html"]
    assert front_matter(again.path)["sha256"] == hashlib.sha256(Site.pages["/herald.html"]).hexdigest()
    assert "43 crossings" in again.path.read_text(encoding="utf-8")
    assert [path for path in files_in(folder) if path.endswith(".md")] == ["harbourherald-ferry-fares-to-rise.md"]


def test_a_link_to_the_same_page_by_another_address_updates_the_same_article(site, tmp_path):
    """The canonical URL in the page ties a redirect or a second link to the article already there."""
    folder = tmp_path / "story"
    Fetcher(folder).fetch(f"{site}/herald.html")
    again = Fetcher(folder).fetch(f"{site}/old-address")
    assert isinstance(again, Saved) and again.status == "unchanged"
    assert len([path for path in files_in(folder) if path.endswith(".md")]) == 1


def test_an_interrupted_save_leaves_nothing_half_written(site, tmp_path, monkeypatch):
    folder = tmp_path / "story"
    fetcher = Fetcher(folder)
    assert isinstance(fetcher.fetch(f"{site}/herald.html"), Saved)
    before = {name: (folder / name).read_bytes() for name in files_in(folder)}
    Site.pages["/gazette.html"] = GAZETTE

    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fetcher.fetch(f"{site}/gazette.html")
    assert {name: (folder / name).read_bytes() for name in files_in(folder)} == before  # no temporary files either


def test_two_pages_with_one_name_get_two_files(site, tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "harbourherald-ferry-fares-to-rise.md").write_text("---\nurl: https://elsewhere.example/\n---\nOther.\n")
    saved = Fetcher(folder).fetch(f"{site}/herald.html")
    assert isinstance(saved, Saved) and saved.path.name == "harbourherald-ferry-fares-to-rise-2.md"


@pytest.mark.parametrize(("url", "name"), [
    ("https://www.harbourherald.example/news/2025/03/03/ferry-fares-to-rise", "harbourherald-ferry-fares-to-rise"),
    ("http://www.islandsgazette.example/news/ferry-fares.asp?id=4471", "islandsgazette-ferry-fares"),
    ("https://www.bbc.co.uk/news/articles/c4gn8kp2y3zo", "bbc-c4gn8kp2y3zo"),
    ("https://edition.example.com/2025/05/02/index.html", "edition-example"),
    ("https://example.org/story.php?id=12", "example-id-12"),
    ("http://127.0.0.1:8000/herald.html", "127-0-0-1-herald"),
])
def test_page_names_come_from_the_site_and_the_path(url, name):
    assert page_name(url) == name


# Failing links ------------------------------------------------------------------------------------

FAILURES = [
    pytest.param("/missing.html", "HTTP 404 Not Found", id="404"),
    pytest.param("/report.pdf", "not a web page (application/pdf)", id="not-html"),
    pytest.param("/huge", "too large (50.0 MB; the limit is 10.0 MB)", id="too-large"),
    pytest.param("/slow", "no answer within 0.5 s", id="timeout"),
    pytest.param("/trickle", "too slow: the page was still coming in after three times the timeout", id="trickle"),
    pytest.param("/paywall.html", "almost no article text (a paywall, or a page that needs JavaScript?); not saved", id="paywall"),
]


@pytest.mark.parametrize(("path", "problem"), FAILURES)
def test_a_failing_link_says_why_and_writes_nothing(site, tmp_path, path, problem):
    folder = tmp_path / "story"
    result = Fetcher(folder, timeout=0.5).fetch(f"{site}{path}")
    assert result == Failed(f"{site}{path}", problem)
    assert files_in(folder) == []


def test_an_unreachable_host_says_connection_refused(tmp_path, closed_port):
    result = Fetcher(tmp_path / "story", timeout=2).fetch(f"http://127.0.0.1:{closed_port}/news")
    assert result == Failed(f"http://127.0.0.1:{closed_port}/news", "connection refused (127.0.0.1)")


@pytest.mark.parametrize(("url", "problem"), [
    ("ftp://example.org/page", "not an http:// or https:// link"),
    ("file:///etc/passwd", "not an http:// or https:// link"),
    ("www.example.org/news", "not an http:// or https:// link"),
    ("http://", "not an http:// or https:// link"),
    ("http://127.0.0.1:port/news", "not a valid link (its host or port)"),
    ("http://user:secret@127.0.0.1/news", "a link with a user name or password in it is not fetched"),
])
def test_what_is_not_a_web_link_is_refused_without_a_request(tmp_path, url, problem):
    assert Fetcher(tmp_path / "story").fetch(url) == Failed(url, problem)


# The command --------------------------------------------------------------------------------------


def test_the_command_reads_the_good_links_and_gives_one_line_to_each_bad_one(site, tmp_path, capsys, closed_port):
    folder = tmp_path / "story"
    bad = [f"{site}/missing.html", f"{site}/report.pdf", f"http://127.0.0.1:{closed_port}/x", f"{site}/slow"]
    status = main(["fetch", f"{site}/herald.html", *bad, f"{site}/gazette.html", "-o", str(folder), "--timeout", "0.5"])
    assert status == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "new        harbourherald-ferry-fares-to-rise.md  The Harbour Herald: Ferry fares to rise by a fifth, harbour board says",
        "new        islandsgazette-ferry-fares.md  islandsgazette.example: Harbour board raises ferry fares by 20%",
    ]
    errors = captured.err.splitlines()
    assert [line.split(": ", 1)[1] for line in errors[:-1]] == [f"{url}: {problem}" for url, problem in zip(bad, (
        "HTTP 404 Not Found", "not a web page (application/pdf)", "connection refused (127.0.0.1)", "no answer within 0.5 s"))]
    assert errors[-1] == f"2 of 6 links read into {folder}; 4 failed. Open them with: kato-tui {folder}"
    assert main(["sources", str(folder)]) == 0


def test_links_are_downloaded_at_the_same_time_and_saved_in_the_order_given(site, tmp_path, capsys):
    """Each of the two pages answers only while the other is being asked for: one at a time, both would fail."""
    Site.meeting = threading.Barrier(2)
    assert main(["fetch", f"{site}/meet-b", f"{site}/meet-a", "-o", str(tmp_path / "story")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["new", "new"]
    assert "islandsgazette" in lines[0] and "harbourherald" in lines[1]


def test_exit_status_2_only_when_no_link_could_be_read(site, tmp_path, capsys):
    folder = tmp_path / "story"
    assert main(["fetch", f"{site}/missing.html", f"{site}/paywall.html", "-o", str(folder)]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 3 and errors[-1] == "kato-tui: none of the 2 links could be read"
    assert files_in(folder) == []


def test_links_from_a_file_skip_comments_blank_lines_and_repeats(site, tmp_path, capsys):
    links = tmp_path / "urls.txt"
    links.write_text(f"# the ferry story\n{site}/herald.html\n\n  {site}/gazette.html  \n{site}/herald.html\n", encoding="utf-8")
    assert main(["fetch", "--from", str(links), "-o", str(tmp_path / "story")]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert [path for path in Site.seen if path["path"] == "/herald.html"] and len(Site.seen) == 2


def test_fetching_again_says_which_pages_changed(site, tmp_path, capsys):
    folder = tmp_path / "story"
    main(["fetch", f"{site}/herald.html", f"{site}/gazette.html", "-o", str(folder)])
    Site.pages["/herald.html"] = HERALD.replace(b"41 crossings", b"43 crossings")
    capsys.readouterr()
    assert main(["fetch", f"{site}/herald.html", f"{site}/gazette.html", "-o", str(folder)]) == 0
    changed, unchanged = capsys.readouterr().out.splitlines()
    assert changed.startswith("changed    harbourherald-ferry-fares-to-rise.md  since it was fetched 20")
    assert changed.endswith(f"the page it was made from stays as .raw/harbourherald-ferry-fares-to-rise.{hashlib.sha256(HERALD).hexdigest()[:12]}.html")
    assert unchanged.startswith("unchanged  islandsgazette-ferry-fares.md  (as fetched 20")


@pytest.mark.parametrize(("argv", "line"), [
    (["fetch"], "kato-tui fetch: no links given"),
    (["fetch", "--from", "missing-list.txt"], "missing-list.txt: cannot be read (No such file or directory)"),
])
def test_bad_command_lines_are_one_line_and_exit_2(tmp_path, capsys, monkeypatch, argv, line):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    (error,) = capsys.readouterr().err.splitlines()
    assert line in error


def test_an_output_that_is_a_file_is_refused(tmp_path, capsys):
    (tmp_path / "plain").write_text("not a folder")
    assert main(["fetch", "http://127.0.0.1:9/x", "-o", str(tmp_path / "plain")]) == 2
    (error,) = capsys.readouterr().err.splitlines()
    assert error.endswith("plain: not a folder: -o names the folder the articles go to")
