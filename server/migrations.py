"""Numbered schema changes after the base schema, each applied once."""

from __future__ import annotations

import psycopg

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        # partial uploads in object storage: the acknowledged offset, the multipart upload and
        # its parts, the tail shorter than a part (an object of its own), the last byte's time
        """
        ALTER TABLE upload
            ADD COLUMN IF NOT EXISTS received bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS multipart_id text,
            ADD COLUMN IF NOT EXISTS parts jsonb NOT NULL DEFAULT '[]',
            ADD COLUMN IF NOT EXISTS piece bigint NOT NULL DEFAULT 0,
            ADD COLUMN IF NOT EXISTS touched_at timestamptz;
        """,
    ),
    (
        2,
        # search over the newest versions only: `current` marks each document's newest version
        # (kept by a statement trigger, so bulk loads are covered too), partial indexes for the
        # newest-first walk (all, per organisation, per type, updated documents) and for words
        """
        ALTER TABLE version ADD COLUMN IF NOT EXISTS current boolean NOT NULL DEFAULT true;
        UPDATE version v SET current = false FROM document d
            WHERE d.uuid = v.document_uuid AND v.version < d.latest AND v.current;
        CREATE OR REPLACE FUNCTION version_supersede() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE version v SET current = false FROM added a
                WHERE v.document_uuid = a.document_uuid AND v.version < a.version AND v.current;
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER version_supersede AFTER INSERT ON version
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION version_supersede();
        DROP INDEX IF EXISTS version_search;
        DROP INDEX IF EXISTS web_version_received;
        CREATE INDEX IF NOT EXISTS version_current_search ON version USING gin (search)
            WHERE current;
        CREATE INDEX IF NOT EXISTS version_current_received ON version
            (received_at, document_uuid) WHERE current;
        CREATE INDEX IF NOT EXISTS version_current_org ON version
            (org, received_at, document_uuid) WHERE current;
        CREATE INDEX IF NOT EXISTS version_current_type ON version
            ((metadata->>'typeName'), received_at, document_uuid) WHERE current;
        CREATE INDEX IF NOT EXISTS version_current_updated ON version
            (received_at, document_uuid) WHERE current AND version > 1;
        CREATE INDEX IF NOT EXISTS web_document_hoso ON document (hoso_code);
        """,
    ),
    (
        3,
        # words and type in one GIN index (btree_gin, a trusted contrib extension): a common
        # word with a common type whose combination is rare is intersected inside the index,
        # not by fetching every row of either; the planner's estimate of a type's share
        """
        CREATE EXTENSION IF NOT EXISTS btree_gin;
        CREATE INDEX IF NOT EXISTS version_current_words ON version
            USING gin (search, (metadata->>'typeName')) WHERE current;
        DROP INDEX IF EXISTS version_current_search;
        CREATE STATISTICS IF NOT EXISTS version_type_name ON (metadata->>'typeName') FROM version;
        ANALYZE version;
        """,
    ),
    (
        4,
        # the organisation in the words' index too: a word with a district (or the few of a
        # province) is intersected inside the index instead of reading every row holding the
        # word to test its organisation; no pending list (fastupdate), which every search
        # would scan until a vacuum merged it
        """
        CREATE INDEX IF NOT EXISTS version_current_words_org ON version
            USING gin (search, (metadata->>'typeName'), org) WITH (fastupdate = off)
            WHERE current;
        DROP INDEX IF EXISTS version_current_words;
        """,
    ),
    (
        5,
        # the organisation as a one-element array: a GIN index cannot take `org = ANY(…)`,
        # the few districts of a province, but takes `ARRAY[org] && …` in the same scan
        """
        CREATE INDEX IF NOT EXISTS version_current_words_orgs ON version
            USING gin (search, (metadata->>'typeName'), (ARRAY[org])) WITH (fastupdate = off)
            WHERE current;
        DROP INDEX IF EXISTS version_current_words_org;
        """,
    ),
)


