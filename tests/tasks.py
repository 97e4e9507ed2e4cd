"""Running the background tasks a test enqueued, as the worker (``manage.py db_worker``) would."""

from __future__ import annotations


def run_pending() -> None:
    """Run every task waiting in the database queue, oldest first, and remove it."""
    from django.utils.module_loading import import_string
    from django_tasks_db.models import DBTaskResult

    for task in DBTaskResult.objects.filter(status="READY").order_by("enqueued_at"):
        import_string(task.task_path).call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
        task.delete()
