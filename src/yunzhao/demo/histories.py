"""Stage histories and hand-overs for the demonstration projects.

Each project walks the main line from ``lead`` to its stage — skipping a stage now and
then, the way real projects do — over the months before the load day, with reasons where a
move needs one.  A seeded generator per project title makes the walk the same on every
machine; only the dates are anchored to the day the demo is loaded.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import zlib
from dataclasses import dataclass

from yunzhao.pipeline.models import MAIN_LINE, Stage

HOLD_REASONS = ("投资方总部审批延后", "等待用地指标", "投资方战略调整，暂缓推进", "疫情后重新评估市场")
LOST_REASONS = ("投资方选择了其他园区", "项目融资未落实", "产业定位不符", "投资方取消在华扩张计划")
#: Typical days a project spends in each stage before moving on.
DWELL_DAYS = {
    Stage.LEAD: (7, 30),
    Stage.CONTACTED: (10, 45),
    Stage.SITE_VISIT: (7, 40),
    Stage.NEGOTIATING: (20, 90),
    Stage.INTENTION_SIGNED: (15, 60),
    Stage.CONTRACT_SIGNED: (20, 60),
    Stage.REGISTERED: (15, 60),
    Stage.CAPITAL_IN_PLACE: (30, 120),
    Stage.CONSTRUCTION: (60, 240),
}


@dataclass(frozen=True)
class Move:
    from_stage: str
    to_stage: str
    days_before_anchor: int
    reason: str = ""


def _rng(title: str) -> random.Random:
    return random.Random(zlib.crc32(title.encode()))


def stage_walk(title: str, stage: str) -> list[Move]:
    """The moves that bring a new project from nothing to ``stage``, oldest first."""
    rng = _rng(title)
    final = Stage(stage)
    if final in {Stage.ON_HOLD, Stage.LOST}:
        last_main = MAIN_LINE[rng.randint(0, MAIN_LINE.index(Stage.INTENTION_SIGNED))]
    else:
        last_main = final
    path = [Stage.LEAD]
    for candidate in MAIN_LINE[1 : MAIN_LINE.index(last_main) + 1]:
        if candidate != last_main and rng.random() < 0.15:
            continue  # skipped, e.g. a site visit that never happened
        path.append(candidate)
    if final in {Stage.ON_HOLD, Stage.LOST}:
        path.append(final)
    dwell = [rng.randint(*DWELL_DAYS.get(s, (10, 30))) for s in path[:-1]]
    days_in_final = rng.randint(3, 60)
    total = sum(dwell) + days_in_final
    moves = [Move("", path[0], total)]
    elapsed = 0
    for (previous, current), days in zip(itertools.pairwise(path), dwell, strict=True):
        elapsed += days
        reason = ""
        if current == Stage.ON_HOLD:
            reason = rng.choice(HOLD_REASONS)
        elif current == Stage.LOST:
            reason = rng.choice(LOST_REASONS)
        moves.append(Move(previous, current, total - elapsed, reason))
    return moves


def moment(anchor: dt.datetime, days_before: int, title: str, index: int) -> dt.datetime:
    """A working-hours moment ``days_before`` days before ``anchor``, fixed per project and move."""
    minutes = zlib.crc32(f"{title}:{index}".encode()) % (8 * 60)
    day = anchor - dt.timedelta(days=days_before)
    return day.replace(hour=9, minute=0, second=0, microsecond=0) + dt.timedelta(minutes=minutes)
