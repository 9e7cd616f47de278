"""YAML for frameworks and judgments: floats read as exact decimals, errors with line numbers.

Hostile YAML cannot make us hang or run out of memory: the composed document is walked
once, aliases followed, before anything is built from it, and a document that expands to
more than MAX_NODES nodes (a "billion laughs" of nested aliases) or nests deeper than
MAX_DEPTH is an error naming the file; so is one too large to be a framework."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

from jixiao.errors import JixiaoError

MAX_NODES = 200_000  # a national framework with every text is a few thousand
MAX_DEPTH = 100  # YAML levels (an indicator level is about two)
MAX_BYTES = 8 << 20


class _DecimalLoader(yaml.SafeLoader):
    """SafeLoader whose floats are Decimals built from the text as written (0.1 stays 0.1)."""


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = loader.construct_scalar(node).replace("_", "")
    return Decimal(text) if text.lower().lstrip("+-") not in (".inf", ".nan") else Decimal(text.replace(".", ""))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def _expanded_size(root: yaml.Node) -> str | None:
    """Why the document is too big to build (Chinese), or None. Each alias counts as a full
    copy of what it names, as every consumer walking the data would see it; the walk stops at
    MAX_NODES, so it is linear in the file whatever the aliases do."""
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    seen = 0
    while stack:
        node, depth = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            return f"展开后超过 {MAX_NODES} 个节点（别名 *name 层层引用会使内容成倍膨胀）"
        if depth > MAX_DEPTH:
            return f"嵌套超过 {MAX_DEPTH} 层"
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
    return None


def load_yaml(path: Path, error: type[JixiaoError]) -> object:
    """Parse a YAML file; a syntax error becomes `error` naming the file and line."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise error(f"{path.name} 超过 {MAX_BYTES >> 20} MB，不像是指标体系或评分判断文件")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"无法读取 {path}：{exc}") from None
    loader = _DecimalLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        too_big = _expanded_size(node)
        if too_big:
            raise error(f"{path.name} 无法读取：{too_big}")
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        raise error(f"{path.name} {where} YAML 格式错误：{getattr(exc, 'problem', exc)}") from None
    except RecursionError:
        raise error(f"{path.name} 无法读取：嵌套过深") from None
    finally:
        loader.dispose()
