"""Loading a corpus: a folder of .md/.txt articles with optional YAML front matter, or the bundled story."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.core.dateline import find_dateline, parse_date
from tui.core.files import BadFile
from tui.core.model import Article, Corpus

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
PAGE_SUFFIXES = (".html", ".htm")
"""Saved web pages, read by tui.core.pages (imported only when a folder holds one)."""
ARTICLE_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES
# The first six fill the Article; kato-tui fetch also writes when it fetched the page, the sha256 of
# the page as fetched and where that page is kept, which the loader accepts without a warning.
FRONT_MATTER_KEYS = ("outlet", "title", "date", "url", "language", "note", "fetched", "sha256", "raw")
_FENCE = re.compile(r"---[ \t]*(?:\r?\n|\Z)")
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_SNIFF = 8192
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\s]{3,}")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_UTF8_OR_HIGH_BYTE = re.compile(_UTF8_MULTIBYTE.pattern + rb"|[\x80-\xff]")
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_SURROGATE = re.compile("[\ud800-\udfff]")
# What YAML does not read as itself in a scalar: controls, what it takes for a line break, a BOM, surrogates and the
# noncharacters U+FFFE and U+FFFF. A class made by leaving these out is quick to compile (the printable ranges up
# to U+10FFFF spelled out are not).
_NOT_YAML_TEXT = r"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff"


def _text_but(also: str = "", *, space: bool = False) -> str:
    """A regular expression class of the characters YAML reads as themselves, without `also` (and a space unless `space`)."""
    return f"[^{_NOT_YAML_TEXT}{'' if space else ' '}{re.escape(also)}]"


_SAFE = _text_but()
# A `key: value` line whose value YAML reads as the text written: plain, not starting with an indicator (quotes, [,
# {, -, &, !, |, > ...) and holding no ": " (a mapping) and no " #" (a comment); or in single quotes (with '' for
# '); or in double quotes without escapes. Anything else goes to the YAML parser. Spaces in a plain value are
# matched only before what follows them, so that a long run of them is not tried two ways (time linear in the line).
_SIMPLE_FIELD = re.compile(
    rf"(?P<key>[A-Za-z][A-Za-z0-9_]*): +(?:"
    rf"(?P<plain>(?![-?:,\[\]{{}}#&*!|>'\"%@`]){_SAFE}(?: *(?:{_text_but(':#')}|:(?={_SAFE})|(?<={_SAFE})#))*)"
    rf"|'(?P<single>(?:{_text_but(chr(39), space=True)}|'')*)'"
    rf"|\"(?P<double>{_text_but(chr(34) + chr(92), space=True)}*)\""
    rf") *"
)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date in a URL path: /2010/05/05/, 2007-04-09, 20120611 (a hint only: see article_date).
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([/_-]?)(\d{2})\2(\d{2})(?!\d)")
# What a warning calls the charsets the detector names by Python codec.
_CHARSET_NAMES = {
    "cp1252": "Windows-1252",
    "cp949": "EUC-KR (Korean)",
    "euc_kr": "EUC-KR (Korean)",
    "gb18030": "GB18030 (Chinese)",
    "gb2312": "GB2312 (Chinese)",
    "gbk": "GBK (Chinese)",
    "big5": "Big5 (Chinese)",
    "big5hkscs": "Big5-HKSCS (Chinese)",
    "cp932": "Shift_JIS (Japanese)",
    "shift_jis": "Shift_JIS (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "euc_jis_2004": "EUC-JP (Japanese)",
}
BUNDLED_NAME = "Kato: Japan's US Treasury holdings as a card in trade talks"


class CorpusError(BadFile):
    """Input that cannot be read as a corpus; ``str()`` is one line naming the file and the problem."""


class EmptyPageError(CorpusError):
    """A saved page with almost no article text: the folder opens without it, with a warning."""


def bundled_path() -> Path:
    """The folder of the bundled story: inside the installed package, or at the top of a source checkout."""
    packaged = Path(__file__).resolve().parents[1] / "corpus"  # tui/corpus, beside tui/core
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "corpus"


def corpus_key(corpus: Corpus) -> str:
    """What names a corpus among the notes and the places the reader left: its folder's resolved path ("bundled" for
    the bundled story)."""
    if corpus.path is None:
        return corpus.name
    folder = Path(corpus.path).expanduser().resolve()
    # The bundled story sits in a different folder in each checkout and install: its notes should not.
    return "bundled" if folder == bundled_path().resolve() else str(folder)


def load_corpus(path: Path | str | None = None) -> Corpus:
    """Load the articles of a folder; the bundled story when path is None."""
    folder = bundled_path() if path is None else Path(path).expanduser()
    files = _article_files(folder)
    warnings: list[str] = []
    articles, left_out = _load_articles(files, warnings)
    unreadable = [error for error in left_out if not isinstance(error, EmptyPageError)]
    if len(articles) < 2 and unreadable:
        raise unreadable[0]  # the file to mend before there is anything to compare
    if not articles:
        raise left_out[0]
    if len(articles) < 2:
        empty = f" ({', '.join(error.path.name for error in left_out)} left out: almost no text)" if left_out else ""
        only = (articles[0].path or files[0]).name
        raise CorpusError(folder, f"only one article ({only}): nothing to compare it with; add another{empty}")
    name = BUNDLED_NAME if path is None else shown_name(folder.resolve().name)
    return Corpus(name=name, articles=_unique_ids(articles), path=folder, warnings=tuple(warnings))


def _load_articles(files: list[Path], warnings: list[str]) -> tuple[list[Article], list[CorpusError]]:
    """The articles of the files, and the files left out: saved pages that hold almost no text,
    and files that cannot be read as an article (binary, broken front matter), each named in a
    warning, so that one bad file in a folder of twenty does not keep the reader from the rest."""
    articles: list[Article] = []
    left_out: list[CorpusError] = []
    for file in files:
        try:
            articles.append(load_article(file, warnings))
        except CorpusError as error:
            left_out.append(error)
            warnings.append(f"{error}; left out")
    return articles, left_out


def _article_files(folder: Path) -> list[Path]:
    try:
        files = _list_articles(folder)
    except OSError as error:
        # No permission to list the folder or to look at a file in it (a folder without x).
        raise CorpusError(error.filename or folder, f"cannot be read ({error.strerror or error})") from None
    if not files:
        raise CorpusError(folder, f"no articles here (looked for {', '.join(ARTICLE_SUFFIXES)} files)")
    return files


def _list_articles(folder: Path) -> list[Path]:
    if not folder.exists():
        raise CorpusError(folder, "no such file or folder")
    if not folder.is_dir():
        raise CorpusError(folder, "not a folder: give the folder that holds the articles")
    return sorted(
        file for file in folder.iterdir()
        if file.is_file() and file.suffix.lower() in ARTICLE_SUFFIXES and not file.name.startswith(".")
    )


def shown_name(name: str) -> str:
    """A file name as text that can be printed: the bytes of a name that is not UTF-8 (which Python
    holds as lone surrogates, U+DC80-U+DCFF) are written ``\\xe9``, as ``ls -b`` does."""
    return _SURROGATE.sub(_escaped_surrogate, name)


def _escaped_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def load_article(path: Path, warnings: list[str] | None = None) -> Article:
    """Read one article file; CorpusError names the file and what is wrong with it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CorpusError(path, f"cannot be read ({error.strerror or error})") from None
    if path.suffix.lower() in PAGE_SUFFIXES:
        return load_page(path, data, warnings)
    text = decode(path, data, warnings)
    meta, body = split_front_matter(path, text, warnings)
    if not body.strip():
        raise CorpusError(path, "the article has no text")
    return Article(
        id=slug(path.stem),
        outlet=meta.get("outlet") or shown_name(path.stem),
        body=body,
        title=meta.get("title"),
        date=article_date(meta.get("date"), body, meta.get("url")),
        url=meta.get("url"),
        language=meta.get("language"),
        note=meta.get("note"),
        path=path,
    )


