"""The meeting-scheduling instance and solution: dataclasses and their JSON file format.

The format is documented in docs/meeting-scheduler.md.  ``parse_instance`` validates strictly and
raises :class:`InstanceError` with every problem found, each naming where it is (``requests[12].
participants[1]: unknown participant "p99"``), so an organiser can fix a file they did not write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "yunzhao-meetings/1"
SOLUTION_FORMAT = "yunzhao-meeting-schedule/1"
ONE_TO_ONE = "one_to_one"
ONLINE = "online"
GROUP = "group"
MEETING_TYPES = (ONE_TO_ONE, ONLINE, GROUP)
MAX_PRIORITY = 1000
MAX_ERRORS = 50


class InstanceError(ValueError):
    """An instance (or solution) file that cannot be used; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        shown = errors[:MAX_ERRORS]
        more = f"\n  … and {len(errors) - MAX_ERRORS} more" if len(errors) > MAX_ERRORS else ""
        super().__init__("invalid instance:\n  " + "\n  ".join(shown) + more)


@dataclass(frozen=True)
class Slot:
    id: str
    day: str = ""
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Table:
    id: str
    slots: tuple[str, ...] | None = None  # None: open in every slot


@dataclass(frozen=True)
class Participant:
    id: str
    available: tuple[str, ...] | None = None  # None: every slot
    hosted: bool = False
    table: str | None = None  # a hosted participant's table, if the organiser fixed it
    name: str = ""


@dataclass(frozen=True)
class Request:
    id: str
    participants: tuple[str, ...]  # two for one_to_one/online; the host first, then the others, for group
    priority: int = 1
    type: str = ONE_TO_ONE

    @property
    def needs_table(self) -> bool:
        return self.type != ONLINE

    @property
    def host(self) -> str | None:
        return self.participants[0] if self.type == GROUP else None


@dataclass(frozen=True)
class Locked:
    request: str
    slot: str
    table: str | None = None


@dataclass
class Instance:
    slots: list[Slot]
    participants: list[Participant]
    requests: list[Request]
    tables: list[Table] | None = None  # None: no table limit
    locked: list[Locked] = field(default_factory=list)
    name: str = ""

    def hosted_ids(self) -> set[str]:
        """Participants kept at one table: flagged ``hosted`` or hosting a group meeting."""
        hosted = {p.id for p in self.participants if p.hosted}
        hosted.update(r.participants[0] for r in self.requests if r.type == GROUP)
        return hosted

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": FORMAT}
        if self.name:
            data["name"] = self.name
        data["slots"] = [_compact({"id": s.id, "day": s.day, "start": s.start, "end": s.end}) for s in self.slots]
        data["tables"] = (
            None
            if self.tables is None
            else [_compact({"id": t.id, "slots": list(t.slots) if t.slots is not None else None}) for t in self.tables]
        )
        data["participants"] = [
            _compact(
                {
                    "id": p.id,
                    "name": p.name,
                    "available": list(p.available) if p.available is not None else None,
                    "hosted": p.hosted or None,
                    "table": p.table,
                }
            )
            for p in self.participants
        ]
        data["requests"] = [
            {"id": r.id, "participants": list(r.participants), "priority": r.priority, "type": r.type}
            for r in self.requests
        ]
        data["locked"] = [_compact({"request": m.request, "slot": m.slot, "table": m.table}) for m in self.locked]
        return data


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None and v != ""}


# -- parsing -------------------------------------------------------------------------------------


class _Errors:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "…"


def _obj(value: Any, where: str, errors: _Errors, allowed: set[str], required: set[str]) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        errors.add(where, f"expected an object, got {_describe(value)}")
        return None
    for key in sorted(set(value) - allowed):
        errors.add(where, f'unknown field "{key}" (allowed: {", ".join(sorted(allowed))})')
    for key in sorted(required - set(value)):
        errors.add(where, f'missing field "{key}"')
    return value


def _ident(value: Any, where: str, errors: _Errors) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        errors.add(where, f"expected an id (a string), got {_describe(value)}")
        return None
    text = str(value)
    if not text.strip():
        errors.add(where, "an id must not be empty")
        return None
    if len(text) > 200:
        errors.add(where, "an id must be at most 200 characters")
        return None
    return text


