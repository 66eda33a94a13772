"""Disputes on small stories with planted disagreements and planted agreements, and on the bundled story."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.analysis import analyse
from tui.core.corpus import load_corpus
from tui.core.model import Analysis, Dispute


def analyse_files(tmp_path: Path, files: dict[str, str]) -> Analysis:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return analyse(load_corpus(tmp_path))


def kinds(analysis: Analysis) -> list[str]:
    return [dispute.kind for dispute in analysis.disputes]


def disputes_about(analysis: Analysis, text: str) -> list[Dispute]:
    """The disputes that have a version whose text contains `text`."""
    return [d for d in analysis.disputes if any(text in version.text for version in d.versions)]


FIRE = {
    "herald.txt": (
        "A wildfire destroyed 40 homes in Ridgeview on Monday, fire officials said.\n"
        "Crews evacuated everyone within 10 km of the blaze as winds picked up.\n"
        "The county set aside a $2 million relief fund for families who lost their homes.\n"
    ),
    "courier.txt": (
        "Fire officials said 65 homes in Ridgeview were destroyed by the wildfire on Monday.\n"
        "Everyone within six miles of the blaze was evacuated as winds picked up.\n"
        "Separately, the county approved a $300 million budget for road repairs next year.\n"
    ),
    "gazette.txt": (
        "The Ridgeview wildfire destroyed more than 60 homes, according to fire officials.\n"
        "Fire chief Dana Whitlock said the crews had worked through the night.\n"
    ),
}


@pytest.fixture
def fire(tmp_path: Path) -> Analysis:
    return analyse_files(tmp_path, FIRE)


def test_different_counts_of_the_same_thing_are_a_number_dispute(fire: Analysis) -> None:
    """40 homes against 65 homes is flagged, with each source's version and value."""
    [dispute] = [d for d in fire.disputes if d.kind == "number"]
    texts = {version.span.article: version.text for version in dispute.versions}
    assert texts["herald"] == "A wildfire destroyed 40 homes in Ridgeview on Monday"
    assert texts["courier"] == "Fire officials said 65 homes in Ridgeview were destroyed by the wildfire"
    assert {version.value for version in dispute.versions} == {"40 homes", "65 homes", "60 homes (at least)"}
    assert "40 homes" in dispute.summary and "65 homes" in dispute.summary
    assert dispute.why


def test_a_bound_that_fits_one_side_is_listed_with_the_versions(fire: Analysis) -> None:
    """"more than 60 homes" agrees with 65 and is shown as fitting, not as a third side."""
    [dispute] = [d for d in fire.disputes if d.kind == "number"]
    assert "gazette" in {version.span.article for version in dispute.versions}
    assert " vs " in dispute.summary and dispute.summary.count(" vs ") == 1


def test_the_same_distance_in_other_units_is_no_dispute(fire: Analysis) -> None:
    """10 km and six miles are the same evacuation radius: no dispute."""
    assert disputes_about(fire, "10 km") == []
    assert disputes_about(fire, "six miles") == []


def test_numbers_about_different_things_are_never_paired(fire: Analysis) -> None:
    """The relief fund and the road budget are both dollars but not the same quantity."""
    for dispute in fire.disputes:
        if dispute.kind != "uncorroborated":
            assert not any("$2 million" in v.text or "$300 million" in v.text for v in dispute.versions)


def test_uncorroborated_claims_are_apart_from_the_disputes(fire: Analysis) -> None:
    """Claims only one source makes are listed apart (u1, u2, ...), never among the disputes (d1, d2, ...)."""
    assert kinds(fire) == ["number"]
    assert [d.id for d in fire.disputes] == ["d1"]
    assert fire.uncorroborated and all(claim.kind == "uncorroborated" for claim in fire.uncorroborated)
    assert [c.id for c in fire.uncorroborated] == [f"u{n}" for n in range(1, len(fire.uncorroborated) + 1)]


def test_a_titled_person_only_one_source_names_is_uncorroborated(fire: Analysis) -> None:
    """The fire chief is named, with a title, by the Gazette alone."""
    [claim] = [c for c in fire.uncorroborated if any("Dana Whitlock" in v.text for v in c.versions)]
    assert len(claim.versions) == 1 and claim.versions[0].span.article == "gazette"


