"""Who may do what with enterprises, channels, contacts and activities: staff only, never outside accounts.

An activity is changed by the person who recorded it, by the head of a department over
theirs or over its project's, and by administrators.
"""

from typing import Any

import rules

from yunzhao.accounts.models import Role
from yunzhao.accounts.rules import is_administrator, is_department_head, is_internal, is_leader

#: Leaders read everything and change nothing: the people who work the files keep them.
works_files = is_internal & ~is_leader

rules.add_perm("crm.view_enterprise", is_internal)
rules.add_perm("crm.add_enterprise", works_files)
rules.add_perm("crm.change_enterprise", works_files)
rules.add_perm("crm.delete_enterprise", is_administrator)
rules.add_perm("crm.view_channel", is_internal)
rules.add_perm("crm.add_channel", works_files)
rules.add_perm("crm.change_channel", works_files)


@rules.predicate
def recorded_activity(user: Any, activity: Any) -> bool:
    return activity is not None and activity.created_by_id == getattr(user, "pk", None) is not None


@rules.predicate
def heads_department_of_activity(user: Any, activity: Any) -> bool:
    """The user heads a department over the recorder's department or the activity's project's."""
    if activity is None or user.role != Role.DEPARTMENT_HEAD or user.department is None:
        return False
    departments = [activity.created_by.department, activity.project.department if activity.project else None]
    return any(department is not None and department.is_within(user.department) for department in departments)


@rules.predicate
def owns_follow_up(user: Any, activity: Any) -> bool:
    return activity is not None and activity.follow_up_owner_id == getattr(user, "pk", None) is not None


can_change_activity = works_files & (recorded_activity | is_administrator | heads_department_of_activity)

rules.add_perm("crm.view_contact", is_internal)
rules.add_perm("crm.add_contact", works_files)
rules.add_perm("crm.change_contact", works_files)
rules.add_perm("crm.view_activity", is_internal)
rules.add_perm("crm.add_activity", works_files)
rules.add_perm("crm.change_activity", can_change_activity)
rules.add_perm("crm.complete_follow_up", can_change_activity | (works_files & owns_follow_up))

# Merging two enterprises moves everything of one to the other and deletes it: heads and administrators only.
rules.add_perm("crm.merge_enterprise", is_internal & (is_administrator | is_department_head))
