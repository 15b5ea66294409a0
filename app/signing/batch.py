"""Sign many documents in one token session: per-document results, progress, cancellation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from pyhanko.sign import timestamps

from app.errors import StationError

from .certs import SigningKey
from .errors import TokenRemoved, vietnamese
from .sign import SignedDocument, SignOptions, sign_document
from .token import GONE

Status = Literal["signed", "failed", "untouched"]


@dataclass(frozen=True)
class DocumentResult:
    """What happened to one document; `message_vi` is what the desk shows."""

    source: Path
    output: Path
    status: Status
    message: str = ""
    message_vi: str = ""
    signed: SignedDocument | None = None
    error: Exception | None = None  # the failure, for a desk that words it from its code


@dataclass(frozen=True)
class BatchResult:
    """Every document's result, and why the batch stopped early (if it did)."""

    results: tuple[DocumentResult, ...]
    stopped: str = ""
    stopped_vi: str = ""

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)


class BatchProgress(Protocol):
    """Told after each document (from the signing thread)."""

    def document_done(self, index: int, total: int, result: DocumentResult) -> None: ...


class CancelFlag(Protocol):
    """Anything with `is_set()`, e.g. threading.Event; checked between documents."""

    def is_set(self) -> bool: ...


def output_for(source: Path, out_dir: Path | None, *, in_place: bool = False) -> Path:
    """Where the signed copy of `source` goes; never the input itself unless `in_place`."""
    if in_place:
        return source
    target = (out_dir or source.parent) / source.name
    if target.resolve() == source.resolve():
        return source.with_name(f"{source.stem}.signed{source.suffix}")
    return target


def _token_gone(err: BaseException) -> bool:
    seen: BaseException | None = err
    while seen is not None:
        if isinstance(seen, (TokenRemoved, *GONE)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def sign_batch(
    sources: Sequence[Path],
    key: SigningKey,
    options: SignOptions,
    *,
    out_dir: Path | None = None,
    in_place: bool = False,
    progress: BatchProgress | None = None,
    cancel: CancelFlag | None = None,
) -> BatchResult:
    """Sign `sources` one by one with `key` (already open: one PIN entry for the batch).

    A failed document does not stop the others. A token that goes away stops the batch:
    documents signed so far are kept, the rest are left untouched and reported so.
    """
    timestamper = timestamps.HTTPTimeStamper(options.tsa_url) if options.tsa_url else None
    results: list[DocumentResult] = []
    stopped = stopped_vi = ""
    total = len(sources)
    for index, source in enumerate(sources):
        output = output_for(source, out_dir, in_place=in_place)
        if stopped:
            result = DocumentResult(source, output, "untouched", stopped, stopped_vi)
        elif cancel is not None and cancel.is_set():
            stopped, stopped_vi = "cancelled by the user", "người dùng đã hủy"
            result = DocumentResult(source, output, "untouched", stopped, stopped_vi)
        else:
            try:
                signed = sign_document(key, source, output, options, timestamper=timestamper)
                result = DocumentResult(source, output, "signed", signed=signed)
            except Exception as err:  # one document's failure must not spoil the batch
                if _token_gone(err):
                    stopped = "the token was removed or its session ended"
                    stopped_vi = "token đã bị rút ra hoặc phiên làm việc đã kết thúc"
                    result = DocumentResult(source, output, "failed", stopped, stopped_vi)
                else:
                    message = (
                        str(err)
                        if isinstance(err, StationError)
                        else f"{type(err).__name__}: {err}"
                    )
                    result = DocumentResult(source, output, "failed", message, vietnamese(err),
                                            error=err)
        results.append(result)
        if progress is not None:
            progress.document_done(index, total, result)
    return BatchResult(tuple(results), stopped, stopped_vi)
