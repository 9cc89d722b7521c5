"""Deputies and units for the suggestion-ledger tests, added straight to a fresh store."""
import pytest

from db.models.roster import Deputy


@pytest.fixture
def deputies(store) -> dict[str, int]:
    """Three deputies by name → id."""
    with store.write("测试代表") as uow:
        rows = [Deputy(name=n) for n in ("张三", "李四", "王五")]
        uow.session.add_all(rows)
        uow.session.flush()
        return {r.name: r.id for r in rows}
