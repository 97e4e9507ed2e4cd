import datetime as dt
import itertools

import pytest

from yunzhao.demo.histories import moment, stage_walk
from yunzhao.pipeline.models import MAIN_LINE, Stage


@pytest.mark.parametrize("stage", list(Stage))
def test_walk_starts_at_lead_ends_at_the_stage_and_goes_back_in_time(stage):
    moves = stage_walk(f"示范项目-{stage}", stage)
    assert (moves[0].from_stage, moves[0].to_stage, moves[-1].to_stage) == ("", Stage.LEAD, stage)
    assert all(a.to_stage == b.from_stage for a, b in itertools.pairwise(moves))
    days = [m.days_before_anchor for m in moves]
    assert days == sorted(days, reverse=True)
    assert days[-1] >= 3
    main = [m.to_stage for m in moves if m.to_stage in MAIN_LINE]
    assert main == sorted(main, key=MAIN_LINE.index)


@pytest.mark.parametrize("stage", [Stage.ON_HOLD, Stage.LOST])
def test_side_exits_carry_a_reason(stage):
    assert stage_walk("示范项目-暂缓", stage)[-1].reason


def test_walk_and_moment_are_the_same_on_every_run():
    assert stage_walk("恩力动力固态电池项目", Stage.PRODUCTION) == stage_walk("恩力动力固态电池项目", Stage.PRODUCTION)
    anchor = dt.datetime(2026, 11, 24, 15, 30, tzinfo=dt.UTC)
    first = moment(anchor, 10, "恩力", 2)
    assert first == moment(anchor, 10, "恩力", 2)
    assert first.date() == dt.date(2026, 11, 14)
    assert 9 <= first.hour < 17
