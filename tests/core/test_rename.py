"""No name list in the core favours the bundled story: renamed, it reads exactly the same.

Every proper name of the bundled story (people, companies, outlets) is swapped for another, and the
analysis of the copy must have the same shape as the analysis of the original: the same matched
groups, the same disputes, the same facts and speakers once the names are swapped back. A rule or a
word list that special-cases one of the story's names makes the two differ. The two runs are
compared with each other, never with fixed numbers, so that the test holds while the rules change.
Places and institutions any story may name (Japan, Washington, Reuters, the US Treasury) are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tui.core.analysis import analyse
from tui.core.corpus import bundled_path, load_corpus
from tui.core.model import Analysis
from tui.core.text import stem

# Each name of the bundled story, as written (case counts, whole words), and the name it becomes.
RENAMED = {
    # people
    "Katsunobu": "Nobuyuki", "Kato": "Sato", "Ryosei": "Kenji", "Akazawa": "Tanabe", "Scott": "Walter",
    "Bessent": "Hollis", "Donald": "Richard", "Trump": "Palmer", "Shinzo": "Shigeru", "Abe": "Ishiba",
    "Naka": "Yuki", "Matsuzawa": "Morikawa", "Martin": "Robert", "Whetton": "Hale", "Jesper": "Lars",
    "Koll": "Berg", "Nicholas": "Peter", "Smith": "Jones", "Masayoshi": "Hiroshi", "Son": "Mori",
    "Edan": "Omer", "Alexander": "Levin", "Mujica": "Vazquez", "Alsharaa": "Alkhatib", "Baba": "Amir",
    "Umar": "Wani",
    # companies and products
    "Nomura": "Daiwa", "Westpac": "Macquarie", "Monex": "Rakuten", "SoftBank": "Kddi", "CLSA": "CICC",
    "HURJET": "KAAN",
    # outlets
    "NewsAsia": "NewsDesk", "CHANNELNEWSASIA": "CHANNELNEWSDESK", "TOI": "HOI", "TRT": "KRT",
    "Lianhe": "Xinmin", "Zaobao": "Wanbao", "Morning": "Evening",
}
BACK = {new: old for old, new in RENAMED.items()}
BACK_STEMS = {stem(new.lower()): stem(old.lower()) for new, old in BACK.items()}


def swap(text: str, names: dict[str, str]) -> str:
    """The text with each whole-word name replaced by its counterpart."""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")
    return pattern.sub(lambda match: names[match.group()], text)


def back(text: str | None) -> str | None:
    return None if text is None else swap(text, BACK)


def shape(analysis: Analysis) -> dict[str, object]:
    """What must not change when names change: groups, disputes, facts and speakers, names swapped back."""
    groups = sorted(
        (group.kind, group.wording, tuple(sorted(Counter(group.articles).items()))) for group in analysis.groups
    )
    disputes = sorted(
        (dispute.kind, len(dispute.versions), tuple(sorted(v.span.article for v in dispute.versions)))
        for dispute in analysis.disputes
    )
    facts = [
        (fact.span.article, fact.type, back(fact.value),
         " ".join(BACK_STEMS.get(word, word) for word in fact.subject.split()))
        for fact in analysis.facts
    ]
    speakers = {
        article: [(segment.kind, back(segment.speaker)) for segment in segments]
        for article, segments in analysis.segments.items()
    }
    return {"groups": groups, "disputes": disputes, "facts": facts, "speakers": speakers}


@pytest.fixture(scope="module")
def original() -> Analysis:
    return analyse(load_corpus(None))


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    folder = tmp_path_factory.mktemp("renamed")
    for path in story_files():
        (folder / path.name).write_text(swap(path.read_text(encoding="utf-8"), RENAMED), encoding="utf-8")
    return analyse(load_corpus(folder))


def story_files() -> list[Path]:
    return [path for path in sorted(bundled_path().iterdir()) if path.suffix in (".txt", ".md")]


def test_every_name_is_there_and_no_new_name_was() -> None:
    """Each name renamed is in the story (front matter included) and none it becomes is, so that
    swapping back is exact."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in story_files())
    assert [old for old in RENAMED if not re.search(rf"\b{re.escape(old)}\b", text)] == []
    assert [new for new in BACK if re.search(rf"\b{re.escape(new)}\b", text)] == []


def test_the_renamed_story_has_the_same_bodies_but_for_the_names(original: Analysis, renamed: Analysis) -> None:
    assert [article.outlet for article in renamed.corpus.articles] != [
        article.outlet for article in original.corpus.articles
    ]
    assert [back(article.body) for article in renamed.corpus.articles] == [
        article.body for article in original.corpus.articles
    ]


@pytest.mark.parametrize("part", ["groups", "disputes", "facts", "speakers"])
def test_renaming_changes_nothing(original: Analysis, renamed: Analysis, part: str) -> None:
    assert shape(renamed)[part] == shape(original)[part]


def test_there_is_something_to_compare(original: Analysis) -> None:
    """The comparison is not empty on either side of any part."""
    found = shape(original)
    assert found["groups"] and found["disputes"] and found["facts"]
    assert any(speaker for segments in found["speakers"].values() for _, speaker in segments)  # type: ignore[union-attr]