def test_a_figure_no_other_source_gives_is_uncorroborated_only_with_a_role(tmp_path: Path) -> None:
    """"12 people were arrested" is a checkable claim of one source; a bare "10" is not."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Police said 12 people were arrested after the march.\nThe march started at 10 in the square.\n",
            "b.txt": "The march through the square ended peacefully, organisers said.\n",
        },
    )
    claims = [version.value for claim in analysis.uncorroborated for version in claim.versions]
    assert claims == ["12 people"]


def test_figures_with_different_acts_are_never_compared(tmp_path: Path) -> None:
    """12 injured and 3 killed count different people: no dispute; 12 injured and 18 injured are one."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Police said 12 people were injured in the riots on Wednesday.\n",
            "b.txt": "Five people were killed when the bank burned.\nPolice said 18 people had been injured in the violence.\n",
        },
    )
    [dispute] = analysis.disputes
    assert sorted(version.value for version in dispute.versions) == ["12 people", "18 people"]


def test_a_conversion_in_brackets_is_not_a_figure_of_its_own(tmp_path: Path) -> None:
    """110 billion euros ($143 billion) and 110 billion euros ($141 billion) agree: the dollars are conversions."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Europe agreed to lend 110 billion euros ($143 billion) to the country.\n",
            "b.txt": "The lenders will lend 110 billion euros ($141 billion) over three years.\n",
        },
    )
    assert analysis.disputes == ()


def test_versions_point_at_their_text(fire: Analysis) -> None:
    """Every version's span is its text in its article's body."""
    bodies = {article.id: article.body for article in fire.corpus.articles}
    for dispute in fire.disputes:
        for version in dispute.versions:
            assert bodies[version.span.article][version.span.start : version.span.end] == version.text


def test_agreeing_sources_have_no_conflict(tmp_path: Path) -> None:
    """The same figures in other words ("$1.5bn", "1.5 billion dollars", "about $1.5 billion") agree."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "The city will spend $1.5bn on the new metro line, the mayor announced on Tuesday.\n",
            "b.txt": "The mayor said the metro line would cost 1.5 billion dollars in total.\n",
            "c.txt": "The new metro line is expected to cost about $1.5 billion, the mayor said.\n",
        },
    )
    assert analysis.disputes == ()


def test_one_quote_in_different_words_is_a_wording_dispute(tmp_path: Path) -> None:
    """The mayor's words quoted two ways are a quote-wording dispute with both versions."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": 'The mayor spoke on Monday. "We are absolutely not raising taxes this year," Mayor Ada Ruiz said.\n',
            "b.txt": 'Mayor Ada Ruiz was firm. "There will be no tax rise this year," Ruiz said on Monday.\n',
        },
    )
    [dispute] = [d for d in analysis.disputes if d.kind == "wording"]
    assert {v.span.article for v in dispute.versions} == {"a", "b"}
    assert "Ada Ruiz" in dispute.summary and "2 ways" in dispute.summary


def test_the_same_words_credited_to_two_people_is_an_attribution_dispute(tmp_path: Path) -> None:
    """One quote, word for word, given to two different speakers."""
    quote = "We will rebuild every single home that was lost in this fire"
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": f'"{quote}," Governor Paula Reyes said on Tuesday.\n',
            "b.txt": f'"{quote}," Mayor Tom Becker said at the scene.\n',
        },
    )
    [dispute] = [d for d in analysis.disputes if d.kind == "attribution"]
    assert {version.value for version in dispute.versions} == {"Paula Reyes", "Tom Becker"}


def test_a_name_spelled_two_ways_is_flagged(tmp_path: Path) -> None:
    """Akazawa and Akazowa are one name spelled two ways; Kato Katsunobu reordered is not."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Trade envoy Ryosei Akazawa met Finance Minister Katsunobu Kato in Tokyo on Friday.\n",
            "b.txt": "Trade envoy Ryosei Akazowa briefed Finance Minister Kato Katsunobu in Tokyo on Friday.\n",
        },
    )
    spelling = [d for d in analysis.disputes if d.kind == "spelling"]
    assert len(spelling) == 1
    assert {v.value for v in spelling[0].versions} == {"Ryosei Akazawa", "Ryosei Akazowa"}


