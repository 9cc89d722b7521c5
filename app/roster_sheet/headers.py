"""Find the header row of a roster sheet and map its Chinese headings to record fields."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from openpyxl.utils import column_index_from_string, get_column_letter

from app.roster_sheet.model import FIELDS, RosterSheetError

HEADER_SEARCH_ROWS = 15
_MIN_HEADINGS = 2
_SYNONYMS = {
    "name": ("姓名", "代表姓名", "代表名字"),
    "sex": ("性别",),
    "ethnicity": ("民族",),
    "birth_date": ("出生年月", "出生日期", "出生年月日", "生日"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码"),
    "political_status": ("政治面貌", "党派"),
    "education": ("文化程度", "学历", "文化"),
    "work_unit_post": ("工作单位及职务", "单位职务", "工作单位", "单位及职务", "工作单位和职务"),
    "category": ("类别", "代表构成", "代表类别", "构成"),
    "phone": ("联系电话", "手机号码", "电话", "手机", "联系方式", "电话号码"),
    "address": ("家庭住址", "住址", "地址", "家庭地址"),
    "levels": ("代表层级", "级别", "代表级别", "层级"),
    "constituency": ("选区", "所在选区", "选区名称"),
    "group_name": ("所在代表小组", "代表小组", "小组", "所在小组"),
    "term": ("届次", "届别"),
    "notes": ("备注",),
    "card_number": ("代表证号", "代表证编号", "代表证号码", "代表证"),
}
_HEADING_TO_FIELD = {heading: name for name, headings in _SYNONYMS.items() for heading in headings}
# Parenthesised hints and required-field stars are decoration: 公民身份号码（18位）, *姓名.
_DECORATION = re.compile(r"[(\[（【].*?[)\]）】]|[*＊\s:：]")


def normalize_heading(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or ""))
    return _DECORATION.sub("", re.sub(r"\s+", "", text))


def field_for_heading(value: object) -> str | None:
    return _HEADING_TO_FIELD.get(normalize_heading(value))


def detect_header(rows: Sequence[Sequence[object]]) -> int | None:
    """Index (0-based) of the first row naming the name column and at least one other field."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = {field_for_heading(cell) for cell in row} - {None}
        if "name" in fields and len(fields) >= _MIN_HEADINGS:
            return index
    return None


def map_headings(header: Sequence[object]) -> tuple[dict[str, str], dict[str, str]]:
    """Return (field -> column letter, column letter -> heading left unmapped)."""
    mapping: dict[str, str] = {}
    unmapped: dict[str, str] = {}
    for index, cell in enumerate(header):
        if cell is None or not str(cell).strip():
            continue
        letter = get_column_letter(index + 1)
        field = field_for_heading(cell)
        if field and field not in mapping:
            mapping[field] = letter
        else:
            unmapped[letter] = re.sub(r"\s+", " ", str(cell)).strip()
    return mapping, unmapped


def check_mapping(mapping: dict[str, str]) -> dict[str, int]:
    """Validate a caller's mapping and return field -> 0-based column index."""
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise RosterSheetError(f"列对应中有未知字段：{'、'.join(unknown)}")
    if "name" not in mapping:
        raise RosterSheetError("列对应中缺少“姓名”列")
    indexes = {}
    for field, letter in mapping.items():
        try:
            indexes[field] = column_index_from_string(letter.strip().upper()) - 1
        except ValueError:
            raise RosterSheetError(f"列对应中“{letter}”不是有效的列号") from None
    return indexes
