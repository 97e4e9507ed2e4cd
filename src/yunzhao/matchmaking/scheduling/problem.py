"""The instance compiled to integers and bitsets, shared by the bound, the engine and the baseline.

Slots are numbered 0…S-1 in time order; a set of slots is a Python ``int`` used as a bitset
(bit ``s`` set = slot ``s`` in the set), which makes "free for both" one ``&``.  Participants and
requests are numbered in file order.
"""

from __future__ import annotations

from dataclasses import dataclass

from .instance import Instance

UNLIMITED = 1 << 60


@dataclass
class Problem:
    instance: Instance
    slot_ids: list[str]
    day_of: list[int]  # slot -> day number
    day_masks: list[int]  # day number -> its slots
    all_slots: int
    participant_ids: list[str]
    avail: list[int]  # participant -> slots they are present in
    parts: list[tuple[int, ...]]  # request -> its participants
    weight: list[int]
    needs_table: list[bool]
    host: list[int]  # request -> the hosted participant whose table it uses, or -1
    allowed: list[int]  # request -> slots it may take (everyone present, a table open)
    cap: list[int]  # slot -> meetings at tables it holds (UNLIMITED without a table limit)
    table_names: list[str]  # table number -> id
    table_open: list[int]  # table number -> slots it is open in
    host_table: dict[int, int]  # hosted participant -> table number
    locked: dict[int, tuple[int, str | None]]  # request -> (slot, table id as given)
    limited: bool  # whether tables limit the slots
    of_participant: list[list[int]]  # participant -> their requests

    @property
    def n_slots(self) -> int:
        return len(self.slot_ids)


def compile_problem(instance: Instance) -> Problem:
    slot_ids = [s.id for s in instance.slots]
    slot_no = {sid: i for i, sid in enumerate(slot_ids)}
    day_numbers: dict[str, int] = {}
    day_of: list[int] = []
    for slot in instance.slots:
        day_of.append(day_numbers.setdefault(slot.day, len(day_numbers)))
    day_masks = [0] * len(day_numbers)
    for s, d in enumerate(day_of):
        day_masks[d] |= 1 << s
    all_slots = (1 << len(slot_ids)) - 1

    def mask(ids: tuple[str, ...] | None) -> int:
        if ids is None:
            return all_slots
        m = 0
        for sid in ids:
            m |= 1 << slot_no[sid]
        return m

    participant_ids = [p.id for p in instance.participants]
    person_no = {pid: i for i, pid in enumerate(participant_ids)}
    avail = [mask(p.available) for p in instance.participants]
    hosted = instance.hosted_ids()

    limited = instance.tables is not None
    table_names: list[str] = []
    table_open: list[int] = []
    if instance.tables is not None:
        table_names = [t.id for t in instance.tables]
        table_open = [mask(t.slots) for t in instance.tables]
    table_no = {name: i for i, name in enumerate(table_names)}

    requests = instance.requests
    request_no = {r.id: i for i, r in enumerate(requests)}
    parts = [tuple(person_no[m] for m in r.participants) for r in requests]
    weight = [r.priority for r in requests]
    needs_table = [r.needs_table for r in requests]
    host = [next((person_no[m] for m in r.participants if m in hosted), -1) if r.needs_table else -1 for r in requests]

    locked: dict[int, tuple[int, str | None]] = {
        request_no[m.request]: (slot_no[m.slot], m.table) for m in instance.locked
    }

    # Tables of the hosted participants: fixed by the organiser, taken from a locked meeting, or chosen.
    fixed: dict[int, str] = {person_no[p.id]: p.table for p in instance.participants if p.table is not None}
    for r, (_slot, table) in locked.items():
        if host[r] >= 0 and table is not None:
            fixed.setdefault(host[r], table)
    host_names: dict[int, str] = {}
    taken: set[str] = set()
    for p, table in fixed.items():
        if p in hosted or any(host[r] == p for r in range(len(requests))):
            host_names[p] = table
            taken.add(table)
    hosted_numbers = sorted(person_no[h] for h in hosted)
    if limited:
        free_tables = [t for t in range(len(table_names)) if table_names[t] not in taken]
        for p in hosted_numbers:
            if p in host_names:
                continue
            best = max(free_tables, key=lambda t: ((table_open[t] & avail[p]).bit_count(), -t))
            free_tables.remove(best)
            host_names[p] = table_names[best]
    else:
        counter = 0
        for p in hosted_numbers:
            if p in host_names:
                continue
            counter += 1
            while f"T{counter}" in taken:
                counter += 1
            host_names[p] = f"T{counter}"
            taken.add(host_names[p])
        table_names = sorted(taken)
        table_open = [all_slots] * len(table_names)
        table_no = {name: i for i, name in enumerate(table_names)}
    host_table = {p: table_no[name] for p, name in host_names.items()}
    owner = {t: p for p, t in host_table.items()}
    blocked: dict[int, int] = {}  # hosted participant -> slots where someone else's locked meeting has their table
    for r, (locked_slot, table) in locked.items():
        if table is not None and table in table_no:
            p = owner.get(table_no[table], -1)
            if p >= 0 and host[r] != p:
                blocked[p] = blocked.get(p, 0) | 1 << locked_slot

    if limited:
        cap = [sum(1 for m in table_open if m >> s & 1) for s in range(len(slot_ids))]
        any_table = 0
        for s, c in enumerate(cap):
            if c:
                any_table |= 1 << s
    else:
        cap = [UNLIMITED] * len(slot_ids)
        any_table = all_slots

    allowed: list[int] = []
    of_participant: list[list[int]] = [[] for _ in participant_ids]
    for r, members in enumerate(parts):
        m = all_slots
        for p in members:
            m &= avail[p]
            of_participant[p].append(r)
        if needs_table[r]:
            if host[r] >= 0:
                m &= table_open[host_table[host[r]]] & ~blocked.get(host[r], 0)
            else:
                m &= any_table
        if r in locked:  # a published meeting stays possible where it is, whatever changed since
            m |= 1 << locked[r][0]
        allowed.append(m)

    return Problem(
        instance=instance,
        slot_ids=slot_ids,
        day_of=day_of,
        day_masks=day_masks,
        all_slots=all_slots,
        participant_ids=participant_ids,
        avail=avail,
        parts=parts,
        weight=weight,
        needs_table=needs_table,
        host=host,
        allowed=allowed,
        cap=cap,
        table_names=table_names,
        table_open=table_open,
        host_table=host_table,
        locked=locked,
        limited=limited,
        of_participant=of_participant,
    )


def bits(mask: int) -> list[int]:
    """The slot numbers in a bitset, lowest first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def gaps_in(busy: int, day_masks: list[int]) -> int:
    """Idle gaps of one participant: empty slots between their first and last meeting of each day."""
    total = 0
    for day in day_masks:
        m = busy & day
        if m:
            low = (m & -m).bit_length()
            total += m.bit_length() - low + 1 - m.bit_count()
    return total