def load_page(path: Path, data: bytes, warnings: list[str] | None = None) -> Article:
    """A saved web page as an article: its text extracted (see tui.core.pages), its metadata from the
    page; the outlet is the site's name, else the host, else the file name. EmptyPageError when the
    page holds almost no text."""
    from tui.core.pages import PageError, declared_text, read_page

    text = declared_text(data)
    if text is None:
        text = decode(path, data, warnings)
    try:
        page = read_page(text)
    except PageError as error:
        raise EmptyPageError(path, str(error)) from None
    return Article(
        id=slug(path.stem),
        outlet=page.outlet or shown_name(path.stem),
        body=page.text,
        title=page.title,
        date=article_date(page.date, page.text, page.url),
        url=page.url,
        language=page.language,
        path=path,
    )


def article_date(front_matter: str | None, body: str, url: str | None = None) -> str | None:
    """The article's date: the front matter's when it gives a full one (as ISO), else the body's dateline
    (see tui.core.dateline), else the front matter's text as written ("May 2nd"), else None.

    Dates in the URL never give the date by themselves; they only settle a dateline's numeric date whose
    order of day and month is open ("Updated 4/9/2007" under a URL with 2007-04-09 in it).
    """
    if front_matter:
        iso = parse_date(front_matter)
        if iso is not None:
            return iso
    dateline = find_dateline(body, hints=_url_dates(url))
    if dateline is not None:
        return dateline.date
    return front_matter or None


