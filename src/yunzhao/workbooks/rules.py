"""Who may import what, and whose imports they see: staff only; a job is its uploader's (and administrators')."""

from typing import Any

import rules

from yunzhao.accounts.rules import is_administrator, is_internal, is_leader


@rules.predicate
def uploaded_job(user: Any, job: Any) -> bool:
    return job is not None and job.created_by_id == getattr(user, "pk", None) is not None


# Importing adds records: leaders, who read everything and change nothing, do not import.
rules.add_perm("workbooks.import_enterprises", is_internal & ~is_leader)
rules.add_perm("workbooks.import_contacts", is_internal & ~is_leader)
rules.add_perm("workbooks.import_projects", is_internal & ~is_leader)
rules.add_perm("workbooks.view_importjob", is_internal & (uploaded_job | is_administrator))
rules.add_perm("workbooks.export", is_internal)
