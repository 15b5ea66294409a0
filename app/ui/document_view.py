"""One document: its pages, metadata, signature status and history."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalog.models import AuditEntry, Document
from app.ui.desk import Desk
from app.ui.i18n import show_date
from app.ui.metadata_rows import labelled_rows
from app.ui.names import action_name, state_name
from app.ui.viewer import PageViewer
from app.ui.workers import Reporter


@dataclass(frozen=True)
class Loaded:
    """What the dialog shows, read in a worker."""

    document: Document
    history: list[AuditEntry]
    path: Path


class DocumentDialog(QDialog):
    """Tabs: pages, metadata, signature, history."""

    def __init__(self, desk: Desk, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(key)
        self.tabs = QTabWidget()
        self.pages = PageViewer(desk.pools)
        self.meta = QTableWidget(0, 2)
        self.signature = QLabel()
        self.signature.setWordWrap(True)
        self.history = QTableWidget(0, 4)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.pages, self.tr("Pages"))
        self.tabs.addTab(self.meta, self.tr("Metadata"))
        self.tabs.addTab(self.signature, self.tr("Signature"))
        self.tabs.addTab(self.history, self.tr("History"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(900, 860)
        task = desk.pools.run(lambda r: self._load(r, key), name="document")
        task.signals.done.connect(self._show)
        self.loaded: Loaded | None = None

    def _load(self, report: Reporter, key: str) -> Loaded:
        session = self.desk.session
        doc = session.document(key)
        return Loaded(doc, session.history(key), session.file_of(doc))

    def _show(self, loaded: Loaded) -> None:
        self.loaded = loaded
        doc = loaded.document
        self.pages.show_pdf(loaded.path)
        rows = labelled_rows(self.desk.session.profile(), "document", doc.metadata)
        self.meta.setRowCount(len(rows))
        self.meta.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        for row, (label, value) in enumerate(rows):
            self.meta.setItem(row, 0, QTableWidgetItem(label))
            self.meta.setItem(row, 1, QTableWidgetItem(value))
        self.meta.resizeColumnsToContents()
        signed = [f for f in doc.files if f.kind == "signed"]
        if signed:
            self.signature.setText(self.tr("Signed on %1 (version %2 of the file).")
                                   .replace("%1", show_date(signed[-1].created_at))
                                   .replace("%2", str(signed[-1].version)))
        else:
            self.signature.setText(self.tr("Not signed yet (state: %1).")
                                   .replace("%1", state_name(doc.state)))
        self.history.setRowCount(len(loaded.history))
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")])
        for row, entry in enumerate(loaded.history):
            cells = (show_date(entry.at), entry.user, action_name(entry.action),
                     self._details(entry))
            for col, text in enumerate(cells):
                self.history.setItem(row, col, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    def _details(self, entry: AuditEntry) -> str:
        """One history line's details in words: the move and its reason, the new version…"""
        data = entry.data
        if "to" in data:
            text = f"{state_name(str(data.get('from', '')))} → {state_name(str(data['to']))}"
            if data.get("reason"):
                text += " · " + self.tr("reason: %1").replace("%1", str(data["reason"]))
            return text
        if entry.action == "rescan":
            before, after = data.get("page_count", ["?", "?"])
            return (self.tr("file version %1, %2 pages (before: %3)")
                    .replace("%1", str(data.get("version", ""))).replace("%2", str(after))
                    .replace("%3", str(before)))
        if entry.action == "edit":
            profile = self.desk.session.profile()
            labels = [(spec.label if spec else tag) for tag in data.get("changes", {})
                      for spec in [profile.field("document", tag)]]
            return self.tr("fields: %1").replace("%1", ", ".join(labels))
        if "pages" in data:
            return self.tr("%1 pages checked").replace("%1", str(len(data["pages"])))
        if "doc_code" in data:
            return self.tr("%1 in hồ sơ %2").replace("%1", str(data["doc_code"])) \
                .replace("%2", str(data.get("hoso", "")))
        return ", ".join(f"{key}: {value}" for key, value in data.items())
