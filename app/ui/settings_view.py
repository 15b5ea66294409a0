"""Settings: language, OCR, scan profiles (admins lock them) and the user list (admins)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.catalog.models import Role
from app.ui import i18n
from app.ui.desk import Desk
from app.ui.users_view import UsersPanel


class SettingsView(QWidget):
    """Everyone picks the language; admins lock scan profiles and manage users."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        admin = desk.session.has(Role.ADMIN)
        general = QFormLayout()
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(desk.prefs.language)))
        self.language.currentIndexChanged.connect(self._language)
        self.ocr = QComboBox()
        self.ocr.addItem("", "tesseract")
        self.ocr.addItem("", "none")
        self.ocr.setCurrentIndex(max(0, self.ocr.findData(desk.prefs.ocr)))
        self.ocr.currentIndexChanged.connect(
            lambda: setattr(desk.prefs, "ocr", str(self.ocr.currentData())))
        self.retention = QSpinBox()  # days an abandoned scan batch stays on disk
        self.retention.setRange(1, 365)
        self.retention.setValue(desk.prefs.batch_retention_days)
        self.retention.valueChanged.connect(
            lambda days: setattr(desk.prefs, "batch_retention_days", days))
        self.language_label, self.ocr_label, self.retention_label = QLabel(), QLabel(), QLabel()
        general.addRow(self.language_label, self.language)
        general.addRow(self.ocr_label, self.ocr)
        general.addRow(self.retention_label, self.retention)
        layout = QVBoxLayout(self)
        layout.addLayout(general)
        self.profiles_box = QGroupBox()
        box = QVBoxLayout(self.profiles_box)
        self.profiles = QListWidget()
        for profile in desk.prefs.scan_profiles():
            item = QListWidgetItem(profile.name)
            item.setData(Qt.ItemDataRole.UserRole, profile)
            item.setCheckState(Qt.CheckState.Checked if profile.locked else Qt.CheckState.Unchecked)
            self.profiles.addItem(item)
        self.profiles.setEnabled(admin)
        self.profiles.itemChanged.connect(self._save_profiles)
        box.addWidget(self.profiles)
        layout.addWidget(self.profiles_box)
        self.users = QGroupBox()  # admins only: the user list
        self.users.setEnabled(admin)
        self.user_list = UsersPanel(desk)
        QVBoxLayout(self.users).addWidget(self.user_list)
        layout.addWidget(self.users)
        self.users.setHidden(not admin)
        if admin:
            self.user_list.refresh()
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.ocr.setItemText(0, self.tr("Tesseract (Vietnamese)"))
        self.ocr.setItemText(1, self.tr("No OCR"))
        self.language_label.setText(self.tr("Language"))
        self.ocr_label.setText(self.tr("Text recognition"))
        self.retention_label.setText(self.tr("Keep unsaved scanned pages nobody came back for"))
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setToolTip(self.tr("Pages scanned but never filed stay on disk this long "
                                          "after the desk stopped, so they can be restored; "
                                          "filed batches are removed at once."))
        self.profiles_box.setTitle(
            self.tr("Scan profiles (locked ones cannot be changed at scan time)"))
        self.users.setTitle(self.tr("Users"))
        self.user_list.retranslate()

    def _language(self) -> None:
        self.desk.prefs.language = str(self.language.currentData())
        i18n.install(self.desk.prefs.language)

    def _save_profiles(self) -> None:
        items = []
        for row in range(self.profiles.count()):
            item = self.profiles.item(row)
            locked = item.checkState() == Qt.CheckState.Checked
            items.append(replace(item.data(Qt.ItemDataRole.UserRole), locked=locked))
        self.desk.prefs.save_scan_profiles(items)
