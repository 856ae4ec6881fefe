"""The initial schema: articles, events, claims, rhetoric, rejections, stories, story_events, predictions,
and the full-text index over the articles (FTS5 on SQLite, a generated tsvector column on PostgreSQL).

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

#: characters of title + text that PostgreSQL indexes (a tsvector must stay under 1 MB)
PG_FTS_CHARS = 200_000

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id',"
    " tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    " INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);"
    " END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);"
    " INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text); END",
]

PG_FTS = [
    "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS"
    f" (to_tsvector('simple', left(coalesce(title, '') || ' ' || text, {PG_FTS_CHARS}))) STORED",
    "CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)",
]


def _create_full_text() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else PG_FTS if dialect == "postgresql" else []:
        op.execute(statement)


def _drop_full_text() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS articles_fts_{trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_tsv")
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS tsv")


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.Text(), nullable=False),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Text(), nullable=True),
    sa.Column('published_date', sa.String(length=10), nullable=True),
    sa.Column('language', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('analysis', JSON_TYPE, nullable=False),
    sa.Column('schema_version', sa.String(length=10), nullable=False),
    sa.Column('ingested_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published_date'), ['published_date'], unique=False)

    op.create_table('rejections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('input', sa.Text(), nullable=False),
    sa.Column('stage', sa.Text(), nullable=False),
    sa.Column('code', sa.Text(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('stories',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('event_type', sa.Text(), nullable=True),
    sa.Column('sub_event_type', sa.Text(), nullable=True),
    sa.Column('story_date', sa.String(length=10), nullable=True),
    sa.Column('country', sa.Text(), nullable=True),
    sa.Column('iso3', sa.Text(), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('corroboration', sa.Integer(), nullable=False),
    sa.Column('outlets', JSON_TYPE, nullable=False),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stories_event_type'), ['event_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_stories_story_date'), ['story_date'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Text(), nullable=False),
    sa.Column('speaker_name', sa.Text(), nullable=False),
    sa.Column('speaker_kind', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('certainty', sa.Text(), nullable=False),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('content_start', sa.Integer(), nullable=False),
    sa.Column('content_end', sa.Integer(), nullable=False),
    sa.Column('channel', sa.Text(), nullable=True),
    sa.Column('direct', sa.String(length=10), nullable=True),
    sa.Column('checkworthiness', sa.Float(), nullable=False),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('published_date', sa.String(length=10), nullable=True),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_article_pk'), ['article_pk'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_speaker_name'), ['speaker_name'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Text(), nullable=False),
    sa.Column('event_type', sa.Text(), nullable=False),
    sa.Column('sub_event_type', sa.Text(), nullable=False),
    sa.Column('plover_type', sa.Text(), nullable=True),
    sa.Column('event_date', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.String(length=10), nullable=True),
    sa.Column('country', sa.Text(), nullable=True),
    sa.Column('iso3', sa.Text(), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('fatalities_low', sa.Integer(), nullable=True),
    sa.Column('fatalities_high', sa.Integer(), nullable=True),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('injured_low', sa.Integer(), nullable=True),
    sa.Column('injured_high', sa.Integer(), nullable=True),
    sa.Column('injured_best', sa.Integer(), nullable=True),
    sa.Column('arrested_low', sa.Integer(), nullable=True),
    sa.Column('arrested_high', sa.Integer(), nullable=True),
    sa.Column('arrested_best', sa.Integer(), nullable=True),
    sa.Column('actor1', sa.Text(), nullable=True),
    sa.Column('inter1', sa.Integer(), nullable=True),
    sa.Column('actor2', sa.Text(), nullable=True),
    sa.Column('inter2', sa.Integer(), nullable=True),
    sa.Column('reported_by', sa.Text(), nullable=True),
    sa.Column('reported_by_kind', sa.Text(), nullable=True),
    sa.Column('certainty', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('trigger_start', sa.Integer(), nullable=True),
    sa.Column('trigger_end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_article_pk'), ['article_pk'], unique=False)
        batch_op.create_index('ix_events_date', ['event_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_event_type'), ['event_type'], unique=False)
        batch_op.create_index('ix_events_iso3', ['iso3'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_outlet'), ['outlet'], unique=False)

    op.create_table('predictions',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=True),
    sa.Column('claim_id', sa.Text(), nullable=True),
    sa.Column('speaker_name', sa.Text(), nullable=False),
    sa.Column('speaker_kind', sa.Text(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('content_start', sa.Integer(), nullable=True),
    sa.Column('content_end', sa.Integer(), nullable=True),
    sa.Column('certainty', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('made', sa.String(length=10), nullable=True),
    sa.Column('horizon', sa.Text(), nullable=True),
    sa.Column('horizon_date', sa.String(length=10), nullable=True),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('resolved_at', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('predictions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_predictions_article_pk'), ['article_pk'], unique=False)
        batch_op.create_index(batch_op.f('ix_predictions_status'), ['status'], unique=False)

    op.create_table('rhetoric',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_pk', sa.Integer(), nullable=False),
    sa.Column('technique', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['article_pk'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rhetoric', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rhetoric_article_pk'), ['article_pk'], unique=False)
        batch_op.create_index(batch_op.f('ix_rhetoric_technique'), ['technique'], unique=False)

    op.create_table('story_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Text(), nullable=False),
    sa.Column('event_pk', sa.Integer(), nullable=True),
    sa.Column('article_id', sa.Text(), nullable=True),
    sa.Column('event_id', sa.Text(), nullable=False),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['event_pk'], ['events.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('story_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_events_event_pk'), ['event_pk'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_events_story_id'), ['story_id'], unique=False)

    _create_full_text()


def downgrade() -> None:
    _drop_full_text()
    with op.batch_alter_table('story_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_events_story_id'))
        batch_op.drop_index(batch_op.f('ix_story_events_event_pk'))

    op.drop_table('story_events')
    with op.batch_alter_table('rhetoric', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rhetoric_technique'))
        batch_op.drop_index(batch_op.f('ix_rhetoric_article_pk'))

    op.drop_table('rhetoric')
    with op.batch_alter_table('predictions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_predictions_status'))
        batch_op.drop_index(batch_op.f('ix_predictions_article_pk'))

    op.drop_table('predictions')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_outlet'))
        batch_op.drop_index('ix_events_iso3')
        batch_op.drop_index(batch_op.f('ix_events_event_type'))
        batch_op.drop_index('ix_events_date')
        batch_op.drop_index(batch_op.f('ix_events_article_pk'))

    op.drop_table('events')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_speaker_name'))
        batch_op.drop_index(batch_op.f('ix_claims_outlet'))
        batch_op.drop_index(batch_op.f('ix_claims_kind'))
        batch_op.drop_index(batch_op.f('ix_claims_article_pk'))

    op.drop_table('claims')
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stories_story_date'))
        batch_op.drop_index(batch_op.f('ix_stories_event_type'))

    op.drop_table('stories')
    op.drop_table('rejections')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published_date'))
        batch_op.drop_index(batch_op.f('ix_articles_outlet'))
        batch_op.drop_index(batch_op.f('ix_articles_article_id'))

    op.drop_table('articles')
