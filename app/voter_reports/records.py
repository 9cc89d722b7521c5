"""Recording a report to voters, entering its evaluation, deleting it; one audited transaction
each. A scan of the report is stored under its SHA-256 as other attachments are."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.attachments import store_file
from app.cn import date_cn
from app.recycle import move_to_bin
from app.voter_reports import VoterReportError
from db.models.roster import Deputy
from db.models.voter_report import VoterReport


@dataclass(frozen=True)
class ReportInput:
    deputy_id: int
    reported_on: date
    place: str
    voters_present: int
    text: str = ""
    scan: Path | None = None


def record_report(store, data: ReportInput, *, today: date | None = None) -> int:
    place, text = data.place.strip(), data.text.strip()
    _check(data, place=place, text=text, today=today or date.today())
    scan = store_file(store.data_dir, data.scan) if data.scan else None
    with store.write("登记向选民述职") as uow:
        deputy = _deputy(uow.session, data.deputy_id)
        row = VoterReport(deputy_id=deputy.id, reported_on=data.reported_on, place=place,
                          voters_present=data.voters_present, text=text)
        if scan is not None:
            row.scan_sha256, row.scan_ext, row.scan_name = scan.sha256, scan.ext, scan.original_name
        uow.session.add(row)
        uow.session.flush()
        uow.label = f"登记向选民述职（{deputy.name} {date_cn(data.reported_on)}）"
        uow.record(action="create", entity="voter_report", entity_uuid=row.uuid,
                   summary=f"{deputy.name} 向选民述职 {date_cn(data.reported_on)}",
                   after={"on": data.reported_on, "place": place, "voters": data.voters_present,
                          "scan": row.scan_name})
        return row.id


def enter_evaluation(store, *, report_id: int, satisfied: int, basically: int, unsatisfied: int) -> None:
    """The voters' 测评 of one report: the counts of 满意, 基本满意 and 不满意 forms returned."""
    counts = (satisfied, basically, unsatisfied)
    with store.write("录入述职测评结果") as uow:
        row = _live(uow.session, report_id)
        deputy = uow.session.get(Deputy, row.deputy_id)
        if any(c < 0 for c in counts):
            raise VoterReportError("测评票数不能为负数")
        if sum(counts) == 0:
            raise VoterReportError("测评票数合计为 0：请填写收回的满意、基本满意、不满意票数")
        if sum(counts) > row.voters_present:
            raise VoterReportError(f"测评票数合计 {sum(counts)} 张，多于到会选民 {row.voters_present} 人")
        before = {"satisfied": row.satisfied, "basically": row.basically, "unsatisfied": row.unsatisfied}
        row.satisfied, row.basically, row.unsatisfied = counts
        uow.label = f"录入述职测评结果（{deputy.name} {date_cn(row.reported_on)}）"
        uow.record(action="update", entity="voter_report", entity_uuid=row.uuid,
                   summary=f"{deputy.name} 述职测评 满意{satisfied} 基本满意{basically} 不满意{unsatisfied}",
                   before=before, after={"satisfied": satisfied, "basically": basically,
                                         "unsatisfied": unsatisfied})


def delete_report(store, *, report_id: int) -> None:
    with store.write("删除向选民述职") as uow:
        row = _live(uow.session, report_id)
        deputy = uow.session.get(Deputy, row.deputy_id)
        uow.label = f"删除向选民述职（{deputy.name} {date_cn(row.reported_on)}）"
        move_to_bin(uow, row, what=f"向选民述职 {deputy.name} {date_cn(row.reported_on)}")


def _check(data: ReportInput, *, place: str, text: str, today: date) -> None:
    if data.reported_on > today:
        raise VoterReportError(f"述职日期{date_cn(data.reported_on)}还没到：述职后再登记")
    if not place:
        raise VoterReportError("请填写述职地点")
    if len(place) > 200:
        raise VoterReportError(f"述职地点最多 200 个字（现有 {len(place)} 个字）")
    if data.voters_present < 1:
        raise VoterReportError("到会选民人数应至少 1 人")
    if not text and data.scan is None:
        raise VoterReportError("请填写述职报告内容，或附上述职报告的扫描件")


def _deputy(db, deputy_id: int) -> Deputy:
    deputy = db.get(Deputy, deputy_id)
    if deputy is None or deputy.deleted_at is not None:
        raise VoterReportError(f"代表（编号 {deputy_id}）不存在或已被删除")
    return deputy


def _live(db, report_id: int) -> VoterReport:
    row = db.get(VoterReport, report_id)
    if row is None or row.deleted_at is not None:
        raise VoterReportError("找不到这次述职记录（可能已被删除）")
    return row
