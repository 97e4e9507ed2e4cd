"""What a server process loads before its first request (core.warmup)."""

import gc

from django.template import engines

from yunzhao.core.warmup import _project_templates, warm_up


def test_warm_up_compiles_every_project_template_and_freezes_the_start_up_heap():
    names = _project_templates()
    assert "pipeline/project_board.html" in names
    assert all(not name.startswith("admin/") for name in names)
    try:
        compiled = warm_up()
        assert compiled == len(names)
        assert gc.get_freeze_count() > 100_000  # the URL map, catalogs and templates
        # Compiled once: the cached loader hands the same template back.
        engine = engines["django"]
        assert (
            engine.get_template("pipeline/project_board.html").template
            is engine.get_template("pipeline/project_board.html").template
        )
    finally:
        gc.unfreeze()
