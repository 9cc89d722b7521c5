"""The deputy's own fields as typed on the form or read from a sheet, and their checks."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date

from app.cn import date_cn
from app.identity import IdNumberError, PhoneError, check_id_number, check_phone
from app.roster import RosterError
from app.roster.choices import ETHNICITIES, POLITICAL_STATUSES
from app.text_rules import LONG_TEXT, SHORT_TEXT, text_problem
from app.vocabulary import BirthPrecision

_SPACES = re.compile(r"[\s\u3000]+")
# Education is free text on the form (a combobox) but the usual short forms are unified.
EDUCATION_SYNONYMS = {"大专": "大学专科", "专科": "大学专科", "本科": "大学本科", "大学": "大学本科",
                      "硕士": "研究生", "博士": "研究生", "硕士研究生": "研究生", "博士研究生": "研究生",
                      "中技": "中专", "职高": "高中", "技校": "中专"}
LABELS = {
    "name": "姓名", "sex": "性别", "ethnicity": "民族", "birth_date": "出生日期",
    "id_number": "身份证号", "political_status": "政治面貌", "education": "学历",
    "work_unit_post": "工作单位及职务", "category": "代表构成", "phone": "联系电话",
    "address": "住址", "notes": "备注", "card_number": "代表证号",
}


@dataclass(frozen=True)
class DeputyFields:
    name: str
    sex: str = ""
    ethnicity: str = ""
    birth_date: date | None = None
    birth_precision: str = BirthPrecision.DAY     # MONTH when only 1975年3月 is known
    id_number: str | None = None
    political_status: str = ""
    education: str = ""
    work_unit_post: str = ""
    category: str = ""
    phone: str = ""
    address: str = ""
    notes: str = ""
    photo: str | None = None
    card_number: str = ""           # 代表证号, text: 000123 stays 000123


FIELD_NAMES = tuple(f.name for f in fields(DeputyFields))


def clean_name(text: str) -> str:
    # 张　三 / 张 三 are how people pad two-character names; the name itself has no spaces.
    return _SPACES.sub("", text or "")


def validate(data: DeputyFields) -> DeputyFields:
    """Normalise and check the fields; raise RosterError naming the field and the problem."""
    name = clean_name(data.name)
    if not name:
        raise RosterError("姓名不能为空")
    _check_text("name", name)
    data = replace(data, name=name, **{key: check_field(key, getattr(data, key) or "")
                                       for key in CHECKED_KEYS})
    return _with_id(data)


# Fields that do not say who the deputy is: each is checked alone (a roster row with one of
# them unreadable is still imported, the field left empty).
CHECKED_KEYS = ("sex", "ethnicity", "political_status", "education", "work_unit_post",
                "category", "phone", "address", "notes", "card_number")
TEXT_KEYS = ("name", "work_unit_post", "category", "address", "education", "notes", "card_number")


def check_field(key: str, value: str) -> str:
    """One field as it is kept, or RosterError saying why it cannot be (the form's rule)."""
    if key == "sex":
        value = clean_name(value)
        if value not in ("", "男", "女"):
            raise RosterError(f"性别“{value}”无效：应为 男 或 女")
        return value
    if key == "phone":
        return _phone(value)
    value = value.strip()
    if key in TEXT_KEYS:
        _check_text(key, value)
    if key == "ethnicity":
        _check_choice(value, ETHNICITIES, "民族")
    if key == "political_status":
        _check_choice(value, POLITICAL_STATUSES, "政治面貌")
    if key == "education":
        return EDUCATION_SYNONYMS.get(value, value)
    return value


def _check_text(key: str, value: str) -> None:
    problem = text_problem(value, label=LABELS[key], limit=LONG_TEXT if key == "notes" else SHORT_TEXT)
    if problem:
        raise RosterError(problem)


def _check_choice(value: str, allowed: tuple[str, ...], label: str) -> None:
    if value and value not in allowed:
        raise RosterError(f"{label}“{value}”不在可选列表中")


def _phone(text: str) -> str:
    if not (text or "").strip():
        return ""
    try:
        return check_phone(text)
    except PhoneError as exc:
        raise RosterError(f"联系电话：{exc}") from None


def _with_id(data: DeputyFields) -> DeputyFields:
    """Fill birth date and sex from the ID and refuse an ID that contradicts what was typed."""
    if not (data.id_number or "").strip():
        return replace(data, id_number=None)
    try:
        info = check_id_number(data.id_number)
    except IdNumberError as exc:
        raise RosterError(f"身份证号“{data.id_number}”：{exc}") from None
    if data.birth_date and not _same_birth(data.birth_date, info.birth_date, data.birth_precision):
        raise RosterError(f"出生日期 {_birth_text(data)} 与身份证号中的 "
                          f"{date_cn(info.birth_date)} 不一致")
    if data.sex and data.sex != info.sex:
        raise RosterError(f"性别“{data.sex}”与身份证号（{info.sex}）不一致")
    return replace(data, id_number=info.number, birth_date=info.birth_date,
                   birth_precision=BirthPrecision.DAY, sex=info.sex)


def _same_birth(typed: date, from_id: date, precision: str) -> bool:
    if precision == BirthPrecision.MONTH:
        return (typed.year, typed.month) == (from_id.year, from_id.month)
    return typed == from_id


def _birth_text(data: DeputyFields) -> str:
    if data.birth_precision == BirthPrecision.MONTH:
        return f"{data.birth_date:%Y年%m月}"
    return f"{date_cn(data.birth_date)}"


def birth_text(birth: date | None, precision: str) -> str:
    if birth is None:
        return ""
    return f"{birth:%Y.%m}" if precision == BirthPrecision.MONTH else f"{birth:%Y.%m.%d}"