_TZ = "'Asia/Ho_Chi_Minh'"
_UPSERT = "ON CONFLICT (org, month, metric, key) DO UPDATE SET n = rpt_count.n + EXCLUDED.n"
_REJECTED = "kind = 'state' AND detail->>'to' = 'rejected'"


def _distinct(added: str, table: str, item: str, at: str, pk: str, kind: str, metric: str) -> str:
    """Counter changes for a distinct count (hồ sơ, documents signed) after rows `added` of
    `table`: an item counts once in a period, in the month of its first row there, for each
    period length (metric1, metric3, metric6, metric12); the month it counted in before moves
    when an added row comes earlier. `kind`: only the events of that kind ("" = every row)."""
    mine = f"t.kind = '{kind}' AND " if kind else ""
    theirs = f" WHERE kind = '{kind}'" if kind else ""
    return f"""
        WITH f AS (
            SELECT t.org, l, min(t.{at}) AS first,
                min(t.{at}) FILTER (WHERE a.{pk} IS NULL) AS before
            FROM {table} t LEFT JOIN {added} a ON a.{pk} = t.{pk}
                CROSS JOIN (VALUES (1), (3), (6), (12)) lv(l)
            WHERE {mine}(t.org, t.{item}) IN (SELECT org, {item} FROM {added}{theirs})
            GROUP BY t.org, t.{item}, l, rpt_period(t.{at}, l))
        INSERT INTO rpt_count (org, month, metric, key, n)
        SELECT org, month, metric, '', sum(n) FROM (
            SELECT org, rpt_month(first) AS month, '{metric}' || l AS metric, 1 AS n FROM f
            UNION ALL
            SELECT org, rpt_month(before), '{metric}' || l, -1 FROM f WHERE before IS NOT NULL
        ) c GROUP BY 1, 2, 3 HAVING sum(n) <> 0 {_UPSERT};
    """


def _documents_added(added: str) -> str:
    return f"""
        INSERT INTO rpt_count (org, month, metric, key, n)
        SELECT org, rpt_month(created_at), m.metric, m.key, sum(m.n) FROM {added},
            LATERAL (VALUES ('documents', '', 1), ('pages', '', pages),
                ('clerk_documents', clerk, 1), ('clerk_pages', clerk, pages)) m(metric, key, n)
        GROUP BY 1, 2, 3, 4 {_UPSERT};
    """ + _distinct(added, "rpt_document", "hoso_code", "created_at", "document_uuid", "", "hoso")


def _events_added(added: str) -> str:
    return f"""
        INSERT INTO rpt_count (org, month, metric, key, n)
        SELECT org, rpt_month(at), m.metric, m.key, count(*) FROM {added},
            LATERAL (VALUES ('rejected', ''),
                ('reason', coalesce(nullif(detail->>'reason', ''), '(không ghi lý do)')))
                m(metric, key)
            WHERE {_REJECTED} GROUP BY 1, 2, 3, 4 {_UPSERT};
        INSERT INTO rpt_count (org, month, metric, key, n)
        SELECT org, rpt_month(at), 'rescanned', '', count(*) FROM {added} WHERE kind = 'rescan'
        GROUP BY 1, 2 {_UPSERT};
    """ + _distinct(added, "rpt_event", "document_uuid", "at", "event_id", "sign", "signed")


