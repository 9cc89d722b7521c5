"""Each overview line on the hand-counted township of tests/app/statistics/township.py."""
from datetime import date, datetime

from app.overview.calendar import backup_item, next_reception, package_item
from app.overview.service import load_overview, overview_items
from db.models.exchange import ExchangeLog


def _items(store, today):
    items = load_overview(store, today=today, now=datetime.combine(today, datetime.min.time()))
    return {i.key: i for i in items}


def test_suggestion_lines_on_30_september(store, town):
    s = town.suggestions
    items = _items(store, date(2026, 9, 30))
    # S3 was due 09-08 and S5's third round 07-14: both overdue; nothing else is open
    assert set(items["overdue"].filters["ids"]) == {s["S3"], s["S5"]}
    assert items["overdue"].count == 2 and items["overdue"].severity == "danger"
    assert items["due_soon"].count == 0 and items["due_soon"].target is None
    # S4 replied 07-07 and not yet voted on (S1 was voted 满意)
    assert items["awaiting_vote"].filters["ids"] == [s["S4"]]
    # S5: two unsatisfied answers and no escalation held
    assert items["escalation"].filters["ids"] == [s["S5"]]
    assert items["overdue"].target == "suggestions"


def test_due_soon_on_7_september(store, town):
    # S3's deadline 09-08 is one working day after Monday 09-07 (≤ 2 working days)
    items = _items(store, date(2026, 9, 7))
    assert items["due_soon"].filters["ids"] == [town.suggestions["S3"]]
    assert items["overdue"].filters["ids"] == [town.suggestions["S5"]]


def test_groups_without_themed_activity(store, town):
    item = _items(store, date(2026, 9, 7))["groups"]
    # 西片 held nothing in Q3; 09-07 → 09-30 is 23 days
    assert item.filters["ids"] == [town.groups["西片小组"]]
    assert "还有 23 天" in item.text and item.severity == "warning"
    assert item.target == "groups"
    assert _items(store, date(2026, 9, 30))["groups"].severity == "danger"   # 0 days left


def test_deputies_without_attendance_this_quarter(store, town):
    d = town.deputies
    item = _items(store, date(2026, 9, 30))["no_attendance"]
    # 王五 only absent, 孙八's group held nothing; 周九 attended A1 before resigning
    assert set(item.filters["ids"]) == {d["王五"], d["孙八"]}
    assert item.target == "roster"
    # By 07-31 only A1 was held: 赵六 (not yet a member) and 李四 (on leave) have not attended either
    early = _items(store, date(2026, 7, 31))["no_attendance"]
    assert set(early.filters["ids"]) == {d["王五"], d["孙八"], d["赵六"], d["李四"]}


def test_deputies_below_contact_minimums(store, town):
    item = _items(store, date(2026, 9, 30))["contacts"]
    d = town.deputies
    # nobody has any voter; 周九 no longer holds a seat
    assert set(item.filters["ids"]) == {d[n] for n in ("张三", "李四", "王五", "赵六", "孙八")}


def test_next_reception_day(store, town):
    # the 31st falls on 30 September; the 15th of October is later
    item = _items(store, date(2026, 9, 30))["reception"]
    assert item.text == "今天是接待选民日，石桥站"
    item = _items(store, date(2026, 9, 7))["reception"]
    assert item.text == "下一个接待选民日：9月15日（还有 8 天），青山站"
    assert next_reception(today=date(2026, 2, 16), days=[31]) == date(2026, 2, 28)
    assert next_reception(today=date(2026, 12, 16), days=[15]) == date(2027, 1, 15)


def test_package_not_exported(store, town):
    with store.read() as session:
        # 09-20: ten days before the quarter's end (≤ 14) and nothing exported
        item = package_item(session, today=date(2026, 9, 20), warning_days=14)
        assert item.text.startswith("2026年第3季度数据包尚未导出") and item.filters["period"] == "2026Q3"
        assert package_item(session, today=date(2026, 9, 1), warning_days=14) is None
        # 10-05: the third quarter's package is still missing
        assert package_item(session, today=date(2026, 10, 5), warning_days=14).severity == "danger"
    with store.write("测试导出") as uow:
        uow.session.add(ExchangeLog(way="out", direction="乡镇→县", period="2026年第3季度", sha256="0" * 64))
    with store.read() as session:
        assert package_item(session, today=date(2026, 9, 20), warning_days=14) is None
        assert package_item(session, today=date(2026, 10, 5), warning_days=14) is None


def test_backup_age():
    now = datetime(2026, 9, 30, 9, 0)
    assert backup_item(last=None, now=now).severity == "danger"
    assert backup_item(last=datetime(2026, 9, 30, 7, 0), now=now).text.startswith("最近一次备份：今天")
    old = backup_item(last=datetime(2026, 9, 27, 7, 0), now=now)
    assert old.count == 3 and old.severity == "warning" and "3 天前" in old.text
    assert backup_item(last=datetime(2026, 9, 1), now=now).severity == "danger"


def test_empty_store_has_quiet_lines(store):
    with store.read() as session:
        items = overview_items(session, today=date(2026, 5, 1), last_backup=None, now=datetime(2026, 5, 1))
    keys = [i.key for i in items]
    assert keys[:4] == ["overdue", "due_soon", "awaiting_vote", "escalation"]
    assert all(i.count == 0 for i in items[:4])
    # With no deputy, group or station there is nothing to check: no green "每位代表都已参加活动",
    # no "均已达到要求", no reception day of a station that does not exist.
    assert not {"groups", "no_attendance", "contacts", "reception"} & set(keys)


def test_a_reception_day_on_a_holiday_is_warned(store, town):
    """Meaning: the home page warns when the next reception day is a statutory holiday as the
    holiday and 调休 calendar has it (2026-02-15 is in the 春节 break), not an ordinary Sunday
    (2026-03-15), and a day the township sets as rest counts too."""
    from app.workdays import set_override
    from app.workdays.calendar import DayOverride
    item = _items(store, date(2026, 2, 10))["reception"]
    assert item.text == "下一个接待选民日：2月15日（还有 5 天）正逢放假（春节），请调整接待日或提前告知选民"
    assert item.severity == "warning" and item.detail == "青山站"
    item = _items(store, date(2026, 3, 10))["reception"]
    assert item.text == "下一个接待选民日：3月15日（还有 5 天），青山站" and item.severity == "info"
    with store.write("设定休息日") as uow:
        set_override(uow, DayOverride(date(2026, 4, 15), False, "村级换届选举", "user"))
    assert "正逢放假（村级换届选举）" in _items(store, date(2026, 4, 10))["reception"].text
