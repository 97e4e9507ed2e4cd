from __future__ import annotations

import pytest

from yunzhao.core import holidays


@pytest.fixture
def calendar(db):
    """China's official holidays and make-up days, 2024–2026."""
    holidays.load()


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Run ``function(**kwargs)``, then what it enqueued after its commit, as the worker would."""

    def run(function, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = function(**kwargs)
        run_pending()
        return result

    return run


def run_pending():
    from django.utils.module_loading import import_string
    from django_tasks_db.models import DBTaskResult

    for task in DBTaskResult.objects.filter(status="READY").order_by("enqueued_at"):
        import_string(task.task_path).call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
        task.delete()
