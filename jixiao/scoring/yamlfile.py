"""YAML for frameworks and judgments: floats read as exact decimals, errors with line numbers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

from jixiao.errors import JixiaoError


class _DecimalLoader(yaml.SafeLoader):
    """SafeLoader whose floats are Decimals built from the text as written (0.1 stays 0.1)."""


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = loader.construct_scalar(node).replace("_", "")
    return Decimal(text) if text.lower().lstrip("+-") not in (".inf", ".nan") else Decimal(text.replace(".", ""))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def load_yaml(path: Path, error: type[JixiaoError]) -> object:
    """Parse a YAML file; a syntax error becomes `error` naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"无法读取 {path}：{exc}") from None
    try:
        return yaml.load(text, Loader=_DecimalLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        raise error(f"{path.name} {where} YAML 格式错误：{getattr(exc, 'problem', exc)}") from None
