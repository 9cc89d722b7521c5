"""The fixed vocabularies, each an enum whose value is the word the database and the data package
store and whose label is the Chinese a user sees (the same word where the stored one is Chinese).
Members are strings, so a stored word compares equal to its member; definition order is the order
the screens offer them in."""
from __future__ import annotations

from enum import StrEnum


class Vocabulary(StrEnum):
    """A member is written `NAME = "stored"` or `NAME = "stored", "label"`."""

    def __new__(cls, value: str, label: str | None = None):
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label or value
        return member

    @property
    def label(self) -> str:
        return self._label

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(m.value for m in cls)

    @classmethod
    def labels(cls) -> tuple[str, ...]:
        return tuple(m.label for m in cls)

    @classmethod
    def label_of(cls, value: str) -> str:
        """The label of a stored word; an unknown word (an older file's) is shown as it is."""
        return cls(value).label if value in cls.values() else value


# --- deputies and their seats -------------------------------------------------------------------
class Level(Vocabulary):
    NATIONAL = "全国"
    PROVINCE = "省"
    CITY = "市"
    COUNTY = "县"
    TOWNSHIP = "乡镇"


class SeatStatus(Vocabulary):
    SERVING = "在任"
    RESIGNED = "辞职"
    RECALLED = "罢免"
    TRANSFERRED = "调离"
    DECEASED = "去世"
    ENDED = "终止"


class BirthPrecision(Vocabulary):
    DAY = "day", "年月日"
    MONTH = "month", "年月"
    YEAR = "year", "年"


# --- activities, congress sessions and reception days ---------------------------------------------
class AttendanceStatus(Vocabulary):
    """At an activity and at a session of the congress alike."""
    PRESENT = "出席"
    EXCUSED = "请假"
    ABSENT = "缺席"


class Organiser(Vocabulary):
    GROUP = "group", "代表小组"
    STATION = "station", "联络站"
    PRESIDIUM = "presidium", "主席团"


class TopicProgress(Vocabulary):
    """How far what a 人民议事厅 topic agreed has been carried out."""
    ONGOING = "推进中"
    DONE = "已办结"
    UNRESOLVED = "未能解决"


class AttachmentKind(Vocabulary):
    PHOTO = "照片"
    SIGN_IN_SCAN = "签到表扫描件"
    OTHER = "其他"


class LeaveDecision(Vocabulary):
    """The presidium's answer to a leave request."""
    PENDING = "待审批"
    APPROVED = "批准"
    REFUSED = "不批准"


class ReceptionOutcome(Vocabulary):
    PENDING = "待处理"
    ANSWERED = "当场答复"
    TO_SUGGESTION = "转为意见建议"
    REFERRED = "转交有关部门"


class AgendaKind(Vocabulary):
    WORK_REPORT = "工作报告"
    BUDGET = "预算"
    ELECTION = "选举"
    PROJECT_VOTE = "票决"
    REVIEW = "审议"
    OTHER = "其他"


# --- suggestions --------------------------------------------------------------------------------
class Source(Vocabulary):
    OWN = "own", "代表提出"
    ACTIVITY = "activity", "代表活动"
    RECEPTION = "reception", "接待选民"
    SESSION = "session", "人代会"


class Mode(Vocabulary):
    ASSIGNED = "交办"
    PASSED_UP = "转办"


class UnitRole(Vocabulary):
    LEAD = "主办"
    ASSISTING = "协办"


class UnitKind(Vocabulary):
    TOWNSHIP = "乡镇"
    COUNTY = "县直"
    OTHER = "其他"


class DeadlineKind(Vocabulary):
    ORDINARY = "ordinary", "一般事项"
    COMPLEX = "complex", "复杂事项"


class ReplyForm(Vocabulary):
    WRITTEN = "书面"
    MEETING = "见面"
    BOTH = "书面+见面"


class Vote(Vocabulary):
    """A deputy's satisfaction with a reply."""
    SATISFIED = "满意"
    BASICALLY = "基本满意"
    UNSATISFIED = "不满意"


