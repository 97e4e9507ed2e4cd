"""Importing a workbook: upload → column mapping → check (errors, duplicates) → run.

The run is all or nothing: every object is inserted in batches (:mod:`yunzhao.workbooks.inserts`)
inside one transaction, with its search entries and name keys, and one audit record for the
whole job.  If any
step fails the transaction is rolled back, the job is marked failed with the reason and no
row of the file stays behind.  Files of up to ``IN_REQUEST_ROWS`` rows are checked and
run in the request; larger ones by a background task (:mod:`yunzhao.workbooks.tasks`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import Model
from django.utils import timezone, translation

from yunzhao.core import audit, search
from yunzhao.core.models import SearchEntry
from yunzhao.crm.indexing import contact_texts, enterprise_texts
from yunzhao.crm.models import Contact, Enterprise, EnterpriseNameKey, Ownership
from yunzhao.pipeline.indexing import project_texts
from yunzhao.pipeline.models import Project, Stage, StageChange
from yunzhao.workbooks import duplicates as duplicate_check
from yunzhao.workbooks import inserts
from yunzhao.workbooks.columns import DEFAULT_LANGUAGE, column_by_key, columns_for, guess_mapping
from yunzhao.workbooks.models import DuplicateChoice, ImportJob, ImportKind, ImportStatus
from yunzhao.workbooks.reading import (
    NotAWorkbookError,
    count_rows,
    header_row,
    iter_data_rows,
    open_workbook,
    sheet_of,
)
from yunzhao.workbooks.validation import CHUNK_SIZE, CheckedRow, RowChecker

logger = logging.getLogger(__name__)

#: Files with at most this many rows are checked and imported while the person waits.
IN_REQUEST_ROWS = 2000
#: Row errors kept for the pages (all are counted).
MAX_STORED_ERRORS = 5000
INSERT_BATCH = 2000
PREVIEW_ROWS = 20


class RowInvalidError(Exception):
    """A row that passed the check fails at run time (the database changed in between)."""

    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(error["code"])
        self.error = error


# --- Upload and mapping ----------------------------------------------------------------


def create_import_job(*, kind: str, upload: File, by: Any) -> ImportJob:
    """Store the upload, read its sheets and header row, and guess the column mapping."""
    job = ImportJob(kind=kind, token=secrets.token_hex(16), original_name=(upload.name or "")[:255], created_by=by)
    job.file_size = upload.size or 0
    with open_workbook(upload) as workbook:
        job.sheet_names = list(workbook.sheetnames)
        sheet = sheet_of(workbook, "")
        job.sheet = sheet.title
        job.headers = header_row(sheet)
        job.total_rows = count_rows(workbook, sheet)
    job.mapping = guess_mapping(kind, job.headers)
    upload.seek(0)
    with transaction.atomic():
        job.file.save(f"{job.token}.xlsx", upload, save=False)
        job.save()
        audit.record(
            actor=by,
            action="workbooks.import.uploaded",
            target=job,
            data={"kind": kind, "file": job.original_name, "rows": job.total_rows},
        )
    return job


def choose_sheet(*, job: ImportJob, sheet: str) -> ImportJob:
    """Read another sheet's header row and guess its mapping afresh."""
    with job.file.open("rb") as file, open_workbook(file) as workbook:
        chosen = sheet_of(workbook, sheet)
        job.sheet = chosen.title
        job.headers = header_row(chosen)
        job.total_rows = count_rows(workbook, chosen)
    job.mapping = guess_mapping(job.kind, job.headers)
    job.status = ImportStatus.UPLOADED
    job.save(update_fields=["sheet", "headers", "total_rows", "mapping", "status"])
    return job


def set_mapping(*, job: ImportJob, mapping: dict[str, str]) -> ImportJob:
    """Keep the mapping the person confirmed; any earlier check no longer holds."""
    job.mapping = mapping
    job.status = ImportStatus.MAPPED
    if job.checked_file:
        job.checked_file.delete(save=False)
    job.row_errors, job.duplicates, job.decisions = [], [], {}
    job.error_count = job.invalid_rows = job.duplicate_count = job.rows_checked = 0
    job.task_id = ""
    job.save(
        update_fields=[
            "mapping",
            "status",
            "row_errors",
            "duplicates",
            "decisions",
            "error_count",
            "invalid_rows",
            "duplicate_count",
            "rows_checked",
            "task_id",
            "checked_file",
        ]
    )
    return job


