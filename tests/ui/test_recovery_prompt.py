"""The desk after a crash: "Khôi phục N trang chưa lưu" with the pages' thumbnails."""

from __future__ import annotations

from pathlib import Path

from app.pipeline.journal import JOURNAL
from app.ui.batch import StripState
from app.ui.desk import Desk
from app.ui.scan.recovery import RecoveryDialog
from app.ui.scan.view import ScanView
from tests.ui.conftest import HOSO, PASSWORD, document_meta, sane_scan_view, settle

KEYED = "Kế hoạch tổ chức hội nghị đại biểu"


def _left_with_edits(qtbot, desk: Desk, device: str) -> tuple[StripState, Path]:
    """A clerk scans 10 pages, turns one, crops one, marks a document start, deletes one; then
    the desk dies (its lock goes with the process, as here with the view's)."""
    desk.session.sign_in("lan", PASSWORD)
    view = sane_scan_view(qtbot, desk, device)
    view.controls.start_scan()
    qtbot.waitUntil(lambda: view.controls.scan_task is None, timeout=60000)
    settle(qtbot)
    pages = view.strip.pages()
    assert len(pages) == 10
    view.strip.replace_page(pages[1].rotated(1))
    corner = pages[2].geometry.quad[0]
    view.strip.replace_page(pages[2].with_corner(0, (corner[0] + 25, corner[1] + 15)))
    view.strip.batch.toggle_split(pages[5].id)
    view.strip.batch.delete(pages[8].id)
    subject = view.filing.form.editors["subject"].line
    subject.setText(KEYED)
    subject.editingFinished.emit()  # the clerk leaves the field
    folder = view.controls.batch_folder()
    state = view.strip.batch.state
    view.keeper.close()
    view.close()
    settle(qtbot)
    return state, folder


def _prompt(qtbot, desk: Desk) -> tuple[ScanView, RecoveryDialog]:
    view = ScanView(desk)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.keeper.dialog is not None, timeout=30000)
    dialog = view.keeper.dialog
    assert dialog is not None
    return view, dialog


def test_restore_puts_the_pages_back_in_order_with_their_edits(qtbot, desk, sane_device):
    """Restored, then filed: filing everything empties the batches folder."""
    left, folder = _left_with_edits(qtbot, desk, sane_device)
    view, dialog = _prompt(qtbot, desk)
    assert dialog.thumbs.count() == 9 and "9" in dialog.title.text()
    assert not dialog.problems.isVisible()
    dialog.restore_button.click()
    settle(qtbot)
    state = view.strip.batch.state
    assert [p.id for p in state.pages] == [p.id for p in left.pages]
    assert [p.geometry for p in state.pages] == [p.geometry for p in left.pages]
    assert state.splits == left.splits and len(state.documents()) == 2
    assert view.controls.batch_folder() == folder  # the batch goes on where it was
    assert view.filing.form.values().get("subject") == KEYED  # what the clerk had typed

    hoso = desk.session.create_hoso(HOSO).file_code
    view.filing.refresh_hoso(hoso)
    settle(qtbot)
    for _ in state.documents():
        pages = len(view.strip.batch.state.documents()[0])
        view.filing.form.set_values(document_meta(pages))
        view.save()
        settle(qtbot)
    assert not view.strip.pages()
    assert [d.page_count for d in desk.session.catalog.documents(hoso)] == [5, 4]
    assert not folder.exists() and not any(desk.session.batches_root.iterdir())


def test_discard_removes_the_pages_at_once(qtbot, desk, sane_device):
    _, folder = _left_with_edits(qtbot, desk, sane_device)
    view, dialog = _prompt(qtbot, desk)
    dialog.discard_button.click()
    settle(qtbot)
    assert not folder.exists() and not view.strip.pages()
    assert desk.session.sweep_batches(7) == []


def test_decide_later_keeps_the_pages_for_the_next_start(qtbot, desk, sane_device):
    _, folder = _left_with_edits(qtbot, desk, sane_device)
    view, dialog = _prompt(qtbot, desk)
    dialog.later_button.click()
    settle(qtbot)
    assert folder.is_dir() and not view.strip.pages()
    view.keeper.close()
    view.close()
    _, dialog = _prompt(qtbot, desk)
    assert dialog.thumbs.count() == 9
    dialog.reject()


def test_a_damaged_journal_or_image_loses_only_what_is_damaged(qtbot, desk, sane_device):
    left, folder = _left_with_edits(qtbot, desk, sane_device)
    journal = folder / JOURNAL
    lines = journal.read_bytes().split(b"\n")
    journal.write_bytes(b"\n".join(lines) + b"0badc0de {not json\n" + b"\xff" * 20)
    left.pages[0].raw.path.unlink()
    left.pages[3].raw.path.write_bytes(b"not a png")
    view, dialog = _prompt(qtbot, desk)
    assert dialog.thumbs.count() == 7
    text = dialog.problems.text()
    assert not dialog.problems.isHidden() and "2" in text
    dialog.restore_button.click()
    settle(qtbot)
    kept = [p.id for p in left.pages if p not in (left.pages[0], left.pages[3])]
    assert [p.id for p in view.strip.pages()] == kept


def test_the_prompt_speaks_vietnamese(qtbot, desk, sane_device):
    from app.ui import i18n

    _left_with_edits(qtbot, desk, sane_device)
    i18n.install("vi")
    try:
        _, dialog = _prompt(qtbot, desk)
        assert dialog.title.text() == "Khôi phục 9 trang chưa lưu"
        assert dialog.restore_button.text() == "Khôi phục" and dialog.discard_button.text() == \
            "Bỏ đi"
        dialog.reject()
    finally:
        i18n.install("en")


def test_settings_show_and_set_how_long_unsaved_pages_are_kept(qtbot, desk):
    from app.ui.settings_view import SettingsView

    view = SettingsView(desk)
    qtbot.addWidget(view)
    settle(qtbot)  # the settings' user list loads in a worker
    assert view.retention.value() == desk.prefs.batch_retention_days == 7
    view.retention.setValue(3)
    assert desk.prefs.batch_retention_days == 3
    assert view.retention.suffix() and view.retention_label.text()
