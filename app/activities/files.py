"""Photos and scanned sign-in sheets of an activity, copied into the data folder by content."""
from __future__ import annotations

from pathlib import Path

from app.activities import ActivityError
from app.attachments import store_file
from app.store import Store
from app.vocabulary import AttachmentKind
from db.models.activity import Activity, ActivityAttachment

def attach_files(store: Store, *, activity_id: int, paths: list[Path], kind: str = AttachmentKind.PHOTO) -> list[int]:
    """Copy files in first (outside the transaction), then record them; returns attachment ids."""
    if kind not in AttachmentKind.values():
        raise ActivityError(f"附件类别无效：{kind}")
    infos = [store_file(store.data_dir, Path(p)) for p in paths]
    with store.write(f"添加活动附件（{len(infos)} 个）") as uow:
        activity = uow.session.get(Activity, activity_id)
        if activity is None or activity.deleted_at is not None:
            raise ActivityError("该活动不存在或已被删除")
        rows = [ActivityAttachment(sha256=i.sha256, ext=i.ext, original_name=i.original_name,
                                   size=i.size, kind=kind) for i in infos]
        activity.attachments.extend(rows)
        uow.session.flush()
        uow.record(action="update", entity="activity", entity_uuid=activity.uuid,
                   summary="添加附件 " + "、".join(i.original_name for i in infos))
        return [r.id for r in rows]


def remove_attachment(store: Store, *, attachment_id: int) -> None:
    """Unlink the attachment from its activity; the stored file stays (others may share it)."""
    with store.write("移除活动附件") as uow:
        row = uow.session.get(ActivityAttachment, attachment_id)
        if row is None:
            raise ActivityError("该附件不存在")
        _unlink(uow, row)


def remove_attachments(store: Store, *, activity_id: int, attachment_ids: list[int]) -> None:
    """Unlink several attachments of one activity in one transaction (the form's 移除 on save)."""
    with store.write(f"移除活动附件（{len(attachment_ids)} 个）") as uow:
        for attachment_id in attachment_ids:
            row = uow.session.get(ActivityAttachment, attachment_id)
            if row is None or row.activity_id != activity_id:
                raise ActivityError("要移除的附件不属于该活动（可能已被移除）")
            _unlink(uow, row)


def _unlink(uow, row: ActivityAttachment) -> None:
    uow.record(action="update", entity="activity", entity_uuid=row.activity.uuid,
               summary=f"移除附件 {row.original_name}")
    uow.session.delete(row)
