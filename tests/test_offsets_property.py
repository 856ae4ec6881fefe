"""Property: for arbitrary text through the full analysis, every span is its text's slice.

Every ``{start, end, text}`` dict anywhere in ``Analysis.to_dict()`` must satisfy
``text == article.text[start:end]``.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

import newsprism

pytestmark = pytest.mark.slow

SENTENCES = [
    "Police fired on protesters in Almaty on 6 January, TASS reported.",
    "\"We will not leave,\" said one demonstrator.",
    "At least 12 people were killed and 2,000 detained, officials said.",
    "Author`s name Jane Doe",
    "Subscribe to our channel!",
    "Source: Wire",
    "It appears the government may resign.",
    "Протестующие захватили здание акимата.",
]

news_like = st.lists(
    st.one_of(st.sampled_from(SENTENCES), st.text(max_size=40)),
    min_size=1, max_size=12,
).flatmap(lambda parts: st.lists(st.sampled_from(["\n", "\n\n", " ", "\r\n", "\t"]), min_size=len(parts), max_size=len(parts))
          .map(lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True))))

texts = st.one_of(st.text(min_size=1, max_size=300), news_like).filter(lambda t: t.strip())


def spans(node: Any, path: str = "") -> list[tuple[str, dict]]:
    found = []
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            found.append((path, node))
        for key, value in node.items():
            found.extend(spans(value, f"{path}.{key}"))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            found.extend(spans(value, f"{path}[{n}]"))
    return found


@hsettings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=texts)
def test_every_span_is_a_slice_of_the_text(text, settings):
    analysis = newsprism.analyze({"id": "prop", "text": text}, settings=settings)
    record = analysis.to_dict()
    assert record["article"]["text"] == text
    for path, span in spans(record):
        assert 0 <= span["start"] <= span["end"] <= len(text), path
        assert text[span["start"]:span["end"]] == span["text"], path


def test_the_sample_has_spans_to_check(pravda):
    assert len(spans(pravda.to_dict())) > 10
