"""The loader: front matter, the bundled story, and every kind of bad input."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.core.corpus import CorpusError, load_article, load_corpus

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SEEDS = REPO / ".." / "shared" / "seeds"

# The bundled story, in file order, with the seed each body was taken from (see shared/seeds/README.md).
BUNDLED = [
    ("cna", "Channel NewsAsia", "000"),
    ("toi", "The Times of India", "001"),
    ("trt", "TRT Global", "003"),
    ("unattributed", "unattributed", "004"),
    ("zaobao", "Lianhe Zaobao", "002"),
]

# sha256 of each seed file, computed from shared/seeds when the corpus was made.
BODY_SHA256 = {
    "cna": "e97d3e93098e854ab07897d2466fb49e599e86ff582e65d43e84cea0b1bed941",
    "toi": "c4ece3a431f3740ef302e466f77592b92940757678eb1bc4f52983877c2c027c",
    "trt": "740d648d730a588312520fc5c0a82b9e08aa02e4abb14fad9101e6192ded507c",
    "unattributed": "5c9187ffa6df68be1feacedc0b42371207ed352e9af9ab99c24b70795db0e76b",
    "zaobao": "70bf988b0c11c7b202a3345d23094a33c18ab0eeaf684e51bf285ae080282acc",
}

OTHER = "A second article, so that there is something to compare.\n"

# A PNG's first bytes: the NULs of the IHDR chunk length give it away as binary.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def write_corpus(tmp_path: Path, files: dict[str, str | bytes], folder: str = "corpus") -> Path:
    """Write {file name: text or bytes} into a fresh folder under tmp_path and return the folder.

    Text is written as UTF-8 without newline translation, so CRLF stays CRLF.
    """
    root = tmp_path / folder
    root.mkdir()
    for name, content in files.items():
        (root / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def load_one(tmp_path: Path, text: str | bytes, name: str = "article.md"):
    """Load a corpus of this article plus a plain second one; return (article, corpus warnings)."""
    corpus = load_corpus(write_corpus(tmp_path, {name: text, "zz-other.txt": OTHER}))
    (article,) = [article for article in corpus.articles if article.path.name == name]
    return article, corpus.warnings


# Front matter -----------------------------------------------------------------------------------


def test_all_six_keys_are_read(tmp_path):
    """outlet, title, date, url, language and note all reach the Article."""
    article, warnings = load_one(tmp_path, (
        "---\n"
        "outlet: The Daily Example\n"
        "title: 'Kato: a card on the table'\n"
        "date: 2025-05-04\n"
        "url: https://example.com/kato\n"
        "language: en\n"
        "note: Translated from Japanese.\n"
        "---\n"
        "Body text.\n"
    ))
    assert (article.outlet, article.title, article.date, article.url, article.language, article.note) == (
        "The Daily Example",
        "Kato: a card on the table",
        "2025-05-04",
        "https://example.com/kato",
        "en",
        "Translated from Japanese.",
    )
    assert warnings == ()


def test_yaml_date_comes_out_as_iso_text(tmp_path):
    """An unquoted YAML date (which YAML reads as a date object) comes out as the string "2025-05-04"."""
    article, _ = load_one(tmp_path, "---\ndate: 2025-05-04\n---\nBody.\n")
    assert article.date == "2025-05-04"
    assert isinstance(article.date, str)


def test_free_text_date_is_kept_as_written(tmp_path):
    """A date the source gives loosely ("May 2nd") is kept exactly as is."""
    article, _ = load_one(tmp_path, "---\ndate: May 2nd\n---\nBody.\n")
    assert article.date == "May 2nd"


def test_no_front_matter_outlet_is_stem_and_body_is_whole_file(tmp_path):
    """Without front matter the outlet is the file stem and the body is every character of the file."""
    text = "Reuters reports:\n---\nnot front matter, just a rule above\n"
    article, _ = load_one(tmp_path, text, name="Asahi Shimbun.txt")
    assert article.outlet == "Asahi Shimbun"
    assert article.title is None and article.date is None
    assert article.body == text


def test_body_is_everything_after_the_closing_fence(tmp_path):
    """The body starts right after the closing --- line and keeps later --- lines and the last newline."""
    body = "First paragraph.\n---\nSecond paragraph after a rule.\n\n"
    article, _ = load_one(tmp_path, "---\noutlet: A\n---\n" + body)
    assert article.body == body


def test_body_keeps_a_leading_blank_line(tmp_path):
    """A body that opens with a blank line keeps it: offsets count from the line after the fence."""
    article, _ = load_one(tmp_path, "---\noutlet: A\n---\n\nAfter a blank line.\n")
    assert article.body == "\nAfter a blank line.\n"


def test_crlf_file_body_is_exact(tmp_path):
    """With CRLF line ends the front matter is read and the body keeps every \\r\\n."""
    body = "\r\nFirst line.\r\nSecond line.\r\n"
    article, _ = load_one(tmp_path, "---\r\noutlet: CRLF Post\r\ntitle: Windows\r\n---\r\n" + body)
    assert (article.outlet, article.title) == ("CRLF Post", "Windows")
    assert article.body == body


def test_dots_close_the_front_matter(tmp_path):
    """A `...` line (YAML's end-of-document marker) closes the front matter too."""
    article, _ = load_one(tmp_path, "---\noutlet: Dotted\n...\nBody after dots.\n")
    assert article.outlet == "Dotted"
    assert article.body == "Body after dots.\n"


def test_empty_front_matter(tmp_path):
    """`---` straight after `---` is empty front matter: outlet falls back to the stem, body follows."""
    article, _ = load_one(tmp_path, "---\n---\nBody.\n", name="bare.md")
    assert article.outlet == "bare"
    assert article.body == "Body.\n"


def test_unknown_keys_warn_naming_the_file(tmp_path):
    """Keys outside the six are ignored with a warning that names the file and the key."""
    article, warnings = load_one(tmp_path, "---\noutlet: A\nauthor: Someone\n---\nBody.\n", name="extra.md")
    assert article.outlet == "A"
    assert len(warnings) == 1
    assert "extra.md" in warnings[0] and "author" in warnings[0]


def test_utf8_bom_is_dropped(tmp_path):
    """A UTF-8 byte order mark neither hides the front matter nor reaches the body."""
    article, _ = load_one(tmp_path, "\ufeff---\noutlet: BOM News\n---\nBody.\n".encode("utf-8"))
    assert article.outlet == "BOM News"
    assert article.body == "Body.\n"


def test_utf8_bom_without_front_matter_is_dropped(tmp_path):
    """A BOM on a file without front matter does not become the body's first character."""
    article, _ = load_one(tmp_path, "\ufeffJust text.\n".encode("utf-8"), name="plain.txt")
    assert article.body == "Just text.\n"


def test_load_article_collects_warnings(tmp_path):
    """load_article on its own reads one file and reports into the list it is given."""
    path = tmp_path / "one.md"
    path.write_text("---\noutlet: One\nsection: World\n---\nBody.\n", encoding="utf-8")
    warnings: list[str] = []
    article = load_article(path, warnings)
    assert (article.id, article.outlet, article.path) == ("one", "One", path)
    assert len(warnings) == 1 and "one.md" in warnings[0]


def test_ids_are_slugs_and_unique(tmp_path):
    """Ids are lowercase slugs of the file names, made unique when two files slug alike."""
    corpus = load_corpus(write_corpus(tmp_path, {"Nikkei Asia.md": OTHER, "nikkei-asia.txt": OTHER}))
    assert [article.id for article in corpus.articles] == ["nikkei-asia", "nikkei-asia-2"]


def test_made_unique_ids_do_not_collide_with_real_ones(tmp_path):
    """a-2.txt, a.md and a.txt get three different ids."""
    corpus = load_corpus(write_corpus(tmp_path, {"a-2.txt": OTHER, "a.md": OTHER, "a.txt": OTHER}))
    ids = [article.id for article in corpus.articles]
    assert len(set(ids)) == 3, ids


def test_language_no_stays_norwegian(tmp_path):
    """`language: no` (ISO 639-1 for Norwegian) is kept as "no", not turned into "False"."""
    article, _ = load_one(tmp_path, "---\noutlet: NRK\nlanguage: no\n---\nBody.\n")
    assert article.language == "no"


# The bundled story ------------------------------------------------------------------------------


def test_bundled_corpus_has_the_five_articles_in_file_order():
    """load_corpus() gives the five bundled articles with the expected ids and outlets."""
    corpus = load_corpus()
    assert [(article.id, article.outlet) for article in corpus.articles] == [(i, o) for i, o, _ in BUNDLED]
    assert corpus.warnings == ()


def test_bundled_metadata_comes_from_the_texts():
    """Only what a text says about itself is filled in: TRT's ISO date, Zaobao's "May 2nd", no date elsewhere."""
    dates = {article.id: article.date for article in load_corpus().articles}
    assert dates == {"cna": None, "toi": None, "trt": "2025-05-04", "unattributed": None, "zaobao": "May 2nd"}


@pytest.mark.parametrize(("article_id", "seed_prefix"), [(i, s) for i, _, s in BUNDLED])
def test_bundled_body_is_the_seed(article_id, seed_prefix):
    """Each bundled body is its seed file, decoded, character for character."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seeds are not checked out next to the repo (looked in {SEEDS.resolve()})")
    seeds = sorted(SEEDS.glob(f"{seed_prefix}_*.txt"))
    assert len(seeds) == 1, f"expected one seed {seed_prefix}_*.txt in {SEEDS}"
    assert load_corpus().article(article_id).body == seeds[0].read_bytes().decode("utf-8")


def test_bundled_bodies_match_recorded_digests():
    """Each bundled body hashes to the seed's recorded sha256 (no need for shared/)."""
    digests = {
        article.id: hashlib.sha256(article.body.encode("utf-8")).hexdigest() for article in load_corpus().articles
    }
    assert digests == BODY_SHA256


# Bad input -------------------------------------------------------------------------------------

# Each case builds its input under tmp_path (or points into tests/data) and returns
# (the path to load, the file or folder name the message must contain).
Build = Callable[[Path], tuple[Path, str]]


def _missing(tmp_path: Path) -> tuple[Path, str]:
    return tmp_path / "no-such-story", "no-such-story"


def _a_file(tmp_path: Path) -> tuple[Path, str]:
    return DATA / "single" / "lonely.txt", "lonely.txt"


def _binary(tmp_path: Path) -> tuple[Path, str]:
    return write_corpus(tmp_path, {"chart.txt": PNG, "other.txt": OTHER}), "chart.txt"


def _data(folder: str, name: str) -> Build:
    return lambda tmp_path: (DATA / folder, name)


def _nested_front_matter(tmp_path: Path) -> tuple[Path, str]:
    deep = "---\nnote: " + "[" * 400 + "]" * 400 + "\n---\nBody.\n"
    return write_corpus(tmp_path, {"deep.md": deep, "other.txt": OTHER}), "deep.md"


def _surrogate_front_matter(tmp_path: Path) -> tuple[Path, str]:
    return write_corpus(tmp_path, {"half.md": '---\ntitle: "a \\ud800 b"\n---\nBody.\n', "other.txt": OTHER}), "half.md"


def _locked(mode: int) -> Build:
    """A corpus folder with these permission bits (0o000: cannot be listed; 0o600: listed, but its
    files cannot be looked at). pytest's clean-up of tmp_path takes such folders back."""

    def build(tmp_path: Path) -> tuple[Path, str]:
        folder = write_corpus(tmp_path, {"a.txt": OTHER, "b.txt": OTHER}, folder="locked")
        folder.chmod(mode)
        return folder, "locked"

    return build


# Permission bits do not stop root, which CI runs the tests as.
UNLESS_ROOT = pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any folder")


BAD_INPUTS = [
    pytest.param(_missing, r"no such", id="missing"),
    pytest.param(_a_file, r"not a folder", id="file-not-folder"),
    pytest.param(_data("no-articles", "no-articles"), r"no articles", id="no-articles"),
    pytest.param(_binary, r"binary|not a text file", id="binary"),
    pytest.param(_data("bad-yaml", "broken.txt"), r"\bline 3\b.*YAML", id="bad-yaml"),
    pytest.param(_data("unclosed", "unclosed.txt"), r"never closed", id="unclosed"),
    pytest.param(_data("list-front-matter", "listed.txt"), r"key: value", id="list-front-matter"),
    pytest.param(_data("single", "single"), r"nothing to compare", id="single"),
    pytest.param(_data("empty-body", "hollow.txt"), r"no text", id="empty-body"),
    pytest.param(_nested_front_matter, r"nested too deeply", id="nested-front-matter"),
    pytest.param(_surrogate_front_matter, r"title.*\\ud800", id="surrogate-in-front-matter"),
    pytest.param(_locked(0o000), r"cannot be read \(Permission denied\)", id="unlistable-folder", marks=UNLESS_ROOT),
    pytest.param(_locked(0o600), r"cannot be read \(Permission denied\)", id="unsearchable-folder", marks=UNLESS_ROOT),
]


@pytest.mark.parametrize(("build", "problem"), BAD_INPUTS)
def test_bad_input_is_a_corpus_error_naming_file_and_problem(tmp_path, build, problem):
    """CorpusError's one-line message names the file (or folder) and says what is wrong."""
    path, name = build(tmp_path)
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    message = str(caught.value)
    assert name in message
    assert re.search(problem, message), message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("front_matter", "line"),
    [
        ("outlet: A\ntitle: Kato: a card\n", 3),
        ("outlet: A\ntitle: fine\nurl: https://example.com\nlanguage: en\nnote: it said: this\n", 6),
        ("outlet: A\n\ttitle: a tab cannot indent YAML\n", 3),
    ],
)
def test_bad_yaml_names_the_line_in_the_file(tmp_path, front_matter, line):
    """The line number counts lines of the file (the opening --- is line 1), not of the YAML."""
    folder = write_corpus(tmp_path, {"bad.md": "---\n" + front_matter + "---\nBody.\n", "other.txt": OTHER})
    with pytest.raises(CorpusError, match=rf"bad\.md: line {line}\b.*YAML"):
        load_corpus(folder)


