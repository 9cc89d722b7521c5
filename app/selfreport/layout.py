"""The fill-in workbook's sheets and columns, shared by the export and the reading of returned files."""
from __future__ import annotations

from app.text_rules import LONG_TEXT, SHORT_TEXT
from app.vocabulary import SelfReportKind
from app.workbook_guard import Limits

MB = 1024 * 1024
# A returned form holds a group's few dozen rows: anything far bigger is not one of ours.
LIMITS = Limits(what="履职填报表", total_bytes=16 * MB, rows=9_999, columns="AZ")

GUIDE, ACTIVITIES, VISITS, SUGGESTIONS = "填表说明", "参加活动", "走访选民", "意见建议"
TITLE_ROW, HEADER_ROW = 1, 2            # data starts on row 3
RECORDED = "已登记"                     # the 登记情况 of a row copied from the records
BLANK_ROWS = 5                          # blank rows per deputy in each sheet to fill in

ROSTER_HEADER = ("编号", "姓名", "代表小组")
# 参加活动: a blank row claims an attendance the records miss, naming a recorded activity.
ACTIVITY_COLUMNS = (("姓名", "name", SHORT_TEXT), ("活动日期", "on", 0), ("活动类型", "kind", SHORT_TEXT),
                    ("主题", "theme", SHORT_TEXT), ("出勤（出席/请假）", "status", 4),
                    ("请假原因", "reason", 200), ("登记情况", "recorded", SHORT_TEXT))
ATTENDANCE_CLAIMS = ("出席", "请假")
# (header, field, limit) of the sheets a deputy fills in; 姓名 first, 登记情况 last.
VISIT_COLUMNS = (("姓名", "name", SHORT_TEXT), ("走访日期", "on", 0),
                 ("走访对象（联系选民或帮扶户）", "target", SHORT_TEXT), ("方式", "way", 20),
                 ("走访内容", "content", LONG_TEXT), ("登记情况", "recorded", SHORT_TEXT))
SUGGESTION_COLUMNS = (("姓名", "name", SHORT_TEXT), ("提出日期", "on", 0), ("标题", "title", SHORT_TEXT),
                      ("内容", "content", LONG_TEXT), ("类别", "category", 40),
                      ("登记情况", "recorded", SHORT_TEXT))
KINDS = {ACTIVITIES: (SelfReportKind.ATTENDANCE.value, ACTIVITY_COLUMNS), VISITS: (SelfReportKind.VISIT.value, VISIT_COLUMNS),
         SUGGESTIONS: (SelfReportKind.SUGGESTION.value, SUGGESTION_COLUMNS)}
