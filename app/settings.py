"""Settings: the township's details and the rule numbers of DESIGN.md as editable defaults."""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields

from sqlalchemy.orm import Session

from app.uow import UnitOfWork
from db.models.core import Setting


@dataclass
class Township:
    name: str = ""
    code: str = ""            # 12-digit 统计用区划代码 (9 digits accepted)
    county: str = ""
    term: int = 0             # current township term, e.g. 18 → 第十八届
    chair: str = ""           # 主席团主席
    secretary: str = ""       # 人大秘书
    mode: str = "township"    # "township" or "county" (county merge workspace)

    @property
    def configured(self) -> bool:
        return bool(self.name and self.code and self.term)


@dataclass
class Rules:
    reply_working_days: int = 5
    complex_reply_months: int = 1
    due_soon_working_days: int = 2
    unsatisfied_before_escalation: int = 2
    unassigned_flag_working_days: int = 10
    overdue_flag_working_days: int = 5
    themed_activities_per_quarter: int = 1
    advanced_groups: int = 1            # 先进代表小组 the presidium proposes each year
    group_size: int = 15
    group_size_tolerance: int = 5
    min_activity_hours: float = 4.0
    subsidy_per_time_county_city: int = 200
    subsidy_per_year_county_city: int = 800
    subsidy_per_time_township: int = 100
    subsidy_per_year_township: int = 400
    # Which seats earn which subsidy, and which take the city contact minimums: the levels the
    # seeds name (001: 市、县（市、区）代表 200/800, 乡、镇代表 100/400; 002: 市人大代表 5 voters and
    # 3 households). A deputy holding only other seats gets no subsidy.
    subsidy_levels_county_city: str = "市、县"
    subsidy_levels_township: str = "乡镇"
    min_levels_city: str = "市"
    min_voters_city: int = 5
    min_voters_county_township: int = 10
    min_households_city: int = 3
    min_households_county_township: int = 1
    committee_contacts_resident: int = 3
    committee_contacts_nonresident: int = 2
    committee_meetings_per_year: int = 2
    reception_day: int = 15
    reception_households: int = 5       # 双联: voter households each deputy visits in the year
    household_visits_month: int = 8
    problem_list_month: int = 6
    satisfaction_survey_month: int = 9
    suggestion_number_prefix: str = ""
    voter_report_cycle: str = "每年"    # 述职: each deputy reports to voters 每年 or 每届 (once a term)
    package_warning_days: int = 14
    extra: dict = field(default_factory=dict)   # later rules without a schema change


SECTIONS = {"township": Township, "rules": Rules}
SECTION_TITLES = {"township": "乡镇信息", "rules": "规则参数"}


def load(session: Session, section: str):
    return load_section(session, section, SECTIONS[section])


def save(uow: UnitOfWork, section: str, value) -> None:
    if section == "rules":
        check_rules(value)
    save_section(uow, section, value, title=SECTION_TITLES.get(section, section))


LEVEL_FIELDS = {"subsidy_levels_county_city": "按市县标准补助的代表层级",
                "subsidy_levels_township": "按乡镇标准补助的代表层级",
                "min_levels_city": "按市级代表标准联系选民和帮扶户的层级"}


def levels_of(text: str) -> frozenset[str]:
    """The levels named in a setting such as 市、县 (also 市,县 or 市 县)."""
    return frozenset(part for part in re.split(r"[、,，;；/\s]+", text.strip()) if part)


def check_rules(rules: Rules) -> None:
    """Refuse level settings naming no real level, or a level paid at both rates (Chinese message)."""
    from app.vocabulary import Level
    for name, label in LEVEL_FIELDS.items():
        unknown = sorted(levels_of(getattr(rules, name)) - set(Level.values()))
        if unknown:
            raise ValueError(f"规则参数“{label}”中的“{'、'.join(unknown)}”不是代表层级，"
                             f"应为 {'、'.join(Level.values())} 中的一个或几个，用顿号分隔")
    both = levels_of(rules.subsidy_levels_county_city) & levels_of(rules.subsidy_levels_township)
    if both:
        raise ValueError(f"代表层级“{'、'.join(sorted(both))}”不能既按市县标准又按乡镇标准补助")
    if rules.voter_report_cycle.strip() not in ("每年", "每届"):
        raise ValueError(f"规则参数“代表向选民述职”应填“每年”或“每届”，现为“{rules.voter_report_cycle}”")


def load_section(session: Session, key: str, cls):
    """Any settings section kept as a dataclass under `key`; unknown keys are ignored, missing
    ones take the dataclass's defaults (so a newer rule reads well from an older file)."""
    row = session.get(Setting, key)
    data = json.loads(row.value) if row else {}
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})


def save_section(uow: UnitOfWork, key: str, value, *, title: str) -> None:
    """Store the section and audit exactly the fields that changed, before and after."""
    before = asdict(load_section(uow.session, key, type(value)))
    after = asdict(value)
    uow.session.merge(Setting(key=key, value=json.dumps(after, ensure_ascii=False)))
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    uow.record(action="update", entity="setting", summary=title,
               before={k: before[k] for k in changed}, after=changed)


def get(store, section: str):
    """The section as a plain dataclass (for screens: they never hold a session)."""
    with store.read() as session:
        return load(session, section)


CODE = re.compile(r"^\d{9}(\d{3})?$")


def township_problems(t: Township) -> list[str]:
    """What first-run setup (dialog or command line) refuses, in the words shown to the user."""
    problems = []
    if not t.name.strip():
        problems.append("请填写乡镇名称。")
    if not CODE.match(t.code.strip()):
        problems.append("统计用区划代码应为 12 位数字（也可填 9 位乡镇代码）。")
    if not t.county.strip():
        problems.append("请填写所属县（市、区）。")
    if not 1 <= t.term <= 99:
        problems.append("请填写本届届次。")
    return problems


def set_up(store, township: Township) -> None:
    """First-run setup, in one write: the township's details and, for a township, the usual
    township offices as its handling units, so its first 交办 has somewhere to go."""
    with store.write(f"首次使用设置（{township.name}）") as uow:
        save(uow, "township", township)
        if township.mode == "township":
            from app.suggestions.units import seed_township_units
            seed_township_units(uow)


def update(store, section: str, value, *, label: str) -> None:
    with store.write(label) as uow:
        save(uow, section, value)
