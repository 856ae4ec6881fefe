"""The dates stage: dateparser against the publication date, false hits filtered."""

from __future__ import annotations

import datetime as dt

import pytest

import newsprism
from newsprism.extract.dates import NO_BASE, dates_in, first_date_in, is_false_hit, parse_base, resolve


@pytest.fixture(scope="module")
def pravda_dated(samples_dir, settings):
    path = samples_dir / "kazakhstan-pravda-2022-01-07.txt"
    return newsprism.analyze(path, published="2022-01-07", settings=settings.replace(stages=("dates",)))


@pytest.mark.slow
def test_january_6_given_publication_january_7(pravda_dated):
    jan6 = next(d for d in pravda_dated.dates if d.span.text == "January 6")
    assert (jan6.value, jan6.precision, jan6.reason) == ("2022-01-06", "day", None)
    assert pravda_dated.article.text[jan6.span.start:jan6.span.end] == "January 6"


@pytest.mark.slow
def test_years_and_false_hits(pravda_dated):
    values = {(d.span.text, d.value, d.precision) for d in pravda_dated.dates}
    assert ("2014", "2014-01-01", "year") in values
    texts = {d.span.text for d in pravda_dated.dates}
    assert not texts & {"We", "may", "85%", "the years", "every hour", "years"}


@pytest.mark.slow
def test_helpers(pravda_dated):
    text = pravda_dated.article.text
    start = text.index("Heavy shooting")
    end = text.index(".", start)
    assert [d.span.text for d in dates_in(pravda_dated.dates, start, end)] == ["January 6"]
    assert first_date_in(pravda_dated.dates, start, end).value == "2022-01-06"


def test_resolution_and_precision():
    base = dt.date(2020, 5, 4)
    assert resolve("27 April 2020", base) == ("2020-04-27", "day", None)
    assert resolve("May 2020", base) == ("2020-05-01", "month", None)
    assert resolve("yesterday", base) == ("2020-05-03", "day", None)
    assert resolve("early January", base)[1] == "month"
    assert resolve("30 April-1 May", base)[0] == "2020-04-30"


def test_relative_dates_without_a_base_stay_unresolved():
    assert resolve("January 6", None) == (None, None, NO_BASE)
    assert resolve("yesterday", None) == (None, None, NO_BASE)
    assert resolve("6 January 2022", None) == ("2022-01-06", "day", None)


def test_false_hits():
    text = "We may see 85% of voters. It took two years. It happens every hour. On 5 May 2021 it ended."
    assert is_false_hit(text, 0, 2)  # We
    assert is_false_hit(text, 3, 6)  # the modal may
    assert is_false_hit(text, 11, 14)  # 85% -> "85"
    assert is_false_hit(text, text.index("two years"), text.index("two years") + 9)
    assert is_false_hit(text, text.index("every hour"), text.index("every hour") + 10)
    start = text.index("5 May 2021")
    assert not is_false_hit(text, start, start + 10)


def test_parse_base_accepts_iso_datetimes():
    assert parse_base("2022-01-07T10:00:00+03:00") == dt.date(2022, 1, 7)
    assert parse_base(None) is None


def test_weekday_is_the_most_recent_such_day_on_or_before_publication():
    wednesday = dt.date(2022, 1, 5)
    assert resolve("on Wednesday", wednesday) == ("2022-01-05", "day", None)
    assert resolve("Tuesday evening", wednesday) == ("2022-01-04", "day", None)
    assert resolve("Thursday", wednesday) == ("2021-12-30", "day", None)
    assert resolve("Friday", wednesday, future=True) == ("2022-01-07", "day", None)
    assert resolve("Wednesday", wednesday, future=True) == ("2022-01-05", "day", None)
    assert resolve("last Wednesday", wednesday)[0] != "2022-01-05"


@pytest.mark.slow
def test_weekdays_in_the_zdnet_sample_published_on_a_wednesday(samples_dir, settings):
    path = samples_dir / "kazakhstan-zdnet-2022-01-05.txt"
    result = newsprism.analyze(path, published="2022-01-05", settings=settings.replace(stages=("dates",)))
    by_text = {}
    for d in result.dates:
        by_text.setdefault(d.span.text.lower().removeprefix("on ").split()[0], set()).add(d.value)
    assert by_text["wednesday"] == {"2022-01-05"}
    assert by_text["tuesday"] == {"2022-01-04"}


@pytest.mark.slow
def test_a_future_weekday_is_the_next_one(settings):
    text = (
        "The ministers met on Monday in the capital. The president will meet the protest leaders on Friday, "
        "his office said. Parliament plans to vote on the bill on Tuesday."
    )
    result = newsprism.analyze(text, published="2022-01-05", settings=settings.replace(stages=("dates",)))
    values = {d.span.text.removeprefix("on ").split()[0]: d.value for d in result.dates}
    assert values["Monday"] == "2022-01-03"
    assert values["Friday"] == "2022-01-07"
    assert values["Tuesday"] == "2022-01-11"
