"""Every write leaves an audit entry with its label; deleting goes through the recycle bin."""
from app import audit, recycle, settings
from db.models.roster import Deputy


def add_deputy(store, name):
    with store.write(f"新增代表（{name}）") as uow:
        deputy = Deputy(name=name)
        uow.session.add(deputy)
        uow.session.flush()
        uow.record(action="create", entity="deputy", entity_uuid=deputy.uuid, after={"name": name})
        return deputy.id


def test_every_write_has_an_audit_entry_with_its_label(store):
    settings.update(store, "rules", settings.Rules(reply_working_days=7), label="修改规则参数")
    add_deputy(store, "张三")
    with store.write("没有明细的写入"):
        pass
    rows = audit.entries(store)
    labels = [r.label for r in rows]
    assert labels[:3] == ["没有明细的写入", "新增代表（张三）", "修改规则参数"]
    rules_entry = rows[2]
    assert '"reply_working_days": 5' in rules_entry.before
    assert '"reply_working_days": 7' in rules_entry.after
    assert all(r.user for r in rows)


def test_a_failed_write_leaves_neither_data_nor_audit(store):
    before = len(audit.entries(store))
    try:
        with store.write("新增代表（李四）") as uow:
            uow.session.add(Deputy(name="李四"))
            uow.record(action="create", entity="deputy")
            raise ValueError("模拟失败")
    except ValueError:
        pass
    assert len(audit.entries(store)) == before
    with store.read() as session:
        assert session.query(Deputy).count() == 0


def test_audit_filter_by_text_and_action(store):
    add_deputy(store, "王五")
    settings.update(store, "rules", settings.Rules(), label="修改规则参数")
    assert [r.label for r in audit.entries(store, text="王五")] == ["新增代表（王五）"]
    assert [r.label for r in audit.entries(store, action="update")] == ["修改规则参数"]


def test_recycle_bin_round_trip(store):
    deputy_id = add_deputy(store, "赵六")
    with store.write("删除代表（赵六）") as uow:
        recycle.move_to_bin(uow, uow.session.get(Deputy, deputy_id), what="代表 赵六")
    items = recycle.bin_items(store)
    assert [(i.table, i.id, i.label) for i in items] == [("deputy", deputy_id, "代表 赵六")]
    recycle.restore_item(store, table="deputy", id=deputy_id, label="代表 赵六")
    assert recycle.bin_items(store) == []
    with store.read() as session:
        assert session.get(Deputy, deputy_id).deleted_at is None
    assert [r.action for r in audit.entries(store)][:2] == ["restore", "delete"]


def test_emptying_the_bin_purges_for_good(store):
    deputy_id = add_deputy(store, "孙七")
    with store.write("删除代表（孙七）") as uow:
        recycle.move_to_bin(uow, uow.session.get(Deputy, deputy_id), what="代表 孙七")
    purged, kept = recycle.empty(store)
    assert (purged, kept) == (1, [])
    with store.read() as session:
        assert session.get(Deputy, deputy_id) is None
    assert audit.entries(store)[0].action == "purge"


def test_opening_a_deputys_own_form_records_the_full_id_view(qtbot, store):
    from app.roster.deputies import create_deputy
    from app.roster.fields import DeputyFields
    from ui.context import AppContext
    from ui.roster.deputy_dialog import DeputyDialog
    deputy_id = create_deputy(store, data=DeputyFields(name="张三", id_number="11010519491231002X"))
    dialog = DeputyDialog(AppContext(store), deputy_id=deputy_id)
    qtbot.addWidget(dialog)
    assert dialog.id_number.text() == "11010519491231002X"
    entry = audit.entries(store)[0]
    assert (entry.action, entry.label) == ("view", "查看完整身份证号（张三）")


def test_roster_export_with_full_ids_is_written_in_the_audit_trail(store, tmp_path):
    from app.roster.deputies import create_deputy
    from app.roster.export import export_roster
    from app.roster.fields import DeputyFields
    deputy_id = create_deputy(store, data=DeputyFields(name="李四", id_number="11010519491231002X"))
    export_roster(store, path=tmp_path / "masked.xlsx")
    entry = audit.entries(store)[0]       # every roster export is accounted for, masked or not
    assert (entry.action, entry.label, entry.summary) == (
        "export", "导出代表名册", "导出 1 名代表，身份证号已遮蔽，文件 masked.xlsx")
    export_roster(store, path=tmp_path / "full.xlsx", full_ids={deputy_id: "11010519491231002X"})
    entry = audit.entries(store)[0]
    assert (entry.action, entry.label) == ("export", "导出代表名册（完整身份证号）")
