"""The FastAPI application: `create_app(root)` wires the state (ROOT/.jixiao), the middleware,
the templates and the views. Views are in jixiao/web/views/, one module per page family."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from jixiao.errors import JixiaoError
from jixiao.web import deps, formats
from jixiao.web.render import render
from jixiao.web.db import open_database, state_dir
from jixiao.web.evaluations import Evaluations
from jixiao.web.jobs import Jobs
from jixiao.web.security import SecurityHeaders, TooLarge, UploadLimit
from jixiao.web.sessions import SessionStore, Throttle, load_secret
from jixiao.web.views import VIEWS
from jixiao.web.workspaces import NotFound

HERE = Path(__file__).parent
HTMX = "htmx-2.0.11.min.js"
DEFAULT_MAX_UPLOAD_MB = 100
log = logging.getLogger("jixiao.web")


def templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(formats.FILTERS)
    env.globals.update(htmx=HTMX)
    return env


def create_app(root: Path | str, max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB) -> FastAPI:
    root = Path(root).resolve()
    if not root.is_dir():
        raise JixiaoError(f"目录不存在：{root}")
    db = open_database(root)
    evaluations = Evaluations(root)
    state = deps.Web(root, db, SessionStore(db, load_secret(state_dir(root) / "secret")), Throttle(db),
                     evaluations, Jobs(evaluations.run), int(max_upload_mb * 1024 * 1024), templates())
    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        state.jobs.shutdown()

    app = FastAPI(title="jixiao", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.web = state
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in VIEWS:
        app.include_router(router)
    _handlers(app, state)
    app.add_middleware(UploadLimit, limit=state.max_upload, refuse=lambda scope, send, exc: _refuse(state, scope, send, exc))
    app.add_middleware(SecurityHeaders)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, title: str, message: str) -> Any:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html.j2", status=status, title=title, message=message)


def _too_large_text(limit: int, size: int | None) -> str:
    mb = lambda n: f"{Decimal(n) / 1048576:.2f}".rstrip("0").rstrip(".")  # noqa: E731
    got = f"，本次约 {mb(size)} MB" if size else ""
    return (f"上传的文件过大：每次上传不能超过 {mb(limit)} MB{got}。请删去无关的工作表或列、另存为 .csv 或 .parquet 后"
            "再上传；确需上传更大的文件，请管理员以 jixiao serve --max-upload-mb 调高上限。")


async def _refuse(state: deps.Web, scope: dict, send: Any, exc: TooLarge) -> None:
    request = Request(scope)
    request.state.session = state.sessions.get(request.cookies.get("jixiao_session"))
    response = _error(request, 413, "文件过大", _too_large_text(exc.limit, exc.size))
    await response(scope, None, send)


def _handlers(app: FastAPI, state: deps.Web) -> None:
    @app.exception_handler(deps.LoginRequired)
    async def _login(request: Request, exc: Exception) -> Any:
        back = request.method == "GET" and request.url.path not in ("/", "/login")
        target = f"/login?next={quote(request.url.path)}" if back else "/login"
        if request.headers.get("hx-request"):
            return HTMLResponse("", headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(deps.ApiUnauthorized)
    async def _api(request: Request, exc: Exception) -> Any:
        return JSONResponse({"detail": "需要有效的 API 令牌：Authorization: Bearer 令牌（jixiao user token 用户名）"},
                            status_code=401, headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(deps.Forbidden)
    async def _forbidden(request: Request, exc: deps.Forbidden) -> Any:
        return _error(request, 403, "没有权限", exc.message)

    @app.exception_handler(deps.CsrfFailed)
    async def _csrf(request: Request, exc: Exception) -> Any:
        return _error(request, 403, "请求已失效", "页面已过期或请求来源不明，未执行任何修改。请刷新页面后重试。")

    @app.exception_handler(deps.JobFailed)
    async def _failed(request: Request, exc: deps.JobFailed) -> Any:
        return _error(request, 422, "评价未完成", exc.message)

    @app.exception_handler(NotFound)
    async def _missing(request: Request, exc: NotFound) -> Any:
        return _error(request, 404, "未找到", exc.summary)

    @app.exception_handler(TooLarge)
    async def _large(request: Request, exc: TooLarge) -> Any:
        return _error(request, 413, "文件过大", _too_large_text(exc.limit, exc.size))

    @app.exception_handler(JixiaoError)
    async def _input(request: Request, exc: JixiaoError) -> Any:
        return _error(request, 400, "无法完成", exc.render())

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Any:
        titles = {404: ("未找到", "没有这个页面。"), 405: ("不支持的请求", "该地址不支持这种请求方式。")}
        title, message = titles.get(exc.status_code, ("请求有误", "请求无法处理。"))
        return _error(request, exc.status_code, title, message)