def test_non_text_front_matter_value_is_refused(tmp_path):
    """A value that is not text (a list for the outlet) is a CorpusError naming the file and the key."""
    folder = write_corpus(tmp_path, {"listy.md": "---\noutlet: [a, b]\n---\nBody.\n", "other.txt": OTHER})
    with pytest.raises(CorpusError, match=r"listy\.md.*outlet"):
        load_corpus(folder)


def test_impossible_yaml_date_is_a_corpus_error(tmp_path):
    """A date YAML cannot build (2025-02-30) is a CorpusError naming the file, not a ValueError."""
    folder = write_corpus(tmp_path, {"typo.md": "---\ndate: 2025-02-30\n---\nBody.\n", "other.txt": OTHER})
    with pytest.raises(CorpusError, match=r"typo\.md"):
        load_corpus(folder)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [("chart.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"), ("bad.md", "---\noutlet: A\ntitle: Kato: a card\n---\nBody.\n", "line 3")],
    ids=["binary", "broken-yaml"],
)
def test_one_bad_file_among_good_ones_is_left_out_with_a_warning(tmp_path, name, content, problem):
    """A folder of articles with one file that cannot be read opens without it: the warning names the file and why."""
    folder = write_corpus(tmp_path, {"one.txt": OTHER, "two.txt": OTHER.replace("second", "third"), name: content})
    corpus = load_corpus(folder)
    assert [Path(article.path).name for article in corpus.articles] == ["one.txt", "two.txt"]
    [warning] = corpus.warnings
    assert name in warning and problem in warning and warning.endswith("left out") and "\n" not in warning


