"""DisputeNavigator: the reader's place among the disputes, and what each article highlights for it."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.model import Analysis, Dispute, Span, Version
from tui.ui.navigator import Navigator
from tui.ui.render import Mark
from tui.ui.voices import Voices
from tui.ui.widgets.article_view import ArticleView

CONTEXT = 160
"""How many characters of context the passage of a version gets either side, at most."""


class DisputeNavigator(Navigator[Dispute]):
    """The disputes of an analysis, then the claims only one source makes, and a cursor over both
    (] and [ step through the disputes; the panel goes to a claim)."""

    EMPTY = "The sources don't disagree on anything the analysis can check."

    def __init__(self, analysis: Analysis) -> None:
        super().__init__(analysis.disputes + analysis.uncorroborated, "dispute")
        self.analysis = analysis
        self.voices = Voices(analysis)
        """The copy families: a copy's version says whose text it is."""

    @property
    def label(self) -> str:
        """ "dispute 2/5" or "uncorroborated 1/3" once a jump was made; before, the number of
        disputes, which never counts the claims only one source makes ("5 disputes")."""
        conflicts, claims = len(self.analysis.disputes), len(self.analysis.uncorroborated)
        index = self.cursor.index
        if index is None:
            return f"{conflicts} dispute{'' if conflicts == 1 else 's'}"
        if index < conflicts:
            return f"dispute {index + 1}/{conflicts}"
        return f"uncorroborated {index - conflicts + 1}/{claims}"

    @property
    def position(self) -> str:
        """The label: "dispute 2/5" or "uncorroborated 1/3"."""
        return self.label

    def move(self, delta: int) -> Dispute | None:
        """Step to the next (+1) or previous (-1) dispute, wrapping round; the uncorroborated claims
        are not disputes and are gone to from the panel, so ] and [ pass them by."""
        count = len(self.analysis.disputes)
        index = self.cursor.index
        if count:
            if index is None or index >= count:
                self.cursor.go_to(0 if delta > 0 else count - 1)
            else:
                self.cursor.go_to((index + delta) % count)
        return self.current

    @property
    def disputes(self) -> tuple[Dispute, ...]:
        """The disputes in the order the core gives them (d1, d2, ...), without the uncorroborated claims."""
        return self.analysis.disputes

    def spans(self, item: Dispute) -> Iterable[Span]:
        return (version.span for version in item.versions)

    def marks(self) -> dict[str, tuple[Mark, ...]]:
        """The current dispute's versions, marked in the dispute style; nothing before the first jump."""
        marks: dict[str, list[Mark]] = {}
        for span in self.spans(self.current) if self.current is not None else ():
            marks.setdefault(span.article, []).append(Mark(span.start, span.end, ArticleView.DISPUTE))
        return {article_id: tuple(article_marks) for article_id, article_marks in marks.items()}

    def passage(self, version: Version) -> tuple[str, int, int]:
        """The sentence a version stands in, and where the version's words are in it (start, end).

        The shortest sentence that holds the version, cut at a word (with "…") when it runs on
        for more than `CONTEXT` characters either side; the version's words alone without one.
        """
        body = self.analysis.corpus.article(version.span.article).body
        span = version.span
        holding = [
            (segment.span.start, segment.span.end)
            for segment in self.analysis.segments.get(span.article, ())
            if segment.kind == "sentence" and segment.span.start <= span.start and span.end <= segment.span.end
        ]
        start, end = min(holding, key=lambda pair: pair[1] - pair[0], default=(span.start, span.end))
        before, after = body[start:span.start], body[span.end:end]
        if len(before) > CONTEXT:
            before = "…" + before[-CONTEXT:].split(maxsplit=1)[-1]
        if len(after) > CONTEXT:
            after = after[:CONTEXT].rsplit(maxsplit=1)[0] + "…"
        return before + version.text + after, len(before), len(before) + len(version.text)
