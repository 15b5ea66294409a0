"""Blobs in S3-compatible object storage (SeaweedFS, MinIO, Ceph RGW, AWS) through boto3."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config as BotoConfig
from botocore.exceptions import ClientError

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

MiB = 1 << 20
PART = 8 * MiB  # multipart threshold and part size for blobs (S3's minimum part is 5 MiB)
SPOOL_IN_MEMORY = 8 * MiB  # a read blob larger than this is spooled to a temp file


@dataclass(frozen=True)
class S3Settings:
    """Where the objects live; credentials come from the environment (AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY, or any source boto3 reads), never from server.toml."""

    endpoint: str
    bucket: str
    region: str = "us-east-1"
    prefix: str = ""  # e.g. "scanstation/" to share a bucket


def client(settings: S3Settings) -> S3Client:
    """A thread-safe S3 client with bounded retries (standard mode: backs off, retries 5xx,
    throttling and dropped connections) and a connection pool for the server's threads."""
    session = boto3.session.Session()
    made: S3Client = session.client(
        "s3",
        endpoint_url=settings.endpoint,
        region_name=settings.region,
        config=BotoConfig(
            retries={"max_attempts": 3, "mode": "standard"},
            max_pool_connections=64,
            connect_timeout=5,
            read_timeout=60,
            s3={"addressing_style": "path"},
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        ),
    )
    return made


def missing(err: ClientError) -> bool:
    """Whether an S3 error means the key (or the upload) does not exist."""
    code = str(err.response.get("Error", {}).get("Code", ""))
    return code in ("404", "NoSuchKey", "NotFound", "NoSuchUpload")


class S3Store:
    """Blobs named `<prefix>blobs/ab/cd/<sha256>`, each written once under its name by one
    PutObject (multipart above 8 MiB, completed only when every part is in): a reader never
    sees a half-written blob, and a crash mid-write leaves only an incomplete multipart
    upload (the bucket's lifecycle rule aborts those; see docs/server.md)."""

    def __init__(self, settings: S3Settings, s3: S3Client | None = None) -> None:
        self.settings = settings
        self.s3 = s3 or client(settings)
        self.bucket = settings.bucket
        self.transfer = TransferConfig(
            multipart_threshold=PART, multipart_chunksize=PART, use_threads=False
        )

    def key(self, sha256: str) -> str:
        return f"{self.settings.prefix}blobs/{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def ensure_bucket(self) -> None:
        """Create the bucket when it does not exist (the demo and the tests; production
        buckets are made by the storage admin)."""
        try:
            self.s3.head_bucket(Bucket=self.bucket)
        except ClientError as err:
            if not missing(err):
                raise
            self.s3.create_bucket(Bucket=self.bucket)

    def put_file(self, path: os.PathLike[str], sha256: str) -> None:
        """Store a file whose SHA-256 the caller has just verified, straight under its name:
        below PART one PutObject, whether or not the blob is there already (asking first
        would cost a request as dear as the PUT of a page: each boto3 request costs ~1.5–3 ms
        of CPU, the bytes on a local network far less), without s3transfer's machinery (as
        dear again); from PART up, a HeadObject first, then a multipart upload if needed."""
        local = Path(path)
        if local.stat().st_size >= PART:
            if not self.exists(sha256):
                self.s3.upload_file(str(local), self.bucket, self.key(sha256), Config=self.transfer)
            return
        with local.open("rb") as handle:
            self.s3.put_object(Bucket=self.bucket, Key=self.key(sha256), Body=handle)

    def get(self, sha256: str) -> BinaryIO:
        out = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 (returned)
        try:
            self.s3.download_fileobj(self.bucket, self.key(sha256), out, Config=self.transfer)
        except ClientError as err:
            out.close()
            if missing(err):
                raise KeyError(sha256) from None
            raise
        out.seek(0)
        return out  # type: ignore[return-value]

    def exists(self, sha256: str) -> bool:
        try:
            self.s3.head_object(Bucket=self.bucket, Key=self.key(sha256))
        except ClientError as err:
            if missing(err):
                return False
            raise
        return True
