"""Scorers per task; ``newsprism eval`` drives them."""
