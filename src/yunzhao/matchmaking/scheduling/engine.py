"""The meeting scheduler: greedy by priority, ejection chains, the one-meeting guarantee, gap compaction.

Meetings are the edges of a (hyper)graph on the participants and slots are its colours; a
schedule is a partial proper colouring in which every meeting's colour is a slot all its
participants are present in and no slot holds more meetings at tables than it has tables.

1. Locked (published) meetings are placed first and never touched.
2. Greedy: requests by their reduced weight under the bound's dual (what the LP relaxation
   keeps first), then priority, then fewest possible slots, each into the free slot that adds
   the fewest idle gaps (a hole in someone's day, next to their meetings, or the start of an
   empty day).  A second start orders by priority alone; each start gets step 3 and the better
   one is kept.
3. Ejection chains: for every request still out whose participants all have room left, place
   it in a slot by moving the meetings in the way to other slots, recursively to depth 2
   (Kempe-chain-like swaps); the move is undone unless every displaced meeting lands again.
   A request held up by a participant whose slots are all taken may replace that
   participant's meeting of lower priority (a strict gain).
4. One meeting each: a participant with no meeting who has a request some slot could hold
   gets one, moving meetings away or, as a last resort, evicting a meeting whose participants
   all keep at least one other meeting.
5. Gap compaction: meetings move to free slots, and pairs of one participant's meetings swap
   slots, whenever that lowers the idle gaps of the people involved — worst-off people first,
   so the gaps end up few and spread thinly.  No move loses a meeting.

Bitsets (Python ints) hold each participant's busy slots and each slot's full/free state, so
"free for both" is one ``&``; everything runs in pure Python.
"""

from __future__ import annotations

import random
import time

from .bounds import never_schedulable, upper_bound
from .instance import Instance, Solution
from .problem import Problem, bits, compile_problem
from .report import build_solution


class State:
    """A partial schedule with undo: meetings placed, who is busy when, how full each slot is."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        n_p = len(problem.participant_ids)
        self.busy = [0] * n_p
        self.at: list[dict[int, int]] = [{} for _ in range(n_p)]
        self.slot_of = [-1] * len(problem.parts)
        self.load = [0] * problem.n_slots
        self.full = 0
        self.in_slot: list[set[int]] = [set() for _ in range(problem.n_slots)]
        self.journal: list[tuple[int, int, int]] = []  # (+1 placed / -1 removed, request, slot)
        self.weight = 0
        self.count = 0
        self.fixed: set[int] = set(problem.locked)
        notfirst = problem.all_slots
        notlast = problem.all_slots
        for day in problem.day_masks:
            notfirst &= ~(day & -day)
            notlast &= ~(1 << (day.bit_length() - 1))
        self.notfirst = notfirst
        self.notlast = notlast

    # -- primitive moves (journalled) --------------------------------------------------------

    def place(self, r: int, s: int) -> None:
        p = self.problem
        bit = 1 << s
        self.slot_of[r] = s
        for q in p.parts[r]:
            self.busy[q] |= bit
            self.at[q][s] = r
        if p.needs_table[r]:
            self.load[s] += 1
            self.in_slot[s].add(r)
            if self.load[s] >= p.cap[s]:
                self.full |= bit
        self.weight += p.weight[r]
        self.count += 1
        self.journal.append((1, r, s))

    def remove(self, r: int) -> int:
        p = self.problem
        s = self.slot_of[r]
        bit = 1 << s
        self.slot_of[r] = -1
        for q in p.parts[r]:
            self.busy[q] &= ~bit
            del self.at[q][s]
        if p.needs_table[r]:
            self.load[s] -= 1
            self.in_slot[s].discard(r)
            self.full &= ~bit
        self.weight -= p.weight[r]
        self.count -= 1
        self.journal.append((-1, r, s))
        return s

    def undo(self, mark: int) -> None:
        journal = self.journal
        while len(journal) > mark:
            op, r, s = journal.pop()
            if op > 0:
                self.remove(r)
            else:
                self.place(r, s)
            journal.pop()

    # -- queries --------------------------------------------------------------------------------

    def free(self, r: int) -> int:
        p = self.problem
        m = p.allowed[r]
        for q in p.parts[r]:
            m &= ~self.busy[q]
        if p.needs_table[r]:
            m &= ~self.full
        return m

    def good(self, q: int) -> tuple[int, int]:
        """Slots where a new meeting adds no idle gap for q, and the holes in q's days."""
        busy = self.busy[q]
        good = 0
        holes = 0
        for day in self.problem.day_masks:
            m = busy & day
            if not m:
                good |= day
                continue
            low = m & -m
            span = (1 << m.bit_length()) - low
            hole = span & ~m
            holes |= hole
            good |= hole | (((m << 1) & self.notfirst) | ((m >> 1) & self.notlast)) & day & ~m
        return good, holes

    def best_slot(self, r: int, candidates: int) -> int:
        """The candidate slot adding the fewest idle gaps (holes first, then the earliest)."""
        if candidates & (candidates - 1) == 0:
            return candidates.bit_length() - 1
        all_good = candidates
        any_hole = 0
        for q in self.problem.parts[r]:
            good, holes = self.good(q)
            all_good &= good
            any_hole |= holes
        pick = all_good & any_hole or all_good
        if not pick:
            for q in self.problem.parts[r]:
                pick = candidates & self.good(q)[0]
                if pick:
                    break
            else:
                pick = candidates
        return (pick & -pick).bit_length() - 1


