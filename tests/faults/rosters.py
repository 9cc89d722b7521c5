"""A clean township roster workbook of any size (valid IDs and phones), for faults and fuzzing."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from app import settings
from tests.fixtures.make_messy_roster import make_id

HEADINGS = ["序号", "姓名", "性别", "民族", "出生年月", "公民身份号码", "政治面貌", "学历",
            "工作单位及职务", "代表构成", "手机号码", "代表层级", "选区", "所在代表小组"]
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"


def person(i: int) -> list:
    name = SURNAMES[i % len(SURNAMES)] + GIVEN[i // len(SURNAMES) % len(GIVEN)] + GIVEN[(i * 7) % len(GIVEN)]
    female = i % 2 == 1
    birth = f"19{60 + i % 35}{1 + i % 12:02d}{1 + i % 28:02d}"
    seq = f"{(i * 2 + (0 if female else 1)) % 1000:03d}"
    return [i + 1, name, "女" if female else "男", "汉", f"{birth[:4]}.{birth[4:6]}",
            make_id(birth, seq), "群众", "高中", f"第{i + 1}村村民", "农民",
            f"138{i:08d}", "乡镇", f"第{1 + i % 4}选区", f"第{1 + i % 3}代表小组"]


def rows(n: int) -> list[list]:
    people, seen = [], set()
    i = 0
    while len(people) < n:
        p = person(i)
        if p[1] not in seen:   # the importer flags same-name rows as duplicates
            seen.add(p[1])
            p[0] = len(people) + 1
            people.append(p)
        i += 1
    return people


def write_roster(path: Path, table: list[list], *, headings: list[str] = HEADINGS) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "代表名册"
    sheet.append(headings)
    for row in table:
        sheet.append(row)
    book.save(path)
    return path


def configure_township(store) -> None:
    with store.write("设置乡镇信息") as uow:
        settings.save(uow, "township", settings.Township(
            name="青山镇", code="421281103000", county="崇阳县", term=18))
