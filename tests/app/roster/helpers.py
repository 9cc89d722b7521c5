"""Small builders for roster tests: valid resident-ID numbers and deputies."""
from __future__ import annotations

from datetime import date

from app.identity import id_check_digit
from app.roster.deputies import create_deputy
from app.roster.fields import DeputyFields
from app.roster.levels import SeatInput


def make_id(birth: str, seq: str = "123", region: str = "421281") -> str:
    first17 = region + birth + seq
    return first17 + id_check_digit(first17)


def add(store, name: str, *, levels=("乡镇",), term: int = 18, group_id=None, id_number=None,
        constituency: str = "第一选区", **fields) -> int:
    seats = [SeatInput(level, term, constituency, date(2021, 12, 20)) for level in levels]
    return create_deputy(store, data=DeputyFields(name=name, id_number=id_number, **fields),
                         seats=seats, group_id=group_id, on=date(2022, 1, 1))
