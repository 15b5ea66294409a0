"""The signer picks module, token and certificate from what is plugged in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.signing.certs import CertificateInfo
from app.signing.plugged import ModuleTokens, plugged_in, signing_certificates
from app.signing.token import TokenInfo
from app.ui.desk import Desk
from app.ui.workers import Task

WARN_STYLE = "color: #9a5b00"
REFUSE_STYLE = "color: #b00020"


@dataclass(frozen=True)
class TokenChoice:
    """What the signing session opens: the module ("" = probe), token label, and the key by
    its certificate's label or serial."""

    module: str
    token: str
    key_label: str = ""
    cert_serial: str = ""


class TokenPicker(QGroupBox):
    """Lists (in the writer, the one owner of PKCS#11 work at the desk) the known modules,
    their tokens and signing certificates, read without a PIN; typing is the advanced way.

    The chosen certificate is shown (holder, issuer, serial, validity, days left) with a warning
    before it ends.
    """

    changed = Signal()  # the choice or what is known about it changed

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.found: list[ModuleTokens] = []
        self._task: Task | None = None
        module, label, key = desk.prefs.token()
        self.wanted = (module, label, key)  # what to select once the list is read
        self.modules, self.tokens, self.certificates = QComboBox(), QComboBox(), QComboBox()
        self.modules.currentIndexChanged.connect(self._module_chosen)
        self.tokens.currentIndexChanged.connect(self._token_chosen)
        self.certificates.currentIndexChanged.connect(self._certificate_chosen)
        self.look_again, self.browse = QPushButton(), QPushButton()
        self.look_again.clicked.connect(self.refresh)
        self.browse.clicked.connect(self._browse)
        module_row = QHBoxLayout()
        module_row.addWidget(self.modules, 1)
        module_row.addWidget(self.look_again)
        module_row.addWidget(self.browse)
        self.captions = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        form.addRow(self.captions[0], module_row)
        form.addRow(self.captions[1], self.tokens)
        form.addRow(self.captions[2], self.certificates)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.advanced = QCheckBox()
        self.advanced.toggled.connect(self._advanced)
        self.module, self.label, self.key = QLineEdit(module), QLineEdit(label), QLineEdit(key)
        self.typed = QWidget()
        typed = QFormLayout(self.typed)
        typed.setContentsMargins(0, 0, 0, 0)
        self.typed_captions = [QLabel(), QLabel(), QLabel()]
        for caption, field in zip(self.typed_captions, (self.module, self.label, self.key),
                                  strict=True):
            typed.addRow(caption, field)
            field.textChanged.connect(self.changed)
        self.typed.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.details)
        layout.addWidget(self.warning)
        layout.addWidget(self.advanced)
        layout.addWidget(self.typed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Signing token"))
        for caption, text in zip(self.captions, (self.tr("Token driver"), self.tr("Token"),
                                                 self.tr("Certificate")), strict=True):
            caption.setText(text)
        self.look_again.setText(self.tr("Look again"))
        self.browse.setText(self.tr("Other driver file…"))
        self.advanced.setText(self.tr("Type the module, token and key (advanced)"))
        self.module.setPlaceholderText(self.tr("empty: look for the known Vietnamese CA modules"))
        for caption, text in zip(self.typed_captions, (self.tr("PKCS#11 module"),
                                                       self.tr("Token label"),
                                                       self.tr("Key label")), strict=True):
            caption.setText(text)
        if self._task is None:
            self._fill_modules()

    # reading what is plugged in

    def refresh(self, chosen: Path | None = None) -> Task:
        """Read the modules, tokens and certificates again (the running read if one is on)."""
        if self._task is not None:
            return self._task
        module = chosen or self._chosen_path()
        if chosen is not None:
            self.wanted = (str(chosen), *self.wanted[1:])
        self.look_again.setEnabled(False)
        self.details.setText(self.tr("Looking for tokens…"))
        task = self.desk.pools.run(lambda r: plugged_in(module), write=True, name="tokens")
        task.signals.done.connect(self._listed)
        task.signals.failed.connect(self.details.setText)
        task.signals.ended.connect(self._ended)
        self._task = task
        return task

    def _chosen_path(self) -> Path | None:
        module = self.wanted[0] or (self.module.text().strip() if self.advanced.isChecked()
                                    else "")
        return Path(module) if module else None

    def _ended(self) -> None:
        self._task = None
        self.look_again.setEnabled(True)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The token's PKCS#11 driver file"), "",
            self.tr("PKCS#11 modules (*.dll *.so *.dylib);;All files (*)"))
        if path:
            self.refresh(Path(path))

    def _listed(self, found: list[ModuleTokens]) -> None:
        self.found = found
        self._fill_modules()

    # the three lists

    def _fill_modules(self) -> None:
        self.modules.blockSignals(True)
        self.modules.clear()
        for entry in self.found:
            text = f"{entry.vendor} — {entry.module}"
            if entry.error:
                text += " — " + self.tr("cannot be loaded")
            elif not entry.tokens:
                text += " — " + self.tr("no token plugged in")
            self.modules.addItem(text, entry)
        wanted = [i for i, e in enumerate(self.found) if str(e.module) == self.wanted[0]]
        with_tokens = [i for i, e in enumerate(self.found) if e.tokens]
        self.modules.setCurrentIndex((wanted or with_tokens or [0])[0] if self.found else -1)
        self.modules.blockSignals(False)
        self._module_chosen()

    def module_entry(self) -> ModuleTokens | None:
        entry = self.modules.currentData()
        return entry if isinstance(entry, ModuleTokens) else None

    def token(self) -> TokenInfo | None:
        token = self.tokens.currentData()
        return token if isinstance(token, TokenInfo) else None

    def certificate(self) -> CertificateInfo | None:
        """The chosen certificate (None when typing in the advanced fields)."""
        if self.advanced.isChecked():
            return None
        cert = self.certificates.currentData()
        return cert if isinstance(cert, CertificateInfo) else None

    def _module_chosen(self) -> None:
        entry = self.module_entry()
        self.tokens.blockSignals(True)
        self.tokens.clear()
        for token in entry.tokens if entry else ():
            text = self.tr("%1 — %2 %3, serial %4").replace("%1", token.label) \
                .replace("%2", token.manufacturer).replace("%3", token.model) \
                .replace("%4", token.serial)
            self.tokens.addItem(text, token)
        labels = [t.label for t in entry.tokens] if entry else []
        self.tokens.setCurrentIndex(labels.index(self.wanted[1]) if self.wanted[1] in labels
                                    else (0 if labels else -1))
        self.tokens.blockSignals(False)
        self._token_chosen()

    def _token_chosen(self) -> None:
        token = self.token()
        certs = signing_certificates(token) if token else []
        self.certificates.blockSignals(True)
        self.certificates.clear()
        for cert in certs:
            text = self.tr("%1 (%2), until %3").replace("%1", cert.holder or cert.subject) \
                .replace("%2", cert.label or cert.serial) \
                .replace("%3", f"{cert.not_after:%d/%m/%Y}")
            self.certificates.addItem(text, cert)
        labels = [c.label for c in certs]
        self.certificates.setCurrentIndex(
            labels.index(self.wanted[2]) if self.wanted[2] in labels else (0 if certs else -1))
        self.certificates.blockSignals(False)
        self._certificate_chosen()

    def _certificate_chosen(self) -> None:
        entry, token, cert = self.module_entry(), self.token(), self.certificate()
        if entry is not None and token is not None and cert is not None:
            self.wanted = (str(entry.module), token.label, cert.label)  # kept on "Look again"
        self._describe()
        self.changed.emit()

    def _advanced(self, on: bool) -> None:
        self.typed.setVisible(on)
        for widget in (self.modules, self.tokens, self.certificates, self.browse):
            widget.setEnabled(not on)
        self._describe()
        self.changed.emit()

    # what the signer reads

    def _describe(self) -> None:
        cert = self.certificate()
        self.warning.setText(self.problem() or self.caution())
        self.warning.setStyleSheet(REFUSE_STYLE if self.problem() else WARN_STYLE)
        if self.advanced.isChecked():
            self.details.setText(self.tr("The certificate is shown once it is picked from the "
                                         "list."))
        elif cert is not None:
            self.details.setText(self._certificate_text(cert))
        else:
            self.details.setText(self._nothing_text())

    def _certificate_text(self, cert: CertificateInfo) -> str:
        holder = ", ".join(p for p in (cert.holder, cert.holder_org) if p) or cert.subject
        lines = [
            self.tr("Holder: %1").replace("%1", holder),
            self.tr("Issued by: %1").replace("%1", cert.issuer_name or cert.issuer),
            self.tr("Serial number: %1").replace("%1", cert.serial),
            self.tr("Valid from %1 to %2").replace("%1", f"{cert.not_before:%d/%m/%Y}")
            .replace("%2", f"{cert.not_after:%d/%m/%Y}"),
        ]
        days = cert.days_left()
        if days >= 0:
            lines.append(self.tr("%1 days left").replace("%1", str(days)))
        return "\n".join(lines)

    def _nothing_text(self) -> str:
        entry = self.module_entry()
        if not self.found:
            return self.tr("No token driver (PKCS#11 module) of a known certification "
                           "authority is installed. Install the driver that came with the "
                           "office's token, or choose its file with «Other driver file…».")
        if entry is not None and entry.error:
            return self.tr("This driver cannot be loaded: %1").replace("%1", entry.error_vi)
        if entry is not None and not entry.tokens:
            return self.tr("No token is plugged in. Plug in the office's token, then press "
                           "«Look again».")
        return self.tr("This token holds no signing certificate that can be read without "
                       "the PIN. Use the advanced fields if the CA's tool names the key.")

    def problem(self) -> str:
        """Why the chosen token or certificate may not sign ("" when it may)."""
        token = None if self.advanced.isChecked() else self.token()
        if token is not None and token.tries == "locked":
            return self.tr("The token %1 is locked: its PIN was entered wrongly too many times, "
                           "so it cannot sign. Ask whoever manages the office's token (its "
                           "security officer, who holds the SO PIN or PUK) to unblock it, or "
                           "the certification authority; then press «Look again». Nothing was "
                           "signed or changed.").replace("%1", token.label)
        cert = self.certificate()
        if cert is None:
            return ""
        if cert.days_left() < 0:
            return self.tr("This certificate expired on %1: documents cannot be signed with "
                           "it. Ask the certification authority to renew it.") \
                .replace("%1", f"{cert.not_after:%d/%m/%Y}")
        if cert.problem() is not None:
            return self.tr("This certificate is not valid yet (from %1): check the "
                           "computer's date.").replace("%1", f"{cert.not_before:%d/%m/%Y}")
        return ""

    def caution(self) -> str:
        """The warnings for a token with few PIN tries left and a certificate that ends soon
        ("" when there is none)."""
        token = None if self.advanced.isChecked() else self.token()
        tries = {
            "final": self.tr("The token says one PIN try is left: one more wrong PIN locks it. "
                             "Type the PIN carefully."),
            "low": self.tr("The token says few PIN tries are left before it locks. Type the "
                           "PIN carefully."),
        }
        lines = [tries.get(token.tries, "")] if token is not None else []
        cert = self.certificate()
        if cert is not None and cert.expires_soon():
            lines.append(self.tr("This certificate ends in %1 days (on %2): ask the "
                                 "certification authority to renew it in time.")
                         .replace("%1", str(cert.days_left()))
                         .replace("%2", f"{cert.not_after:%d/%m/%Y}"))
        return "\n".join(line for line in lines if line)

    def choice(self) -> TokenChoice | None:
        """What to open for signing, or None when nothing usable is chosen."""
        if self.advanced.isChecked():
            label = self.label.text().strip()
            if not label:
                return None
            return TokenChoice(self.module.text().strip(), label, self.key.text().strip())
        entry, token, cert = self.module_entry(), self.token(), self.certificate()
        if entry is None or token is None or cert is None:
            return None
        return TokenChoice(str(entry.module), token.label, cert.label, cert.serial)
