"""The analysis cache: a folder opened again is answered from disk, and nothing about the cache
can break an opening."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.core import cache
from tui.core.analysis import analyse
from tui.core.corpus import load_corpus
from tui.core.model import Corpus


@pytest.fixture
def corpus() -> Corpus:
    return load_corpus()  # the bundled story


def test_a_saved_analysis_is_found_again_and_equal(corpus: Corpus, tmp_path: Path) -> None:
    analysis = analyse(corpus)
    assert cache.save(analysis, tmp_path)
    found = cache.load(load_corpus(), tmp_path)
    assert found is not None
    assert found.groups == analysis.groups and found.disputes == analysis.disputes
    assert found.uncorroborated == analysis.uncorroborated and found.segments == analysis.segments


def test_analyse_cached_runs_the_analysis_once(corpus: Corpus, tmp_path: Path) -> None:
    calls: list[float] = []
    first, hit = cache.analyse_cached(corpus, analyse, lambda fraction, stage: calls.append(fraction), tmp_path)
    assert not hit and calls[-1] == 1.0
    runs = []
    second, hit = cache.analyse_cached(corpus, lambda c, p: runs.append(c) or analyse(c, p), lambda f, s: None, tmp_path)
    assert hit and runs == [] and second.groups == first.groups


def test_a_changed_article_is_a_different_entry(corpus: Corpus, tmp_path: Path) -> None:
    cache.save(analyse(corpus), tmp_path)
    first = corpus.articles[0]
    edited = replace(corpus, articles=(replace(first, body=first.body + "\nOne more line.\n"), *corpus.articles[1:]))
    assert cache.corpus_key(edited) != cache.corpus_key(corpus)
    assert cache.load(edited, tmp_path) is None


@pytest.mark.parametrize("content", [b"", b"not a pickle", cache.MAGIC + b"\x80\x05garbage", cache.MAGIC, b"\x80\x04K\x01."])
def test_an_unreadable_entry_is_no_entry(corpus: Corpus, tmp_path: Path, content: bytes) -> None:
    (tmp_path / f"{cache.corpus_key(corpus)}.pickle").write_bytes(content)
    assert cache.load(corpus, tmp_path) is None
    analysis, hit = cache.analyse_cached(corpus, analyse, lambda f, s: None, tmp_path)
    assert not hit and analysis.groups
    assert cache.load(corpus, tmp_path) is not None  # the bad entry was replaced


def test_an_unwritable_cache_folder_is_no_error(corpus: Corpus, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert cache.save(analyse(corpus), blocked / "analysis") is False
    analysis, hit = cache.analyse_cached(corpus, analyse, lambda f, s: None, blocked / "analysis")
    assert not hit and analysis.groups


def test_old_entries_are_pruned_and_no_temporary_file_is_left(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    for n in range(4):
        (tmp_path / f"old{n}.pickle").write_bytes(b"x")
    cache.save(analyse(corpus), tmp_path)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert len(names) == 2 and f"{cache.corpus_key(corpus)}.pickle" in names


def test_the_cache_folder_can_be_chosen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KATO_TUI_CACHE", str(tmp_path))
    assert cache.cache_folder() == tmp_path
    monkeypatch.delenv("KATO_TUI_CACHE")
    assert cache.cache_folder().name == "analysis" and "kato-tui" in str(cache.cache_folder())


def test_a_lookup_reads_the_entry_in_the_background(corpus: Corpus, tmp_path: Path) -> None:
    """Made before the reader starts, a lookup has the stored analysis (small: soon() waits for it), or says there is none."""
    assert cache.Lookup(corpus, tmp_path).soon() is None
    analysis = analyse(corpus)
    cache.save(analysis, tmp_path)
    lookup = cache.Lookup(load_corpus(), tmp_path)
    found = lookup.soon()
    assert found is not None and found.groups == analysis.groups and lookup.done and lookup.small


def test_a_lookup_of_an_unreadable_entry_finds_nothing_and_says_it_missed(corpus: Corpus, tmp_path: Path) -> None:
    missed: list[Corpus] = []

    class Noting(cache.Lookup):
        def missed(self, corpus: Corpus) -> None:
            missed.append(corpus)

    (tmp_path / f"{cache.corpus_key(corpus)}.pickle").write_bytes(cache.MAGIC + b"\x80\x05 not a pickle")
    lookup = Noting(corpus, tmp_path)
    assert lookup.result() is None and missed == [corpus] and not lookup.elsewhere


def test_an_entry_leaves_the_facts_out(corpus: Corpus, tmp_path: Path) -> None:
    """Nothing after the analysis reads its facts, and they were half the time reading an entry back."""
    analysis = analyse(corpus)
    assert analysis.facts
    cache.save(analysis, tmp_path)
    found = cache.load(corpus, tmp_path)
    assert found is not None and found.facts == () and found.disputes == analysis.disputes