def test_binary_without_nul_bytes_is_refused(tmp_path):
    """Noise with no NUL byte is still refused, not guessed into some charset."""
    import random

    noise = random.Random(0).randbytes(4096).replace(b"\x00", b"")
    with pytest.raises(CorpusError, match=r"noise\.txt"):
        load_corpus(write_corpus(tmp_path, {"noise.txt": noise, "other.txt": OTHER}))


def test_hidden_and_other_files_are_not_articles(tmp_path):
    """Dot files and files that are not .md/.markdown/.txt are left out; upper-case suffixes count."""
    folder = write_corpus(
        tmp_path, {".draft.md": OTHER, "image.png": PNG, "notes.rst": OTHER, "A.TXT": OTHER, "b.markdown": OTHER}
    )
    assert [article.path.name for article in load_corpus(folder).articles] == ["A.TXT", "b.markdown"]


# Legacy charsets --------------------------------------------------------------------------------

LEGACY_SAMPLES = [
    pytest.param(
        "cp1252",
        "Le ministre a d\u00e9clar\u00e9 \u00e0 la t\u00e9l\u00e9vision que le Japon d\u00e9tient "
        "\u00ab une carte \u00bb. \u201cC\u2019est une carte\u201d, a-t-il dit. Les march\u00e9s ont "
        "r\u00e9agi tr\u00e8s vite; la d\u00e9pr\u00e9ciation du yen inqui\u00e8te.\n",
        id="cp1252-french",
    ),
    pytest.param(
        "cp1252",
        "\u201cIt could be among such cards,\u201d said Kato at a caf\u00e9 in Tokyo. "
        "The r\u00e9sum\u00e9 of the talks was na\u00efve \u2013 they said.\n",
        id="cp1252-english",
    ),
    pytest.param(
        "cp1252",
        "Caf\u00e9 cr\u00e8me, d\u00e9j\u00e0 vu: Japan\u2019s \u201ccard\u201d.\n",
        id="cp1252-short",
    ),
    pytest.param(
        "latin-1",
        "\u00ab Le Japon d\u00e9tient une carte \u00bb, a d\u00e9clar\u00e9 le ministre des Finances "
        "\u00e0 la t\u00e9l\u00e9vision.\n",
        id="latin-1-french",
    ),
]


