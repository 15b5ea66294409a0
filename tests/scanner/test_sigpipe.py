"""After a SANE scan, a write to a closed socket raises BrokenPipeError; it never kills us."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Scan in a worker thread (as the desk application does), then write to a socket whose
# peer is gone (as a sync upload over a dropped connection does).
CHILD = textwrap.dedent(
    """
    import socket, sys, threading
    from pathlib import Path
    from app.scanner.base import ScanSettings
    from app.scanner.recovery import RecoveryFolder
    from app.scanner.sane_backend import SaneScanner

    pages = []

    def scan():
        settings = ScanSettings(dpi=50, mode="gray", page_size_mm=(20.0, 20.0))
        with SaneScanner("test:0") as scanner:
            pages.extend(scanner.scan(settings, RecoveryFolder(Path(sys.argv[1]))))

    worker = threading.Thread(target=scan)
    worker.start()
    worker.join(60)
    print(f"scanned {len(pages)}")
    mine, peer = socket.socketpair()
    peer.close()
    try:
        for _ in range(100):
            mine.send(b"x" * 65536)
    except BrokenPipeError:
        print("broken pipe raised")
    """
)


def test_a_scan_leaves_sigpipe_ignored(sane_device: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "pages")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, (done.returncode, done.stderr)  # -13: killed by SIGPIPE
    assert done.stdout.split("\n")[:2] == ["scanned 1", "broken pipe raised"]
