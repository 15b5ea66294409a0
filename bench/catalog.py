"""Catalog benchmark: search latency over many synthetic documents, add time, bytes per document."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import statistics
import time
import uuid
from pathlib import Path
from typing import Any

import pikepdf

from app.catalog import Catalog, SearchFilters
from app.catalog.audit import GENESIS, HEAD_KEY, entry_hash
from app.catalog.models import AuditEntry, Role
from app.catalog.search import index_texts
from app.catalog.text import fold

TARGETS = {"search_p95_ms": 50.0, "add_median_ms": 20.0, "bytes_per_doc": 2048.0}
_CORPUS = (
    "công tác mặt trận tổ quốc việt nam ủy ban quận huyện phường xã thị trấn nhân dân hội đồng "
    "kế hoạch báo cáo quyết định thông báo hướng dẫn chương trình đề án tờ trình biên bản "
    "số hóa tài liệu lưu trữ hồ sơ văn bản chỉ thị nghị quyết đảng bộ chi bộ đoàn thanh niên "
    "phụ nữ cựu chiến binh nông dân công đoàn người cao tuổi khuyến học dân tộc tôn giáo "
    "đại đoàn kết toàn dân xây dựng đời sống văn hóa khu dân cư nông thôn mới đô thị văn minh "
    "giám sát phản biện xã hội góp ý tiếp công dân khiếu nại tố cáo hòa giải cơ sở an sinh "
    "quỹ vì người nghèo nhà đại đoàn kết cứu trợ thiên tai bão lũ dịch bệnh chăm lo tết "
    "bầu cử đại biểu quốc hội hội nghị đại hội nhiệm kỳ ban thường trực chủ tịch phó thư ký "
    "năm tháng quý sáu đầu cuối tổng kết sơ kết thi đua khen thưởng kỷ luật cán bộ công chức "
    "chuyển đổi số ứng dụng công nghệ thông tin cải cách hành chính phòng chống tham nhũng "
    "lãng phí tiết kiệm ngân sách kinh phí tài chính kiểm tra thanh tra đánh giá kết quả "
    "triển khai thực hiện tuyên truyền vận động phong trào cuộc toàn thể nhân dân đoàn viên "
    "hội viên thành viên tổ chức chính trị xã hội nghề nghiệp mối quan hệ phối hợp liên tịch "
    "môi trường rác thải nước sạch giao thông trật tự an toàn an ninh quốc phòng biển đảo "
    "giáo dục y tế bảo hiểm việc làm lao động thu nhập hộ nghèo cận nghèo gia đình trẻ em"
)
SYLLABLES = tuple(_CORPUS.split())
TYPES = ("01", "02", "07", "08", "10", "14", "15", "20", "22", "26")
STATES = ("scanned", "indexed", "approved", "signed", "synced")


def _text(rng: random.Random, weights: list[float], words: int) -> list[int]:
    return rng.choices(range(len(SYLLABLES)), weights=weights, k=words)


def generate(folder: Path, count: int, seed: int = 7) -> int:
    """Fill a fresh catalog with `count` synthetic documents in one transaction; OCR bytes."""
    with Catalog.open(folder) as catalog:
        catalog.init_organisation("Ủy ban MTTQ Việt Nam quận Ba Đình", "000.00.00.G09")
        catalog.add_user("admin", [Role.ADMIN], "bench-password")
        catalog.add_user("lan", [Role.CLERK], "bench-password", by="admin")
        hoso_meta = {
            "title": "Hồ sơ",
            "maintenance": "01",
            "mode": "01",
            "language": ["01"],
            "startDate": "2020",
            "endDate": "2024",
            "paperFileCode": "H49.1.1",
        }
        hoso = [catalog.create_hoso(hoso_meta, "lan").file_code for _ in range(50)]
        db = catalog.db
        rng = random.Random(seed)
        weights = [1.0 / (rank + 8) for rank in range(len(SYLLABLES))]  # Zipf-like
        clerk_id = db.execute_sql("SELECT id FROM user WHERE name = 'lan'").fetchone()[0]
        hoso_ids = [r[0] for r in db.execute_sql("SELECT id FROM hoso ORDER BY id").fetchall()]
        head = db.execute_sql("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()[0]
        seq, prev = int(head.split(":")[0]), head.split(":")[1]
        ocr_bytes = 0
        now = "2025-07-01T09:00:00+07:00"
        with db.atomic():
            for start in range(0, count, 10_000):
                docs, files, blobs, pages, fts, audits = [], [], [], [], [], []
                for doc_id in range(start + 1, min(count, start + 10_000) + 1):
                    hoso_index = doc_id % len(hoso)
                    number = doc_id // len(hoso) + 1
                    code = f"{hoso[hoso_index]}.{number:07d}"
                    subject_words = _text(rng, weights, 12)
                    page_words = _text(rng, weights, 60)
                    subject = " ".join(SYLLABLES[i] for i in subject_words).capitalize()
                    page = " ".join(SYLLABLES[i] for i in page_words)
                    ocr_bytes += len(page.encode("utf-8"))
                    year, month, day = (
                        rng.randint(2015, 2024),
                        rng.randint(1, 12),
                        rng.randint(1, 28),
                    )
                    issued = f"{year}-{month:02d}-{day:02d}"
                    kind = rng.choice(TYPES)
                    meta = {
                        "typeName": kind,
                        "codeNumber": str(rng.randint(1, 999)),
                        "codeNotation": "KH-MTTQ",
                        "issuedDate": issued,
                        "organName": "Ủy ban MTTQ Việt Nam quận Ba Đình",
                        "subject": subject,
                        "language": ["01"],
                        "maintenance": "01",
                        "mode": "01",
                        "confidenceLevel": "02",
                        "docCode": code,
                    }
                    doc_uuid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                    sha = hashlib.sha256(doc_uuid.encode()).hexdigest()
                    docs.append(
                        (
                            doc_id,
                            doc_uuid,
                            hoso_ids[hoso_index],
                            number,
                            code,
                            json.dumps(meta, ensure_ascii=False, separators=(",", ":")),
                            kind,
                            issued,
                            rng.choice(STATES),
                            "",
                            0,
                            clerk_id,
                            1,
                            now,
                            now,
                        )
                    )
                    blobs.append((sha, 1_000_000, now))
                    files.append((doc_id, 1, sha, "scan", now))
                    pages.append((doc_id, 1, page))
                    fts.append((doc_id, index_texts(meta, [page])))  # as add_document
                    seq += 1
                    entry = AuditEntry(
                        seq,
                        now,
                        "lan",
                        "create",
                        "document",
                        doc_uuid,
                        {"doc_code": code, "sha256": sha, "hoso": hoso[hoso_index]},
                        prev,
                    )
                    prev = entry_hash(entry)
                    audits.append(
                        (
                            seq,
                            now,
                            "lan",
                            "create",
                            "document",
                            doc_uuid,
                            json.dumps(entry.data, sort_keys=True, separators=(",", ":")),
                            entry.prev_hash,
                            prev,
                        )
                    )
                cursor = db.cursor()
                cursor.executemany(
                    "INSERT INTO document VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?,?)", docs
                )
                cursor.executemany("INSERT INTO blob VALUES (?,?,?)", blobs)
                cursor.executemany(
                    "INSERT INTO file (document_id, version, sha256, kind, created_at) "
                    "VALUES (?,?,?,?,?)",
                    files,
                )
                cursor.executemany("INSERT INTO page VALUES (?,?,?)", pages)
                cursor.executemany("INSERT INTO doc_fts(rowid, terms) VALUES (?,?)", fts)
                cursor.executemany("INSERT INTO audit VALUES (?,?,?,?,?,?,?,?,?)", audits)
            db.execute_sql(
                "UPDATE hoso SET next_number = (SELECT COALESCE(MAX(number), 0) + 1 FROM document "
                "WHERE hoso_id = hoso.id)"
            )
            db.execute_sql("UPDATE meta SET value = ? WHERE key = ?", (f"{seq}:{prev}", HEAD_KEY))
            assert prev != GENESIS
        db.execute_sql("INSERT INTO doc_fts(doc_fts) VALUES ('optimize')")
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return ocr_bytes


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure_search(folder: Path, queries: int = 200, seed: int = 11) -> dict[str, float]:
    """Latency of two-word queries (taken from real document text) with one filter."""
    rng = random.Random(seed)
    times = []
    hits = 0
    with Catalog.open(folder) as catalog:
        count = catalog.db.execute_sql("SELECT max(id) FROM document").fetchone()[0]
        for _ in range(queries):
            text = (
                catalog.db.execute_sql(
                    "SELECT text FROM page WHERE document_id = ?", (rng.randint(1, count),)
                )
                .fetchone()[0]
                .split()
            )
            at = rng.randrange(len(text) - 1)
            query = (
                fold(f"{text[at]} {text[at + 1]}")
                if rng.random() < 0.5
                else f"{text[at]} {text[at + 1]}"
            )
            year = rng.randint(2015, 2024)
            filters = rng.choice(
                [
                    SearchFilters(type_name=rng.choice(TYPES)),
                    SearchFilters(date_from=f"{year}-01-01", date_to=f"{year}-12-31"),
                    SearchFilters(state=rng.choice(STATES)),  # type: ignore[arg-type]
                ]
            )
            started = time.perf_counter()
            hits += len(catalog.search(query, filters, limit=20))
            times.append((time.perf_counter() - started) * 1000)
    return {
        "search_p50_ms": _pct(times, 0.5),
        "search_p95_ms": _pct(times, 0.95),
        "search_mean_hits": hits / queries,
    }


def measure_add(folder: Path, work: Path, adds: int = 100) -> dict[str, float]:
    """Add latency for metadata + a 1 MB PDF (the PDFs are built before timing)."""
    work.mkdir(parents=True, exist_ok=True)
    pdfs = []
    for index in range(adds):
        pdf = pikepdf.new()
        page = pdf.add_blank_page()
        image = pikepdf.Stream(pdf, os.urandom(1_000_000))  # stands for a scan's JPEG
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width, image.Height, image.BitsPerComponent = 1654, 2339, 8
        image.ColorSpace, image.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.DCTDecode
        page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        page.Contents = pdf.make_stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q")
        path = work / f"{index}.pdf"
        pdf.save(path)
        pdfs.append(path)
    meta = {
        "typeName": "10",
        "issuedDate": "05/01/2024",
        "organName": "Ủy ban MTTQ quận Ba Đình",
        "subject": "Kế hoạch số hóa tài liệu lưu trữ năm 2024",
    }
    times = []
    with Catalog.open(folder) as catalog:
        file_code = catalog.list_hoso()[0].file_code
        for path in pdfs:
            started = time.perf_counter()
            catalog.add_document(path, meta, "lan", hoso=file_code)
            times.append((time.perf_counter() - started) * 1000)
    return {"add_median_ms": statistics.median(times), "add_p95_ms": _pct(times, 0.95)}


def main(out: Path) -> dict[str, Any]:
    """Run the catalog benchmark in `out`; print and return its figures."""
    count = int(os.environ.get("BENCH_CATALOG_DOCS", "1000000"))
    folder = out / "catalog"
    shutil.rmtree(folder, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    ocr_bytes = generate(folder, count)
    figures: dict[str, Any] = {"documents": count, "generate_s": time.perf_counter() - started}
    db_bytes = (folder / "catalog.sqlite3").stat().st_size
    figures["db_bytes"] = db_bytes
    figures["bytes_per_doc"] = (db_bytes - ocr_bytes) / count
    figures.update(measure_search(folder))
    figures.update(measure_add(folder, out / "pdfs"))
    for name, value in figures.items():
        target = TARGETS.get(name)
        shown = f"{value:.1f}" if isinstance(value, float) else str(value)
        print(f"catalog {name:18} {shown:>12}" + (f"   target < {target:g}" if target else ""))
    (out / "catalog.json").write_text(json.dumps(figures, indent=1))
    shutil.rmtree(out / "pdfs", ignore_errors=True)
    return figures
