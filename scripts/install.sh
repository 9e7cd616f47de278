#!/usr/bin/env bash
# Installs everything jixiao needs on a fresh Debian machine with Python 3.11, as root:
# the Debian packages (CJK fonts for charts and PDF, pango for WeasyPrint, poppler for
# PDF previews), a virtual environment .venv with the pinned Python packages, and the
# `jixiao` command on the PATH.  `--test` adds the test dependencies (with LibreOffice headless
# and chromium for the docx and browser tests); `--spark` adds the
# Spark engine (Debian's headless Java when no java is on the PATH, and the pinned pyspark).
# The tests run the Spark engine too, so `--test` implies `--spark`.
set -euo pipefail
cd "$(dirname "$0")/.."

test=false spark=false
for arg in "$@"; do
  case "$arg" in
    --test) test=true spark=true ;;
    --spark) spark=true ;;
    *) echo "用法：bash scripts/install.sh [--test] [--spark]" >&2; exit 2 ;;
  esac
done

apt_packages="fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils"
python3 -c "import ensurepip" 2>/dev/null || apt_packages="$apt_packages python3-venv"
# tests lay the docx out with LibreOffice headless to look at it as Word/WPS users see it
if $test; then apt_packages="$apt_packages libreoffice-writer-nogui"; fi
# --test: the web workbench's browser tests drive Debian's chromium through Playwright
# (executable_path; `playwright install` cannot download browsers here)
if $test; then apt_packages="$apt_packages chromium"; fi
if $spark && ! command -v java >/dev/null 2>&1; then apt_packages="$apt_packages default-jre-headless"; fi
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
if $test; then pip_quiet -r requirements-test.lock; fi
if $spark; then pip_quiet -r requirements-spark.lock; fi
pip_quiet --no-deps -e .
.venv/bin/python -c "import jixiao, duckdb, yaml, typer" || { echo "安装失败：请查看上面的 pip 输出" >&2; exit 1; }
if $spark; then
  .venv/bin/python -c "import pyspark" && java -version >/dev/null 2>&1 || { echo "Spark 引擎安装失败：需要 Java 和 pyspark" >&2; exit 1; }
fi
ln -sf "$PWD/.venv/bin/jixiao" /usr/local/bin/jixiao
echo "jixiao 已安装：$(command -v jixiao)" >&2