@pytest.mark.parametrize(("encoding", "text"), LEGACY_SAMPLES)
def test_legacy_charset_file_is_read_right_with_a_warning(tmp_path, encoding, text):
    """A cp1252 or Latin-1 file loads with a warning naming the file, and its text comes out right."""
    article, warnings = load_one(tmp_path, text.encode(encoding), name="legacy.txt")
    assert "\u00e9" in article.body
    assert article.body == text
    assert len(warnings) == 1
    assert "legacy.txt" in warnings[0] and "UTF-8" in warnings[0]


def test_legacy_charset_front_matter_is_read_too(tmp_path):
    """Front matter in a non-UTF-8 file is decoded with the rest of the file, curly quotes included."""
    body = "Le Japon d\u00e9tient une carte, a dit le ministre.\n"
    text = "---\noutlet: Le Monde\ntitle: \u201cUne carte\u201d\n---\n" + body
    article, warnings = load_one(tmp_path, text.encode("cp1252"), name="monde.txt")
    assert (article.outlet, article.title) == ("Le Monde", "\u201cUne carte\u201d")
    assert article.body == body
    assert len(warnings) == 1 and "monde.txt" in warnings[0]


def test_one_stray_byte_in_a_utf8_file_spoils_one_character_not_the_article(tmp_path):
    """A single bad byte in a UTF-8 file with curly quotes is replaced, with a warning naming the
    file and the byte; the quotes around it still read as quotes (no legacy charset is guessed)."""
    text = "\u2018It could be among such cards\u2019, Kato said.\n" * 20
    data = text.encode("utf-8")
    data = data[:100] + b"\xa0" + data[100:]
    corpus = load_corpus(write_corpus(tmp_path, {"toi.txt": data, "other.txt": OTHER}))
    body = corpus.article("toi").body
    assert body.count("\u2018It could be among such cards\u2019") >= 19
    assert body.count("\ufffd") == 1
    assert any("toi.txt" in warning and "byte 100" in warning for warning in corpus.warnings)



