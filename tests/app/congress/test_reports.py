"""Printed session record, vote result sheet, year report and group archive, read back from the PDF."""
from __future__ import annotations

import io

from pypdf import PdfReader

from app.activities.entry import create_activity
from app.activities.inputs import ActivityInput, AttendanceInput as A
from app.activities.plans import set_plan
from app.congress.sessions import SessionAttendanceInput as Att, SessionInput, create_session
from app.livelihood.steps import Proposal, propose, record_vote, review, shortlist
from app.reports.group_archive import print_group_archive
from app.reports.livelihood_year import print_livelihood_year
from app.reports.session_record import print_session_record
from app.reports.vote_result import print_vote_result
from app.suggestions.ledger import register_suggestion
from tests.app.congress.helpers import d, deputies, township


def _text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "".join("".join(p.extract_text().split()) for p in reader.pages)


def _voted_session(store):
    township(store)
    people = deputies(store, ["张三", "李四", "王五"])
    sid = create_session(store, SessionInput(start_date=d(2, 1), place="镇政府大会议室",
                                             attendance=(Att(people[0]), Att(people[1]), Att(people[2], "请假", "住院"))))
    ids = [propose(store, Proposal(2026, t, d(1, 5), proposer="村委会")) for t in ("通组公路硬化", "集镇路灯改造")]
    shortlist(store, year=2026, chosen=set(ids), on=d(1, 10))
    for pid in ids:
        review(store, project_id=pid, on=d(1, 20))
    # 3 deputies: more than half is 2 votes.
    record_vote(store, project_id=ids[0], session_id=sid, votes_for=2, votes_against=0, votes_abstain=0)
    record_vote(store, project_id=ids[1], session_id=sid, votes_for=1, votes_against=0, votes_abstain=1)
    return sid


def test_vote_result_sheet_shows_counts_rule_and_results(store, tmp_path):
    sid = _voted_session(store)
    text = _text(print_vote_result(store, session_id=sid, path=tmp_path / "票决.pdf"))
    assert "青山镇民生实事项目票决结果" in text
    assert "1通组公路硬化2002通过" in text
    assert "2集镇路灯改造1012未通过" in text
    assert "全体代表3名的过半数（至少2票）" in text


def test_session_record_and_year_report(store, tmp_path):
    sid = _voted_session(store)
    record = _text(print_session_record(store, session_id=sid, path=tmp_path / "会议.pdf"))
    year = _text(print_livelihood_year(store, year=2026, path=tmp_path / "年度.pdf"))
    assert "青山镇第十八届人民代表大会第一次会议" in record
    assert "应到3人，出席2人，请假1人，缺席0人" in record and "王五请假住院" in record
    assert "共征集候选项目2个，酝酿入选2个，提交票决2个，票决通过1个" in year
    assert "工作流程：群众点单（征集）→代表定单（酝酿→筛选→票决）→政府领单（实施）→人大验单（监督）。" in year


def test_group_archive_shows_plan_every_activity_and_quarterly_points(store, tmp_path):
    township(store)
    zhang, li = deputies(store, ["张三", "李四"], group="第一代表小组")
    with store.write("计划") as uow:
        set_plan(uow, group_id=1, year=2026, quarter=1, theme="优化营商环境走访企业")
        set_plan(uow, group_id=1, year=2026, quarter=2, theme="农村人居环境整治调研")
    for day, kind, theme, minutes, att in (
            (d(2, 12), "代表小组活动", "走访园区企业", "听取企业用工难问题", (A(zhang), A(li))),
            (d(5, 8), "专题调研", "农村生活污水治理", "实地察看三个村", (A(zhang), A(li, "缺席")))):
        create_activity(store, ActivityInput(kind=kind, start_date=day, theme=theme, group_id=1,
                                             place="青山村", start_time="08:30", end_time="12:00",
                                             minutes=minutes, outcomes=f"{theme}报告正文", attendance=att))
    with store.write("登记") as uow:
        register_suggestion(uow, title="建议修缮青山村便民桥", content="", lead_deputy_id=li,
                            cosigner_ids=[zhang], received_on=d(2, 20))
    path = print_group_archive(store, group_name="第一代表小组", year=2026, path=tmp_path / "档案.pdf",
                               today=d(3, 1))
    text = _text(path)
    assert "第1季度优化营商环境走访企业" in text and "第2季度农村人居环境整治调研" in text
    assert "走访园区企业" in text and "听取企业用工难问题" in text
    assert "农村生活污水治理" in text and "实地察看三个村" in text
    assert "关于农村生活污水治理的调研报告" in text
    # The assessment's default points: activity +2, suggestion led +3, co-signed +1, absence −2.
    # Q1: 张三 attended 1 (+2) and co-signed 1 (+1) = 3; 李四 attended 1 (+2) and led 1 (+3) = 5.
    assert "2026年第1季度履职积分通报" in text
    assert "李四参加活动1次+2，领衔意见建议1件+35" in text
    assert "张三参加活动1次+2，附议意见建议1件+13" in text
    # Q2: 张三 attended the research (+2); 李四 was absent without leave (−2).
    assert "张三参加活动1次+22" in text and "李四无故缺席活动1次-2-2" in text
    assert "积分办法（与年度履职考评相同）：参加活动每次2分" in text
    assert "建议修缮青山村便民桥" in text
