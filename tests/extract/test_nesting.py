"""subOrganizationOf read off nested names (kg.extract.nesting), on real dev sentences."""

from __future__ import annotations

import pytest

SUB = "subOrganizationOf"

# (text, head, tail): the head is part of the tail
PARTS = [
    # a company jieba reads as one word (云南铜业/nz: a place and a trade) heads its school
    (
        "为4家单位授予“云南工匠学院”牌匾，它们是云南铜业高级技工学校、云南交投集团职工培训中心、"
        "云南技师学院和玉溪技师学院。",
        "云南铜业高级技工学校",
        "云南铜业",
    ),
    # the unit grown over a verb-tagged word (开关) right after its body
    (
        "国网邯郸供电公司王彦军2名职工获全国五一劳动奖章,国网河北电科院开关技术研究室被授予"
        "全国工人先锋号称号。",
        "国网河北电科院开关技术研究室",
        "国网河北电科院",
    ),
    # a unit the article writes only inside the longer name is passed over
    (
        "鞍钢股份能源管控中心发电分厂汽机作业区电动鼓风机班班长刘加纯,鞍钢股份炼铁总厂1号高炉"
        "炉长获奖。",
        "鞍钢股份能源管控中心发电分厂汽机作业区电动鼓风机班",
        "鞍钢股份",
    ),
    (
        "全国层面,鞍钢股份炼焦总厂五炼焦作业区作业长张允东获得全国五一劳动奖章。",
        "鞍钢股份炼焦总厂五炼焦作业区",
        "鞍钢股份",
    ),
    # an institute is a body of its own: the room is its part, not the group's
    (
        "鞍钢集团钒钛(钢铁)研究院家电与汽车用钢研究室主任郑之旺获得全国五一劳动奖章。",
        "鞍钢集团钒钛(钢铁)研究院家电与汽车用钢研究室",
        "鞍钢集团钒钛(钢铁)研究院",
    ),
    # a company inside a longer company name is the direct parent
    (
        "仪式上，中铁广州工程局港航公司平陆运河7标项目部职工代表马英宣读了倡议书。",
        "中铁广州工程局港航公司平陆运河7标项目部",
        "中铁广州工程局港航公司",
    ),
    (
        "中建安装苏杭公司工会坚持工作思路。",
        "中建安装苏杭公司工会",
        "中建安装苏杭公司",
    ),
    # a company's companies named with its stem written short: one character of each word
    (
        "国网石家庄供电公司获全国五一劳动奖状。河北电力系统各单位在国家电网公司党组领导下。",
        "国网石家庄供电公司",
        "国家电网公司",
    ),
    (
        "国网河北电科院开关技术研究室被授予全国工人先锋号称号。各单位在国家电网公司党组领导下。",
        "国网河北电科院",
        "国家电网公司",
    ),
]

PARTS += [
    # a union's art troupe (文工团) is part of it
    (
        "全总文工团优秀演员为中建二局上海分公司一线职工、农民工代表等300余名现场观众奉上了一场精彩绝伦的"
        "视听盛宴。",
        "全总文工团",
        "中华全国总工会",
    ),
    # a news office (分社) is a unit of its paper
    (
        "此次汽车维修工大赛由河北省总工会主办,河北省装备制造和冶金工会、沧州市总工会承办,北京现代"
        "沧州分公司、河北日报沧州分社协办。",
        "河北日报沧州分社",
        "河北日报",
    ),
    # a hyphen joins two proper parts of one company's name
    (
        "巨晓林一行到一汽-大众汽车有限公司天津分公司,参观产业工人队伍建设改革成果展展馆。",
        "一汽-大众汽车有限公司天津分公司",
        "一汽-大众汽车有限公司",
    ),
]

# (text, head, tail): no such subOrganizationOf (tail None: none from the head at all)
NOT_PARTS = [
    (
        "鞍钢股份能源管控中心发电分厂汽机作业区电动鼓风机班班长刘加纯,鞍钢股份炼铁总厂1号高炉"
        "炉长获奖。",
        "鞍钢股份能源管控中心发电分厂汽机作业区电动鼓风机班",
        "鞍钢股份能源管控中心发电分厂汽机作业区",
    ),
    # a unit written only inside a longer name gives no relation of its own
    (
        "全国层面,鞍钢股份炼焦总厂五炼焦作业区作业长张允东获得全国五一劳动奖章。",
        "鞍钢股份炼焦总厂",
        None,
    ),
    (
        "鞍钢集团钒钛(钢铁)研究院家电与汽车用钢研究室主任郑之旺获得全国五一劳动奖章。",
        "鞍钢集团钒钛(钢铁)研究院家电与汽车用钢研究室",
        "鞍钢集团",
    ),
    (
        "仪式上，中铁广州工程局港航公司平陆运河7标项目部职工代表马英宣读了倡议书。",
        "中铁广州工程局港航公司平陆运河7标项目部",
        "中铁广州工程局",
    ),
    # the short stem of a company the article does not name links to nothing
    (
        "国网石家庄供电公司获全国五一劳动奖状。各单位在国家能源集团党组领导下。",
        "国网石家庄供电公司",
        None,
    ),
    # a company's legal form is no part of it
    (
        "西安市北得龙金属材料有限公司工会主席同艳参与直播送岗活动。",
        "西安市北得龙金属材料有限公司",
        None,
    ),
    # a body's own head after its place (区委) is no parent of it
    (
        "市总工会党组书记、副主席杨春武,滨海新区区委副书记李龙,滨海新区人大常委会副主任、区总工会"
        "党组书记、主席宫丽艳,经开区总工会及企业主要负责同志参加。",
        "滨海新区区委",
        None,
    ),
]


