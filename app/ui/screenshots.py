"""`make screenshots`: each main screen of the desk rendered to PNG, in Vietnamese."""

from __future__ import annotations

import argparse
import datetime
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from app.catalog.models import Document, Hoso, Role
from app.pipeline.interactive import PageSession, ScanPage
from app.scanner.base import ScanSettings
from app.scanner.demo import DemoScanner
from app.synth import vocab
from app.synth.document import DocumentFields, render_page
from app.synth.scan import ScanOptions, simulate_scan
from app.ui import i18n
from app.ui.batch import Batch
from app.ui.batch_files import BatchFiles, read_back
from app.ui.desk import Desk
from app.ui.document_view import DocumentDialog
from app.ui.eventloop import run_until, settle
from app.ui.firstrun import FirstRunDialog
from app.ui.handover import HandingFolder
from app.ui.main import open_desk
from app.ui.main_window import MainWindow
from app.ui.prefs import Prefs
from app.ui.scan.recovery import RecoveryDialog
from app.ui.signin import SignInDialog
from app.ui.status import StatusBar

ORG = "Ủy ban MTTQ Việt Nam quận Cầu Giấy"
ORG_CODE = "000.00.00.G09"
PASSWORD = "mat-khau-demo"
DEVICE = "demo:7"  # the built-in feeder, seeded so every run shows the same sheets
WINDOW = (1440, 900)
USERS = (
    ("lan", Role.CLERK, "Nguyễn Thị Lan"),
    ("tuan", Role.CLERK, "Đỗ Minh Tuấn"),
    ("hung", Role.SUPERVISOR, "Trần Văn Hùng"),
    ("mai", Role.SIGNER, "Lê Thị Mai"),
)
HOSO = {
    "title": "Hồ sơ kế hoạch, báo cáo công tác Mặt trận năm 2025",
    "maintenance": "01",
    "mode": "01",
    "language": ["01"],
    "startDate": "01/01/2025",
    "endDate": "31/12/2025",
    "paperFileCode": "H49.64.33.160",
}
ISSUER = ("ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ HÀ NỘI",  # parent body, issuer
          "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM QUẬN CẦU GIẤY")


def _printed(type_name: str, number: str, issued: str, subject: str) -> DocumentFields:
    """A document of the office as its first page prints it (date dd/mm/yyyy)."""
    day, month, year = (int(part) for part in issued.split("/"))
    return DocumentFields(ISSUER[0], ISSUER[1], number, "Cầu Giấy",
                          datetime.date(year, month, day), type_name,
                          vocab.DOC_TYPES[type_name][0], subject, None, None)


# clerk, the printed document, pages (keyed, scanned), what happens next
FILED = (
    ("lan", _printed("KẾ HOẠCH", "12/KH-MTTQ", "05/01/2025",
                     "Số hóa tài liệu lưu trữ năm 2025"), (2, 2), "approved"),
    ("tuan", _printed("KẾ HOẠCH", "15/KH-BTT", "20/02/2025",
                      "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư"),
     (1, 1), "approved"),
    ("lan", _printed("BÁO CÁO", "08/BC-MTTQ", "30/06/2025",
                     "Kết quả công tác Mặt trận sáu tháng đầu năm 2025"), (3, 2), "indexed"),
    ("tuan", _printed("THÔNG BÁO", "21/TB-MTTQ", "12/03/2025",
                      "Triệu tập hội nghị Ban Thường trực"), (1, 1), "indexed"),
    ("lan", _printed("BIÊN BẢN", "03/BB-MTTQ", "14/04/2025",
                     "Hội nghị hiệp thương lần thứ nhất"), (2, 2), "rescanned"),
    ("lan", _printed("QUYẾT ĐỊNH", "27/QĐ-MTTQ", "02/05/2025",
                     "Khen thưởng tập thể có thành tích xuất sắc"), (1, 1), "rejected"),
)
REJECTED = "Trang 2 bị mờ, quét lại trang này"
NO_OCR = PageSession.reading("none")  # the pictures need no text layer


