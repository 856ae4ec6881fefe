"""Counts of dead, injured, arrested and crowd size (newsprism/extract/counts.py)."""

from __future__ import annotations

import pytest

from newsprism.extract.counts import counts_in, merge_counts, parse_number, quantities
from newsprism.model import Count


def counts(text: str) -> dict[str, tuple[int, int | None, int]]:
    return {k: (c.low, c.high, c.best) for k, c in counts_in(text, 0, len(text)).items()}


@pytest.mark.parametrize(("words", "value"), [
    ("2,000", 2000), ("three", 3), ("twenty-five", 25), ("two hundred", 200), ("1.5 million", 1_500_000),
    ("a hundred", 100), ("seventy five", 75),
])
def test_parse_number(words, value):
    assert parse_number(words) == value


def test_bounds_and_vague_amounts_follow_acled_conventions():
    assert counts("Over 2,000 protester have been detained, tens were killed.") == {
        "arrested": (2000, None, 2000), "fatalities": (10, None, 10)}
    assert counts("Dozens of people were injured.") == {"injured": (12, None, 12)}
    assert counts("Hundreds were arrested.") == {"arrested": (100, None, 100)}
    assert counts("Several citizens were injured during the shootout.") == {"injured": (3, None, 3)}
    assert counts("A few people were wounded.")["injured"][0] in (2, 3)
    assert counts("At least 5 people were killed.") == {"fatalities": (5, None, 5)}
    assert counts("Up to 30 people died.")["fatalities"][1:] == (30, 30)


def test_ranges_keep_both_ends_and_the_low_one_is_best():
    assert counts("Police arrested between 10 and 15 people.") == {"arrested": (10, 15, 10)}
    assert counts("The attack led to the killing of 3 militants and 1-2 policemen.") == {"fatalities": (4, 5, 4)}


def test_kinds_by_the_verb_before_or_after_the_number():
    got = counts("Taliban militants ambushed and killed 1 Afghan soldier, and injured 1, in the area.")
    assert got == {"fatalities": (1, 1, 1), "injured": (1, 1, 1)}
    assert counts("One person was killed and five were injured in a clash.") == {
        "fatalities": (1, 1, 1), "injured": (5, 5, 5)}
    assert counts("The death toll rose to 12 on Monday.") == {"fatalities": (12, 12, 12)}
    assert counts("Hundreds of protesters gathered outside the court.") == {"size": (100, None, 100)}


def test_an_agent_is_not_a_victim():
    assert counts("A sniper shot and killed 2 soldiers.") == {"fatalities": (2, 2, 2)}


def test_parts_of_a_count_are_not_added_again():
    assert counts("At least 5 people were killed, including 2 children.") == {"fatalities": (5, None, 5)}


def test_dates_times_and_years_are_not_counts():
    assert counts("On 27 April 2020, police killed 3 people.") == {"fatalities": (3, 3, 3)}
    assert counts("In 2014, 10 km away, the police patrolled for 3 hours.") == {}
    assert [q.best for q in quantities("on May 5 at 5 pm")] == []


def test_explicit_zero():
    assert counts("No fatalities were reported.") == {"fatalities": (0, 0, 0)}
    assert counts("Neither injuries nor fatalities were reported.") == {"injured": (0, 0, 0), "fatalities": (0, 0, 0)}


def test_spans_point_at_the_numbers():
    text = "Yesterday over 2,000 people were detained."
    count = counts_in(text, 0, len(text))["arrested"]
    assert count.span is not None and count.span.text == text[count.span.start:count.span.end] == "over 2,000"


def test_merge_takes_the_largest_report():
    assert merge_counts([None, Count(3, 3, 3), Count(10, None, 10)]) == Count(10, None, 10)
    assert merge_counts([None, None]) is None


def test_a_list_shares_the_verb_after_it():
    assert counts("5 soldiers and 1 officer were killed in the blast.") == {"fatalities": (6, 6, 6)}


def test_deaths_without_a_figure_follow_acled_unknown_convention():
    assert counts("An unspecified number of soldiers were reportedly killed.") == {"fatalities": (10, None, 10)}
    assert counts("The army repelled the attack, incurring fatalities among the attackers.") == {
        "fatalities": (10, None, 10)}


def test_a_victim_without_a_number_is_one():
    assert counts("The victim died.") == {"fatalities": (1, 1, 1)}
    assert counts("They burned 20 huts and killed 15 livestock.") == {}


def test_a_victim_told_without_a_number_in_other_words_is_one():
    assert counts("Armed men intercepted the mayor's car and shot him dead.") == {"fatalities": (1, 1, 1)}
    assert counts("Gunmen shot a shopkeeper, resulting in his death.") == {"fatalities": (1, 1, 1)}
    assert counts("A roadside bomb hit a van, leaving the driver dead.") == {"fatalities": (1, 1, 1)}
    assert counts("A man's body was found in the river.") == {"fatalities": (1, 1, 1)}
    assert counts("Bandits attacked and killed the owner of the farm.") == {"fatalities": (1, 1, 1)}


