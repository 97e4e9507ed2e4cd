"""An independent check of a schedule against every hard constraint of its instance."""

from __future__ import annotations

from .instance import Instance, Meeting


def check_solution(instance: Instance, meetings: list[Meeting]) -> list[str]:
    """Every hard constraint the meetings break, as sentences (empty: the schedule is valid)."""
    problems: list[str] = []
    requests = {r.id: r for r in instance.requests}
    slots = {s.id for s in instance.slots}
    available = {p.id: set(p.available) if p.available is not None else slots for p in instance.participants}
    hosted = instance.hosted_ids()
    tables = (
        None
        if instance.tables is None
        else {t.id: set(t.slots) if t.slots is not None else slots for t in instance.tables}
    )
    placed: set[str] = set()
    where: dict[tuple[str, str], str] = {}
    table_use: dict[tuple[str, str], str] = {}
    host_table: dict[str, str] = {}
    for m in meetings:
        req = requests.get(m.request)
        if req is None:
            problems.append(f'meeting of unknown request "{m.request}"')
            continue
        if m.request in placed:
            problems.append(f'request "{m.request}" placed twice')
        placed.add(m.request)
        if m.slot not in slots:
            problems.append(f'request "{m.request}" in unknown slot "{m.slot}"')
            continue
        if tuple(m.participants) != req.participants:
            problems.append(f'request "{m.request}" lists the wrong participants')
        for person in req.participants:
            if m.slot not in available[person]:
                problems.append(f'"{person}" is not available in slot "{m.slot}" (request "{m.request}")')
            other = where.get((person, m.slot))
            if other is not None:
                problems.append(f'"{person}" is in "{other}" and "{m.request}" in slot "{m.slot}"')
            where[(person, m.slot)] = m.request
        if not req.needs_table:
            if m.table is not None:
                problems.append(f'online meeting "{m.request}" has a table')
            continue
        if m.table is None:
            problems.append(f'meeting "{m.request}" has no table')
            continue
        if tables is not None:
            if m.table not in tables:
                problems.append(f'meeting "{m.request}" at unknown table "{m.table}"')
            elif m.slot not in tables[m.table]:
                problems.append(f'table "{m.table}" is not open in slot "{m.slot}" (request "{m.request}")')
        other = table_use.get((m.table, m.slot))
        if other is not None:
            problems.append(f'table "{m.table}" holds "{other}" and "{m.request}" in slot "{m.slot}"')
        table_use[(m.table, m.slot)] = m.request
        host = next((p for p in req.participants if p in hosted), None)
        if host is not None and host_table.setdefault(host, m.table) != m.table:
            problems.append(f'hosted participant "{host}" at tables "{host_table[host]}" and "{m.table}"')
    fixed = {p.id: p.table for p in instance.participants if p.table is not None}
    for host, table in host_table.items():
        if host in fixed and fixed[host] != table:
            problems.append(f'hosted participant "{host}" must sit at table "{fixed[host]}", not "{table}"')
    by_request = {m.request: m for m in meetings}
    for locked in instance.locked:
        kept = by_request.get(locked.request)
        if kept is None or kept.slot != locked.slot or (locked.table is not None and kept.table != locked.table):
            problems.append(f'locked meeting "{locked.request}" moved or dropped')
    return problems
