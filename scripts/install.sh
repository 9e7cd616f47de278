#!/usr/bin/env bash
# Installs everything jixiao needs on a fresh Debian machine with Python 3.11, as root:
# the Debian packages (CJK fonts for charts and PDF, pango for WeasyPrint, poppler for
# PDF previews), a virtual environment .venv with the pinned Python packages, and the
# `jixiao` command on the PATH.  `--test` adds the test dependencies (and LibreOffice headless).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages="fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils"
python3 -c "import ensurepip" 2>/dev/null || apt_packages="$apt_packages python3-venv"
# tests lay the docx out with LibreOffice headless to look at it as Word/WPS users see it
if [ "${1:-}" = "--test" ]; then apt_packages="$apt_packages libreoffice-writer-nogui"; fi
# --test: the web workbench's browser tests drive Debian's chromium through Playwright
# (executable_path; `playwright install` cannot download browsers here)
if [ "${1:-}" = "--test" ]; then apt_packages="$apt_packages chromium"; fi
missing=""
for p in $apt_packages; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "安装系统软件包：$missing" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
pip_quiet() { .venv/bin/pip install -q --disable-pip-version-check "$@" 2>&1 | grep -v "^WARNING: Location" || true; }
pip_quiet -r requirements.lock
if [ "${1:-}" = "--test" ]; then pip_quiet -r requirements-test.lock; fi
pip_quiet --no-deps -e .
.venv/bin/python -c "import jixiao, duckdb, yaml, typer" || { echo "安装失败：请查看上面的 pip 输出" >&2; exit 1; }
ln -sf "$PWD/.venv/bin/jixiao" /usr/local/bin/jixiao
echo "jixiao 已安装：$(command -v jixiao)" >&2
