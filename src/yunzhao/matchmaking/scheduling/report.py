"""From a placement (request -> slot) to the solution: tables, idle gaps, and why each request is out."""

from __future__ import annotations

from typing import Any

from .instance import Meeting, Oversubscribed, Solution, Unscheduled
from .problem import Problem, bits, gaps_in


def assign_tables(problem: Problem, slot_of: list[int]) -> list[str | None]:
    """A table for every placed meeting at a table: locked ones keep theirs, hosted participants sit at
    their own table, the others take the first open table left in their slot."""
    tables: list[str | None] = [None] * len(slot_of)
    by_slot: dict[int, list[int]] = {}
    for r, s in enumerate(slot_of):
        if s >= 0 and problem.needs_table[r]:
            by_slot.setdefault(s, []).append(r)
    names = problem.table_names
    for s, requests in by_slot.items():
        used: set[str] = set()
        rest = []
        for r in requests:
            locked = problem.locked.get(r)
            if locked is not None and locked[1] is not None:
                tables[r] = locked[1]
            elif problem.host[r] >= 0:
                tables[r] = names[problem.host_table[problem.host[r]]]
            else:
                rest.append(r)
                continue
            used.add(tables[r] or "")
        if problem.limited:
            open_tables = (
                names[t] for t in range(len(names)) if problem.table_open[t] >> s & 1 and names[t] not in used
            )
        else:
            open_tables = (f"T{k}" for k in range(1, len(requests) + len(used) + 2) if f"T{k}" not in used)
        for r in rest:
            tables[r] = next(open_tables, None)  # never None: the engine keeps every slot within its tables
    return tables


def build_solution(
    problem: Problem,
    slot_of: list[int],
    *,
    upper_bound: int,
    capacity: list[int],
    degree: list[int],
    never: int,
    oversubscribed: list[int],
    seconds: float,
    stats: dict[str, Any],
) -> Solution:
    instance = problem.instance
    requests = instance.requests
    tables = assign_tables(problem, slot_of)
    busy = [0] * len(problem.participant_ids)
    meetings = []
    weight = 0
    for r, s in enumerate(slot_of):
        if s < 0:
            continue
        req = requests[r]
        for q in problem.parts[r]:
            busy[q] |= 1 << s
        weight += req.priority
        meetings.append(
            Meeting(
                req.id, problem.slot_ids[s], tables[r], req.participants, req.type, req.priority, r in problem.locked
            )
        )
    slot_no = {sid: i for i, sid in enumerate(problem.slot_ids)}
    meetings.sort(key=lambda m: (slot_no[m.slot], m.table or "", m.request))
    gaps = [gaps_in(b, problem.day_masks) for b in busy]
    unscheduled = [_why(problem, r, busy, capacity, degree) for r in range(len(requests)) if slot_of[r] < 0]
    zero = [
        problem.participant_ids[q]
        for q in range(len(busy))
        if not busy[q] and any(problem.allowed[r] for r in problem.of_participant[q])
    ]
    over = [
        Oversubscribed(problem.participant_ids[q], degree[q], capacity[q])
        for q in sorted(oversubscribed, key=lambda q: (capacity[q] - degree[q], q))
    ]
    return Solution(
        meetings=meetings,
        unscheduled=unscheduled,
        placed_weight=weight,
        upper_bound=upper_bound,
        idle_gaps=sum(gaps),
        max_idle_gaps=max(gaps, default=0),
        participants_with_gaps=sum(1 for g in gaps if g),
        never_schedulable=never,
        suggested_cap=max((capacity[q] for q in oversubscribed), default=None),
        oversubscribed=over,
        zero_meeting_participants=zero,
        seconds=seconds,
        stats=stats,
    )


def _why(problem: Problem, r: int, busy: list[int], capacity: list[int], degree: list[int]) -> Unscheduled:
    req = problem.instance.requests[r]
    ids = problem.participant_ids
    parts = problem.parts[r]
    if not problem.allowed[r]:
        common = problem.all_slots
        for q in parts:
            common &= problem.avail[q]
        if not common:
            who = " and ".join(f'"{ids[q]}"' for q in parts)
            return Unscheduled(req.id, "no_common_slot", f"{who} have no common available slot", True)
        if problem.host[r] >= 0:
            host = ids[problem.host[r]]
            return Unscheduled(
                req.id,
                "host_table_closed",
                f'the table of hosted participant "{host}" is not open in any slot the participants share',
                True,
                host,
            )
        return Unscheduled(req.id, "no_table", "no table is open in any slot the participants share", True)
    for q in parts:
        if degree[q] > capacity[q] and busy[q].bit_count() >= capacity[q]:
            return Unscheduled(
                req.id,
                "oversubscribed",
                f'participant "{ids[q]}" has {degree[q]} accepted requests for {capacity[q]} available slots; '
                f"no schedule can hold more than {capacity[q]} (cap their acceptances at {capacity[q]})",
                True,
                ids[q],
            )
    allowed = problem.allowed[r]
    booked = [q for q in parts if busy[q] & allowed == allowed]
    if booked:
        if len(booked) == len(parts):
            who = "both" if len(parts) == 2 else "all participants"
            return Unscheduled(req.id, "booked", f"{who} already booked in every common slot", False)
        return Unscheduled(
            req.id,
            "booked",
            f'participant "{ids[booked[0]]}" is already booked in every common slot',
            False,
            ids[booked[0]],
        )
    free = allowed
    for q in parts:
        free &= ~busy[q]
    if problem.needs_table[r] and free:
        names = ", ".join(problem.slot_ids[s] for s in bits(free)[:5])
        return Unscheduled(req.id, "tables_full", f"every table is taken in the common free slots ({names})", False)
    return Unscheduled(
        req.id, "booked", "in every common slot one of the participants is already booked (not all the same one)", False
    )
