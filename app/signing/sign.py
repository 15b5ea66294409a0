"""Sign one PDF/A: PAdES B-B (B-T with a TSA) as an incremental update with the NĐ 30 box."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import pikepdf
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.signers.pdf_signer import PdfSigningSession

from app.atomic import write_atomically
from app.pdf.validate import validate_pdfa_basics

from .appearance import Appearance, box_size, stamp_style, vietnam_time
from .certs import SigningKey
from .errors import DocumentRejected
from .placement import Placement, Rect, place_box
from .verify import check_signed_bytes

FIELD_PREFIX = "SaoY"
# Room kept for the CMS container. Fixed sizes spare pyHanko a trial signature per document
# (a third of the batch time); a chain of a few 2-kB certificates plus a timestamp token fits.
RESERVED = 16384
RESERVED_WITH_TSA = 32768


@dataclass(frozen=True)
class SignOptions:
    """How documents are signed."""

    appearance: Appearance
    tsa_url: str | None = None  # B-T when set, B-B otherwise


@dataclass(frozen=True)
class SignedDocument:
    """A document signed and written."""

    source: Path
    output: Path
    field_name: str
    signed_at: datetime.datetime
    placement: Placement
    timestamped: bool


class _TimedPdfSigner(signers.PdfSigner):
    """A PdfSigner whose session time (CMS signing time and box text) is ours, in +07:00."""

    def __init__(self, *args: object, system_time: datetime.datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._system_time = system_time

    def init_signing_session(
        self, pdf_out: BasePdfFileWriter, existing_fields_only: bool = False
    ) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._system_time
        return session


def _check_pdfa(source: Path) -> None:
    problems = validate_pdfa_basics(source)
    if problems:
        raise DocumentRejected(
            f"{source.name} is not a PDF/A-2 file ({problems[0]}); it was not signed.",
            f"{source.name} không phải tệp PDF/A-2 ({problems[0]}); tệp không được ký.",
            hint="Make a PDF/A copy first with `scanstation convert`, then sign that copy.",
            code="signing.not_pdfa", params={"name": source.name},
        )


def _page_one_annotations(source: Path) -> list[Rect]:
    """The boxes of page 1's annotations (earlier signatures), which the new box must avoid."""
    rects: list[Rect] = []
    with pikepdf.open(source) as pdf:
        annots = pdf.pages[0].obj.get("/Annots")
        for annot in annots if isinstance(annots, pikepdf.Array) else []:
            x0, y0, x1, y1 = (float(v) for v in annot.get("/Rect", [0, 0, 0, 0]))
            rects.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return rects


def _field_name(data: bytes) -> str:
    reader = PdfFileReader(BytesIO(data), strict=False)
    taken = {name for name, _, _ in fields.enumerate_sig_fields(reader)}
    number = 1
    while f"{FIELD_PREFIX}{number}" in taken:
        number += 1
    return f"{FIELD_PREFIX}{number}"


def write_bytes(output: Path, data: bytes) -> None:
    """Write `data` to `output` atomically (OutputError if it cannot)."""

    def save(handle: BinaryIO) -> None:
        handle.write(data)

    write_atomically(output, save)


def sign_document(
    key: SigningKey,
    source: Path,
    output: Path,
    options: SignOptions,
    *,
    timestamper: timestamps.TimeStamper | None = None,
) -> SignedDocument:
    """Sign `source` into `output`; `output` is written only once the new signature verifies.

    Raises DocumentRejected for a file that is not PDF/A-2 or has no free place for the box,
    and lets token errors through (the batch decides what they mean).
    """
    _check_pdfa(source)
    try:
        data = source.read_bytes()
    except OSError as err:
        raise DocumentRejected(
            f"Cannot read {source}: {err.strerror}", f"Không đọc được tệp {source}",
            code="signing.unreadable", params={"path": str(source)},
        ) from err
    when = vietnam_time()
    appearance = options.appearance
    placement = place_box(source, box_size(appearance, when), avoid=_page_one_annotations(source))
    if placement is None:
        raise DocumentRejected(
            f"Page 1 of {source.name} has no free place for the signature box.",
            f"Trang 1 của {source.name} không còn chỗ trống để đặt ô chữ ký.",
            hint="Check the scan: page 1 seems covered edge to edge.",
            code="signing.no_room", params={"name": source.name},
        )
    name = _field_name(data)
    if timestamper is None and options.tsa_url:
        timestamper = timestamps.HTTPTimeStamper(options.tsa_url)
    pdf_signer = _TimedPdfSigner(
        signers.PdfSignatureMetadata(
            field_name=name,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            location=None,
        ),
        signer=key.signer,
        timestamper=timestamper,
        stamp_style=stamp_style(appearance, placement.factor),
        new_field_spec=fields.SigFieldSpec(
            name,
            on_page=0,
            box=tuple(round(v, 2) for v in placement.rect),  # type: ignore[arg-type]
        ),
        system_time=when,
    )
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    out = BytesIO()
    pdf_signer.sign_pdf(
        writer,
        output=out,
        bytes_reserved=RESERVED_WITH_TSA if timestamper is not None else RESERVED,
        appearance_text_params={"org": appearance.organisation},
    )
    signed = out.getvalue()
    check_signed_bytes(signed, name)
    write_bytes(output, signed)
    return SignedDocument(source, output, name, when, placement, timestamper is not None)
