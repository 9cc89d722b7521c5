"""The dossier as plain data: what the printout shows, section by section."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.assessment.scoring import Assessed


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str                 # 2026年度 / 第十八届任期内
    year: int | None           # None for the whole term

    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))


@dataclass(frozen=True)
class Cover:
    name: str
    photo: Path | None
    levels: str                # 县、乡镇
    group: str
    term: str                  # 第十八届
    constituency: str
    township: str


@dataclass(frozen=True)
class ActivityLine:
    on: date
    kind: str
    theme: str
    status: str                # 出席 / 请假 / 缺席
    reason: str


@dataclass(frozen=True)
class SuggestionLine:
    number: str
    received_on: date
    title: str
    role: str                  # 领衔 / 附议
    outcome: str               # 未交办 / 办理中 / 已答复 / 已办结（…）
    satisfaction: str          # 满意 / 基本满意 / 不满意 / ""


@dataclass(frozen=True)
class ContactLine:
    kind: str                  # 选民 / 帮扶户
    name: str
    village: str
    note: str
    visits: int


@dataclass(frozen=True)
class VisitLine:
    on: date
    whom: str
    way: str
    content: str


@dataclass(frozen=True)
class SessionLine:
    name: str
    on: date
    status: str
    reason: str


@dataclass(frozen=True)
class VoterReportLine:
    on: date
    place: str
    voters_present: int
    evaluation: str            # 满意 36，基本满意 4，不满意 2 / 未测评


@dataclass(frozen=True)
class RecordLine:
    on: date
    kind: str                  # 表彰奖励 / 其他履职
    text: str


@dataclass
class Dossier:
    deputy_id: int
    period: Period
    cover: Cover
    basics: list[tuple[str, str]]
    activities: list[ActivityLine] = field(default_factory=list)
    suggestions: list[SuggestionLine] = field(default_factory=list)
    contacts: list[ContactLine] = field(default_factory=list)
    visits: list[VisitLine] = field(default_factory=list)
    sessions: list[SessionLine] = field(default_factory=list)
    records: list[RecordLine] = field(default_factory=list)
    assessments: list[tuple[int, Assessed | None]] = field(default_factory=list)  # (year, row)
    report_kinds: tuple[str, ...] = ("向选民述职",)
    training_kinds: tuple[str, ...] = ("学习培训",)
    voter_reports: list[VoterReportLine] = field(default_factory=list)   # 述职评议

    @property
    def title(self) -> str:
        return f"{self.cover.name}代表履职档案"

    def of_kinds(self, kinds: tuple[str, ...]) -> list[ActivityLine]:
        return [a for a in self.activities if a.kind in kinds]

    def count(self, status: str) -> int:
        return sum(1 for a in self.activities if a.status == status)
