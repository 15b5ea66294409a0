"""A small bar chart of each clerk's day: pages, documents, rejections."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.ui.i18n import show_number
from app.ui.session import ClerkDay

COLOURS = (QColor("#1565c0"), QColor("#2e7d32"), QColor("#c62828"))


class SummaryChart(QWidget):
    """Grouped bars per clerk, drawn with QPainter (no extra Qt module needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ClerkDay] = []
        self.setMinimumHeight(160)

    def show_rows(self, rows: list[ClerkDay]) -> None:
        self.rows = rows
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        legend = (self.tr("pages"), self.tr("documents"), self.tr("rejections"))
        for i, (name, colour) in enumerate(zip(legend, COLOURS, strict=True)):
            painter.fillRect(QRectF(10 + i * 110, 6, 12, 12), colour)
            painter.drawText(QRectF(26 + i * 110, 2, 90, 20), Qt.AlignmentFlag.AlignLeft, name)
        if not self.rows:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No documents"))
            return
        top, bottom = 28.0, self.height() - 24.0
        peak = max(max(r.pages, r.documents, r.rejections) for r in self.rows) or 1
        group = (self.width() - 20) / len(self.rows)
        bar = min(40.0, group / 4)
        for i, row in enumerate(self.rows):
            x = 10 + i * group + (group - 3 * bar) / 2
            for j, value in enumerate((row.pages, row.documents, row.rejections)):
                height = (bottom - top) * value / peak
                rect = QRectF(x + j * bar, bottom - height, bar - 2, height)
                painter.fillRect(rect, COLOURS[j])
                painter.drawText(QRectF(rect.x() - 10, rect.y() - 16, bar + 20, 14),
                                 Qt.AlignmentFlag.AlignCenter, show_number(value))
            painter.drawText(QRectF(10 + i * group, bottom + 4, group, 18),
                             Qt.AlignmentFlag.AlignCenter, row.clerk)
