"""What the reports and the document history read: rows taken from the stations' packages."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from typing import Any

import psycopg
from defusedxml import ElementTree as SafeET

from app.catalog.export import stationdata
from app.catalog.export.limits import PackageRefused
from app.catalog.export.sip import EVENT_TYPES, PREMIS, PREMIS_PATH, STATION_PATH
from app.catalog.export.stationdata import ClaimedDocument, StationData
from server.db import Pool
from server.migrations import REPORTS, migrate
from server.storage import BlobStore

log = logging.getLogger("scanstation.server.reports")
_ACTIONS = {v: k for k, v in EVENT_TYPES.items()}  # PREMIS eventType → the station's action
BATCH = 200

SCHEMA = """
CREATE TABLE IF NOT EXISTS rpt_package (
    package_id text PRIMARY KEY REFERENCES package(server_id),
    indexed_at timestamptz NOT NULL, problem text NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS rpt_document (
    document_uuid text PRIMARY KEY, org text NOT NULL, hoso_code text NOT NULL,
    clerk text NOT NULL, created_at timestamptz NOT NULL, pages integer NOT NULL,
    state text NOT NULL, reason text NOT NULL);
CREATE INDEX IF NOT EXISTS rpt_document_org_created ON rpt_document (org, created_at);
CREATE TABLE IF NOT EXISTS rpt_event (
    event_id text PRIMARY KEY, document_uuid text NOT NULL, org text NOT NULL,
    kind text NOT NULL, at timestamptz NOT NULL, actor text NOT NULL, detail jsonb NOT NULL);
CREATE INDEX IF NOT EXISTS rpt_event_org_kind_at ON rpt_event (org, kind, at);
CREATE INDEX IF NOT EXISTS rpt_event_document ON rpt_event (document_uuid, at);
"""


@dataclass(frozen=True)
class Event:
    """One PREMIS event of a package: the station's audit entry."""

    event_id: str
    kind: str
    at: str
    actor: str
    detail: dict[str, Any]
    sha256: str


def create_schema(pool: Pool) -> None:
    """Create the report tables when missing (safe at every start)."""
    with pool.connection() as conn:
        conn.execute("SELECT pg_advisory_xact_lock(7317)")
        conn.execute(SCHEMA)
        migrate(conn, REPORTS)


def _text(node: ET.Element, path: str) -> str:
    found = node.find(path)
    return (found.text or "") if found is not None else ""


def parse_events(premis: bytes) -> list[Event]:
    """The events of a PREMIS document, as the station wrote them."""
    p = f"{{{PREMIS}}}"
    out = []
    for node in SafeET.fromstring(premis).iter(f"{p}event"):
        raw = _text(node, f"{p}eventDetailInformation/{p}eventDetail") or "{}"
        try:
            detail = json.loads(raw)
        except json.JSONDecodeError:
            detail = {"text": raw}
        kind = _text(node, f"{p}eventType")
        out.append(
            Event(
                event_id=_text(node, f"{p}eventIdentifier/{p}eventIdentifierValue"),
                kind=_ACTIONS.get(kind, kind),
                at=_text(node, f"{p}eventDateTime"),
                actor=_text(node, f"{p}linkingAgentIdentifier/{p}linkingAgentIdentifierValue"),
                detail=detail if isinstance(detail, dict) else {"value": detail},
                sha256=_text(node, f"{p}linkingObjectIdentifier/{p}linkingObjectIdentifierValue"),
            )
        )
    return out


def _owner(event: Event, documents: tuple[ClaimedDocument, ...]) -> str | None:
    """The document an event is about: the only one of the package (a sync package holds
    one), else the one holding the file it names; hồ sơ events belong to none."""
    if event.kind == "create" and "metadata" in event.detail and "doc_code" not in event.detail:
        return None  # the hồ sơ's creation
    if len(documents) == 1:
        return documents[0].uuid
    for doc in documents:
        if event.sha256 and any(f.sha256 == event.sha256 for f in doc.files):
            return doc.uuid
    return None


def _read(store: BlobStore, sha256: str) -> tuple[StationData, bytes]:
    """station.json (validated) and premis.xml of a stored package (copied to a seekable
    spool first; the package was fully checked when it was received)."""
    with store.get(sha256) as source, tempfile.SpooledTemporaryFile(8 << 20) as spool:
        shutil.copyfileobj(source, spool)
        spool.seek(0)
        with zipfile.ZipFile(spool) as archive:
            names = archive.namelist()
            station = next(n for n in names if n.endswith("/" + STATION_PATH))
            premis = next((n for n in names if n.endswith("/" + PREMIS_PATH)), None)
            data = stationdata.parse(archive.read(station))
            return data, archive.read(premis) if premis else b""


def _index(conn: psycopg.Connection, package: tuple[str, str, str], store: BlobStore) -> None:
    _, sha256, org = package
    station, premis = _read(store, sha256)
    documents = station.documents
    for doc in documents:
        conn.execute(
            "INSERT INTO rpt_document (document_uuid, org, hoso_code, clerk, created_at, pages,"
            " state, reason) SELECT %s, %s, hoso_code, %s, %s::timestamptz, %s, %s, %s"
            " FROM document WHERE uuid = %s AND org = %s"
            " ON CONFLICT (document_uuid) DO UPDATE SET clerk = EXCLUDED.clerk,"
            " pages = EXCLUDED.pages, state = EXCLUDED.state, reason = EXCLUDED.reason",
            (
                doc.uuid,
                org,
                doc.clerk,
                doc.created_at,
                len(doc.pages),
                doc.state,
                doc.reason,
                doc.uuid,
                org,
            ),
        )
    for event in parse_events(premis) if premis else []:
        owner = _owner(event, documents)
        if owner is None or not event.event_id:
            continue
        conn.execute(
            "INSERT INTO rpt_event (event_id, document_uuid, org, kind, at, actor, detail)"
            " VALUES (%s,%s,%s,%s,%s::timestamptz,%s,%s) ON CONFLICT (event_id) DO NOTHING",
            (
                event.event_id,
                owner,
                org,
                event.kind,
                event.at,
                event.actor,
                json.dumps(event.detail, ensure_ascii=False),
            ),
        )


def refresh(pool: Pool, store: BlobStore, only: list[str] | None = None) -> int:
    """Index every package received since the last call (or those of `only` not indexed
    yet: a document page needs its own packages, not the whole backlog); return how many.
    The packages still to index are queued in `rpt_pending` by a trigger on `package`.

    A package that cannot be read is recorded with its problem and not tried again.

    Per-document and per-event rows are taken from station.json and the PREMIS events of each
    package, read through the BlobStore protocol, once per package.
    """
    done = 0
    while True:
        with pool.connection() as conn:
            pending = conn.execute(
                "SELECT p.server_id, p.sha256, p.org FROM rpt_pending q"
                " JOIN package p ON p.server_id = q.package_id"
                " WHERE (%(only)s::text[] IS NULL OR q.package_id = ANY(%(only)s::text[]))"
                " ORDER BY q.received_at LIMIT %(batch)s",
                {"only": only, "batch": BATCH},
            ).fetchall()
        if not pending:
            return done
        for package in pending:
            problem = ""
            try:
                with pool.connection() as conn:
                    _index(conn, package, store)
            except (
                KeyError,
                ValueError,
                StopIteration,
                OSError,
                zipfile.BadZipFile,
                ET.ParseError,
                PackageRefused,
                psycopg.DataError,
            ) as err:
                problem = f"{type(err).__name__}: {err}"[:500]
                log.warning("Package %s could not be indexed for reports: %s", package[0], problem)
            with pool.connection() as conn:
                conn.execute(
                    "INSERT INTO rpt_package (package_id, indexed_at, problem)"
                    " VALUES (%s, now(), %s) ON CONFLICT DO NOTHING",
                    (package[0], problem),
                )
                conn.execute("DELETE FROM rpt_pending WHERE package_id = %s", (package[0],))
            done += 1


def history(pool: Pool, document_uuid: str) -> list[dict[str, Any]]:
    """The station's events about one document, oldest first."""
    with pool.connection() as conn:
        rows = conn.execute(
            "SELECT kind, at, actor, detail FROM rpt_event WHERE document_uuid = %s ORDER BY at",
            (document_uuid,),
        ).fetchall()
    return [{"kind": r[0], "at": r[1], "actor": r[2], "detail": r[3]} for r in rows]
