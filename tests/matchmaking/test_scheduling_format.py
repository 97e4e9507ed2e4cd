"""The instance and solution files: round trips, and the messages a wrong file gets."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from yunzhao.matchmaking.scheduling import InstanceError, load_instance, parse_instance, schedule
from yunzhao.matchmaking.scheduling.instance import meetings_from_json

INSTANCE = {
    "format": "yunzhao-meetings/1",
    "name": "Canton test fair",
    "slots": [
        {"id": "d1-0900", "day": "2026-05-12", "start": "09:00", "end": "09:25"},
        {"id": "d1-0930", "day": "2026-05-12", "start": "09:30", "end": "09:55"},
        {"id": "d2-0900", "day": "2026-05-13", "start": "09:00", "end": "09:25"},
    ],
    "tables": [{"id": "A1"}, {"id": "A2", "slots": ["d1-0900", "d2-0900"]}],
    "participants": [
        {"id": "buyer-1", "name": "Osaka Trading", "hosted": True},
        {"id": "seller-1", "available": ["d1-0900"]},
        {"id": "seller-2"},
        {"id": "investor-1", "available": ["d2-0900"]},
    ],
    "requests": [
        {"id": "r1", "participants": ["buyer-1", "seller-1"], "priority": 3, "type": "one_to_one"},
        {"id": "r2", "participants": ["buyer-1", "seller-1", "seller-2"], "priority": 2, "type": "group"},
        {"id": "r3", "participants": ["seller-2", "investor-1"], "priority": 1, "type": "online"},
    ],
    "locked": [{"request": "r3", "slot": "d2-0900"}],
}


def test_instance_round_trips_through_json():
    instance = parse_instance(INSTANCE)
    assert instance.to_json() == INSTANCE
    assert parse_instance(json.loads(json.dumps(instance.to_json()))) == instance


def test_instance_defaults_when_fields_are_left_out():
    instance = parse_instance(
        {
            "slots": [{"id": "s1"}],
            "participants": [{"id": "a"}, {"id": "b"}],
            "requests": [{"id": 1, "participants": ["a", "b"]}],
        }
    )
    assert instance.tables is None
    [request] = instance.requests
    assert (request.id, request.priority, request.type) == ("1", 1, "one_to_one")
    assert instance.locked == []


def test_solution_file_lists_meetings_and_reasons():
    solution = schedule(parse_instance(INSTANCE), time_limit=5)
    data = json.loads(json.dumps(solution.to_json()))
    assert data["format"] == "yunzhao-meeting-schedule/1"
    assert data["summary"]["meetings"] == 2
    assert data["summary"]["upper_bound"] == 4
    assert {m["request"]: (m["slot"], m.get("table")) for m in data["meetings"]} == {
        "r1": ("d1-0900", "A1"),
        "r3": ("d2-0900", None),
    }
    assert data["unscheduled"] == [
        {
            "request": "r2",
            "code": "oversubscribed",
            "reason": 'participant "buyer-1" has 2 accepted requests for 1 available slots; '
            "no schedule can hold more than 1 (cap their acceptances at 1)",
            "never_schedulable": True,
            "participant": "buyer-1",
        }
    ]
    assert [m.request for m in meetings_from_json(data)] == [m.request for m in solution.meetings]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other/2"), 'format: expected "yunzhao-meetings/1", got "other/2"'),
        (
            lambda d: d.update(colour="red"),
            'instance: unknown field "colour" (allowed: format, locked, name, participants, requests, slots, tables)',
        ),
        (lambda d: d.pop("slots"), 'instance: missing field "slots"'),
        (lambda d: d.update(slots=[]), "slots: expected a non-empty list of slots"),
        (
            lambda d: d["slots"].append({"id": "d1-0900", "day": "2026-05-13"}),
            'slots[3].id: slot id "d1-0900" used twice',
        ),
        (
            lambda d: d["slots"].append({"id": "late", "day": "2026-05-12"}),
            'slots[3]: day "2026-05-12" comes back after another day: list slots day by day, in time order',
        ),
        (
            lambda d: d["slots"][1].update(start="09:10"),
            "slots[1]: starts at 09:10, before the previous slot of the day ends (09:25)",
        ),
        (lambda d: d["slots"][0].update(end="08:00"), 'slots[0]: start "09:00" is not before end "08:00"'),
        (lambda d: d.update(tables=3), "tables: expected null (no table limit) or a list of tables, got 3"),
        (lambda d: d["tables"][1].update(slots=["nope"]), 'tables[1].slots[0]: unknown slot "nope"'),
        (
            lambda d: d["participants"][1].update(available=["d1-0900", "d1-0900"]),
            'participants[1].available[1]: slot "d1-0900" listed twice',
        ),
        (
            lambda d: d["participants"][0].update(hosted="yes"),
            'participants[0].hosted: expected true or false, got "yes"',
        ),
        (lambda d: d["participants"][0].update(table="Z9"), 'participants[0].table: unknown table "Z9"'),
        (
            lambda d: d["participants"].append({"id": "seller-2"}),
            'participants[4].id: participant id "seller-2" used twice',
        ),
        (lambda d: d["participants"].append({"id": ""}), "participants[4].id: an id must not be empty"),
        (
            lambda d: d["requests"][0].update(priority=0),
            "requests[0].priority: expected a whole number from 1 to 1000, got 0",
        ),
        (
            lambda d: d["requests"][0].update(priority=1.5),
            "requests[0].priority: expected a whole number from 1 to 1000, got 1.5",
        ),
        (
            lambda d: d["requests"][0].update(type="dinner"),
            'requests[0].type: expected one of one_to_one, online, group, got "dinner"',
        ),
        (
            lambda d: d["requests"][0].update(participants=["buyer-1", "ghost"]),
            'requests[0].participants[1]: unknown participant "ghost"',
        ),
        (
            lambda d: d["requests"][0].update(participants=["buyer-1", "seller-1", "seller-2"]),
            "requests[0].participants: a one_to_one meeting has exactly two participants, got 3",
        ),
        (
            lambda d: d["requests"][1].update(participants=["buyer-1"]),
            "requests[1].participants: a group meeting needs its host and at least one other participant",
        ),
        (lambda d: d["requests"].append(dict(d["requests"][0])), 'requests[3].id: request id "r1" used twice'),
        (lambda d: d["locked"].append({"request": "r9", "slot": "d1-0900"}), 'locked[1].request: unknown request "r9"'),
        (
            lambda d: d["locked"].append({"request": "r3", "slot": "d1-0900"}),
            'locked[1].request: request "r3" is locked twice',
        ),
        (
            lambda d: d["locked"][0].update(table="A1"),
            'locked[0].table: request "r3" is an online meeting and has no table',
        ),
        (
            lambda d: d["locked"].append({"request": "r1", "slot": "d2-0900", "table": "A1"}),
            'locked[1]: participant "seller-1" is not available in slot "d2-0900"',
        ),
        (
            lambda d: d.update(tables=[]),
            "tables: 1 hosted participants each need their own table, but only 0 tables are listed",
        ),
    ],
)
def test_instance_validation_says_what_is_wrong_and_where(change, message):
    data = json.loads(json.dumps(INSTANCE))
    change(data)
    with pytest.raises(InstanceError) as caught:
        parse_instance(data)
    assert message in caught.value.errors


def test_instance_validation_lists_every_problem_at_once():
    data = json.loads(json.dumps(INSTANCE))
    data["requests"][0]["priority"] = "high"
    data["participants"][1]["available"] = ["x"]
    with pytest.raises(InstanceError) as caught:
        parse_instance(data)
    assert caught.value.errors == [
        'participants[1].available[0]: unknown slot "x"',
        'requests[0].priority: expected a whole number from 1 to 1000, got "high"',
    ]
    assert str(caught.value).startswith("invalid instance:\n  participants[1].available[0]")


def test_instance_validation_of_locked_meetings_that_collide():
    data = json.loads(json.dumps(INSTANCE))
    data["requests"].append({"id": "r4", "participants": ["seller-2", "buyer-1"]})
    data["locked"] = [
        {"request": "r1", "slot": "d1-0900", "table": "A1"},
        {"request": "r4", "slot": "d1-0900", "table": "A2"},
    ]
    with pytest.raises(InstanceError) as caught:
        parse_instance(data)
    assert caught.value.errors == [
        'locked[1]: participant "buyer-1" is already in locked meeting "r1" in slot "d1-0900"',
        'locked[1]: hosted participant "buyer-1" sits at table "A1", not "A2"',
    ]


def test_load_instance_reports_bad_json_with_its_position(tmp_path):
    path = tmp_path / "fair.json"
    path.write_text('{"slots": [}', encoding="utf-8")
    with pytest.raises(InstanceError) as caught:
        load_instance(path)
    assert caught.value.errors == [f"{path}: not valid JSON: Expecting value at line 1, column 12"]


def test_command_schedules_a_file(tmp_path, capsys):
    source = tmp_path / "fair.json"
    target = tmp_path / "schedule.json"
    source.write_text(json.dumps(INSTANCE), encoding="utf-8")
    call_command(
        "schedule_meetings", "--input", str(source), "--output", str(target), "--time-limit", "5", "--seed", "2"
    )
    out = capsys.readouterr().out
    assert "meetings placed: 2 of 3 accepted requests" in out
    assert "priority-weighted: 4 of at most 4 (proven upper bound), ratio 100.0000%" in out
    assert "idle gaps: 0 (at most 0 for one participant, 0 participants have any)" in out
    assert "unscheduled: 1, of which no schedule could ever hold at least 1" in out
    assert "over-subscribed: 2 participants have more accepted requests than slots" in out
    assert "time: " in out
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["summary"]["meetings"] == 2
    assert written["summary"]["ratio"] == 1.0


def test_command_fails_with_the_problems_of_the_file(tmp_path):
    source = tmp_path / "fair.json"
    source.write_text(
        json.dumps({"slots": [{"id": "s"}], "participants": [], "requests": [{"id": "r"}]}), encoding="utf-8"
    )
    with pytest.raises(CommandError) as caught:
        call_command("schedule_meetings", "--input", str(source), "--output", str(tmp_path / "out.json"))
    assert str(caught.value) == f'{source}: invalid instance:\n  requests[0]: missing field "participants"'
    assert not (tmp_path / "out.json").exists()


def test_command_refuses_a_missing_file_and_a_bad_time_limit(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        call_command("schedule_meetings", "--input", str(tmp_path / "none.json"), "--output", str(tmp_path / "o.json"))
    with pytest.raises(CommandError, match="--time-limit must be a positive number of seconds"):
        call_command("schedule_meetings", "--input", "x", "--output", "y", "--time-limit", "0")
