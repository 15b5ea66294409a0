"""Document metadata written twice, consistently: the Info dictionary and PDF/A XMP."""

from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass

import pikepdf

VIETNAM_TZ = datetime.timezone(datetime.timedelta(hours=7))


@dataclass(frozen=True)
class DocumentInfo:
    """What the archive record says about the document; text is NFC-normalised on write."""

    title: str
    language: str = "vi"  # BCP 47, for /Lang and dc:language
    author: str = ""
    subject: str = ""
    keywords: str = ""
    created: datetime.datetime | None = None  # None: now; naive times are taken as +07:00
    producer: str = "Scanstation"


def _aware(moment: datetime.datetime | None) -> datetime.datetime:
    moment = moment or datetime.datetime.now(VIETNAM_TZ)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM_TZ)
    return moment.replace(microsecond=0)


def _pdf_date(moment: datetime.datetime) -> str:
    offset = moment.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{mins:02d}'"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def write_metadata(pdf: pikepdf.Pdf, info: DocumentInfo) -> None:
    """Set /Lang, the Info dictionary and the XMP packet (PDF/A-2B identification) of `pdf`."""
    created = _aware(info.created)
    title, author = _nfc(info.title), _nfc(info.author)
    subject, keywords, producer = _nfc(info.subject), _nfc(info.keywords), _nfc(info.producer)
    pdf.Root.Lang = pikepdf.String(info.language)
    docinfo = pikepdf.Dictionary(
        Title=pikepdf.String(title),
        Producer=pikepdf.String(producer),
        CreationDate=pikepdf.String(_pdf_date(created)),
        ModDate=pikepdf.String(_pdf_date(created)),
    )
    if author:
        docinfo.Author = pikepdf.String(author)
    if subject:
        docinfo.Subject = pikepdf.String(subject)
    if keywords:
        docinfo.Keywords = pikepdf.String(keywords)
    pdf.trailer.Info = pdf.make_indirect(docinfo)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        xmp["pdfaid:part"] = "2"
        xmp["pdfaid:conformance"] = "B"
        xmp["dc:title"] = title
        xmp["dc:language"] = [info.language]
        xmp["dc:format"] = "application/pdf"
        xmp["pdf:Producer"] = producer
        for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            xmp[key] = created.isoformat()
        if author:
            xmp["dc:creator"] = [author]
        if subject:
            xmp["dc:description"] = subject
        if keywords:
            xmp["pdf:Keywords"] = keywords
