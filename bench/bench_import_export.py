"""Excel import and export at 100,000 enterprises, on a fresh SQLite database of its own.

    python bench/bench_import_export.py           # prints one JSON line per figure
    python bench/bench_import_export.py --rows N  # a smaller run while developing

Figures (``{"name", "value", "unit", "target", "ok"}`` as bench/run.py prints them):

* ``import_100k_s`` — seconds for the whole import of a 100,000-row enterprise workbook:
  read, check every row (errors, taken credit codes, duplicates), then create the
  enterprises and their search entries in one transaction; target ≤ 60.
* ``import_100k_peak_mb`` — the peak resident memory of the process that imports
  (``resource.getrusage``: the import runs in a fresh subprocess); target ≤ 500.
* ``import_speedup_vs_django_import_export`` — django-import-export's time on the same file
  (a plain ``ModelResource`` for ``Enterprise``, ``import_id_fields = ["credit_code"]``, the
  foreign keys by code and e-mail, as its documentation shows) divided by ours; target ≥ 3.
* ``export_100k_s`` — seconds to export the 100,000 enterprises to .xlsx; target ≤ 30.

Each measured step runs in its own subprocess so that none inherits another's memory.
"""

from __future__ import annotations

import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.timing import run_child  # noqa: E402 -- the repository is importable from here on

ROWS = 100_000
HEADERS = [
    "name_zh_hans",
    "name_en",
    "credit_code",
    "registration_number",
    "country",
    "industry",
    "ownership",
    "size",
    "website",
    "registered_in_zone_on",
    "department",
    "owner",
]
TARGETS = {"import_100k_s": 60, "import_100k_peak_mb": 500, "import_speedup": 3, "export_100k_s": 30}
OFFICER = "bench.officer@example.org"


def _child(step: str, workdir: Path, *args: str) -> dict[str, Any]:
    return run_child(__file__, step, workdir, *args)


# --- Steps run in subprocesses ----------------------------------------------------------------


def _setup_django() -> None:
    import django

    django.setup()


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # kB on Linux


def step_prepare(workdir: Path, rows: int) -> dict[str, Any]:
    """Migrate the fresh database, add the industries, a department and an officer; write the workbook."""
    from django.core.management import call_command

    _setup_django()
    call_command("migrate", verbosity=0)
    from openpyxl import Workbook

    from yunzhao.accounts.models import Role, User
    from yunzhao.accounts.organisation import create_department
    from yunzhao.crm.industries import load_industries
    from yunzhao.crm.models import Industry, Ownership
    from yunzhao.demo.identifiers import make_credit_code

    load_industries()
    department = create_department(name="招商一部", code="unit-1", kind="department")
    User.objects.create_user(
        OFFICER, "bench-password-123", full_name="基准测试", role=Role.OFFICER, department=department
    )
    divisions = list(Industry.objects.filter(parent__isnull=False).values_list("code", flat=True))
    rng = random.Random(2026)
    # A workbook as Excel saves one (shared strings, the sheet's dimension), not a streamed one.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "企业"
    sheet.append(HEADERS)
    seen: set[str] = set()
    ownerships = [choice.value for choice in Ownership]
    for number in range(rows):
        code = make_credit_code(rng, region="210213")
        while code in seen:
            code = make_credit_code(rng, region="210213")
        seen.add(code)
        sheet.append(
            [
                f"大连示范企业{number:06d}有限公司",
                f"Dalian Demo Enterprise {number:06d} Co., Ltd.",
                code,
                "",
                rng.choice(["CN", "CN", "CN", "JP", "KR", "DE"]),
                rng.choice(divisions),
                rng.choice(ownerships),
                rng.choice(["micro", "small", "medium", "large"]),
                f"https://e{number}.example.com",
                f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "unit-1",
                OFFICER,
            ]
        )
    workbook.save(workdir / "enterprises.xlsx")
    return {"rows": rows, "bytes": (workdir / "enterprises.xlsx").stat().st_size}


