"""Run the benchmarks: ``python bench/run.py`` runs all, ``python bench/run.py NAME`` one.

Each benchmark is a module ``bench/bench_<name>.py`` with a ``run() -> list[dict]`` that
returns result lines ``{"name", "value", "unit", "target", "ok"}``; this prints each as one
JSON line and exits non-zero when a target is missed.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "src")]


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    failed = False
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        for result in module.run():
            print(json.dumps(result, ensure_ascii=False), flush=True)
            failed |= not result["ok"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
