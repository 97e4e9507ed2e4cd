"""Who runs the portal's content: every member of staff reads it (drafts included); officers,
department heads and administrators write, preview and publish it; leaders read only."""

import rules

from yunzhao.accounts.rules import is_internal, is_leader

rules.add_perm("portal.view_content", is_internal)
rules.add_perm("portal.change_content", is_internal & ~is_leader)
