"""The presidium's supervision of the deputy groups (督导检查): a visit to a group or an inspection
of its work, with who went and what was found (seed 001's 督导工作全覆盖 counts these)."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Recyclable, Tracked

# 实地督导: the presidium went to the group (its activity, its station); 检查: its records
# (plan, sign-ins, minutes, ledgers) were inspected.
# The ways stored in `way` are listed in app/vocabulary.py (SupervisionWay).


class GroupSupervision(Base, Tracked, Recyclable):
    __tablename__ = "group_supervision"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("deputy_group.id"), index=True)
    on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    way: Mapped[str] = mapped_column(String(10), default="实地督导", nullable=False)
    supervisors: Mapped[str] = mapped_column(String(200), nullable=False)   # presidium members who went
    findings: Mapped[str] = mapped_column(Text, default="", nullable=False)
