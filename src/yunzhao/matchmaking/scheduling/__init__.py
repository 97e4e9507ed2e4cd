"""The automatic meeting scheduler (issue 6, item 5): pure Python, independent of the database.

``schedule(instance)`` places accepted meeting requests into slots and tables; see
docs/meeting-scheduler.md for the instance file format and the algorithm.
"""

from .check import check_solution
from .engine import schedule
from .greedy import first_fit
from .instance import (
    FORMAT,
    Instance,
    InstanceError,
    Locked,
    Meeting,
    Participant,
    Request,
    Slot,
    Solution,
    Table,
    Unscheduled,
    load_instance,
    parse_instance,
)

__all__ = [
    "FORMAT",
    "Instance",
    "InstanceError",
    "Locked",
    "Meeting",
    "Participant",
    "Request",
    "Slot",
    "Solution",
    "Table",
    "Unscheduled",
    "check_solution",
    "first_fit",
    "load_instance",
    "parse_instance",
    "schedule",
]