REPORTS: tuple[tuple[int, str], ...] = (
    (
        101,
        # report counters per organisation and month (Vietnam time), kept by statement
        # triggers on the report rows and filled once from the rows already there; a queue of
        # the packages not indexed yet for the reports (no anti-join over every package)
        f"""
        LOCK TABLE package, rpt_package, rpt_document, rpt_event IN SHARE ROW EXCLUSIVE MODE;
        CREATE TABLE IF NOT EXISTS rpt_count (
            org text NOT NULL, month date NOT NULL, metric text NOT NULL, key text NOT NULL,
            n bigint NOT NULL, PRIMARY KEY (org, month, metric, key));
        CREATE INDEX IF NOT EXISTS rpt_count_month ON rpt_count (month);
        CREATE INDEX IF NOT EXISTS rpt_document_hoso ON rpt_document (org, hoso_code, created_at);
        CREATE OR REPLACE FUNCTION rpt_month(at timestamptz) RETURNS date LANGUAGE sql STABLE
            AS $$ SELECT date_trunc('month', at AT TIME ZONE {_TZ})::date $$;
        CREATE OR REPLACE FUNCTION rpt_period(at timestamptz, months int) RETURNS date
            LANGUAGE sql STABLE AS $$
            SELECT make_date(extract(year FROM at AT TIME ZONE {_TZ})::int,
                (extract(month FROM at AT TIME ZONE {_TZ})::int - 1) / months * months + 1, 1) $$;
        {_documents_added("rpt_document")}
        {_events_added("rpt_event")}
        CREATE OR REPLACE FUNCTION rpt_documents_added() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN {_documents_added("added")} RETURN NULL; END $$;
        CREATE OR REPLACE FUNCTION rpt_events_added() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN {_events_added("added")} RETURN NULL; END $$;
        -- the indexer's upsert changes clerk and pages only (never org, hồ sơ or date)
        CREATE OR REPLACE FUNCTION rpt_documents_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO rpt_count (org, month, metric, key, n)
            SELECT org, rpt_month(created_at), m.metric, m.key, sum(m.n * sign) FROM
                (SELECT *, -1 AS sign FROM gone UNION ALL SELECT *, 1 FROM came) r,
                LATERAL (VALUES ('pages', '', pages), ('clerk_documents', clerk, 1),
                    ('clerk_pages', clerk, pages)) m(metric, key, n)
            GROUP BY 1, 2, 3, 4 HAVING sum(m.n * sign) <> 0 {_UPSERT};
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER rpt_documents_added AFTER INSERT ON rpt_document
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT
            EXECUTE FUNCTION rpt_documents_added();
        CREATE OR REPLACE TRIGGER rpt_documents_changed AFTER UPDATE ON rpt_document
            REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT
            EXECUTE FUNCTION rpt_documents_changed();
        CREATE OR REPLACE TRIGGER rpt_events_added AFTER INSERT ON rpt_event
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT
            EXECUTE FUNCTION rpt_events_added();
        CREATE TABLE IF NOT EXISTS rpt_pending (
            package_id text PRIMARY KEY, received_at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS rpt_pending_received ON rpt_pending (received_at);
        INSERT INTO rpt_pending SELECT p.server_id, p.received_at FROM package p
            WHERE NOT EXISTS (SELECT 1 FROM rpt_package r WHERE r.package_id = p.server_id)
            ON CONFLICT DO NOTHING;
        CREATE OR REPLACE FUNCTION rpt_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO rpt_pending SELECT server_id, received_at FROM added
                ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$;
        CREATE OR REPLACE FUNCTION rpt_dequeue() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM rpt_pending q USING added a WHERE q.package_id = a.package_id;
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER rpt_enqueue AFTER INSERT ON package
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION rpt_enqueue();
        CREATE OR REPLACE TRIGGER rpt_dequeue AFTER INSERT ON rpt_package
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION rpt_dequeue();
        """,
    ),
)


def migrate(
    conn: psycopg.Connection, migrations: tuple[tuple[int, str], ...] = MIGRATIONS
) -> list[int]:
    """Apply the `migrations` `conn`'s database has not had yet; return their numbers.

    They are applied in order, under the schema lock of db.create_schema (or of
    reports.facts.create_schema for REPORTS, whose tables are made there), and recorded in
    `schema_migration`.
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migration ("
        " number integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
    )
    done = {row[0] for row in conn.execute("SELECT number FROM schema_migration").fetchall()}
    applied = []
    for number, statement in migrations:
        if number not in done:
            conn.execute(statement)
            conn.execute("INSERT INTO schema_migration (number) VALUES (%s)", (number,))
            applied.append(number)
    return applied
