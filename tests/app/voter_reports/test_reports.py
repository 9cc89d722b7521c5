"""述职评议. What the secretary means: every current deputy reports to voters at least once a
year (or, set to 每届, once in the term so far); a deputy with no report recorded in that span is
listed as not yet reported; each report carries the voters' 测评 counts once entered."""
from datetime import date

import pytest

from app import settings
from app.dossier.loader import load_dossiers, year_period
from app.reports.dossier import DossierReport
from app.voter_reports import VoterReportError
from app.voter_reports.reading import missing, year_reports
from app.voter_reports.records import ReportInput, delete_report, enter_evaluation, record_report
from tests.app.congress.helpers import deputies, township

TODAY = date(2026, 11, 20)


def _report(store, deputy_id, on=date(2026, 6, 5), **extra):
    fields = dict(deputy_id=deputy_id, reported_on=on, place="青山村村委会", voters_present=42,
                  text="一年来参加小组活动四次，提出建议三件……")
    fields.update(extra)
    return record_report(store, ReportInput(**fields), today=TODAY)


def _cycle(store, cycle):
    with store.write("规则") as uow:
        rules = settings.load(uow.session, "rules")
        rules.voter_report_cycle = cycle
        settings.save(uow, "rules", rules)


def test_who_has_not_reported_this_year(store):
    township(store)
    zhang, li, wang = deputies(store, ["张三", "李四", "王五"])
    _report(store, zhang)
    _report(store, li, on=date(2025, 12, 20))                 # last year's does not count this year
    assert [n for _i, n in missing(store, year=2026)] == ["李四", "王五"]
    assert [n for _i, n in missing(store, year=2025)] == ["王五", "张三"]


def test_once_a_term_counts_a_report_from_an_earlier_year_of_the_term(store):
    township(store)
    zhang, li = deputies(store, ["张三", "李四"])               # elected 2021-12-20, term 18
    _report(store, li, on=date(2024, 5, 1))
    _cycle(store, "每届")
    assert [n for _i, n in missing(store, year=2026)] == ["张三"]


def test_a_cycle_other_than_yearly_or_per_term_is_refused():
    with pytest.raises(ValueError, match="应填“每年”或“每届”"):
        settings.check_rules(settings.Rules(voter_report_cycle="每月"))


def test_evaluation_counts_are_entered_and_checked_against_the_voters_present(store):
    township(store)
    (zhang,) = deputies(store, ["张三"])
    report = _report(store, zhang)
    assert year_reports(store, year=2026)[0].evaluation == "未测评"
    with pytest.raises(VoterReportError, match="测评票数合计 43 张，多于到会选民 42 人"):
        enter_evaluation(store, report_id=report, satisfied=40, basically=2, unsatisfied=1)
    enter_evaluation(store, report_id=report, satisfied=36, basically=4, unsatisfied=2)
    row = year_reports(store, year=2026)[0]
    assert row.evaluation == "满意 36，基本满意 4，不满意 2"
    assert row.approval_rate == pytest.approx(40 / 42)


@pytest.mark.parametrize(("change", "message"), [
    (dict(on=date(2026, 11, 21)), "述职日期2026年11月21日还没到"),
    (dict(place=" "), "请填写述职地点"),
    (dict(voters_present=0), "到会选民人数应至少 1 人"),
    (dict(text=""), "请填写述职报告内容，或附上述职报告的扫描件"),
])
def test_bad_reports_are_refused_and_change_nothing(store, change, message):
    township(store)
    (zhang,) = deputies(store, ["张三"])
    with pytest.raises(VoterReportError, match=message):
        _report(store, zhang, **change)
    assert year_reports(store, year=2026) == []


def test_a_scan_instead_of_the_text_is_stored_with_the_report(store, tmp_path):
    township(store)
    (zhang,) = deputies(store, ["张三"])
    scan = tmp_path / "述职报告.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned report")
    _report(store, zhang, text="", scan=scan)
    row = year_reports(store, year=2026)[0]
    assert row.scan_name == "述职报告.pdf"
    assert (store.data_dir / "attachments" / row.scan_sha256[:2] / f"{row.scan_sha256}.pdf").read_bytes() == \
        b"%PDF-1.4 scanned report"


def test_deleted_report_no_longer_counts(store):
    township(store)
    (zhang,) = deputies(store, ["张三"])
    delete_report(store, report_id=_report(store, zhang))
    assert [n for _i, n in missing(store, year=2026)] == ["张三"]


def test_the_dossier_section_six_shows_the_report_and_its_evaluation(store, tmp_path):
    from pypdf import PdfReader
    from app.printing import render_pdf
    township(store)
    zhang, li = deputies(store, ["张三", "李四"])
    enter_evaluation(store, report_id=_report(store, zhang), satisfied=36, basically=4, unsatisfied=2)
    with store.read() as s:
        told, silent = load_dossiers(s, deputy_ids=[zhang, li], period=year_period(2026))
    path = render_pdf(DossierReport(told, made_on=TODAY).document(), tmp_path / "档案.pdf")
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)
    section = text[text.index("六、向选民述职情况"):text.index("七、")]
    assert "2026年6月5日" in section and "青山村村委会" in section and "42人" in section
    assert "满意36，基本满意4，不满意2" in section
    path = render_pdf(DossierReport(silent, made_on=TODAY).document(), tmp_path / "档案2.pdf")
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)
    assert "本年度暂无向选民述职记录" in text


def test_the_evaluation_form_names_the_deputy_and_the_report(store, tmp_path):
    from pypdf import PdfReader
    from app.reports.voter_evaluation_form import evaluation_form
    township(store)
    (zhang,) = deputies(store, ["张三"])
    path = evaluation_form(store, report_id=_report(store, zhang), path=tmp_path / "测评表.pdf")
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)
    for expected in ("人大代表向选民述职测评表", "张三", "乡镇人大代表", "2026年6月5日", "青山村村委会",
                     "满意", "基本满意", "不满意", "总体评价", "对代表履职的意见和建议"):
        assert expected in text, expected
    assert len(PdfReader(path).pages) == 1


def test_the_statistics_list_the_reports_and_who_has_not_reported(store):
    from app.statistics.periods import StatPeriod
    from app.statistics.report import load_statistics
    from app.statistics.tables import voter_report_tables
    township(store)
    zhang, li = deputies(store, ["张三", "李四"])
    enter_evaluation(store, report_id=_report(store, zhang), satisfied=36, basically=4, unsatisfied=2)
    stats = load_statistics(store, period=StatPeriod("year", 2026, 1), today=TODAY)
    held, silent = voter_report_tables(stats)
    assert held.rows == (("张三", "2026年6月5日", "青山村村委会", "42", "满意 36，基本满意 4，不满意 2", "95.2%"),)
    assert silent.rows == (("李四", "本年度尚未向选民述职"),)
    assert "尚有 1 人未述职" in silent.note
