"""Backup benchmark: a 10,000-document catalog, 100 new documents, then the incremental backup."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import pikepdf

from app.backup import medium
from app.backup.restore import restore
from app.backup.verify import verify
from app.backup.write import backup
from app.catalog import Catalog
from app.catalog.db import DB_NAME
from app.content_store import blob_path
from bench.catalog import generate

PASSPHRASE = "cụm mật khẩu sao lưu dùng để đo"
FIXED_S = 10.0  # the incremental backup's allowance besides copying the new bytes
VERIFY_MB_S = 200.0
MB = 1_000_000


def _fill_store(folder: Path, doc_bytes: int, seed: int) -> int:
    """Give every generated document a real file of `doc_bytes` random bytes; bytes written.

    bench.catalog.generate writes rows only; here each blob row is renamed to the SHA-256 of
    a real file put in the store, so fsck, backup and restore see a true catalog.
    """
    rng = random.Random(seed)
    store = folder / "store"
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute("PRAGMA foreign_keys = OFF")
    renames = []
    total = 0
    for (old,) in conn.execute("SELECT sha256 FROM blob").fetchall():
        data = rng.randbytes(doc_bytes)
        sha = hashlib.sha256(data).hexdigest()
        path = blob_path(store, sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        path.chmod(0o444)
        renames.append((sha, len(data), old))
        total += len(data)
    with conn:
        conn.executemany("UPDATE file SET sha256 = ? WHERE sha256 = ?",
                         [(sha, old) for sha, _, old in renames])
        conn.executemany("UPDATE blob SET sha256 = ?, size = ? WHERE sha256 = ?", renames)
    conn.close()
    return total


def _pdfs(work: Path, count: int, size: int) -> list[Path]:
    """`count` one-page PDFs each holding `size` random bytes as its image (a scan's JPEG)."""
    work.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        pdf = pikepdf.new()
        page = pdf.add_blank_page()
        image = pikepdf.Stream(pdf, os.urandom(size))
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width, image.Height, image.BitsPerComponent = 1654, 2339, 8
        image.ColorSpace, image.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.DCTDecode
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.Contents = pdf.make_stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q")
        path = work / f"{index}.pdf"
        pdf.save(path)
        paths.append(path)
    return paths


def _disk_write_mb_s(folder: Path, size: int = 200 * MB) -> float:
    """Sequential write speed to `folder` (1 MiB writes, fsync at the end)."""
    path = folder / "speed.tmp"
    block = os.urandom(1 << 20)
    started = time.perf_counter()
    with path.open("wb") as out:
        for _ in range(size // len(block)):
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    seconds = time.perf_counter() - started
    path.unlink()
    return size / seconds / MB


def _evict(folder: Path) -> None:
    """Drop the backup's files from the page cache (only these files), for a cold read."""
    for path in folder.rglob("*"):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def main(out: Path) -> dict[str, Any]:
    """Run the backup benchmark in `out`; print and return its figures.

    The catalog holds real files; the figures are the incremental backup time against disk speed,
    verify throughput (hot and cold) and restore.
    """
    count = int(os.environ.get("BENCH_BACKUP_DOCS", "10000"))
    doc_bytes = int(os.environ.get("BENCH_BACKUP_DOC_BYTES", "100000"))
    new_docs, new_size = 100, 1_000_000
    shutil.rmtree(out, ignore_errors=True)
    folder, drive = out / "catalog", out / "drive"
    drive.mkdir(parents=True)
    figures: dict[str, Any] = {"documents": count, "bytes_per_existing_doc": doc_bytes}
    started = time.perf_counter()
    generate(folder, count)
    figures["store_bytes"] = _fill_store(folder, doc_bytes, seed=7)
    figures["generate_s"] = time.perf_counter() - started
    with Catalog.open(folder) as catalog:
        started = time.perf_counter()
        full = backup(catalog, drive, PASSPHRASE)
        figures["full_backup_s"] = time.perf_counter() - started
        figures["full_backup_bytes"] = full.new_bytes
        hoso = catalog.list_hoso()[0].file_code
        meta = {"typeName": "10", "issuedDate": "05/01/2024", "subject": "Kế hoạch số hóa",
                "organName": "Ủy ban MTTQ Việt Nam quận Ba Đình"}
        for path in _pdfs(out / "pdfs", new_docs, new_size):
            catalog.add_document(path, meta, "lan", hoso=hoso, page_texts=["Kế hoạch số hóa"])
        started = time.perf_counter()
        step = backup(catalog, drive, PASSPHRASE)
        figures["incremental_backup_s"] = time.perf_counter() - started
    figures["incremental_new_files"] = step.new_files
    figures["incremental_new_bytes"] = step.new_bytes
    figures["disk_write_mb_s"] = _disk_write_mb_s(drive)
    figures["incremental_target_s"] = FIXED_S + step.new_bytes / MB / figures["disk_write_mb_s"]
    hot = verify(drive, PASSPHRASE)
    figures["verify_hot_mb_s"] = hot.bytes / hot.seconds / MB
    _evict(drive / medium.ROOT)
    cold = verify(drive, PASSPHRASE)
    figures["verify_cold_mb_s"] = cold.bytes / cold.seconds / MB
    figures["verify_cpu_mb_s"] = cold.bytes / cold.cpu_seconds / MB  # per second of CPU given
    figures["load_average_1min"] = os.getloadavg()[0]  # the machine is shared: see the load
    figures["verify_bytes"] = cold.bytes
    assert hot.ok and cold.ok
    started = time.perf_counter()
    restore(drive, out / "restored", PASSPHRASE)
    figures["restore_s"] = time.perf_counter() - started
    targets = {
        "incremental_backup_s": ("<", figures["incremental_target_s"]),
        "verify_cold_mb_s": (">=", VERIFY_MB_S),
    }
    for name, value in figures.items():
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        goal = targets.get(name)
        print(f"backup {name:24} {shown:>14}" + (f"   target {goal[0]} {goal[1]:.1f}" if goal
                                                  else ""))
    (out / "backup.json").write_text(json.dumps(figures, indent=1))
    for bulky in (folder, drive, out / "restored", out / "pdfs"):
        shutil.rmtree(bulky, ignore_errors=True)
    return figures
