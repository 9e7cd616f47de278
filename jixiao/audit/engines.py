"""Where the audit and the data figures run: the one place the engine is chosen.

`duckdb` (default): the Ibis expressions run on the workspace's DuckDB store directly.
`spark`: the store's tables are exported to typed Parquet (out/parquet/, refreshed only
when the inputs changed) and the same expressions run on Apache Spark through Ibis's
PySpark backend — local mode on this machine, or a cluster given by its master URL.
Reading the messy inputs always stays on DuckDB (ingest); Spark sees only typed Parquet."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.errors import JixiaoError

ENGINES = ("duckdb", "spark")
AUDIT_TABLES = ("roster", "payments", "deaths", "dibao", "funds", "ingest_findings")
PARQUET_DIR = "parquet"

# Quiet Spark: errors only, on stderr, no banner ("Using Spark's default log4j profile").
LOG4J = """rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
"""


@dataclass(frozen=True)
class Engine:
    """An engine choice: its name, and for Spark the master URL and extra settings."""

    name: str = "duckdb"
    spark_master: str | None = None  # None: local mode on every core of this machine
    spark_conf: tuple[tuple[str, str], ...] = field(default=())

    @property
    def is_spark(self) -> bool:
        return self.name == "spark"

    def label(self) -> str:
        if not self.is_spark:
            return "DuckDB"
        return f"Spark（{self.spark_master or local_master()}）"


DUCKDB = Engine()


def engine_of(name: str = "duckdb", spark_master: str | None = None,
              spark_conf: list[str] | tuple[str, ...] = ()) -> Engine:
    """The engine named on the command line; an unknown name or setting is the user's error."""
    name = (name or "duckdb").strip().lower()
    if name not in ENGINES:
        raise JixiaoError(f"--engine 应为 duckdb 或 spark，而不是 {name!r}")
    if name != "spark" and (spark_master or spark_conf):
        raise JixiaoError("--spark-master 和 --spark-conf 只能与 --engine spark 一起使用")
    pairs = []
    for item in spark_conf:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise JixiaoError(f"--spark-conf 应写成 键=值（如 spark.executor.memory=8g），而不是 {item!r}")
        pairs.append((key.strip(), value.strip()))
    return Engine(name, spark_master or None, tuple(pairs))


def audit_backend(engine: Engine | None, con: Any, out: Path) -> Any:
    """An Ibis backend holding the store tables the audit reads, on the chosen engine."""
    import ibis

    if engine is None or not engine.is_spark:
        return ibis.duckdb.from_connection(con)
    folder = export_parquet(con, out / PARQUET_DIR)
    backend = spark_backend(engine)
    release(backend)  # audits in one process run one after another: the last one's tables go
    session = backend._session
    for table in AUDIT_TABLES:
        session.read.parquet(str(folder / f"{table}.parquet")).createOrReplaceTempView(table)
    return backend


def export_parquet(con: Any, folder: Path) -> Path:
    """The audited store tables as typed Parquet files (DECIMAL(18,2), DATE, …), written
    again only when the store was loaded from other inputs since the last export."""
    stamp = json.dumps(con.execute('SELECT "table", digest FROM _sources ORDER BY 1').fetchall())
    marker = folder / "_sources.json"
    if marker.is_file() and marker.read_text(encoding="utf-8") == stamp and all(
            (folder / f"{t}.parquet").is_file() for t in AUDIT_TABLES):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for table in AUDIT_TABLES:
        target = str(folder / f"{table}.parquet").replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)")
    marker.write_text(stamp, encoding="utf-8")
    return folder


def local_master() -> str:
    return f"local[{os.cpu_count() or 1}]"


_SESSIONS: dict[Engine, Any] = {}


def spark_backend(engine: Engine) -> Any:
    """One Spark session per engine setting and process, wrapped as an Ibis backend."""
    if engine not in _SESSIONS:
        _SESSIONS[engine] = _connect(engine)
    return _SESSIONS[engine]


def _connect(engine: Engine) -> Any:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise JixiaoError("使用 --engine spark 需要 Java：请运行 bash scripts/install.sh --spark 安装 Java 和 PySpark")
    try:  # heavy and optional: only --engine spark needs it
        from pyspark.sql import SparkSession
    except ImportError:
        raise JixiaoError("使用 --engine spark 需要 PySpark：请运行 bash scripts/install.sh --spark") from None
    master = engine.spark_master or local_master()
    local = master.startswith("local")
    log4j = Path(tempfile.gettempdir()) / "jixiao-spark-log4j2.properties"
    log4j.write_text(LOG4J, encoding="utf-8")
    conf = {
        "spark.app.name": "jixiao",
        "spark.ui.showConsoleProgress": "false",
        "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile=file:{log4j}",
        "spark.sql.session.timeZone": "UTC",
    }
    if local:  # one machine: few shuffle partitions, no web UI, the driver holds the data
        cores = int(master[6:-1]) if master[6:-1].isdigit() else (os.cpu_count() or 1)
        conf.update({"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": str(max(4, 2 * cores)),
                     "spark.driver.memory": "4g", "spark.local.dir": str(Path(tempfile.gettempdir()) / "jixiao-spark")})
    for key, value in engine.spark_conf:
        conf[key] = f"{conf[key]} {value}" if key == "spark.driver.extraJavaOptions" else value
    builder = SparkSession.builder.master(master)
    for key, value in conf.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    backend = _backend_class()().connect(session)
    return backend


def _backend_class() -> type:
    from ibis.backends.pyspark import Backend

    class SparkBackend(Backend):
        """Ibis's PySpark backend with cached tables that are materialised at once and cut
        from their lineage (small plans for the checks built on them), and with the
        in-memory tables they use registered first (ibis 12 skips that for .cache())."""

        def _create_cached_table(self, name: str, expr: Any) -> Any:
            self._run_pre_execute_hooks(expr)
            frame = self._session.sql(self.compile(expr)).localCheckpoint(eager=True)
            frame.createTempView(name)
            self._cached_dataframes[name] = frame
            return self.table(name)

    return SparkBackend


def release(backend: Any) -> None:
    """Unpersist the tables an earlier audit cached on this Spark backend."""
    for name in list(backend._cached_dataframes):
        backend._drop_cached_table(name)


def stop_spark() -> None:
    """Stop every Spark session this process started (tests, the end of a batch)."""
    while _SESSIONS:
        _, backend = _SESSIONS.popitem()
        backend._session.stop()
