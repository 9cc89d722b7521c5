"""The audit trail reads as Chinese: field names and old → new, IDs masked, no JSON."""
import json

from app import audit, settings
from app.audit_text import change_text
from tests.app.roster.helpers import add


def test_a_change_reads_field_by_field_old_to_new():
    before = json.dumps({"name": "张三", "phone": "13900001111"}, ensure_ascii=False)
    after = json.dumps({"name": "张山", "phone": None}, ensure_ascii=False)
    assert change_text(before, after, "deputy") == "姓名：张三 → 张山\n联系电话：13900001111 → （空）"
    assert change_text(None, json.dumps({"name": "镇水利站"}, ensure_ascii=False), "handling_unit") == "名称：镇水利站"


def test_a_new_record_lists_its_fields_with_the_id_masked():
    after = json.dumps({"name": "张三", "id_number": "421281198001010011", "cosigners": ["李四", "王五"]},
                       ensure_ascii=False)
    assert change_text(None, after, "deputy") == "姓名：张三\n身份证号：4212**********0011\n附议代表：李四、王五"


def test_rule_changes_use_the_settings_own_words(store):
    settings.update(store, "rules", settings.Rules(reply_working_days=7), label="修改规则参数")
    [row] = [r for r in audit.entries(store) if r.label == "修改规则参数"]
    assert row.change == "一般事项答复期限：5 → 7"


def test_every_field_the_app_records_has_a_chinese_name(store):
    from app.demo import fill_demo
    fill_demo(store)                      # every kind of record the demo township makes
    add(store, "张三", id_number="421281198001010011", phone="13900001111")
    for row in audit.entries(store):
        for line in row.change.splitlines():
            field, value = line.split("：", 1)
            assert not field.isascii(), line
            assert value not in ("day", "month", "year", "group", "station", "presidium", "own",
                                 "activity", "ordinary", "complex"), line
