"""Document building blocks, 号 sizes and Chinese dates."""
from __future__ import annotations

import datetime as dt

import pytest

from app.printing import Document, PrintError, format_date_cn, hao
from app.printing.document import KeyValues, Section, Table


def test_hao_sizes_follow_the_traditional_scale():
    assert hao("初号") == 42
    assert hao("二号") == 22
    assert hao("三号") == 16
    assert hao("小四") == 12
    assert hao("五号") == 10.5
    assert hao("七号") == 5.5
    with pytest.raises(ValueError, match="十号"):
        hao("十号")


def test_dates_are_written_without_leading_zeros():
    assert format_date_cn(dt.date(2026, 11, 22)) == "2026年11月22日"
    assert format_date_cn(dt.date(2026, 3, 5)) == "2026年3月5日"
    assert format_date_cn(None) == ""


def test_official_styles_use_the_gbt9704_sizes():
    styles = Document(title="x").styles
    assert styles["title"].size == 22 and styles["title"].role == "title"
    assert styles["heading1"].size == 16 and styles["heading1"].role == "heading"
    assert styles["body"].size == 16 and styles["body"].indent_chars == 2
    assert styles["table"].size == 12


def test_blocks_keep_reading_order_and_values():
    doc = Document(title="档案")
    doc.key_values([("姓名", "张三"), ("年龄", 45)], per_row=1)
    doc.section("张三履职档案")
    doc.table(["日期", "人数"], [["2026年1月1日", 12], ["2026年2月1日", None]])
    kv, section, table = doc.blocks
    assert kv == KeyValues((("姓名", "张三"), ("年龄", "45")), 1, 0.4)
    assert section == Section("张三履职档案")
    assert isinstance(table, Table) and table.rows[1] == ("2026年2月1日", "")
    assert doc.section_titles == ["张三履职档案"]


def test_bad_input_is_reported_in_chinese_with_its_place():
    doc = Document(title="档案")
    with pytest.raises(PrintError, match="第 2 行有 1 列"):
        doc.table(["日期", "人数"], [["a", "b"], ["c"]])
    with pytest.raises(PrintError, match="列宽有 3 项"):
        doc.table(["日期", "人数"], [], widths=[1, 2, 3])
    with pytest.raises(PrintError, match="标题级别"):
        doc.heading("三、其他", level=3)
    with pytest.raises(PrintError, match="样式“note”未定义"):
        doc.paragraph("备注", style="note")