def test_a_person_given_different_offices_is_a_title_dispute(tmp_path: Path) -> None:
    """Finance Minister in one source, Prime Minister in another."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Finance Minister Katsunobu Kato said the talks would continue next week.\n",
            "b.txt": "Prime Minister Katsunobu Kato said the negotiations would go on next week.\n",
        },
    )
    assert "title" in kinds(analysis)


def test_a_date_changed_in_the_same_report_is_a_date_dispute(tmp_path: Path) -> None:
    """The same sentence with Monday in one source and Tuesday in the other."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "The bridge over the Elm river was closed to all traffic on Monday after engineers found cracks.\n",
            "b.txt": "The bridge over the Elm river was closed to all traffic on Tuesday after engineers found cracks.\n",
        },
    )
    [dispute] = [d for d in analysis.disputes if d.kind == "date"]
    assert {v.value for v in dispute.versions} == {"Monday", "Tuesday"}


@pytest.fixture(scope="module")
def bundled() -> Analysis:
    return analyse(load_corpus())


def test_bundled_holdings_figures_are_one_dispute_with_every_version(bundled: Analysis) -> None:
    """$1.13 trillion against nearly $1.07 trillion, with all five sources' figures."""
    [dispute] = [d for d in bundled.disputes if d.kind == "number" and "trillion" in d.summary]
    figures = {
        "cna": "exceeding $1 trillion",
        "toi": "over $1 trillion",
        "trt": "$1 trillion-plus",
        "unattributed": "$1.13 trillion",
        "zaobao": "nearly $1.07 trillion",
    }
    assert {version.span.article for version in dispute.versions} == set(figures)
    for version in dispute.versions:
        assert figures[version.span.article] in version.text  # the phrase that holds the figure
    assert {version.value for version in dispute.versions} == {
        "$1 trillion (at least)", "$1.13 trillion", "$1.07 trillion (at most)",
    }
    assert dispute.id == "d1"


def test_bundled_card_remark_is_worded_three_ways(bundled: Analysis) -> None:
    """Kato's card remark: "among such cards", "a card we hold", "hold a card"."""
    [dispute] = [d for d in bundled.disputes if d.kind == "wording"]
    texts = {version.span.article: version.text for version in dispute.versions}
    assert set(texts) == {"cna", "toi", "unattributed", "zaobao"}
    assert "It could be among such cards" in texts["toi"]
    assert "3 ways" in dispute.summary


def test_bundled_sidebar_figures_are_in_no_dispute(bundled: Analysis) -> None:
    """The SoftBank sidebar's $100B and 100,000 jobs are furniture: never paired, never listed."""
    for dispute in bundled.disputes:
        for version in dispute.versions:
            assert "$100B" not in version.text and "100,000" not in version.text


BRIDGE = {
    "a.md": (
        "---\noutlet: City Gazette\n---\nThe Harbor Bridge will reopen in June, Mayor Jane Ruiz said on Monday. "
        '"We are confident the repairs will be finished on time," Ruiz told reporters. The repairs cost $12 million.\n'
    ),
    "b.md": (
        "Mayor Jane Ruiz announced Monday the Harbor Bridge would reopen in July. "
        '"We are confident the repairs will be finished on time," she said. The city put the repair bill at $15 million.\n'
    ),
    "c.md": "---\noutlet: Metro News\n---\nOfficials said the bridge should reopen in June. The repairs cost $12 million, the city said.\n",
}


@pytest.fixture
def bridge(tmp_path: Path) -> Analysis:
    return analyse_files(tmp_path, BRIDGE)


def test_one_event_dated_differently_is_a_date_dispute(bridge: Analysis) -> None:
    """Reopening in June (two sources) against July (one), found by what the dates are about."""
    [dispute] = [d for d in bridge.disputes if d.kind == "date"]
    assert {(v.span.article, v.value) for v in dispute.versions} == {("a", "June"), ("b", "July"), ("c", "June")}
    assert dispute.summary.count(" vs ") == 1


def test_a_cost_and_a_bill_are_the_same_quantity(bridge: Analysis) -> None:
    """"The repairs cost $12 million" and "put the repair bill at $15 million" disagree."""
    [dispute] = [d for d in bridge.disputes if d.kind == "number"]
    assert {v.value for v in dispute.versions} == {"$12 million", "$15 million"}


