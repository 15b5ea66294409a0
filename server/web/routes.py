"""The web catalog's pages, mounted on the API's FastAPI application under /web."""

import datetime
import functools
import hashlib
import io
import zipfile
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from app.reports.model import METRICS, change
from app.reports.period import VN, Period, parse
from server.config import Config
from server.db import Pool
from server.reports import facts
from server.reports.orgtree import OrgTree
from server.reports.service import FORMATS, default_header, render, report
from server.signatures import SignatureChecker
from server.storage import BlobStore

from . import catalog, present, sessions, sigstatus

HERE = Path(__file__).resolve().parent
COOKIE = "ss_session"
MAX_PAGES = 200  # page starts a search link carries (for "previous page")
LOGIN_COOKIE = "ss_login_csrf"


class LoginRequired(Exception):
    """No live session: the browser goes to the sign-in page."""


class NotFoundPage(Exception):
    """Absent or outside the reader's organisations: the same page for both (or `status`)."""

    def __init__(self, message: str = "", status: int = 404) -> None:
        super().__init__(message)
        self.status = status


def _date(text: str, *, end: bool = False) -> datetime.datetime | None:
    """dd/mm/yyyy (or the browser's yyyy-mm-dd) at the start of that day in Vietnam, or the
    start of the next day for `end`; None when empty; ValueError when malformed."""
    text = text.strip()
    if not text:
        return None
    form = "%Y-%m-%d" if "-" in text else "%d/%m/%Y"
    day = datetime.datetime.strptime(text, form).replace(tzinfo=VN)
    return day + datetime.timedelta(days=1) if end else day


def _security(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'"
    )
    return response


