"""The signer's batch: a token, the chosen approved documents, one PIN entry, results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog.models import Document
from app.signing.appearance import Appearance
from app.signing.batch import DocumentResult, sign_batch
from app.signing.sign import SignOptions
from app.signing.token import PinRequest, TokenSession
from app.ui.desk import Desk
from app.ui.messages import error_text
from app.ui.session import DeskSession
from app.ui.token_picker import TokenChoice, TokenPicker
from app.ui.workers import Reporter

PinSource = Callable[[PinRequest], "str | None"]


@dataclass(frozen=True)
class SignOutcome:
    """One document's result as the table shows it."""

    doc_code: str
    status: str
    message: str


class PinBridge(QObject):
    """The core's PinPrompter for a worker thread: asks on the GUI thread, waits for the answer."""

    asked = Signal(object)

    def __init__(self, source: Callable[[], PinSource]) -> None:
        super().__init__()
        self._source = source
        self._answer: str | None = None
        self.asked.connect(self._ask, Qt.ConnectionType.BlockingQueuedConnection)

    def _ask(self, request: PinRequest) -> None:
        self._answer = self._source()(request)

    def __call__(self, request: PinRequest) -> str | None:
        self.asked.emit(request)
        answer, self._answer = self._answer, None
        return answer


class Filed:
    """The batch's progress: each signed copy is filed as its document's next version, and
    the row's outcome reported to the screen."""

    def __init__(self, session: DeskSession, docs: list[Document], rows: list[int],
                 report: Reporter) -> None:
        self.session, self.docs, self.rows, self.report = session, docs, rows, report

    def document_done(self, index: int, total: int, result: DocumentResult) -> None:
        doc = self.docs[index]
        status = result.status
        message = error_text(result.error) if result.error else result.message_vi
        if status == "signed":
            try:
                self.session.record_signed(doc.doc_code, result.output)
            except Exception as err:  # the file is signed, filing it failed
                status, message = "failed", error_text(err)
        self.report.item((self.rows[index], SignOutcome(doc.doc_code, status, message)))
        self.report.progress(index + 1, total, "")