EAST_ASIAN_SAMPLES = [
    pytest.param(
        "euc-kr",
        "일본 재무장관은 미국 국채 보유가 무역 협상에서 카드가 될 수 있다고 말했다. 시장은 즉시 반응했다.\n",
        "EUC-KR",
        id="euc-kr-korean",
    ),
    pytest.param(
        "gb18030",
        "日本财务大臣加藤胜信表示，日本持有的美国国债可以成为贸易谈判中的一张牌。市场随即作出反应。\n",
        "GB18030",
        id="gb18030-chinese",
    ),
    pytest.param(
        "big5",
        "日本財務大臣加藤勝信表示，日本持有的美國國債可以成為貿易談判中的一張牌。\n",
        "Big5",
        id="big5-chinese",
    ),
    pytest.param(
        "shift_jis",
        "加藤財務相は、米国債の保有が貿易交渉のカードになり得ると述べた。市場はすぐに反応した。\n",
        "Shift_JIS",
        id="shift-jis-japanese",
    ),
    pytest.param(
        "cp1251",
        "Министр финансов Японии заявил, что облигации США могут стать козырем в торговых переговорах.\n",
        "cp1251",
        id="cp1251-russian",
    ),
]


@pytest.mark.parametrize(("encoding", "text", "named"), EAST_ASIAN_SAMPLES)
def test_east_asian_and_cyrillic_files_are_read_right(tmp_path, encoding, text, named):
    """Korean, Chinese, Japanese and Russian text in a legacy charset comes out as written (not as
    cp1252 gibberish), with a warning that names the file and the charset it was read as."""
    article, warnings = load_one(tmp_path, text.encode(encoding), name="legacy.txt")
    assert article.body == text
    assert len(warnings) == 1
    assert "legacy.txt" in warnings[0] and named in warnings[0]


