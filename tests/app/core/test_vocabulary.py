"""The fixed vocabularies keep the words already stored in databases and data packages, and show
the Chinese the screens, printouts and audit trail have always shown. Every expected word below is
written out by hand from the constants these enums replaced, not taken from the enums."""
import json

from sqlalchemy import inspect

from app import vocabulary as v
from app.audit_text import change_text
from app.package.kinds.activities import ActivityKind, AttendanceKind
from app.package.kinds.congress import CongressAttendanceKind
from app.package.kinds.replies import ReplyKind
from app.package.kinds.seats import SeatKind
from app.package.kinds.suggestions import AssignmentKind, SuggestionKind
from db.models.activity import ActivityAttachment, Attendance
from db.models.calendar import CalendarDay
from db.models.congress import SessionAttendance
from db.models.contact import ReceptionMatter
from db.models.deliberation import DeliberationTopic
from db.models.leave import LeaveRequest
from db.models.roster import Deputy, DeputyLevel
from db.models.selfreport import SelfReportEntry
from db.models.suggestion import HandlingUnit
from db.models.voter_request import VoterRequest

# (enum, stored values in the order offered, labels) as they were before the enums.
STORED_CHINESE = {
    v.Level: ("全国", "省", "市", "县", "乡镇"),
    v.SeatStatus: ("在任", "辞职", "罢免", "调离", "去世", "终止"),
    v.AttendanceStatus: ("出席", "请假", "缺席"),
    v.AttachmentKind: ("照片", "签到表扫描件", "其他"),
    v.LeaveDecision: ("待审批", "批准", "不批准"),
    v.ReceptionOutcome: ("待处理", "当场答复", "转为意见建议", "转交有关部门"),
    v.AgendaKind: ("工作报告", "预算", "选举", "票决", "审议", "其他"),
    v.Mode: ("交办", "转办"),
    v.UnitRole: ("主办", "协办"),
    v.UnitKind: ("乡镇", "县直", "其他"),
    v.ReplyForm: ("书面", "见面", "书面+见面"),
    v.Vote: ("满意", "基本满意", "不满意"),
    v.EscalationForm: ("约见", "评议", "询问"),
    v.ClosureResult: ("解决", "正在解决", "列入计划", "因条件限制暂不能解决"),
    v.SuggestionState: ("未交办", "办理中", "即将到期", "已逾期", "已答复", "已办结"),
    v.Stage: ("征集", "酝酿", "筛选", "票决", "实施", "监督"),
    v.ProjectVerdict: ("通过", "未通过", "未入选"),
    v.Grade: ("优秀", "称职", "基本称职", "不称职"),
    v.SupervisionWay: ("实地督导", "检查"),
    v.MergeStatus: ("将新导入", "将更新", "新导入", "已更新", "拒绝"),
    v.TopicProgress: ("推进中", "已办结", "未能解决"),
    v.VoterRequestOutcome: ("待约见", "见面答复", "转为意见建议", "转交有关部门"),
    v.SelfReportStatus: ("待审核", "已采纳", "已退回"),
    v.DayKind: ("放假", "调休上班"),
}
STORED_KEYS = {
    v.Source: {"own": "代表提出", "activity": "代表活动", "reception": "接待选民", "session": "人代会"},
    v.DeadlineKind: {"ordinary": "一般事项", "complex": "复杂事项"},
    v.Organiser: {"group": "代表小组", "station": "联络站", "presidium": "主席团"},
    v.BirthPrecision: {"day": "年月日", "month": "年月", "year": "年"},
    v.DaySource: {"user": "本乡镇", "county": "县级下发"},
    v.SelfReportKind: {"attendance": "参加活动", "visit": "走访选民", "suggestion": "意见建议"},
}


def test_chinese_words_are_stored_and_shown_as_they_were():
    for vocabulary, words in STORED_CHINESE.items():
        assert vocabulary.values() == words, vocabulary.__name__
        assert vocabulary.labels() == words, vocabulary.__name__


def test_english_keys_are_stored_and_shown_by_their_chinese_names():
    for vocabulary, labels in STORED_KEYS.items():
        assert vocabulary.values() == tuple(labels), vocabulary.__name__
        assert {m.value: m.label for m in vocabulary} == labels, vocabulary.__name__


def test_a_member_is_the_stored_word_itself():
    assert v.AttendanceStatus.PRESENT == "出席" and f"{v.Source.OWN}" == "own"
    assert type(v.Level.values()[0]) is str      # choice lists hold plain words, as written to files
    assert v.Source.label_of("own") == "代表提出"
    assert v.Source.label_of("旧来源") == "旧来源"   # a word from an older file is shown as it is


def _choices(kind, name):
    return next(c.choices for c in kind.spec.columns if c.key == name)


def test_the_data_package_offers_the_same_choices():
    assert _choices(SeatKind, "level") == ("全国", "省", "市", "县", "乡镇")
    assert _choices(SeatKind, "status") == ("在任", "辞职", "罢免", "调离", "去世", "终止")
    assert _choices(AttendanceKind, "status") == ("出席", "请假", "缺席")
    assert _choices(CongressAttendanceKind, "status") == ("出席", "请假", "缺席")
    assert _choices(ActivityKind, "organiser") == ("代表小组", "联络站", "主席团")
    assert _choices(SuggestionKind, "source") == ("代表提出", "代表活动", "接待选民", "人代会")
    assert _choices(SuggestionKind, "closure") == ("解决", "正在解决", "列入计划", "因条件限制暂不能解决")
    assert _choices(AssignmentKind, "mode") == ("交办", "转办")
    assert _choices(AssignmentKind, "deadline_kind") == ("一般事项", "复杂事项")
    assert _choices(ReplyKind, "form") == ("书面", "见面", "书面+见面")
    assert _choices(ReplyKind, "result") == ("满意", "基本满意", "不满意")


def test_database_defaults_are_words_of_their_vocabulary():
    defaults = {(Attendance, "status"): v.AttendanceStatus, (SessionAttendance, "status"): v.AttendanceStatus,
                (ActivityAttachment, "kind"): v.AttachmentKind, (DeputyLevel, "status"): v.SeatStatus,
                (ReceptionMatter, "outcome"): v.ReceptionOutcome, (HandlingUnit, "kind"): v.UnitKind,
                (CalendarDay, "source"): v.DaySource, (LeaveRequest, "decision"): v.LeaveDecision, (Deputy, "birth_precision"): v.BirthPrecision,
                (DeliberationTopic, "progress"): v.TopicProgress, (VoterRequest, "outcome"): v.VoterRequestOutcome,
                (SelfReportEntry, "status"): v.SelfReportStatus}
    for (model, column), vocabulary in defaults.items():
        default = inspect(model).columns[column].default.arg
        assert default in vocabulary.values(), f"{model.__name__}.{column}"
    assert [inspect(m).columns[c].default.arg for m, c in (
        (DeliberationTopic, "progress"), (VoterRequest, "outcome"), (SelfReportEntry, "status"))] == ["推进中", "待约见", "待审核"]


def test_the_audit_trail_names_stored_keys_in_chinese():
    after = json.dumps({"source": "reception", "kind": "complex", "organiser": "presidium",
                        "birth_precision": "month", "status": "请假"})
    assert change_text(None, after).splitlines() == [
        "来源：接待选民", "类型：复杂事项", "组织者：主席团", "出生日期精度：年月", "状态：请假"]
