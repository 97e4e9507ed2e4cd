"""Who handles filings: every member of staff reads the queue; officers, department heads and
administrators accept or decline; leaders read and change nothing; outside accounts never get in."""

import rules

from yunzhao.accounts.rules import is_internal, is_leader

rules.add_perm("intake.view_filing", is_internal)
rules.add_perm("intake.review_filing", is_internal & ~is_leader)
