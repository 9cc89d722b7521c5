"""The county summary is made for one period, and a township counts once in it: a township of 43
deputies counts 43, however many of its packages were merged; its records dated in the period
count once whichever packages brought them; a township with no package for the period is shown
as 未报送, not as zero."""
from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from app.cli import main
from app.package import PackageError
from app.package.county import merge_packages
from app.package.county_summary import sum_totals, township_totals
from app.package.export import export_package
from app.package.period import date_range, parse_quarter
from app.package.summary_period import parse_summary_period, summary_choices, summary_label
from app.store import Store
from tests.app.package.helpers import add_roster, set_township
from tests.app.package.records import add_records

PEOPLE = [("张三", [("乡镇", "在任"), ("县", "在任")]), ("李四", [("乡镇", "在任")])] + \
         [(f"代表{i:02d}", [("乡镇", "在任")]) for i in range(41)]
YEAR = date_range(date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    """青山镇 (43 deputies, the usual records: a May and a July activity, two July suggestions) sends its
    Q3 package, its Q4 package and a whole-year package; 白霓镇 (2 deputies) only its Q3 package."""
    folder = tmp_path_factory.mktemp("乡镇")
    out = {}
    with Store.open(folder / "青山镇", today=date(2026, 11, 22)) as s:
        set_township(s)
        add_roster(s, PEOPLE)
        add_records(s)
        for name, period in (("Q3", parse_quarter("2026Q3")), ("Q4", parse_quarter("2026Q4")), ("全年", YEAR)):
            out[name] = export_package(s, out=folder / f"青山镇{name}.xlsx", period=period).path
    with Store.open(folder / "白霓镇", today=date(2026, 11, 22)) as s:
        set_township(s, name="白霓镇", code="421281104000")
        add_roster(s, [("赵六", [("乡镇", "在任")]), ("钱七", [("县", "在任")])])
        out["白霓镇"] = export_package(s, out=folder / "白霓镇Q3.xlsx", period=parse_quarter("2026Q3")).path
    return out


@pytest.fixture
def county(store, packages):
    set_township(store, name="崇阳县", code="421281000000", mode="county")
    merge_packages(store, [packages["Q4"], packages["全年"], packages["Q3"], packages["白霓镇"]])
    return store


def by_name(totals):
    return {t.township: t for t in totals}


@pytest.mark.parametrize("period", ["2026Q3", "2026Q4", "2026H2", "2026"])
def test_a_township_of_43_counts_43_however_many_packages_were_merged(county, period):
    totals = township_totals(county, period=parse_summary_period(period))
    assert [t.township for t in totals] == ["青山镇", "白霓镇"]           # one row each
    assert by_name(totals)["青山镇"].deputies == 43
    assert by_name(totals)["青山镇"].by_level["乡镇"] == 43 and by_name(totals)["青山镇"].by_level["县"] == 1


def test_records_count_once_by_their_own_dates(county):
    q3, year, h1 = (by_name(township_totals(county, period=parse_summary_period(p)))["青山镇"]
                    for p in ("2026Q3", "2026", "2026H1"))
    # the July activity (carried by the Q3 and the whole-year package) once; the May one is not in Q3
    assert (q3.activities, q3.suggestions, q3.took_part) == (1, 2, 1)
    assert (year.activities, year.suggestions) == (2, 2)
    assert (h1.activities, h1.suggestions) == (1, 0)
    assert q3.sources == ("2026年第3季度", "2026年1月1日至2026年12月31日")


def test_a_township_without_a_package_for_the_period_is_missing_not_zero(county):
    totals = township_totals(county, period=parse_summary_period("2026Q4"))
    baini = by_name(totals)["白霓镇"]
    assert not baini.reported
    assert set(baini.figures().values()) == {"未报送"}
    total = sum_totals(totals)
    assert total.deputies == 43                    # the reporting township only
    assert total.sources == ("1 个乡镇已报送，1 个未报送",)
    # and in Q3 both reported: 43 + 2
    assert sum_totals(township_totals(county, period=parse_summary_period("2026Q3"))).deputies == 45


def county_folder(path, packages=()):
    """A county data folder, closed again (the command line opens it itself)."""
    with Store.open(path, today=date(2026, 11, 22)) as s:
        set_township(s, name="崇阳县", code="421281000000", mode="county")
        merge_packages(s, list(packages))
    return path


def test_the_summary_workbook_from_the_command_line(packages, tmp_path, capsys):
    folder = county_folder(tmp_path / "县", [packages["Q4"], packages["全年"], packages["Q3"], packages["白霓镇"]])
    out = tmp_path / "汇总.xlsx"
    code = main(["--data-dir", str(folder), "county", "summary", "--period", "2026Q4", str(out)])
    assert code == 0, capsys.readouterr()
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("各乡镇汇总").to_python()
    table = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert list(table) == ["青山镇", "白霓镇", "合计"]
    assert table["青山镇"]["代表人数"] == 43 and table["青山镇"]["期间"] == "2026年第4季度"
    assert table["白霓镇"]["代表人数"] == "未报送" and table["白霓镇"]["所用数据包"] == "未报送"
    assert table["合计"]["代表人数"] == 43
    assert "未报送：白霓镇" in capsys.readouterr().out


def test_merging_packages_of_different_periods_asks_which_period(packages, tmp_path, capsys):
    folder = county_folder(tmp_path / "县")
    code = main(["--data-dir", str(folder), "county", "merge", str(packages["Q4"]), str(packages["全年"]),
                 "--summary", str(tmp_path / "汇总.xlsx")])
    err = capsys.readouterr().err
    assert code != 0 and "已导入 2 个数据包" in err and "--period" in err
    code = main(["--data-dir", str(folder), "county", "merge", str(packages["Q3"]),
                 "--summary", str(tmp_path / "汇总.xlsx"), "--period", "2026", "--json"])
    assert code == 0
    assert '"代表人数": 43' in capsys.readouterr().out


def test_summary_periods_read_and_named():
    assert summary_label(parse_summary_period("2026")) == "2026年"
    assert summary_label(parse_summary_period("2026h1")) == "2026年上半年"
    assert summary_label(parse_summary_period("2026H2")) == "2026年下半年"
    assert summary_label(parse_summary_period("2026Q3")) == "2026年第3季度"
    for bad in ("2026H3", "26Q1", "2026年", ""):
        with pytest.raises(PackageError, match="2026Q3（季度）"):
            parse_summary_period(bad)
    choices = [summary_label(p) for p in summary_choices([(date(2026, 7, 1), date(2026, 9, 30))])]
    assert choices == ["2026年", "2026年下半年", "2026年第3季度"]
