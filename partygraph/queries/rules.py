"""The rules that turn a gap into an action, cited by document and article."""

from __future__ import annotations

FOUND_BRANCH = "《中国共产党章程》第三十条; 《中国共产党支部工作条例(试行)》第四条: 正式党员三人以上的单位应当成立党支部"
JOINT_BRANCH = "《中国共产党支部工作条例(试行)》第五条: 正式党员不足三人的单位可与邻近单位成立联合党支部"
SEND_INSTRUCTOR = "中办发〔2012〕11号: 暂不具备条件的非公有制企业通过选派党建指导员等实现党的工作覆盖"
ISOLATED_MOBILE = "《中国共产党党员教育管理工作条例》第二十五条、第三十二条: 流动党员由流入地党组织纳入管理, 参加组织生活"
LOST_CONTACT = "《中国共产党党员教育管理工作条例》第二十四条: 失去联系六个月以上的党员按规定处置"
JOINT_OVER_FIVE = "《中国共产党支部工作条例(试行)》第五条: 联合党支部覆盖单位一般不超过5个"
BRANCH_OVER_50 = ("《中国共产党支部工作条例(试行)》第四条: 党支部党员人数一般不超过50人; "
                  "《党和国家机关基层组织工作条例》第五、六条: 50至100人设党总支, 100人以上设基层党委")
NO_SECRETARY = "《中国共产党支部工作条例(试行)》第二十条: 党支部设书记"
NO_SUPERIOR = "《中国共产党章程》第三十条: 基层组织隶属于上级党组织"
CYCLE = "隶属关系不能成环"
MEMBER_NOWHERE = "《中国共产党党员教育管理工作条例》第二十五条: 每名党员都应编入党的一个支部"
PAIRING = "结对共建: 一个组织不能与自己结对, 同一对只应登记一次"
UNPAIRED = "结对共建(机关、社区党组织与两新组织党组织)"
TRANSFER = ("《中国共产党党员教育管理工作条例》第二十五条: 有固定工作单位并且单位已经建立党组织的党员, 一般编入其所在单位"
            "党组织; 工作单位发生变动的, 应当转移组织关系")
TERM_EXPIRED = ("《中国共产党章程》第三十一条; 中办《关于党的基层组织任期的意见》(2018): 基层委员会每届任期一般5年, "
                "总支部委员会、支部委员会一般3年, 村和社区5年; 任期届满应按期换届, 延期须报上级党的委员会批准, 一般不超过1年")
TERM_DUE = ("中办《关于党的基层组织任期的意见》(2018); 《中国共产党支部工作条例(试行)》第二十一条: "
            "任期即将届满, 应按期进行换届选举")
COMMITTEE_MISSING = "《中国共产党支部工作条例(试行)》第六章: 有正式党员7人以上的党支部, 应当设立党支部委员会"

#: Between the rules of a row that cites more than one.
SEPARATOR = " | "

#: Thresholds (full members) that decide an uncovered enterprise's action.
FOUND_BRANCH_AT = 3
JOINT_BRANCH_MAX_UNITS = 5
BRANCH_MAX_MEMBERS = 50
LOST_AFTER_MONTHS = 6
#: Default terms of office (换届) in years by level, verified against 党章第三十一条 and 中办《关于党的基层组织
#: 任期的意见》(2018); working committees (党工委) and temporary branches are not elected and have none.
TERM_YEARS = {"committee": 5, "general_branch": 3, "branch": 3, "joint_branch": 3}
#: 村和社区党的委员会、总支部委员会、支部委员会每届任期为5年 (the same 意见);支部工作条例第二十一条.
COMMUNITY_TERM_YEARS = 5
#: A term ending this many days after the analysis date is due (the 90 days of a quarterly check).
TERM_DUE_DAYS = 90
#: Full members from which a branch sets up a committee (支部工作条例 第六章).
COMMITTEE_AT = 7
#: Levels at which an organization without a superior is the top of its tree, not a gap.
TOP_LEVELS = ("committee", "working_committee")
#: Kinds of enterprise whose organizations are expected to have a co-construction partner.
TWO_NEW_KINDS = ("non_public", "social_org")
