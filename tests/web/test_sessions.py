"""Sign-in over real HTTP: cookie flags, CSRF on every POST, login throttling."""

from __future__ import annotations

import re

import httpx

from server.web import sessions
from tests.web.conftest import PASSWORD, WebSite


def _csrf(http: httpx.Client) -> str:
    page = http.get("/web/login")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def _login(http: httpx.Client, name: str, password: str, csrf: str | None = None) -> httpx.Response:
    token = _csrf(http) if csrf is None else csrf
    return http.post(
        "/web/login", data={"name": name, "password": password, "csrf": token, "next": "/web/"}
    )


def test_session_cookie_and_csrf(site: WebSite) -> None:
    with httpx.Client(base_url=site.url) as http:
        assert http.get("/web/").status_code == 303  # signed out → sign-in page
        refused = _login(http, "lanh-dao", PASSWORD, csrf="forged")
        assert refused.status_code == 400 and "Trang đăng nhập đã cũ" in refused.text
        assert "ss_session" not in http.cookies
        answer = _login(http, "lanh-dao", PASSWORD)
        assert answer.status_code == 303 and answer.headers["location"] == "/web/"
        cookie = next(h for h in answer.headers.get_list("set-cookie") if "ss_session=" in h)
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/web" in cookie
        assert "Secure" not in cookie  # plain HTTP here; with [tls] the cookie is Secure
        page = http.get("/web/")
        assert page.status_code == 200 and "no-store" in page.headers["cache-control"]
        assert "frame-ancestors 'self'" in page.headers["content-security-policy"]
        assert http.post("/web/logout", data={"csrf": "forged"}).status_code == 403
        assert http.get("/web/").status_code == 200  # still signed in
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf is not None
        assert http.post("/web/logout", data={"csrf": csrf.group(1)}).status_code == 303
        assert http.get("/web/").status_code == 303
        hashes = site.server.sql("SELECT token_hash FROM web_session")
        assert all(len(str(h[0])) == 64 for h in hashes)  # only SHA-256 of tokens is kept


def test_open_redirect_refused(site: WebSite) -> None:
    with httpx.Client(base_url=site.url) as http:
        answer = http.post(
            "/web/login",
            data={
                "name": "quan-a",
                "password": PASSWORD,
                "csrf": _csrf(http),
                "next": "//evil.example/",
            },
        )
        assert answer.headers["location"] == "/web/"


def test_login_throttled_after_repeated_failures(site: WebSite) -> None:
    with httpx.Client(base_url=site.url) as http:
        for _ in range(sessions.MAX_PER_ACCOUNT):
            assert _login(http, "tinh-tp", "sai").status_code == 401
        held = _login(http, "tinh-tp", PASSWORD)  # even the right password waits now
        assert held.status_code == 429 and "quá nhiều lần" in held.text
        assert "ss_session" not in http.cookies
        assert _login(http, "quan-a", PASSWORD).status_code == 303  # other accounts unaffected
    site.server.sql("DELETE FROM web_login_failure")  # the other tests sign in as tinh-tp
