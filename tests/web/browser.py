"""Headless Debian Chromium driven by Selenium (no browser download: /usr/bin/chromium)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
    "--lang=vi",
)


def chrome(downloads: Path, profile: Path) -> webdriver.Chrome:
    """A new headless Chromium with its own empty profile, saving downloads in `downloads`."""
    if not (CHROMIUM.exists() and DRIVER.exists()):
        pytest.fail(
            "Chromium is missing: apt-get install chromium chromium-driver (make "
            "system-deps installs them)."
        )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "plugins.always_open_pdf_externally": False,
        },
    )
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    driver.implicitly_wait(5)
    return driver


def browser_session(folder: Path) -> Iterator[tuple[webdriver.Chrome, Path]]:
    downloads = folder / "downloads"
    downloads.mkdir(parents=True)
    driver = chrome(downloads, folder / "profile")
    try:
        yield driver, downloads
    finally:
        driver.quit()
        shutil.rmtree(folder / "profile", ignore_errors=True)


def sign_in(driver: webdriver.Chrome, url: str, name: str, password: str) -> None:
    driver.delete_all_cookies()
    driver.get(url + "/web/login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(password)
    submit(driver, "login")


def submit(driver: webdriver.Chrome, button: str) -> None:
    """Click the button with id `button` and wait until the next page has replaced this one."""
    found = driver.find_element(By.ID, button)
    found.click()
    WebDriverWait(driver, 20).until(lambda _: _left_the_page(found))


def _left_the_page(element: WebElement) -> bool:
    """Whether `element` is no longer in the document. Chromium sometimes reports that as an
    "unknown error" ("Node with given id does not belong to the document") rather than as a
    stale element, which selenium's own staleness_of lets through as a failure."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as err:
        if "does not belong to the document" in str(err):
            return True
        raise
    return False


def wait_for_file(folder: Path, suffix: str, timeout: float = 20.0) -> Path:
    """The first finished download ending in `suffix`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix)]
        if done:
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no {suffix} downloaded into {folder}: {list(folder.iterdir())}")
