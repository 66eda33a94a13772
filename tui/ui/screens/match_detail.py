"""The details of one matched group: every source's version, one under another, with a word diff."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label, Static

from tui.core.diff import Op, word_counts, word_diff
from tui.core.model import Corpus, Link, MatchGroup, Segment
from tui.ui.keymap import bindings
from tui.ui.render import diff_text, safe_text
from tui.ui.voices import Voices


class VersionDiff(Widget):
    """One version's words, the ones that differ from the group's first version styled by how."""

    COMPONENT_CLASSES = {"version-diff--added", "version-diff--dropped", "version-diff--changed"}

    def __init__(self, runs: list[tuple[Op, str]], *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.runs = runs

    def render(self) -> Text:
        styles = {op: self.get_component_rich_style(f"version-diff--{op}") for op in ("added", "dropped", "changed")}
        return diff_text(self.runs, styles)


def _summary(runs: list[tuple[Op, str]]) -> str:
    """How a version's words compare with the first version's, in a few words.

    The share is of this version's own words (dropped ones are not among them).
    """
    counts = word_counts(runs)
    changes = [f"{counts[op]} {op}" for op in ("changed", "added", "dropped") if counts[op]]
    if not changes:
        return "the same words"
    shared = counts["equal"] / max(1, counts["equal"] + counts["changed"] + counts["added"])
    return f"{shared:.0%} of its words as in version 1; " + ", ".join(changes)


def _why(number: int, links: tuple[Link, ...]) -> str:
    """Why version `number` (1-based) is in the group: the links that join it to the versions above
    it, each with its rule's reason: "matched with 1 (same words), with 2 (reworded: 7 content words shared)"."""
    reasons = [
        f"{min(link.left, link.right) + 1} ({link.reason or link.rule})"
        for link in sorted(links, key=lambda link: min(link.left, link.right))
        if max(link.left, link.right) == number - 1
    ]
    return "matched with " + ", with ".join(reasons) if reasons else ""


class MatchDetail(ModalScreen[None]):
    """Every version of one matched group: outlet, speaker, and the words set against the first version.

    n and N move on to the next or previous group without closing; a writes a note on it; escape closes.
    """

    KIND = "match"
    """The kind of navigator it follows: stepping through its items shows each one here."""

    BINDINGS = [*bindings("detail"), *bindings("match-detail")]

    def __init__(self, corpus: Corpus, group: MatchGroup, position: str, voices: Voices | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.group = group
        self.position = position
        self.voices = voices
        """The copy families, when the analysis found them: a copy's version says whose text it is."""

    def compose(self) -> ComposeResult:
        group = self.group
        with VerticalScroll(id="match-detail"):
            sources = self.voices.sources(group) if self.voices else f"{len(set(group.articles))} sources"
            title = f"{self.position} · {group.kind} · {group.wording} wording · score {group.score:g} · {sources}"
            yield Static(Text(title, style="bold"), id="match-detail-title")
            reference = group.members[0]
            for number, member in enumerate(group.members, 1):
                yield from self._version(number, member, word_diff(reference.text, member.text))
            yield Static("n / N next / previous match · a note · esc close", id="match-detail-keys")

    def _version(self, number: int, member: Segment, runs: list[tuple[Op, str]]) -> ComposeResult:
        outlet = self.corpus.article(member.span.article).outlet
        speaker = member.speaker or "speaker not named"
        letter = self.voices.letter(member.span.article) if self.voices else None
        copy = f" · copy {letter}" if letter else ""
        yield Label(Text(f"{number} {safe_text(outlet)}{copy} · {safe_text(speaker)}"), classes="version-source")
        how = "the version the others are compared with" if number == 1 else _summary(runs)
        yield Label(Text(how), classes="version-summary")
        why = _why(number, self.group.links)
        if why:
            yield Label(Text(safe_text(why)), classes="version-why")
        yield VersionDiff(runs, classes="version-text")

    def show(self, group: MatchGroup, position: str) -> None:
        """Show another group in place of this one."""
        self.group, self.position = group, position
        self.refresh(recompose=True)
