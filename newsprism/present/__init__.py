"""Presenting results: exports (:mod:`.export`), summaries for people (:mod:`.summary`), reports."""
