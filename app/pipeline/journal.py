"""A scan batch's journal: each change of its pages appended at once, replayed after a crash."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from app.atomic import fsync_path
from app.filelock import try_lock
from app.page import Geometry, RawPage

JOURNAL = "journal.jsonl"
LOCK = "lock"
VERSION = 1


class BatchBusy(Exception):
    """Another running desk holds this batch."""


@dataclass(frozen=True)
class PageRecord:
    """A page as the journal keeps it: the raw file and the clean-up chosen for it, as data."""

    id: str
    raw: RawPage
    geometry: Geometry
    flags: frozenset[str] = frozenset()
    skew_deg: float = 0.0

    def to_json(self, folder: Path) -> dict[str, Any]:
        if self.raw.path.parent != folder:
            raise ValueError(f"{self.raw.path} is not in the batch folder {folder}")
        return {
            "id": self.id,
            "file": self.raw.path.name,
            "dpi": self.raw.dpi,
            "index": self.raw.index,
            "source": self.raw.source,
            "mode": self.raw.mode,
            "depth": self.raw.depth,
            "quad": [list(p) for p in self.geometry.quad],
            "size": list(self.geometry.size),
            "flags": sorted(self.flags),
            "skew": self.skew_deg,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], folder: Path) -> PageRecord:
        """The record, or ValueError/KeyError/TypeError when a field is missing or wrong."""
        name = str(data["file"])
        if Path(name).name != name or name in ("", ".", ".."):
            raise ValueError(f"unsafe page file name {name!r}")
        path = folder / name
        quad = tuple((float(x), float(y)) for x, y in data["quad"])
        w, h = (int(v) for v in data["size"])
        if len(quad) != 4 or w <= 0 or h <= 0:
            raise ValueError("bad geometry")
        raw = RawPage(path=path, dpi=float(data["dpi"]), index=int(data["index"]),
                      source=str(data["source"]), mode=str(data["mode"]),
                      depth=int(data["depth"]))
        geometry = Geometry((quad[0], quad[1], quad[2], quad[3]), (w, h))
        return cls(str(data["id"]), raw, geometry, frozenset(str(f) for f in data["flags"]),
                   float(data["skew"]))


@dataclass(frozen=True)
class Filing:
    """A document written from some pages of the batch: `doc` is its catalog UUID, chosen
    before it is filed, so a restart can tell whether the catalog got it."""

    doc: str
    pages: tuple[str, ...]
    sha256: str = ""  # the PDF's hash, as the catalog will store it
    flags: tuple[tuple[str, ...], ...] = ()  # each page's clean-up flags, for the review


@dataclass(frozen=True)
class BatchState:
    """What a journal replays to: pages in order, document starts, filings."""

    pages: tuple[PageRecord, ...] = ()
    splits: frozenset[str] = frozenset()
    user: str = ""
    correcting: str | None = None  # the UUID of a returned document open for correction
    keyed: tuple[tuple[str, Any], ...] = ()  # the fields the clerk typed for the next document
    filing: tuple[Filing, ...] = ()  # begun; not known to be in the catalog
    filed: tuple[Filing, ...] = ()
    discarded: bool = False
    files: frozenset[str] = frozenset()  # every raw file a page record ever named
    damaged: int = 0  # lines that failed their checksum or could not be applied

    @property
    def ids(self) -> list[str]:
        return [p.id for p in self.pages]

    def apply(self, event: dict[str, Any], folder: Path) -> BatchState:
        """The state after one event (ValueError, KeyError or TypeError when it is malformed)."""
        kind = event["t"]
        if kind == "open":
            return replace(self, user=str(event.get("user", "")))
        if kind == "page":
            page = PageRecord.from_json(event["page"], folder)
            pages = list(self.pages)
            at = next((i for i, p in enumerate(pages) if p.id == page.id), None)
            if at is None:
                pages.append(page)
            else:
                pages[at] = page
            return replace(self, pages=tuple(pages), files=self.files | {page.raw.path.name})
        if kind == "drop":
            gone = {str(i) for i in event["ids"]}
            return replace(self, pages=tuple(p for p in self.pages if p.id not in gone),
                           splits=self.splits - gone)
        if kind == "order":
            by_id = {p.id: p for p in self.pages}
            ids = [str(i) for i in event["ids"] if str(i) in by_id]
            rest = [p for p in self.pages if p.id not in set(ids)]
            return replace(self, pages=tuple(by_id[i] for i in ids) + tuple(rest))
        if kind == "splits":
            return replace(self, splits=frozenset(str(i) for i in event["ids"]))
        if kind == "keyed":
            values = event["values"]
            if not isinstance(values, dict):
                raise TypeError("keyed values are not a mapping")
            return replace(self, keyed=tuple((str(k), v) for k, v in values.items()))
        if kind == "correcting":
            return replace(self, correcting=event["doc"] and str(event["doc"]))
        if kind in ("filing", "filed"):
            item = Filing(str(event["doc"]), tuple(str(i) for i in event["pages"]),
                          str(event.get("sha256", "")),
                          tuple(tuple(str(f) for f in fs) for fs in event.get("flags", [])))
            filing = tuple(f for f in self.filing if f.doc != item.doc)
            if kind == "filing":
                return replace(self, filing=(*filing, item))
            gone = set(item.pages)
            return replace(self, filing=filing, filed=(*self.filed, item),
                           pages=tuple(p for p in self.pages if p.id not in gone),
                           splits=self.splits - gone)
        if kind == "not-filed":
            return replace(self, filing=tuple(f for f in self.filing if f.doc != event["doc"]))
        if kind == "discarded":
            return replace(self, discarded=True)
        raise ValueError(f"unknown event {kind!r}")

    def changes_to(self, pages: Sequence[PageRecord], splits: frozenset[str],
                   folder: Path) -> list[dict[str, Any]]:
        """The events that turn this state into `pages` in this order with `splits`."""
        events: list[dict[str, Any]] = []
        old = {p.id: p for p in self.pages}
        new_ids = {p.id for p in pages}
        dropped = [i for i in old if i not in new_ids]
        if dropped:
            events.append({"t": "drop", "ids": dropped})
        for page in pages:
            if old.get(page.id) != page:
                events.append({"t": "page", "page": page.to_json(folder)})
        state = self
        for event in events:
            state = state.apply(event, folder)
        if state.ids != [p.id for p in pages]:
            events.append({"t": "order", "ids": [p.id for p in pages]})
        if splits != state.splits:
            events.append({"t": "splits", "ids": sorted(splits)})
        return events


def _line(events: list[dict[str, Any]]) -> bytes:
    body = json.dumps({"v": VERSION, "e": events}, ensure_ascii=False, separators=(",", ":"))
    data = body.encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(data), data)


def _events(line: bytes) -> list[dict[str, Any]] | None:
    """The events of one intact line, None when it is cut short or damaged."""
    crc, _, data = line.rstrip(b"\n").partition(b" ")
    try:
        if len(crc) != 8 or int(crc, 16) != zlib.crc32(data):
            return None
        body = json.loads(data.decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(body, dict) or not isinstance(body.get("e"), list):
        return None
    return [e for e in body["e"] if isinstance(e, dict)]


def replay(folder: Path) -> BatchState:
    """The batch as its journal left it: intact lines applied in order, the others counted.

    A line cut short by a kill or damaged on disk fails its checksum and is skipped; the lines
    around it still replay.
    """
    state = BatchState()
    try:
        lines = (folder / JOURNAL).read_bytes().split(b"\n")
    except FileNotFoundError:
        return state
    damaged = 0
    for line in lines:
        if not line.strip():
            continue
        events = _events(line)
        if events is None:
            damaged += 1
            continue
        for event in events:
            try:
                state = state.apply(event, folder)
            except (ValueError, KeyError, TypeError, IndexError):
                damaged += 1
    return replace(state, damaged=damaged)


def _filing(kind: str, item: Filing) -> dict[str, Any]:
    return {"t": kind, "doc": item.doc, "pages": list(item.pages), "sha256": item.sha256,
            "flags": [list(f) for f in item.flags]}


def take_lock(folder: Path) -> IO[bytes]:
    """Hold the batch (released when the handle closes or the process dies); BatchBusy when
    another process holds it."""
    handle = (folder / LOCK).open("ab")
    try:
        try_lock(handle)
    except OSError:
        handle.close()
        raise BatchBusy(str(folder)) from None
    return handle


@dataclass
class Journal:
    """The writer of one batch's journal (open it with `create` or `resume`).

    Every change is written to the file at once (a kill of the desk cannot lose it: it is in
    the OS). Filings, discards and the first line are fsynced before the call returns; the
    strip's changes, which come from the desk's GUI thread, are fsynced a moment later by a
    syncer thread (an fsync costs 10-60 ms on a busy disk), which a power cut in that moment
    could cost an edit, never a page: the page's own file is fsynced when it is saved.

    The journal lives in the batch folder beside the raw pages (`journal.jsonl`). Every change is
    one line `<crc32> <json>`: the pages added or changed (raw file, geometry, flags as data), the
    pages dropped, the order, the document boundaries, the fields typed for the next document, the
    document being filed and the one filed. Only the process holding the batch's lock (`lock`)
    writes it.
    """

    folder: Path
    state: BatchState = field(default_factory=BatchState)
    _lock: IO[bytes] | None = field(default=None, repr=False)
    _mutex: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _dirty: threading.Event = field(default_factory=threading.Event, repr=False)
    _syncer: threading.Thread | None = field(default=None, repr=False)
    _closing: bool = field(default=False, repr=False)

    @classmethod
    def create(cls, folder: Path, user: str) -> Journal:
        """A new batch folder with its journal (the folder must not hold one yet)."""
        folder.mkdir(parents=True, exist_ok=True)
        journal = cls(folder, _lock=take_lock(folder))
        if (folder / JOURNAL).exists():
            journal.close()
            raise FileExistsError(folder / JOURNAL)
        journal._append([{"t": "open", "user": user}])
        fsync_path(folder)
        fsync_path(folder.parent)
        return journal

    @classmethod
    def resume(cls, folder: Path) -> Journal:
        """Continue an interrupted batch: its journal replayed, further changes appended."""
        lock = take_lock(folder)
        return cls(folder, replay(folder), lock)

    def _append(self, events: list[dict[str, Any]]) -> None:
        with self._mutex:
            self._write(events, sync=True)

    def _write(self, events: list[dict[str, Any]], *, sync: bool) -> None:
        state = self.state
        for event in events:
            state = state.apply(event, self.folder)
        with (self.folder / JOURNAL).open("ab") as out:
            out.write(_line(events))
            out.flush()
            if sync:
                os.fsync(out.fileno())
        self.state = state
        if not sync:
            self._sync_soon()

    def _sync_soon(self) -> None:
        self._dirty.set()
        if self._syncer is None:
            self._syncer = threading.Thread(target=self._sync_loop, name="journal-sync",
                                            daemon=True)
            self._syncer.start()

    def _sync_loop(self) -> None:
        while True:
            self._dirty.wait()
            self._dirty.clear()
            with contextlib.suppress(OSError), (self.folder / JOURNAL).open("ab") as out:
                os.fsync(out.fileno())
            if self._closing:
                return

    def record(self, pages: Iterable[PageRecord], splits: frozenset[str]) -> None:
        """Record the strip as it is now (only what changed is written; pages already filed
        from this batch are never written back)."""
        with self._mutex:
            filed = {i for item in self.state.filed for i in item.pages}
            kept = [p for p in pages if p.id not in filed]
            events = self.state.changes_to(kept, splits - filed, self.folder)
            if events:
                self._write(events, sync=False)

    def keyed(self, values: dict[str, Any]) -> None:
        """The metadata the clerk has typed so far for the strip's first document."""
        with self._mutex:
            if dict(self.state.keyed) != values:
                self._write([{"t": "keyed", "values": values}], sync=False)

    def correcting(self, doc: str | None) -> None:
        """The pages are a returned document's (its UUID) open for correction, or no more."""
        self._append([{"t": "correcting", "doc": doc}])

    def filing(self, item: Filing) -> None:
        """A document is about to be filed from these pages (before the catalog is called)."""
        self._append([_filing("filing", item)])

    def filed(self, item: Filing) -> None:
        """The catalog has the document: its pages leave the batch."""
        self._append([_filing("filed", item)])

    def not_filed(self, doc: str) -> None:
        """A filing that failed or never reached the catalog: its pages stay in the batch."""
        self._append([{"t": "not-filed", "doc": doc}])

    def discard(self) -> None:
        self._append([{"t": "discarded"}])

    def close(self) -> None:
        """Let the batch go: what is written is synced, the lock released."""
        syncer, self._syncer = self._syncer, None
        if syncer is not None:
            self._closing = True
            self._dirty.set()
            syncer.join()
            with contextlib.suppress(OSError), (self.folder / JOURNAL).open("ab") as out:
                os.fsync(out.fileno())  # what came after the syncer's last round
        if self._lock is not None:
            with contextlib.suppress(OSError):
                self._lock.close()
            self._lock = None
