"""A typewritten page's doubted trích yếu settled by a clear majority of more readings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from app.extract.layout import Segment
from app.extract.model import (
    DISAGREE,
    NO_YEAR,
    SECOND_MODEL_DIFFERS,
    WEAK_SCORE,
    FieldValue,
)
from app.extract.reread import Rereader
from app.extract.vote import READINGS, vote
from app.ocr.base import Box, OcrResult, Word
from app.ocr.tesseract import TesseractEngine

DPI = 300


def _words(text: str, top: int, conf: float = 96.0, line: int = 1) -> tuple[Word, ...]:
    return tuple(Word(t, (100 + 200 * i, top, 250 + 200 * i, top + 40), conf, line=(0, 0, line))
                 for i, t in enumerate(text.split()))


class _Laid(Rereader):
    """Each line read again as the words laid for its way of reading (scale, thickened,
    second model: READINGS' order), one a column over the line's box; a line whose top is
    not in `laid` is read as it was first."""

    def __init__(self, laid: dict[int, list[str]], first: dict[int, str]) -> None:
        super().__init__(TesseractEngine(lang="vie"), lambda: np.zeros((1, 1), np.uint8), DPI)
        self.laid, self.first = laid, first
        self.asked: list[tuple[float, bool, bool, int]] = []

    def read_many(self, boxes: list[Box], scale: float, thick: bool = False,
                  second: bool = False) -> list[Segment | None] | None:
        way = READINGS.index((scale, thick, second))
        self.lines_read += len(boxes)
        self.asked += [(scale, thick, second, box[1]) for box in boxes]
        return [Segment(_words(self.laid[box[1]][way] if box[1] in self.laid
                               else self.first[box[1]], box[1])) for box in boxes]


def _value(text: str, why: str, unsure: str = "") -> FieldValue:
    """A value offered for `why`, its word `unsure` read with a middling score."""
    words = tuple(replace(w, conf=60.0) if w.text == unsure else w for w in _words(text, 500))
    return FieldValue(text, 0.9, None, words, why)


@pytest.mark.parametrize(("first", "why", "unsure", "readings", "got"), [
    # the tone set beside a circumflex: most readings read "lấy", one "lây" (no compound either)
    ("việc láy ý kiến", DISAGREE, "láy",
     ["việc lấy ý kiến", "việc lấy ý kiến", "việc lấy ý kiến", "việc lây ý kiến",
      "việc lấy ý kiến"], "việc lấy ý kiến"),
    # an unsure word every new reading spells as the first did: confirmed
    ("Kết quả công tác", WEAK_SCORE, "Kết", ["Kết quả công tác"] * 5, "Kết quả công tác"),
    # no majority: "lấy" read by three of six
    ("việc láy ý kiến", DISAGREE, "láy",
     ["việc lấy ý kiến", "việc Lây ý kiến", "việc lấy ý kiến", "việc lây ý kiến",
      "việc lấy ý kiến"], None),
    # a capital in mid-sentence: case is not told by a vote, even by a majority
    ("nộp Lưu vào", SECOND_MODEL_DIFFERS, "",
     ["nộp Lưu vào", "nộp lưu vào", "nộp Lưu vào", "nộp Lưu vào", "nộp Lưu vào"], None),
    # most readings respell a word of a compound into another compound: not taken
    ("hiệp thương giới thiệu", DISAGREE, "",
     ["hiệp thượng giới thiệu"] * 4 + ["hiệp thương giới thiệu"], None),
    # an unsure word most readings spell as it was, no compound, one reading's spelling one
    ("cung cáp hồ sơ", WEAK_SCORE, "cáp",
     ["cung cáp hồ sơ", "cung cấp hồ sơ", "cung cáp hồ sơ", "cung cáp hồ sơ",
      "cung cắp hồ sơ"], None),
    # digits are not voted on (the face's 3 and 5 are read alike by every reading)
    ("năm 2025 tới", WEAK_SCORE, "2025", ["năm 2023 tới"] * 5, None),
])
def test_a_doubted_value_is_settled_by_a_clear_majority(first: str, why: str, unsure: str,
                                                        readings: list[str],
                                                        got: str | None) -> None:
    """Readings laid by hand over the line's box: a word is taken when two thirds of the six
    readings, the first among them, spell it exactly alike and the lexicon bears it out;
    otherwise the value stays offered as it was."""
    value = _value(first, why, unsure)
    voted = vote(value, _Laid({500: readings}, {}))
    if got is None:
        assert voted == value
    else:
        assert (voted.value, voted.why) == (got, "")
        assert [w.text for w in voted.words] == got.split()


def test_only_the_doubted_lines_are_read_more_than_twice() -> None:
    """A two-line value: the line the first two readings read alike, every word sure, is read
    no more; a value no majority can settle any more is read no further."""
    words = _words("việc láy ý", 500) + _words("kiến nhân dân", 560, line=2)
    value = FieldValue(" ".join(w.text for w in words), 0.9, None, words, DISAGREE)
    lines = _Laid({500: ["việc lấy ý"] * 5}, {560: "kiến nhân dân"})
    got = vote(value, lines)
    assert (got.value, got.why) == ("việc lấy ý kiến nhân dân", "")
    assert [top for *_, top in lines.asked].count(560) == 2
    assert [top for *_, top in lines.asked].count(500) == 5
    lines = _Laid({500: ["việc lây ý", "việc Lây ý", "việc láy ý", "việc lẫy ý", "việc lấy ý"]},
                  {560: "kiến nhân dân"})
    assert vote(value, lines) == value
    # after four readings "láy" has 2 of 5 and one reading is left: 4 of 6 out of reach
    assert len([a for a in lines.asked if a[-1] == 500]) == 4


def test_a_value_offered_for_another_doubt_or_on_a_lost_page_is_left_as_it_is() -> None:
    value = _value("năm 2822 tới", NO_YEAR)
    lines = _Laid({500: ["năm 2022 tới"] * 5}, {})
    assert vote(value, lines) == value and lines.lines_read == 0

    def gone() -> np.ndarray:
        raise OSError("the saved page is gone")

    offered = _value("việc láy ý kiến", DISAGREE, "láy")
    assert vote(offered, Rereader(TesseractEngine(lang="vie"), gone, DPI)) == offered


def test_a_line_read_so_before_is_not_read_again() -> None:
    """The product's re-reader keeps what read_many read: the vote asks again for the
    thickened ×2 and second-model ×1 readings agree and second made."""
    page = np.full((200, 800), 255, np.uint8)

    class Engine(TesseractEngine):
        runs = 0

        def read_lines(self, images: Sequence[np.ndarray], dpi: float) -> list[OcrResult]:
            Engine.runs += 1
            return super().read_lines(images, dpi)

    lines = Rereader(Engine(lang="vie"), lambda: page, DPI)
    box = (100, 80, 500, 120)
    first = lines.read_many([box], 2.0, thick=True)
    assert lines.read_many([box], 2.0, thick=True) == first
    assert (Engine.runs, lines.lines_read) == (1, 1)
    lines.read_many([box], 1.5, thick=True)
    assert (Engine.runs, lines.lines_read) == (2, 2)