def mount(
    app: FastAPI, config: Config, pool: Pool, store: BlobStore, checker: SignatureChecker
) -> None:
    """Add the web catalog's routes to `app` (the schema comes from create_schema)."""
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters["when"] = present.when
    templates.env.filters["doc_date"] = present.doc_date
    templates.env.globals.update(type_label=present.type_label, METRICS=METRICS, change=change)
    tree = OrgTree.from_config(config)
    app.mount("/web/static", StaticFiles(directory=HERE / "static"), name="web-static")

    def page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
        return _security(templates.TemplateResponse(request, name, context, status_code=status))

    def _cookie(response: Response, key: str, value: str, max_age: int | None) -> None:
        response.set_cookie(
            key,
            value,
            max_age=max_age,
            httponly=True,
            samesite="strict",
            secure=config.tls,
            path="/web",
        )

    def viewer(request: Request) -> sessions.Session:
        token = request.cookies.get(COOKIE, "")
        found = sessions.find(pool, config, token)
        if found is None:
            raise LoginRequired
        return found

    Viewer = Annotated[sessions.Session, Depends(viewer)]

    def readable(who: sessions.Session) -> set[str] | None:
        return tree.readable(who.orgs)

    @functools.lru_cache(maxsize=256)
    def choices(granted: tuple[str, ...]) -> list[tuple[str, str]]:
        allowed = tree.readable(granted)
        codes = tree.ordered(tree.names if allowed is None else allowed)
        shown = set(codes)
        return [(c, "— " * tree.depth(c, shown) + tree.name(c)) for c in codes]

    def org_choices(who: sessions.Session) -> list[tuple[str, str]]:
        return choices(tuple(sorted(who.orgs)))

    def check_csrf(who: sessions.Session, sent: str) -> None:
        if not sessions.same(who.csrf, sent):
            raise NotFoundPage("Phiên làm việc không hợp lệ; hãy tải lại trang.", 403)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, err: LoginRequired) -> Response:
        back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/web/login?next={quote(back)}", status_code=303)

    @app.exception_handler(NotFoundPage)
    async def not_found(request: Request, err: NotFoundPage) -> Response:
        message = str(err) or "Không tìm thấy tài liệu, hoặc bạn không có quyền xem."
        return page(request, "error.html", err.status, message=message, who=None)

    @app.get("/", include_in_schema=False)
    def root() -> Response:
        return RedirectResponse("/web/", status_code=303)

    @app.get("/web/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request, next: str = "/web/") -> Response:
        token = sessions.new_token()
        response = page(request, "login.html", csrf=token, next=next, error="", who=None)
        _cookie(response, LOGIN_COOKIE, token, 3600)
        return response

    @app.post("/web/login", include_in_schema=False)
    def login(
        request: Request,
        name: Annotated[str, Form(max_length=100)] = "",
        password: Annotated[str, Form(max_length=1000)] = "",
        csrf: Annotated[str, Form(max_length=200)] = "",
        next: Annotated[str, Form(max_length=2000)] = "/web/",
    ) -> Response:
        def again(error: str, status: int) -> Response:
            token = sessions.new_token()
            response = page(
                request, "login.html", status, csrf=token, next=next, error=error, who=None
            )
            _cookie(response, LOGIN_COOKIE, token, 3600)
            return response

        if not sessions.same(request.cookies.get(LOGIN_COOKIE, ""), csrf):
            return again("Trang đăng nhập đã cũ; hãy nhập lại.", 400)
        address = request.client.host if request.client else ""
        try:
            token = sessions.sign_in(pool, config, name.strip(), password, address)
        except sessions.Throttled as held:
            return again(f"Đăng nhập sai quá nhiều lần; hãy thử lại sau {held.minutes} phút.", 429)
        if token is None:
            return again("Sai tên đăng nhập hoặc mật khẩu.", 401)
        target = next if next.startswith("/web/") and not next.startswith("//") else "/web/"
        response = RedirectResponse(target, status_code=303)
        _cookie(response, COOKIE, token, None)
        response.delete_cookie(LOGIN_COOKIE, path="/web")
        return response

    @app.post("/web/logout", include_in_schema=False)
    def logout(
        request: Request, who: Viewer, csrf: Annotated[str, Form(max_length=200)] = ""
    ) -> Response:
        check_csrf(who, csrf)
        sessions.sign_out(pool, request.cookies.get(COOKIE, ""))
        response = RedirectResponse("/web/login", status_code=303)
        response.delete_cookie(COOKIE, path="/web")
        return response

    @app.get("/web/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        who: Viewer,
        q: str = "",
        org: str = "",
        hoso: str = "",
        type_name: str = "",
        date_from: str = "",
        date_to: str = "",
        state: str = "",
        pages: str = "",
    ) -> Response:
        allowed = readable(who)
        error = ""
        found = catalog.Page([], None, 0, False)
        starts = [c for c in map(catalog.Cursor.parse, pages.split(",")[:MAX_PAGES]) if c]
        try:
            filters = catalog.Filters(
                q=q[:500],
                hoso=hoso.strip(),
                type_name=type_name,
                date_from=_date(date_from),
                date_to=_date(date_to, end=True),
                state=state if state in catalog.STATES else "",
                after=starts[-1] if starts else None,
            )
        except ValueError:
            error = "Ngày phải có dạng dd/mm/yyyy."
        else:
            if org and allowed is not None and org not in allowed:
                error = "Bạn không có quyền xem đơn vị này."
            else:  # an organisation chosen covers those below it
                scope = set(tree.subtree(org)) if org else allowed
                if scope is not None and allowed is not None:
                    scope &= allowed
                found = catalog.search(pool, scope, filters)
        params = {k: v for k, v in request.query_params.items() if k != "pages"}
        tokens = [c.token() for c in starts]
        back = {"pages": ",".join(tokens[:-1])} if len(tokens) > 1 else {}
        return page(
            request,
            "search.html",
            who=who,
            hits=found.hits,
            more=found.next is not None,
            total=found.total,
            capped=found.capped,
            error=error,
            q=q,
            org=org,
            hoso=hoso,
            type_name=type_name,
            date_from=date_from,
            date_to=date_to,
            state=state,
            page_no=len(starts) + 1,
            orgs=org_choices(who),
            types=present.type_names(),
            states=catalog.STATES,
            org_name=tree.name,
            highlight=present.highlight,
            next_url="?" + urlencode({**params, "pages": ",".join([*tokens, found.next.token()])})
            if found.next
            else "",
            prev_url="?" + urlencode({**params, **back}),
        )

    def _document(who: sessions.Session, doc_uuid: str) -> dict[str, Any]:
        doc = catalog.document(pool, readable(who), doc_uuid)
        if doc is None:
            raise NotFoundPage
        return doc

    def _pdf(doc: dict[str, Any], version: int) -> tuple[bytes, str]:
        chosen = [v for v in doc["versions"] if v["version"] == version]
        if not chosen:
            raise NotFoundPage
        sha = chosen[0]["pdf_sha256"]
        try:
            with store.get(sha) as handle:
                data = handle.read()
        except KeyError:
            raise NotFoundPage("Tệp PDF không còn trên máy chủ; hãy báo quản trị.", 500) from None
        if hashlib.sha256(data).hexdigest() != sha:
            raise NotFoundPage("Tệp PDF trên máy chủ bị hỏng; hãy báo quản trị.", 500)
        return data, sha

    @app.get("/web/documents/{doc_uuid}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, who: Viewer, doc_uuid: str) -> Response:
        doc = _document(who, doc_uuid)
        latest = doc["versions"][-1]
        data, _ = _pdf(doc, latest["version"])
        valid, signatures = sigstatus.check(checker, data, doc["doc_code"])
        facts.refresh(pool, store, [v["package_id"] for v in doc["versions"]])
        events = [
            (e["at"], e["actor"], present.history_line(e["kind"], e["detail"]))
            for e in facts.history(pool, doc_uuid)
        ]
        events += [
            (v["received_at"], "máy chủ", f"Nhận lên kho (phiên bản {v['version']})")
            for v in doc["versions"]
        ]
        events.sort(key=lambda e: e[0])
        return page(
            request,
            "document.html",
            who=who,
            doc=doc,
            latest=latest,
            fields=present.metadata_rows(latest["metadata"]),
            valid=valid,
            signatures=signatures,
            events=events,
            org_name=tree.name(doc["org"]),
        )

    @app.get("/web/documents/{doc_uuid}/versions/{version}/pdf", include_in_schema=False)
    def document_pdf(who: Viewer, doc_uuid: str, version: int, download: bool = False) -> Response:
        doc = _document(who, doc_uuid)
        data, sha = _pdf(doc, version)
        valid, _ = sigstatus.check(checker, data, doc["doc_code"])
        if not valid:
            raise NotFoundPage(
                "Chữ ký số của bản này không hợp lệ khi kiểm tra lại trên máy "
                "chủ; không cung cấp bản này."
            )
        disposition = "attachment" if download else "inline"
        return _security(
            Response(
                data,
                media_type="application/pdf",
                headers={
                    "Content-Disposition": f'{disposition}; filename="{doc["doc_code"]}.pdf"',
                    "X-Signature-Valid": "true",
                    "X-Content-SHA256": sha,
                },
            )
        )

    @app.get("/web/hoso/{hoso_code}/sip", include_in_schema=False)
    def hoso_sip(who: Viewer, hoso_code: str) -> Response:
        found = catalog.hoso_packages(pool, readable(who), hoso_code)
        if found is None:
            raise NotFoundPage
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
            for doc_code, sha in found[1]:
                with store.get(sha) as handle, archive.open(f"{doc_code}.zip", "w") as target:
                    while chunk := handle.read(1 << 20):
                        target.write(chunk)
        return _security(
            Response(
                out.getvalue(),
                media_type="application/zip",
                headers={"Content-Disposition": f'attachment; filename="{hoso_code}.sip.zip"'},
            )
        )

    def _report_args(who: sessions.Session, period: str, org: str) -> tuple[Period, str]:
        chosen = parse(period)
        allowed = readable(who)
        if org and allowed is not None and org not in allowed:
            raise NotFoundPage("Bạn không có quyền xem báo cáo của đơn vị này.", 403)
        return chosen, org

    @app.get("/web/reports", response_class=HTMLResponse, include_in_schema=False)
    async def report_page(
        request: Request, who: Viewer, period: str = "", org: str = ""
    ) -> Response:
        if not period:
            today = datetime.datetime.now(VN)
            period = f"{today.year}-{today.month:02d}"
        try:
            chosen, org = _report_args(who, period, org)
        except ValueError as err:
            return page(
                request,
                "report.html",
                400,
                who=who,
                built=None,
                error=str(err),
                period=period,
                org=org,
                orgs=org_choices(who),
            )
        built = await run_in_threadpool(report, pool, store, config, chosen, readable(who), org)
        return page(
            request,
            "report.html",
            who=who,
            built=built,
            error="",
            period=period,
            org=org,
            orgs=org_choices(who),
        )

    @app.get("/web/reports/download", include_in_schema=False)
    async def report_file(who: Viewer, period: str, org: str = "", format: str = "pdf") -> Response:
        try:
            chosen, org = _report_args(who, period, org)
        except ValueError as err:
            raise NotFoundPage(str(err), 400) from err
        fmt = format if format in FORMATS else "pdf"
        built = await run_in_threadpool(report, pool, store, config, chosen, readable(who), org)
        data = await run_in_threadpool(render, built, default_header(config, org), fmt)
        name = f"bao-cao-{chosen.code}{'-' + org if org else ''}.{fmt}"
        return _security(
            Response(
                data,
                media_type=FORMATS[fmt],
                headers={"Content-Disposition": f'attachment; filename="{name}"'},
            )
        )


def create_schema(pool: Pool) -> None:
    """The web catalog's and the reports' tables and indexes (safe at every start)."""
    facts.create_schema(pool)
    with pool.connection() as conn:
        conn.execute("SELECT pg_advisory_xact_lock(7318)")
        conn.execute(sessions.SCHEMA)
