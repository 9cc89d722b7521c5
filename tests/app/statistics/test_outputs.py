"""The workbook, the printed tables, the periodic reports and the stats command, read back."""
import json
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.reports.periodic import build_periodic, periodic_pdf
from app.reports.statistics import statistics_pdf
from app.statistics.periods import parse_period
from app.statistics.report import load_statistics
from app.statistics.workbook import export_statistics


@pytest.fixture
def stats(store, town):
    return load_statistics(store, period=parse_period("2026Q3"), today=date(2026, 9, 30))


def _pdf_text(path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_workbook_cells_are_text(stats, tmp_path):
    path = export_statistics(stats, path=tmp_path / "统计.xlsx")
    book = load_workbook(path)
    sheet = book["意见建议按类别"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert values[0] == ["类别", "件数"]
    assert ["=1+1", "1"] in values                   # a category like a formula stays text
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "=1+1")
    assert cell.data_type == "s"
    overall = book["全体代表参与率"]
    assert [c.value for c in overall[3]] == ["8", "5", "1", "2", "62.5%"]
    assert not list(tmp_path.glob(".保存中-*"))       # no temporary file left behind


def test_printed_tables(stats, tmp_path):
    text = _pdf_text(statistics_pdf(stats, path=tmp_path / "统计.pdf"))
    assert "2026年第3季度代表工作统计" in text
    assert "五个全覆盖" in text and "孙八" in text and "62.5%" in text


def test_quarterly_check_report(stats, tmp_path):
    text = _pdf_text(periodic_pdf(stats, kind="quarterly", path=tmp_path / "季度检查.pdf"))
    assert "季度检查" in text
    assert "代表出席5人次" in text and "请假1人次" in text and "缺席2人次" in text
    assert "有1次活动尚未登记出勤" in text


def test_report_kind_must_fit_the_period(stats):
    with pytest.raises(ValueError, match="年度总结应按年统计"):
        build_periodic(stats, kind="yearly")


def test_stats_command(data_dir, store, town, tmp_path, capsys):
    store.close()
    code = main(["--data-dir", str(data_dir), "stats", "--period", "2026Q3", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["overall"]["expected"] == 8 and data["overall"]["attended"] == 5
    assert data["coverage"]["groups"]["missing"] == ["西片小组"]
    out = tmp_path / "年度总结.pdf"
    assert main(["--data-dir", str(data_dir), "stats", "report", "yearly", "--period", "2026", str(out)]) == 0
    assert "年度总结" in _pdf_text(out)
    assert main(["--data-dir", str(data_dir), "stats", "--period", "2026Q7"]) == 2
    assert "无法识别" in capsys.readouterr().err


class CancelsAtFirstStep:
    """The user presses 取消 as soon as the first table is under way."""

    def __init__(self) -> None:
        self.cancelled, self.steps = False, []

    def step(self, done: int, total: int, message: str) -> None:
        self.steps.append((done, total))
        self.cancelled = True


def test_a_workbook_export_cancelled_part_way_leaves_the_old_file_and_no_temporary(stats, tmp_path):
    from app.progress import Cancelled
    (tmp_path / "导出").mkdir()
    target = tmp_path / "导出" / "统计.xlsx"
    export_statistics(stats, path=target)
    good = target.read_bytes()
    progress = CancelsAtFirstStep()
    with pytest.raises(Cancelled):
        export_statistics(stats, path=target, progress=progress)
    assert progress.steps[0][0] == 0 and progress.steps[0][1] > 1     # stopped with tables still to write
    assert target.read_bytes() == good
    assert list(target.parent.iterdir()) == [target]                         # no temporary beside it
