"""The typed tables of the store (out/jixiao.duckdb): the contract between ingest, which
fills them, and audit/metrics, which query them.

Conventions: money DECIMAL(18,2) in 元; months are DATE at the first of the month;
IDs VARCHAR (18 characters when well formed, folded to upper-case X); subsidy is the
canonical name (生活补贴 / 护理补贴); every row keeps `_row`, its spreadsheet row number
as Excel shows it (header row = 1), and `_file`, the source label ("花名册.xlsx#Sheet1").
Only loaded rows are here; skipped and rejected rows are counted in `row_accounting`,
and rejections are also findings (`row-rejected`) in `ingest_findings`.
"""

from __future__ import annotations

TABLES: dict[str, str] = {
    "roster": """
        CREATE TABLE roster (
            _row INTEGER NOT NULL, _file VARCHAR NOT NULL,
            person_id VARCHAR NOT NULL, name VARCHAR NOT NULL, subsidy VARCHAR NOT NULL,
            start DATE NOT NULL,            -- first month entitled
            "end" DATE,                     -- last month entitled, inclusive (stop − 1 month); NULL = open
            end_reason VARCHAR, township VARCHAR, cert_no VARCHAR,
            category VARCHAR,               -- 视力 听力 言语 肢体 智力 精神 多重
            grade TINYINT,                  -- 1..4
            dibao BOOLEAN, phone VARCHAR,
            region VARCHAR                  -- added: 区县 / 行政区划代码, when the table has one (batch)
        )""",
    "payments": """
        CREATE TABLE payments (
            _row INTEGER NOT NULL, _file VARCHAR NOT NULL,
            person_id VARCHAR NOT NULL, name VARCHAR, subsidy VARCHAR NOT NULL,
            period DATE NOT NULL,           -- first month the money is for
            months TINYINT NOT NULL DEFAULT 1,  -- months covered: 1, or 3 for a quarter (2018年第一季度)
            amount DECIMAL(18,2) NOT NULL,
            paid_on DATE, channel VARCHAR,
            region VARCHAR                  -- added: 区县 / 行政区划代码 (batch)
        )""",
    "deaths": """
        CREATE TABLE deaths (
            _row INTEGER NOT NULL, _file VARCHAR NOT NULL,
            person_id VARCHAR NOT NULL, death_date DATE NOT NULL,
            name VARCHAR,                   -- added: the name as listed, when given
            region VARCHAR                  -- added: 区县 / 行政区划代码 (batch)
        )""",
    "dibao": """
        CREATE TABLE dibao (
            _row INTEGER NOT NULL, _file VARCHAR NOT NULL,
            person_id VARCHAR NOT NULL, from_date DATE, to_date DATE,
            name VARCHAR,                   -- added: the name as listed, when given
            region VARCHAR                  -- added: 区县 / 行政区划代码 (batch)
        )""",
    "dibao_members": """
        CREATE TABLE dibao_members (    -- added (CONTRACT §7): members of the households of a per-household 低保名单
            _row INTEGER NOT NULL, _file VARCHAR NOT NULL,
            household_id VARCHAR NOT NULL,  -- 户主身份证号: the person_id of the household's 低保名单 row
            person_id VARCHAR NOT NULL,     -- 成员身份证号
            relation VARCHAR,               -- 与户主关系 (本人, 配偶, 子女 …), as written
            name VARCHAR
        )""",
    "funds": """
        CREATE TABLE funds (
            _row INTEGER NOT NULL, _file VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,          -- 预算 | 到位 | 支出
            level VARCHAR,                  -- 中央 | 省 | 市 | 县 | 镇
            amount DECIMAL(18,2) NOT NULL, date DATE, subsidy VARCHAR,
            voucher VARCHAR, summary VARCHAR,
            region VARCHAR                  -- added: 区县 / 行政区划代码 (batch)
        )""",
    "survey_answers": """
        CREATE TABLE survey_answers (   -- answers form, long: one row per respondent × question
            _row INTEGER NOT NULL, _file VARCHAR NOT NULL,
            question VARCHAR NOT NULL, column_name VARCHAR NOT NULL,
            answer VARCHAR NOT NULL          -- as read (trimmed); the survey stage normalises it
        )""",
    "survey_tallies": """
        CREATE TABLE survey_tallies (   -- tallies form: one row per question × option
            _row INTEGER NOT NULL, _file VARCHAR NOT NULL,
            question VARCHAR NOT NULL, option VARCHAR NOT NULL, count INTEGER NOT NULL  -- option as headed
        )""",
    "ingest_findings": """
        CREATE TABLE ingest_findings (  -- id-* and row-rejected findings raised while reading
            code VARCHAR NOT NULL, "table" VARCHAR NOT NULL, "row" INTEGER,
            person_id VARCHAR, subsidy VARCHAR, period VARCHAR, amount DECIMAL(18,2),
            message VARCHAR NOT NULL, "column" VARCHAR, value VARCHAR,
            region VARCHAR                  -- added: the row's 区县 when its table has one (batch)
        )""",
    "row_accounting": """
        CREATE TABLE row_accounting (
            "table" VARCHAR NOT NULL, _file VARCHAR NOT NULL,
            read INTEGER NOT NULL, loaded INTEGER NOT NULL,
            skipped INTEGER NOT NULL, rejected INTEGER NOT NULL
        )""",
}
