"""The front matter's quick reading (`simple_fields`) gives what YAML's BaseLoader gives, on generated lines made of
the characters YAML treats specially; whatever it does not read, YAML does."""

from __future__ import annotations

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.core.corpus import simple_fields

# Letters, and every character a YAML plain scalar treats specially: indicators, spaces, tabs, line breaks of
# several kinds, a BOM, controls, a non-BMP letter.
TRICKY = "ab:#- ?,[]{}&*!|>'\"\\%@`\t\r\x85\u2028\ufeff\x07\u00e9\U0001d400~."
keys = st.sampled_from(["outlet", "title", "date", "url", "x_1", "Key", "2x", "a b", "-a", "k"])
values = st.one_of(st.text(alphabet=TRICKY, max_size=12), st.text(alphabet=TRICKY, max_size=10).map(lambda text: f"'{text}'"),
                   st.text(alphabet=TRICKY, max_size=10).map(lambda text: f'"{text}"'))
lines = st.tuples(keys, st.sampled_from([": ", ":  ", ":", ":\t", " : "]), values).map("".join)
sources = st.lists(st.one_of(lines, st.sampled_from(["", " ", "# a comment", "  indented: x", "- item"])), max_size=5).map("\n".join)


def yaml_reads(source: str) -> object:
    try:
        return yaml.load(source, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only str, list, dict
    except yaml.YAMLError:
        return "not YAML"


@settings(max_examples=600, deadline=None)
@given(sources)
@example("outlet: Reuters\ntitle: Kato: a card on the table\ndate: 2025-05-02\nurl: https://example.com/a#b?c=d")
@example("title: It's 10:30 #1 & [more]  \r\nnote: no")
def test_front_matter_read_without_yaml_is_what_yaml_reads(source: str) -> None:
    fields = simple_fields(source)
    if fields is not None:
        assert fields == yaml_reads(source)


def test_front_matter_as_people_and_yaml_write_it_is_read_without_yaml() -> None:
    source = ("outlet: The Daily Example\ntitle: 'Minister: bonds are \"a card\" in talks, isn''t it'\ndate: 2025-05-02\n"
              "url: https://example.com/x?y=1#top\nnote: \"Credited from: AGENCY. No title in the text.\"\nlanguage: en\n")
    assert simple_fields(source) == yaml_reads(source) == {
        "outlet": "The Daily Example", "title": 'Minister: bonds are "a card" in talks, isn\'t it', "date": "2025-05-02",
        "url": "https://example.com/x?y=1#top", "note": "Credited from: AGENCY. No title in the text.", "language": "en"}
    assert simple_fields('title: "an \\"escape\\""') is None and simple_fields("title: a #comment") is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(keys, st.text(alphabet="ab é:#'\"-\\", max_size=12)), min_size=1, max_size=4))
def test_values_of_letters_colons_hashes_and_quotes_are_read_as_yaml_reads_them(fields: list[tuple[str, str]]) -> None:
    """Mostly values the quick reading takes: the cases where a colon, a hash or a quote changes what YAML reads."""
    source = "\n".join(f"{key}: {value}" for key, value in fields)
    read = simple_fields(source)
    if read is not None:
        assert read == yaml_reads(source)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(keys.filter(str.isidentifier), st.text(alphabet="ab é1,.;()/'\"-", min_size=1, max_size=16)
                          .filter(lambda text: text[0].isalnum() and not text.endswith(" "))), min_size=1, max_size=4))
def test_plain_words_and_punctuation_are_read_without_yaml(fields: list[tuple[str, str]]) -> None:
    """What titles and outlets are made of (words, commas, quotes and dashes inside) is always read quickly, and as
    YAML reads it: the quick reading is not a way of sending everything to YAML."""
    source = "\n".join(f"{key}: {value}" for key, value in fields)
    assert simple_fields(source) == yaml_reads(source) == dict(fields)