class SignView(QWidget):
    """The token picked from what is plugged in, the approved documents with check boxes,
    Sign the chosen ones (one PIN), progress and per-document results."""

    finished = Signal()  # a signing batch ended

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.documents: list[Document] = []
        self.outcomes: dict[int, SignOutcome] = {}
        self.ask_pin: PinSource = self._pin_dialog
        self.bridge = PinBridge(lambda: self.ask_pin)
        self.picker = TokenPicker(desk)
        self.picker.changed.connect(self._update_buttons)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        self.refresh_button, self.all_button, self.none_button, self.sign_button = (
            QPushButton(), QPushButton(), QPushButton(), QPushButton())
        self.refresh_button.clicked.connect(self.refresh)
        self.all_button.clicked.connect(lambda: self.check_all(True))
        self.none_button.clicked.connect(lambda: self.check_all(False))
        self.sign_button.clicked.connect(self.sign_chosen)
        self.chosen_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        for widget in (self.refresh_button, self.all_button, self.none_button, self.chosen_label):
            buttons.addWidget(widget)
        buttons.addStretch()
        buttons.addWidget(self.sign_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.signing = False
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.picker.retranslate()
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Subject"), self.tr("Result"), self.tr("Explanation")])
        self.refresh_button.setText(self.tr("Refresh"))
        self.all_button.setText(self.tr("Select all"))
        self.none_button.setText(self.tr("Select none"))
        self.sign_button.setText(self.tr("Sign the chosen documents…"))
        for row, outcome in self.outcomes.items():
            self._result((row, outcome))
        self._update_buttons()

    def _pin_dialog(self, request: PinRequest) -> str | None:
        text = self.tr("PIN of the token %1").replace("%1", request.token_label)
        if request.warning_vi:
            text += "\n" + request.warning_vi
        pin, ok = QInputDialog.getText(self, self.tr("Token PIN"), text,
                                       QLineEdit.EchoMode.Password)
        return pin if ok else None

    def refresh(self) -> None:
        """Read the approved documents and what is plugged in again."""
        task = self.desk.pools.run(lambda r: self.desk.session.approved(), name="approved")
        task.signals.done.connect(self._loaded)
        self.picker.refresh()

    def _loaded(self, docs: list[Document]) -> None:
        self.documents = docs
        self.outcomes = {}
        self.table.blockSignals(True)
        self.table.setRowCount(len(docs))
        for row, doc in enumerate(docs):
            self._row(row, doc.doc_code, str(doc.metadata.get("subject", "")))
            code = self.table.item(row, 0)
            if code is not None:
                code.setFlags(code.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                code.setCheckState(Qt.CheckState.Checked)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def _row(self, row: int, *cells: str) -> None:
        for col, text in enumerate(cells):
            self.table.setItem(row, col, QTableWidgetItem(text))

    def chosen_rows(self) -> list[int]:
        """The rows whose box is ticked, top to bottom."""
        rows = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                rows.append(row)
        return rows

    def check_all(self, on: bool) -> None:
        """Tick (or clear) every document's box."""
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None:
                item.setCheckState(state)
        self.table.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = len(self.chosen_rows())
        self.chosen_label.setText(self.tr("%1 of %2 chosen").replace("%1", str(chosen))
                                  .replace("%2", str(len(self.documents))))
        usable = self.picker.choice() is not None and not self.picker.problem()
        self.sign_button.setEnabled(bool(chosen) and usable and not self.signing)

    def sign_chosen(self) -> None:
        """Sign the ticked documents in one token session, in the writer thread."""
        rows = self.chosen_rows()
        choice = self.picker.choice()
        if not rows or self.signing:
            return
        if choice is None:
            self.message.setText(self.tr("Choose the token and its certificate first."))
            return
        if self.picker.problem():
            self.message.setText(self.picker.problem())
            return
        self.desk.prefs.set_token(choice.module, choice.token, choice.key_label)
        docs = [self.documents[row] for row in rows]
        sources = [self.desk.session.file_of(d) for d in docs]
        org = self.desk.session.organisation().name
        for row in rows:
            self.outcomes.pop(row, None)
            for col in (2, 3):
                self.table.setItem(row, col, QTableWidgetItem(""))

        def work(report: Reporter) -> str:
            return self._sign(report, rows, docs, sources, choice, org)

        task = self.desk.pools.run(work, write=True, name="sign")
        task.signals.item.connect(self._result)
        task.signals.done.connect(self.message.setText)
        task.signals.failed.connect(self.message.setText)
        task.signals.ended.connect(self._signed)
        task.signals.ended.connect(self.finished)
        self.signing = True
        self._update_buttons()
        self.message.setText(self.picker.caution())
        self.desk.status.track(task, self.tr("Signing…"))

    def _signed(self) -> None:
        self.signing = False
        self._update_buttons()

    def _sign(self, report: Reporter, rows: list[int], docs: list[Document],
              sources: list[Path], choice: TokenChoice, org: str) -> str:
        session = self.desk.session
        key_label = None if choice.cert_serial else choice.key_label or None
        with session.workdir() as tmp, TokenSession(
            Path(choice.module) if choice.module else None, choice.token, self.bridge,
            key_label=key_label, cert_serial=choice.cert_serial or None,
        ) as token:
            batch = sign_batch(sources, token, SignOptions(Appearance(org)), out_dir=Path(tmp),
                               progress=Filed(session, docs, rows, report), cancel=report)
        done = batch.count("signed")
        text = self.tr("Signed %1/%2.").replace("%1", str(done)).replace("%2", str(len(docs)))
        return text + (" " + batch.stopped_vi if batch.stopped_vi else "")

    def _result(self, item: tuple[int, SignOutcome]) -> None:
        row, outcome = item
        self.outcomes[row] = outcome
        names = {"signed": self.tr("signed"), "failed": self.tr("failed"),
                 "untouched": self.tr("not signed")}
        self.table.setItem(row, 2, QTableWidgetItem(names.get(outcome.status, outcome.status)))
        self.table.setItem(row, 3, QTableWidgetItem(outcome.message))
        self.table.resizeColumnToContents(2)
