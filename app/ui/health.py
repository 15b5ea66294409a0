"""The station's health panel: the doctor's checks, each with its status, detail and fix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.doctor import Context, Result, Status, failed, run_checks
from app.ui.desk import Desk
from app.ui.workers import Task

_ICONS = {
    Status.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    Status.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Status.WARN: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Status.FAIL: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class HealthPanel(QWidget):
    """Runs every doctor check in a worker and lists the results as they come."""

    checked = Signal(object)  # the list of results, once every check has run

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.results: list[Result] = []
        self._task: Task | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.again = QPushButton(self.tr("Check again"))
        self.again.clicked.connect(self.run)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.summary.setText(self.tr("The station has not been checked yet."))

    def context(self) -> Context:
        """The desk's open catalog, its folders and the token and certificate chosen to sign."""
        folder = self.desk.session.folder
        module, token, key = self.desk.prefs.token()
        return Context(
            catalog_folder=folder,
            catalog=self.desk.session.catalog,
            pkcs11_module=Path(module) if module else None,
            token_label=token,
            key_label=key,
            data_folder=folder.parent,
        )

    def run(self) -> Task:
        """Check the station again (the running check when one is under way)."""
        if self._task is not None:
            return self._task
        self.list.clear()
        self.results = []
        self.again.setEnabled(False)
        self.summary.setText(self.tr("Checking the station…"))
        context = self.context()
        task = self.desk.pools.run(
            lambda r: run_checks(context, on_result=r.item, cancelled=lambda: r.cancelled),
            pool="scan",  # it lists the scanners: never while the scan pool drives one
            name="health",
        )
        task.signals.item.connect(self._add)
        task.signals.done.connect(self._done)
        task.signals.failed.connect(self._failed)
        task.signals.ended.connect(self._ended)
        self._task = task
        return task

    def retranslate(self) -> None:
        """Fixed texts and the listed results in the current language."""
        self.again.setText(self.tr("Check again"))
        if self._task is None and self.results:
            self.list.clear()
            for result in self.results:
                self._add(result)
            self._summarise()

    @property
    def has_failures(self) -> bool:
        """Whether a check found something that stops the station from working."""
        return failed(self.results)

    def _label(self, status: Status) -> str:
        return {
            Status.OK: self.tr("OK"),
            Status.INFO: self.tr("Note"),
            Status.WARN: self.tr("Warning"),
            Status.FAIL: self.tr("Problem"),
        }[status]

    def _add(self, result: Result) -> None:
        lang = self.desk.prefs.language
        lines = [
            f"{self._label(result.status)} — {result.title.in_(lang)}",
            result.detail.in_(lang),
        ]
        if result.fix:
            lines.append(self.tr("What to do: %1").replace("%1", result.fix.in_(lang)))
        icon: QIcon = self.style().standardIcon(_ICONS[result.status])
        item = QListWidgetItem(icon, "\n".join(lines))
        item.setData(Qt.ItemDataRole.UserRole, result)
        self.list.addItem(item)

    def _done(self, results: Sequence[Result]) -> None:
        self.results = list(results)
        self._summarise()
        self.checked.emit(self.results)

    def _summarise(self) -> None:
        """The one-line count of the results, in the current language."""
        counts = {status: sum(r.status is status for r in self.results) for status in Status}
        text = (
            self.tr("%1 OK, %2 to note, %3 warnings, %4 problems.")
            .replace("%1", str(counts[Status.OK]))
            .replace("%2", str(counts[Status.INFO]))
            .replace("%3", str(counts[Status.WARN]))
            .replace("%4", str(counts[Status.FAIL]))
        )
        if self.has_failures:
            text += " " + self.tr("The station cannot work until the problems are fixed.")
        self.summary.setText(text)

    def _failed(self, message: str) -> None:
        self.summary.setText(self.tr("The check could not run: %1").replace("%1", message))

    def _ended(self) -> None:
        self._task = None
        self.again.setEnabled(True)
