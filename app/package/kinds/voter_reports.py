"""述职评议: deputies' reports to voters made in the period (and corrections, see app.package.scope),
with the voters' 测评 once entered, so the county sees who has reported from the same records the
dossier and the statistics use. A deputy travels by uuid and name; a scan of the report stays on
the township's computer (the sheet names it), its text travels."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.cn import date_cn
from app.package import scope as contents
from app.package.checks import RowIssue
from app.package.columns import DATE, INT, MARK_COL, UPDATED_COL, UUID_COL, Column, SheetSpec
from app.package.kinds.base import Kind, id_of, stamp
from db.models.roster import Deputy
from db.models.voter_report import VoterReport

COUNTS = {"satisfied": "满意票", "basically": "基本满意票", "unsatisfied": "不满意票"}


class VoterReportKind(Kind):
    spec = SheetSpec("述职评议", (
        UUID_COL, MARK_COL, Column("deputy_uuid", "代表编号", width=38, required=True),
        Column("name", "代表", width=10), Column("reported_on", "述职日期", DATE, 12, required=True),
        Column("place", "述职地点", width=20, required=True),
        Column("voters_present", "到会选民", INT, 10, required=True),
        *(Column(key, header, INT, 10) for key, header in COUNTS.items()),
        Column("text", "述职报告", width=40), Column("scan_name", "扫描件", width=20), UPDATED_COL))
    entity = "voter_report"
    model = VoterReport
    order = 49
    info_keys = frozenset({"report", "name", "scan_name"})

    def sheet_rows(self, session, scope):
        """Plain rows (no ORM records) in column order, as `values` has them."""
        picked = contents.voter_reports(session, scope)
        return [[u, picked.mark(i), *rest] for i, u, *rest in _rows(session, picked.ids)]

    def values(self, session, obj: VoterReport) -> dict:
        keys = [c.key for c in self.spec.columns if c.key != "report"]
        [row] = _rows(session, [obj.id])
        return {"report": None, **dict(zip(keys, row[1:]))}

    def find(self, session, row):
        return session.scalar(select(VoterReport).where(VoterReport.uuid == row["uuid"]))

    def title(self, row):
        return f"{row.get('name') or ''} {row.get('reported_on') or ''} 向选民述职".strip()

    def check(self, rows, session):
        """The rules of the form that records a report and enters its 测评."""
        today = date.today()
        for number, row in rows:
            on, present = row.get("reported_on"), row.get("voters_present")
            if on is not None and on > today:
                yield RowIssue(number, "述职日期", f"述职日期{date_cn(on)}还没到：述职后再登记，这一行未导入")
            if present is not None and present < 1:
                yield RowIssue(number, "到会选民", f"到会选民 {present} 人：应至少 1 人，这一行未导入")
            counts = {header: row.get(key) for key, header in COUNTS.items()}
            filled = [h for h, n in counts.items() if n is not None]
            if not filled:
                continue
            if len(filled) < len(COUNTS):
                empty = next(h for h, n in counts.items() if n is None)
                yield RowIssue(number, empty, f"测评票数只填了{'、'.join(filled)}：满意、基本满意、不满意三项"
                                              "要么都填（没有的填 0），要么都空着，这一行未导入")
            elif negative := next((h for h, n in counts.items() if n < 0), None):
                yield RowIssue(number, negative, "测评票数不能为负数，这一行未导入")
            elif sum(counts.values()) == 0:
                yield RowIssue(number, "满意票", "测评票数合计为 0：请填写收回的满意、基本满意、不满意票数，"
                                                "尚未测评的三项都空着，这一行未导入")
            elif present is not None and present >= 1 and sum(counts.values()) > present:
                yield RowIssue(number, "满意票", f"测评票数合计 {sum(counts.values())} 张，多于到会选民 {present} 人，"
                                                "这一行未导入")

    def same(self, key, local, incoming):
        # A row without the report's text leaves the local text as it is (see write).
        if key == "text" and incoming is None:
            return True
        return local == incoming

    def write(self, uow, obj, row):
        s = uow.session
        deputy_id = id_of(s, Deputy, row["deputy_uuid"], "代表")
        if obj is None:
            obj = VoterReport(deputy_id=deputy_id, reported_on=row["reported_on"], place=row["place"],
                              voters_present=row["voters_present"])
            s.add(obj)
        obj.deputy_id, obj.reported_on, obj.place = deputy_id, row["reported_on"], row["place"]
        obj.voters_present = row["voters_present"]
        obj.satisfied, obj.basically, obj.unsatisfied = (row.get(k) for k in COUNTS)
        if row.get("text"):
            obj.text = row["text"]
        stamp(obj, row)
        s.flush()
        return obj


def _rows(session, ids: list[int]) -> list[list]:
    """[id, uuid, deputy uuid, name, day, place, voters, satisfied, basically, unsatisfied, text,
    scan name, updated] in the sheet's order."""
    out = []
    for chunk in range(0, len(ids), 500):
        q = (select(VoterReport.id, VoterReport.uuid, Deputy.uuid, Deputy.name, VoterReport.reported_on,
                    VoterReport.place, VoterReport.voters_present, VoterReport.satisfied, VoterReport.basically,
                    VoterReport.unsatisfied, VoterReport.text, VoterReport.scan_name, VoterReport.updated_at)
             .join(Deputy, Deputy.id == VoterReport.deputy_id)
             .where(VoterReport.id.in_(ids[chunk:chunk + 500])).order_by(VoterReport.reported_on, VoterReport.id))
        out += [[*head, text or None, scan or None, at]
                for *head, text, scan, at in session.connection().execute(q).all()]
    return out