def test_a_pronoun_guessed_onto_a_place_makes_no_attribution_dispute(bridge: Analysis) -> None:
    """"she said" after "the Harbor Bridge" must not credit the quote to a bridge."""
    assert "attribution" not in kinds(bridge)


def test_a_figure_reported_on_later_days_is_shown_as_a_change(tmp_path: Path) -> None:
    """5 dead on 2 July and 24 dead on 3 July: "rose: 5 people (2 Jul 2012) -> 24 people (3 Jul 2012)"."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.md": "---\ndate: 2012-07-02\n---\nOfficials said five people were killed in the flooding.\n",
            "b.md": "---\ndate: 2012-07-03\n---\nOfficials said 24 people were killed in the flooding by Tuesday.\n",
        },
    )
    [dispute] = analysis.disputes
    assert "rose: 5 people (2 Jul 2012) -> 24 people (3 Jul 2012)" in dispute.summary
    assert "different days" in dispute.why


def test_a_flat_contradiction_on_one_day_is_not_a_change(tmp_path: Path) -> None:
    """Two figures of one day disagree; nothing says the figure changed."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.md": "---\ndate: 2012-07-02\n---\nOfficials said five people were killed in the flooding.\n",
            "b.md": "---\ndate: 2012-07-02\n---\nOfficials said 24 people were killed in the flooding by Tuesday.\n",
        },
    )
    [dispute] = analysis.disputes
    assert "rose" not in dispute.summary and "different days" not in dispute.why


def test_prices_of_different_tiers_or_sizes_are_not_compared(tmp_path: Path) -> None:
    """The 13-inch and the 15-inch, the base and the higher-end model, are different prices; the
    13-inch model's price given two ways is a dispute."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "The company will ask $1, 099 for the base 13-inch version.\nThe 15-inch model costs $1799.\n"
                     "The higher-end model costs $2799.\n",
            "b.txt": "The new line starts at $1, 199 for the 13-inch option, while the 15-inch will sell for $1,799.\n"
                     "The basic model starts at $2,199.\n",
        },
    )
    [dispute] = analysis.disputes
    assert sorted(version.value for version in dispute.versions) == ["$1,099", "$1,199"]  # as a person writes it
    assert "13-inch" in dispute.why


def test_a_version_that_gives_both_figures_is_no_side(tmp_path: Path) -> None:
    """"either 2.3 or 2.6 GHz" and "the 2.3 GHz model" in one matched passage do not disagree."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "The new laptop models will have either 2.3 or 2.6 GHz quad-core processors and fast storage.\n",
            "b.txt": "The new laptop models will have the 2.3 GHz quad-core processors and fast storage, reviewers said.\n",
        },
    )
    assert analysis.disputes == ()


def test_an_event_timed_differently_is_a_time_dispute(tmp_path: Path) -> None:
    """The attack at 2:53 p.m. against 3:20 p.m.: times of day are facts, compared by what they time."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Witnesses said the camp was attacked at 2:53 p.m. local time by two aircraft.\n",
            "b.txt": "The planes attacked the camp at 3:20 p.m., a spokesman told reporters.\n",
        },
    )
    [dispute] = analysis.disputes
    assert sorted(version.value for version in dispute.versions) == ["2:53 p.m. local time", "3:20 p.m."]
    assert "times of day" in dispute.why


def test_about_a_time_fits_the_time(tmp_path: Path) -> None:
    """"around 10 a.m." and "10:05 a.m." agree."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "The gunman attacked the office around 10 a.m. with a shotgun.\n",
            "b.txt": "Police said the gunman attacked the office at 10:05 a.m. with a shotgun.\n",
        },
    )
    assert sorted(fact.value for fact in analysis.facts if fact.type == "time") == ["10:00", "10:05"]
    assert analysis.disputes == ()


def test_relative_dates_resolve_against_the_article_date() -> None:
    """ "yesterday", "Wednesday", "last Friday", "next Monday" and "to be voted on Thursday"."""
    from tui.core.facts.dates import resolve

    assert resolve("yesterday", "2010-05-05") == "2010-05-04"
    assert resolve("Wednesday", "2010-05-05") == "2010-05-05"
    assert resolve("Tuesday", "2010-05-05") == "2010-05-04"
    assert resolve("Thursday", "2010-05-05", future=True) == "2010-05-06"
    assert resolve("last Friday", "2010-05-05") == "2010-04-30"
    assert resolve("next Monday", "2010-05-05") == "2010-05-10"
    assert resolve("--05-02", "2010-05-05") == "2010-05-02"
    assert resolve("Friday", None) == "Friday"


