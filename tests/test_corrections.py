"""The eight corrections of issue 16: each is in the packs, with its source, and plays as written."""

from __future__ import annotations

from game.engine.content import Content
from game.engine.life import Life
from game.engine.scoring import record_rule
from game.engine.state import Setup


def _choice(content: Content, event: str, choice: str):
    return next(c for c in content.events[event].choices if c.id == choice)


def test_the_court_list_feeds_sesame_since_2015(builtin: Content) -> None:
    rule = builtin.systems["sesame"].rules["defaulter_listed"]
    assert "2015" in rule.source and "China Daily" in rule.source and rule.reliability == "reported"
    life = Life(builtin, Setup("sesame_renter", seed=1))
    life.state.enrolled.append("sesame")
    before = life.state.scores.get("sesame", builtin.systems["sesame"].start)
    life.state.scores["sesame"] = before
    record_rule(life, "defaulter_listed", "test")
    assert life.state.scores["sesame"] < before


def test_liu_hus_dates(builtin: Content) -> None:
    source = builtin.events["court_journalist_story"].source
    assert "detained in 2013" in source and "dropped in 2015" in source and "civil defamation suit" in source
    assert "2013–15" not in source


def test_ficos_band_names_are_ficos_own(builtin: Content) -> None:
    system = builtin.systems["fico_like"]
    assert "myFICO" in system.source and "band names are invented" not in system.source
    assert [(t.name, t.min) for t in system.tiers] == [
        ("Exceptional", 800),
        ("Very good", 740),
        ("Good", 670),
        ("Fair", 580),
        ("Poor", 300),
    ]


def test_li_weis_train_ticket_is_the_court_list(builtin: Content) -> None:
    event = builtin.events["rc_li_wei_hospital"]
    assert "court's list of defaulters" in event.text and "with his grade" not in event.text
    assert event.reliability == "official_document"


def test_the_baihe_threshold_and_the_views_say_they_are_invented(builtin: Content) -> None:
    badge = _choice(builtin, "ses_dating_signup", "badge")
    assert badge.reliability == "invented" and "invented" in badge.source
    assert "invention" in badge.locked_text
    assert "650" in builtin.privileges["dating_visibility"].source
    assert "'two million views' is invented" in builtin.events["ses_viral_video"].source


def test_the_shanghai_score_cites_honest_shanghai(builtin: Content) -> None:
    source = builtin.systems["shanghai_civic"].source
    assert "Honest Shanghai" in source and "NPR" in source
    assert "describe no Shanghai city score" not in source


def test_slower_internet_is_opinion(builtin: Content) -> None:
    assert builtin.privileges["fast_internet"].reliability == "opinion"
    assert builtin.events["rc_slow_internet"].reliability == "opinion"
    assert builtin.events["rc_slow_internet"].source.startswith("Opinion, not report")


def test_the_library_report_is_xiamens(builtin: Content) -> None:
    event = builtin.events["library_book"]
    assert event.source.startswith("Documented for Xiamen only")
    assert "credit platform" not in event.text and "Xiamen" in event.text
    assert "credit platform" not in _choice(builtin, "library_book", "keep").text
