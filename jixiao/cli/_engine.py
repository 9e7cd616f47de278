"""The engine options shared by audit, run and batch: --engine, --spark-master, --spark-conf."""

from __future__ import annotations

import typer

from jixiao.audit.engines import Engine, engine_of

ENGINE = typer.Option("duckdb", "--engine", metavar="duckdb|spark",
                      help="核查引擎：duckdb（默认，本机）或 spark（Apache Spark，读取导出的 Parquet）")
SPARK_MASTER = typer.Option(None, "--spark-master", metavar="URL",
                            help="Spark 集群地址（如 spark://主机:7077）；不写则在本机以 local 模式运行")
SPARK_CONF = typer.Option(None, "--spark-conf", metavar="键=值",
                          help="Spark 设置，可重复（如 --spark-conf spark.executor.memory=8g）")


def chosen_engine(engine: str, spark_master: str | None, spark_conf: list[str] | None) -> Engine:
    return engine_of(engine, spark_master, tuple(spark_conf or ()))
