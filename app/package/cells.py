"""Turning one read cell into the column's typed value, or a reason (in Chinese) why not."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from app.identity import IdNumberError, PhoneError, check_id_number, check_phone
from app.package import PackageError
from app.serial_dates import serial_date
from app.text_rules import text_problem
from app.package.columns import CHOICE, DATE, DATETIME, INT, NUM, Column, canonical, is_code, text_limit

ID_KEYS = ("uuid", "id_number", "township_code")


class CellRefusal(Exception):
    """The cell cannot be read as its column's kind; str() is the reason."""


def convert(value, col: Column, *, where: str):
    if value == "" or value is None:
        if col.required:
            raise CellRefusal(f"“{col.header}”不能为空")
        return None
    if col.kind == DATE:
        return _date(value, col)
    if col.kind == DATETIME:
        return _datetime(value, col)
    if col.kind == INT:
        return _int(value, col)
    if col.kind == NUM:
        return _num(value)
    text = _text(value, col, where=where)
    if col.kind == CHOICE and col.choices and text not in col.choices:
        raise CellRefusal(f"“{text}”不是{col.header}的可选值（{'、'.join(col.choices)}）")
    return text


def _text(value, col: Column, *, where: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if col.key in ID_KEYS or col.key.endswith("_uuid"):
            raise PackageError(f"{where}“{col.header}”被存成了数字（{canonical(value)}），长编号存成数字会丢失末几位。"
                               "请把该列设为文本格式、重新填入原编号后再导入")
        if col.key in PHONE_KEYS:
            return _phone_number(canonical(value), col)
        return canonical(value)
    if isinstance(value, (datetime, date)):
        return canonical(value)
    text = str(value)
    if is_code(col):
        text = text.strip()
    if col.required and not text.strip():
        raise CellRefusal(f"“{col.header}”不能为空")
    check_text(text, col)
    return text


def check_text(text: str, col: Column) -> None:
    """The checks every text of a form gets: its length and no control characters; then the field's own."""
    problem = text_problem(text, label=col.header, limit=text_limit(col))
    if problem:
        raise CellRefusal(f"{problem}后再导入")
    field = FIELD_CHECKS.get(col.key)
    if field is not None:
        field(text)


def _id_number(text: str) -> None:
    if "*" in text:
        if not MASKED_ID.fullmatch(text):
            raise CellRefusal(f"身份证号“{text}”既不是完整的号码，也不是本程序遮蔽后的号码（前 4 位和后 4 位）")
        return
    try:
        check_id_number(text)
    except IdNumberError as exc:
        raise CellRefusal(f"身份证号“{text}”：{exc}") from None


def _phone(text: str) -> None:
    if not text.strip():
        return
    try:
        check_phone(text)
    except PhoneError as exc:
        raise CellRefusal(f"联系电话：{exc}") from None


def _phone_number(text: str, col: Column) -> str:
    """A phone typed into a number cell: a mobile reads as itself; a landline has lost its leading 0."""
    try:
        check_phone(text)
    except PhoneError:
        raise CellRefusal(f"“{col.header}”被存成了数字（{text}），开头的 0 可能已丢失，不是有效的电话号码："
                          "请把该列设为文本格式、填入完整号码后再导入") from None
    return text


# The form's own checks of these fields (app.identity), for every package that carries them.
FIELD_CHECKS = {"id_number": _id_number, "phone": _phone}
PHONE_KEYS = frozenset({"phone"})
MASKED_ID = re.compile(r"\d{4}\*{10}[\dX]{4}")


def passes(col: Column, text: str) -> bool:
    try:
        check_text(text, col)
    except CellRefusal:
        return False
    return True


def _date(value, col: Column) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    from_serial = serial_date(value)
    if from_serial is not None:
        return from_serial
    m = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*", str(value))
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise CellRefusal(f"“{value}”不是有效的日期（应为 2026-07-01 这样的日期）")


def _datetime(value, col: Column) -> datetime:
    if isinstance(value, datetime):
        # A re-save can leave a float's last digit off: round to the second.
        return (value + timedelta(microseconds=500_000)).replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return datetime.fromisoformat(str(value).strip()).replace(microsecond=0, tzinfo=None)
    except ValueError:
        raise CellRefusal(f"“{value}”不是有效的时间（应为 2026-07-01 08:30:00 这样的时间）") from None


def _int(value, col: Column) -> int:
    if isinstance(value, bool):
        raise CellRefusal(f"“{value}”不是整数")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise CellRefusal(f"“{value}”不是整数")


def _num(value) -> float | int:
    if isinstance(value, bool):
        raise CellRefusal(f"“{value}”不是数字")
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else float(value)
    try:
        number = float(str(value).strip())
    except ValueError:
        raise CellRefusal(f"“{value}”不是数字") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise CellRefusal(f"“{value}”不是数字")
    return int(number) if number.is_integer() else number