def test_east_asian_front_matter_is_read_too(tmp_path):
    """An EUC-KR file's front matter is decoded with its body."""
    text = "---\noutlet: 연합뉴스\ntitle: 일본 국채 카드\n---\n일본 재무장관은 미국 국채 보유가 카드가 될 수 있다고 말했다.\n"
    article, _ = load_one(tmp_path, text.encode("euc-kr"), name="yonhap.txt")
    assert (article.outlet, article.title) == ("연합뉴스", "일본 국채 카드")


PLAIN = "The minister said the holdings could be a card in trade talks. " * 30


@pytest.mark.parametrize(
    "bad",
    [b"\x81", b"\x9d", b"\xff", b"\xe2\x80", b"\xc3\x28", b"\xf0\x9f\x98", b"\x8f\x90"],
    ids=["undefined-in-cp1252", "another-undefined", "never-in-utf8", "cut-short", "lead-then-ascii", "emoji-cut-short", "two-stray"],
)
def test_plain_text_with_a_bad_sequence_stays_utf8(tmp_path, bad):
    """An ASCII-only UTF-8 file with one bad sequence is not taken for another charset: the bad bytes
    become \ufffd, the warning names the file and the byte, and every other character is as written."""
    data = PLAIN.encode() + bad + PLAIN.encode()
    article, warnings = load_one(tmp_path, data, name="damaged.txt")
    assert article.body == data.decode("utf-8", errors="replace")
    assert article.body.startswith(PLAIN + "\ufffd") and article.body.endswith(PLAIN)
    assert len(warnings) == 1
    assert "damaged.txt" in warnings[0] and f"byte {len(PLAIN)}" in warnings[0]


def test_a_utf8_file_cut_short_in_its_last_character_stays_utf8(tmp_path):
    """The first bytes of a character at the very end (a file cut short) are damage, not Windows-1252."""
    article, warnings = load_one(tmp_path, PLAIN.encode() + "\u201c".encode()[:2], name="cut.txt")
    assert article.body == PLAIN + "\ufffd"
    assert "cut.txt" in warnings[0] and "\ufffd" in warnings[0]


def test_a_long_cp1252_article_with_a_few_curly_quotes_is_cp1252(tmp_path):
    """Few legacy bytes in a long file are still a Windows-1252 file when each is one character of it:
    a quotation in curly quotes reads as one, not as two \ufffd."""
    text = PLAIN * 5 + "\u201cIt could be a card,\u201d Kato said.\n"
    article, warnings = load_one(tmp_path, text.encode("cp1252"), name="quotes.txt")
    assert article.body == text
    assert "Windows-1252" in warnings[0]

# File names that are not UTF-8 ---------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_shows_its_bytes(tmp_path):
    """A Latin-1 file name (caf\\xe9.txt) loads; its outlet shows the byte as \\xe9, text any output can encode."""
    folder = write_corpus(tmp_path, {os.fsdecode(b"caf\xe9.txt"): OTHER, "other.txt": OTHER})
    article = load_corpus(folder).articles[0]
    assert article.outlet == "caf\\xe9"
    assert article.id == "caf"
    assert article.outlet.encode("utf-8")


def test_a_folder_name_that_is_not_utf8_shows_its_bytes(tmp_path):
    """The corpus name of a folder named b"story\\xff" is "story\\xff" written out, not a lone surrogate."""
    folder = write_corpus(tmp_path, {"a.txt": OTHER, "b.txt": OTHER}, folder=os.fsdecode(b"story\xff"))
    corpus = load_corpus(folder)
    assert corpus.name == "story\\xff"
    assert corpus.articles[0].path.parent == folder