def _subs(relations) -> set[tuple[str, str]]:
    return {(r.head.display_name, r.tail.display_name) for r in relations if r.predicate == SUB}


@pytest.mark.parametrize(("text", "head", "tail"), PARTS)
def test_part_of_direct_parent(analyse, text: str, head: str, tail: str) -> None:
    _, _, relations = analyse(text)
    assert (head, tail) in _subs(relations), sorted(_subs(relations))


@pytest.mark.parametrize(("text", "head", "tail"), NOT_PARTS)
def test_not_part_of(analyse, text: str, head: str, tail: str | None) -> None:
    _, _, relations = analyse(text)
    found = [(h, t) for h, t in _subs(relations) if h == head and tail in (None, t)]
    assert not found


# a body written at the start of an event's name holds it; a body written inside that
# body's name (its parent) does not
NESTED_HOSTS = [
    (
        "本报讯(记者李丰)11月22日,2023年中国职工文化体育协会职工旅游分会年会在贵州省毕节市召开。",
        "中国职工文化体育协会职工旅游分会",
        "中国职工文化体育协会",
    ),
]


@pytest.mark.parametrize(("text", "host", "not_host"), NESTED_HOSTS)
def test_event_host_is_the_longest_body(analyse, text: str, host: str, not_host: str) -> None:
    _, _, relations = analyse(text)
    hosts = {r.head.display_name for r in relations if r.predicate.value == "organizes"}
    assert host in hosts
    assert not_host not in hosts


# a programme named after a branch is the branch's, not the whole bank's
OWN_PROGRAMMES = [
    (
        "福州农商银行城门支行工会驿站获评“全国最美工会驿站”。",
        ("福州农商银行城门支行", "establishes", "福州农商银行城门支行工会驿站"),
        True,
    ),
    (
        "福州农商银行城门支行工会驿站获评“全国最美工会驿站”。",
        ("福州农商银行", "establishes", "福州农商银行城门支行工会驿站"),
        False,
    ),
    # the parties of a joint meeting system both set it up
    (
        "今年琼海将继续落实市政府与市总工会联席会议制度。",
        ("市总工会", "establishes", "市政府与市总工会联席会议制度"),
        True,
    ),
]


@pytest.mark.parametrize(("text", "triple", "given"), OWN_PROGRAMMES)
def test_programme_of_the_longest_owner(analyse, text: str, triple: tuple, given: bool) -> None:
    _, _, relations = analyse(text)
    found = {
        (r.head.display_name, r.predicate.value, r.tail.display_name)
        for r in relations
        if r.rule in ("nesting-programme", "nesting-joint")
    }
    assert (triple in found) is given, sorted(found)


# Places listed after places written together take the level they share.
LISTED = [
    ("区总工会班子成员带队考察四川广元市、雅江县,向两地工会捐助40万元。", "雅江县", "四川省"),
    (
        "近日,咸安区浮山街道书台社区、温泉街道温泉商圈以及希望桥社区的3处工会驿站揭牌。",
        "温泉街道",
        "咸安区",
    ),
]
NOT_LISTED = [
    # a place of the same level starts a list of its own
    ("北京市海淀区、上海市浦东新区的职工参加。", "上海市", "北京市"),
    # a listed place under another written place of the same chain, not the chain's top
    ("区总工会班子成员带队考察四川广元市、雅江县,向两地工会捐助40万元。", "雅江县", "广元市"),
]


def _located(relations) -> set[tuple[str, str]]:
    return {
        (r.head.display_name, r.tail.display_name)
        for r in relations
        if r.predicate.value == "locatedIn"
    }


@pytest.mark.parametrize(("text", "head", "tail"), LISTED)
def test_listed_place_in_shared_level(analyse, text: str, head: str, tail: str) -> None:
    _, _, relations = analyse(text)
    assert (head, tail) in _located(relations), sorted(_located(relations))


@pytest.mark.parametrize(("text", "head", "tail"), NOT_LISTED)
def test_listed_place_not_in(analyse, text: str, head: str, tail: str) -> None:
    _, _, relations = analyse(text)
    assert (head, tail) not in _located(relations)


# A programme a sentence counts among the whole area's own (全市已建成…), or among a
# place's (三亚市共建立了…), is in the area;
# one the area's unions only bred (全省工会先后培育出…) is not placed by the word.
WHOLE_AREA = [
    (
        "近年来,南宁市总工会大力推进工会驿站建设,目前全市已建成315个工会驿站,“让爱温暖城市、温暖广大"
        "职工群众”的工会驿站已成为一块响当当的工作品牌。",
        "工会驿站",
        "南宁市",
        True,
    ),
    (
        "本报讯 4月22日,第29个世界读书日来临前夕,山西省总工会召开全省职工书屋建设暨职工“"
        "悦”读活动现场推进会。近年来,全省工会先后培育出一批“全国职工书屋示范点”和“省级职工书"
        "屋示范点”,各具特色的职工读书组织也随之成长起来。",
        "省级职工书屋示范点",
        "山西省",
        False,
    ),
    # a place that counts its own sites
    (
        "目前,在“六个一”的建设条件和标准(即一个室内场所、一套桌凳、一台微波炉、一台饮水机、一个卫生间、"
        "一个应急医药箱)下,三亚市共建立了29家户外劳动者服务站点。",
        "户外劳动者服务站点",
        "三亚市",
        True,
    ),
]


@pytest.mark.parametrize(("text", "head", "tail", "given"), WHOLE_AREA)
def test_whole_area_inventory(analyse, text: str, head: str, tail: str, given: bool) -> None:
    _, _, relations = analyse(text)
    assert ((head, tail) in _located(relations)) is given, sorted(_located(relations))
