"""A report as an XLSX workbook (openpyxl): summary, reasons sent back, per clerk, notes."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .header import Header
from .model import METRICS, Report, change

BOLD = Font(bold=True)


def _widths(sheet: object, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width  # type: ignore[attr-defined]


def to_xlsx(report: Report, header: Header) -> bytes:
    """The workbook's bytes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tổng hợp"
    sheet.append([header.issuer])
    sheet.append([f"BÁO CÁO KẾT QUẢ SỐ HÓA TÀI LIỆU {report.period.label.upper()}"])
    sheet["A2"].font = Font(bold=True, size=13)
    sheet.append([f"{header.number_line()} — so với {report.previous.label}"])
    sheet.append([])
    titles = ["Mã đơn vị", "Đơn vị"]
    for _, label in METRICS:
        titles += [label, "Kỳ trước", "Thay đổi"]
    sheet.append(titles)
    for cell in sheet[5]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for line in report.lines:
        row: list[object] = [line.code, line.name]
        for key, _ in METRICS:
            now, before = line.total[key], line.previous[key]
            row += [now, before, change(now, before)]
        sheet.append(row)
        sheet.cell(sheet.max_row, 2).alignment = Alignment(indent=2 * line.depth)
    total: list[object] = ["", "Tổng cộng"]
    for key, _ in METRICS:
        now, before = report.total[key], report.previous_total[key]
        total += [now, before, change(now, before)]
    sheet.append(total)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.freeze_panes = "C6"
    _widths(sheet, [18, 42] + [12] * 3 * len(METRICS))

    reasons = book.create_sheet("Lý do trả lại")
    reasons.append(["Mã đơn vị", "Lý do", "Số lượt"])
    for org, reason, times in report.reasons:
        reasons.append([org, reason, times])
    _widths(reasons, [18, 60, 10])

    clerks = book.create_sheet("Theo cán bộ")
    clerks.append(["Mã đơn vị", "Cán bộ số hóa", "Tài liệu", "Trang"])
    for org, clerk, documents, pages in report.clerks:
        clerks.append([org, clerk, documents, pages])
    _widths(clerks, [18, 24, 10, 10])

    notes = book.create_sheet("Ghi chú")
    for note in report.notes:
        notes.append([note])
    notes.append([f"Lập lúc {report.built_at:%d/%m/%Y %H:%M} (giờ Việt Nam)."])
    _widths(notes, [120])
    for sheet_ in (reasons, clerks):
        for cell in sheet_[1]:
            cell.font = BOLD
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
