"""The year's dated duties as a line each in the statistics (and so in the workbook and the
printout), counted by hand on tests/app/statistics/township.py."""
from datetime import date

from openpyxl import load_workbook

from app.statistics.periods import parse_period
from app.statistics.report import load_statistics
from app.statistics.tables import task_tables
from app.statistics.workbook import export_statistics


def _rows(store, period, today):
    stats = load_statistics(store, period=parse_period(period), today=today)
    table = task_tables(stats)[0]
    return stats, table, {row[0].split("：")[0][:3]: row for row in table.rows}


def test_year_statistics_on_8_october(store, town):
    _stats, table, rows = _rows(store, "2026", date(2026, 10, 8))
    assert table.title == "年度工作任务完成情况" and table.note == "截至2026年10月8日"
    # no suggestion registered by 06-30: the problem list had nothing to hold
    assert rows["6月底"][1:4] == ("2026年6月30日", "0/0", "无此项")
    # answered by 09-30: S1 voted, S5's second reply voted, S4 not voted
    survey = rows["9月开"]
    assert survey[2:4] == ("2/3", "逾期未完成") and "路灯" in survey[4]
    # serving on 08-31: 张三 李四 王五 赵六 孙八, none with a single visit
    visits = rows["“双联"]
    assert visits[1:4] == ("2026年8月31日", "0/5", "逾期未完成")
    # in pinyin order: lisi, sunba, wangwu, zhangsan, zhaoliu
    assert visits[4] == "李四（0 户）、孙八（0 户）、王五（0 户）、张三（0 户）、赵六（0 户）"
    assert all("每位代表走访5个选民家庭" in tip or "问题清单" in tip or "满意度测评" in tip
               for tip in table.tips)


def test_a_quarter_before_the_survey_month_says_not_yet_due(store, town):
    _stats, _table, rows = _rows(store, "2026Q3", date(2026, 9, 15))
    assert rows["9月开"][2:4] == ("2/3", "未到期")


def test_the_workbook_has_the_line(store, town, tmp_path):
    stats = load_statistics(store, period=parse_period("2026"), today=date(2026, 10, 8))
    book = load_workbook(export_statistics(stats, path=tmp_path / "统计.xlsx"))
    sheet = book["年度工作任务完成情况"]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert any(row[0] and row[0].startswith("9月开展意见建议办理满意度测评") and row[2] == "2/3"
               for row in cells)


def test_empty_install(store):
    _stats, table, rows = _rows(store, "2026", date(2026, 10, 8))
    assert [r[2:4] for r in table.rows] == [("0/0", "无此项")] * 3
