"""Background work for large imports: each task takes the job's pk and calls one domain function."""

from __future__ import annotations

from django_tasks import task

from yunzhao.workbooks import importing


@task()
def check_import_job(job_pk: int) -> None:
    importing.check_job(job_pk=job_pk)


@task()
def run_import_job(job_pk: int) -> None:
    importing.run_job(job_pk=job_pk)
