"""`jixiao user add|token|list`: the web app's users, in ROOT/.jixiao/ (ROOT = the current
directory unless --root). The password is read from standard input, never from an argument."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import typer

from jixiao.cli import app
from jixiao.cli._common import guarded
from jixiao.errors import JixiaoError
from jixiao.web.accounts import add_user, list_users, new_token
from jixiao.web.db import open_database

user_app = typer.Typer(help="管理评价工作台的用户：add 添加、token 生成 API 令牌、list 列出。", no_args_is_help=True,
                       rich_markup_mode=None)
app.add_typer(user_app, name="user")
ROOT_HELP = "存放各评价工作区的目录（默认当前目录）"


def _database(root: Path):
    if not root.is_dir():
        raise JixiaoError(f"目录不存在：{root}")
    return open_database(root.resolve())


def _password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("密码：")
        if getpass.getpass("再输入一次：") != first:
            raise JixiaoError("两次输入的密码不一致")
        return first
    return sys.stdin.readline().rstrip("\r\n")


@user_app.command("add", help="添加用户（或重设其密码和角色）；密码从标准输入读取，如 echo 密码 | jixiao user add 张三 --role 评价人员。")
@guarded
def add(
    name: str = typer.Argument(..., metavar="用户名"),
    role: list[str] = typer.Option(..., "--role", help="评价人员、复核人员 或 财政局；可重复给出以兼任"),
    root: Path = typer.Option(Path("."), "--root", help=ROOT_HELP),
) -> None:
    user = add_user(_database(root), name, role, _password())
    typer.echo(f"已添加用户 {user.name}（{user.role_text}）")


@user_app.command("token", help="为用户生成 API 令牌并打印（原有令牌随即失效）：Authorization: Bearer 令牌。")
@guarded
def token(
    name: str = typer.Argument(..., metavar="用户名"),
    root: Path = typer.Option(Path("."), "--root", help=ROOT_HELP),
) -> None:
    print(new_token(_database(root), name))


@user_app.command("list", help="列出用户及其角色。")
@guarded
def list_(root: Path = typer.Option(Path("."), "--root", help=ROOT_HELP)) -> None:
    for user in list_users(_database(root)):
        typer.echo(f"{user.name}\t{user.role_text}")
