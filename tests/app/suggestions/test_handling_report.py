"""办理情况报告 and the half-year 通报. What the secretary and the county read in them: 办结率 is
the share of the period's suggestions that are closed (办结) on the day it is printed, 满意率 the
share of the suggestions the deputies have voted on whose latest vote came out 满意 or 基本满意,
and every suggestion of the period is listed with its outcome. Checked on five suggestions
counted by hand, and on the demo township."""
from datetime import date

import pytest
from pypdf import PdfReader

from app import settings
from app.reports.handling_report import build_handling_report, handling_report_pdf, load_handling_report
from app.statistics.periods import parse_period
from app.suggestions.closing import close
from app.suggestions.handling import assign, pass_up
from app.suggestions.ledger import register_suggestion
from app.suggestions.replies import record_reply, record_satisfaction
from app.suggestions.units import add_unit
from db.models.congress import CongressSession

TODAY = date(2026, 12, 10)


def _pdf_text(path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)


@pytest.fixture
def ledger(store, deputies):
    """A closed 解决 (满意); B closed 列入计划 after a 不满意 and a 基本满意; C answered, voted
    不满意 and sent back; D passed up to the county; E not assigned; one of 2025 that no 2026
    report counts."""
    zhang, li = deputies["张三"], deputies["李四"]
    with store.write("准备") as uow:
        settings.save(uow, "township", settings.Township(name="青山镇", code="421281103000", county="崇阳县", term=18))
        unit = add_unit(uow, name="镇城建办")
        uow.session.add(CongressSession(term=18, number=5, start_date=date(2027, 1, 15)))
        uow.session.add(CongressSession(term=18, number=4, start_date=date(2026, 1, 10)))

        def new(title, received):
            return register_suggestion(uow, title=title, content="", lead_deputy_id=zhang, cosigner_ids=[li],
                                       received_on=received, category="基础设施")

        def answered(sid, on, votes):
            rid = record_reply(uow, suggestion_id=sid, replied_on=on, form="书面", content="答复", answered_by="刘")
            record_satisfaction(uow, reply_id=rid, votes=votes, voted_on=on)

        a, b, c = new("A村道修缮", date(2026, 3, 2)), new("B路灯维修", date(2026, 4, 1)), new("C饮水改造", date(2026, 5, 6))
        d, e = new("D省道红绿灯", date(2026, 9, 1)), new("E校车安排", date(2026, 11, 2))
        new("去年的建议", date(2025, 12, 20))
        assign(uow, suggestion_ids=[a], lead_unit_id=unit, assigned_on=date(2026, 3, 3))
        answered(a, date(2026, 3, 5), {zhang: "满意", li: "满意"})
        close(uow, suggestion_id=a, closed_on=date(2026, 3, 10), result="解决")
        assign(uow, suggestion_ids=[b], lead_unit_id=unit, assigned_on=date(2026, 4, 2))
        answered(b, date(2026, 4, 3), {zhang: "不满意", li: "不满意"})
        answered(b, date(2026, 4, 10), {zhang: "基本满意", li: "基本满意"})
        close(uow, suggestion_id=b, closed_on=date(2026, 4, 20), result="列入计划", explanation="明年实施")
        assign(uow, suggestion_ids=[c], lead_unit_id=unit, assigned_on=date(2026, 5, 7))
        answered(c, date(2026, 5, 8), {zhang: "不满意", li: "不满意"})
        pass_up(uow, suggestion_id=d, passed_on=date(2026, 9, 2), kind="complex",
                county_reference="崇人代转〔2026〕12号")
    return {"A": a, "B": b, "C": c, "D": d, "E": e}


def test_the_years_rates_counted_by_hand(store, ledger):
    report = load_handling_report(store, period=parse_period("2026"), today=TODAY)
    s = report.summary
    assert [r.title for r in report.rows] == ["A村道修缮", "B路灯维修", "C饮水改造", "D省道红绿灯", "E校车安排"]
    assert (s.registered, s.by_mode, s.not_assigned) == (5, {"交办": 3, "转办": 1}, 1)
    # 办结率: A and B of five.
    assert s.figures["closed"].text == "40.0%（2/5）"
    # 满意率: latest votes A 满意, B 基本满意, C 不满意 → 2 of 3 (B's first 不满意 is not its latest).
    assert s.by_vote == {"满意": 1, "基本满意": 1, "不满意": 1}
    assert s.figures["satisfied_by_suggestion"].text == "66.7%（2/3）"
    assert s.figures["assigned"].text == "80.0%（4/5）"
    assert s.by_result == {"解决": 1, "正在解决": 0, "列入计划": 1, "因条件限制暂不能解决": 0}
    assert [r.title for r in s.open_rows] == ["C饮水改造", "D省道红绿灯", "E校车安排"]
    assert report.next_session == "第十八届人民代表大会第五次会议"