def missing_required(kind: str, mapping: dict[str, str]) -> list[str]:
    mapped = set(mapping.values())
    return [column.key for column in columns_for(kind) if column.required and column.key not in mapped]


# --- Reading the job's rows ----------------------------------------------------------------


def _checked_chunks(job: ImportJob, checker: RowChecker) -> Iterator[list[CheckedRow]]:
    with job.file.open("rb") as file, open_workbook(file) as workbook:
        yield from checker.check(iter_data_rows(sheet_of(workbook, job.sheet)))


def _encode(row: CheckedRow) -> bytes:
    line: dict[str, Any] = {"n": row.number, "e": row.errors[0]} if row.errors else {"n": row.number, "v": row.values}
    if row.name_keys is not None:
        line["k"] = row.name_keys
    return json.dumps(line, cls=DjangoJSONEncoder, ensure_ascii=False).encode() + b"\n"


def _decoder(kind: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Turns values read back from JSON into what the check gave: dates and decimals."""
    columns = column_by_key(kind)
    dates = {key for key, column in columns.items() if column.kind == "date"}
    decimals = {key for key, column in columns.items() if column.kind in {"amount", "area"}}

    def decode(values: dict[str, Any]) -> dict[str, Any]:
        for key in dates & values.keys():
            values[key] = dt.date.fromisoformat(values[key])
        for key in decimals & values.keys():
            values[key] = Decimal(values[key])
        return values

    return decode


def _rechecked_chunks(job: ImportJob, checker: RowChecker) -> Iterator[list[CheckedRow]]:
    """The rows as the check left them (its file of checked values), their database facts checked again.

    The file is not parsed a second time; only what may have changed since the check —
    credit codes taken, enterprises referred to — is asked of the database again, per chunk.
    """
    if not job.checked_file:
        yield from _checked_chunks(job, checker)
        return
    decode = _decoder(job.kind)
    with job.checked_file.open("rb") as file:
        chunk: list[CheckedRow] = []
        for line in file:
            entry = json.loads(line)
            if "e" in entry:
                chunk.append(CheckedRow(number=entry["n"], values={}, errors=[entry["e"]]))
            else:
                chunk.append(CheckedRow(number=entry["n"], values=decode(entry["v"]), name_keys=entry.get("k")))
            if len(chunk) >= CHUNK_SIZE:
                yield _recheck(checker, chunk)
                chunk = []
        if chunk:
            yield _recheck(checker, chunk)


def _recheck(checker: RowChecker, rows: list[CheckedRow]) -> list[CheckedRow]:
    checker.check_chunk([row for row in rows if not row.errors])
    return rows


@dataclass(frozen=True)
class PreviewRow:
    number: int
    cells: list[Any]
    errors: list[dict[str, Any]]


def preview(job: ImportJob, *, limit: int = PREVIEW_ROWS) -> list[PreviewRow]:
    """The first rows of the sheet, each cell as mapped and checked, with its errors."""
    checker = RowChecker(job.kind, job.mapping)
    rows: list[PreviewRow] = []
    with job.file.open("rb") as file, open_workbook(file) as workbook:
        raw: list[tuple[int, tuple[Any, ...]]] = []
        for numbered in iter_data_rows(sheet_of(workbook, job.sheet)):
            raw.append(numbered)
            if len(raw) >= limit:
                break
    checked = checker.check_chunk([checker.check_row(number, cells) for number, cells in raw])
    for (_number, cells), row in zip(raw, checked, strict=True):
        rows.append(PreviewRow(number=row.number, cells=list(cells), errors=row.errors))
    return rows


# --- The check ---------------------------------------------------------------------------


def _update_progress(job_pk: int, **values: Any) -> None:
    """Write progress where other requests see it at once.

    Outside a transaction that is a plain update.  Inside the import's transaction it is
    made on another connection (a short thread of its own) on PostgreSQL; SQLite allows one
    writer at a time, so there the page shows the run without a count until it ends.
    """
    if not connection.in_atomic_block:
        ImportJob.objects.filter(pk=job_pk).update(**values)
        return
    if connection.vendor != "postgresql":
        return

    def write() -> None:
        try:
            ImportJob.objects.filter(pk=job_pk).update(**values)
        finally:
            connections.close_all()

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    thread.join(timeout=10)


def request_check(*, job: ImportJob) -> ImportJob:
    """Check the whole file now (small files) or in the background (large ones)."""
    if job.total_rows <= IN_REQUEST_ROWS:
        return check_job(job_pk=job.pk)
    from yunzhao.workbooks.tasks import check_import_job

    return _enqueue(job, check_import_job, status=ImportStatus.MAPPED)


def check_job(*, job_pk: int) -> ImportJob:
    """Check every row: errors by row and column, repeated and taken credit codes, duplicates."""
    job = ImportJob.objects.get(pk=job_pk)
    checker = RowChecker(job.kind, job.mapping)
    errors: list[dict[str, Any]] = []
    found_duplicates: list[dict[str, Any]] = []
    error_count = invalid_rows = checked = 0
    duplicate_check_available = job.kind == ImportKind.ENTERPRISES
    checked_rows = tempfile.TemporaryFile()  # noqa: SIM115 -- closed below, after it is stored
    try:
        for chunk in _checked_chunks(job, checker):
            valid: list[CheckedRow] = []
            for row in chunk:
                if row.errors:
                    invalid_rows += 1
                    error_count += len(row.errors)
                    if len(errors) < MAX_STORED_ERRORS:
                        errors.extend(row.errors[: MAX_STORED_ERRORS - len(errors)])
                else:
                    valid.append(row)
            if duplicate_check_available and valid:
                entries = duplicate_check.find_duplicates(valid)
                if entries is None:
                    duplicate_check_available = False
                else:
                    found_duplicates.extend(entries)
            checked_rows.writelines(_encode(row) for row in chunk)
            checked += len(chunk)
            _update_progress(job.pk, rows_checked=checked)
    except NotAWorkbookError as error:
        checked_rows.close()
        return _fail(job, {"code": "unreadable", "params": {"detail": str(error)[:300]}})
    if job.checked_file:
        job.checked_file.delete(save=False)
    checked_rows.seek(0)
    with checked_rows:
        job.checked_file.save(f"{job.token}-checked.jsonl", File(checked_rows), save=False)
    job.row_errors = errors
    job.error_count = error_count
    job.invalid_rows = invalid_rows
    job.duplicates = found_duplicates
    job.duplicate_count = len(found_duplicates)
    job.rows_checked = checked
    job.total_rows = checked
    job.status = ImportStatus.VALIDATED
    job.checked_at = timezone.now()
    job.task_id = ""
    job.save()
    return job


# --- Decisions and the run ---------------------------------------------------------------


def decide(*, job: ImportJob, decisions: dict[str, str], default: str, skip_invalid: bool) -> ImportJob:
    """Keep the person's choice for each duplicate row (skip, or import as new)."""
    allowed = {choice.value for choice in DuplicateChoice}
    job.decisions = {row: choice for row, choice in decisions.items() if choice in allowed}
    job.default_decision = default if default in allowed else DuplicateChoice.SKIP
    job.skip_invalid = skip_invalid
    job.save(update_fields=["decisions", "default_decision", "skip_invalid"])
    return job


def can_start(job: ImportJob) -> bool:
    return job.status == ImportStatus.VALIDATED and (job.invalid_rows == 0 or job.skip_invalid)


def start_import(*, job: ImportJob) -> ImportJob:
    """Run now (small files) or queue the run (large ones); the job must be checked."""
    if not can_start(job):
        raise ValueError("the job is not ready to run")
    if job.total_rows <= IN_REQUEST_ROWS:
        return run_job(job_pk=job.pk)
    from yunzhao.workbooks.tasks import run_import_job

    return _enqueue(job, run_import_job, status=ImportStatus.QUEUED)


def _enqueue(job: ImportJob, task: Any, *, status: str) -> ImportJob:
    """Mark the job and enqueue ``task`` with its pk once the marking is committed."""

    def enqueue() -> None:
        result = task.enqueue(job.pk)
        ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    with transaction.atomic():
        job.status = status
        job.task_id = "pending"
        job.save(update_fields=["status", "task_id"])
        transaction.on_commit(enqueue)
    return job


def _skipped(job: ImportJob, row: CheckedRow, duplicate_rows: set[int]) -> bool:
    if row.errors:
        if job.skip_invalid:
            return True
        raise RowInvalidError(row.errors[0])
    return row.number in duplicate_rows and job.decision_for(row.number) == DuplicateChoice.SKIP


def run_job(*, job_pk: int) -> ImportJob:
    """Create the objects of every row to import, all or nothing; returns the finished job."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_pk)
    if job.status not in {ImportStatus.VALIDATED, ImportStatus.QUEUED}:
        return job
    job.status = ImportStatus.RUNNING
    job.started_at = timezone.now()
    job.rows_done = 0
    job.save(update_fields=["status", "started_at", "rows_done"])
    duplicate_rows = {int(entry["row"]) for entry in job.duplicates}
    try:
        with translation.override(DEFAULT_LANGUAGE), transaction.atomic():
            created_ids, skipped = _create_all(job, duplicate_rows)
            job.status = ImportStatus.DONE
            job.created_count = len(created_ids)
            job.skipped_count = skipped
            job.created_ids = id_ranges(created_ids)
            job.rows_done = job.total_rows
            job.finished_at = timezone.now()
            job.task_id = ""
            job.failure = {}
            job.save()
            audit.record(
                actor=job.created_by,
                action="workbooks.import.done",
                target=job,
                data={
                    "kind": job.kind,
                    "file": job.original_name,
                    "created": job.created_count,
                    "skipped": skipped,
                    "ids": job.created_ids,
                },
            )
    except RowInvalidError as error:
        return _fail(job, {"code": "row_invalid", "params": {"row": error.error["row"], "error": error.error}})
    except NotAWorkbookError as error:
        return _fail(job, {"code": "unreadable", "params": {"detail": str(error)[:300]}})
    except DatabaseError as error:
        logger.warning("import job %s failed in the database: %s", job.pk, error)
        return _fail(job, {"code": "database", "params": {"detail": str(error)[:300]}})
    except Exception as error:
        logger.exception("import job %s failed", job.pk)
        return _fail(job, {"code": "unexpected", "params": {"detail": f"{type(error).__name__}: {error}"[:300]}})
    if job.checked_file:
        # The checked rows were only needed for the run; the uploaded workbook is kept.
        job.checked_file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(checked_file="")
    return job


def _fail(job: ImportJob, failure: dict[str, Any]) -> ImportJob:
    """Mark ``job`` failed (after its transaction was rolled back) and record it once."""
    with transaction.atomic():
        job.status = ImportStatus.FAILED
        job.failure = failure
        job.finished_at = timezone.now()
        job.created_count = 0
        job.created_ids = []
        job.task_id = ""
        job.save(update_fields=["status", "failure", "finished_at", "created_count", "created_ids", "task_id"])
        audit.record(
            actor=job.created_by,
            action="workbooks.import.failed",
            target=job,
            data={"kind": job.kind, "file": job.original_name, "failure": failure},
        )
    return job


def id_ranges(ids: Iterable[int]) -> list[list[int]]:
    """[[first, last], …] of consecutive runs: 100,000 new ids are usually one pair."""
    ranges: list[list[int]] = []
    for pk in sorted(ids):
        if ranges and pk == ranges[-1][1] + 1:
            ranges[-1][1] = pk
        else:
            ranges.append([pk, pk])
    return ranges


# --- Building objects ------------------------------------------------------------------------


class InstanceFactory:
    """Builds unsaved instances from values by attribute name, fast.

    A model's constructor with keyword arguments works out every missing field's default
    and (with modeltranslation) rewrites each keyword: at 100,000 rows that is most of the
    time an import takes.  Positional construction — what Django does when it loads rows —
    skips both; the defaults are worked out once here.
    """

    def __init__(self, model: type[Model], **fixed: Any) -> None:
        self.model = model
        fields = model._meta.concrete_fields
        self.index = {field.attname: position for position, field in enumerate(fields)}
        self.template = [None if field.primary_key else field.get_default() for field in fields]
        for name, value in fixed.items():
            self.template[self.index[name]] = value

    def __call__(self, values: dict[str, Any]) -> Any:
        row = self.template.copy()
        for name, value in values.items():
            row[self.index[name]] = value
        return self.model(*row)


def _enterprise_values(values: dict[str, Any], now: Any) -> dict[str, Any]:
    built = {key: value for key, value in values.items() if key.startswith("name_")}
    built["name"] = values.get("name_zh_hans", "")
    built.update(
        credit_code=values.get("credit_code"),
        registration_number=values.get("registration_number", ""),
        country=values.get("country") or "CN",
        industry_id=values.get("industry"),
        ownership=values.get("ownership") or Ownership.PRIVATE,
        size=values.get("size", ""),
        website=values.get("website", ""),
        registered_in_zone_on=values.get("registered_in_zone_on"),
        department_id=values.get("department"),
        owner_id=values.get("owner"),
    )
    return built


def _contact_values(values: dict[str, Any], now: Any) -> dict[str, Any]:
    consented = bool(values.get("consented", False))
    return {
        "enterprise_id": values["enterprise"],
        "name": values["name"],
        "latin_name": values.get("latin_name", ""),
        "title": values.get("title", ""),
        "languages": list(values.get("languages", [])),
        "email": values.get("email", ""),
        "phone": values.get("phone", ""),
        "wechat_id": values.get("wechat_id", ""),
        "data_source": values["data_source"],
        "consented": consented,
        "consented_at": now if consented else None,
    }


PROJECT_OPTIONAL = (
    "registered_capital",
    "expected_jobs",
    "expected_annual_output",
    "expected_annual_tax",
    "land_need_mu",
    "space_need_sqm",
    "key_level",
    "planned_investment",
    "source",
)


def _project_values(values: dict[str, Any], now: Any) -> dict[str, Any]:
    built = {key: value for key, value in values.items() if key.startswith("title_")}
    built["title"] = values.get("title_zh_hans", "")
    built.update({name: values[name] for name in PROJECT_OPTIONAL if name in values})
    built.update(
        enterprise_id=values["enterprise"],
        industry_id=values.get("industry"),
        stage=values.get("stage") or Stage.LEAD,
        currency=values.get("currency") or "CNY",
        is_key=bool(values.get("is_key", False)),
        channel_id=values.get("channel"),
        department_id=values["department"],
        owner_id=values.get("owner"),
        stage_entered_at=now,
    )
    return built


BUILDERS: dict[str, tuple[type[Model], Callable[[dict[str, Any], Any], dict[str, Any]], Callable[[Any], list[str]]]] = {
    ImportKind.ENTERPRISES: (Enterprise, _enterprise_values, enterprise_texts),
    ImportKind.CONTACTS: (Contact, _contact_values, contact_texts),
    ImportKind.PROJECTS: (Project, _project_values, project_texts),
}


def _name_key_writer() -> Callable[[list[Enterprise]], Any]:
    """``crm.duplicates.add_name_keys`` — the keys duplicate checks look enterprises up by."""
    try:
        from yunzhao.crm.duplicates import add_name_keys
    except ImportError:  # pragma: no cover -- while crm.duplicates is being written
        logger.warning("yunzhao.crm.duplicates is not available: imported enterprises get no name keys")
        return lambda enterprises: 0
    return add_name_keys


def _store_name_keys(
    enterprises: list[Enterprise], keys: list[list[str] | None], add_name_keys: Callable[[list[Enterprise]], Any]
) -> None:
    """The name keys of new enterprises: those the check worked out, else ``add_name_keys`` works them out."""
    known = [
        EnterpriseNameKey(enterprise_id=enterprise.pk, key=key)
        for enterprise, row_keys in zip(enterprises, keys, strict=True)
        if row_keys is not None
        for key in row_keys
    ]
    inserts.insert(EnterpriseNameKey, known, with_ids=False)
    add_name_keys([enterprise for enterprise, row_keys in zip(enterprises, keys, strict=True) if row_keys is None])


def _create_all(job: ImportJob, duplicate_rows: set[int]) -> tuple[list[int], int]:
    model, values_of, texts = BUILDERS[job.kind]
    checker = RowChecker(job.kind, job.mapping)
    now = timezone.now()
    build = InstanceFactory(model, created_at=now, updated_at=now)
    new_entry = InstanceFactory(
        SearchEntry, content_type_id=ContentType.objects.get_for_model(model).pk, updated_at=now
    )
    new_change = InstanceFactory(StageChange, from_stage="", by_id=job.created_by_id, effective_at=now, recorded_at=now)
    add_name_keys = _name_key_writer()
    created: list[int] = []
    skipped = done = 0
    for chunk in _rechecked_chunks(job, checker):
        objects = []
        keys: list[list[str] | None] = []
        for row in chunk:
            if _skipped(job, row, duplicate_rows):
                skipped += 1
            else:
                objects.append(build(values_of(row.values, now)))
                keys.append(row.name_keys)
        for start in range(0, len(objects), INSERT_BATCH):
            batch = objects[start : start + INSERT_BATCH]
            inserts.insert(model, batch)
            entries = [
                new_entry({"object_id": str(obj.pk), "document": search.document_of(texts(obj))}) for obj in batch
            ]
            inserts.insert(SearchEntry, entries, with_ids=False)
            if model is Enterprise:
                _store_name_keys(batch, keys[start : start + INSERT_BATCH], add_name_keys)
            if model is Project:
                changes = [new_change({"project_id": obj.pk, "to_stage": obj.stage}) for obj in batch]
                inserts.insert(StageChange, changes, with_ids=False)
            created.extend(obj.pk for obj in batch)
        done += len(chunk)
        _update_progress(job.pk, rows_done=done)
    return created, skipped
