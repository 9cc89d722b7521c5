"""The points rules of the duty assessment, kept under their own key of the setting table."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.assessment import AssessmentError
from app.settings import load_section, save_section
from app.uow import UnitOfWork
from app.vocabulary import Grade

KEY = "assessment"

# Labels of the rule numbers, for the settings form and error messages.
LABELS = {
    "activity": "参加代表小组及其他活动（每次）",
    "training": "参加学习培训（每次）",
    "report": "向选民述职（每次）",
    "suggestion_lead": "领衔提出意见建议（每件）",
    "suggestion_cosign": "附议意见建议（每件）",
    "voter_visit": "走访联系选民、帮扶户（每次）",
    "session": "出席人代会（每次）",
    "absence": "无故缺席活动扣分（每次）",
    "session_absence": "无故缺席人代会扣分（每次）",
    "excellent": "优秀等次最低分",
    "competent": "称职等次最低分",
    "basic": "基本称职等次最低分",
}


@dataclass
class AssessmentRules:
    """Points per item (deductions as positive numbers) and the lowest score of each grade."""

    activity: float = 2
    training: float = 2
    report: float = 5
    suggestion_lead: float = 3
    suggestion_cosign: float = 1
    voter_visit: float = 1
    session: float = 3
    absence: float = 2
    session_absence: float = 3
    excellent: float = 26
    competent: float = 18
    basic: float = 10
    training_kinds: list[str] = field(default_factory=lambda: ["学习培训"])
    report_kinds: list[str] = field(default_factory=lambda: ["向选民述职"])

    def grade(self, total: float) -> str:
        if total >= self.excellent:
            return Grade.EXCELLENT.value
        if total >= self.competent:
            return Grade.COMPETENT.value
        if total >= self.basic:
            return Grade.BASIC.value
        return Grade.INCOMPETENT.value


def validate(rules: AssessmentRules) -> AssessmentRules:
    for name, label in LABELS.items():
        value = getattr(rules, name)
        if not isinstance(value, (int, float)) or value < 0:
            raise AssessmentError(f"考评规则“{label}”应为不小于 0 的数，收到：{value}")
    if not rules.excellent >= rules.competent >= rules.basic:
        raise AssessmentError(
            f"考评等次分数线应依次递减：优秀 {rules.excellent}、称职 {rules.competent}、基本称职 {rules.basic}")
    overlap = set(rules.training_kinds) & set(rules.report_kinds)
    if overlap:
        raise AssessmentError(f"活动类型“{'、'.join(sorted(overlap))}”不能既算学习培训又算述职")
    return rules


def load_rules(session: Session) -> AssessmentRules:
    return load_section(session, KEY, AssessmentRules)


def save_rules(uow: UnitOfWork, rules: AssessmentRules) -> None:
    validate(rules)
    save_section(uow, KEY, rules, title="履职考评规则")


def get_rules(store) -> AssessmentRules:
    with store.read() as session:
        return load_rules(session)


def update_rules(store, *, rules: AssessmentRules) -> None:
    with store.write("修改履职考评规则") as uow:
        save_rules(uow, rules)
