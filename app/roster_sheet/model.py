"""What reading a hand-made roster sheet yields: normalized records, refusals, skipped rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.vocabulary import Level

FIELDS = (
    "name", "sex", "ethnicity", "birth_date", "id_number", "political_status", "education",
    "work_unit_post", "category", "phone", "address", "levels", "constituency", "group_name",
    "term", "notes", "card_number",
)
LEVELS = Level.values()
# Each field as a roster's heading and a located message name it.
TITLES = {
    "name": "姓名", "sex": "性别", "ethnicity": "民族", "birth_date": "出生年月",
    "id_number": "身份证号", "political_status": "政治面貌", "education": "学历",
    "work_unit_post": "工作单位及职务", "category": "代表构成", "phone": "联系电话",
    "address": "住址", "levels": "代表层级", "constituency": "选区", "group_name": "代表小组",
    "term": "届次", "notes": "备注", "card_number": "代表证号",
}


class RosterSheetError(ValueError):
    """The whole file cannot be read as a roster; str() is the Chinese reason."""


@dataclass
class RosterRecord:
    """One accepted row; text fields are stripped, None when the cell was empty."""

    row: int
    name: str
    sex: str | None = None
    ethnicity: str | None = None
    birth_date: date | None = None
    birth_precision: str | None = None  # "day" or "month" (then the day is always 1)
    id_number: str | None = None
    political_status: str | None = None
    education: str | None = None
    work_unit_post: str | None = None
    category: str | None = None
    phone: str | None = None
    address: str | None = None
    levels: list[str] = field(default_factory=list)
    constituency: str | None = None
    group_name: str | None = None
    term: str | None = None
    notes: str | None = None
    card_number: str | None = None
    person: str = ""           # name and masked ID, as the preview's lists name the row
    warnings: list[CellWarning] = field(default_factory=list)


@dataclass(frozen=True)
class Refusal:
    sheet: str
    row: int
    column: str
    value: str
    reason: str
    person: str = ""           # who the row is, as far as it can be read: 张三（4212**********123X）


@dataclass(frozen=True)
class CellWarning:
    """A cell that could not be kept although its row is imported: the field is left empty (or
    taken from the ID number) and the secretary is told where to look."""

    sheet: str
    row: int
    column: str
    field: str                 # the field's Chinese title: 联系电话
    value: str
    reason: str                # what was done instead: …，已留空
    person: str = ""

    def located(self) -> str:
        where = f"{self.sheet} 第 {self.row} 行" + (f" {self.column} 列" if self.column else "")
        return f"{where}（{self.field}）{self.person}：{self.reason}"


@dataclass(frozen=True)
class SkippedRow:
    row: int
    reason: str  # 空行 / 合计行 / 注释行


@dataclass(frozen=True)
class Duplicate:
    """Rows of the file that describe the same person."""

    rows: tuple[int, ...]
    reason: str
    person: str = ""


@dataclass
class RosterSheet:
    sheet_name: str
    header_row: int
    mapping: dict[str, str]
    unmapped_headers: dict[str, str] = field(default_factory=dict)  # column letter -> heading
    headings: dict[str, str] = field(default_factory=dict)  # every headed column, mapped or not
    records: list[RosterRecord] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    skipped_rows: list[SkippedRow] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def refused_rows(self) -> list[int]:
        return sorted({refusal.row for refusal in self.refused})
