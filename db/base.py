"""Declarative base and the mixins every record that travels or can be deleted carries."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import DateTime, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names keep Alembic batch migrations on SQLite deterministic.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def new_uuid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    # Stored naive in UTC; SQLite has no time zones and every writer uses this one clock.
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


class Tracked:
    """A record with a stable UUID and created/updated times (it may travel to the county)."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, nullable=False, index=True
    )


class Recyclable:
    """A record that is never hard-deleted by the user: deleting moves it to the recycle bin."""

    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    deleted_label: Mapped[str | None] = mapped_column(String(200), nullable=True)
