from datetime import date

import pytest
from sqlalchemy import select

from app.recycle import list_bin
from app.roster import RosterError
from app.roster.deputies import delete_deputy, load_form, update_deputy
from app.roster.fields import DeputyFields, validate
from app.roster.listing import roster_rows
from db.models.core import AuditEntry
from tests.app.roster.helpers import add, make_id

TEXTBOOK_ID = "11010519491231002X"   # GB 11643 example: born 1949-12-31, 17th digit 2 → 女


def test_id_fills_birth_date_and_sex():
    data = validate(DeputyFields(name="王　芳 ", id_number="11010519491231002x"))
    assert data.name == "王芳"
    assert data.id_number == TEXTBOOK_ID
    assert data.birth_date == date(1949, 12, 31)
    assert data.sex == "女"


@pytest.mark.parametrize("fields, message", [
    (dict(name=" "), "姓名不能为空"),
    (dict(name="张三", id_number="110105194912310021"), "校验位错误"),
    (dict(name="张三", id_number=TEXTBOOK_ID, sex="男"), "性别“男”与身份证号（女）不一致"),
    (dict(name="张三", id_number=TEXTBOOK_ID, birth_date=date(1950, 1, 1)), "不一致"),
    (dict(name="张三", phone="1381234567"), "联系电话"),
    (dict(name="张三", ethnicity="火星族"), "民族“火星族”不在可选列表中"),
    (dict(name="张三", political_status="党员"), "政治面貌"),
    (dict(name="张三", sex="男性"), "性别“男性”无效"),
])
def test_bad_fields_are_refused_naming_the_field(fields, message):
    with pytest.raises(RosterError, match=message):
        validate(DeputyFields(**fields))


def test_month_precision_birth_agrees_with_id():
    data = validate(DeputyFields(name="王芳", id_number=TEXTBOOK_ID,
                                 birth_date=date(1949, 12, 1), birth_precision="month"))
    assert data.birth_date == date(1949, 12, 31) and data.birth_precision == "day"


def test_phones_are_normalised():
    assert validate(DeputyFields(name="a", phone="138 1234 5678")).phone == "13812345678"
    assert validate(DeputyFields(name="a", phone="(0715)8123456")).phone == "0715-8123456"


def test_create_lists_masked_id_and_audits(store):
    number = make_id("19750312", "123")
    deputy_id = add(store, "张三", id_number=number, phone="13812345678")
    [row] = roster_rows(store)
    assert row.id == deputy_id and row.levels == ("乡镇",) and row.status == "在任"
    assert row.id_masked == number[:4] + "**********" + number[-4:]
    assert load_form(store, deputy_id=deputy_id).fields.id_number == number
    with store.read() as session:
        entries = session.execute(select(AuditEntry.label, AuditEntry.after)
                                  .where(AuditEntry.entity == "deputy")).all()
    assert [label for label, _ in entries] == ["新增代表（张三）"]
    assert number not in entries[0][1]   # the trail only keeps the masked number


def test_same_id_twice_is_refused(store):
    number = make_id("19750312")
    add(store, "张三", id_number=number)
    with pytest.raises(RosterError, match="已属于代表 张三"):
        add(store, "李四", id_number=number)


def test_edit_changes_fields_and_pinyin(store):
    deputy_id = add(store, "张三")
    form = load_form(store, deputy_id=deputy_id)
    update_deputy(store, deputy_id=deputy_id, data=DeputyFields(name="曾红", sex="女"))
    [row] = roster_rows(store)
    assert row.name == "曾红" and row.sex == "女"
    assert row.keys[1].startswith("zh") and form.fields.name == "张三"


def test_delete_moves_to_recycle_bin(store):
    deputy_id = add(store, "张三")
    delete_deputy(store, deputy_id=deputy_id)
    assert roster_rows(store) == []
    with store.read() as session:
        assert [item.label for item in list_bin(session)] == ["代表 张三"]
