"""Turning one read cell into the column's typed value, or a reason (in Chinese) why not."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from app.package import PackageError
from app.package.columns import CHOICE, DATE, DATETIME, INT, NUM, Column, canonical

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
        return canonical(value)
    if isinstance(value, (datetime, date)):
        return canonical(value)
    return str(value).strip()


def _date(value, col: Column) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
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
