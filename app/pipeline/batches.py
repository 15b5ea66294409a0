"""The batches folder: interrupted batches to offer back, and the folders that may go."""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PIL import Image

from app.atomic import fsync_path
from app.page import RawPage
from app.pipeline.journal import (
    JOURNAL,
    LOCK,
    BatchBusy,
    BatchState,
    Filing,
    Journal,
    PageRecord,
    replay,
)

TRASH = ".removing-"  # a folder renamed for removal: gone in one step, even if the removal is cut
DEFAULT_RETENTION_DAYS = 7
log = logging.getLogger(__name__)


class Copy(StrEnum):
    """What the catalog holds of a document filed from a batch."""

    ABSENT = "absent"  # the catalog never got it
    VERIFIED = "verified"  # the document and its stored file, hash checked
    DAMAGED = "damaged"  # the document is there but its stored file is missing or changed


CopyCheck = Callable[[Filing], Copy]


@dataclass(frozen=True)
class Interrupted:
    """A batch with unsaved pages that no running desk holds."""

    folder: Path
    state: BatchState
    pages: tuple[PageRecord, ...]  # the pages whose raw file is still there, in order
    missing: tuple[str, ...]  # raw files gone: those pages cannot come back
    changed_at: float  # the journal's last write (seconds since the epoch)
    arrivals: tuple[RawPage, ...] = ()  # saved by the scanner, killed before it was journalled

    @property
    def count(self) -> int:
        """The pages that can come back."""
        return len(self.pages) + len(self.arrivals)


def arrivals(folder: Path, state: BatchState) -> tuple[RawPage, ...]:
    """Pages the scanner saved in the folder that no journal entry names: a kill came between
    the save and the journal (they come back as scanned, cleaned up anew)."""
    found = []
    for path in sorted(folder.glob("page-*.png")):
        if path.name in state.files:
            continue
        try:
            with Image.open(path) as image:
                dpi = round(float(image.info.get("dpi", (0.0, 0.0))[0]), 2)  # pHYs is per metre
                mode = "gray" if image.mode in ("1", "L", "I;16") else "color"
                depth = 1 if image.mode == "1" else 8
            index = int(path.stem.split("-")[1])
        except (OSError, ValueError, IndexError, SyntaxError):
            log.warning("batch %s: %s cannot be read", folder.name, path.name)
            continue
        if dpi > 0:
            found.append(RawPage(path, dpi, index, "file", mode, depth))
    return tuple(found)


def changed_at(folder: Path) -> float:
    """When the batch last changed: its newest file (the lock aside), else the folder."""
    times = []
    for path in folder.iterdir():
        if path.name != LOCK:
            with contextlib.suppress(OSError):
                times.append(path.stat().st_mtime)
    return max(times) if times else folder.stat().st_mtime


def remove(folder: Path) -> None:
    """Remove a batch folder: renamed aside first, so a cut removal leaves no half batch."""
    if not folder.exists():
        return
    trash = folder if folder.name.startswith(TRASH) else folder.with_name(TRASH + folder.name)
    if trash != folder:
        folder.replace(trash)
        fsync_path(folder.parent)
    shutil.rmtree(trash, ignore_errors=True)


def settle_filings(journal: Journal, check: CopyCheck,
                   forget: Callable[[str], object] | None = None) -> None:
    """Decide each filing a kill interrupted: in the catalog → filed; else its pages stay
    (and the stored bytes of an add killed before its commit are dropped through `forget`)."""
    for item in journal.state.filing:
        if check(item) is Copy.ABSENT:
            if forget is not None and item.sha256:
                forget(item.sha256)
            journal.not_filed(item.doc)
        else:
            journal.filed(item)


def all_verified(state: BatchState, check: CopyCheck) -> bool:
    return all(check(item) is Copy.VERIFIED for item in state.filed)


def release(journal: Journal, check: CopyCheck) -> bool:
    """Remove the batch held by `journal` when nothing unsaved is left and every document
    filed from it is verified in the catalog; True when it went."""
    state = journal.state
    if not state.discarded and (state.filing or state.pages or arrivals(journal.folder, state)):
        return False
    if not state.discarded and not all_verified(state, check):
        log.warning("batch %s kept: a filed document is not verified in the catalog",
                    journal.folder.name)
        return False
    journal.close()
    remove(journal.folder)
    return True


def _intact(state: BatchState) -> tuple[tuple[PageRecord, ...], tuple[str, ...]]:
    pages: list[PageRecord] = []
    missing: list[PageRecord] = []
    for page in state.pages:
        (pages if page.raw.path.is_file() else missing).append(page)
    return tuple(pages), tuple(p.id for p in missing)


def sweep(root: Path, check: CopyCheck, *, retention_days: float,
          now: float | None = None,
          forget: Callable[[str], object] | None = None,
          still_returned: Callable[[str], bool] = lambda doc: True) -> list[Interrupted]:
    """Tidy the batches under `root`; return the interrupted ones (newest first).

    Batches held by a running desk are left alone. A batch whose documents are all filed and
    verified, or that was discarded, goes; so does one untouched for `retention_days`
    (and a folder without a journal, from an older version, after the same time), and the
    pages of a returned document's correction once `still_returned(uuid)` says it was filed
    again (its rescan reached the catalog).

    A batch folder goes once every document filed from it is verified in the catalog (its own copy
    in the content store, hash checked) and no unsaved page is left, at once when the clerk discards
    it, and after the retention period when nobody came back for it.
    """
    if not root.is_dir():
        return []
    now = time.time() if now is None else now
    cutoff = now - retention_days * 86400.0
    found: list[Interrupted] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if folder.name.startswith(TRASH):
            remove(folder)
            continue
        try:
            journal = Journal.resume(folder)
        except BatchBusy:
            continue
        except OSError as err:
            log.warning("batch %s unreadable: %s", folder.name, err)
            continue
        try:
            if journal.state.correcting and not still_returned(journal.state.correcting):
                journal.discard()
            item = _sweep_one(journal, check, cutoff, forget)
        finally:
            journal.close()
        if item is not None:
            found.append(item)
    return sorted(found, key=lambda i: i.changed_at, reverse=True)


def _sweep_one(journal: Journal, check: CopyCheck, cutoff: float,
               forget: Callable[[str], object] | None) -> Interrupted | None:
    folder = journal.folder
    stamp = changed_at(folder)
    if not (folder / JOURNAL).exists():
        if stamp < cutoff or not any(folder.glob("page-*.png")):  # nothing to offer
            journal.close()
            remove(folder)
        return None
    settle_filings(journal, check, forget)
    if release(journal, check):
        return None
    state = replay(folder)
    late = arrivals(folder, state)
    if not (state.pages or late):
        return None  # filed, but a copy is not verified: kept for the administrator
    if stamp < cutoff:
        log.info("batch %s removed after the retention period (%d pages unsaved)",
                 folder.name, len(state.pages) + len(late))
        journal.close()
        remove(folder)
        return None
    pages, missing = _intact(state)
    return Interrupted(folder, state, pages, missing, stamp, late)
