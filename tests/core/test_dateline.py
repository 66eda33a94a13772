"""Datelines: the date a page prints at its top, read from invented bodies in the formats news sites use."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_corpus import write_corpus
from tui.core.corpus import load_corpus
from tui.core.dateline import Dateline, find_dateline, is_byline, is_stamp_line, parse_date, readable_date

HEADLINE = "Harbour crane topples in storm"
LEAD = "A crane fell into the harbour on Tuesday night after winds reached 120 km/h, the port said."


def body_with(line: str) -> str:
    return f"{HEADLINE}\n{line}\n{LEAD}\n"


# (dateline line as printed, ISO date, time, zone)
FORMATS = [
    ("March 3, 2015", "2015-03-03", None, None),
    ("First Posted 21:05:00 03/03/2015", "2015-03-03", "21:05", None),
    ("Updated 3/3/2015 4:15 PM", "2015-03-03", "16:15", None),
    ("6:30pm UK, Tuesday 03 March 2015", "2015-03-03", "18:30", "UK"),
    ("Tue Mar 3, 2015 6:30pm GMT", "2015-03-03", "18:30", "GMT"),
    ("Published Mar 03, 2015", "2015-03-03", None, None),
    ("Thu Nov 10, 2011 3:00pm EST", "2011-11-10", "15:00", "EST"),
    ("July 03, 2013 6:22AM", "2013-07-03", "06:22", None),
    ("Published on: 11 November 2011", "2011-11-11", None, None),
    ("August 20, 2014 9:41 AM PDT", "2014-08-20", "09:41", "PDT"),
    ("August 20, 2014 at 12:05 PM ET", "2014-08-20", "12:05", "ET"),
    ("2014-08-20", "2014-08-20", None, None),
    ("2014-08-20T14:05:00Z", "2014-08-20", "14:05", "Z"),
    ("(9:02 am PDT, Aug 20th 2014)", "2014-08-20", "09:02", "PDT"),
    ("posted Aug 20th, 2014 at 1:23 PM", "2014-08-20", "13:23", None),
    ("WEDNESDAY, AUGUST 20TH, 2014 AT 10:49 AM", "2014-08-20", "10:49", None),
    ("AUGUST 20, 2014 AT 10:33 AM PT", "2014-08-20", "10:33", "PT"),
    ("POSTED: 0915 GMT (1715 HKT), August 20, 2014", "2014-08-20", "09:15", "GMT"),
    ("on Aug 20 2014", "2014-08-20", None, None),
    ("August 20, 2014-7:07AM", "2014-08-20", "07:07", None),
    ("Published: August 20, 2014", "2014-08-20", None, None),
    ("Last updated at 12:00 a.m. on Sept. 1, 2014", "2014-09-01", "00:00", None),
    ("20.08.2014", "2014-08-20", None, None),
    ("20/8/2014", "2014-08-20", None, None),
    ("8/20/2014", "2014-08-20", None, None),
    ("12/12/2014", "2014-12-12", None, None),
]


@pytest.mark.parametrize(("line", "date", "time", "zone"), FORMATS, ids=[line for line, *_ in FORMATS])
def test_reads_the_datelines_news_pages_print(line: str, date: str, time: str | None, zone: str | None) -> None:
    """Each printed format gives its date, time and zone; the span is the line without enclosing brackets."""
    body = body_with(line)
    found = find_dateline(body)
    assert found is not None
    assert (found.date, found.time, found.zone) == (date, time, zone)
    assert body[found.start : found.end] == line.strip("()")


def test_byline_and_date_on_one_line() -> None:
    """A byline set off by a bar, or by a comma, leaves the date part as the dateline."""
    for line in ("By Jane Doe, Associated Press | April 16, 2007", "By Jane Doe, Associated Press, April 16, 2007"):
        body = body_with(line)
        found = find_dateline(body)
        assert found is not None and found.date == "2007-04-16"
        assert body[found.start : found.end] == "April 16, 2007"


def test_headline_and_date_on_one_short_line() -> None:
    found = find_dateline("Crane topples | March 3, 2015\nThe crane fell.\n")
    assert found == Dateline(start=16, end=29, date="2015-03-03")


def test_the_first_dateline_is_taken() -> None:
    body = "Crane topples\nPublished March 3, 2015\nUpdated March 4, 2015\nThe crane fell.\n"
    assert find_dateline(body).date == "2015-03-03"


def test_a_dateline_after_a_subtitle() -> None:
    body = f"{HEADLINE}\nThe port was closed for the night.\nMarch 3, 2015 4:15 PM EST\n{LEAD}\n"
    found = find_dateline(body)
    assert found is not None and (found.date, found.time, found.zone) == ("2015-03-03", "16:15", "EST")


# Not datelines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "On March 3, 2015 the crane fell into the harbour.",
        "March 3, 2015 - The crane fell into the harbour after the storm.",
        "March 3, 2015 was the windiest day of the year.",
        "The port said on March 3, 2015 that it would reopen.",
        "Published on: 11 November",
        "March 3",
        "13/13/2010",
        "31/02/2015",
        "11/06/2012",
        "Updated 4/9/2015 6:04 PM",
        "Monday",
        "4:15 PM",
        "2015",
    ],
)
def test_no_dateline(line: str) -> None:
    """A date in a sentence, a date without a year, an impossible or ambiguous numeric date: no dateline."""
    assert find_dateline(body_with(line)) is None


def test_a_date_on_line_twenty_is_not_a_dateline() -> None:
    body = "".join(f"Sentence number {n} of the story.\n" for n in range(19)) + "March 3, 2015\n"
    assert find_dateline(body) is None


def test_a_date_past_the_first_characters_is_not_a_dateline() -> None:
    body = f"{LEAD}\n" * 7 + "March 3, 2015\n"
    assert len(body) > 600
    assert find_dateline(body) is None


def test_a_long_line_with_a_delimited_date_is_not_a_dateline() -> None:
    line = "The harbour crane that stood for forty years over the old docks fell in last night's storm | March 3, 2015"
    assert len(line) >= 100
    assert find_dateline(body_with(line)) is None


# Ambiguous numeric dates ------------------------------------------------------------------------


def test_weekday_settles_an_ambiguous_numeric_date() -> None:
    """4/9/2015 is 9 April (a Thursday) or 4 September (a Friday): the printed weekday decides."""
    assert find_dateline(body_with("Thursday 4/9/2015")).date == "2015-04-09"
    assert find_dateline(body_with("Fri 4/9/2015")).date == "2015-09-04"


def test_a_hint_settles_an_ambiguous_numeric_date() -> None:
    body = body_with("Updated 4/9/2015 6:04 PM")
    assert find_dateline(body, hints=["2015-04-09"]).date == "2015-04-09"
    assert find_dateline(body, hints=["2015-09-04"]).date == "2015-09-04"
    assert find_dateline(body, hints=["2015-01-01"]) is None


def test_dots_are_day_month_year() -> None:
    assert find_dateline(body_with("04.09.2015")).date == "2015-09-04"


# Helpers ----------------------------------------------------------------------------------------


def test_parse_date() -> None:
    assert parse_date("May 5, 2010") == "2010-05-05"
    assert parse_date(" 2010-05-05 ") == "2010-05-05"
    assert parse_date("May 2nd") is None
    assert parse_date("soon") is None


def test_readable_date() -> None:
    assert readable_date("2010-05-05") == "Wed 5 May 2010"
    assert readable_date("May 2nd") == "May 2nd"


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("By Jane Doe", True),
        ("BY JANE DOE, Associated Press Writer", True),
        ("By J. Doe and A. Roe", True),
        ("By Jane Doe, staff writer", True),
        ("By Jane Doe (AP)", True),
        ("By Monday, the police had arrested him.", False),
        ("By the time police arrived the crane had fallen", False),
        ("By Tuesday", False),
        ("by Jane Doe", False),
        ("Bystanders Ran", False),
    ],
)
def test_is_byline(text: str, byline: bool) -> None:
    assert is_byline(text) is byline


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Updated 5/5/2010 1:41 PM", True),
        ("Published on: 11 November", True),
        ("Last updated 4:15 PM EST", True),
        ("By Jane Doe, Associated Press | April 16, 2007", True),
        ("By Jane Doe, Associated Press, April 16, 2007", True),
        ("11/06/2012", True),
        ("4:15 PM", False),
        ("On Monday at 10:49 AM", False),
        ("13/13/2010", False),
        ("Crane topples | March 3, 2015", False),
        ("March 3, 2015 - The crane fell into the harbour.", False),
        ("March 3, 2015 was the windiest day of the year.", False),
    ],
)
def test_is_stamp_line(line: str, stamp: bool) -> None:
    assert is_stamp_line(line) is stamp


# The corpus fills Article.date from the dateline --------------------------------------------------


def test_corpus_takes_the_date_from_the_dateline_when_the_front_matter_has_none(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path, {
        "a.md": "---\noutlet: A\n---\n" + body_with("Tue Mar 3, 2015 6:30pm GMT"),
        "b.md": body_with("Published March 4, 2015"),
        "c.md": "---\noutlet: C\n---\n" + body_with("no date here"),
    })
    dates = {article.id: article.date for article in load_corpus(folder).articles}
    assert dates == {"a": "2015-03-03", "b": "2015-03-04", "c": None}


def test_corpus_keeps_the_front_matter_date(tmp_path: Path) -> None:
    """A full front matter date wins over the dateline (as ISO); a loose one ("May 2nd") gives way to it."""
    folder = write_corpus(tmp_path, {
        "a.md": "---\ndate: 2015-03-01\n---\n" + body_with("March 3, 2015"),
        "b.md": "---\ndate: March 2, 2015\n---\n" + body_with("March 3, 2015"),
        "c.md": "---\ndate: March 2nd\n---\n" + body_with("March 3, 2015"),
        "d.md": "---\ndate: March 2nd\n---\n" + body_with("no date here"),
    })
    dates = {article.id: article.date for article in load_corpus(folder).articles}
    assert dates == {"a": "2015-03-01", "b": "2015-03-02", "c": "2015-03-03", "d": "March 2nd"}


def test_corpus_settles_an_ambiguous_dateline_with_the_url(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path, {
        "a.md": "---\nurl: https://news.example/2015/04/09/crane\n---\n" + body_with("Updated 4/9/2015 6:04 PM"),
        "b.md": "---\nurl: https://news.example/story?id=20150904\n---\n" + body_with("Updated 4/9/2015 6:04 PM"),
        "c.md": "---\nurl: https://news.example/crane\n---\n" + body_with("Updated 4/9/2015 6:04 PM"),
    })
    dates = {article.id: article.date for article in load_corpus(folder).articles}
    assert dates == {"a": "2015-04-09", "b": "2015-09-04", "c": None}


@pytest.mark.parametrize("body", ["Updated 5 p.m. EST\nText here.", "Friday 5 p.m.\nText.", "5 p.m.\nThe rest."])
def test_a_time_without_minutes_never_raises(body: str) -> None:
    """ "5 p.m." has an hour and no minutes: read or passed over, never an error."""
    find_dateline(body)


def test_a_time_without_minutes_is_read_in_a_dateline() -> None:
    found = find_dateline("Published 5 p.m. EST, May 5, 2010\nText.")
    assert found is not None and (found.date, found.time, found.zone) == ("2010-05-05", "17:00", "EST")