class Stage:
    """The temporary catalog, settings and filed documents the screens show (made on demand)."""

    def __init__(self, folder: Path, ocr: str) -> None:
        self.folder = folder
        self.prefs = Prefs(QSettings(str(folder / "desk.ini"), QSettings.Format.IniFormat))
        self.prefs.ocr = ocr
        self.prefs.device = DEVICE
        self.made: list[Desk] = []
        self.windows: list[QWidget] = []
        self._seed = 20

    def _open(self, name: str) -> Desk:
        desk = open_desk(self.folder / name, self.prefs)
        self.made.append(desk)
        return desk

    @cached_property
    def desk(self) -> Desk:
        """An office with an admin, two clerks, a supervisor and a signer."""
        desk = self._open("catalog")
        session = desk.session
        session.first_run(ORG, ORG_CODE, "tt05-2025", "admin", PASSWORD, "Phạm Minh Quân")
        session.sign_in("admin", PASSWORD)
        for name, role, full in USERS:
            session.add_user(name, [role], PASSWORD, full)
        return desk

    def as_user(self, name: str) -> Desk:
        """The desk with `name` signed in, and a status bar of its own for a new window."""
        self.desk.session.sign_in(name, PASSWORD)
        return replace(self.desk, status=StatusBar())

    @cached_property
    def hoso(self) -> Hoso:
        self.as_user("lan")
        return self.desk.session.create_hoso(HOSO)

    def pages(self, count: int, printed: DocumentFields) -> list[ScanPage]:
        """The `count` sheets of the document `printed` fed at 200 dpi, cleaned as the desk
        cleans them."""
        self._seed += 1
        rng = np.random.default_rng(self._seed)
        store = HandingFolder(self.folder / "batches" / str(self._seed))
        pages = []
        for index in range(count):
            sheet = render_page(rng, dpi=200, fields=printed, first_page=index == 0)
            options = ScanOptions(skew_deg=float(rng.normal(0, 0.8)), bed="dark",
                                  bed_margin_mm=float(rng.uniform(3, 8)))
            image, _ = simulate_scan(sheet, options, rng)
            raw = store.save(image, dpi=200, source="adf-front")
            pages.append(NO_OCR.arrive(raw, store.hand_over(raw).pixels))
        return pages

    @cached_property
    def filed(self) -> list[Document]:
        """The documents of the day, filed by two clerks with what their first pages print,
        some reviewed."""
        session, hoso = self.desk.session, self.hoso
        docs = []
        for clerk, printed, (keyed, scanned), fate in FILED:
            number, notation = printed.number.split("/", 1)
            meta = {"typeName": printed.type_code, "codeNumber": number,
                    "codeNotation": notation, "issuedDate": printed.issued.strftime("%d/%m/%Y"),
                    "organName": ORG, "subject": printed.subject, "numberOfPage": str(keyed)}
            self.as_user(clerk)
            pages = self.pages(scanned, printed)
            doc = session.file_document(pages, meta, hoso.file_code, None, NO_OCR)
            self.as_user("hung")
            if fate == "approved":
                doc = session.approve(doc.doc_code)
            elif fate in ("rejected", "rescanned"):
                doc = session.reject(doc.doc_code, REJECTED)
            if fate == "rescanned":
                self.as_user(clerk)
                doc = session.rescan(doc.doc_code, self.pages(scanned, printed), meta, NO_OCR)
            docs.append(doc)
        return docs

    def window(self, user: str, tab: str) -> MainWindow:
        """The main window of `user` with the screen `tab` (an attribute name) in front."""
        assert self.filed, "the day's documents are filed before any screen shows them"
        window = MainWindow(self.as_user(user))
        window.resize(*WINDOW)
        window.tabs.setCurrentWidget(getattr(window, tab))
        window.show()
        self.windows.append(window)
        settle()
        return window

    @cached_property
    def clerk_window(self) -> MainWindow:
        """The clerk's desk after scanning four sheets at 300 dpi, read and prefilled."""
        window = self.window("lan", "scan")
        view = window.scan
        assert view is not None
        view.controls.device.addItem("Scanstation Máy quét mô phỏng (demo)", DEVICE)
        view.controls.device.setCurrentIndex(view.controls.device.count() - 1)
        view.controls.dpi.setValue(300)
        view.controls.start_scan(max_pages=4)
        run_until(lambda: len(view.strip.pages()) == 4 and view.controls.scan_task is None, 180)
        run_until(lambda: view.strip.batch.state.pages[0].ocr is not None, 180)
        settle(300)
        view.strip.setCurrentRow(0)
        return window

    def close(self) -> None:
        for window in self.windows:
            window.close()
        for desk in self.made:
            desk.pools.wait()
            desk.session.close()


def first_run(stage: Stage) -> QWidget:
    desk = stage._open("empty")
    dialog = FirstRunDialog(desk.session, desk.pools, stage.prefs)
    dialog.org_name.setText(ORG)
    dialog.org_code.setText(ORG_CODE)
    dialog.admin.setText("admin")
    dialog.full_name.setText("Phạm Minh Quân")
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    dialog.resize(620, dialog.sizeHint().height())
    return dialog


