"""Page furniture: datelines, timestamps and bylines are shown but are not the story."""

from __future__ import annotations

from random import Random

import pytest

from tui.core.boilerplate import covered, furniture, inside

STORY = "A crane fell into the harbour on Tuesday night after winds reached 120 km/h, the port said."


def furniture_lines(body: str) -> list[str]:
    return [body[start:end] for start, end in furniture(body)]


@pytest.mark.parametrize(
    "line",
    [
        "Updated 5/5/2010 1:41 PM",
        "Wed May 5, 2010 7:12pm BST",
        "(10:27 am PDT, Jun 11th 2012)",
        "Published on: 11 November",
        "Last updated 4:15 PM EST",
        "By Jane Doe, Associated Press",
        "By Jane Doe, Associated Press | April 16, 2007",
        "Posted on June 11, 2012 by Jane Doe",
        "Reporting by Jane Doe; Editing by John Roe",
        "(Reporting by Jane Doe in Port Ellen; Writing by John Roe; Editing by Sam Poe)",
        "Written by Jane Doe",
        "Associated Press writer Jane Doe in Port Ellen contributed to this report.",
        "Jane Doe contributed reporting.",
        "Copyright 2012 The Associated Press. All rights reserved.",
        "(c) Copyright Example Media 2012",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "Jane Doe speaks on Monday (AP Photo/John Roe)",
    ],
)
def test_a_dateline_timestamp_byline_credit_or_copyright_line_is_furniture(line: str) -> None:
    body = f"Crane topples in storm\n{line}\n{STORY}\n"
    assert furniture_lines(body) == [line]
    start = body.index(line)
    assert inside(furniture(body), start, start + len(line))
    assert not inside(furniture(body), body.index(STORY), len(body))


@pytest.mark.parametrize(
    "line",
    [
        "March 3, 2015 - The crane fell into the harbour after the storm.",
        "March 3, 2015 was the windiest day of the year.",
        "On March 3, 2015 the crane fell into the harbour.",
        "By Monday, the police had closed the port.",
        "At 10:49 AM the crane fell.",
        "Crane topples | March 3, 2015",
        "Reporting by the port authority found cracks in the crane.",
        "Copyright law changed in March 2015, the port said.",
        "The storm contributed to the collapse, engineers said.",
        "Posted guards stood by Jane Doe as the crane fell.",
    ],
)
def test_a_story_line_that_begins_with_a_date_is_not_furniture(line: str) -> None:
    """Story sentences (and a headline beside its date) stay matchable, date or no date."""
    assert furniture_lines(f"{line}\n{STORY}\n") == []


def test_a_stamp_line_further_down_is_furniture_too() -> None:
    body = f"{STORY}\n{STORY}\nLast updated 4:15 PM EST\n"
    assert furniture_lines(body) == ["Last updated 4:15 PM EST"]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(0, 5, 0), (5, 10, 5), (8, 22, 2 + 2), (0, 100, 5 + 10), (30, 40, 0), (12, 13, 0), (25, 26, 1)],
)
def test_covered_counts_the_characters_the_spans_hold(start: int, end: int, expected: int) -> None:
    assert covered([(5, 10), (20, 30)], start, end) == expected


def test_covered_agrees_with_summing_every_span() -> None:
    """The bisection visits only the spans near the passage; the count is the one every span gives."""
    rng = Random(7)
    for _ in range(200):
        cuts = sorted(rng.sample(range(1000), 40))
        spans = list(zip(cuts[::2], cuts[1::2]))
        start = rng.randrange(1000)
        end = start + rng.randrange(300)
        every = sum(max(0, min(end, b) - max(start, a)) for a, b in spans)
        assert covered(spans, start, end) == every


def test_a_read_more_line_after_every_paragraph_opens_the_tail_only_where_little_prose_follows() -> None:
    """The prose after each marker is counted once from the end of the page, and still decides."""
    paragraph = (
        "The crews worked through the night to contain the blaze, which destroyed forty homes in the "
        "valley and forced hundreds of families to flee as the winds picked up again on Monday, fire officials said on Tuesday."
    )
    body = "\n".join(f"{paragraph} ({i})\nRead more about item {i}" for i in range(6))
    [(start, end)] = furniture(body)
    assert body[start:].startswith("Read more about item 4") and end == len(body)


