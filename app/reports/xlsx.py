"""A report as an XLSX workbook (openpyxl): summary, reasons sent back, per clerk, notes."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from .header import Header
from .model import METRICS, Report, change

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="center")


def _sheet(book: Workbook, title: str, widths: list[int]) -> WriteOnlyWorksheet:
    """A write-only sheet (rows streamed to the file, not kept as cell objects: a report of
    700 organisations is written in a fraction of the time) with its column widths."""
    sheet = book.create_sheet(title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def _styled(
    sheet: WriteOnlyWorksheet, values: Iterable[str | int | None], font: Font | None = None
) -> list[Cell]:
    """A row whose cells carry `font`."""
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value)
        if font is not None:
            cell.font = font
        cells.append(cell)
    return cells


def to_xlsx(report: Report, header: Header) -> bytes:
    """The workbook's bytes."""
    book = Workbook(write_only=True)
    sheet = _sheet(book, "Tổng hợp", [18, 42] + [12] * 3 * len(METRICS))
    sheet.freeze_panes = "C6"
    sheet.append([header.issuer])
    sheet.append(
        _styled(
            sheet,
            [f"BÁO CÁO KẾT QUẢ SỐ HÓA TÀI LIỆU {report.period.label.upper()}"],
            Font(bold=True, size=13),
        )
    )
    sheet.append([f"{header.number_line()} — so với {report.previous.label}"])
    sheet.append([])
    titles = ["Mã đơn vị", "Đơn vị"]
    for _, label in METRICS:
        titles += [label, "Kỳ trước", "Thay đổi"]
    heads = _styled(sheet, titles, BOLD)
    for cell in heads:
        cell.alignment = WRAP
    sheet.append(heads)
    indents: dict[int, Alignment] = {}
    for line in report.lines:
        name = WriteOnlyCell(sheet, line.name)
        if line.depth:
            name.alignment = indents.setdefault(line.depth, Alignment(indent=2 * line.depth))
        row: list[object] = [line.code, name]
        for key, _ in METRICS:
            now, before = line.total[key], line.previous[key]
            row += [now, before, change(now, before)]
        sheet.append(row)
    total: list[str | int | None] = ["", "Tổng cộng"]
    for key, _ in METRICS:
        now, before = report.total[key], report.previous_total[key]
        total += [now, before, change(now, before)]
    sheet.append(_styled(sheet, total, BOLD))

    reasons = _sheet(book, "Lý do trả lại", [18, 60, 10])
    reasons.append(_styled(reasons, ["Mã đơn vị", "Lý do", "Số lượt"], BOLD))
    for org, reason, times in report.reasons:
        reasons.append([org, reason, times])

    clerks = _sheet(book, "Theo cán bộ", [18, 24, 10, 10])
    clerks.append(_styled(clerks, ["Mã đơn vị", "Cán bộ số hóa", "Tài liệu", "Trang"], BOLD))
    for org, clerk, documents, pages in report.clerks:
        clerks.append([org, clerk, documents, pages])

    notes = _sheet(book, "Ghi chú", [120])
    for note in report.notes:
        notes.append([note])
    notes.append([f"Lập lúc {report.built_at:%d/%m/%Y %H:%M} (giờ Việt Nam)."])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