def sign_in(stage: Stage) -> QWidget:
    dialog = SignInDialog(stage.desk.session, stage.desk.pools)
    dialog.name.setText("lan")
    dialog.password.setText(PASSWORD)
    dialog.resize(420, dialog.sizeHint().height())
    return dialog


def scan(stage: Stage) -> QWidget:
    return stage.clerk_window


def index(stage: Stage) -> QWidget:
    """The indexing form beside the scan: OCR values highlighted, an error shown inline."""
    view = stage.clerk_window.scan
    assert view is not None
    editor = view.filing.form.editors["issuedDate"]
    editor.line.selectAll()
    QTest.keyClicks(editor.line, "31/02/2025")  # the clerk types a date that does not exist
    editor.check_format()
    view.filing.form.editors["typeName"].line.setFocus()
    panel = view.filing.save_button.parentWidget()
    assert panel is not None
    return panel


def review(stage: Stage) -> QWidget:
    window = stage.window("hung", "review")
    assert window.review is not None
    window.review.table.selectRow(2)
    settle()
    return window


def review_viewer(stage: Stage) -> QWidget:
    """The supervisor reads a page at full width beside its metadata, checking Số and date."""
    window = stage.window("hung", "review")
    assert window.review is not None
    viewer = window.review.pages
    window.review.table.selectRow(0)
    run_until(lambda: not viewer.item.pixmap().isNull(), 60)
    viewer.fit_width()
    settle()
    return window


def recovery(stage: Stage) -> QWidget:
    """After a crash: the clerk's unsaved pages offered back, with their thumbnails."""
    desk = stage.as_user("tuan")
    session = desk.session
    files = BatchFiles(session)
    batch = Batch()
    batch.on_change = files.record
    store = HandingFolder(files.folder())
    settings = ScanSettings(dpi=150, source="adf", max_pages=6)
    for raw in DemoScanner(seed=31).scan(settings, store):
        batch.arrived(NO_OCR.arrive(raw, store.hand_over(raw).pixels))
    batch.replace_page(batch.state.pages[2].rotated(1))
    batch.toggle_split(batch.state.pages[3].id)
    files.close()  # the desk stops here, as a kill would stop it
    (found,) = session.sweep_batches(desk.prefs.batch_retention_days)
    pages, splits, lost = read_back(found, NO_OCR)
    dialog = RecoveryDialog(pages, splits, lost, found.state.damaged, found.changed_at)
    dialog.resize(760, dialog.sizeHint().height())
    stage.windows.append(dialog)
    return dialog


def document(stage: Stage) -> QWidget:
    """A rescanned document's history: the rejection with its reason, then the rescan."""
    rescanned = next(d for d, row in zip(stage.filed, FILED, strict=True) if row[-1] == "rescanned")
    stage.as_user("lan")
    dialog = DocumentDialog(stage.desk, rescanned.doc_code)
    dialog.resize(980, 520)
    settle()
    dialog.tabs.setCurrentIndex(3)
    return dialog


def sign(stage: Stage) -> QWidget:
    window = stage.window("mai", "sign")
    assert window.sign is not None
    return window


def search(stage: Stage) -> QWidget:
    window = stage.window("admin", "search")
    window.search.query.setText("hội nghị")
    window.search.search()
    settle()
    return window


def settings(stage: Stage) -> QWidget:
    return stage.window("admin", "settings")


SCREENS: dict[str, Callable[[Stage], QWidget]] = {
    "first-run": first_run,
    "sign-in": sign_in,
    "scan": scan,
    "index": index,
    "review": review,
    "review-viewer": review_viewer,
    "recovery": recovery,
    "document": document,
    "sign": sign,
    "search": search,
    "settings": settings,
}


def shoot(widget: QWidget, path: Path) -> Path:
    """Show `widget`, let it settle, and save what it draws."""
    widget.show()
    widget.raise_()
    settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"Cannot write {path}")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """Render the screens asked for to PNG, from a demo catalog made in a temporary folder.

    `make screenshots` runs this under Xvfb with QT_QPA_PLATFORM=xcb.
    """
    parser = argparse.ArgumentParser(prog="python -m app.ui.screenshots",
                                     description="Render the desk's main screens to PNG.")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--only", nargs="+", choices=sorted(SCREENS), default=list(SCREENS))
    parser.add_argument("--ocr", choices=("tesseract", "none"), default="tesseract")
    args = parser.parse_args(argv)
    app: Any = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("scanstation")
    i18n.compile_translations()
    i18n.install("vi")
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="scanstation-screens-"))
    stage = Stage(work, args.ocr)
    try:
        for name in (n for n in SCREENS if n in args.only):
            print(shoot(SCREENS[name](stage), args.out / f"{name}.png"))
    finally:
        stage.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