class EscalationForm(Vocabulary):
    MEETING = "约见"
    REVIEW = "评议"
    INQUIRY = "询问"


class ClosureResult(Vocabulary):
    SOLVED = "解决"
    SOLVING = "正在解决"
    PLANNED = "列入计划"
    NOT_NOW = "因条件限制暂不能解决"


class SuggestionState(Vocabulary):
    """Derived from a suggestion's dates, never stored (app.suggestions.states)."""
    NOT_ASSIGNED = "未交办"
    HANDLING = "办理中"
    DUE_SOON = "即将到期"
    OVERDUE = "已逾期"
    REPLIED = "已答复"
    CLOSED = "已办结"


# --- livelihood projects, assessment, calendar, county merge -------------------------------------
class Stage(Vocabulary):
    """A livelihood project's six steps, in order, in seed 004's words: deputies take part in the
    征集、酝酿、筛选、票决 of the projects, then the government carries them out (实施) and the
    congress checks them (监督)."""
    COLLECTING = "征集"      # candidates proposed by voters, villages, units and deputies
    DELIBERATING = "酝酿"    # the deputies discuss the candidates and draw up the shortlist
    SCREENING = "筛选"       # the presidium examines a shortlisted project and sends it to the vote
    VOTING = "票决"          # the session votes; a failed project stays here, marked 未通过
    CARRYING_OUT = "实施"    # a passed project goes to the government to carry out
    SUPERVISING = "监督"     # the deputies' checks of its progress and the year-end survey


# Seed 004's 群众点单、代表定单、政府领单、人大验单: who holds each step of a livelihood project.
STAGE_ROLES: tuple[tuple[str, tuple[Stage, ...]], ...] = (
    ("群众点单", (Stage.COLLECTING,)),
    ("代表定单", (Stage.DELIBERATING, Stage.SCREENING, Stage.VOTING)),
    ("政府领单", (Stage.CARRYING_OUT,)),
    ("人大验单", (Stage.SUPERVISING,)),
)


class ProjectVerdict(Vocabulary):
    """Shown in place of a project's stage once the congress has decided it."""
    PASSED = "通过"
    NOT_PASSED = "未通过"
    NOT_SHORTLISTED = "未入选"


class SupervisionWay(Vocabulary):
    """How the presidium supervised a deputy group."""
    ON_SITE = "实地督导"
    INSPECTION = "检查"


class Grade(Vocabulary):
    EXCELLENT = "优秀"
    COMPETENT = "称职"
    BASIC = "基本称职"
    INCOMPETENT = "不称职"


class DayKind(Vocabulary):
    """How a day of the working calendar is set apart (the stored flag is is_workday)."""
    REST = "放假"
    MAKEUP_WORKDAY = "调休上班"


class DaySource(Vocabulary):
    """Who set a day of the working calendar by hand."""
    USER = "user", "本乡镇"
    COUNTY = "county", "县级下发"


class MergeStatus(Vocabulary):
    """What the county merge did, or would do, with one township's package."""
    WILL_IMPORT = "将新导入"
    WILL_UPDATE = "将更新"
    IMPORTED = "新导入"
    UPDATED = "已更新"
    REFUSED = "拒绝"


# --- voters and deputies' own reports ------------------------------------------------------------
class VoterRequestOutcome(Vocabulary):
    """What came of a voter's request to meet a deputy; WAITING until the meeting."""
    WAITING = "待约见"
    ANSWERED = "见面答复"
    TO_SUGGESTION = "转为意见建议"
    REFERRED = "转交有关部门"


class SelfReportStatus(Vocabulary):
    PENDING = "待审核"
    APPROVED = "已采纳"
    REJECTED = "已退回"


class SelfReportKind(Vocabulary):
    ATTENDANCE = "attendance", "参加活动"
    VISIT = "visit", "走访选民"
    SUGGESTION = "suggestion", "意见建议"
