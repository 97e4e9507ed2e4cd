"""Every schedule the engine outputs keeps every hard constraint and never beats the proven bound."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yunzhao.matchmaking.scheduling import check_solution, first_fit, parse_instance, schedule
from yunzhao.matchmaking.scheduling.problem import compile_problem


@st.composite
def instances(draw: st.DrawFn, *, max_requests: int = 12) -> dict[str, Any]:
    n_days = draw(st.integers(1, 2))
    per_day = draw(st.integers(1, 4))
    slots = [{"id": f"d{d}s{k}", "day": f"d{d}"} for d in range(n_days) for k in range(per_day)]
    slot_ids = [s["id"] for s in slots]
    n_people = draw(st.integers(2, 7))
    people: list[dict[str, Any]] = []
    for i in range(n_people):
        person: dict[str, Any] = {"id": f"p{i}"}
        if draw(st.booleans()):
            person["available"] = draw(st.lists(st.sampled_from(slot_ids), unique=True, max_size=len(slot_ids)))
        if draw(st.integers(0, 5)) == 0:
            person["hosted"] = True
        people.append(person)
    ids = [p["id"] for p in people]
    requests = []
    for k in range(draw(st.integers(0, max_requests))):
        kind = draw(st.sampled_from(["one_to_one", "one_to_one", "online", "group"]))
        size = draw(st.integers(2, min(3, n_people))) if kind == "group" else 2
        members = draw(st.lists(st.sampled_from(ids), min_size=size, max_size=size, unique=True))
        requests.append({"id": f"r{k}", "participants": members, "priority": draw(st.integers(1, 3)), "type": kind})
    n_hosted = sum(1 for p in people if p.get("hosted")) + len(
        {r["participants"][0] for r in requests if r["type"] == "group"} - {p["id"] for p in people if p.get("hosted")}
    )
    tables = None
    if draw(st.booleans()):
        tables = []
        for t in range(max(n_hosted, draw(st.integers(1, 3)))):
            table: dict[str, Any] = {"id": f"t{t}"}
            if draw(st.integers(0, 3)) == 0:
                table["slots"] = draw(st.lists(st.sampled_from(slot_ids), unique=True, max_size=len(slot_ids)))
            tables.append(table)
    return {"slots": slots, "tables": tables, "participants": people, "requests": requests}


def brute_force_best(data: dict[str, Any]) -> int:
    """The best priority-weighted total over every assignment of requests to slots (or none)."""
    problem = compile_problem(parse_instance(data))
    n = len(problem.parts)
    best = 0
    for choice in itertools.product(range(-1, problem.n_slots), repeat=n):
        busy: set[tuple[int, int]] = set()
        load = [0] * problem.n_slots
        ok = True
        weight = 0
        for r, s in enumerate(choice):
            if s < 0:
                continue
            if not problem.allowed[r] >> s & 1:
                ok = False
                break
            for q in problem.parts[r]:
                if (q, s) in busy:
                    ok = False
                busy.add((q, s))
            if problem.needs_table[r]:
                load[s] += 1
                if load[s] > problem.cap[s]:
                    ok = False
            if not ok:
                break
            weight += problem.weight[r]
        if ok:
            best = max(best, weight)
    return best


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_every_schedule_keeps_the_hard_constraints(data):
    instance = parse_instance(data)
    solution = schedule(instance, time_limit=5, seed=3)
    assert check_solution(instance, solution.meetings) == []
    assert solution.placed_weight <= solution.upper_bound
    assert len(solution.meetings) + len(solution.unscheduled) == len(instance.requests)
    # maximal: no unscheduled request has a slot where everyone is free and a table is left
    problem = compile_problem(instance)
    slot_no = {sid: i for i, sid in enumerate(problem.slot_ids)}
    busy = {(p, m.slot) for m in solution.meetings for p in m.participants}
    load: dict[str, int] = {}
    for m in solution.meetings:
        if m.table is not None:
            load[m.slot] = load.get(m.slot, 0) + 1
    index = {r.id: i for i, r in enumerate(instance.requests)}
    for out in solution.unscheduled:
        r = index[out.request]
        for slot in problem.slot_ids:
            s = slot_no[slot]
            if not problem.allowed[r] >> s & 1:
                continue
            if problem.needs_table[r] and load.get(slot, 0) >= problem.cap[s]:
                continue
            assert any((p, slot) in busy for p in instance.requests[r].participants), (out, slot)
    # the baseline keeps them too
    assert check_solution(instance, first_fit(instance).meetings) == []


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_requests=5))
def test_bound_is_at_least_the_best_schedule(data):
    solution = schedule(parse_instance(data), time_limit=5)
    best = brute_force_best(data)
    assert solution.placed_weight <= best <= solution.upper_bound


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.data())
def test_locked_meetings_stay_on_a_rerun(data, draw):
    instance = parse_instance(data)
    first = schedule(instance, time_limit=5)
    keep = draw.draw(st.lists(st.sampled_from(first.meetings), unique=True) if first.meetings else st.just([]))
    data = {**data, "locked": [{"request": m.request, "slot": m.slot, "table": m.table} for m in keep]}
    again_instance = parse_instance(data)
    again = schedule(again_instance, time_limit=5, seed=1)
    assert check_solution(again_instance, again.meetings) == []
    placed = {m.request: (m.slot, m.table) for m in again.meetings}
    for m in keep:
        assert placed[m.request] == (m.slot, m.table)
