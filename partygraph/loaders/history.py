"""A city's registers over time, for tests and benchmarks: N quarterly registers of one generated
city, each in ``OUT/<date>/``, with the change a street committee sees from one quarter to the next.

Each quarter, a share ``churn`` of the city changes: branches are founded over uncovered units
with three or more full members (their members transfer in), units with one or two join a joint
branch of their building that has room, units close (their members' employer is cleared) and new
ones open, members transfer to another organization or move to another employer, and members out
of contact are found again (a recent contact date). The same seed gives the same bytes.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> dates = generate_history(out, enterprises=300, periods=3, churn=0.05, seed=1)
>>> dates
['2025-12-31', '2026-03-31', '2026-06-30']
>>> sorted(p.name for p in (out / dates[0]).iterdir())[:2]
['areas.csv', 'buildings.csv']
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from ..files import atomic_write, make_folder
from .generate import BASE_DAY, COLUMNS, generate_city

Table = list[dict[str, str]]


def quarter_ends(last: dt.date, periods: int) -> list[dt.date]:
    """The ``periods`` quarter ends up to ``last``, oldest first.

    >>> [d.isoformat() for d in quarter_ends(dt.date(2026, 6, 30), 3)]
    ['2025-12-31', '2026-03-31', '2026-06-30']
    """
    ends = []
    year, quarter = last.year, (last.month - 1) // 3
    for _ in range(periods):
        month = quarter * 3 + 3
        ends.append(dt.date(year, month, 31 if month in (3, 12) else 30))
        year, quarter = (year, quarter - 1) if quarter else (year - 1, 3)
    return ends[::-1]


def generate_history(out: str | Path, enterprises: int = 1000, periods: int = 8, churn: float = 0.05,
                     seed: int = 0) -> list[str]:
    """Write ``periods`` quarterly registers of one city into ``out/<date>/``; returns the dates."""
    out = make_folder(out)
    dates = quarter_ends(BASE_DAY, periods)
    first = out / dates[0].isoformat()
    generate_city(first, enterprises=enterprises, seed=seed, base_day=dates[0])    # no date after its own
    tables = {name: _read(first / f"{name}.csv") for name in COLUMNS}
    rng = random.Random(seed * 7919 + 1)
    for day in dates[1:]:
        _quarter(tables, rng, churn, day)
        _write(out / day.isoformat(), tables)
    return [day.isoformat() for day in dates]


def _read(path: Path) -> Table:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(folder: Path, tables: dict[str, Table]) -> None:
    make_folder(folder)
    for name, columns in COLUMNS.items():
        with atomic_write(folder / f"{name}.csv", newline="") as handle:
            writer = csv.DictWriter(handle, columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(tables[name])


def _quarter(tables: dict[str, Table], rng: random.Random, churn: float, day: dt.date) -> None:
    """One quarter's change, in place."""
    enterprises, organizations, members = tables["enterprises"], tables["organizations"], tables["members"]
    covered = {e for o in organizations for e in o["enterprise_ids"].split(";") if e}
    full = {}
    for m in members:
        if m["employer_id"] and m["status"] == "full":
            full.setdefault(m["employer_id"], []).append(m)
    building = {e["id"]: e["building_id"] for e in enterprises}
    count = max(1, int(len(enterprises) * churn))
    # Branches founded over uncovered units with three or more full members; their members transfer in.
    big = [e for e in enterprises if e["id"] not in covered and len(full.get(e["id"], ())) >= 3]
    for unit in rng.sample(big, min(len(big), max(1, count // 10))):
        oid = f"O-{unit['id']}-{day:%Y%m}"
        organizations.append({**{c: "" for c in COLUMNS["organizations"]}, "id": oid, "name": f"{unit['name']}党支部",
                              "level": "branch", "founded": (day - dt.timedelta(days=rng.randint(1, 80))).isoformat(),
                              "enterprise_ids": unit["id"]})
        for m in full[unit["id"]]:
            m["org_id"], m["mobile"], m["registered_at"], m["participates_org_id"] = oid, "", "", ""
        covered.add(unit["id"])
    # Joint branches grow: a unit with one or two full members joins one of its building's with room.
    joints = {}
    for o in organizations:
        if o["level"] == "joint_branch":
            units = [e for e in o["enterprise_ids"].split(";") if e]
            if units and len(units) < 5:
                joints.setdefault(building.get(units[0], ""), []).append(o)
    small = [e for e in enterprises if e["id"] not in covered and 1 <= len(full.get(e["id"], ())) <= 2
             and joints.get(e["building_id"])]
    for unit in rng.sample(small, min(len(small), max(1, count // 10))):
        joint = joints[unit["building_id"]][0]
        units = joint["enterprise_ids"].split(";")
        if len(units) < 5:
            joint["enterprise_ids"] = ";".join([*units, unit["id"]])
            for m in full[unit["id"]]:
                m["org_id"] = joint["id"]
    # Units close: gone from the register, from the organizations covering them, from their members.
    closing = {e["id"] for e in rng.sample(enterprises, min(len(enterprises), count // 4))}
    tables["enterprises"] = enterprises = [e for e in enterprises if e["id"] not in closing]
    for o in organizations:
        if any(e in closing for e in o["enterprise_ids"].split(";")):
            o["enterprise_ids"] = ";".join(e for e in o["enterprise_ids"].split(";") if e and e not in closing)
    for m in members:
        if m["employer_id"] in closing:
            m["employer_id"], m["works_since"] = "", ""
        if any(e in closing for e in m["guides"].split(";")):
            m["guides"] = ";".join(e for e in m["guides"].split(";") if e and e not in closing)
    # New units open, without an organization.
    for n in range(count // 4):
        source = rng.choice(enterprises)
        enterprises.append({**source, "id": f"{source['id']}-{day:%Y%m}-{n}", "name": f"{source['name']}分公司{n}",
                            "employees": str(rng.randint(3, 60)), "above_scale": "否"})
    # Members transfer to another organization, or move to another employer.
    org_ids = [o["id"] for o in organizations]
    employers = [e["id"] for e in enterprises]
    for m in rng.sample(members, min(len(members), count // 4)):
        if m["org_id"]:
            m["org_id"] = rng.choice(org_ids)
    for m in rng.sample(members, min(len(members), count // 4)):
        m["employer_id"] = rng.choice(employers)
        m["works_since"] = (day - dt.timedelta(days=rng.randint(1, 80))).isoformat()
    # Members out of contact are found again; a share ``churn`` of the others is contacted this quarter.
    for m in members:
        last = dt.date.fromisoformat(m["last_contact"]) if m["last_contact"] else None
        if last and (day - last).days > 183 and rng.random() < 0.2:
            m["last_contact"] = (day - dt.timedelta(days=rng.randint(1, 60))).isoformat()
        elif last and (day - last).days <= 183 and rng.random() < churn:
            m["last_contact"] = (day - dt.timedelta(days=rng.randint(1, 90))).isoformat()
