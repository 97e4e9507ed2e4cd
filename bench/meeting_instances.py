"""Seeded generator of meeting-scheduling instances shaped like a real fair.

Half the participants are buyers, half sellers (exhibitors); every accepted request joins a
buyer and a seller.  Sellers draw requests by a Zipf-like popularity (a few are wanted by far
more buyers than they have slots — over-subscription, as at real fairs), buyers by a
log-normal activity.  Most people stay both days; some arrive late, some leave early, some
come one day only.  Priorities 1–3 (half are 1), 5 % of the meetings are online (no
table), 2 % of the buyers are hosted buyers kept at their own table (``group_share`` of their
requests become group meetings with a second seller).  The same seed gives the same
instance.

    python bench/meeting_instances.py --participants 2000 --requests 15000 --seed 1 > x.json
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import math
import random
import sys
from typing import Any

FORMAT = "yunzhao-meetings/1"


def generate(
    *,
    participants: int = 2000,
    requests: int = 15000,
    days: int = 2,
    slots_per_day: int = 10,
    tables: int | None = None,
    seed: int = 1,
    zipf: float = 0.3,
    online_share: float = 0.05,
    hosted_share: float = 0.02,
    group_share: float = 0.0,
    buyer_spread: float = 0.3,
) -> dict[str, Any]:
    """An instance as the JSON-ready dict of the file format (docs/meeting-scheduler.md)."""
    rng = random.Random(seed)
    slots = []
    day_slots: list[list[str]] = []
    for d in range(days):
        ids = []
        for k in range(slots_per_day):
            minutes = 9 * 60 + k * 30 + (60 if k >= slots_per_day // 2 else 0)
            sid = f"d{d + 1}-{minutes // 60:02d}{minutes % 60:02d}"
            slots.append(
                {
                    "id": sid,
                    "day": f"day-{d + 1}",
                    "start": f"{minutes // 60:02d}:{minutes % 60:02d}",
                    "end": f"{(minutes + 25) // 60:02d}:{(minutes + 25) % 60:02d}",
                }
            )
            ids.append(sid)
        day_slots.append(ids)

    n_buyers = participants // 2
    n_sellers = participants - n_buyers
    people: list[dict[str, Any]] = []
    for i in range(participants):
        is_buyer = i < n_buyers
        pid = f"b{i + 1}" if is_buyer else f"s{i - n_buyers + 1}"
        entry: dict[str, Any] = {"id": pid}
        roll = rng.random()
        if roll < 0.08:  # arrives late on the first day
            late = rng.randint(1, max(1, slots_per_day // 3))
            entry["available"] = [s for d, ids in enumerate(day_slots) for k, s in enumerate(ids) if d > 0 or k >= late]
        elif roll < 0.16:  # leaves early on the last day
            early = rng.randint(1, max(1, slots_per_day // 3))
            entry["available"] = [
                s
                for d, ids in enumerate(day_slots)
                for k, s in enumerate(ids)
                if d < days - 1 or k < slots_per_day - early
            ]
        elif roll < 0.20 and days > 1:  # one day only
            day = rng.randrange(days)
            entry["available"] = list(day_slots[day])
        if is_buyer and rng.random() < hosted_share:
            entry["hosted"] = True
        people.append(entry)

    # popularity: sellers Zipf-like by a random rank, buyers log-normal
    seller_rank = list(range(n_sellers))
    rng.shuffle(seller_rank)
    seller_weight = [1.0 / (rank + 3) ** zipf for rank in seller_rank]
    buyer_weight = [math.exp(rng.gauss(0.0, buyer_spread)) for _ in range(n_buyers)]
    seller_cum = list(itertools.accumulate(seller_weight))
    buyer_cum = list(itertools.accumulate(buyer_weight))

    pairs: set[tuple[int, int]] = set()
    out_requests: list[dict[str, Any]] = []
    attempts = 0
    while len(out_requests) < requests and attempts < requests * 50:
        attempts += 1
        b = bisect.bisect(buyer_cum, rng.random() * buyer_cum[-1])
        s = bisect.bisect(seller_cum, rng.random() * seller_cum[-1])
        b = min(b, n_buyers - 1)
        s = min(s, n_sellers - 1)
        if (b, s) in pairs:
            continue
        pairs.add((b, s))
        priority = rng.choices((1, 2, 3), weights=(50, 30, 20))[0]
        kind = "online" if rng.random() < online_share else "one_to_one"
        members = [people[b]["id"], people[n_buyers + s]["id"]]
        if group_share and people[b].get("hosted") and rng.random() < group_share:
            extra = min(n_sellers - 1, bisect.bisect(seller_cum, rng.random() * seller_cum[-1]))
            if extra != s and (b, extra) not in pairs:
                pairs.add((b, extra))
                members.append(people[n_buyers + extra]["id"])
                kind = "group"
        out_requests.append(
            {"id": f"r{len(out_requests) + 1}", "participants": members, "priority": priority, "type": kind}
        )

    return {
        "format": FORMAT,
        "name": f"generated fair: {participants} participants, {requests} requests, seed {seed}",
        "slots": slots,
        "tables": None if tables is None else [{"id": f"A{k + 1}"} for k in range(tables)],
        "participants": people,
        "requests": out_requests,
        "locked": [],
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=15000)
    parser.add_argument("--days", type=int, default=2)
    parser.add_argument("--slots-per-day", type=int, default=10)
    parser.add_argument("--tables", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    data = generate(
        participants=args.participants,
        requests=args.requests,
        days=args.days,
        slots_per_day=args.slots_per_day,
        tables=args.tables,
        seed=args.seed,
    )
    json.dump(data, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
