"""Who works which event: every member of staff reads every event (events are the whole zone's
work); the organising department, its heads and administrators change it and its registrations;
any member of staff who works files checks people in at the door.  Leaders read."""

import rules

from yunzhao.accounts.rules import (
    heads_department_of,
    in_same_department,
    is_administrator,
    is_internal,
    is_leader,
    owns,
)

works_files = is_internal & ~is_leader
organises = is_internal & (is_administrator | heads_department_of | in_same_department | owns)

rules.add_perm("events.view_event", is_internal)
rules.add_perm("events.add_event", works_files)
rules.add_perm("events.change_event", organises)
rules.add_perm("events.manage_registrations", organises)
rules.add_perm("events.check_in", works_files)
