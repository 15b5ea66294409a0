"""`python -m tests.web.screenshots URL OUT`: the web catalog's pages as PNG, for the README."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.web.browser import chrome, sign_in


def main(url: str, out: Path) -> None:
    """Save the search and report pages of the web catalog at `url` as PNG files in `out`.

    Headless Chromium, signed in as the demo's `tinh`.
    """
    work = Path(tempfile.mkdtemp(prefix="web-shots-"))
    driver = chrome(work, work / "profile")
    try:
        driver.set_window_size(1280, 760)
        sign_in(driver, url, "tinh", "demo-password")
        driver.get(url + "/web/?q=ke+hoach")
        driver.save_screenshot(str(out / "web-search.png"))
        driver.get(url + "/web/reports?period=2026")
        driver.save_screenshot(str(out / "web-report.png"))
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
