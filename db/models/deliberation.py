"""人民议事厅 topics (seed 004: 确定议事选题 … 组织代表走进议事厅，参与、议定一批群众“急难愁盼”的事项
…拿出清单，挂图推进): the question put to deliberation, the matters raised, what was agreed and how
far it has been carried out."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Recyclable, Tracked


class DeliberationTopic(Base, Tracked, Recyclable):
    __tablename__ = "deliberation_topic"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic: Mapped[str] = mapped_column(String(200), nullable=False)
    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    place: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    participants: Mapped[str] = mapped_column(String(200), default="", nullable=False)  # deputies and voters who took part
    matters: Mapped[str] = mapped_column(Text, default="", nullable=False)     # what people raised
    outcome: Mapped[str] = mapped_column(Text, default="", nullable=False)     # what was agreed (议定事项)
    progress: Mapped[str] = mapped_column(String(10), default="推进中", nullable=False)
