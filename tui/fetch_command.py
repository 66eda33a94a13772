"""kato-tui fetch: read links into a corpus folder, with a progress bar on stderr (the work is tui.core.fetch)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.corpus import CorpusError

if TYPE_CHECKING:
    from rich.progress import Progress

    from tui.core.fetch import Saved

DOWNLOADS_AT_ONCE = 4
"""Links downloaded at the same time: enough to hide the network's waits, few enough for one site."""


def fetch_parser() -> argparse.ArgumentParser:
    from tui.cli import _command_parser
    from tui.core.fetch import TIMEOUT

    parser = _command_parser(
        "fetch",
        "Download web pages into a folder: each article as a .md file, the page as fetched under FOLDER/.raw/.",
    )
    parser.add_argument("urls", nargs="*", metavar="URL", help="a link to an article")
    parser.add_argument("--from", dest="url_list", type=Path, metavar="FILE", help="read the links from this file, one a line (- for standard input)")
    parser.add_argument("-o", "--output", type=Path, default=Path("."), metavar="FOLDER", help="the corpus folder to write to (default: the current folder)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, metavar="SECONDS", help=f"give up on a server silent this long (default: {TIMEOUT:g})")
    return parser


def run_fetch(args: argparse.Namespace) -> int:
    """Fetch every link; one line for each link that fails; exit status 2 only when none could be read."""
    from concurrent.futures import ThreadPoolExecutor

    from tui.cli import EXIT_BAD_INPUT, one_line
    from tui.core.fetch import Failed, Fetcher, unique
    from tui.core.pages import host

    urls = unique([*args.urls, *(_listed(args.url_list) if args.url_list else [])])
    if not urls:
        print("kato-tui fetch: no links given (name them, or a file of them with --from)", file=sys.stderr)
        return EXIT_BAD_INPUT
    folder = args.output.expanduser()
    if folder.exists() and not folder.is_dir():
        raise CorpusError(folder, "not a folder: -o names the folder the articles go to")
    fetcher = Fetcher(folder, timeout=args.timeout)
    read = 0
    # Downloads wait on the network, so several run at once; pages are saved one at a time, in the
    # order the links were given, so names and lines come out the same on every run.
    pool = ThreadPoolExecutor(max_workers=DOWNLOADS_AT_ONCE)
    try:
        with _progress_bar() as bar:
            task = bar.add_task("", total=len(urls))
            for url, got in zip(urls, pool.map(fetcher.download, urls)):
                bar.update(task, description=one_line(host(url) or url))
                result = got if isinstance(got, Failed) else fetcher.keep(got)
                bar.advance(task)
                if isinstance(result, Failed):
                    print(f"kato-tui: {one_line(url)}: {one_line(result.problem)}", file=sys.stderr)
                    continue
                read += 1
                for warning in result.warnings:
                    print(f"kato-tui: warning: {one_line(url)}: {one_line(warning)}", file=sys.stderr)
                print(one_line(_saved_line(result)))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # ctrl+c: the links not yet asked for are not asked for
    print(_summary(read, len(urls), folder), file=sys.stderr)
    return 0 if read else EXIT_BAD_INPUT


def _listed(path: Path) -> list[str]:
    from tui.core.fetch import read_url_list

    if str(path) == "-":
        return read_url_list(sys.stdin.read())
    try:
        return read_url_list(path.expanduser().read_text(encoding="utf-8", errors="replace"))
    except OSError as error:
        raise CorpusError(path, f"cannot be read ({error.strerror or error})") from None


def _saved_line(saved: Saved) -> str:
    what = f"{saved.outlet or ''}: {saved.title or '(no title)'}"
    if saved.status == "new":
        return f"new        {saved.path.name}  {what}"
    if saved.status == "unchanged":
        return f"unchanged  {saved.path.name}  (as fetched {saved.previous or 'before'})"
    kept = f"; the page it was made from stays as {_relative(saved.previous_raw, saved.path.parent)}" if saved.previous_raw else ""
    return f"changed    {saved.path.name}  since it was fetched {saved.previous or 'before'}: updated{kept}"


def _relative(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return str(path)


def _summary(read: int, asked: int, folder: Path) -> str:
    from tui.core.corpus import shown_name

    failed = f"; {asked - read} failed" if read < asked else ""
    if not read:
        return f"kato-tui: none of the {asked} links could be read"
    return f"{read} of {asked} links read into {shown_name(str(folder))}{failed}. Open them with: kato-tui {shown_name(str(folder))}"


def _progress_bar() -> Progress:
    """A bar on stderr, drawn only when stderr is a terminal and gone once done; a link's host as its label."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}", markup=False))
    console = Console(stderr=True)
    return Progress(*columns, console=console, transient=True, disable=not console.is_terminal)
