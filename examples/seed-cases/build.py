"""Builds the seed-case dataset (the CSV files beside this script) from the five articles.

Run ``python examples/seed-cases/build.py`` after changing it; the CSVs are committed. Every
name or figure an article gives is written here literally beside its seed; everything else is
invented (names with "（虚构）" or a numbered placeholder) and listed in README.md. The invented
parts are drawn from a fixed random seed, so the files come out the same each time.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from partygraph.loaders.spec import FILES, header  # noqa: E402  (the checkout's package)

COLUMNS = {name: header(name, leave_out=("credit_code", "identity_number")) for name in FILES}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉婷宇浩凯佳晨欣悦琳然"


class Dataset:
    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = {name: [] for name in COLUMNS}
        self.rng = random.Random(20131620)
        self.member_seq = 0

    def add(self, table: str, **row: object) -> str:
        self.rows[table].append(row)
        return str(row.get("id", ""))

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.randint(1, 2)))

    def member(self, org: str | None, employer: str | None = None, name: str | None = None, **extra: object) -> str:
        self.member_seq += 1
        year = self.rng.randint(1995, 2016)
        row = dict(id=f"M{self.member_seq:04d}", name=name or f"{self.person()}（虚构）", status="full",
                   org_id=org or "", employer_id=employer or "", mobile="否",
                   joined=f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}",
                   last_contact=f"2026-{self.rng.randint(6, 10):02d}-{self.rng.randint(1, 28):02d}")
        row.update(extra)
        return self.add("members", **row)

    def members(self, count: int, org: str | None, employers: list[str] | None = None, **extra: object) -> list[str]:
        return [self.member(org, employers[i % len(employers)] if employers else None, **extra) for i in range(count)]

    def write(self) -> None:
        for name, columns in COLUMNS.items():
            with open(HERE / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, columns, lineterminator="\n")
                writer.writeheader()
                for row in self.rows[name]:
                    writer.writerow({c: row.get(c, "") for c in columns})


def yongkang(d: Dataset) -> None:
    """Seed 000: 永康 总部中心 — committee founded 2013-06-20, 293 members, 18 branches."""
    d.add("areas", id="YK", name="永康市", kind="city")
    d.add("areas", id="YK-HQ", name="永康总部中心", kind="business_district", parent_id="YK")
    buildings = [("YK-B1", "金典大厦"), ("YK-B2", "三期总部大楼"), ("YK-B3", "总部中心一期A幢（虚构）"),
                 ("YK-B4", "总部中心一期B幢（虚构）")]
    for bid, name in buildings:
        d.add("buildings", id=bid, name=name, area_id="YK-HQ")
    named = [("YK-E1", "宏伟公司", "YK-B3", 120), ("YK-E2", "合行金城", "YK-B1", 90),
             ("YK-E3", "四方进出口", "YK-B1", 80), ("YK-E4", "房屋开发公司", "YK-B3", 150),
             ("YK-E5", "新华建设", "YK-B4", 200), ("YK-E6", "佳信税务师事务所", "YK-B1", 40)]
    for eid, name, bid, staff in named:
        d.add("enterprises", id=eid, name=name, kind="non_public", building_id=bid, employees=staff)
    invented = [f"YK-E{i}" for i in range(7, 19)]
    for i, eid in enumerate(invented):
        d.add("enterprises", id=eid, name=f"总部中心入驻企业{i + 1:02d}（虚构）", kind="non_public",
              building_id=buildings[i % 4][0] if i % 4 != 1 else "YK-B1", employees=d.rng.randint(30, 300))
    # 196 enterprises in the third-phase tower (seed 000); their names are invented.
    tower = [f"YK-T{i:03d}" for i in range(1, 197)]
    for i, eid in enumerate(tower):
        d.add("enterprises", id=eid, name=f"三期总部大楼入驻企业{i + 1:03d}（虚构）", kind="non_public",
              building_id="YK-B2", employees=int(d.rng.paretovariate(1.3) * 8))
    # 2013-06-20: 第一次代表大会 elected 第一届委员会 (the article's only election date; no later one is given).
    d.add("organizations", id="YK-C", name="中共永康总部中心委员会", level="committee", founded="2013-06-20",
          elected="2013-06-20", based_in="YK-HQ")
    for bid, name in buildings:
        d.add("organizations", id=f"{bid}-GB", name=f"{name}党总支", level="general_branch", parent_id="YK-C",
              based_in=bid)
    # The 18 branches: six named in seed 000 (佳信 directly under the committee), twelve invented.
    branch_names = ["总部办机关党支部", "合行金城党支部", "四方进出口党支部", "房屋开发公司党支部", "新华建设党支部",
                    "佳信税务师事务所党支部"] + [f"总部中心入驻企业{i + 1:02d}党支部（虚构）" for i in range(12)]
    enterprises = [None, "YK-E2", "YK-E3", "YK-E4", "YK-E5", "YK-E6"] + invented
    building_of = {eid: bid for eid, _, bid, _ in named}
    building_of.update({eid: r["building_id"] for r in d.rows["enterprises"] for eid in [r["id"]]})
    branches = []
    for i, (name, eid) in enumerate(zip(branch_names, enterprises)):
        oid = f"YK-O{i + 1:02d}"
        parent = "YK-C" if eid in (None, "YK-E6") else f"{building_of[eid]}-GB"
        d.add("organizations", id=oid, name=name, level="branch", parent_id=parent, enterprise_ids=eid or "",
              founded="2013-07-26" if i == 0 else "")
        branches.append((oid, eid))
    # 292 members in the branches plus 阮晓, who takes part without transferring: 293 (seed 000).
    d.member("YK-O01", None, name="应军", secretary_of="YK-C")
    d.member("YK-O01", None, name="吕英强")
    d.member("YK-O06", "YK-E6", name="于旭红", secretary_of="YK-O06")
    counts = [17] + [16] * 17          # 289 + 应军, 吕英强, 于旭红 = 292 with MEMBER_OF
    for (oid, eid), count in zip(branches, counts):
        d.members(count, oid, [eid] if eid else None)
    d.member(None, "YK-E1", name="阮晓", mobile="是", participates_org_id="YK-C",
             registered_at="四川阆中 某大学（组织关系留在学校）", joined="2009-05-04")


def futian(d: Dataset) -> None:
    """Seed 001: 深圳 福田 国际创新中心 — 8 office buildings under one centre committee."""
    d.add("areas", id="SZ", name="深圳市", kind="city")
    d.add("areas", id="SZ-FT", name="福田区", kind="district", parent_id="SZ")
    d.add("areas", id="SZ-GC", name="深圳国际创新中心", kind="business_district", parent_id="SZ-FT")
    d.add("organizations", id="GC-C", name="深圳国际创新中心党委", level="committee", based_in="SZ-GC")
    for b in range(1, 9):
        bid = f"GC-B{b}"
        d.add("buildings", id=bid, name=f"国创中心{b}栋（虚构）", area_id="SZ-GC", address="深圳市福田区深南大道1006号")
        ents = [f"GC-E{b}{i}" for i in range(1, 6)]
        for i, eid in enumerate(ents):
            d.add("enterprises", id=eid, name=f"国创中心{b}栋企业{i + 1}（虚构）", kind="non_public", building_id=bid,
                  employees=d.rng.randint(20, 400), above_scale="是" if i == 0 else "否")
        oid = f"GC-O{b}"
        d.add("organizations", id=oid, name=f"国创中心{b}栋联合党支部（虚构）", level="joint_branch", parent_id="GC-C",
              enterprise_ids=";".join(ents[:3]), based_in=bid)
        d.members(6, oid, ents[:3])


def tongliao(d: Dataset) -> None:
    """Seed 002: 通辽经济技术开发区 — 一区两园三部四街, 117 non-establishment organizations,
    61 instructors, a street branch over 37 shops, formation rate 84.8%."""
    d.add("areas", id="TL", name="通辽经济技术开发区", kind="district")
    parks = [("TL-P1", "新型工业园区"), ("TL-P2", "综合物流园区")]
    for aid, name in parks:
        d.add("areas", id=aid, name=name, kind="park", parent_id="TL")
    streets = [f"TL-S{i}" for i in range(1, 5)]
    for i, aid in enumerate(streets):
        d.add("areas", id=aid, name=f"开发区第{'一二三四'[i]}街道（虚构）", kind="street", parent_id="TL")
    d.add("areas", id="TL-NDM", name="那达慕风情园商业街", kind="commercial_area", parent_id="TL-S1")
    d.add("organizations", id="TL-W", name="通辽经济技术开发区党工委", level="working_committee", based_in="TL")
    # The 61 instructors are 机关干部; two office branches hold them (one would exceed 50 members).
    d.add("organizations", id="TL-J", name="开发区机关第一党支部（虚构）", level="branch", parent_id="TL-W")
    d.add("organizations", id="TL-J2", name="开发区机关第二党支部（虚构）", level="branch", parent_id="TL-W")
    d.add("organizations", id="TL-LW", name="非建制联合党工委", level="working_committee", parent_id="TL-W",
          establishment="否")
    for aid, name in parks:
        d.add("organizations", id=f"{aid}-C", name=f"{name}党委", level="committee", parent_id="TL-W", based_in=aid)
    for aid in streets:
        d.add("organizations", id=f"{aid}-W", name=f"{aid[-1]}号街道区域党工委（虚构）", level="working_committee",
              parent_id="TL-W", based_in=aid)
    # Three sector departments: 工商联, 民政, 工商 (seed 002); 工商联 set up its organization at once.
    d.add("enterprises", id="TL-GSL", name="通辽经济技术开发区工商联", kind="social_org", area_id="TL", employees=12)
    d.add("organizations", id="TL-GSL-O", name="工商联党组织", level="branch", parent_id="TL-W", enterprise_ids="TL-GSL")
    d.members(5, "TL-GSL-O", ["TL-GSL"])

    # The street branch over 37 shops: 6 establishment + 31 non-establishment organizations (one a shop)
    # and 3 special organizations (seed 002).
    d.add("buildings", id="TL-NDM-B", name="那达慕风情园商业街（街区）", area_id="TL-NDM")
    d.add("organizations", id="TL-NDM-O", name="那达慕风情园街区党支部", level="branch", parent_id="TL-S1-W",
          based_in="TL-NDM")
    d.member("TL-NDM-O", None, name="姚波", secretary_of="TL-NDM-O")
    for i in range(1, 38):
        eid = f"TL-SHOP{i:02d}"
        d.add("enterprises", id=eid, name=f"蒙元文化特色商铺{i:02d}（虚构）", kind="individual", building_id="TL-NDM-B",
              employees=d.rng.randint(2, 15))
        d.add("organizations", id=f"{eid}-O", name=f"蒙元文化特色商铺{i:02d}党小组（虚构）",
              level="branch", parent_id="TL-NDM-O", establishment="是" if i <= 6 else "否", enterprise_ids=eid)
        d.members(1 if i > 6 else 3, f"{eid}-O", [eid])
    for i in range(1, 4):
        d.add("organizations", id=f"TL-NDM-X{i}", name=f"那达慕风情园特色党组织{i}（虚构）", level="branch",
              parent_id="TL-NDM-O", establishment="否")

    # A branch per construction project (支部建在项目上), with 张岳 and secretary 王希友.
    d.add("buildings", id="TL-KEQ", name="那达慕风情园科尔沁马城项目工地", area_id="TL-NDM")
    d.add("enterprises", id="TL-ZT16", name="中铁十六局集团城发二分公司", kind="state_owned", building_id="TL-KEQ",
          employees=300, above_scale="是")
    d.add("organizations", id="TL-ZT16-O", name="中铁十六局集团城发二分公司党支部", level="temporary_branch",
          parent_id="TL-W", enterprise_ids="TL-ZT16")
    d.member("TL-ZT16-O", "TL-ZT16", name="王希友", secretary_of="TL-ZT16-O")
    d.member("TL-ZT16-O", "TL-ZT16", name="张岳", joined="2017-04-01")
    d.members(6, "TL-ZT16-O", ["TL-ZT16"])

    # Associations and the joint branch of the 双创 base and 通辽创客中心 (seed 002).
    d.add("buildings", id="TL-SC", name="双创基地（通辽创客中心）", area_id="TL-P1")
    for eid, name in [("TL-A1", "雷锋出租车协会"), ("TL-A2", "园林花卉协会"), ("TL-A3", "快递业协会"), ("TL-A4", "外卖业协会")]:
        d.add("enterprises", id=eid, name=name, kind="social_org", area_id="TL", employees=d.rng.randint(5, 40))
        d.add("organizations", id=f"{eid}-O", name=f"{name}党支部", level="branch", parent_id="TL-LW",
              establishment="否", enterprise_ids=eid)
        d.members(3, f"{eid}-O", [eid])
    d.add("enterprises", id="TL-CK", name="通辽创客中心", kind="social_org", building_id="TL-SC", employees=20)
    teams = [f"TL-CK{i}" for i in range(1, 5)]
    for i, eid in enumerate(teams):
        d.add("enterprises", id=eid, name=f"创业团队{i + 1}（虚构）", kind="non_public", building_id="TL-SC", employees=6)
    d.add("organizations", id="TL-CK-O", name="双创基地联合党支部", level="joint_branch", parent_id="TL-P1-C",
          enterprise_ids=";".join(["TL-CK", *teams]), based_in="TL-SC")
    d.members(2, "TL-CK-O", ["TL-CK", *teams])

    # 117 non-establishment organizations in all (31 above, 3 special, 4 associations, the united
    # working committee): 78 more in headquarters buildings and social groups, invented.
    d.add("buildings", id="TL-HQB", name="开发区总部楼宇（虚构）", area_id="TL-P2")
    for i in range(1, 79):
        d.add("organizations", id=f"TL-N{i:02d}", name=f"非建制性党组织{i:02d}（虚构）", level="branch",
              parent_id="TL-LW", establishment="否", based_in="TL-HQB" if i <= 10 else "")

    # Enterprises and social organizations that have the conditions (≥ 3 full members): 120
    # non-public ones (101 with an organization of their own) and the 5 social organizations above
    # (all organized): formation rate 106/125 = 84.8% (seed 002). The 61 instructors (机关干部)
    # guide the enterprises without an organization. 四上 enterprises: 120 + 中铁十六局 + 1 = 122.
    guided = []
    for i in range(120):
        eid = f"TL-E{i + 1:03d}"
        park = parks[i % 2][0]
        d.add("enterprises", id=eid, name=f"园区非公企业{i + 1:03d}（虚构）", kind="non_public",
              employees=d.rng.randint(30, 900), above_scale="是",
              building_id="TL-HQB" if park == "TL-P2" and i % 5 == 0 else "",
              area_id="" if park == "TL-P2" and i % 5 == 0 else park)
        if i < 101:
            oid = f"{eid}-O"
            d.add("organizations", id=oid, name=f"园区非公企业{i + 1:03d}党支部（虚构）", level="branch",
                  parent_id=f"{park}-C", enterprise_ids=eid)
            d.members(3 + i % 4, oid, [eid])
        else:
            d.members(3, None, [eid], registered_at="开发区以外原单位（虚构）")
            guided.append(eid)
    for i in range(12):
        eid = f"TL-F{i + 1:02d}"
        d.add("enterprises", id=eid, name=f"园区小微企业{i + 1:02d}（虚构）", kind="non_public", area_id=parks[i % 2][0],
              employees=d.rng.randint(3, 25) if i else 160, above_scale="否" if i else "是")
        guided.append(eid)
    for i in range(61):
        d.member("TL-J" if i % 2 else "TL-J2", None, guides=guided[i % len(guided)])


def jinfeng(d: Dataset) -> None:
    """Seed 003: 银川 金凤区 — 24 joint branches, 悦海新天地, 逸馨苑 with 17 enterprises,
    阅海湾 CBD (150 enterprises, 5 own branches, 1 joint branch, 80 members, 50% / 100%), 宝湖社区."""
    d.add("areas", id="YC", name="银川市", kind="city")
    d.add("areas", id="YC-JF", name="金凤区", kind="district", parent_id="YC")
    d.add("areas", id="YC-SHX", name="上海西路街道", kind="street", parent_id="YC-JF")
    d.add("areas", id="YC-CCZ", name="长城中路街道", kind="street", parent_id="YC-JF")
    d.add("areas", id="YC-YH", name="悦海新天地", kind="commercial_area", parent_id="YC-SHX")
    d.add("areas", id="YC-WD", name="万达商圈", kind="commercial_area", parent_id="YC-SHX")
    d.add("areas", id="YC-YXY", name="逸馨苑社区", kind="community", parent_id="YC-SHX")
    d.add("areas", id="YC-CBD", name="阅海湾中央商务区", kind="business_district", parent_id="YC-JF")
    d.add("areas", id="YC-BH", name="宝湖社区", kind="community", parent_id="YC-CCZ")
    d.add("organizations", id="JF-W", name="金凤区非公企业党工委（虚构）", level="working_committee", based_in="YC-JF")
    d.add("organizations", id="SHX-W", name="上海西路街道党工委", level="working_committee", parent_id="JF-W",
          based_in="YC-SHX")
    d.member("SHX-W", None, name="童伟华", secretary_of="SHX-W")

    # 悦海新天地: 7 buildings, 162 enterprises (160余家), 106 members; 联合党委 over the complex,
    # a joint branch per building, branches in larger enterprises.
    d.add("organizations", id="YH-C", name="悦海新天地楼宇联合党委", level="committee", parent_id="SHX-W",
          based_in="YC-YH")
    yh_members = 0
    for b in range(1, 8):
        bid = f"YH-B{b}"
        d.add("buildings", id=bid, name=f"悦海新天地{b}号楼", area_id="YC-YH")
        ents = [f"YH-E{b}{i:02d}" for i in range(1, 24 if b <= 1 else 24)]
        ents = ents[: 24 if b == 1 else 23]
        for i, eid in enumerate(ents):
            d.add("enterprises", id=eid, name=f"悦海新天地{b}号楼企业{i + 1:02d}（虚构）", kind="non_public",
                  building_id=bid, employees=d.rng.randint(5, 120))
        oid = f"YH-J{b}"
        d.add("organizations", id=oid, name=f"悦海新天地{b}号楼联合党支部", level="joint_branch", parent_id="YH-C",
              enterprise_ids=";".join(ents[1:5]), based_in=bid)
        d.add("organizations", id=f"{oid}-B", name=f"悦海新天地{b}号楼企业01党支部（虚构）", level="branch",
              parent_id="YH-C", enterprise_ids=ents[0])
        d.members(5, f"{oid}-B", [ents[0]])
        d.members(8, oid, ents[1:5])
        yh_members += 13
    # 106 members (seed 003): 91 above, 15 more in uncovered enterprises or isolated mobile.
    d.members(2, None, ["YH-E110"], registered_at="宁夏固原 原单位（虚构）", mobile="是")
    d.members(3, None, ["YH-E210"], registered_at="甘肃 原籍村党支部（虚构）", mobile="是",
              participates_org_id="YH-J2")
    d.members(10, "YH-C", ["YH-E310", "YH-E311"])

    # 逸馨苑社区党总支 linked with 17 non-public enterprises and social organizations (seed 003).
    d.add("organizations", id="YXY-GB", name="逸馨苑社区党总支", level="general_branch", parent_id="SHX-W",
          based_in="YC-YXY")
    d.member("YXY-GB", None, name="王秋香", secretary_of="YXY-GB")
    d.members(20, "YXY-GB")
    d.add("buildings", id="WD-B1", name="万达金街", area_id="YC-WD")
    partners = [("XH", "宁夏星浩建设集团", "non_public"), ("WDBH", "银川万达百货有限公司", "non_public"),
                ("WDYC", "银川金凤万达影城有限公司", "non_public"), ("YHLN", "阅海老年服务中心", "social_org"),
                ("TPY", "太平洋保险", "non_public")]
    partners += [(f"YXY{i:02d}", f"逸馨苑联建企业{i:02d}（虚构）", "non_public") for i in range(6, 18)]
    for code, name, kind in partners:
        eid = f"YXY-E-{code}"
        in_wanda = code.startswith(("WD", "YXY"))
        d.add("enterprises", id=eid, name=name, kind=kind, building_id="WD-B1" if in_wanda else "",
              area_id="" if in_wanda else "YC-SHX",
              employees=d.rng.randint(20, 500))
        oid = f"{eid}-O"
        d.add("organizations", id=oid, name=f"{name}党支部", level="branch", parent_id="SHX-W", enterprise_ids=eid)
        d.members(3, oid, [eid])
        d.add("pairings", org_a="YXY-GB", org_b=oid, kind="五联五共", since="2017-05-10" if code == "XH" else "")
    d.add("enterprises", id="YC-TLH", name="唐徕回中西校区", kind="public_institution", area_id="YC-JF", employees=200)
    d.add("organizations", id="YC-TLH-O", name="唐徕回中西校区党支部", level="branch", enterprise_ids="YC-TLH")
    d.members(12, "YC-TLH-O", ["YC-TLH"])
    d.add("organizations", id="WD-J", name="万达商圈联合党支部", level="joint_branch", parent_id="SHX-W",
          based_in="WD-B1")
    d.members(4, "WD-J")

    # 阅海湾 CBD: 150 enterprises; 10 organizations: the working committee, the service centre's
    # office branch, 5 own branches, 1 joint branch (CBD金融中心), the network e-branch and a
    # branch for mobile members. 80 members in 20 enterprises. With the base "enterprises with
    # members", 10 of 20 are organizationally covered (50%); the building organization and
    # instructors reach all 150 (工作覆盖率 100%).
    d.add("organizations", id="CBD-W", name="阅海湾中央商务区党工委", level="working_committee", parent_id="JF-W",
          based_in="YC-CBD")
    d.add("organizations", id="CBD-J", name="阅海湾中央商务区服务中心机关党支部", level="branch", parent_id="CBD-W")
    d.add("organizations", id="CBD-NET", name="网络e支部", level="branch", parent_id="CBD-W", establishment="否")
    d.add("organizations", id="CBD-MOB", name="阅海湾CBD流动党员党支部（虚构）", level="branch", parent_id="CBD-W",
          establishment="否")
    d.add("buildings", id="CBD-FIN", name="CBD金融中心", area_id="YC-CBD")
    other_buildings = [f"CBD-B{i}" for i in range(1, 5)]
    for i, bid in enumerate(other_buildings):
        d.add("buildings", id=bid, name=f"阅海湾CBD商务楼{i + 1}号（虚构）", area_id="YC-CBD")
    ents = [f"CBD-E{i:03d}" for i in range(1, 151)]
    for i, eid in enumerate(ents):
        bid = "CBD-FIN" if i < 40 else other_buildings[i % 4]
        d.add("enterprises", id=eid, name=f"阅海湾CBD企业{i + 1:03d}（虚构）", kind="non_public", building_id=bid,
              employees=max(3, int(d.rng.paretovariate(1.2) * 10)))
    # Own branches in 5 enterprises outside the finance centre, joint branch over 5 in it.
    own = ents[40:45]
    for i, eid in enumerate(own):
        d.add("organizations", id=f"{eid}-O", name=f"阅海湾CBD企业{41 + i:03d}党支部（虚构）", level="branch",
              parent_id="CBD-W", enterprise_ids=eid)
    d.add("organizations", id="CBD-FIN-J", name="CBD金融中心联合党支部", level="joint_branch", parent_id="CBD-W",
          enterprise_ids=";".join(ents[:5]), based_in="CBD-FIN")
    placed = 0
    for eid in own:
        d.members(6, f"{eid}-O", [eid])
        placed += 6
    d.members(10, "CBD-FIN-J", ents[:5])
    placed += 10
    # Ten enterprises with members and no organization of their own: 4, 2, 1 ... full members.
    uncovered = [ents[5], ents[6], ents[7], ents[45], ents[46], ents[47], ents[48], ents[49], ents[50], ents[51]]
    sizes = [4, 3, 2, 2, 1, 1, 4, 3, 2, 2]
    for eid, size in zip(uncovered, sizes):
        d.members(size, "CBD-MOB", [eid])
        placed += size
    d.members(3, None, [ents[6]], registered_at="陕西 原单位（虚构）", mobile="是", participates_org_id="CBD-NET")
    d.members(3, None, [ents[45]], registered_at="内蒙古 原单位（虚构）", mobile="是", last_contact="2025-11-01")
    instructors = [e for e in ents[40:] if e not in own]
    for i in range(10):
        d.member("CBD-J", None, guides=";".join(instructors[i * 11:(i + 1) * 11]))

    # 24 joint branches in 金凤区 (seed 003): 7 in 悦海新天地, CBD金融中心, 万达商圈, 福里街区, and 14 more.
    d.add("organizations", id="JF-FL", name="福里街区联合党支部", level="joint_branch", parent_id="JF-W")
    for i in range(1, 15):
        d.add("organizations", id=f"JF-J{i:02d}", name=f"金凤区联合非公企业党支部{i:02d}（虚构）", level="joint_branch",
              parent_id="JF-W")

    # 宝湖社区: a branch of 110 members in 3 party groups (over the branch cap of 50), 吴平.
    d.add("organizations", id="BH-O", name="宝湖社区党支部", level="branch", parent_id="JF-W", based_in="YC-BH",
          founded="2012-01-01")
    d.member("BH-O", None, name="吴平")
    d.members(109, "BH-O")
    d.add("enterprises", id="BH-E1", name="宁味楼餐饮", kind="non_public", area_id="YC-BH", employees=30)
    d.add("enterprises", id="BH-E2", name="银帝物业", kind="non_public", area_id="YC-BH", employees=60)


def nanwan(d: Dataset) -> None:
    """Seed 004: 深圳 龙岗 南湾街道 — government branches paired with non-public enterprises'
    branches; 金积嘉电子 (2000+ employees, 8 members); the jewellery park's activity centre."""
    d.add("areas", id="SZ-LG", name="龙岗区", kind="district", parent_id="SZ")
    d.add("areas", id="NW", name="南湾街道", kind="street", parent_id="SZ-LG")
    d.add("areas", id="NW-LL", name="李朗社区", kind="community", parent_id="NW")
    d.add("areas", id="NW-BF", name="宝福李朗珠宝文化产业园", kind="park", parent_id="NW")
    d.add("buildings", id="NW-BF-C", name="宝福李朗珠宝文化产业园党群活动中心", area_id="NW-BF", address="南湾街道布澜路")
    d.add("buildings", id="NW-JJJ-P", name="金积嘉电子园区", area_id="NW-LL")
    d.add("organizations", id="NW-W", name="南湾街道党工委", level="working_committee", based_in="NW")
    d.member("NW-J", None, name="李健如", secretary_of="NW-W")
    d.member("NW-J", None, name="杨炳华")
    d.add("organizations", id="NW-J", name="南湾街道机关党支部（虚构）", level="branch", parent_id="NW-W")
    d.members(14, "NW-J")
    d.add("enterprises", id="NW-JJJ", name="金积嘉电子工业有限公司", kind="non_public", building_id="NW-JJJ-P",
          employees=2000, above_scale="是")
    d.add("organizations", id="NW-JJJ-O", name="金积嘉电子工业有限公司党支部", level="branch", parent_id="NW-W",
          enterprise_ids="NW-JJJ", founded="")
    d.members(8, "NW-JJJ-O", ["NW-JJJ"])
    d.add("enterprises", id="NW-BF-E", name="宝福珠宝首饰有限公司", kind="non_public", building_id="NW-BF-C",
          employees=1000, above_scale="是")
    d.add("organizations", id="NW-BF-O", name="宝福珠宝首饰有限公司党支部", level="branch", parent_id="NW-W",
          enterprise_ids="NW-BF-E", based_in="NW-BF-C")
    d.members(12, "NW-BF-O", ["NW-BF-E"])
    pairs = [("NW-J", "NW-JJJ-O"), ("NW-J", "NW-BF-O")]
    for i in range(1, 4):
        unit = f"NW-U{i}"
        d.add("organizations", id=unit, name=f"南湾街道驻街单位{i}党支部（虚构）", level="branch", parent_id="NW-W")
        d.members(7, unit)
        eid = f"NW-E{i}"
        d.add("enterprises", id=eid, name=f"南湾街道两新企业{i}（虚构）", kind="non_public", area_id="NW",
              employees=d.rng.randint(80, 400))
        d.add("organizations", id=f"{eid}-O", name=f"南湾街道两新企业{i}党支部（虚构）", level="branch", parent_id="NW-W",
              enterprise_ids=eid)
        d.members(3, f"{eid}-O", [eid])
        pairs.append((unit, f"{eid}-O"))
    for a, b in pairs:
        d.add("pairings", org_a=a, org_b=b, kind="结对共建", since="2009-07-06")


def main() -> None:
    d = Dataset()
    for place in (yongkang, futian, tongliao, jinfeng, nanwan):
        place(d)
    d.write()
    # The same data kept as an office keeps its register (title rows, names as references, √ ...).
    from partygraph.loaders.office import office_copy

    here = Path(__file__).resolve().parent
    office_copy(here, here / "台账.xlsx")


if __name__ == "__main__":
    main()
