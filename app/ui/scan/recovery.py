"""The strip's batch kept on disk, and the prompt after a crash."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.catalog.models import Document
from app.pipeline.batches import Interrupted
from app.pipeline.interactive import PageSession, ScanPage
from app.pipeline.journal import BatchBusy
from app.ui.batch import Batch
from app.ui.batch_files import BatchFiles, read_back
from app.ui.desk import Desk
from app.ui.i18n import show_date
from app.ui.images import to_qimage
from app.ui.workers import Reporter

THUMB = 120  # px, the long side of a thumbnail in the prompt
DISCARD = 2  # the dialog's result when the clerk gives the pages up


class RecoveryDialog(QDialog):
    """"Khôi phục N trang chưa lưu": the pages as they were left, Restore or Discard.

    `exec()` returns Accepted (restore), DISCARD, or Rejected (decide later: the batch stays
    and is offered again at the next start, until the retention period ends).

    It shows the unsaved pages of an interrupted batch, to restore or discard.
    """

    def __init__(self, pages: list[ScanPage], splits: frozenset[str], lost: int, damaged: int,
                 changed_at: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages, self.splits = pages, splits
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.when = QLabel()
        self.when.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a33;")
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB, THUMB))
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbs.setMinimumSize(4 * (THUMB + 24), THUMB + 60)
        for page in pages:
            self.thumbs.addItem(QListWidgetItem(QIcon(QPixmap.fromImage(to_qimage(page.thumb))),
                                                ""))
        self.buttons = QDialogButtonBox()
        self.restore_button = QPushButton()
        self.discard_button = QPushButton()
        self.later_button = QPushButton()
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.accept)
        self.discard_button.clicked.connect(lambda: self.done(DISCARD))
        self.later_button.clicked.connect(self.reject)
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(bool(pages))
        layout = QVBoxLayout(self)
        for widget in (self.title, self.when, self.thumbs, self.problems, self.buttons):
            layout.addWidget(widget)
        self._lost, self._damaged, self._changed_at = lost, damaged, changed_at
        self.retranslate()

    def retranslate(self) -> None:
        count = str(len(self.pages))
        self.setWindowTitle(self.tr("Unsaved pages"))
        self.title.setText(self.tr("Restore %1 unsaved pages").replace("%1", count))
        self.when.setText(self.tr("The desk stopped on %1 before these pages were filed. "
                                  "Restore puts them back in the strip in their order, with "
                                  "their crops, rotations and document boundaries. Discard "
                                  "deletes them for good.")
                          .replace("%1", show_date(datetime.datetime.fromtimestamp(
                              self._changed_at).isoformat(timespec="minutes"))))
        problems = []
        if self._lost:
            problems.append(self.tr("%1 pages could not be recovered: their image files are "
                                    "missing or damaged. Scan them again.")
                            .replace("%1", str(self._lost)))
        if self._damaged:
            problems.append(self.tr("%1 entries of the batch's journal were damaged and "
                                    "skipped: check the pages' order and crops before filing.")
                            .replace("%1", str(self._damaged)))
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        document = 0
        for index, page in enumerate(self.pages):
            document += 1 if index == 0 or page.id in self.splits else 0
            self.thumbs.item(index).setText(self.tr("Doc %1 · p. %2").replace("%1", str(document))
                                            .replace("%2", str(index + 1)))
        self.restore_button.setText(self.tr("Restore"))
        self.discard_button.setText(self.tr("Discard"))
        self.later_button.setText(self.tr("Decide later"))


class BatchKeeper(QObject):
    """The strip's batch on disk: every change journalled, an interrupted batch offered back
    when the desk starts, the folder removed once its documents are filed.

    `restored(pages, splits, document, keyed)`: the clerk chose to restore; `document` is the
    returned document those pages were correcting (None for a plain batch), `keyed` the fields
    the clerk had typed for the first document.
    """

    restored = Signal(object, object, object, object)
    message = Signal(str)

    def __init__(self, desk: Desk, batch: Batch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.files = BatchFiles(desk.session)
        batch.on_change = self.files.record
        self.dialog: RecoveryDialog | None = None

    def offer(self, parent: QWidget) -> None:
        """Tidy the batch folders in the writer, and offer the newest interrupted batch."""
        session, days = self.desk.session, self.desk.prefs.batch_retention_days
        reader = PageSession.reading("none")  # thumbnails only: OCR reads them once restored

        def work(report: Reporter) -> Found | None:
            found = session.sweep_batches(days)
            if not found:
                return None
            pages, splits, lost = read_back(found[0], reader)
            doc = found[0].state.correcting
            return Found(found[0], pages, splits, lost, session.document(doc) if doc else None)

        task = self.desk.pools.run(work, write=True, name="recover")
        task.signals.done.connect(lambda found: self._found(found, parent))
        task.signals.failed.connect(self.message)

    def _found(self, found: Found | None, parent: QWidget) -> None:
        if found is None or self.files.journal is not None:
            return  # nothing left, or the clerk began a new batch meanwhile: offered next time
        item = found.batch
        self.dialog = RecoveryDialog(found.pages, found.splits, found.lost, item.state.damaged,
                                     item.changed_at, parent)
        self.dialog.finished.connect(lambda code: self._answered(code, found))
        self.dialog.open()

    def _answered(self, code: int, found: Found) -> None:
        self.dialog = None
        folder = found.batch.folder
        if code == QDialog.DialogCode.Accepted and self.files.journal is None:
            try:
                self.files.adopt(folder)
            except BatchBusy:
                self.message.emit(self.tr("These pages are open on another desk."))
                return
            self.restored.emit(found.pages, found.splits, found.document,
                               dict(found.batch.state.keyed))
        elif code == DISCARD:
            session = self.desk.session
            task = self.desk.pools.run(lambda r: session.discard_batch(folder), write=True,
                                       name="discard-batch")
            task.signals.failed.connect(self.message)

    def keyed(self, values: dict[str, Any]) -> None:
        """Journal the fields the clerk typed (after each field; {} once filed)."""
        if self.files.journal is not None:
            self.files.journal.keyed(values)

    def correcting(self, doc: Document | None) -> None:
        """The strip holds a returned document's pages (or no more)."""
        journal, uuid = self.files.journal, doc.uuid if doc is not None else None
        if journal is not None and journal.state.correcting != uuid:
            journal.correcting(uuid)

    def release(self, discard: bool = False) -> None:
        """After filing (or putting a returned document back): once nothing in the batch
        waits, the folder goes when the catalog's copies are verified (in the writer; a new
        scan meanwhile starts a new batch)."""
        journal = self.files.discard() if discard else self.files.done()
        if journal is None:
            return
        session = self.desk.session
        task = self.desk.pools.run(lambda r: session.release_batch(journal), write=True,
                                   name="release-batch")
        task.signals.failed.connect(self.message)

    def close(self) -> None:
        self.files.close()


@dataclass(frozen=True)
class Found:
    """An interrupted batch read back for the prompt."""

    batch: Interrupted
    pages: list[ScanPage]
    splits: frozenset[str]
    lost: int
    document: Document | None
