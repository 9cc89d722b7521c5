"""The congress rules kept in their own settings key ("congress"): motion threshold, the vote
pass rule and the group rules text. Duty points are the assessment's (app.assessment.rules);
numbers once kept here under points_* are ignored when read and dropped on the next save."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.settings import load_section, save_section
from app.uow import UnitOfWork

KEY = "congress"
DEFAULT_GROUP_RULES = (
    "一、代表小组在乡镇人大主席团领导下开展活动，组长负责召集。\n"
    "二、每季度至少开展一次主题活动，活动时长不少于半天，做到有计划、有记录、有回音。\n"
    "三、代表应按时参加小组活动，因故不能参加的须向组长请假。\n"
    "四、小组收集的意见建议及时报送主席团，跟踪办理情况并向选民反馈。"
)


@dataclass
class CongressRules:
    # 地方组织法: 乡镇人大代表五人以上联名可以提出议案 (the lead deputy counts as one).
    motion_min_signers: int = 5
    # "all": more than `pass_share` of all current township deputies; "cast": of the votes cast.
    vote_base: str = "all"
    pass_share: float = 0.5
    group_rules_text: str = DEFAULT_GROUP_RULES


def load_rules(session: Session) -> CongressRules:
    return load_section(session, KEY, CongressRules)


def save_rules(uow: UnitOfWork, rules: CongressRules) -> None:
    if rules.motion_min_signers < 1:
        raise ValueError("议案联名人数至少为 1 人")
    if rules.vote_base not in ("all", "cast"):
        raise ValueError("票决通过的计算基数应为“全体代表”或“实到投票”")
    if not 0 < rules.pass_share < 1:
        raise ValueError(f"票决通过比例 {rules.pass_share} 应在 0 与 1 之间")
    save_section(uow, KEY, rules, title="人代会与票决规则")


def get_rules(store) -> CongressRules:
    with store.read() as session:
        return load_rules(session)


def update_rules(store, rules: CongressRules) -> None:
    with store.write("修改人代会与票决规则") as uow:
        save_rules(uow, rules)


def update_assessment_and_congress(store, *, assessment, congress: CongressRules) -> None:
    """The settings tab's one save: both rule sets in one transaction, so a refusal of either
    (Chinese message) leaves both unchanged."""
    from app.assessment.rules import save_rules as save_assessment
    with store.write("修改考评与会议规则") as uow:
        save_assessment(uow, assessment)
        save_rules(uow, congress)
