"""The baseline the figures compare with: greedy first-fit.

Requests by priority (highest first, then in file order), each into the earliest slot in which
all its participants are free and a table is left — no moves, no gap care.
"""

from __future__ import annotations

import time

from .bounds import never_schedulable, upper_bound
from .engine import State
from .instance import Instance, Solution
from .problem import compile_problem
from .report import build_solution


def first_fit(instance: Instance) -> Solution:
    started = time.monotonic()
    problem = compile_problem(instance)
    state = State(problem)
    for r, (s, _table) in sorted(problem.locked.items()):
        state.place(r, s)
    order = sorted((r for r in range(len(problem.parts)) if r not in problem.locked), key=lambda r: -problem.weight[r])
    for r in order:
        free = state.free(r)
        if free:
            state.place(r, (free & -free).bit_length() - 1)
            state.journal.clear()
    bound = upper_bound(problem)
    lost, over = never_schedulable(problem, bound.capacity, bound.degree)
    return build_solution(
        problem,
        state.slot_of,
        upper_bound=bound.value,
        capacity=bound.capacity,
        degree=bound.degree,
        never=lost,
        oversubscribed=over,
        seconds=time.monotonic() - started,
        stats={},
    )
