"""Who works the zone's figures: officers, department heads and administrators enter and edit
them; leaders read them; outside accounts never reach them (the public reads the overview)."""

import rules

from yunzhao.accounts.rules import is_internal, is_leader

rules.add_perm("indicators.view_indicator", is_internal)
rules.add_perm("indicators.change_indicator", is_internal & ~is_leader)
rules.add_perm("indicators.change_indicatorvalue", is_internal & ~is_leader)
