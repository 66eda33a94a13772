"""The command line: open the reader (the default), list the sources, matches and disputes, export notes, regenerate the screenshots."""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from tui import __version__
from tui.core.corpus import load_corpus, shown_name
from tui.core.files import BadFile
from tui.core.model import Analysis, Corpus
from tui.fetch_command import fetch_parser, run_fetch

EXIT_BAD_INPUT = 2
_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters json.dumps(ensure_ascii=False) leaves raw that a terminal acts on (C1 controls, bidi
# overrides and isolates) or that UTF-8 cannot encode (lone surrogates, as file names that are not
# UTF-8 give). JSON's own structure is ASCII, so any of them stands inside a string.
_UNSAFE_IN_JSON = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# What still breaks a line once safe_text has made the controls visible: shown as ␤.
_LINE_BREAKS = str.maketrans(dict.fromkeys("\n\u2028\u2029", "\u2424"))


class _Parser(argparse.ArgumentParser):
    """argparse, with its error messages (which quote the arguments given) made safe for the terminal."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {one_line(message)}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kato-tui",
        description="Read one news story across many outlets side by side.",
        epilog="Commands: sources, matches, disputes, export, fetch, screenshots, config. With no command, opens the reader.",
    )
    parser.add_argument("--version", action="version", version=f"kato-tui {__version__}")
    return parser


def _open_parser() -> argparse.ArgumentParser:
    parser = _parser()
    parser.add_argument("corpus", nargs="?", type=Path, help="a folder of .md/.txt articles or saved .html pages (default: the bundled story)")
    parser.add_argument("--notes", type=Path, help="the notes file (default: one per corpus in your data folder)")
    return parser


def _command_parser(command: str, help_text: str) -> argparse.ArgumentParser:
    parser = _Parser(prog=f"kato-tui {command}", description=help_text)
    return parser


def _listing_parser(command: str, help_text: str) -> argparse.ArgumentParser:
    parser = _command_parser(command, help_text)
    parser.add_argument("corpus", nargs="?", type=Path, help="a folder of articles (default: the bundled story)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    from tui.core.export import FORMATS

    parser = _command_parser("export", "Export your notes on a corpus: Markdown, W3C Web Annotation JSON or an HTML page.")
    parser.add_argument("corpus", nargs="?", type=Path, help="a folder of articles (default: the bundled story)")
    parser.add_argument("--notes", type=Path, help="the notes file (default: the corpus's notes in your data folder)")
    parser.add_argument("--format", choices=FORMATS, help="md, json or html (default: what -o's extension names, else md)")
    parser.add_argument("-o", "--output", type=Path, help="write to this file (default: standard output)")
    return parser


def _screenshots_parser() -> argparse.ArgumentParser:
    parser = _command_parser("screenshots", "Save SVG screenshots of the main views.")
    parser.add_argument("directory", nargs="?", type=Path, default=Path("screenshots"))
    parser.add_argument("--corpus", type=Path, help="a folder of articles (default: the bundled story)")
    return parser


def _print_json(data: object) -> None:
    sys.stdout.write(json_text(data) + "\n")


def json_text(data: object) -> str:
    """Indented JSON, UTF-8 text as itself, but nothing a terminal would act on: C1 controls and bidi
    overrides are \\u escapes (the data parses back the same) and a file name's undecodable byte
    is the text \\xNN, as on every other output."""
    return _UNSAFE_IN_JSON.sub(_json_escape, json.dumps(data, ensure_ascii=False, indent=2))


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if _SURROGATE.match(char):
        return json.dumps(shown_name(char))[1:-1]
    return f"\\u{ord(char):04x}"


def one_line(message: str) -> str:
    """A message safe for the terminal and kept to one line, whatever the file names in it hold."""
    from tui.ui.render import safe_text

    return safe_text(shown_name(message)).translate(_LINE_BREAKS)


def _warn(corpus: Corpus) -> None:
    for warning in corpus.warnings:
        print(f"kato-tui: warning: {one_line(warning)}", file=sys.stderr)


def _listing(args: argparse.Namespace, analysed: bool, to_json: str, table: str) -> int:
    """Print a corpus listing as the documented JSON (a function of tui.core.report) or a Rich table
    (a function of tui.ui.tables), analysing the corpus first when the listing needs it."""
    corpus = load_corpus(args.corpus)
    _warn(corpus)
    subject: Corpus | Analysis = corpus
    if analysed:
        from tui.core.analysis import analyse

        subject = analyse(corpus)
    if args.json:
        from tui.core import report

        _print_json(getattr(report, to_json)(subject))
    else:
        from rich.console import Console

        from tui.ui import tables

        Console().print(getattr(tables, table)(subject))
    return 0


def run_sources(args: argparse.Namespace) -> int:
    return _listing(args, analysed=False, to_json="sources_document", table="sources_table")


def run_matches(args: argparse.Namespace) -> int:
    return _listing(args, analysed=True, to_json="matches", table="matches_table")


def run_disputes(args: argparse.Namespace) -> int:
    return _listing(args, analysed=True, to_json="disputes", table="disputes_table")


def run_export(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.corpus)
    _warn(corpus)
    from tui.core.export import export, export_date
    from tui.core.notes import NotesError, default_notes_path, read_notes

    notes_path = (args.notes or default_notes_path(corpus)).expanduser()
    if args.notes is not None and not notes_path.exists():
        raise NotesError(notes_path, "no such notes file")
    # Read only: an unreadable file stops the export and stays exactly as it is (the reader's store
    # is what moves such a file aside, with the user looking).
    notes = read_notes(notes_path)  # refuses bad JSON, deep nesting, huge numbers and half UTF-16 pairs as NotesError
    if args.output is not None and _same_file(args.output, notes_path):
        raise NotesError(args.output, "is the notes file itself: choose another output file")
    text = export(_export_format(args.format, args.output), corpus, notes, date=export_date())
    if args.output is None:
        sys.stdout.write(text)
        return 0
    return _write_output(args.output, text)


def _export_format(asked: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output's extension names (notes.html: html), else md;
    a format that disagrees with the extension is written as asked, with a warning."""
    from tui.core.export import FORMAT_NAMES, format_of

    named = format_of(output) if output is not None else None
    if asked is not None and named not in {None, asked}:
        warning = f"{output} is a {FORMAT_NAMES[named]} name; writing {FORMAT_NAMES[asked]} as --format asks"
        print(f"kato-tui: warning: {one_line(warning)}", file=sys.stderr)
    return asked or named or "md"


def _same_file(one: Path, other: Path) -> bool:
    return one.expanduser().resolve() == other.expanduser().resolve()


def _write_output(path: Path, text: str) -> int:
    from tui.core.files import write_atomic

    try:
        write_atomic(path.expanduser(), text, private=False)
    except OSError as error:
        return _bad_input(f"{path}: cannot be written ({error.strerror or error})")
    return 0


def run_open(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.corpus)
    if args.notes is not None:
        from tui.core.notes import check_notes_file

        # The reader opens its notes in a worker, where a folder or a FIFO only turns notes off:
        # refuse what cannot be a notes file here, as one line.
        check_notes_file(args.notes.expanduser())
    from tui.core.offload import EarlyLookup

    stored = EarlyLookup(corpus)  # the cache looked up, or the analysis started in a process, while Textual loads
    from tui.ui.app import make_app

    make_app(corpus, notes=args.notes, stored=stored).run()
    return 0


def run_screenshots(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.corpus)
    from tui.ui.screenshots import save_screenshots

    for path in save_screenshots(corpus, args.directory):
        print(shown_name(str(path)))
    return 0


def _config_parser() -> argparse.ArgumentParser:
    parser = _command_parser("config", "Print the path of the settings file (remapped keys, the theme); --create writes one.")
    parser.add_argument("--create", action="store_true", help="write a commented settings file listing every action and its keys, unless there is one")
    return parser


def run_config(args: argparse.Namespace) -> int:
    """Print where the settings file is (creating it when asked); a file with mistakes is named in a warning."""
    from tui.ui.config import config_path, create_config, load_config

    path = config_path()
    if args.create:
        try:
            path, written = create_config(path)
        except OSError as error:
            return _bad_input(f"{path}: cannot be written ({error.strerror or error})")
        if not written:
            print(f"kato-tui: {one_line(str(path))} is there already: left as it is", file=sys.stderr)
    print(shown_name(str(path)))
    warning = load_config(path).warning
    if warning:
        print(f"kato-tui: warning: {one_line(warning)}", file=sys.stderr)
    return 0


COMMANDS: dict[str, tuple[Callable[[], argparse.ArgumentParser], Callable[[argparse.Namespace], int]]] = {
    "sources": (lambda: _listing_parser("sources", "List the articles of a corpus."), run_sources),
    "matches": (lambda: _listing_parser("matches", "List the passages that several sources share."), run_matches),
    "disputes": (lambda: _listing_parser("disputes", "List the facts on which the sources disagree."), run_disputes),
    "export": (_export_parser, run_export),
    "fetch": (fetch_parser, run_fetch),
    "screenshots": (_screenshots_parser, run_screenshots),
    "config": (_config_parser, run_config),
}


def _bad_input(message: str) -> int:
    print(f"kato-tui: {one_line(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    make_parser, run = COMMANDS.get(argv[0], (_open_parser, run_open)) if argv else (_open_parser, run_open)
    if argv and argv[0] in COMMANDS:
        argv = argv[1:]
    if run is not run_open:
        gc.enable()  # off only for the reader's start (see tui.entry)
    args = make_parser().parse_args(argv)
    try:
        return run(args)
    except BadFile as error:  # a corpus or notes file that cannot be used
        return _bad_input(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output (head, less) left early: nothing is wrong, say nothing.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's final flush quiet
        return 0
    except OSError as error:
        # A file the user named that cannot be opened or written (the screenshots' folder, say).
        # One without a file name is not the input's fault: let it show where it came from.
        if error.filename is None:
            raise
        return _bad_input(f"{error.filename}: {error.strerror or error}")
    finally:
        gc.enable()
