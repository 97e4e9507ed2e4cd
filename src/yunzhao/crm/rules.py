import rules

from yunzhao.accounts.rules import is_administrator, is_internal

rules.add_perm("crm.view_enterprise", is_internal)
rules.add_perm("crm.add_enterprise", is_internal)
rules.add_perm("crm.change_enterprise", is_internal)
rules.add_perm("crm.delete_enterprise", is_administrator)
rules.add_perm("crm.view_channel", is_internal)