def test_today_and_the_weekday_it_is_agree_and_read_as_dates(tmp_path: Path) -> None:
    """"today" under a Wednesday dateline and "Wednesday" are one day: no dispute; "Thursday"
    in the same passage is last week's and is one, its versions read with their dates."""
    one = "---\ndate: 2010-05-05\n---\nA firebomb attack on a bank killed three people {} as police fought protesters.\n"
    same = analyse_files(tmp_path / "same", {"a.md": one.format("today"), "b.md": one.format("Wednesday")})
    assert same.disputes == ()
    other = analyse_files(tmp_path / "other", {"a.md": one.format("today"), "b.md": one.format("Thursday")})
    [dispute] = other.disputes
    assert sorted(version.value for version in dispute.versions) == ["Thursday (29 April 2010)", "today (5 May 2010)"]


def test_one_event_dated_a_week_apart_is_a_date_dispute(tmp_path: Path) -> None:
    """The same statement, "on Monday" in one report and "on Tuesday" a week later in the other's
    dating, resolve to dates far apart: a date dispute whose values read with their dates."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.md": "---\ndate: 2012-07-03\n---\nThe bridge over the river was closed to all traffic on Monday after engineers found cracks.\n",
            "b.md": "---\ndate: 2012-07-03\n---\nThe bridge over the river was closed to all traffic on 25 June after engineers found cracks.\n",
        },
    )
    [dispute] = analysis.disputes
    assert dispute.kind == "date"
    assert sorted(version.value for version in dispute.versions) == ["25 June 2012", "Monday (2 July 2012)"]


PLACES = {
    "a.txt": "In March, another gunman was arrested near Fresno after a chase.\n"
             "Police chased Jon Reyes along the highway for an hour.\n"
             "Jon Reyes surrendered only after troopers boxed in his car on the highway in Saginaw.\n",
    "b.txt": "Officers chased Jon Reyes for 30 miles before apprehending him near Bay City.\n"
             "Jon Reyes was wounded in Midland, police said.\n",
    "c.txt": "Hours after the arrest, officers took a call from Jon Reyes in Elm Park.\n"
             "Jon Reyes, 38, was arrested in Mich. after a chase, police said.\n",
}


def test_one_act_placed_in_two_places_is_a_place_dispute(tmp_path: Path) -> None:
    """Surrendered in Saginaw, apprehended near Bay City: where he was arrested differs. The
    arrest near Fresno names nobody of this story: another event, not a third place; "Mich." is
    an abbreviation of a state, not a place of its own; Elm Park is where a call came from, past
    the comma that ends "Hours after the arrest"."""
    analysis = analyse_files(tmp_path, PLACES)
    [dispute] = [d for d in analysis.disputes if d.kind == "place"]
    assert sorted(version.value for version in dispute.versions) == ["Bay City", "Saginaw"]
    assert "arrest" in dispute.why


def test_a_part_is_not_a_rival_to_its_whole(tmp_path: Path) -> None:
    """"two bombs of the four fell in the camp" and "four bombs" are not two counts of the bombs."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Witnesses said four bombs were dropped on the camp by the aircraft.\n",
            "b.txt": "Two bombs of the four were dropped on the camp, witnesses said.\n",
        },
    )
    assert analysis.disputes == ()


def test_two_people_who_share_a_first_name_are_not_one_person(tmp_path: Path) -> None:
    """Finance Minister John Smith and Prime Minister John Major: no title dispute."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Finance Minister John Smith said the budget would pass.\n",
            "b.txt": "Prime Minister John Major said the budget would pass.\n",
        },
    )
    assert [d for d in analysis.disputes if d.kind == "title"] == []


def test_one_person_given_two_offices_is_a_title_dispute(tmp_path: Path) -> None:
    """Finance Minister John Smith and Prime Minister John Smith: the sources name different offices."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Finance Minister John Smith said the budget would pass.\n",
            "b.txt": "Prime Minister John Smith said on Monday the budget would pass.\n",
        },
    )
    assert [d.kind for d in analysis.disputes] == ["title"]


