"""Turn one roster row into a normalized record, or into the refusals that explain why not."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from app.identity import (IdInfo, IdNumberError, PhoneError, check_id_number, check_phone, mask_id,
                          mask_ids_in)
from app.roster_sheet.dates import parse_birth
from app.roster_sheet.model import Refusal, RosterRecord
from app.roster_sheet.values import (
    CellError, clean_ethnicity, clean_name, clean_political_status, clean_sex, clean_text,
    parse_levels,
)

ID_AS_NUMBER = "身份证号以数字形式保存，末几位已丢失，请将该列设为文本后重新录入"
_PLAIN_TEXT_FIELDS = ("education", "work_unit_post", "category", "address", "constituency",
                      "group_name", "term", "notes")
_PHONE_SPLIT = re.compile(r"[,，;；/、]")
_T = TypeVar("_T")


@dataclass(frozen=True)
class Cell:
    value: object
    column: str  # Excel column letter
    number_format: str = "General"


class RowReader:
    """Reads one row; collects a refusal per untrustworthy cell instead of stopping early."""

    def __init__(self, *, sheet: str, row: int, cells: dict[str, Cell]) -> None:
        self.sheet, self.row, self.cells = sheet, row, cells
        self.refusals: list[Refusal] = []

    def read(self) -> RosterRecord | None:
        name = clean_name(self._value("name"))
        if name is None:
            self._refuse("name", "姓名为空")
        record = RosterRecord(row=self.row, name=name or "")
        self._fill_plain(record)
        self._fill_person(record)
        record.phone = self._checked("phone", _phones)
        record.levels = self._checked("levels", parse_levels) or []
        return None if self.refusals else record

    def _fill_plain(self, record: RosterRecord) -> None:
        for field in _PLAIN_TEXT_FIELDS:
            setattr(record, field, clean_text(self._value(field)))
        record.ethnicity = clean_ethnicity(self._value("ethnicity"))
        record.political_status = clean_political_status(self._value("political_status"))

    def _fill_person(self, record: RosterRecord) -> None:
        record.sex = self._checked("sex", clean_sex)
        birth = self._checked("birth_date", self._parse_birth)
        info = self._id_info()
        if info is not None:
            record.id_number = info.number
            self._compare_with_id(info, sex=record.sex, birth=birth)
            record.sex = record.sex or info.sex
            birth = birth or (info.birth_date, "day")
        if birth is not None:
            record.birth_date, record.birth_precision = birth

    def _parse_birth(self, value: object) -> tuple[date, str] | None:
        cell = self.cells.get("birth_date")
        return parse_birth(value, number_format=cell.number_format if cell else "General")

    def _id_info(self) -> IdInfo | None:
        value = self._value("id_number")
        if value is None or not str(value).strip():
            return None
        if isinstance(value, int | float) and abs(value) >= 1e15:
            self._refuse("id_number", ID_AS_NUMBER)
            return None
        try:
            return check_id_number(str(int(value)) if isinstance(value, float) else str(value))
        except IdNumberError as error:
            self._refuse("id_number", f"身份证号{error}")
            return None

    def _compare_with_id(self, info: IdInfo, *, sex: str | None,
                         birth: tuple[date, str] | None) -> None:
        if sex and sex != info.sex:
            self._refuse("sex", f"性别与身份证号不符：身份证号表明为{info.sex}")
        if birth and not _same_birth(birth, info.birth_date):
            shown = f"{info.birth_date.year}年{info.birth_date.month}月{info.birth_date.day}日"
            self._refuse("birth_date", f"出生年月与身份证号不符：身份证号中的出生日期为 {shown}")

    def _checked(self, field: str, convert: Callable[[object], _T]) -> _T | None:
        value = self._value(field)
        try:
            return convert(value)
        except (CellError, PhoneError) as error:
            self._refuse(field, str(error))
            return None

    def _value(self, field: str) -> object:
        cell = self.cells.get(field)
        return None if cell is None else cell.value

    def _refuse(self, field: str, reason: str) -> None:
        cell = self.cells.get(field) or Cell(value=None, column="")
        shown = display_value(cell.value)
        # A refused ID number is still someone's: named by its row and column, shown masked.
        shown = mask_id(shown) if field == "id_number" and shown else mask_ids_in(shown)
        self.refusals.append(Refusal(sheet=self.sheet, row=self.row, column=cell.column,
                                     value=shown, reason=mask_ids_in(reason)))


def _phones(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        return check_phone(value)
    return "、".join(check_phone(part) for part in _PHONE_SPLIT.split(value) if part.strip())


def _same_birth(birth: tuple[date, str], from_id: date) -> bool:
    typed, precision = birth
    if precision == "month":
        return (typed.year, typed.month) == (from_id.year, from_id.month)
    return typed == from_id


def display_value(value: object) -> str:
    """The cell as the user sees it in Excel (a long number without the E+17)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(Decimal(f"{value:.15g}")))
        return f"{value:.15g}"
    return str(value).strip()
