"""The final PDF of cloud signing, on a fresh SQLite database of its own.

    python bench/bench_signing.py            # prints one JSON line
    python bench/bench_signing.py --runs N   # more or fewer timed runs

Figure (``{"name", "value", "unit", "target", "ok"}`` as bench/run.py prints them):

* ``signing_pdf_20p_s`` — seconds to finalise a 20-page bilingual agreement signed by three
  signatories (each with a drawn signature): read the original, draw the signature page and
  the audit certificate with WeasyPrint, append them with pypdf, store the file and its
  SHA-256, e-mail it to the three (Django's in-memory mail backend). The median of several
  runs in one process, the first of which also loads the fonts; target ≤ 3.

The agreement is prepared through the same domain functions as the pages (create, generate
the bilingual document, add parties, send, ask for a code, confirm it, sign) in a
subprocess, and finalised in another so that the measured one starts as a worker would.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.timing import run_child  # noqa: E402 -- the repository is importable from here on

TARGET_S = 3.0
PAGES = 20
RUNS = 5
OFFICER = "bench.officer@example.org"


def _child(step: str, workdir: Path, *args: str) -> dict[str, Any]:
    return run_child(__file__, step, workdir, *args, EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")


def _setup_django() -> None:
    import logging

    import django

    django.setup()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def _signature_png(seed: int) -> bytes:
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [(30 + 45 * i, 150 - ((i * (seed + 3)) % 5) * 25) for i in range(12)]
    draw.line(points, fill=(29, 59, 138, 255), width=4, joint="curve")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def step_prepare(workdir: Path) -> dict[str, Any]:
    """A completed agreement: 20 bilingual pages, three parties, three signatures."""
    import re

    from django.core import mail
    from django.core.management import call_command

    _setup_django()
    call_command("migrate", verbosity=0)
    from yunzhao.accounts.models import Role, User
    from yunzhao.signing import agreements, codes, signatures

    officer = User.objects.create_user(OFFICER, "bench-password-123", full_name="基准测试", role=Role.OFFICER)
    agreement = agreements.create_agreement(
        by=officer, title_zh_hans="大连示范区物流园投资合作协议", title_en="Logistics park investment agreement"
    )
    clause_zh = (
        "第{n}条 双方同意在示范区内共同投资建设现代物流园区，甲方负责土地、规划和配套设施，乙方负责投资、建设和运营。"
    )
    clause_en = (
        "Article {n}. The parties agree to invest jointly in a modern logistics park in the zone; the first party "
        "provides the land, planning and utilities, the second party the investment, construction and operation."
    )
    clauses = 4
    while True:
        agreement = agreements.generate_document(
            agreement=agreement,
            by=officer,
            title_partner="Investment cooperation agreement",
            text_zh="\n\n".join(clause_zh.format(n=n) * 3 for n in range(1, clauses + 1)),
            text_partner="\n\n".join(clause_en.format(n=n) * 2 for n in range(1, clauses + 1)),
            language="en",
        )
        if agreement.document_pages >= PAGES:
            break
        clauses = max(clauses + 1, clauses * PAGES // max(agreement.document_pages, 1))
    for name, person, email, language in (
        ("大连市投资促进局", "王局长", "wang@zone.example.cn", "zh-hans"),
        ("Gulf Logistics LLC", "Amina Al Mansouri", "amina@gulf.example.ae", "ar"),
        ("Yamada Seiki Co., Ltd.", "山田太郎", "yamada@seiki.example.jp", "ja"),
    ):
        agreements.add_party(
            agreement=agreement,
            by=officer,
            name=name,
            signatories=[{"name": person, "title": "Director", "email": email, "language": language}],
        )
    agreements.send_agreement(agreement=agreement, by=officer)
    for seed, signatory in enumerate(agreement.signatories.order_by("order")):
        codes.request_code(signatory=signatory)
        code = re.search(r"\b(\d{6})\b", [m for m in mail.outbox if signatory.email in m.to][-1].subject)
        assert code is not None
        assert codes.check_code(signatory=signatory, code=code.group(1)) is codes.CodeCheck.ACCEPTED
        signatures.sign(signatory=signatory, typed_name=signatory.name, signature_png=_signature_png(seed))
    agreement.refresh_from_db()
    return {"agreement": agreement.pk, "pages": agreement.document_pages, "status": agreement.status}


def step_finalise(workdir: Path, agreement_pk: int, runs: int) -> dict[str, Any]:
    """Finalise ``runs`` times (clearing the result in between), as the task worker would."""
    import io

    from django.core import mail
    from pypdf import PdfReader

    _setup_django()
    from yunzhao.signing import finalising
    from yunzhao.signing.models import Agreement

    times: list[float] = []
    pages = 0
    for _run in range(runs):
        Agreement.objects.filter(pk=agreement_pk).update(final_sha256=None, final_document="", finalised_at=None)
        started = time.perf_counter()
        assert finalising.finalise_agreement(agreement_pk=agreement_pk)
        times.append(time.perf_counter() - started)
        agreement = Agreement.objects.get(pk=agreement_pk)
        with agreement.final_document.open("rb") as handle:
            pages = len(PdfReader(io.BytesIO(handle.read())).pages)
    return {
        "times": [round(t, 3) for t in times],
        "median": round(statistics.median(times), 3),
        "final_pages": pages,
        "mails": len(mail.outbox),
    }


def run(runs: int = RUNS) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="yunzhao-bench-signing-") as folder:
        workdir = Path(folder)
        prepared = _child("prepare", workdir)
        if prepared["pages"] < PAGES or prepared["status"] != "completed":
            raise RuntimeError(f"the agreement was not prepared: {prepared}")
        finalised = _child("finalise", workdir, str(prepared["agreement"]), str(runs))
        print(json.dumps({"detail": {"prepare": prepared, "finalise": finalised}}), file=sys.stderr)
        value = finalised["median"]
        return [{"name": "signing_pdf_20p_s", "value": value, "unit": "s", "target": TARGET_S, "ok": value <= TARGET_S}]


STEPS = {
    "prepare": lambda workdir, *args: step_prepare(workdir),
    "finalise": lambda workdir, *args: step_finalise(workdir, int(args[0]), int(args[1])),
}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        step, workdir, *args = argv[1:]
        print(json.dumps(STEPS[step](Path(workdir), *args)))
        return 0
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else RUNS
    failed = False
    for result in run(runs):
        print(json.dumps(result, ensure_ascii=False), flush=True)
        failed |= not result["ok"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
