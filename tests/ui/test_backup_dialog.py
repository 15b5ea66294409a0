"""The desk's "Sao lưu" dialog and "Khôi phục từ bản sao lưu" at first run, on real drives."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backup import crypto, medium
from app.ui import i18n
from app.ui.firstrun import FirstRunDialog
from app.ui.main import open_desk
from app.ui.main_window import MainWindow
from testkit.catalog import doc_meta, make_pdf
from tests.ui.conftest import HOSO, PASSWORD, settle

PASSPHRASE = "cụm mật khẩu sao lưu của văn phòng"


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cheaper scrypt cost for the sets made here (recorded in their header)."""
    monkeypatch.setattr(crypto, "SCRYPT", {"n": 2**12, "r": 8, "p": 1})


@pytest.fixture
def vietnamese() -> Iterator[None]:
    i18n.install("vi")
    yield
    i18n.install("en")


def _file_one(desk, tmp_path: Path) -> str:
    catalog = desk.session.catalog
    hoso = catalog.create_hoso(HOSO, "admin")
    pdf = make_pdf(tmp_path / "scan.pdf", "so hoa")
    catalog.add_document(pdf, doc_meta(organName="Ủy ban MTTQ"), "admin", hoso=hoso.file_code,
                         page_texts=["Kế hoạch số hóa"])
    return hoso.file_code


def _back_up(qtbot, window: MainWindow, drive: Path, passphrase: str, again: str = ""):
    dialog = window.open_backup()
    dialog.drive.set_path(drive)
    dialog.passphrase.setText(passphrase)
    dialog.again.setText(again or passphrase)
    dialog.start.click()
    settle(qtbot, timeout=60000)
    return dialog


def test_back_up_and_verify_from_the_desk(qtbot, desk, tmp_path, vietnamese):
    file_code = _file_one(desk, tmp_path)
    drive = tmp_path / "usb"
    drive.mkdir()
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert window.backup_button.text() == "Sao lưu…"
    dialog = _back_up(qtbot, window, drive, PASSPHRASE)
    assert dialog.message.text().startswith("Đã ghi và kiểm tra bản sao lưu 1: 1 tài liệu")
    assert dialog.bar.value() == dialog.bar.maximum()
    assert dialog.passphrase.text() == ""  # not kept in the form
    assert medium.open_set(drive, PASSPHRASE).generations() == [1]
    today = datetime.date.today().strftime("%d/%m/%Y")
    assert desk.status.backup_label.text() == f"Sao lưu lần cuối: {today}"
    assert desk.session.catalog.hoso(file_code).metadata["riskRecoveryStatus"] == "01"
    dialog.close()


def test_a_wrong_passphrase_is_told_in_vietnamese(qtbot, desk, tmp_path, vietnamese):
    _file_one(desk, tmp_path)
    drive = tmp_path / "usb"
    drive.mkdir()
    window = MainWindow(desk)
    qtbot.addWidget(window)
    _back_up(qtbot, window, drive, PASSPHRASE).close()
    dialog = _back_up(qtbot, window, drive, "một cụm mật khẩu khác hẳn")
    assert dialog.message.text().startswith("Chưa xong: ")
    assert "Cụm mật khẩu không mở được bộ sao lưu này" in dialog.message.text()
    assert medium.open_set(drive, PASSPHRASE).generations() == [1]
    mismatch = _back_up(qtbot, window, tmp_path, PASSPHRASE, again="khác với cụm trên")
    assert mismatch.message.text() == "Hai cụm mật khẩu không khớp nhau."
    assert not medium.exists(tmp_path)


def test_a_new_station_restores_at_first_run(qtbot, desk, tmp_path, prefs):
    _file_one(desk, tmp_path)
    drive = tmp_path / "usb"
    drive.mkdir()
    window = MainWindow(desk)
    qtbot.addWidget(window)
    _back_up(qtbot, window, drive, PASSPHRASE).close()
    fresh = open_desk(tmp_path / "new-machine" / "catalog", prefs)
    try:
        assert fresh.session.needs_first_run()
        first = FirstRunDialog(fresh.session, fresh.pools, prefs)
        qtbot.addWidget(first)
        settle(qtbot)
        restore = first.open_restore()
        restore.drive.set_path(drive)
        restore.passphrase.setText("sai mật khẩu rồi nhé")
        restore.start.click()
        settle(qtbot, timeout=60000)
        assert "passphrase does not open" in restore.message.text()
        assert fresh.session.needs_first_run()  # the empty catalog is open again, untouched
        restore.passphrase.setText(PASSPHRASE)
        restore.start.click()
        settle(qtbot, timeout=60000)
        assert first.result() == first.DialogCode.Accepted
        assert not fresh.session.needs_first_run()
        assert fresh.session.sign_in("admin", PASSWORD).name == "admin"
        assert [h.subject for h in fresh.session.catalog.search("số hóa")] == [
            doc_meta()["subject"]]
    finally:
        fresh.pools.wait()
        fresh.session.close()
