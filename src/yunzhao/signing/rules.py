"""Who works agreements: staff who work files create, send and void them; leaders read only."""

import rules

from yunzhao.accounts.rules import is_internal, is_leader

#: Leaders read everything and change nothing, as with enterprises (crm.rules.works_files).
works_files = is_internal & ~is_leader

rules.add_perm("signing.view_agreement", is_internal)
rules.add_perm("signing.add_agreement", works_files)
rules.add_perm("signing.change_agreement", works_files)
rules.add_perm("signing.send_agreement", works_files)
rules.add_perm("signing.void_agreement", works_files)