@pytest.mark.parametrize(
    ("one", "other", "two_ways"),
    [
        ("Sara Lund", "Sarah Lund", True),
        ("Jon Eriksen", "John Eriksen", True),
        ("Ilene Wolfe", "Ilene Wolff", True),
        ("South Sudan", "South Sudanese", False),
        ("Mt Elgon", "Mount Elgon", False),
        ("Liberation Army", "Liberation Army-North", False),
        ("MacBook Pro", "Macbook Pros", False),
        ("Acme Air", "Acme Pro", False),
    ],
)
def test_what_is_a_name_spelled_two_ways(one: str, other: str, two_ways: bool) -> None:
    from tui.core.disputes import _spelled_two_ways

    assert _spelled_two_ways(one, other) is two_ways


def test_a_title_dispute_reads_the_titles_as_written(tmp_path: Path) -> None:
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Finance Minister John Smith said the budget would pass.\n",
            "b.txt": "Prime Minister John Smith said on Monday the budget would pass.\n",
        },
    )
    [dispute] = analysis.disputes
    assert sorted(version.value for version in dispute.versions) == ["Finance Minister", "Prime Minister"]


def test_a_figure_another_source_gives_is_not_uncorroborated(tmp_path: Path) -> None:
    """12 people arrested, and 12 people taken to the station by another source: corroborated."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Police said 12 people were arrested after the march.\n",
            "b.txt": "Officers took 12 people to the station after the march.\n",
        },
    )
    assert analysis.uncorroborated == ()


def test_a_day_apart_from_the_articles_own_dates_is_one_day(tmp_path: Path) -> None:
    """"today" under a 10 April dateline and "Monday" under a 9 April one may be the same day
    in two time zones: no dispute."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.md": "---\ndate: 2007-04-10\n---\nThe gunman walked into the office at about 10am today, police said, hiding a shotgun.\n",
            "b.md": "---\ndate: 2007-04-09\n---\nThe gunman walked into the office around 10 a.m. Monday, police said, hiding a shotgun.\n",
        },
    )
    assert analysis.disputes == ()


def test_died_at_the_scene_against_on_the_way_to_hospital_is_a_place_dispute(tmp_path: Path) -> None:
    """Where a victim died, said without a name, differs; "in hospital" twice agrees."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "Police named the victim as Ruth Okafor.\nShe died on the way to the hospital.\n",
            "b.txt": "Ruth Okafor died at the scene, police said.\n",
            "c.txt": "Police said Ruth Okafor was shot twice.\n",
        },
    )
    [dispute] = analysis.disputes
    assert dispute.kind == "place"
    assert sorted(version.value for version in dispute.versions) == ["at the scene", "on the way to the hospital"]


def test_a_figure_of_another_event_told_as_background_is_no_claim_and_no_side(tmp_path: Path) -> None:
    """"In February, a gunman killed five people" in a July story is another event: not set
    against this story's toll, not an uncorroborated claim; "several counties" is no exact claim."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.md": "---\ndate: 2007-07-10\n---\nA gunman killed one person at the office, police said.\n"
                    "In February, a gunman killed five people at a mall in another state.\n"
                    "The gunman drove across several counties before he was arrested.\n",
            "b.md": "---\ndate: 2007-07-10\n---\nPolice said a gunman killed one person at the office on Monday.\n",
        },
    )
    assert analysis.disputes == ()
    assert analysis.uncorroborated == ()


def test_counts_of_one_crowd_in_other_words_are_compared(tmp_path: Path) -> None:
    """"several dozen youths hurling bombs" and "hundreds of people battering shops" count one
    crowd rioting; soldiers are not a crowd's people."""
    analysis = analyse_files(
        tmp_path,
        {
            "a.txt": "In the centre, several dozen youths were hurling petrol bombs at stores.\n"
                     "Two soldiers were hurt in the rioting.\n",
            "b.txt": "In the centre, hundreds of people were battering store fronts.\n"
                     "Five people were hurt in the rioting, officials said.\n",
        },
    )
    [dispute] = analysis.disputes
    assert sorted(version.value for version in dispute.versions) == ["hundreds of people", "several dozen youths"]
