"""The demonstration township: each module in this package adds one kind of record, in the
order of its ORDER number, through the application's own services."""
from __future__ import annotations

import importlib
import pkgutil
import random

from app import settings
from app.store import Store

SEED = 20261122


def fill_demo(store: Store) -> dict[str, int]:
    rng = random.Random(SEED)
    with store.write("生成演示数据（乡镇信息）") as uow:
        settings.save(uow, "township", settings.Township(
            name="青山镇", code="421281103000", county="崇阳县", term=18,
            chair="李建国", secretary="王秀英"))
    counts: dict[str, int] = {}
    for module in _fillers():
        counts.update(module.fill(store, rng))
    return counts


def _fillers():
    modules = [importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)]
    return sorted((m for m in modules if hasattr(m, "fill")), key=lambda m: m.ORDER)
