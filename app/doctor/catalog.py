"""The catalog: schema version, database and stored files (fsck), and the audit chain."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peewee import DatabaseError

from app.catalog.db import DB_NAME
from app.catalog.fsck import fsck
from app.catalog.migrations import LATEST, stamped_version
from app.catalog.service import Catalog
from app.errors import InputError

from .context import Context
from .result import Result, Status, Text

TITLE = Text("Kho lưu trữ (cơ sở dữ liệu và tệp)", "Catalog (database and stored files)")
AUDIT_TITLE = Text("Nhật ký kiểm tra (chuỗi băm)", "Audit log (hash chain)")
SUPPORT = Text(
    "gửi gói hỗ trợ cho kỹ thuật: scanstation doctor --bundle hotro.zip",
    "send a support bundle to the technician: scanstation doctor --bundle support.zip",
)


class Unavailable(Exception):
    """The catalog cannot be opened for a check; `result` is what the catalog check reports."""

    def __init__(self, result: Result) -> None:
        super().__init__(result.detail.en)
        self.result = result


def _newest_backup(folder: Path) -> Path | None:
    backups = (folder / "backups").glob("catalog-v*.sqlite3")
    return max(backups, key=lambda path: path.stat().st_mtime, default=None)


def _restore_fix(folder: Path) -> Text:
    backup = _newest_backup(folder)
    if backup is None:
        return Text(
            f"Đóng chương trình, giữ nguyên tệp hỏng, rồi {SUPPORT.vi}.",
            f"Close the program, keep the damaged file as it is, then {SUPPORT.en}.",
        )
    return Text(
        f"Đóng chương trình; trong {folder}, thêm đuôi .hong vào tên {DB_NAME} (và "
        f"{DB_NAME}-wal, {DB_NAME}-shm nếu có) để giữ lại; chép {backup} thành {DB_NAME}; rồi "
        "chạy: scanstation fsck. Tài liệu thêm sau bản sao lưu phải nhập lại. Nếu còn lỗi, "
        f"{SUPPORT.vi}.",
        f"Close the program; in {folder}, add .damaged to the names of {DB_NAME} (and "
        f"{DB_NAME}-wal, {DB_NAME}-shm if present) to keep them; copy {backup} to {DB_NAME}; "
        "then run: scanstation fsck. Documents added after the backup must be filed again. If "
        f"it still fails, {SUPPORT.en}.",
    )


def _damaged(folder: Path, err: BaseException) -> Result:
    path = folder / DB_NAME
    return Result(
        "catalog",
        Status.FAIL,
        TITLE,
        Text(
            f"Tệp {path} bị hỏng hoặc không phải kho lưu trữ ({err}).",
            f"{path} is damaged or is not a catalog ({err}).",
        ),
        _restore_fix(folder),
    )


def _state(ctx: Context) -> Result | None:
    """Why the catalog in the folder cannot be opened as it is, or None when it can."""
    folder = ctx.catalog_folder
    path = folder / DB_NAME
    if not path.is_file():
        return Result(
            "catalog",
            Status.INFO,
            TITLE,
            Text(
                f"Chưa có kho lưu trữ ở {folder}; kho được tạo khi thiết lập lần đầu.",
                f"No catalog in {folder} yet; it is made at the first set-up.",
            ),
            Text(
                "Mở chương trình trạm số hóa để thiết lập lần đầu, hoặc chạy: "
                "scanstation catalog init --org-name TÊN --org-code MÃ",
                "Open the desk application for its first set-up, or run: "
                "scanstation catalog init --org-name NAME --org-code CODE",
            ),
        )
    try:
        found = stamped_version(path)
    except InputError as err:
        return _damaged(folder, err.__cause__ or err)
    if found > LATEST:
        return Result(
            "catalog",
            Status.FAIL,
            TITLE,
            Text(
                f"Kho có cấu trúc phiên bản {found}, do một phiên bản mới hơn của phần mềm tạo; "
                f"phiên bản này chỉ biết đến {LATEST} nên không mở và không sửa gì trong kho.",
                f"The catalog has schema version {found}, written by a newer release; this one "
                f"knows up to {LATEST}, so it neither opens nor changes it.",
            ),
            Text(
                "Cài phiên bản trạm số hóa mới hơn (phiên bản đã tạo kho này hoặc mới hơn).",
                "Install the newer scanning station release (the one that wrote this catalog "
                "or later).",
            ),
        )
    if found < LATEST:
        return Result(
            "catalog",
            Status.INFO,
            TITLE,
            Text(
                f"Kho có cấu trúc phiên bản {found}; sẽ được nâng cấp lên {LATEST} khi mở, "
                "sau khi tự sao lưu vào thư mục backups.",
                f"The catalog has schema version {found}; it is upgraded to {LATEST} when next "
                "opened, after a backup to its backups folder.",
            ),
            Text(
                "Mở chương trình (hoặc chạy scanstation fsck) để nâng cấp; cần đủ chỗ trống "
                "cho một bản sao lưu.",
                "Open the program (or run scanstation fsck) to upgrade it; leave room for "
                "one backup copy.",
            ),
        )
    return None


@contextmanager
def open_catalog(ctx: Context) -> Iterator[Catalog]:
    """The desk's catalog, or the folder's opened for the check; Unavailable when it cannot be.

    Never migrates: a catalog of another schema version is reported, not opened.
    """
    problem = _state(ctx) if ctx.catalog is None else None
    if problem is not None:
        raise Unavailable(problem)
    if ctx.catalog is not None:
        fresh = ctx.catalog.db.is_closed()  # peewee keeps one connection per thread
        try:
            yield ctx.catalog
        finally:
            if fresh:  # close what this thread opened; the desk's own connections stay
                ctx.catalog.db.close()
        return
    try:
        catalog = Catalog.open(ctx.catalog_folder)
    except DatabaseError as err:
        raise Unavailable(_damaged(ctx.catalog_folder, err)) from err
    with catalog:
        yield catalog


def check(ctx: Context) -> Result:
    """FAIL when the database or a stored file is damaged or missing; WARN for leftovers."""
    try:
        with open_catalog(ctx) as catalog:
            report = fsck(catalog.db, catalog.store, catalog.folder, repair=False, hashes=False)
    except Unavailable as why:
        return why.result
    except DatabaseError as err:
        return _damaged(ctx.catalog_folder, err)
    if not report.consistent:
        problems = [(e, e) for e in report.db_errors]
        problems += [(f"thiếu tệp {h}", f"missing {h}") for h in report.missing]
        problems += [(f"sai kích thước {h}", f"wrong size {h}") for h in report.mismatched]
        more = " …" if len(problems) > 3 else ""
        return Result(
            "catalog",
            Status.FAIL,
            TITLE,
            Text(
                f"Kho có {len(problems)} lỗi: {'; '.join(p[0] for p in problems[:3])}{more}.",
                f"The catalog has {len(problems)} problem(s): "
                f"{'; '.join(p[1] for p in problems[:3])}{more}.",
            ),
            _restore_fix(catalog.folder)
            if any(e.startswith("sqlite:") for e in report.db_errors)
            else Text(
                "Chạy: scanstation fsck --repair (khôi phục tệp từ orphans/ nếu có). Nếu vẫn "
                "thiếu tệp: chép lại thư mục store/ từ bản sao lưu của cơ quan rồi chạy lại "
                f"scanstation fsck; nếu vẫn lỗi, {SUPPORT.vi}.",
                "Run: scanstation fsck --repair (it restores files from orphans/ when it can). "
                "If files are still missing: copy the store/ folder back from the office's "
                f"backup and run scanstation fsck again; if it still fails, {SUPPORT.en}.",
            ),
        )
    detail = Text(
        f"Cơ sở dữ liệu nguyên vẹn (cấu trúc phiên bản {LATEST}); {report.checked} tệp lưu trữ "
        "đều có mặt, đúng kích thước. Kiểm tra băm toàn bộ: scanstation fsck.",
        f"Database intact (schema version {LATEST}); all {report.checked} stored files present "
        "with the right size. Full hash check: scanstation fsck.",
    )
    if report.orphans or report.temp_files:
        leftovers = len(report.orphans) + len(report.temp_files)
        return Result(
            "catalog",
            Status.WARN,
            TITLE,
            Text(
                f"{detail.vi} Có {leftovers} tệp thừa do một lần ghi bị ngắt.",
                f"{detail.en} {leftovers} leftover file(s) from an interrupted write.",
            ),
            Text(
                "Chạy: scanstation fsck --repair (tệp thừa được chuyển vào orphans/, không xóa).",
                "Run: scanstation fsck --repair (leftovers move to orphans/; nothing is deleted).",
            ),
        )
    return Result("catalog", Status.OK, TITLE, detail)


def _skipped(check_id: str, title: Text) -> Result:
    return Result(
        check_id,
        Status.INFO,
        title,
        Text(
            f"Bỏ qua: chưa mở được kho lưu trữ (xem mục «{TITLE.vi}»).",
            f"Skipped: the catalog cannot be opened (see “{TITLE.en}”).",
        ),
        Text(
            f"Làm theo cách khắc phục của mục «{TITLE.vi}» trước.",
            f"Apply the fix for “{TITLE.en}” first.",
        ),
    )


def check_audit(ctx: Context) -> Result:
    """FAIL when an audit entry was changed, removed, inserted or reordered."""
    try:
        with open_catalog(ctx) as catalog:
            problems = catalog.audit_verify()
            count = catalog.db.execute_sql("SELECT count(*) FROM audit").fetchone()[0]
    except (Unavailable, DatabaseError):
        return _skipped("audit", AUDIT_TITLE)
    if problems:
        shown = "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")
        return Result(
            "audit",
            Status.FAIL,
            AUDIT_TITLE,
            Text(
                f"Chuỗi nhật ký bị đứt ở {len(problems)} chỗ (có người sửa cơ sở dữ liệu "
                f"ngoài chương trình?): {shown}",
                f"The audit chain is broken in {len(problems)} place(s) (the database was "
                f"edited outside the program?): {shown}",
            ),
            Text(
                "Không sửa gì thêm trong cơ sở dữ liệu; báo ngay cho quản trị viên; so sánh với "
                f"bản sao lưu trong backups/; {SUPPORT.vi}.",
                "Change nothing more in the database; tell the administrator now; compare with "
                f"the copies in backups/; {SUPPORT.en}.",
            ),
        )
    return Result(
        "audit",
        Status.OK,
        AUDIT_TITLE,
        Text(
            f"Chuỗi nhật ký nguyên vẹn: {count} mục, không mục nào bị sửa, xóa hay chèn.",
            f"The audit chain is intact: {count} entries, none changed, removed or inserted.",
        ),
    )
