"""The proven upper bound on the priority-weighted meetings any schedule can place.

Every schedule is a feasible point of the linear programme

    maximise   Σ_r w_r·y_r
    subject to Σ_{r ∋ p} y_r ≤ b_p        for every participant p   (b_p: slots p can meet in)
               Σ_{r at a table} y_r ≤ C    (C: table places over all slots; absent without a limit)
               0 ≤ y_r ≤ 1,   y_r = 0 for a request with no slot open to all its participants,

so by weak duality every u ≥ 0, v ≥ 0 gives an upper bound

    D(u, v) = Σ_p b_p·u_p + C·v + Σ_r max(0, w_r − Σ_{p ∈ r} u_p − v·[r at a table]).

We minimise D by exact coordinate descent: with the others fixed, D is convex piecewise linear in
one u_p and its minimum is at the (b_p+1)-th largest reduced weight of p's requests (0 when p has
at most b_p requests with positive reduced weight).  Any (u, v) is a valid certificate, so the
bound is proven whatever the descent reaches; on fair-like instances it is within a few meetings
of the linear optimum.  Integral weights keep every value integral.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problem import Problem


@dataclass
class Bound:
    value: int
    capacity: list[int]  # participant -> b_p
    degree: list[int]  # participant -> requests that some slot could hold
    duals: list[int]
    table_dual: int


def participant_capacity(problem: Problem) -> tuple[list[int], list[int]]:
    """b_p (slots in which p could meet someone they have a request with) and p's feasible requests."""
    capacity = []
    degree = []
    for p, requests in enumerate(problem.of_participant):
        union = 0
        n = 0
        for r in requests:
            a = problem.allowed[r]
            if a:
                union |= a
                n += 1
        capacity.append((union & problem.avail[p]).bit_count())
        degree.append(n)
    return capacity, degree


def upper_bound(problem: Problem, *, rounds: int = 4) -> Bound:
    capacity, degree = participant_capacity(problem)
    parts = problem.parts
    weight = problem.weight
    table = problem.needs_table
    feasible = [r for r in range(len(parts)) if problem.allowed[r]]
    total_cap = sum(min(c, len(feasible)) for c in problem.cap) if problem.limited else None
    u = [0] * len(capacity)
    v = 0
    order = sorted((p for p in range(len(capacity)) if degree[p] > capacity[p]), key=lambda p: capacity[p] - degree[p])
    of_participant = [[r for r in rs if problem.allowed[r]] for rs in problem.of_participant]
    best = None

    def table_step() -> int:
        reduced = []
        for r in feasible:
            if table[r]:
                c = weight[r]
                for q in parts[r]:
                    c -= u[q]
                if c > 0:
                    reduced.append(c)
        if total_cap is None or len(reduced) <= total_cap:
            return 0
        reduced.sort(reverse=True)
        return reduced[total_cap]

    # tables first: when they are the scarce resource, their price is what the participants' is not
    v = table_step() if total_cap is not None else 0
    for _ in range(rounds):
        for p in order:
            b = capacity[p]
            reduced = []
            for r in of_participant[p]:
                c = weight[r] - (v if table[r] else 0)
                for q in parts[r]:
                    if q != p:
                        c -= u[q]
                if c > 0:
                    reduced.append(c)
            if len(reduced) > b:
                reduced.sort(reverse=True)
                u[p] = reduced[b]
            else:
                u[p] = 0
        if total_cap is not None:
            v = table_step()
        value = _dual_value(u, v, capacity, total_cap, feasible, parts, weight, table)
        if best is not None and value >= best.value:
            break
        best = Bound(value, capacity, degree, list(u), v)
    assert best is not None
    return best


def _dual_value(
    u: list[int],
    v: int,
    capacity: list[int],
    total_cap: int | None,
    feasible: list[int],
    parts: list[tuple[int, ...]],
    weight: list[int],
    table: list[bool],
) -> int:
    value = sum(b * x for b, x in zip(capacity, u, strict=True))
    if total_cap is not None:
        value += total_cap * v
    for r in feasible:
        c = weight[r] - (v if table[r] else 0)
        for q in parts[r]:
            c -= u[q]
        if c > 0:
            value += c
    return value


def never_schedulable(problem: Problem, capacity: list[int], degree: list[int]) -> tuple[int, list[int]]:
    """A proven count of requests no schedule can hold, and the over-subscribed participants.

    Over-subscribed participant p (more feasible requests than slots b_p) loses at least
    ``degree - b_p`` of them in every schedule.  Summing over participants whose requests are
    pairwise disjoint (chosen greedily, biggest excess first) counts no lost request twice, so
    the sum is a lower bound; requests with no common slot are added on top.
    """
    over = sorted((p for p in range(len(capacity)) if degree[p] > capacity[p]), key=lambda p: capacity[p] - degree[p])
    used: set[int] = set()
    lost = 0
    for p in over:
        mine = [r for r in problem.of_participant[p] if problem.allowed[r]]
        if any(r in used for r in mine):
            continue
        used.update(mine)
        lost += degree[p] - capacity[p]
    impossible = sum(1 for a in problem.allowed if not a)
    return lost + impossible, over