def test_deaths_told_as_the_cause_are_not_the_events_toll():
    assert counts("Residents blocked the road to demand justice for the death of a man shot by police.") == {}
    assert counts("Youths attacked police officers after two children were killed by gunmen.") == {}
    assert counts("Relatives vandalised a clinic against the death of a woman who died in labour.") == {}
    assert counts("They attacked in retaliation for the killing of 3 members of the group.") == {}
    assert counts("Gunmen killed 3 villagers after the meeting.") == {"fatalities": (3, 3, 3)}


def test_no_report_of_fatalities_is_zero():
    assert counts("Clashes erupted, with no report of fatalities.")["fatalities"] == (0, 0, 0)


def test_counts_told_as_additional_add_up():
    text = "Gunmen shot dead a local leader. Three members of his family were also killed."
    first, second = counts_in(text, 0, 32)["fatalities"], counts_in(text, 33, len(text))["fatalities"]
    assert merge_counts([first, second], text).best == 4
    assert merge_counts([first, second]).best == 3  # without the text: mentions repeat, the largest is kept
    repeat = "Two soldiers were killed. The two soldiers were killed near the base."
    a, b = counts_in(repeat, 0, 25)["fatalities"], counts_in(repeat, 26, len(repeat))["fatalities"]
    assert merge_counts([a, b], repeat).best == 2


def test_dead_and_wounded_together_are_half_dead():
    assert counts("7 militants were killed and wounded during the operation.") == {"fatalities": (3, None, 3)}
    assert counts("The strikes hit the camp, killing and injuring dozens of fighters.") == {"fatalities": (6, None, 6)}
    assert counts("They attacked the post and killed and wounded several soldiers.") == {"fatalities": (3, None, 3)}
    assert counts("5 people were killed and 7 wounded.") == {"fatalities": (5, 5, 5), "injured": (7, 7, 7)}


def test_several_victims_without_numbers_add_up():
    assert counts("A woman died and the man died from his wounds in hospital.") == {"fatalities": (2, 2, 2)}


def test_an_aside_between_the_number_and_its_verb_is_skipped():
    assert counts("At least 39 people, including two police officers, were injured, officials said.") == {
        "injured": (39, None, 39)}
    assert counts("Five people, among them a child, were killed in the blast.") == {"fatalities": (5, 5, 5)}
    # a comma that is not an aside still ends the number's clause
    assert counts("The 12 soldiers, who arrived on Monday, left.") == {}


def test_things_counted_are_not_people():
    assert counts("Troops repelled eight attacks near the town and killed up to 250 fighters, a figure not verified.") == {
        "fatalities": (1, 250, 250)}
    assert counts("Air defences shot down 14 of 17 drones launched overnight.") == {}
    assert counts("Two village elders were killed.") == {"fatalities": (2, 2, 2)}
    assert counts("Gunmen killed at least 32 civilians in attacks on two villages.") == {"fatalities": (32, None, 32)}


def test_a_number_opening_the_source_of_the_report_is_no_count():
    text = "The strike killed at least 26 people and wounded 55 others on Tuesday, two residents and a health official said."
    assert counts(text)["injured"] == (55, 55, 55)
    assert counts("Gunmen killed 3 soldiers and 2 policemen in an ambush, officials said.")["fatalities"] == (5, 5, 5)


def test_a_relative_clause_between_the_victims_and_the_verb():
    text = "Three women who were also workers of the city hospital were found dead inside a house."
    assert counts(text)["fatalities"] == (3, 3, 3)
    text = "A former bodyguard who reportedly worked for prominent families was shot dead by unidentified assailants."
    assert counts(text)["fatalities"] == (1, 1, 1)
    # a relative clause that is not the victims' own predicate adds nothing
    text = "Troops attacked a vehicle carrying 5 militants who hid in a building which exploded, leaving the 5 militants dead."
    assert counts(text)["fatalities"][2] == 5


def test_an_unknown_number_killed_follows_acled_convention_in_other_word_orders():
    assert counts("Unknown gunmen killed an unknown number of civilians in the area.")["fatalities"] == (10, None, 10)
    assert counts("An unknown number of soldiers were reportedly injured and killed.")["fatalities"][2] == 10


def test_a_bracket_inside_the_victims_noun_phrase_does_not_cut_it_from_its_verb():
    assert counts("5 civilians (2 men, 2 women, and 1 child) were killed when their car hit a bomb.")["fatalities"] == (5, 5, 5)
    assert counts("Five members of the CV (Red Command) died during a shoot-out.")["fatalities"] == (5, 5, 5)
    # a place in brackets after the agent does not make the agent a victim
    text = "A private security guard in Onitsha (Onitsha North LGA, Anambra) stabbed a man to death."
    assert counts(text)["fatalities"] == (1, 1, 1)


@pytest.mark.parametrize("text", [
    "The Taliban district head of intelligence was killed in an operation by police forces.",
    "Unknown gunmen shot and killed the Supreme Court's administrative chief in Surobi district.",
    "A 17-year-old teenager was killed by the Military Police.",
    "An Islamic State sniper shot an Egyptian soldier west of Rafah, killing the soldier.",
])
def test_one_victim_named_with_words_before_the_noun_is_one_dead(text):
    assert counts(text)["fatalities"] == (1, 1, 1)
