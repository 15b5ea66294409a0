"""The storage a server process uses, from its configuration: a local folder, or S3."""

from __future__ import annotations

from .config import Config
from .db import Pool
from .storage import BlobStore, FileStore
from .uploads import Spool, UploadSpool


def storage(config: Config, pool: Pool) -> tuple[BlobStore, UploadSpool]:
    """The blob store and the upload spool. With `[storage] kind = "s3"` both live in the
    bucket (partial uploads as multipart uploads, their offsets in PostgreSQL) and
    `[storage] path` is only this process's work folder; otherwise both are under `path`."""
    if config.s3 is None:
        return FileStore(config.storage / "blobs"), Spool(config.storage / "uploads")
    from .s3spool import S3Spool
    from .s3store import S3Store

    store = S3Store(config.s3)
    return store, S3Spool(store, pool, config.storage / "work")
