"""The signer's batch: approved documents signed with one PIN entry, per-document results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
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
from app.signing.errors import vietnamese
from app.signing.sign import SignOptions
from app.signing.token import PinRequest, TokenSession
from app.ui.desk import Desk
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


class SignView(QWidget):
    """Approved documents, the token to use, Sign (one PIN), progress and results."""

    finished = Signal()  # a signing batch ended

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.documents: list[Document] = []
        self.outcomes: dict[int, SignOutcome] = {}
        self.ask_pin: PinSource = self._pin_dialog
        self.bridge = PinBridge(lambda: self.ask_pin)
        module, label, key = desk.prefs.token()
        self.module, self.label, self.key = QLineEdit(module), QLineEdit(label), QLineEdit(key)
        form = QFormLayout()
        self.form_labels = [QLabel(), QLabel(), QLabel()]
        for caption, field in zip(self.form_labels, (self.module, self.label, self.key),
                                  strict=True):
            form.addRow(caption, field)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.sign_button = QPushButton()
        self.sign_button.clicked.connect(self.sign_all)
        self.message = QLabel()
        self.message.setWordWrap(True)
        for widget in (self.refresh_button, self.sign_button):
            buttons.addWidget(widget)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.module.setPlaceholderText(self.tr("empty: look for the known Vietnamese CA modules"))
        for label, text in zip(self.form_labels, (self.tr("PKCS#11 module"),
                                                  self.tr("Token label"), self.tr("Key label")),
                               strict=True):
            label.setText(text)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Subject"), self.tr("Result"), self.tr("Explanation")])
        self.refresh_button.setText(self.tr("Refresh"))
        self.sign_button.setText(self.tr("Sign all approved…"))
        for row, outcome in self.outcomes.items():
            self._result((row, outcome))

    def _pin_dialog(self, request: PinRequest) -> str | None:
        text = self.tr("PIN of the token %1").replace("%1", request.token_label)
        if request.warning_vi:
            text += "\n" + request.warning_vi
        pin, ok = QInputDialog.getText(self, self.tr("Token PIN"), text,
                                       QLineEdit.EchoMode.Password)
        return pin if ok else None

    def refresh(self) -> None:
        task = self.desk.pools.run(lambda r: self.desk.session.approved(), name="approved")
        task.signals.done.connect(self._loaded)

    def _loaded(self, docs: list[Document]) -> None:
        self.documents = docs
        self.outcomes = {}
        self.table.setRowCount(len(docs))
        for row, doc in enumerate(docs):
            self._row(row, doc.doc_code, str(doc.metadata.get("subject", "")), "", "")
        self.table.resizeColumnsToContents()
        self.sign_button.setEnabled(bool(docs))

    def _row(self, row: int, *cells: str) -> None:
        for col, text in enumerate(cells):
            if text or col < 2:
                self.table.setItem(row, col, QTableWidgetItem(text))

    def sign_all(self) -> None:
        """Sign every listed document in one token session, in the writer thread."""
        if not self.documents:
            return
        module, label, key = self.module.text().strip(), self.label.text().strip(), \
            self.key.text().strip()
        self.desk.prefs.set_token(module, label, key)
        docs = list(self.documents)
        sources = [self.desk.session.file_of(d) for d in docs]
        org = self.desk.session.organisation().name

        def work(report: Reporter) -> str:
            return self._sign(report, docs, sources, module, label, key, org)

        task = self.desk.pools.run(work, write=True, name="sign")
        task.signals.item.connect(self._result)
        task.signals.done.connect(self.message.setText)
        task.signals.failed.connect(self.message.setText)
        task.signals.ended.connect(lambda: self.sign_button.setEnabled(True))
        task.signals.ended.connect(self.finished)
        self.sign_button.setEnabled(False)
        self.desk.status.track(task, self.tr("Signing…"))

    def _sign(self, report: Reporter, docs: list[Document], sources: list[Path], module: str,
              label: str, key: str, org: str) -> str:
        session = self.desk.session
        with session.workdir() as tmp, TokenSession(
            Path(module) if module else None, label, self.bridge, key_label=key or None
        ) as token:

            class Progress:
                def document_done(self, index: int, total: int, result: DocumentResult) -> None:
                    doc = docs[index]
                    status, message = result.status, result.message_vi
                    if status == "signed":
                        try:
                            session.record_signed(doc.doc_code, result.output)
                        except Exception as err:  # the file is signed, filing it failed
                            status, message = "failed", vietnamese(err)
                    report.item((index, SignOutcome(doc.doc_code, status, message)))
                    report.progress(index + 1, total, "")

            batch = sign_batch(sources, token, SignOptions(Appearance(org)), out_dir=Path(tmp),
                               progress=Progress(), cancel=report)
        done = batch.count("signed")
        text = self.tr("%1 of %2 signed.").replace("%1", str(done)).replace("%2", str(len(docs)))
        return text + (" " + batch.stopped_vi if batch.stopped_vi else "")

    def _result(self, item: tuple[int, SignOutcome]) -> None:
        row, outcome = item
        self.outcomes[row] = outcome
        names = {"signed": self.tr("signed"), "failed": self.tr("failed"),
                 "untouched": self.tr("not signed")}
        self._row(row, outcome.doc_code, "", names.get(outcome.status, outcome.status),
                  outcome.message)
        self.table.resizeColumnToContents(2)
