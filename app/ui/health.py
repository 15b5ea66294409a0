"""The station's health panel: the doctor's checks and what the desk can do about them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.doctor import CHECKS, Context, Result, Status, failed, run_check, run_checks
from app.ui.desk import Desk
from app.ui.workers import Task

_ICONS = {
    Status.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    Status.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Status.WARN: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Status.FAIL: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


# What the desk itself can do about a check that is not OK (besides checking it again).
DESK_ACTIONS: dict[str, tuple[str, ...]] = {
    "backup": ("backup",),  # "Sao lưu ngay": the backup dialog
    "pkcs11": ("signing",),  # the Sign screen's token and certificate lists
    "tesseract": ("settings",),  # Settings: text recognition can be switched off
}


class ResultRow(QFrame):
    """One check's result: icon, title, detail, the fix, and the buttons the desk offers."""

    def __init__(self, panel: HealthPanel, result: Result) -> None:
        super().__init__()
        self.result = result
        self.setFrameShape(QFrame.Shape.StyledPanel)
        icon = QLabel()
        icon.setPixmap(panel.style().standardIcon(_ICONS[result.status]).pixmap(24, 24))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addStretch()
        if result.status is not Status.OK:
            for action in ("retry", *panel.actions_for(result)):
                button = QPushButton()
                button.clicked.connect(lambda _=False, a=action: panel.act(a, result.id))
                self.buttons[action] = button
                row.addWidget(button)
        text = QVBoxLayout()
        text.addWidget(self.label)
        text.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)


class HealthPanel(QWidget):
    """Runs every doctor check in a worker and lists the results as they come, each with the
    buttons for what the desk can do about it ("Thử lại", "Sao lưu ngay", …); fixes that need
    a terminal are shown as text for a technician.

    Each result shows its status, detail and fix.
    """

    checked = Signal(object)  # the list of results, once every check has run
    action = Signal(str)  # "backup", "signing" or "settings": the main window opens it

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.results: list[Result] = []
        self.rows: list[ResultRow] = []
        self.available: set[str] = {"backup", "signing", "settings"}
        self._task: Task | None = None
        self._retrying: Task | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.again = QPushButton(self.tr("Check again"))
        self.again.clicked.connect(self.run)
        self.list = QVBoxLayout()
        self.list.addStretch()
        holder = QWidget()
        holder.setLayout(self.list)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll)
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
        self._clear()
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

    def retry(self, check_id: str) -> Task | None:
        """Run one check again and put its new result in its place."""
        check = next((c for c in CHECKS if c.id == check_id), None)
        if check is None or self._task is not None or self._retrying is not None:
            return None
        context = self.context()
        self._set_buttons(False)
        task = self.desk.pools.run(lambda r: run_check(check, context, lambda: r.cancelled),
                                   pool="scan", name="health-retry")
        task.signals.done.connect(self._replace)
        task.signals.failed.connect(self._failed)
        task.signals.ended.connect(self._retried)
        self._retrying = task
        return task

    def act(self, action: str, check_id: str) -> None:
        """A result's button: check it again, or ask the window to open what fixes it."""
        if action == "retry":
            self.retry(check_id)
        else:
            self.action.emit(action)

    def actions_for(self, result: Result) -> tuple[str, ...]:
        """What the desk offers for a result beyond checking again."""
        return tuple(a for a in DESK_ACTIONS.get(result.id, ()) if a in self.available)

    def retranslate(self) -> None:
        """Fixed texts and the listed results in the current language."""
        self.again.setText(self.tr("Check again"))
        for row in self.rows:
            self._describe(row)
        if self._task is None and self.results:
            self._summarise()

    @property
    def has_failures(self) -> bool:
        """Whether a check found something that stops the station from working."""
        return failed(self.results)

    def text(self, index: int) -> str:
        """The text of the `index`-th result as shown."""
        return self.rows[index].label.text()

    def _label(self, status: Status) -> str:
        return {
            Status.OK: self.tr("OK"),
            Status.INFO: self.tr("Note"),
            Status.WARN: self.tr("Warning"),
            Status.FAIL: self.tr("Problem"),
        }[status]

    def _describe(self, row: ResultRow) -> None:
        result, lang = row.result, self.desk.prefs.language
        lines = [
            f"{self._label(result.status)} — {result.title.in_(lang)}",
            result.detail.in_(lang),
        ]
        if result.fix:
            fix = result.fix.in_(lang)
            if result.for_technician and not self.actions_for(result):
                lines.append(self.tr("For a technician: %1").replace("%1", fix))
            else:
                lines.append(self.tr("What to do: %1").replace("%1", fix))
        row.label.setText("\n".join(lines))
        names = {"retry": self.tr("Try again"), "backup": self.tr("Back up now"),
                 "signing": self.tr("Open the Sign screen"),
                 "settings": self.tr("Open the settings")}
        for action, button in row.buttons.items():
            button.setText(names[action])

    def _add(self, result: Result) -> None:
        row = ResultRow(self, result)
        self._describe(row)
        for button in row.buttons.values():  # usable once the whole check has run
            button.setEnabled(self._task is None)
        self.rows.append(row)
        self.list.insertWidget(self.list.count() - 1, row)

    def _replace(self, result: Result) -> None:
        index = next((i for i, r in enumerate(self.results) if r.id == result.id), None)
        if index is None:
            return
        self.results[index] = result
        old = self.rows[index]
        row = ResultRow(self, result)
        self._describe(row)
        self.rows[index] = row
        self.list.replaceWidget(old, row)
        old.deleteLater()
        self._summarise()
        self.checked.emit(self.results)

    def _clear(self) -> None:
        for row in self.rows:
            self.list.removeWidget(row)
            row.deleteLater()
        self.rows = []

    def _set_buttons(self, enabled: bool) -> None:
        for row in self.rows:
            for button in row.buttons.values():
                button.setEnabled(enabled)

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
        self._set_buttons(True)

    def _retried(self) -> None:
        self._retrying = None
        self._set_buttons(True)