class Scheduler:
    def __init__(self, problem: Problem, *, time_limit: float, seed: int, max_depth: int = 2) -> None:
        self.problem = problem
        self.state = State(problem)
        self.deadline = time.monotonic() + time_limit
        self.random = random.Random(seed)
        self.max_depth = max_depth
        self.capacity: list[int] = []
        self.reduced: list[int] = [0] * len(problem.parts)
        self.steps = 0
        self.budget = 0  # search steps left for the request being placed
        self.table_slots = 0  # slots with a table open
        for s, c in enumerate(problem.cap):
            if c:
                self.table_slots |= 1 << s

    def out_of_time(self) -> bool:
        return time.monotonic() > self.deadline

    # -- phases ---------------------------------------------------------------------------------

    def place_locked(self) -> None:
        for r, (s, _table) in sorted(self.problem.locked.items()):
            self.state.place(r, s)
        self.state.journal.clear()

    def reset(self) -> None:
        """Back to the locked meetings alone."""
        self.state = State(self.problem)
        self.place_locked()

    def greedy(self, order: list[int]) -> None:
        st = self.state
        slot_of = st.slot_of
        for r in order:
            if slot_of[r] >= 0:
                continue
            free = st.free(r)
            if free:
                st.place(r, st.best_slot(r, free))
        st.journal.clear()

    def saturated(self, r: int) -> int:
        """A participant of r whose every possible slot is taken, or -1."""
        st = self.state
        for q in self.problem.parts[r]:
            if st.busy[q].bit_count() >= self.capacity[q]:
                return q
        return -1

    def relocate(self, r: int, depth: int) -> bool:
        """Place unplaced r, moving meetings in the way (recursively, to ``depth``); journalled."""
        st = self.state
        p = self.problem
        self.steps += 1
        self.budget -= 1
        free = st.free(r)
        if free:
            st.place(r, st.best_slot(r, free))
            return True
        if depth == 0 or self.budget < 0:
            return False
        parts = p.parts[r]
        table = p.needs_table[r]
        slots = bits(p.allowed[r])
        self.random.shuffle(slots)
        for s in slots:
            blockers = {st.at[q][s] for q in parts if st.busy[q] >> s & 1}
            if blockers & st.fixed:
                continue
            if table and st.full >> s & 1 and not any(p.needs_table[b] for b in blockers):
                movable = [m for m in st.in_slot[s] if m not in st.fixed]
                if not movable:
                    continue
                blockers.add(self.random.choice(movable))
            mark = len(st.journal)
            for b in blockers:
                st.remove(b)
            st.place(r, s)
            if all(self.relocate(b, depth - 1) for b in sorted(blockers)):
                return True
            st.undo(mark)
        return False

    def try_place(self, r: int, depth: int, budget: int = 400) -> bool:
        st = self.state
        if self.problem.needs_table[r] and st.full & self.table_slots == self.table_slots:
            return False  # every table of every slot is taken: moves cannot make room
        self.budget = budget
        mark = len(st.journal)
        if self.relocate(r, depth):
            return True
        st.undo(mark)
        return False

    def augment(self, r: int, q: int) -> bool:
        """An alternating path: saturated q drops its meeting m for r, in m's slot, and m's other
        participant takes another of their requests instead; kept only if the weighted total rises."""
        st = self.state
        p = self.problem
        w = p.weight[r]
        others_busy = 0
        for x in p.parts[r]:
            if x != q:
                if st.busy[x].bit_count() >= self.capacity[x]:
                    return False
                others_busy |= st.busy[x]
        room = p.allowed[r] & ~others_busy
        table = p.needs_table[r]
        direct: list[int] = []
        moved: list[int] = []
        for s, m in st.at[q].items():
            if not p.allowed[r] >> s & 1 or m in st.fixed or p.weight[m] > w:
                continue
            if table and not p.needs_table[m] and st.full >> s & 1:
                continue
            if any(st.busy[x].bit_count() <= 1 for x in p.parts[m] if x != q):
                continue  # never leave someone without a meeting
            (direct if room >> s & 1 else moved).append(m)
        direct.sort(key=lambda m: p.weight[m])
        moved.sort(key=lambda m: p.weight[m])
        for m in direct + moved:
            mark = len(st.journal)
            before = st.weight
            s = st.remove(m)
            blockers = {st.at[x][s] for x in p.parts[r] if st.busy[x] >> s & 1}
            if blockers & st.fixed:
                st.undo(mark)
                continue
            for b in blockers:
                st.remove(b)
            st.place(r, s)
            self.budget = 200
            if not all(self.relocate(b, 1) for b in blockers):
                st.undo(mark)
                continue
            tried = 0
            for x in p.parts[m]:
                if x == q or tried >= 6:
                    continue
                for r2 in p.of_participant[x]:
                    if st.slot_of[r2] >= 0 or not p.allowed[r2] or r2 == m:
                        continue
                    if any(y != x and st.busy[y].bit_count() >= self.capacity[y] for y in p.parts[r2]):
                        continue
                    tried += 1
                    if self.try_place(r2, 1) or tried >= 6:
                        break
            if st.weight > before:
                st.journal.clear()
                return True
            st.undo(mark)
        return False

    def repair(self, depth: int) -> None:
        st = self.state
        p = self.problem
        out = [r for r in range(len(p.parts)) if st.slot_of[r] < 0 and p.allowed[r]]
        out.sort(key=lambda r: (-p.weight[r], p.allowed[r].bit_count()))
        for i, r in enumerate(out):
            if i % 64 == 0 and self.out_of_time():
                return
            if st.slot_of[r] >= 0:
                continue
            q = self.saturated(r)
            if q >= 0:
                if self.reduced[r] >= 0:  # the LP relaxation has no use for the others either
                    self.augment(r, q)
                continue
            self.try_place(r, depth)
            st.journal.clear()

    def one_each(self) -> None:
        """Give a meeting to everyone without one who has a request some slot could hold."""
        st = self.state
        p = self.problem
        for person, requests in enumerate(p.of_participant):
            if st.busy[person] or not any(p.allowed[r] for r in requests):
                continue
            candidates = sorted((r for r in requests if p.allowed[r]), key=lambda r: -p.weight[r])
            if any(self.saturated(r) < 0 and self.try_place(r, self.max_depth) for r in candidates):
                st.journal.clear()
                continue
            self.evict_for(candidates)
            st.journal.clear()

    def evict_for(self, candidates: list[int]) -> bool:
        st = self.state
        p = self.problem
        best: tuple[int, int, int, set[int]] | None = None
        for r in candidates:
            for s in bits(p.allowed[r]):
                blockers = {st.at[q][s] for q in p.parts[r] if st.busy[q] >> s & 1}
                if p.needs_table[r] and st.full >> s & 1 and not any(p.needs_table[b] for b in blockers):
                    spare = [m for m in st.in_slot[s] if m not in st.fixed and self._evictable(m, r)]
                    if not spare:
                        continue
                    blockers.add(min(spare, key=lambda m: p.weight[m]))
                if blockers & st.fixed or not all(self._evictable(b, r) for b in blockers):
                    continue
                loss = sum(p.weight[b] for b in blockers) - p.weight[r]
                if best is None or loss < best[0]:
                    best = (loss, r, s, blockers)
        if best is None:
            return False
        _loss, r, s, blockers = best
        for b in blockers:
            st.remove(b)
        st.place(r, s)
        for b in sorted(blockers, key=lambda m: -p.weight[m]):
            self.try_place(b, self.max_depth)
        return True

    def _evictable(self, m: int, r: int) -> bool:
        """Whether removing meeting m leaves each of its participants (other than r's) a meeting."""
        st = self.state
        mine = self.problem.parts[r]
        return all(q in mine or st.busy[q].bit_count() >= 2 for q in self.problem.parts[m])

    def compact(self) -> None:
        """Move meetings to lower the idle gaps, worst-off participants first; no meeting is lost."""
        st = self.state
        p = self.problem
        day_masks = p.day_masks

        def person_gaps(q: int) -> int:
            return _gaps(st.busy[q], day_masks)

        for _round in range(6):
            improved = 0
            people = sorted(range(len(p.participant_ids)), key=lambda q: -person_gaps(q))
            for i, q in enumerate(people):
                if i % 256 == 0 and self.out_of_time():
                    return
                if person_gaps(q) == 0:
                    break
                for m in list(st.at[q].values()):
                    if m in st.fixed or st.slot_of[m] < 0:
                        continue
                    s = st.slot_of[m]
                    members = p.parts[m]
                    st.remove(m)
                    free = st.free(m)
                    best_t = s
                    best_d = (0, 0)
                    for t in bits(free & ~(1 << s)):
                        d = _move_delta(st, members, s, t, day_masks)
                        if d < best_d:
                            best_d = d
                            best_t = t
                    st.place(m, best_t)
                    if best_t != s:
                        improved += 1
                # swaps of two of q's meetings when the partners are free in each other's slot
                improved += self._swap_pass(q)
            st.journal.clear()
            if not improved:
                return

    def _swap_pass(self, q: int) -> int:
        st = self.state
        p = self.problem
        done = 0
        mine = [m for m in st.at[q].values() if m not in st.fixed]
        for i in range(len(mine)):
            for j in range(i + 1, len(mine)):
                a, b = mine[i], mine[j]
                sa, sb = st.slot_of[a], st.slot_of[b]
                if sa < 0 or sb < 0 or sa == sb:
                    continue
                if p.needs_table[a] != p.needs_table[b]:
                    continue
                if not (p.allowed[a] >> sb & 1 and p.allowed[b] >> sa & 1):
                    continue
                others = [x for x in p.parts[a] if x != q] + [x for x in p.parts[b] if x != q]
                if len(set(others)) != len(others):
                    continue
                oa = [x for x in p.parts[a] if x != q]
                ob = [x for x in p.parts[b] if x != q]
                if any(st.busy[x] >> sb & 1 for x in oa) or any(st.busy[x] >> sa & 1 for x in ob):
                    continue
                before = sum(_gaps(st.busy[x], p.day_masks) for x in others)
                squares_before = sum(_gaps(st.busy[x], p.day_masks) ** 2 for x in others)
                mark = len(st.journal)
                st.remove(a)
                st.remove(b)
                st.place(a, sb)
                st.place(b, sa)
                after = sum(_gaps(st.busy[x], p.day_masks) for x in others)
                if after < before or (
                    after == before and sum(_gaps(st.busy[x], p.day_masks) ** 2 for x in others) < squares_before
                ):
                    done += 1
                else:
                    st.undo(mark)
        return done


