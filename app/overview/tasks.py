"""Overview lines for the year's dated duties (app/tasks): shown from the first day of the month
they fall due, green once done; past the date they stay, red, until done or the year ends."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.overview import DANGER, OK, WARNING, OverviewItem
from app.tasks.yearly import YearlyTask, yearly_tasks


def task_items(session: Session, *, today: date) -> list[OverviewItem]:
    found = (task_item(t, today=today) for t in yearly_tasks(session, year=today.year, on=today))
    return [i for i in found if i is not None]


def task_item(task: YearlyTask, *, today: date) -> OverviewItem | None:
    if today < task.due.replace(day=1) or task.total == 0:
        return None                # not yet its month, or nothing it could ask for
    when = f"{task.due.month}月{task.due.day}日"
    if task.complete:
        if today > task.due:
            return None
        return OverviewItem(task.key, f"{task.title}：已完成（{task.done}/{task.total}）", 0, OK, None)
    left = len(task.missing_ids)
    if today <= task.due:
        text, severity = f"{task.title}：尚有 {left} {task.pending}，距{when}还有 {(task.due - today).days} 天", WARNING
    else:
        text, severity = f"{task.title}：已过{when}，仍有 {left} {task.pending}", DANGER
    return OverviewItem(task.key, text, left, severity, task.target,
                        {"ids": list(task.missing_ids), "label": f"{task.title}：尚未完成（{left}）"},
                        "\n".join(task.missing))
