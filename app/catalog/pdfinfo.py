"""What the catalog reads from a PDF it is given: that it is not encrypted, and its pages' text."""

from __future__ import annotations

from pathlib import Path

import pypdfium2

from app.errors import InputError

NOT_ENCRYPTED = -1  # FPDF_GetSecurityHandlerRevision of a document without encryption


def _encrypted(path: Path) -> InputError:
    """PDF/A forbids encryption, even an owner password that only restricts printing or
    copying, so the station files no encrypted PDF."""
    return InputError(
        f"Tệp {path.name} được mã hóa (có mật khẩu hoặc hạn chế quyền); PDF/A không cho phép "
        "mã hóa nên trạm không lưu tệp này. / The PDF is encrypted (a password or permission "
        "restrictions); PDF/A forbids encryption, so it was not filed.",
        hint="Xin nơi gửi bản không mã hóa, hoặc — nếu được phép — gỡ hạn chế: "
        "qpdf --decrypt VAO.pdf RA.pdf rồi thêm RA.pdf. / Ask for an unencrypted copy or, if "
        "you are entitled to, remove the restriction with qpdf --decrypt and add that copy.",
    )


def page_texts(path: Path) -> list[str]:
    """The text layer of every page ("" for image-only pages); InputError if unreadable or
    encrypted (every PDF from outside passes here before it is filed)."""
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, OSError) as err:
        if getattr(err, "err_code", None) == pypdfium2.raw.FPDF_ERR_PASSWORD:
            raise _encrypted(path) from err
        raise InputError(
            f"{path} is not a readable PDF: {err}", hint="Choose the PDF/A the station wrote.",
            code="pdf.unreadable", params={"path": str(path)},
        ) from err
    try:
        if pypdfium2.raw.FPDF_GetSecurityHandlerRevision(pdf.raw) != NOT_ENCRYPTED:
            raise _encrypted(path)
        texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()
