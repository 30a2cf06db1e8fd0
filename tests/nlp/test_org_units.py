"""Sub-units, departments and bureaus of organisations (kg_organisations), on real
sentences of the dev set, negatives included."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

# A sub-unit head right after a body names a sub-unit of the body's type; the body
# itself stays an entity of its own.
SUB_UNITS = [
    ("重庆市总工会经审会主任王平告诉记者。", T.UNION, "重庆市总工会经审会"),
    ("重庆市总工会经审会主任王平告诉记者。", T.UNION, "重庆市总工会"),
    ("瑶海区总工会组宣部部长胡翼飞到会。", T.UNION, "瑶海区总工会组宣部"),
    ("鞍钢股份炼焦总厂五炼焦作业区作业长张允东。", T.ENTERPRISE, "鞍钢股份炼焦总厂五炼焦作业区"),
    ("鞍钢股份炼焦总厂五炼焦作业区作业长张允东获奖。", T.ENTERPRISE, "鞍钢股份"),
    (
        "伊春市上甘岭林业局溪水森林经营所森林资源管护中队队长甄长龙获奖。",
        T.ENTERPRISE,
        "伊春市上甘岭林业局溪水森林经营所森林资源管护中队",
    ),
    ("大兴安岭新林林业局新林林场技术员宋士宝。", T.ENTERPRISE, "大兴安岭新林林业局新林林场"),
    ("福州农商银行城门支行工会驿站获评全国最美工会驿站。", T.ENTERPRISE, "福州农商银行城门支行"),
    ("县人大常委会副主任、县总工会主席张国出席。", T.GOVERNMENT_BODY, "县人大常委会"),
]
# growth stopped by a word jieba tags as a verb right after the body's name: the word
# belongs to the unit's name (开关 in 开关技术研究室)
SUB_UNITS += [
    (
        "国网邯郸供电公司王彦军2名职工获全国五一劳动奖章,国网河北电科院开关技术研究室被授予全国工人先锋号称号。",
        T.ORGANIZATION,
        "国网河北电科院开关技术研究室",
    ),
]
# a unit written only between its body and the unit a name is for is no entity (d15's
# gold has 鞍钢股份炼焦总厂五炼焦作业区 and 鞍钢股份, not the plant or the centre); a unit
# whose union is named (…拉萨办事处工会) or one written on its own stays
INNER_UNITS = [
    ("鞍钢股份炼焦总厂五炼焦作业区作业长张允东获奖。", "鞍钢股份炼焦总厂", False),
    (
        "鞍钢股份能源管控中心发电分厂汽机作业区电动鼓风机班班长刘加纯,鞍钢股份炼铁总厂1号高炉"
        "炉长获奖。",
        "鞍钢股份能源管控中心发电分厂",
        False,
    ),
    (
        "鞍钢股份能源管控中心发电分厂汽机作业区电动鼓风机班班长刘加纯,鞍钢股份炼铁总厂1号高炉"
        "炉长获奖。",
        "鞍钢股份炼铁总厂",
        True,
    ),
    (
        "中国铁路青藏集团有限公司拉萨办事处工会主席讲话。",
        "中国铁路青藏集团有限公司拉萨办事处",
        True,
    ),
]
NOT_SUB_UNITS = [
    ("国网河北电科院推进技术研究室建设。", "国网河北电科院推进技术研究室"),
    ("车间主任带领职工开展技能比武。", "车间"),
    ("企业分厂和车间都建立了工会。", "企业分厂"),
    ("他把持有的股份全部转让。", "持有的股份"),
    ("推动国有股份制改革。", "国有股份"),
    ("局部地区出现降雨。", "局部"),
]


@pytest.mark.parametrize(("text", "label", "name"), SUB_UNITS)
def test_sub_units(analyse, text: str, label: T, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (label, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "name", "present"), INNER_UNITS)
def test_inner_units(analyse, text: str, name: str, present: bool) -> None:
    _, mentions, _ = analyse(text)
    assert (name in {m.display_name for m in mentions}) is present


@pytest.mark.parametrize(("text", "word"), NOT_SUB_UNITS)
def test_not_sub_units(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    names = {m.display_name for m in mentions}
    assert word not in names
    assert not any(n.endswith(("车间", "分厂", "股份", "局部")) for n in names)


# Government departments named by their sector (lexicon government_sectors), national
# bodies named by their head alone, party committees after a place, the department of a
# committee member's post, and a body written right before its head's post.
BODIES = [
    # 政府特殊津贴 is an allowance (a domain word), the body is 国务院
    (
        "全国技术能手、国务院政府特殊津贴获得者、重庆长安汽车股份有限公司(劳模创新)工作室领办人刘源作报告。",
        "国务院",
    ),
    ("自治区交通运输厅、自治区生态环境厅、南宁海关参加。", "自治区生态环境厅"),
    ("州人社局、州住建局、州安监局、州卫计委以及州总工会参加。", "州住建局"),
    ("联合省教育厅、省人力资源社会保障厅、省发展改革委等7个部门。", "省发展改革委"),
    ("由财政部、人力资源社会保障部联合印发通知。", "财政部"),
    ("由财政部、人力资源社会保障部联合印发通知。", "人力资源社会保障部"),
    ("开展“两癌”筛查是内蒙古自治区党委、政府推进健康内蒙古建设的举措。", "内蒙古自治区党委"),
    ("文港镇党委副书记樊国春致开幕词。", "文港镇党委"),
    ("天门市委常委、统战部部长龚红敏就全市工会服务职工阵地建设开展调研。", "天门市委统战部"),
    ("如皋市委常委、组织部部长王卫华到会。", "如皋市委组织部"),
    ("香港特区政府劳工及福利局局长孙玉菡出席。", "香港特区政府劳工及福利局"),
    ("民政及青年事务局与工联会合办活动。", "民政及青年事务局"),
    ("市公安局局长张明出席。", "市公安局"),
    # sectors written with 和, and a sector's office (办)
    ("市总工会党组成员、副主席郑智,市经济和信息化局副局长张伟参加调研。", "市经济和信息化局"),
    (
        "2月7日上午,省人力资源和社会保障厅、省扶贫办、省总工会、省妇联联合济宁市人民政府举办活动。",
        "省扶贫办",
    ),
]
NOT_BODIES = [
    # a union's own committees written alone name no body
    (
        "选举方式产生新一届即第三届工会委员会,同时选出女职工委员会和经费审查委员会。",
        "经费审查委员会",
    ),
    (
        "会主席赵德胜当选副主席;安徽孜衿实业有限公司总经理李宝琦当选经费审查委员会主任。",
        "经费审查委员会",
    ),
    (
        "全国技术能手、国务院政府特殊津贴获得者、重庆长安汽车股份有限公司(劳模创新)工作室领办人刘源作报告。",
        "国务院政府",
    ),
    ("自治区交通运输厅、自治区生态环境厅、南宁海关参加。", "区生态环境厅"),
    ("财政部门要加强对专项资金的监管。", "财政部"),
    ("中铁十八局集团投资公司党委副书记、工会主席王旭东出席。", "投资公司党委"),
    ("开封大学党委书记陈灿出席。", "开封大学党委"),
    ("公安局长张明出席。", "公安局"),
    # the union's own committee, elected (committee_names: 工会委员会)
    (
        "35名网约送餐员代表参加了衢州市衢江区网约送餐员联合工会成立大会,并选举产生第一届联合工会委员会。",
        "工会委员会",
    ),
]


@pytest.mark.parametrize(("text", "name"), BODIES)
def test_government_bodies(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.GOVERNMENT_BODY, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_BODIES)
def test_not_government_bodies(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions}


# A company's 党委 before a post leaves the company's name whole.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("中铁十八局集团投资公司党委副书记、工会主席王旭东出席。", "中铁十八局集团投资公司"),
        ("开封大学党委书记陈灿出席。", "开封大学"),
    ],
)
def test_body_before_its_committee(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in {m.display_name for m in mentions}


# A company's trade name that jieba cut into mis-tagged words right after a place, and a
# company named right after another company's full form.
COMPANIES = [
    ("调研组先后走进辽源市工人文化宫、吉林中粮生化包装有限公司。", "吉林中粮生化包装有限公司"),
    ("福建省二建建设集团有限公司安全员金董宇带着父母赶来。", "福建省二建建设集团有限公司"),
    ("陕西陕煤曹家滩矿业有限公司、陕西中能煤田有限公司参加。", "陕西中能煤田有限公司"),
    ("成员单位是广西机场管理集团有限责任公司和平陆运河集团有限公司。", "平陆运河集团有限公司"),
    ("鞍钢矿渣开发公司微粉分公司技术副经理刘丽娜获奖。", "鞍钢矿渣开发公司微粉分公司"),
]
NOT_COMPANIES = [
    ("成员单位是广西机场管理集团有限责任公司和平陆运河集团有限公司。", "和平陆运河集团有限公司"),
    ("陕西陕煤曹家滩矿业有限公司、陕西中能煤田有限公司参加。", "煤田有限公司"),
    ("福建省二建建设集团有限公司安全员金董宇带着父母赶来。", "建设集团有限公司"),
]


@pytest.mark.parametrize(("text", "name"), COMPANIES)
def test_companies(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.ENTERPRISE, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_COMPANIES)
def test_not_companies(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions}


# Unions: domain words of new forms of employment keep a union's name whole, a level and
# a trade make a place's industrial union, a conjunction jieba joined to a level word is
# no part of a name, and two unions written back to back stay two.
UNIONS = [
    ("签约开始前，我州快递物流行业联合工会主席首先通报了前期要约工作。", "州快递物流行业联合工会"),
    (
        "“成都市锦江区三圣网约司机联合工会暨第一届会员代表大会”日前举行。",
        "成都市锦江区三圣网约司机联合工会",
    ),
    ("市人民医院工会、林芝市气象局和自治区农林气象工会调研。", "自治区农林气象工会"),
    # an occupation of the new forms of employment (domain_words: 网约送餐员)
    (
        "35名网约送餐员代表参加了衢州市衢江区网约送餐员联合工会成立大会,并选举产生第一届联合工会委员会。",
        "衢州市衢江区网约送餐员联合工会",
    ),
    ("省教育工会主席张明出席。", "省教育工会"),
    ("湖南省直属基层工会和省总机关工会在三一集团办趣味运动会。", "省总工会机关工会"),
    (
        "主题为畅享运动乐趣的湖南省直属基层工会湖南省总工会机关工会联合趣味运动会开赛。",
        "湖南省总工会机关工会",
    ),
]
# the unions of several places or of a kind in a place are no one union: a count of places
# (两区), levels written together (区县(市)), a kind after the places (基层, 直属基层)
NOT_UNIONS_COLLECTIVE = [
    ("渝中江北两区总工会把年味送到职工身边", "渝中江北两区总工会"),
    ("今年我市有9个区县(市)总工会推出19个岗位,计划招聘42人。", "区县(市)总工会"),
    (
        "来自穗港澳3地的职工代表和广东省广州市基层工会代表约80人参加。",
        "广东省广州市基层工会",
    ),
    ("湖南省直属基层工会和省总机关工会在三一集团办趣味运动会", "湖南省直属基层工会"),
    # places listed before one bare 工会 share it (香港、澳门工会)
    ("规划纲要》,进一步密切与香港、澳门工会的合作交流,2024年澳门工联总会举行报告会。", "澳门工会"),
    # a region and generic words (长三角|区域|城市), cities taken together (城市(区)总工会)
    (
        "享,增强职工群众、劳模先进的获得感;建立长三角区域城市工会合作机制,分享交流企业民主管理经验。",
        "长三角区域城市工会",
    ),
    ("安徽省合肥、芜湖、宣城市等长三角区域10个城市(区)总工会共同参与", "城市(区)总工会"),
    # 各 before the first item of a list is for every item
    (
        "乌鲁木齐市总工会与各区(县)总工会、乡镇(街道)工会联合会联动,及时分解任务、发布指导信息。",
        "乡镇(街道)工会联合会",
    ),
]
# a company written short before 工会 is no kind (苏杭公司工会), and the union named after
# the kind stays
UNIONS_AFTER_KINDS = [
    (
        "今年以来,苏杭公司工会健全完善职工文化建设,依托各项目策划开展了各类球赛。",
        "苏杭公司工会",
    ),
    (
        "“走进三一•畅享运动乐趣”为主题的湖南省直属基层工会湖南省总工会机关工会联合趣味运动会举行。",
        "湖南省总工会机关工会",
    ),
]
NOT_UNIONS = [
    # an action before a level word (游览|市总工会): the level's short form, not a name
    (
        "旅产品和侨乡特色农副产品;组织港澳职工游览市总工会今年开发的江门工会职工疗休养线路",
        "港澳职工游览市总工会",
    ),
    # a festival before a body's name (护士节) is no part of it
    ("5.12护士节北医三院工会慰问一线护士", "护士节北医三院工会"),
    # a verb after a person's name ends a name's growth (符公兴|为定|城镇总工会)
    (
        "随后由县人大常委会副主任、县总工会主席吴清雄,定城镇委书记、镇长符公兴为定城镇总工会揭牌。",
        "符公兴为定城镇总工会",
    ),
    ("市企业工会负责人参加。", "市企业工会"),
    ("区基层工会主席参加培训。", "区基层工会"),
    ("湖南省直属基层工会和省总机关工会在三一集团办趣味运动会。", "湖南省直属基层工会和省总工会"),
    (
        "主题为畅享运动乐趣的湖南省直属基层工会湖南省总工会机关工会联合趣味运动会开赛。",
        "湖南省直属基层工会湖南省总工会机关工会",
    ),
]


@pytest.mark.parametrize(("text", "name"), UNIONS)
def test_unions(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.UNION, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_UNIONS)
def test_not_unions(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions}


# A branch named by its city alone is a company's branch.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("当天,长沙分公司在户外劳动者驿站里组织大家量血压。", "长沙分公司"),
        ("娄底分公司请户外劳动者一起品尝水果。", "娄底分公司"),
    ],
)
def test_branch_named_by_its_city(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.ENTERPRISE, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(
    ("text", "word"),
    [("公司今年设立分公司。", "分公司"), ("推动各地分行加大信贷投放。", "各地分行")],
)
def test_no_branch_without_a_city(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions}


# a committee named after a school or a programme run as one is that body's committee
# (an Organization); after a union, a union body; after a place, a government one
COMMITTEES = [
    (
        "4月9日,贵州省国防工业工匠学院车工专业技术委员会授牌暨第二届职工职业技能大赛颁奖会召开。",
        T.ORGANIZATION,
        "贵州省国防工业工匠学院车工专业技术委员会",
    ),
    (
        "在江北区,江北区总工会与港城工业园区管理委员会携手,把新春游园会办到了园区企业门口。",
        T.GOVERNMENT_BODY,
        "港城工业园区管理委员会",
    ),
    # a union's committee is a union body (GUIDELINES: any trade-union body)
    (
        "深圳市人大常委会副主任、市总工会主席乔家华,中国银行深圳市分行行长宁效云,市总工会副主席张素芬,"
        "市总工会经费审查委员会主任何少驹,中国银行深圳市分行副行长叶新阶等出席签约仪式。",
        T.UNION,
        "市总工会经费审查委员会",
    ),
]


@pytest.mark.parametrize(("text", "label", "name"), COMMITTEES)
def test_committees_take_their_bodys_kind(analyse, text: str, label: T, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (label, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_UNIONS_COLLECTIVE)
def test_collective_unions(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(m.display_name.endswith(word) for m in mentions)


@pytest.mark.parametrize(("text", "name"), UNIONS_AFTER_KINDS)
def test_unions_after_kinds(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert any(m.display_name.endswith(name) for m in mentions if m.label == T.UNION)
