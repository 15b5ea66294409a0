"""A report as a PDF laid out like an administrative report (fpdf2, Liberation Serif)."""

from __future__ import annotations

from collections.abc import Callable

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from app.fonts import liberation

from .header import Header
from .model import METRICS, Report, change

FONT = "LiberationSerif"
_FILES = {
    "": "LiberationSerif-Regular.ttf",
    "B": "LiberationSerif-Bold.ttf",
    "I": "LiberationSerif-Italic.ttf",
    "BI": "LiberationSerif-BoldItalic.ttf",
}


_WIDTHS: dict[tuple[str, float, str], float] = {}


class _Page(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "I", 9)
        self.cell(0, 6, f"Trang {self.page_no()}/{{nb}}", align="C")


def _fonts(pdf: FPDF) -> None:
    for style, name in _FILES.items():
        path = liberation(name)
        if not path.is_file():
            raise FileNotFoundError(
                f"Thiếu phông {path}; cài gói fonts-liberation2 (Debian) hoặc đặt "
                "SCANSTATION_FONT_DIR."
            )
        pdf.add_font(FONT, style, str(path))


def _letterhead(pdf: FPDF, report: Report, header: Header) -> None:
    left, right = 95.0, pdf.epw - 95.0
    top = pdf.get_y()
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(left, 6, header.issuer.upper(), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 12)
    pdf.multi_cell(left, 6, header.number_line(), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    bottom = pdf.get_y()
    pdf.set_xy(pdf.l_margin + left, top)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(
        right, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align="C", new_x=XPos.LEFT, new_y=YPos.NEXT
    )
    pdf.set_font(FONT, "BU", 13)
    pdf.cell(right, 6, "Độc lập - Tự do - Hạnh phúc", align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FONT, "I", 12)
    pdf.cell(right, 8, header.date_line(report.built_at.date()), align="C")
    pdf.set_y(max(bottom, pdf.get_y() + 8) + 4)
    pdf.set_font(FONT, "B", 14)
    pdf.cell(0, 7, "BÁO CÁO", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(
        0,
        7,
        f"Kết quả số hóa tài liệu {report.period.label}",
        align="C",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_font(FONT, "I", 11)
    pdf.cell(
        0,
        6,
        f"(so sánh với {report.previous.label})",
        align="C",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(3)


def _width(pdf: FPDF, text: str) -> float:
    """The width of `text` at the current font: the sum of its characters' widths, each
    measured once per style (fpdf2 measures a whole string slowly, and applies no kerning
    that would make the sum differ)."""
    style, size = pdf.font_style, pdf.font_size_pt
    total = 0.0
    for char in text:
        key = (style, size, char)
        if key not in _WIDTHS:
            _WIDTHS[key] = pdf.get_string_width(char)
        total += _WIDTHS[key]
    return total


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """`text` cut with an ellipsis to fit `width` at the current font."""
    full = _width(pdf, text)
    if full <= width:
        return text
    keep = int(len(text) * width / full)  # about right; then trim to fit
    while keep and _width(pdf, text[:keep] + "…") > width:
        keep -= 1
    return text[:keep] + "…"


def _put(pdf: FPDF, x: float, y: float, width: float, text: str, centre: bool) -> None:
    """`text` on the 5 mm line whose top-left is (x, y): pdf.text is far cheaper than
    pdf.cell, which matters for 700 organisations; nothing for an empty text."""
    if not text:
        return
    if centre:
        x += (width - _width(pdf, text)) / 2
    pdf.text(x, y + 3.6, text)


class _Grid:
    """A table's rules drawn once per page: a line above each row, then, when the page or
    the table ends, the bottom line and each column's line over the whole block (a rectangle
    per cell cost a third of a 700-organisation report's rendering)."""

    def __init__(self, pdf: FPDF, widths: list[float] | tuple[float, ...]) -> None:
        self.pdf = pdf
        self.widths = widths
        self.top: float | None = None

    def row(
        self, height: float, head: Callable[[], None] | None = None, merged: bool = False
    ) -> float:
        """Start a row of `height` (on a new page, after `head`, if it does not fit); its y.
        `merged`: the first column continues the row above's (no line across it)."""
        pdf = self.pdf
        if pdf.get_y() + height > pdf.page_break_trigger:
            self.close()
            pdf.add_page()
            if head is not None:
                head()
            merged = False
        y = pdf.get_y()
        if self.top is None:
            self.top = y
        start = pdf.l_margin + (self.widths[0] if merged else 0.0)
        pdf.line(start, y, pdf.l_margin + sum(self.widths), y)
        return y

    def close(self) -> None:
        """Draw the bottom line and the columns' lines of the block on this page."""
        if self.top is None:
            return
        pdf, y, x = self.pdf, self.pdf.get_y(), self.pdf.l_margin
        pdf.line(x, y, x + sum(self.widths), y)
        for width in (0.0, *self.widths):
            x += width
            pdf.line(x, self.top, x, y)
        self.top = None


def _row(
    pdf: FPDF, grid: _Grid, cells: list[tuple[str, str]], head: Callable[[], None] | None
) -> None:
    """One two-line row of the summary table."""
    height = 10.0
    y = grid.row(height, head)
    x = pdf.l_margin
    for index, (width, (top, bottom)) in enumerate(zip(grid.widths, cells, strict=True)):
        if index == 0:  # names may be long; figures always fit
            top, bottom = _fit(pdf, top, width - 2), _fit(pdf, bottom, width - 2)
        _put(pdf, x + 1, y, width - 2, top, index > 0)
        _put(pdf, x + 1, y + 5, width - 2, bottom, index > 0)
        x += width
    pdf.set_xy(pdf.l_margin, y + height)


def _head(pdf: FPDF, grid: _Grid) -> None:
    style = pdf.font_style
    pdf.set_font(FONT, "B", 10)
    cells = [("Đơn vị", "mã đơn vị")]
    for _, label in METRICS:
        words = label.split()
        half = (len(words) + 1) // 2 if len(label) > 16 else len(words)
        cells.append((" ".join(words[:half]), " ".join(words[half:])))
    _row(pdf, grid, cells, None)
    pdf.set_font(FONT, style, 10)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _summary(pdf: FPDF, report: Report) -> None:
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 7, "I. Kết quả theo đơn vị", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    grid = _Grid(pdf, [80.0, *([(pdf.epw - 80) / len(METRICS)] * len(METRICS))])

    def head() -> None:
        _head(pdf, grid)

    head()
    pdf.set_font(FONT, "", 10)
    for line in report.lines:
        cells = [("   " * line.depth + line.name, "   " * line.depth + line.code)]
        cells += [
            (_number(line.total[key]), change(line.total[key], line.previous[key]))
            for key, _ in METRICS
        ]
        _row(pdf, grid, cells, head)
    pdf.set_font(FONT, "B", 10)
    total = [("Tổng cộng", "")]
    total += [
        (_number(report.total[key]), change(report.total[key], report.previous_total[key]))
        for key, _ in METRICS
    ]
    _row(pdf, grid, total, head)
    grid.close()
    pdf.set_font(FONT, "I", 9)
    pdf.multi_cell(
        0,
        5,
        "Mỗi ô: số của kỳ báo cáo (gồm các đơn vị trực thuộc) và thay đổi so với kỳ trước.",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(2)


def _cells(pdf: FPDF, grid: _Grid, y: float, cells: tuple[str, ...], style: str) -> None:
    """One line of a list's table at `y`, in `style`."""
    if pdf.font_style != style:
        pdf.set_font(FONT, style, 10)
    x = pdf.l_margin
    for width, text in zip(grid.widths, cells, strict=True):
        _put(pdf, x + 1, y + 0.5, width - 2, _fit(pdf, text, width - 2), False)
        x += width
    pdf.set_xy(pdf.l_margin, y + 6)


def _list(
    pdf: FPDF,
    title: str,
    heads: tuple[str, ...],
    rows: list[tuple[str, ...]],
    widths: tuple[float, ...],
) -> None:
    """A one-line-a-row table; the organisation (first column) is written on the first row
    of its group on each page only, as a merged cell would show it."""
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 7, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)
    if not rows:
        pdf.cell(0, 6, "Không có trong kỳ.", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
        return
    grid = _Grid(pdf, widths)

    def head() -> None:
        _cells(pdf, grid, grid.row(6), heads, "B")

    head()
    shown = ""
    for cells in rows:
        page = pdf.page
        y = grid.row(6, head, merged=cells[0] == shown)
        if pdf.page != page or cells[0] != shown:
            shown = cells[0]
            _cells(pdf, grid, y, cells, "")
        else:
            _cells(pdf, grid, y, ("", *cells[1:]), "")
    grid.close()
    pdf.ln(2)


def _signer(pdf: FPDF, report: Report, header: Header) -> None:
    if pdf.get_y() > pdf.h - pdf.b_margin - 45:  # the block stays on one page
        pdf.add_page()
    top = pdf.get_y() + 4
    pdf.set_xy(pdf.l_margin, top)
    pdf.set_font(FONT, "BI", 11)
    pdf.cell(80, 6, "Nơi nhận:", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)
    pdf.cell(80, 5, "- Cấp trên trực tiếp;", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.cell(80, 5, "- Lưu: VT.", new_x=XPos.LEFT, new_y=YPos.NEXT)
    x = pdf.l_margin + pdf.epw - 100
    pdf.set_xy(x, top)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(100, 6, header.signer_title, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FONT, "I", 11)
    pdf.cell(100, 6, "(Ký, ghi rõ họ tên)", align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.ln(18)
    pdf.set_x(x)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(100, 6, header.signer_name, align="C")


def to_pdf(report: Report, header: Header) -> bytes:
    """The report's PDF bytes (A4 landscape, fonts embedded)."""
    pdf = _Page(orientation="L", format="A4")
    pdf.set_margins(20, 15, 15)
    pdf.set_auto_page_break(True, 15)
    _fonts(pdf)
    pdf.alias_nb_pages()
    pdf.set_title(f"Báo cáo kết quả số hóa {report.period.label}")
    pdf.set_lang("vi")
    pdf.add_page()
    _letterhead(pdf, report, header)
    _summary(pdf, report)
    _list(
        pdf,
        "II. Tài liệu bị trả lại và lý do",
        ("Đơn vị", "Lý do", "Số lượt"),
        [(org, reason, str(n)) for org, reason, n in report.reasons],
        (45, 170, 25),
    )
    _list(
        pdf,
        "III. Theo cán bộ số hóa",
        ("Đơn vị", "Cán bộ", "Tài liệu", "Trang"),
        [(org, clerk, str(d), str(p)) for org, clerk, d, p in report.clerks],
        (45, 60, 25, 25),
    )
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 7, "IV. Ghi chú về nguồn số liệu", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)
    for note in report.notes:
        pdf.multi_cell(0, 5, f"- {note}", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _signer(pdf, report, header)
    return bytes(pdf.output())
