"""The demonstration year's livelihood projects stand at the steps in seed 004's words."""
from __future__ import annotations

import shutil

from app.demo import fill_demo
from app.livelihood.service import project_rows
from app.paths import DB_FILE
from app.store import Store


def test_demo_projects_show_the_new_steps(tmp_path, migrated_template):
    shutil.copy(migrated_template, tmp_path / DB_FILE)
    store = Store.open(tmp_path, daily_backup=False)
    try:
        fill_demo(store)
        rows = {r.title: (r.stage, r.status) for r in project_rows(store, year=2026)}
    finally:
        store.close()
    # Two passed, checked and surveyed (人大验单), one passed and being carried out (政府领单),
    # one failed at the vote, one not shortlisted.
    assert rows == {"青山村至石门村通组公路硬化": ("监督", "监督"), "集镇老街路灯改造": ("监督", "监督"),
                    "村卫生室标准化建设": ("实施", "通过"),
                    "新建镇区文化广场": ("票决", "未通过"), "镇区污水处理厂扩建": ("征集", "未入选")}
