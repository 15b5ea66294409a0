"""Free disk space where batches and the catalog are written, against one full batch."""

from __future__ import annotations

import shutil
from pathlib import Path

from .context import Context
from .result import Result, Status, Text

TITLE = Text("Dung lượng ổ đĩa", "Free disk space")
# A 300-dpi colour A4 page waits in the batch folder as a PNG (7–15 MB measured on synthetic
# scans) and is then kept as a ~0.5 MB JPEG page in the catalog, plus its SIP package.
RAW_PAGE_BYTES = 12_000_000
STORED_PAGE_BYTES = 1_000_000
COMFORT_BATCHES = 4  # below this many batches of room: a warning
GB = 1_000_000_000


def _existing(folder: Path) -> Path:
    """`folder`, or its nearest existing parent (the folder may not be made yet)."""
    path = folder.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _gb(size: float, lang: str) -> str:
    text = f"{size / GB:.1f} GB"
    return text.replace(".", ",") if lang == "vi" else text


def check(ctx: Context) -> Result:
    """FAIL below one batch of room on a disk the station writes to; WARN below four."""
    needs: dict[int, tuple[Path, int]] = {}  # by device: where, bytes one batch needs there
    for folder, per_page in (
        (ctx.batches_folder, RAW_PAGE_BYTES),
        (ctx.catalog_folder, STORED_PAGE_BYTES),
    ):
        where = _existing(folder)
        device = where.stat().st_dev
        known, total = needs.get(device, (where, 0))
        needs[device] = (known, total + per_page * ctx.batch_pages)
    free_at = {where: shutil.disk_usage(where).free for where, _ in needs.values()}
    where, need = min(needs.values(), key=lambda pair: free_at[pair[0]] / pair[1])
    free = free_at[where]
    room = free / need
    detail = Text(
        f"Còn trống {_gb(free, 'vi')} ở {where}; một mẻ {ctx.batch_pages} trang cần khoảng "
        f"{_gb(need, 'vi')} (đủ cho {int(room)} mẻ).",
        f"{_gb(free, 'en')} free at {where}; a batch of {ctx.batch_pages} pages needs about "
        f"{_gb(need, 'en')} (room for {int(room)}).",
    )
    if room >= COMFORT_BATCHES:
        return Result("disk", Status.OK, TITLE, detail)
    target = _gb(need * COMFORT_BATCHES - free, "vi"), _gb(need * COMFORT_BATCHES - free, "en")
    fix = Text(
        f"Giải phóng ít nhất {target[0]} trên ổ chứa {where}: dọn thùng rác và tệp tải về, "
        "hoặc chuyển kho lưu trữ sang ổ lớn hơn. Không xóa thư mục batches: đó là các trang "
        "đã quét chưa lưu.",
        f"Free at least {target[1]} on the disk holding {where}: empty the bin and downloads, "
        "or move the catalog to a larger disk. Do not delete the batches folder: it holds "
        "scanned pages not yet saved.",
    )
    status = Status.WARN if room >= 1 else Status.FAIL
    return Result("disk", status, TITLE, detail, fix)
