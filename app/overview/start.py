"""Getting started (开始使用): the first four things a new township does, each ticked once done,
so a fresh install opens on what to do first rather than on checks with nothing to check."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from db.models.activity import Activity
from db.models.roster import Deputy, DeputyGroup
from db.models.suggestion import HandlingUnit


@dataclass(frozen=True)
class StartStep:
    key: str
    text: str                 # what to do, in Chinese
    hint: str                 # where and how, in a sentence
    done: bool
    target: str               # page key to open
    filters: dict = field(default_factory=dict)   # show_with(**filters) on that page


def has_deputies(session: Session) -> bool:
    return _any(session, Deputy)


def getting_started(session: Session) -> list[StartStep]:
    return [
        StartStep("roster", "导入代表名册", "从本镇现有的 Excel 名册导入，或逐个新增代表",
                  has_deputies(session), "roster", {"action": "import"}),
        StartStep("groups", "建立代表小组", "在“代表小组”页新增小组并指定组长（导入名册时也可一并建立）",
                  _any(session, DeputyGroup), "groups"),
        StartStep("units", "核对承办单位", "交办意见建议前，核对本镇的承办单位列表",
                  _any(session, HandlingUnit), "suggestions", {"action": "units"}),
        StartStep("activity", "记录第一次活动", "在“活动记录”页新增一次小组活动并登记出勤",
                  _any(session, Activity), "activities", {"action": "new"}),
    ]


def _any(session: Session, model) -> bool:
    return bool(session.scalar(select(exists().where(model.deleted_at.is_(None)))))