def _optional_str(value: Any, where: str, errors: _Errors) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        errors.add(where, f"expected a string, got {_describe(value)}")
        return None
    return value


def _id_list(value: Any, where: str, errors: _Errors, known: dict[str, int], what: str) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        errors.add(where, f"expected a list of {what} ids, got {_describe(value)}")
        return None
    out: list[str] = []
    seen: set[str] = set()
    for i, item in enumerate(value):
        ident = _ident(item, f"{where}[{i}]", errors)
        if ident is None:
            continue
        if ident not in known:
            errors.add(f"{where}[{i}]", f"unknown {what} {_describe(ident)}")
        elif ident in seen:
            errors.add(f"{where}[{i}]", f"{what} {_describe(ident)} listed twice")
        else:
            seen.add(ident)
            out.append(ident)
    return tuple(out)


def load_instance(path: str | Path) -> Instance:
    """Read and validate an instance file; raises :class:`InstanceError` (also for unreadable JSON)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InstanceError([f"{path}: cannot read the file ({exc.strerror or exc})"]) from exc
    except UnicodeDecodeError as exc:
        raise InstanceError([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InstanceError([f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]) from exc
    return parse_instance(data)


def parse_instance(data: Any) -> Instance:
    errors = _Errors()
    top = _obj(
        data,
        "instance",
        errors,
        {"format", "name", "slots", "tables", "participants", "requests", "locked"},
        {"slots", "participants", "requests"},
    )
    if top is None:
        raise InstanceError(errors.items)
    if "format" in top and top["format"] != FORMAT:
        errors.add("format", f'expected "{FORMAT}", got {_describe(top["format"])}')
    name = _optional_str(top.get("name"), "name", errors) or ""

    # slots
    slots: list[Slot] = []
    slot_index: dict[str, int] = {}
    raw_slots = top.get("slots")
    if not isinstance(raw_slots, list) or not raw_slots:
        if "slots" in top:
            errors.add("slots", "expected a non-empty list of slots")
        raw_slots = []
    days_closed: set[str] = set()
    current_day: str | None = None
    for i, raw in enumerate(raw_slots):
        where = f"slots[{i}]"
        obj = _obj(raw, where, errors, {"id", "day", "start", "end"}, {"id"})
        if obj is None:
            continue
        ident = _ident(obj.get("id"), f"{where}.id", errors)
        day = _optional_str(obj.get("day"), f"{where}.day", errors) or ""
        start = _optional_str(obj.get("start"), f"{where}.start", errors)
        end = _optional_str(obj.get("end"), f"{where}.end", errors)
        if start is not None and end is not None and not start < end:
            errors.add(where, f"start {_describe(start)} is not before end {_describe(end)}")
        if day != current_day:
            if day in days_closed:
                errors.add(
                    where, f"day {_describe(day)} comes back after another day: list slots day by day, in time order"
                )
            if current_day is not None:
                days_closed.add(current_day)
            current_day = day
        elif slots and start is not None and slots[-1].end is not None and start < slots[-1].end:
            errors.add(where, f"starts at {start}, before the previous slot of the day ends ({slots[-1].end})")
        if ident is None:
            continue
        if ident in slot_index:
            errors.add(f"{where}.id", f"slot id {_describe(ident)} used twice")
            continue
        slot_index[ident] = len(slots)
        slots.append(Slot(ident, day, start, end))

    # tables
    tables: list[Table] | None = None
    table_index: dict[str, int] = {}
    raw_tables = top.get("tables")
    if raw_tables is not None:
        if not isinstance(raw_tables, list):
            errors.add("tables", f"expected null (no table limit) or a list of tables, got {_describe(raw_tables)}")
        else:
            tables = []
            for i, raw in enumerate(raw_tables):
                where = f"tables[{i}]"
                obj = _obj(raw, where, errors, {"id", "slots"}, {"id"})
                if obj is None:
                    continue
                ident = _ident(obj.get("id"), f"{where}.id", errors)
                open_slots = None
                if obj.get("slots") is not None:
                    open_slots = _id_list(obj["slots"], f"{where}.slots", errors, slot_index, "slot")
                if ident is None:
                    continue
                if ident in table_index:
                    errors.add(f"{where}.id", f"table id {_describe(ident)} used twice")
                    continue
                table_index[ident] = len(tables)
                tables.append(Table(ident, open_slots))

    # participants
    participants: list[Participant] = []
    participant_index: dict[str, int] = {}
    raw_participants = top.get("participants")
    if not isinstance(raw_participants, list):
        if "participants" in top:
            errors.add("participants", f"expected a list of participants, got {_describe(raw_participants)}")
        raw_participants = []
    table_owner: dict[str, str] = {}
    for i, raw in enumerate(raw_participants):
        where = f"participants[{i}]"
        obj = _obj(raw, where, errors, {"id", "name", "available", "hosted", "table"}, {"id"})
        if obj is None:
            continue
        ident = _ident(obj.get("id"), f"{where}.id", errors)
        participant_name = _optional_str(obj.get("name"), f"{where}.name", errors) or ""
        available = None
        if obj.get("available") is not None:
            available = _id_list(obj["available"], f"{where}.available", errors, slot_index, "slot")
        hosted = obj.get("hosted", False)
        if not isinstance(hosted, bool):
            errors.add(f"{where}.hosted", f"expected true or false, got {_describe(hosted)}")
            hosted = False
        table = None
        if obj.get("table") is not None:
            table = _ident(obj["table"], f"{where}.table", errors)
            if table is not None and tables is not None and table not in table_index:
                errors.add(f"{where}.table", f"unknown table {_describe(table)}")
            elif table is not None and table in table_owner:
                errors.add(f"{where}.table", f"table {_describe(table)} is already the table of {table_owner[table]}")
            elif table is not None and ident is not None:
                table_owner[table] = ident
        if ident is None:
            continue
        if ident in participant_index:
            errors.add(f"{where}.id", f"participant id {_describe(ident)} used twice")
            continue
        participant_index[ident] = len(participants)
        participants.append(Participant(ident, available, hosted or table is not None, table, participant_name))

    # requests
    requests: list[Request] = []
    request_index: dict[str, int] = {}
    raw_requests = top.get("requests")
    if not isinstance(raw_requests, list):
        if "requests" in top:
            errors.add("requests", f"expected a list of accepted requests, got {_describe(raw_requests)}")
        raw_requests = []
    for i, raw in enumerate(raw_requests):
        where = f"requests[{i}]"
        obj = _obj(raw, where, errors, {"id", "participants", "priority", "type"}, {"id", "participants"})
        if obj is None:
            continue
        ident = _ident(obj.get("id"), f"{where}.id", errors)
        kind = obj.get("type", ONE_TO_ONE)
        if kind not in MEETING_TYPES:
            errors.add(f"{where}.type", f"expected one of {', '.join(MEETING_TYPES)}, got {_describe(kind)}")
            kind = ONE_TO_ONE
        priority = obj.get("priority", 1)
        if isinstance(priority, bool) or not isinstance(priority, int) or not 1 <= priority <= MAX_PRIORITY:
            errors.add(
                f"{where}.priority", f"expected a whole number from 1 to {MAX_PRIORITY}, got {_describe(priority)}"
            )
            priority = 1
        members = (
            _id_list(obj.get("participants"), f"{where}.participants", errors, participant_index, "participant")
            if "participants" in obj
            else None
        )
        if members is not None:
            if kind == GROUP and len(members) < 2:
                errors.add(f"{where}.participants", "a group meeting needs its host and at least one other participant")
            elif kind != GROUP and len(members) != 2:
                errors.add(
                    f"{where}.participants", f"a {kind} meeting has exactly two participants, got {len(members)}"
                )
        if ident is None or members is None:
            continue
        if ident in request_index:
            errors.add(f"{where}.id", f"request id {_describe(ident)} used twice")
            continue
        request_index[ident] = len(requests)
        requests.append(Request(ident, members, priority, kind))

    # locked meetings
    locked: list[Locked] = []
    raw_locked = top.get("locked") or []
    if not isinstance(raw_locked, list):
        errors.add("locked", f"expected a list of locked meetings, got {_describe(raw_locked)}")
        raw_locked = []
    locked_requests: set[str] = set()
    for i, raw in enumerate(raw_locked):
        where = f"locked[{i}]"
        obj = _obj(raw, where, errors, {"request", "slot", "table"}, {"request", "slot"})
        if obj is None:
            continue
        request = _ident(obj.get("request"), f"{where}.request", errors)
        slot = _ident(obj.get("slot"), f"{where}.slot", errors)
        table = _ident(obj["table"], f"{where}.table", errors) if obj.get("table") is not None else None
        if request is not None and request not in request_index:
            errors.add(f"{where}.request", f"unknown request {_describe(request)}")
            request = None
        if slot is not None and slot not in slot_index:
            errors.add(f"{where}.slot", f"unknown slot {_describe(slot)}")
            slot = None
        if table is not None and tables is not None and table not in table_index:
            errors.add(f"{where}.table", f"unknown table {_describe(table)}")
        if request is None or slot is None:
            continue
        if request in locked_requests:
            errors.add(f"{where}.request", f"request {_describe(request)} is locked twice")
            continue
        req = requests[request_index[request]]
        if not req.needs_table and table is not None:
            errors.add(f"{where}.table", f"request {_describe(request)} is an online meeting and has no table")
        locked_requests.add(request)
        locked.append(Locked(request, slot, table))

    instance = Instance(slots, participants, requests, tables, locked, name)
    if not errors.items:
        _check_consistency(instance, errors)
    if errors.items:
        raise InstanceError(errors.items)
    return instance


def _check_consistency(instance: Instance, errors: _Errors) -> None:
    """Hard constraints the locked (published) meetings must already satisfy, and table counts."""
    hosted = instance.hosted_ids()
    if instance.tables is not None:
        needing = sum(1 for p in instance.participants if p.id in hosted)
        if needing > len(instance.tables):
            errors.add(
                "tables",
                f"{needing} hosted participants each need their own table, but only {len(instance.tables)} tables are listed",
            )
    available = {p.id: set(p.available) if p.available is not None else None for p in instance.participants}
    by_id = {r.id: r for r in instance.requests}
    fixed_table = {p.id: p.table for p in instance.participants if p.table is not None}
    table_open = (
        {t.id: set(t.slots) if t.slots is not None else None for t in instance.tables}
        if instance.tables is not None
        else {}
    )
    busy: dict[tuple[str, str], str] = {}
    table_use: dict[tuple[str, str], str] = {}
    for i, locked in enumerate(instance.locked):
        where = f"locked[{i}]"
        request = by_id[locked.request]
        for person in request.participants:
            slots = available[person]
            if slots is not None and locked.slot not in slots:
                errors.add(where, f'participant "{person}" is not available in slot "{locked.slot}"')
            other = busy.get((person, locked.slot))
            if other is not None:
                errors.add(
                    where, f'participant "{person}" is already in locked meeting "{other}" in slot "{locked.slot}"'
                )
            busy[(person, locked.slot)] = request.id
        if not request.needs_table:
            continue
        table = locked.table
        host = next((p for p in request.participants if p in hosted), None)
        if host is not None and table is not None and fixed_table.setdefault(host, table) != table:
            errors.add(
                where,
                f'hosted participant "{host}" sits at table "{fixed_table[host]}", not "{table}"',
            )
        if table is None:
            continue
        if instance.tables is not None:
            open_slots = table_open.get(table)
            if open_slots is not None and locked.slot not in open_slots:
                errors.add(where, f'table "{table}" is not open in slot "{locked.slot}"')
        other = table_use.get((table, locked.slot))
        if other is not None:
            errors.add(where, f'table "{table}" is already used by locked meeting "{other}" in slot "{locked.slot}"')
        table_use[(table, locked.slot)] = request.id


# -- solution --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meeting:
    request: str
    slot: str
    table: str | None
    participants: tuple[str, ...]
    type: str = ONE_TO_ONE
    priority: int = 1
    locked: bool = False


@dataclass(frozen=True)
class Unscheduled:
    request: str
    code: str
    reason: str
    never: bool  # True: no schedule could ever hold this request (or one of its kind, see reason)
    participant: str | None = None


@dataclass(frozen=True)
class Oversubscribed:
    participant: str
    accepted: int
    slots: int

    @property
    def excess(self) -> int:
        return self.accepted - self.slots


@dataclass
class Solution:
    meetings: list[Meeting]
    unscheduled: list[Unscheduled]
    placed_weight: int
    upper_bound: float
    idle_gaps: int
    max_idle_gaps: int
    participants_with_gaps: int
    never_schedulable: int
    suggested_cap: int | None
    oversubscribed: list[Oversubscribed]
    zero_meeting_participants: list[str]
    seconds: float
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return 1.0 if self.upper_bound <= 0 else self.placed_weight / self.upper_bound

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SOLUTION_FORMAT,
            "summary": {
                "meetings": len(self.meetings),
                "placed_weight": self.placed_weight,
                "upper_bound": round(self.upper_bound, 3),
                "ratio": round(self.ratio, 6),
                "unscheduled": len(self.unscheduled),
                "never_schedulable": self.never_schedulable,
                "suggested_cap": self.suggested_cap,
                "idle_gaps": self.idle_gaps,
                "max_idle_gaps_per_participant": self.max_idle_gaps,
                "participants_with_gaps": self.participants_with_gaps,
                "participants_without_meeting": self.zero_meeting_participants,
                "seconds": round(self.seconds, 3),
                **self.stats,
            },
            "meetings": [
                _compact(
                    {
                        "request": m.request,
                        "slot": m.slot,
                        "table": m.table,
                        "participants": list(m.participants),
                        "type": m.type,
                        "priority": m.priority,
                        "locked": m.locked or None,
                    }
                )
                for m in self.meetings
            ],
            "unscheduled": [
                _compact(
                    {
                        "request": u.request,
                        "code": u.code,
                        "reason": u.reason,
                        "never_schedulable": u.never,
                        "participant": u.participant,
                    }
                )
                for u in self.unscheduled
            ],
            "oversubscribed": [
                {"participant": o.participant, "accepted": o.accepted, "slots": o.slots, "excess": o.excess}
                for o in self.oversubscribed
            ],
        }


def meetings_from_json(data: Any) -> list[Meeting]:
    """The meetings of a solution file (e.g. to lock a published schedule on a re-run)."""
    errors = _Errors()
    top = _obj(
        data, "solution", errors, {"format", "summary", "meetings", "unscheduled", "oversubscribed"}, {"meetings"}
    )
    if top is None or errors.items:
        raise InstanceError(errors.items)
    raw = top["meetings"]
    if not isinstance(raw, list):
        raise InstanceError([f"meetings: expected a list, got {_describe(raw)}"])
    meetings: list[Meeting] = []
    for i, item in enumerate(raw):
        obj = _obj(
            item,
            f"meetings[{i}]",
            errors,
            {"request", "slot", "table", "participants", "type", "priority", "locked"},
            {"request", "slot", "participants"},
        )
        if obj is None:
            continue
        request = _ident(obj.get("request"), f"meetings[{i}].request", errors)
        slot = _ident(obj.get("slot"), f"meetings[{i}].slot", errors)
        table = _ident(obj["table"], f"meetings[{i}].table", errors) if obj.get("table") is not None else None
        members = obj.get("participants")
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            errors.add(f"meetings[{i}].participants", "expected a list of participant ids")
            continue
        if request is None or slot is None:
            continue
        meetings.append(
            Meeting(
                request,
                slot,
                table,
                tuple(members),
                str(obj.get("type", ONE_TO_ONE)),
                int(obj.get("priority", 1)),
                bool(obj.get("locked", False)),
            )
        )
    if errors.items:
        raise InstanceError(errors.items)
    return meetings