def step_import(workdir: Path) -> dict[str, Any]:
    _setup_django()
    from django.core.files import File

    from yunzhao.accounts.models import User
    from yunzhao.crm.models import Enterprise
    from yunzhao.workbooks import importing

    officer = User.objects.get(email=OFFICER)
    cpu = time.process_time()
    started = time.perf_counter()
    with (workdir / "enterprises.xlsx").open("rb") as handle:
        job = importing.create_import_job(kind="enterprises", upload=File(handle, name="enterprises.xlsx"), by=officer)
    job = importing.set_mapping(job=job, mapping=job.mapping)
    job = importing.check_job(job_pk=job.pk)
    checked = time.perf_counter()
    job = importing.run_job(job_pk=job.pk)
    finished = time.perf_counter()
    if job.status != "done":
        raise RuntimeError(f"the import ended {job.status}: {job.failure} {job.row_errors[:5]}")
    return {
        "seconds": round(finished - started, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "check_seconds": round(checked - started, 2),
        "run_seconds": round(finished - checked, 2),
        "created": job.created_count,
        "enterprises": Enterprise.objects.count(),
        "peak_mb": _peak_mb(),
    }


def step_export(workdir: Path) -> dict[str, Any]:
    _setup_django()
    from yunzhao.crm.models import Enterprise
    from yunzhao.workbooks.exports import export_enterprises

    cpu = time.process_time()
    started = time.perf_counter()
    file = export_enterprises(Enterprise.objects.order_by("name", "pk"))
    size = file.seek(0, os.SEEK_END)
    file.close()
    seconds = round(time.perf_counter() - started, 2)
    return {
        "seconds": seconds,
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "bytes": size,
        "peak_mb": _peak_mb(),
    }


def step_django_import_export(workdir: Path) -> dict[str, Any]:
    """The same file through a django-import-export ModelResource, on the database emptied of enterprises."""
    _setup_django()
    from django.contrib.contenttypes.models import ContentType
    from import_export import fields, resources, widgets
    from tablib import Dataset

    from yunzhao.accounts.models import Department, User
    from yunzhao.core.models import SearchEntry
    from yunzhao.crm.models import Enterprise, Industry

    SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(Enterprise)).delete()
    Enterprise.objects.all().delete()

    class EnterpriseResource(resources.ModelResource):
        industry = fields.Field(
            attribute="industry", column_name="industry", widget=widgets.ForeignKeyWidget(Industry, "code")
        )
        department = fields.Field(
            attribute="department", column_name="department", widget=widgets.ForeignKeyWidget(Department, "code")
        )
        owner = fields.Field(attribute="owner", column_name="owner", widget=widgets.ForeignKeyWidget(User, "email"))

        class Meta:
            model = Enterprise
            fields = tuple(HEADERS)
            import_id_fields = ("credit_code",)

    cpu = time.process_time()
    started = time.perf_counter()
    with (workdir / "enterprises.xlsx").open("rb") as handle:
        dataset = Dataset().load(handle.read(), format="xlsx")
    result = EnterpriseResource().import_data(dataset, dry_run=False, raise_errors=True, use_transactions=True)
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(time.process_time() - cpu, 2),
        "created": result.totals.get("new", 0),
        "enterprises": Enterprise.objects.count(),
        "peak_mb": _peak_mb(),
    }


# --- The benchmark -----------------------------------------------------------------------------


def _line(name: str, value: float, unit: str, target: float, ok: bool) -> dict[str, Any]:
    return {"name": name, "value": value, "unit": unit, "target": target, "ok": ok}


def run(rows: int = ROWS, *, baseline: bool = True) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="yunzhao-bench-xlsx-") as folder:
        workdir = Path(folder)
        _child("prepare", workdir, str(rows))
        imported = _child("import", workdir)
        if imported["created"] != rows:
            raise RuntimeError(f"imported {imported['created']} of {rows} rows")
        exported = _child("export", workdir)
        print(json.dumps({"detail": {"import": imported, "export": exported}}), file=sys.stderr)
        results = [
            _line("import_100k_s", imported["seconds"], "s", TARGETS["import_100k_s"], imported["seconds"] <= 60),
            _line(
                "import_100k_peak_mb",
                imported["peak_mb"],
                "MB",
                TARGETS["import_100k_peak_mb"],
                imported["peak_mb"] <= 500,
            ),
        ]
        if baseline:
            try:
                import import_export  # noqa: F401
            except ImportError:
                print("django-import-export is not installed: no speed-up figure", file=sys.stderr)
            else:
                theirs = _child("django_import_export", workdir)
                print(json.dumps({"detail": {"django_import_export": theirs}}), file=sys.stderr)
                speedup = round(theirs["seconds"] / imported["seconds"], 2)
                results.append(
                    _line(
                        "import_speedup_vs_django_import_export", speedup, "x", TARGETS["import_speedup"], speedup >= 3
                    )
                )
        results.append(
            _line("export_100k_s", exported["seconds"], "s", TARGETS["export_100k_s"], exported["seconds"] <= 30)
        )
        return results


STEPS = {
    "prepare": lambda workdir, *args: step_prepare(workdir, int(args[0])),
    "import": lambda workdir, *args: step_import(workdir),
    "export": lambda workdir, *args: step_export(workdir),
    "django_import_export": lambda workdir, *args: step_django_import_export(workdir),
}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        step, workdir, *args = argv[1:]
        print(json.dumps(STEPS[step](Path(workdir), *args)))
        return 0
    rows = int(argv[argv.index("--rows") + 1]) if "--rows" in argv else ROWS
    failed = False
    for result in run(rows, baseline="--no-baseline" not in argv):
        print(json.dumps(result, ensure_ascii=False), flush=True)
        failed |= not result["ok"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