def _gaps(busy: int, day_masks: list[int]) -> int:
    total = 0
    for day in day_masks:
        m = busy & day
        if m:
            total += m.bit_length() - (m & -m).bit_length() + 1 - m.bit_count()
    return total


def _move_delta(st: State, members: tuple[int, ...], s: int, t: int, day_masks: list[int]) -> tuple[int, int]:
    """How the members' idle gaps change when their meeting (already lifted from s) goes to t instead
    of s: the change of their sum, then of their sum of squares — so that among moves that keep the
    total, the one spreading the gaps more evenly wins (a strictly falling potential: no cycles)."""
    total = 0
    squares = 0
    for q in members:
        b = st.busy[q]
        at_t = _gaps(b | 1 << t, day_masks)
        at_s = _gaps(b | 1 << s, day_masks)
        total += at_t - at_s
        squares += at_t * at_t - at_s * at_s
    return total, squares


def schedule(instance: Instance, *, time_limit: float = 10.0, seed: int = 0) -> Solution:
    """Schedule an instance; never raises on a valid instance (see ``parse_instance``)."""
    started = time.monotonic()
    problem = compile_problem(instance)
    bound = upper_bound(problem)
    # the search keeps a tenth of the time for writing the solution up
    budget = max(0.0, 0.9 * time_limit - (time.monotonic() - started))
    scheduler = Scheduler(problem, time_limit=budget, seed=seed)
    scheduler.capacity = bound.capacity
    p = problem
    degree_of = [len(rs) for rs in p.of_participant]
    duals = bound.duals  # LP reduced costs order the greedy: requests the relaxation keeps come first
    scheduler.reduced = [
        p.weight[r] - sum(duals[q] for q in p.parts[r]) - (bound.table_dual if p.needs_table[r] else 0)
        for r in range(len(p.parts))
    ]
    order = sorted(
        (r for r in range(len(p.parts)) if p.allowed[r] and r not in p.locked),
        key=lambda r: (
            -scheduler.reduced[r],
            -p.weight[r],
            p.allowed[r].bit_count(),
            min(degree_of[q] for q in p.parts[r]),
        ),
    )
    # by priority alone, for instances where the tables, not the participants, are what is scarce
    by_priority = sorted(order, key=lambda r: (-p.weight[r], p.allowed[r].bit_count()))
    phases: dict[str, float] = {"bound": time.monotonic() - started}
    mark = time.monotonic()
    # two starts — by the dual's reduced weights and by priority alone — each repaired; the better stays
    finished: list[State] = []
    for start in (order, by_priority):
        if finished and scheduler.out_of_time():
            break
        scheduler.reset()
        scheduler.greedy(start)
        for _pass in range(2):
            before = scheduler.state.weight
            scheduler.repair(scheduler.max_depth)
            if scheduler.state.weight - before <= before // 10000 or scheduler.out_of_time():
                break
        finished.append(scheduler.state)
    scheduler.state = max(finished, key=lambda state: state.weight)
    phases["greedy_and_repair"] = time.monotonic() - mark
    mark = time.monotonic()
    scheduler.one_each()
    scheduler.repair(scheduler.max_depth)
    phases["one_each"] = time.monotonic() - mark
    mark = time.monotonic()
    scheduler.compact()
    phases["compaction"] = time.monotonic() - mark
    lost, over = never_schedulable(problem, bound.capacity, bound.degree)
    return build_solution(
        problem,
        scheduler.state.slot_of,
        upper_bound=bound.value,
        capacity=bound.capacity,
        degree=bound.degree,
        never=lost,
        oversubscribed=over,
        seconds=time.monotonic() - started,
        stats={
            "search_steps": scheduler.steps,
            "stopped_by_time_limit": scheduler.out_of_time(),
            "phase_seconds": {k: round(v, 3) for k, v in phases.items()},
        },
    )


__all__ = ["Scheduler", "State", "schedule"]
