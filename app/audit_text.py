"""The audit trail's before and after as the secretary reads them: 姓名：张三 → 张山, not JSON."""
from __future__ import annotations

import json

from app.identity import mask_id
from app.rule_labels import RULE_LABELS
from app.vocabulary import BirthPrecision, DeadlineKind, Organiser, Source

FIELD_LABELS = {
    "name": "名称", "sex": "性别", "ethnicity": "民族", "birth_date": "出生日期",
    "birth_precision": "出生日期精度", "id_number": "身份证号", "political_status": "政治面貌",
    "education": "学历", "card_number": "代表证号", "work_unit_post": "工作单位及职务", "category": "代表构成",
    "phone": "联系电话", "address": "住址", "notes": "备注", "photo": "照片", "level": "层级",
    "term": "届次", "constituency": "选区", "status": "状态", "status_on": "状态日期",
    "group": "代表小组", "group_id": "代表小组", "station_id": "联络站", "leader_id": "组长",
    "deputy_leader_id": "副组长", "head": "站长", "stars": "星级", "reception_day": "接待选民日",
    "code": "区划代码", "county": "所属县", "chair": "主席团主席", "secretary": "人大秘书",
    "kind": "类型", "campaign": "所属活动", "theme": "主题", "organiser": "组织者",
    "start_date": "开始日期", "end_date": "结束日期", "start_time": "开始时间", "end_time": "结束时间",
    "duration_hours": "时长（小时）", "place": "地点", "minutes": "纪要", "outcomes": "成效",
    "problems": "问题", "cost": "经费", "cost_notes": "经费说明", "invited_count": "列席人数",
    "invited_names": "列席人员", "attendance": "出勤", "title": "标题", "text": "内容",
    "content": "内容", "number": "编号", "received_on": "登记日期", "lead_deputy": "领衔代表",
    "cosigners": "附议代表", "source": "来源", "units": "承办单位", "assigned_on": "交办日期",
    "deadline": "答复期限", "replied_on": "答复日期", "form": "形式", "answered_by": "答复单位",
    "result": "结果", "satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意",
    "held_on": "日期", "outcome": "结果", "reason": "原因", "closed_on": "办结日期",
    "explanation": "说明", "on": "日期", "issuer": "颁发单位", "agenda": "议程",
    "presidium": "主席团", "nonvoting_count": "列席人数", "votes": "表决", "for": "赞成",
    "against": "反对", "abstain": "弃权", "passed": "通过", "proposer": "提出人", "stage": "阶段",
    "progress": "进展", "shortlisted": "入围", "reviewed_on": "审核日期", "check_activity": "检查活动",
    "contact": "联系人", "active": "启用", "categories": "类别", "half_day": "半天",
    "county_reference": "县里编号",
    "requested_on": "申请日期", "decision": "审批结果", "decided_by": "审批人", "decided_on": "审批日期",
    "note": "审批意见", "voters": "到会选民", "scan": "述职报告扫描件", "findings": "发现的问题及意见", "supervisors": "主席团人员", "way": "方式",
    "topic": "议题", "participants": "参加人员", "matters": "群众反映的事项", "voter_name": "选民姓名",
    "voter_contact": "选民联系方式", "matter": "约见事由", "met_on": "约见日期", "outcome_note": "结果说明",
    "deputy_head": "副站长", "liaison": "联络员", "nine_haves": "九有",
}


# Values kept as keys in the records, shown by their Chinese names.
VALUE_LABELS = {"birth_precision": BirthPrecision, "organiser": Organiser, "source": Source, "kind": DeadlineKind}
PEOPLE = {"deputy", "committee_member", "fixed_voter", "helped_household"}


def change_text(before: str | None, after: str | None, entity: str | None = None) -> str:
    """One line per field: 'label：old → new' for a change, 'label：value' for a new or removed
    record; ID numbers masked as everywhere else."""
    old, new = _load(before), _load(after)
    lines = []
    for key in list(dict.fromkeys([*old, *new])):
        label = "姓名" if key == "name" and entity in PEOPLE else field_label(key)
        if key in old and key in new:
            lines.append(f"{label}：{_value(key, old[key])} → {_value(key, new[key])}")
        else:
            lines.append(f"{label}：{_value(key, (new if key in new else old)[key])}")
    return "\n".join(lines)


def field_label(key: str) -> str:
    if key in RULE_LABELS:
        return RULE_LABELS[key][0]
    return FIELD_LABELS.get(key, key)


def _load(blob: str | None) -> dict:
    if not blob:
        return {}
    try:
        data = json.loads(blob)
    except ValueError:
        return {"text": blob}
    return data if isinstance(data, dict) else {"text": data}


def _value(key: str, value) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_value(key, v) for v in value) if all(
            isinstance(v, (str, int, float)) for v in value) else f"（{len(value)} 项）"
    if isinstance(value, dict):
        return "；".join(f"{field_label(k)} {_value(k, v)}" for k, v in value.items())
    if key == "id_number":
        return mask_id(str(value))
    vocabulary = VALUE_LABELS.get(key)
    return vocabulary(value).label if vocabulary and value in vocabulary.values() else str(value)
