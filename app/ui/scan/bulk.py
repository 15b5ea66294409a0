"""Actions on the whole strip: blank pages removed, split at separator sheets."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.pipeline.interactive import THUMB_PX, ScanPage
from app.pipeline.separation import SplitPlan, plan
from app.ui.desk import Desk
from app.ui.images import to_qimage
from app.ui.scan.flow import PageFlow
from app.ui.scan.strip import PageStrip
from app.ui.scan.tools import PageTools


class PagesDialog(QDialog):
    """Pages as thumbnails with a caption each (ticked or not when `ticks` is given)."""

    def __init__(self, title: str, text: str, pages: Sequence[tuple[ScanPage, str]],
                 ticks: Sequence[bool] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.pages = QListWidget()
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setIconSize(QSize(THUMB_PX * 2 // 3, THUMB_PX * 2 // 3))
        self.pages.setResizeMode(QListView.ResizeMode.Adjust)
        self.pages.setMovement(QListView.Movement.Static)
        for row, (page, caption) in enumerate(pages):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(to_qimage(page.thumb))), caption)
            if ticks is not None:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if ticks[row]
                                   else Qt.CheckState.Unchecked)
            self.pages.addItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 460)

    def ticked(self) -> list[int]:
        """The rows ticked."""
        return [row for row in range(self.pages.count())
                if self.pages.item(row).checkState() == Qt.CheckState.Checked]


class BulkTools(QWidget):
    """"Remove blank pages…" and "Split into documents…" for the strip.

    Splitting goes by separator sheets, Patch-T sheets and first pages. Each action lists the pages
    first in a dialog and is one undo step.
    """

    def __init__(self, desk: Desk, strip: PageStrip, tools: PageTools, flow: PageFlow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.strip, self.tools, self.flow = desk, strip, tools, flow
        self.dialog: PagesDialog | None = None  # the confirmation open now
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.blank_button = QPushButton()
        self.blank_button.clicked.connect(self.remove_blank)
        self.split_button = QPushButton()
        self.split_button.clicked.connect(self.find_splits)
        row.addWidget(self.blank_button)
        row.addWidget(self.split_button)
        row.addStretch()
        strip.changed.connect(self.sync)

    def retranslate(self) -> None:
        self.blank_button.setText(self.tr("Remove all blank pages…"))
        self.split_button.setText(self.tr("Split at separator sheets…"))
        self.split_button.setToolTip(self.tr("Find separator sheets, Patch-T sheets and pages "
                                             "that look like a document's first page"))

    def sync(self) -> None:
        pages = bool(self.strip.pages())
        self.blank_button.setEnabled(pages)
        self.split_button.setEnabled(pages and not self.tools.correcting)

    def _ask(self, dialog: PagesDialog, accepted: object) -> None:
        self.dialog = dialog
        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda result: setattr(self, "dialog", None))
        dialog.open()

    def remove_blank(self) -> None:
        """List the pages flagged blank, then remove them all on OK (Ctrl+Z brings them back)."""
        pages = self.strip.pages()
        blank = [p for p in pages if "blank" in p.flags]
        if not blank:
            self.tools.message.emit(self.tr("No page in the strip is flagged blank."))
            return
        text = self.tr("Remove these %1 blank pages?").replace("%1", str(len(blank)))
        if len(blank) == len(pages):
            text += " " + self.tr("Every page in the strip is blank: the strip will be empty.")
        captions = [(p, self.tr("p. %1").replace("%1", str(pages.index(p) + 1))) for p in blank]
        dialog = PagesDialog(self.tr("Remove blank pages"), text, captions, parent=self)
        self._ask(dialog, lambda: self._remove(blank))

    def _remove(self, blank: list[ScanPage]) -> None:
        gone = {p.id for p in blank} & {p.id for p in self.strip.pages()}
        self.strip.batch.delete(gone)
        self.strip.redraw()
        self.tools.message.emit(self.tr("%1 blank pages removed (Ctrl+Z brings them back).")
                                .replace("%1", str(len(gone))))

    def find_splits(self) -> None:
        """Look for separator and Patch-T sheets and first pages in a worker (the OCR one: a page
        not read yet is read first), then let the clerk choose the cuts."""
        pages = list(self.strip.pages())
        if not pages or self.tools.correcting:
            return
        reader = self.flow.reader
        task = self.desk.pools.run(lambda r: plan(pages, reader), pool="ocr", name="splits")
        task.signals.done.connect(lambda found: self._planned(pages, found))
        task.signals.failed.connect(self.tools.message)
        self.split_button.setEnabled(False)
        task.signals.ended.connect(self.sync)
        self.desk.status.track(task, self.tr("Looking for separator sheets…"),
                               cancellable=False)

    def _planned(self, pages: list[ScanPage], found: SplitPlan) -> None:
        cuts = found.cuts()
        if not cuts:
            self.tools.message.emit(self.tr("No separator sheet, Patch-T sheet or first page "
                                            "found: split by hand with Ctrl+K."))
            return
        reasons = {"separator": self.tr("separator sheet (removed)"),
                   "patch": self.tr("Patch-T sheet (removed)"),
                   "first-page": self.tr("looks like a first page")}
        captions = [(pages[c.index], self.tr("p. %1: %2").replace("%1", str(c.index + 1))
                     .replace("%2", reasons[c.reason])) for c in cuts]
        text = self.tr("A new document starts at each ticked page; a ticked separator or "
                       "Patch-T sheet is removed. Untick what is wrong.")
        dialog = PagesDialog(self.tr("Split into documents"), text, captions,
                             [c.reason != "first-page" for c in cuts], self)
        self._ask(dialog, lambda: self._split(pages, found, [cuts[r].index for r in
                                                              dialog.ticked()]))

    def _split(self, pages: list[ScanPage], found: SplitPlan, chosen: list[int]) -> None:
        if [p.id for p in self.strip.pages()] != [p.id for p in pages]:
            self.tools.message.emit(self.tr("The pages changed meanwhile: look for the splits "
                                            "again."))
            return
        documents = found.documents(set(chosen))
        if not documents:
            self.tools.message.emit(self.tr("Every page is a separator sheet: no document "
                                            "would be left. Nothing was changed."))
            return
        self.strip.batch.cut([[pages[i].id for i in doc] for doc in documents])
        self.strip.redraw()
        count = len(self.strip.batch.state.documents())
        self.tools.message.emit(self.tr("The strip now holds %1 documents: file them one "
                                        "after the other.").replace("%1", str(count)))