QUOTES = (
    '"We have waited for years and nobody has come to help us here," one farmer told reporters.\n'
    '"The water took everything we had built since the last flood," another said on Monday.\n'
    '"We will rebuild, but we need the roads open first," the village head said.\n'
)


def test_a_teaser_line_inside_the_story_is_furniture_by_itself() -> None:
    """A "More from ...: <headline>" line before more of the story does not hide what follows it."""
    body = f"{STORY}\nMore from Example News: Floods return to the northern valley\n{QUOTES}"
    assert furniture_lines(body) == ["More from Example News: Floods return to the northern valley"]


def test_a_teaser_line_with_only_headlines_after_it_opens_the_tail() -> None:
    body = f"{STORY}\n{QUOTES}Read more: Floods return to the valley\nRoads close in the north\nA dam holds"
    assert furniture_lines(body) == ["Read more: Floods return to the valley\nRoads close in the north\nA dam holds"]


def test_a_bare_marker_still_opens_the_tail() -> None:
    body = f"{STORY}\n{QUOTES}Related stories\nFloods return to the valley\nRoads close in the north"
    assert furniture_lines(body) == ["Related stories\nFloods return to the valley\nRoads close in the north"]


@pytest.mark.parametrize(
    "dateline",
    ["PORT ELLEN, Scotland (AP) — ", "PORT ELLEN (Reuters) - ", "PORT ELLEN, Isl. -- ", "PORT ELLEN -- "],
)
def test_a_place_dateline_opening_the_story_is_furniture(dateline: str) -> None:
    body = f"Crane topples in storm\n{dateline}{STORY}\n{STORY}\n"
    assert furniture_lines(body) == [dateline.rstrip()]
    start = body.index(STORY)
    assert not inside(furniture(body), start, start + len(STORY))


@pytest.mark.parametrize(
    "line",
    ["BIGGEST PROTEST", "US - China talks resumed on Monday.", "NATO-led forces moved in, officials said.",
     "The US -- and only the US -- objected."],
)
def test_capitals_and_dashes_in_a_story_line_are_no_dateline(line: str) -> None:
    assert furniture_lines(f"{line}\n{STORY}\n") == []


def _analysed(*bodies: str) -> list[list[str]]:
    from tui.core.analysis import analyse
    from tui.core.model import Article, Corpus

    articles = tuple(Article(id=f"a{i}", outlet=f"outlet{i}", body=body) for i, body in enumerate(bodies))
    return [[member.text for member in group.members] for group in analyse(Corpus("story", articles)).groups]


def test_furniture_two_pages_share_is_never_matched() -> None:
    """Datelines, bylines, credits and copyright lines that two copies of a story print alike are no match."""
    furniture_of = [
        ("June 11, 2012 10:24 AM PDT", "June 11, 2012 at 12:36 PM ET"),
        ("By Jane Doe, Associated Press Writer", "By Jane Doe, Associated Press Writer"),
        ("Copyright 2012 The Associated Press. All rights reserved.",
         "Copyright 2012 The Associated Press. All rights reserved."),
        ("Associated Press writer John Roe in Port Ellen contributed to this report.",
         "Associated Press writer John Roe in Port Ellen contributed to this report."),
    ]
    one = "\n".join(["Crane topples in harbour storm", furniture_of[0][0], furniture_of[1][0], STORY,
                     furniture_of[2][0], furniture_of[3][0]])
    other = "\n".join(["Storm brings down a crane at the port", furniture_of[0][1], furniture_of[1][1],
                       "Divers searched the water below the quay for a second day on Wednesday.",
                       furniture_of[2][1], furniture_of[3][1]])
    matched = [text for group in _analysed(one, other) for text in group]
    assert not [text for text in matched if any(text in pair for pair in furniture_of)]
    # the same lines as story text would be matched: the test can fail
    story = "On June 11, 2012 at 12:36 PM the crane fell into the harbour, Jane Doe of the port authority said."
    assert _analysed(f"{STORY}\n{story}", f"Divers searched the quay.\n{story}")
