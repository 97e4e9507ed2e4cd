import rules

from yunzhao.accounts.rules import (
    can_read_everything,
    heads_department_of,
    in_same_department,
    is_administrator,
    is_internal,
    owns,
)

rules.add_perm(
    "pipeline.view_project", is_internal & (can_read_everything | heads_department_of | in_same_department | owns)
)
rules.add_perm("pipeline.change_project", is_internal & (is_administrator | heads_department_of | owns))
