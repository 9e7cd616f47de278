"""`jixiao serve [ROOT] [--host H] [--port P]`: the web workbench over a folder of workspaces."""

from __future__ import annotations

from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli._common import guarded
from jixiao.web.accounts import list_users
from jixiao.web.app import create_app


@app.command(help="启动评价工作台（网页）：ROOT 下每个子目录是一个评价工作区；用户、会话和修改记录保存在 ROOT/.jixiao/。")
@guarded
def serve(
    root: Path = typer.Argument(Path("."), metavar="ROOT", help="存放各评价工作区的目录（默认当前目录）"),
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（默认只允许本机访问）"),
    port: int = typer.Option(8000, "--port", help="端口"),
    max_upload_mb: float = typer.Option(100, "--max-upload-mb", help="单次上传的大小上限（MB）"),
) -> None:
    # uvicorn (a heavy third-party server) only when serving
    import uvicorn

    application = create_app(root, max_upload_mb=max_upload_mb)
    if not list_users(application.state.web.db):
        typer.echo(f"注意：尚无用户。请先在 {root.resolve()} 下运行 jixiao user add 用户名 --role 评价人员（密码从标准输入读取）。", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"绩效评价工作台：http://{shown}:{port}/  （工作区目录 {root.resolve()}；按 Ctrl+C 停止）", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False)
