"""Timeline: stories by day (or by month/year when that is all their dates say), per country."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Story, TimelineEntry

_KEY_LEN = {"day": 10, "month": 7, "year": 4, "reported": 10}


def story_day(story: Story) -> tuple[str | None, str | None]:
    """(date key, precision) of a story: "2022-01-06"/"day", "2022-01"/"month", or (None, None)."""
    d = story.date
    if d is None or not d.value:
        return None, None
    precision = d.precision or "day"
    return d.value[: _KEY_LEN.get(precision, 10)], precision


def timeline(
    stories: Iterable[Story],
    *,
    by_country: bool = True,
    where: Callable[[Story], bool] | None = None,
) -> list[TimelineEntry]:
    """Stories grouped by day (and country unless ``by_country`` is False), oldest first, undated last.

    ``where`` keeps only the stories it accepts (a query: a country, a type, an outlet ...).
    """
    entries: dict[tuple[str | None, str | None, str | None], list[str]] = {}
    for story in stories:
        if where is not None and not where(story):
            continue
        day, precision = story_day(story)
        country = (story.place.country if story.place else None) if by_country else None
        entries.setdefault((day, precision, country), []).append(story.id)

    def order(key: tuple[str | None, str | None, str | None]) -> tuple:
        day, precision, country = key
        return (day is None, day or "", precision or "", country or "")

    ordered = sorted(entries.items(), key=lambda kv: order(kv[0]))
    return [TimelineEntry(date=k[0], precision=k[1], country=k[2], story_ids=ids) for k, ids in ordered]  # type: ignore[arg-type]