def test_the_printed_report_names_each_outcome(store, ledger, tmp_path):
    text = _pdf_text(handling_report_pdf(store, period=parse_period("2026"), today=TODAY, path=tmp_path / "报告.pdf"))
    assert "青山镇人大主席团关于2026年度代表意见建议办理情况的报告" in text
    assert "书面印发青山镇第十八届人民代表大会第五次会议" in text
    assert "共收到代表意见建议5件" in text
    assert "办结率40.0%（2/5）" in text and "满意率66.7%（2/3）" in text
    assert "A村道修缮" in text and "已办结（解决）" in text and "已办结（列入计划）" in text
    assert "已转办（崇人代转〔2026〕12号）" in text and "未交办" in text
    assert "去年的建议" not in text
    assert "尚未办结的3件" in text


def test_the_half_year_notice_counts_its_own_half(store, ledger, tmp_path):
    report = load_handling_report(store, period=parse_period("2026H1"), today=TODAY)
    assert [r.title for r in report.rows] == ["A村道修缮", "B路灯维修", "C饮水改造"]
    assert report.summary.figures["closed"].text == "66.7%（2/3）"
    assert report.summary.figures["satisfied_by_suggestion"].text == "66.7%（2/3）"
    text = _pdf_text(handling_report_pdf(store, period=parse_period("2026H1"), today=TODAY, path=tmp_path / "通报.pdf"))
    assert "关于2026年上半年代表意见建议办理情况的通报" in text
    assert "印发" not in text                     # a 通报 is not a paper for the congress


def test_an_empty_year_says_so(store):
    report = load_handling_report(store, period=parse_period("2026"), today=TODAY)
    doc = build_handling_report(report)
    words = " ".join(getattr(b, "text", "") for b in doc.blocks)
    assert "2026年度没有收到代表意见建议" in words and "书面印发下一次人民代表大会会议" in words


def test_only_a_year_or_a_half_year(store):
    with pytest.raises(ValueError, match="2026H1"):
        load_handling_report(store, period=parse_period("2026Q3"), today=TODAY)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, migrated_template):
    import shutil
    from app.demo import fill_demo
    from app.paths import DB_FILE
    from app.store import Store
    folder = tmp_path_factory.mktemp("demo")
    shutil.copy(migrated_template, folder / DB_FILE)
    store = Store.open(folder, daily_backup=False)
    fill_demo(store)
    yield store
    store.close()


def test_demo_township_report_agrees_with_its_ledger(demo_store, tmp_path):
    from app.suggestions.views import list_ledger
    report = load_handling_report(demo_store, period=parse_period("2026"), today=TODAY)
    with demo_store.read() as session:
        year = [r for r in list_ledger(session, today=TODAY, year=2026)]
    closed = [r for r in year if r.closed_on]
    assert report.summary.registered == len(year) > 20
    assert report.summary.figures["closed"].numerator == len(closed) > 5
    # The demo's escalated suggestion (two 不满意, then 约见) is named in the report.
    text = _pdf_text(handling_report_pdf(demo_store, period=parse_period("2026"), today=TODAY,
                                         path=tmp_path / "演示.pdf"))
    assert "约见" in text and "集镇污水管网建设滞后" in text


def test_the_stats_command_prints_it(data_dir, store, ledger, tmp_path, capsys):
    from app.cli import main
    store.close()
    out = tmp_path / "通报.pdf"
    assert main(["--data-dir", str(data_dir), "stats", "report", "handling", "--period", "2026H1", str(out)]) == 0
    assert "办理情况的通报" in _pdf_text(out)
    assert main(["--data-dir", str(data_dir), "stats", "report", "handling", "--period", "2026Q2",
                 str(tmp_path / "x.pdf")]) == 2
    assert "2026H1" in capsys.readouterr().err
