"""Split a stack of pages into documents from what was found on each page (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.extract.separator import Separator


@dataclass(frozen=True)
class PageInfo:
    """What separation needs to know about one page of the stack."""

    index: int
    separator: Separator | None = None  # a station separator sheet (QR)
    patch: bool = False  # a Patch-T sheet
    blank: bool = False
    first_page: bool = False  # looks like a document's first page (motto, number, title)


@dataclass(frozen=True)
class DocumentSpan:
    """One document: its pages (stack indexes) and why it starts where it does."""

    pages: tuple[int, ...]
    reason: str  # "start" | "separator" | "patch" | "blank" | "first-page"
    filecode: str | None = None
    number: int | None = None
    proposed: tuple[int, ...] = field(default=())  # pages that look like a new document

    @property
    def doc_code(self) -> str | None:
        if self.filecode is None or self.number is None:
            return None
        return f"{self.filecode}.{self.number:07d}"

    def to_json(self) -> dict[str, Any]:
        return {
            "pages": [p + 1 for p in self.pages],
            "reason": self.reason,
            "filecode": self.filecode,
            "number": self.number,
            "doc_code": self.doc_code,
            "proposed_splits": [p + 1 for p in self.proposed],
        }


def split(
    pages: Sequence[PageInfo], *, on_blank: bool = False, on_first_page: bool = False
) -> list[DocumentSpan]:
    """Cut the stack at separator sheets and Patch-T sheets, which are left out.

    `on_blank`: a blank page also separates (and is left out). `on_first_page`: a page
    that looks like a first page starts a document; otherwise it is only proposed.
    After a QR sheet, the hồ sơ carries on: a document started by a Patch-T sheet or a
    blank page gets the next number of the same hồ sơ. Empty documents are dropped.
    """
    spans: list[DocumentSpan] = []
    current: list[int] = []
    proposed: list[int] = []
    reason, filecode, number = "start", None, None

    def close() -> None:
        if current:
            spans.append(DocumentSpan(tuple(current), reason, filecode, number, tuple(proposed)))

    for page in pages:
        cut = ("separator" if page.separator else "patch" if page.patch
               else "blank" if page.blank and on_blank else None)
        if cut is None and page.first_page and current and on_first_page:
            close()
            current, proposed, reason = [page.index], [], "first-page"
            number = number + 1 if number is not None else None
            continue
        if cut is None:
            if page.first_page and current:
                proposed.append(page.index)
            current.append(page.index)
            continue
        had_pages = bool(current)
        close()
        current, proposed, reason = [], [], cut
        if page.separator is not None:
            filecode, number = page.separator.filecode, page.separator.number
        elif number is not None and had_pages:
            number += 1
    close()
    return spans