def _url_dates(url: str | None) -> tuple[str, ...]:
    dates = []
    for year, _, month, day in _URL_DATE.findall(url or ""):
        try:
            dates.append(dt.date(int(year), int(month), int(day)).isoformat())
        except ValueError:
            continue
    return tuple(dates)


def decode(path: Path, data: bytes, warnings: list[str] | None = None) -> str:
    """UTF-8 text (a BOM is dropped), a few damaged bytes shown as U+FFFD; text in another charset
    (Windows-1252, or EUC-KR, GB18030, Shift_JIS... as the detector finds) is decoded too; either
    way with a warning naming the file. Binary is refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:_SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CorpusError(path, "not a text file (it holds binary data)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        damaged = _damaged_utf8(data)
        if damaged is not None:
            text, bad = damaged
            more = f" (and {bad - 1} more)" if bad > 1 else ""
            message = f"{path}: not valid UTF-8 at byte {error.start}{more}; the bad bytes show as \ufffd"
        else:
            text, charset = _guess_charset(path, data, error)
            message = f"{path}: not UTF-8; read as {_CHARSET_NAMES.get(charset, charset)} (save it as UTF-8 to be sure)"
    if warnings is not None:
        warnings.append(message)
    return text


def _damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """The text of a UTF-8 file with a few damaged bytes (each bad sequence a U+FFFD) and how many there
    are; None when the file is text in another charset.

    UTF-8 when its well-formed multi-byte characters outnumber its bad sequences (a legacy file's
    accents and curly quotes are never well-formed UTF-8; a UTF-8 file's are), or when the bad
    sequences are a tiny share of the file (one in 500 bytes, or a single one) and are not what a
    Western legacy file is made of.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if bad < valid or (bad <= max(1, len(data) // 500) and not _western_bytes(data)):
        return text, bad
    return None


def _western_bytes(data: bytes) -> bool:
    """Whether the bytes that are not UTF-8 are several lone bytes, each a character of Windows-1252
    (accents and curly quotes), rather than UTF-8 cut short (a lead byte and what follows it, or at
    the end of the file) or bytes cp1252 leaves undefined. Only called when they are few."""
    stray = {match.start() for match in _UTF8_OR_HIGH_BYTE.finditer(data) if len(match.group()) == 1}
    alone = {at for at in stray if at - 1 not in stray and at + 1 not in stray and at + 1 < len(data)}
    return len(stray) > 1 and alone == stray and not any(data[at] in _CP1252_UNDEFINED for at in stray)


def _guess_charset(path: Path, data: bytes, error: UnicodeDecodeError) -> tuple[str, str]:
    """Windows-1252 when the text reads as a Western language (what most non-UTF-8 news text is),
    else whatever the detector finds (East Asian double-byte charsets, Cyrillic...), else Windows-1252
    as a last resort."""
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_like_text(western) and _looks_western(western):
        return western, "cp1252"
    from charset_normalizer import from_bytes  # only for a file that is not UTF-8: 20 ms of imports otherwise spent at start-up

    guess = from_bytes(data).best()
    if guess is not None and _looks_like_text(str(guess)):
        return str(guess), guess.encoding
    if western is not None and _looks_like_text(western):
        return western, "cp1252"
    raise CorpusError(path, f"not UTF-8 text (byte {error.start}) and no other charset fits; save it as UTF-8")


def _looks_western(text: str) -> bool:
    """Whether the non-ASCII characters stand alone, as accents and curly quotes do in a Western
    language: text in a double-byte or Cyrillic charset read as cp1252 is runs of them ("ÀÏº»")."""
    foreign = sum(1 for char in text if ord(char) > 0x7F and not char.isspace())
    in_runs = sum(len(run) for run in _NON_ASCII_RUN.findall(text))
    return in_runs * 4 <= foreign


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\r\t")
    return controls <= len(text) // 100


def split_front_matter(path: Path, text: str, warnings: list[str] | None = None) -> tuple[dict[str, str], str]:
    """The front matter's fields and the body: everything after the closing ``---`` line, as in the file."""
    opening = _FENCE.match(text)
    if opening is None:
        return {}, text
    closing = _find_closing_fence(text, opening.end())
    if closing is None:
        raise CorpusError(path, "line 1: front matter opened with --- is never closed with a --- line")
    meta = _parse_yaml(path, text[opening.end():closing.start()], warnings)
    return meta, text[closing.end():]


def _find_closing_fence(text: str, start: int) -> re.Match[str] | None:
    return _CLOSING_FENCE.search(text, start)


def simple_fields(source: str) -> dict[str, str] | None:
    """The fields of front matter made only of `key: value` lines (and blank ones) whose values YAML reads as the
    text written or quoted, as YAML's BaseLoader gives them; None for any other front matter. Such lines are all that the
    bundled story and `kato-tui fetch` write, and reading them without the YAML parser keeps its import (about
    10 ms) off the reader's start."""
    fields = {}
    for line in source.split("\n"):
        line = line.removesuffix("\r")
        match = _SIMPLE_FIELD.fullmatch(line)
        if match is not None:
            plain, single, double = match["plain"], match["single"], match["double"]
            fields[match["key"]] = plain if plain is not None else single.replace("''", "'") if single is not None else double
        elif line.strip(" "):
            return None
    return fields or None


def _parse_yaml(path: Path, source: str, warnings: list[str] | None) -> dict[str, str]:
    data: Any = simple_fields(source)
    if data is None:
        data = _load_yaml(path, source)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CorpusError(path, "line 2: front matter must be 'key: value' lines (outlet, title, date, ...)")
    _check_date(path, source, data.get("date"))
    unknown = [str(key) for key in data if key not in FRONT_MATTER_KEYS]
    if unknown and warnings is not None:
        warnings.append(f"{path}: front matter: ignored {', '.join(unknown)} (known: {', '.join(FRONT_MATTER_KEYS)})")
    return {key: _as_text(path, key, data[key]) for key in FRONT_MATTER_KEYS if data.get(key) is not None}


def _load_yaml(path: Path, source: str) -> Any:
    import yaml

    try:
        # BaseLoader keeps every value as the text written: "language: no" is Norwegian, not False,
        # and a date is compared as the source gave it.
        return yaml.load(source, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only str, list, dict
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise CorpusError(path, f"{line}front matter is not valid YAML ({problem})") from None
    except RecursionError:
        raise CorpusError(path, "front matter is nested too deeply to read (lists or maps inside each other)") from None


def _check_date(path: Path, source: str, value: object) -> None:
    """An ISO date (2025-05-04) must be a real one; other dates ("May 2nd") are kept as written."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        return
    try:
        dt.date.fromisoformat(value.strip())
    except ValueError:
        line = next((n for n, text in enumerate(source.splitlines(), 2) if text.lstrip().startswith("date")), 2)
        raise CorpusError(path, f"line {line}: front matter: {value.strip()} is not a real date") from None


def _as_text(path: Path, key: str, value: object) -> str:
    if isinstance(value, str):
        surrogate = _SURROGATE.search(value)
        if surrogate is not None:
            # Only an escape such as "\\ud800" in a quoted value makes one; no output can encode it.
            raise CorpusError(path, f"front matter: '{key}' holds \\u{ord(surrogate.group()):04x}, half of a UTF-16 pair, which is not text")
        return value.strip()
    raise CorpusError(path, f"front matter: '{key}' should be text, not a {type(value).__name__}")


def slug(name: str) -> str:
    """A lowercase id made of letters, digits and dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "article"


def _unique_ids(articles: list[Article]) -> tuple[Article, ...]:
    """Article ids made unique: ``a.md`` and ``a.txt`` both slug to ``a``, the second becomes ``a-2``
    (or ``a-3`` when a file already has the id ``a-2``)."""
    taken = {article.id for article in articles}
    seen: set[str] = set()
    unique = []
    for article in articles:
        if article.id in seen:
            number = 2
            while f"{article.id}-{number}" in taken:
                number += 1
            article = replace(article, id=f"{article.id}-{number}")
            taken.add(article.id)
        seen.add(article.id)
        unique.append(article)
    return tuple(unique)


