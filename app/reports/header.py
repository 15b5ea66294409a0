"""What heads and closes an administrative report: issuer, number, place, date, signer."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Header:
    """The report's letterhead and signer block (Nghị định 30/2020 layout)."""

    issuer: str  # the organisation that reports, e.g. "Ủy ban MTTQ Việt Nam tỉnh …"
    number: str = ""  # "12/BC-MTTQ"; blank leaves room to write it by hand
    place: str = ""
    signer_title: str = "NGƯỜI LẬP BÁO CÁO"
    signer_name: str = ""

    def number_line(self) -> str:
        return f"Số: {self.number}" if self.number else "Số:        /BC"

    def date_line(self, when: datetime.date) -> str:
        where = f"{self.place}, " if self.place else ""
        return f"{where}ngày {when.day:02d} tháng {when.month:02d} năm {when.year}"
