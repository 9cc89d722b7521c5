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
from app.roster_sheet.model import TITLES, CellWarning, Refusal, RosterRecord
from app.roster_sheet.values import (
    CellError, clean_ethnicity, clean_name, clean_political_status, clean_sex, clean_text,
    parse_levels,
)
from app.vocabulary import BirthPrecision

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


def card_text(cell: Cell | None) -> str | None:
    """A 代表证 number as the sheet shows it: a number cell formatted 000000 keeps its zeros."""
    if cell is None or cell.value is None:
        return None
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and re.fullmatch(r"0+", cell.number_format or ""):
        return str(value).zfill(len(cell.number_format))
    return clean_text(value)


class RowReader:
    """Reads one row. Only what says who the person is refuses the row (no name, an ID number
    that is wrong or lost digits, a birth date the ID contradicts); any other cell that cannot be
    read is left empty, or taken from the ID number, with a located warning."""

    def __init__(self, *, sheet: str, row: int, cells: dict[str, Cell]) -> None:
        self.sheet, self.row, self.cells = sheet, row, cells
        self.refusals: list[Refusal] = []
        self.warnings: list[CellWarning] = []
        self.person = person_text(clean_name(self._value("name")), self._value("id_number"))

    def read(self) -> RosterRecord | None:
        name = clean_name(self._value("name"))
        if name is None:
            self._refuse("name", "姓名为空")
        record = RosterRecord(row=self.row, name=name or "", person=self.person)
        self._fill_plain(record)
        self._fill_person(record)
        record.phone = self._checked("phone", _phones)
        record.levels = self._checked("levels", parse_levels) or []
        record.warnings = self.warnings
        return None if self.refusals else record

    def _fill_plain(self, record: RosterRecord) -> None:
        for field in _PLAIN_TEXT_FIELDS:
            setattr(record, field, clean_text(self._value(field)))
        record.ethnicity = clean_ethnicity(self._value("ethnicity"))
        record.card_number = card_text(self.cells.get("card_number"))
        record.political_status = clean_political_status(self._value("political_status"))

    def _fill_person(self, record: RosterRecord) -> None:
        info = self._id_info()
        sex = self._checked("sex", clean_sex, instead=_from_id(info, "sex"))
        birth = self._checked("birth_date", self._parse_birth, instead=_from_id(info, "birth"))
        if info is not None:
            record.id_number = info.number
            sex = self._sex_against_id(info, sex)
            self._compare_birth(info, birth)
            birth = birth or (info.birth_date, BirthPrecision.DAY.value)
        record.sex = sex
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

    def _sex_against_id(self, info: IdInfo, sex: str | None) -> str:
        if sex and sex != info.sex:
            self._warn("sex", f"性别“{sex}”与身份证号不符；已按身份证号记为{info.sex}")
        return info.sex

    def _compare_birth(self, info: IdInfo, birth: tuple[date, str] | None) -> None:
        if birth and not _same_birth(birth, info.birth_date):
            shown = f"{info.birth_date.year}年{info.birth_date.month}月{info.birth_date.day}日"
            self._refuse("birth_date", f"出生年月与身份证号不符：身份证号中的出生日期为 {shown}")

    def _checked(self, field: str, convert: Callable[[object], _T], *,
                 instead: str = "") -> _T | None:
        """The converted cell, or None with a warning saying what is kept instead."""
        value = self._value(field)
        try:
            return convert(value)
        except (CellError, PhoneError) as error:
            self._warn(field, f"{error}；{instead or '已留空'}")
            return None

    def _value(self, field: str) -> object:
        cell = self.cells.get(field)
        return None if cell is None else cell.value

    def _shown(self, field: str) -> tuple[Cell, str]:
        cell = self.cells.get(field) or Cell(value=None, column="")
        shown = display_value(cell.value)
        # A refused ID number is still someone's: named by its row and column, shown masked.
        return cell, mask_id(shown) if field == "id_number" and shown else mask_ids_in(shown)

    def _refuse(self, field: str, reason: str) -> None:
        cell, shown = self._shown(field)
        self.refusals.append(Refusal(sheet=self.sheet, row=self.row, column=cell.column,
                                     value=shown, reason=mask_ids_in(reason), person=self.person))

    def _warn(self, field: str, reason: str) -> None:
        cell, shown = self._shown(field)
        self.warnings.append(CellWarning(
            sheet=self.sheet, row=self.row, column=cell.column, field=TITLES[field], value=shown,
            reason=mask_ids_in(reason), person=self.person))


def _from_id(info: IdInfo | None, what: str) -> str:
    if info is None:
        return ""
    if what == "sex":
        return f"已按身份证号记为{info.sex}"
    born = info.birth_date
    return f"已按身份证号记为 {born.year}年{born.month}月{born.day}日"


def person_text(name: str | None, id_number: object) -> str:
    """张三（4212**********123X）: who a row or an item is, with the ID number masked."""
    shown = display_value(id_number) if id_number is not None else ""
    masked = f"（{mask_id(shown)}）" if shown else ""
    return f"{name or '（无姓名）'}{masked}"



def _phones(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        return check_phone(value)
    return "、".join(check_phone(part) for part in _PHONE_SPLIT.split(value) if part.strip())


def _same_birth(birth: tuple[date, str], from_id: date) -> bool:
    typed, precision = birth
    if precision == BirthPrecision.MONTH:
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
