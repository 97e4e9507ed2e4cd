"""Who does what in the consulting service.

Officers answer and reassign their department's questions, heads those of their department and
the departments under it, administrators every question; leaders read every question and the
figures and change nothing; each member of staff sees the figures of the questions they see.  Every member of staff who works files writes FAQ entries and
publishes meeting slots; topics (which decide routing and targets) are the administrators'.
"""

import rules

from yunzhao.accounts.rules import (
    heads_department_of,
    in_same_department,
    is_administrator,
    is_internal,
    is_leader,
    owns,
)


@rules.predicate
def offers_slot(user: object, obj: object) -> bool:
    return getattr(obj, "officer_id", None) == getattr(user, "pk", None) is not None


works_files = is_internal & ~is_leader
answers = is_internal & (is_administrator | heads_department_of | in_same_department)

rules.add_perm("consulting.view_questions", is_internal)
rules.add_perm(
    "consulting.view_question", is_internal & (is_administrator | is_leader | heads_department_of | in_same_department)
)
rules.add_perm("consulting.reply_question", answers & ~is_leader)
rules.add_perm("consulting.reassign_question", answers & ~is_leader)
rules.add_perm("consulting.view_metrics", is_internal)  # each sees the figures of the questions they see
rules.add_perm("consulting.manage_faq", works_files)
rules.add_perm("consulting.manage_topics", is_administrator)
rules.add_perm("consulting.manage_slots", works_files)
rules.add_perm(
    "consulting.change_slot",
    works_files & (is_administrator | heads_department_of | in_same_department | offers_slot | owns),
)
