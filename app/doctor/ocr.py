"""Tesseract: present, new enough, with the Vietnamese models and the lexicon for its marks."""

from __future__ import annotations

from app.errors import DependencyError
from app.ocr.lexicon import HUNSPELL_PACKAGE, load
from app.ocr.tesseract import (
    MIN_VERSION,
    SECOND_MODEL,
    debian_package,
    installed_languages,
    tesseract_version,
)

from .context import Context
from .result import Result, Status, Text, install_fix

TITLE = Text("Nhận dạng chữ (Tesseract OCR)", "Text recognition (Tesseract OCR)")
LANG = "vie"
_WINDOWS = (
    "Cài lại phần mềm trạm số hóa: bộ cài có sẵn Tesseract và mô hình tiếng Việt.",
    "Reinstall the scanning station: its installer ships Tesseract and the Vietnamese model.",
)


def check(ctx: Context) -> Result:
    """FAIL without Tesseract ≥ 4.1, without `vie` or without the second model (SECOND_MODEL);
    OK names the version and languages.

    The Vietnamese models are `vie` and the script model that reads typewritten lines again.
    """
    try:
        major, minor = tesseract_version()
        languages = installed_languages()
    except DependencyError as err:
        need = f"{MIN_VERSION[0]}.{MIN_VERSION[1]}"
        return Result(
            "tesseract",
            Status.FAIL,
            TITLE,
            Text(
                f"Không chạy được Tesseract OCR, hoặc phiên bản cũ hơn {need}: "
                "trạm không đọc được chữ trên trang quét.",
                f"{err.message} Without it the station cannot read scanned pages.",
            ),
            install_fix(f"tesseract-ocr {debian_package(LANG)}", *_WINDOWS),
        )
    listed = ", ".join(sorted(languages))
    if LANG not in languages:
        return Result(
            "tesseract",
            Status.FAIL,
            TITLE,
            Text(
                f"Tesseract {major}.{minor} chưa có mô hình tiếng Việt (vie); "
                f"chỉ có: {listed or 'không có'}.",
                f"Tesseract {major}.{minor} has no Vietnamese model (vie); "
                f"it has: {listed or 'none'}.",
            ),
            install_fix(debian_package(LANG), *_WINDOWS),
        )
    if SECOND_MODEL not in languages:
        return Result(
            "tesseract",
            Status.FAIL,
            TITLE,
            Text(
                f"Tesseract {major}.{minor} chưa có mô hình chữ viết tiếng Việt "
                f"({SECOND_MODEL}), mô hình thứ hai đọc lại các dòng của trang đánh máy; "
                f"chỉ có: {listed}.",
                f"Tesseract {major}.{minor} has no Vietnamese script model ({SECOND_MODEL}), "
                f"the second model that reads the lines of typewritten pages again; "
                f"it has: {listed}.",
            ),
            install_fix(debian_package(SECOND_MODEL), *_WINDOWS),
        )
    if load() is None:
        return Result(
            "tesseract",
            Status.WARN,
            TITLE,
            Text(
                f"Tesseract {major}.{minor} có mô hình tiếng Việt nhưng thiếu từ điển âm tiết "
                f"({HUNSPELL_PACKAGE}): chữ vẫn được nhận dạng, nhưng dấu thanh không được "
                "chọn lại theo từ điển nên sai dấu nhiều hơn.",
                f"Tesseract {major}.{minor} has the Vietnamese model but not the syllable "
                f"lexicon ({HUNSPELL_PACKAGE}): pages are still read, but diacritics are not "
                "re-checked against the lexicon, so more of them come out wrong.",
            ),
            install_fix(HUNSPELL_PACKAGE, *_WINDOWS),
        )
    return Result(
        "tesseract",
        Status.OK,
        TITLE,
        Text(
            f"Tesseract {major}.{minor}, có hai mô hình tiếng Việt ({LANG} và {SECOND_MODEL}) "
            f"và từ điển dấu thanh; các ngôn ngữ: {listed}.",
            f"Tesseract {major}.{minor} with both Vietnamese models ({LANG} and {SECOND_MODEL}) "
            f"and the diacritics lexicon; languages: {listed}.",
        ),
    )
