"""The web catalog in a real browser: sign in, search, a document, downloads, the scope."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from testkit.serverproc import ORG_A, ORG_B
from tests.web.browser import browser_session, sign_in, submit, wait_for_file
from tests.web.conftest import PASSWORD, PROVINCE, SUBJECTS_A, SUBJECTS_B, WebSite

Driver = tuple[webdriver.Chrome, Path]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Driver]:
    yield from browser_session(tmp_path_factory.mktemp("chromium"))


def _hits(driver: webdriver.Chrome) -> list[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#hits td.subject a")]


def _search(driver: webdriver.Chrome, url: str, query: str) -> list[str]:
    driver.get(url + "/web/")
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(query)
    submit(driver, "search")
    return _hits(driver)


def test_sign_in_search_document_and_downloads(site: WebSite, browser: Driver) -> None:
    driver, downloads = browser
    sign_in(driver, site.url, "lanh-dao", "sai-mat-khau")
    assert "Sai tên đăng nhập hoặc mật khẩu" in driver.find_element(By.CLASS_NAME, "error").text
    sign_in(driver, site.url, "lanh-dao", PASSWORD)
    assert driver.current_url.endswith("/web/")

    bare = _search(driver, site.url, "ke hoach")
    assert sorted(bare) == sorted([SUBJECTS_A[0], SUBJECTS_B[0]])
    marked = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#hits mark")]
    assert set(marked) == {"Kế", "hoạch"}
    assert sorted(_search(driver, site.url, "Kế Hoạch")) == sorted(bare)
    assert _search(driver, site.url, "đại đoàn kết") == [SUBJECTS_B[0]]
    assert _search(driver, site.url, "khong co tu nay") == []
    assert driver.find_element(By.ID, "empty").text == "Không có tài liệu nào khớp."

    _search(driver, site.url, "so hoa tai lieu")
    driver.find_element(By.CSS_SELECTOR, "#hits td.subject a").click()
    assert driver.find_element(By.ID, "title").text == SUBJECTS_A[0]
    assert driver.find_element(By.ID, "sig-verdict").text == "Hợp lệ"
    signature = driver.find_element(By.CSS_SELECTOR, "#signatures tbody tr").text
    assert "Văn thư (thử)" in signature and "Hợp lệ" in signature and "B-B" in signature
    fields = driver.find_element(By.ID, "metadata").text
    assert "Tên loại tài liệu\nKế hoạch" in fields  # the label of code 10, not the code
    assert "Ngày tháng năm\n05/01/2024" in fields
    history = driver.find_element(By.ID, "history").text
    assert "Ký số" in history and "Nhận lên kho (phiên bản 1)" in history

    frame = driver.find_element(By.ID, "pdf").get_attribute("src")
    seen = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done([r.status,"
        " r.headers.get('content-type'), r.headers.get('x-signature-valid'), b.byteLength])));",
        frame,
    )
    assert seen[:3] == [200, "application/pdf", "true"] and seen[3] > 1000
    shown = driver.execute_script(
        "const d = document.getElementById('pdf').contentDocument;"
        " return [d.contentType, d.documentElement.outerHTML.slice(0, 400)];"
    )
    assert shown[0] == "application/pdf"  # the browser's own viewer holds the PDF

    uuid = site.docs[SUBJECTS_A[0]]
    stored = site.server.sql(
        "SELECT pdf_sha256 FROM version WHERE document_uuid = %s AND version = 1", uuid
    )[0][0]
    driver.find_element(By.ID, "download").click()
    pdf = wait_for_file(downloads, ".pdf")
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == stored
    driver.find_element(By.ID, "sip").click()
    sip = wait_for_file(downloads, ".sip.zip")
    with zipfile.ZipFile(sip) as archive:
        inner = archive.namelist()
    codes = site.server.sql("SELECT doc_code FROM document WHERE org = %s ORDER BY 1", ORG_A)
    assert inner == [f"{c[0]}.zip" for c in codes]


def _try_read(driver: webdriver.Chrome, url: str, paths: list[str]) -> int:
    """How many of `paths` the browser could read (a document's page, PDF or SIP)."""
    read = 0
    for path in paths:
        driver.get(url + path)
        errors = driver.find_elements(By.ID, "error")
        read += not errors
    return read


def test_organisation_scope(site: WebSite, browser: Driver) -> None:
    driver, _ = browser
    sign_in(driver, site.url, "quan-a", PASSWORD)
    assert sorted(_search(driver, site.url, "ke hoach")) == [SUBJECTS_A[0]]
    other = site.docs[SUBJECTS_B[0]]
    hoso_b = site.server.sql("SELECT hoso_code FROM document WHERE uuid = %s", other)[0][0]
    foreign = [
        f"/web/documents/{other}",
        f"/web/documents/{other}/versions/1/pdf",
        f"/web/documents/{other}/versions/1/pdf?download=true",
        f"/web/hoso/{hoso_b}/sip",
        f"/web/?org={ORG_B}",
        f"/web/reports?period=2026&org={ORG_B}",
    ]
    assert _try_read(driver, site.url, foreign[:4]) == 0  # 0 cross-organisation reads
    driver.get(site.url + foreign[4])
    assert _hits(driver) == []
    assert "không có quyền" in driver.find_element(By.CLASS_NAME, "error").text
    assert _try_read(driver, site.url, foreign[5:]) == 0
    mine = site.docs[SUBJECTS_A[0]]
    assert _try_read(driver, site.url, [f"/web/documents/{mine}"]) == 1
    # a province's reader sees every district below it
    sign_in(driver, site.url, "tinh-tp", PASSWORD)
    assert sorted(_search(driver, site.url, "ke hoach")) == sorted([SUBJECTS_A[0], SUBJECTS_B[0]])
    assert _try_read(driver, site.url, [f"/web/documents/{other}"]) == 1
    driver.get(site.url + f"/web/?q=ke+hoach&org={PROVINCE}")  # a province covers its districts
    assert sorted(_hits(driver)) == sorted([SUBJECTS_A[0], SUBJECTS_B[0]])
    driver.get(site.url + f"/web/?q=ke+hoach&org={ORG_B}")
    assert _hits(driver) == [SUBJECTS_B[0]]


def test_signed_out_pages_go_to_sign_in(site: WebSite, browser: Driver) -> None:
    driver, _ = browser
    sign_in(driver, site.url, "quan-a", PASSWORD)
    submit(driver, "logout")
    mine = site.docs[SUBJECTS_A[0]]
    driver.get(site.url + f"/web/documents/{mine}")
    assert "/web/login?next=" in driver.current_url
    driver.find_element(By.ID, "name").send_keys("quan-a")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    submit(driver, "login")  # back to the page asked for
    assert driver.current_url == site.url + f"/web/documents/{mine}"
    assert driver.find_element(By.ID, "title").text == SUBJECTS_A[0]
