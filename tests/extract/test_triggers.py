"""Trigger words of establishes / organizes (kg.extract.triggers), on real sentences:
the relation must come from a trigger rule, not from the article's owner fallback."""

from __future__ import annotations

import pytest

NANNING = (
    "本报讯(记者 刘甲平)“致敬户外劳动者,共赴新春嘉年华”——“工会服务户外劳动者日”社区宣传"
    "活动1月15日在工会驿站工人文化宫站举行,活动由南宁市总工会联合南宁市公安局交通警察支队、"
    "南宁市交警四大队、广西汉达社会工作服务中心和南宁市出租汽车协会等单位共同开展,"
    "为户外劳动者送上法治和交通安全宣传。"
)

CASES = [
    # A主办,B承办X: the host whose clause ends at its verb shares the next verb's object
    (
        "4月23日,兵团总工会主办,第十一师总工会承办“阅读经典好书 争当时代工匠——我是一个‘兵’”"
        "主题阅读交流活动启动仪式。",
        (
            "兵团总工会",
            "organizes",
            "阅读经典好书 争当时代工匠——我是一个‘兵’主题阅读交流活动启动仪式",
        ),
    ),
    # 活动由A主办,B承办: the last event named
    (
        "当天,2024年英雄花开英雄城·传递工运力量主题活动启动。活动由广州市总工会主办,"
        "南沙区总工会承办。",
        ("广州市总工会", "organizes", "2024年英雄花开英雄城·传递工运力量主题活动"),
    ),
    # 新建, 选树 (relations.yaml establish_triggers)
    (
        "为了把服务做得更好,郑州市总工会新建了职工健康管理中心,面积达4000多平方米。",
        ("郑州市总工会", "establishes", "职工健康管理中心"),
    ),
    (
        "记者了解到，云南省总工会近年来在工匠人才培育上持续用力，已累计选树云岭工匠129名、"
        "创新工作室与技师工作站471个。",
        ("云南省总工会", "establishes", "技师工作站"),
    ),
    # the body before the venues listed after 在 acts
    (
        "郑州市总工会在河南省职工医院和郑州市职工文体中心两地同步开展“关爱职工健康,"
        "体检送温暖”活动。",
        ("郑州市总工会", "establishes", "关爱职工健康,体检送温暖活动"),
    ),
    # an adverb before the link joins the subjects (A就和B一起推出)
    (
        "早在2011年,上海农商银行就和上海市总工会一起推出上海工会会员卡,已为600多万名工会会员"
        "提供实体会员身份认证。",
        ("上海农商银行", "establishes", "上海工会会员卡"),
    ),
    # 推进, 加强, 擦亮, 确定 (relations.yaml establish_triggers)
    (
        "海西州工会着力加强“司机之家”服务阵地建设,常态化开展送温暖活动。",
        ("海西州工会", "establishes", "司机之家"),
    ),
    ("山西省总工会现场推进职工书屋建设。", ("山西省总工会", "establishes", "职工书屋")),
    (
        "中建安装苏杭公司工会开展贴心服务、文娱活动、技能培训、生日会200余次,"
        "不断擦亮“苏杭安+”工会品牌,广大职工的幸福感显著提升。",
        ("中建安装苏杭公司工会", "establishes", "苏杭安+工会品牌"),
    ),
    (
        "值得一提的是，云南工匠学院电网校区、普洱校区被全国总工会列为2024年度重点支持的100家"
        "工匠学院，电网校区还入选了人社部、财政部确定的“2023年国家级高技能人才培训基地”。",
        ("财政部", "establishes", "2023年国家级高技能人才培训基地"),
    ),
    # A与B联手开展的 EVENT (organize_triggers)
    (
        "这是上海农商银行与上海市职工帮困基金会联手开展的“清洁到家 清爽过夏”公益活动的一幕。",
        ("上海农商银行", "organizes", "清洁到家 清爽过夏公益活动"),
    ),
    # A近日携手B,在…举行 EVENT: B, what 携手 acts on, holds the event with A
    (
        "为让遭遇欠薪的农民工得到更便捷高效的服务,香坊区总工会近日携手黑龙江国安律师事务所,"
        "在黎明街道穆家沟村举行“工助龙江”公益服务职工法律援助签约暨“尊法守法、携手筑梦”服务"
        "农民工公益法律服务行动启动仪式,在哈尔滨全市率先建起首家工会职工法律援助工作站。",
        (
            "黑龙江国安律师事务所",
            "organizes",
            "工助龙江公益服务职工法律援助签约暨尊法守法、携手筑梦服务农民工公益法律服务行动启动仪式",
        ),
    ),
    # 活动由A联合B、C和D等单位共同开展: each body of the list organizes the event
    (
        NANNING,
        (
            "南宁市出租汽车协会",
            "organizes",
            "致敬户外劳动者,共赴新春嘉年华——工会服务户外劳动者日社区宣传活动",
        ),
    ),
]

NOT_CASES = [
    # a medium in the byline (工人日报, …传媒集团) reports what the article tells; it sets
    # up nothing in it
    (
        "工人日报-中工网记者 祝盼 毛浓曦\n11月14日,陕西西安碑林区网约车行业第一届一次职工代表大会"
        "暨“司机之家”揭牌仪式在西安举行。随后,签订2024年《行业集体合同》,包括建立司机奖励机制,"
        "成立网约车“司机之家”服务站。",
        ("工人日报", "establishes", "司机之家服务站"),
    ),
    (
        "本报讯(大连新闻传媒集团记者刘湘竹)昨日,设置在大连华宏物流有限公司的甘井子区工会司机之家"
        "正式启用。",
        ("大连新闻传媒集团", "establishes", "司机之家"),
    ),
    # a body a verb other than a joint one acts on does not hold what follows
    (
        "上城区总工会放大湖滨新就业形态联合工会作为全省首家新就业形态联合工会的优势,承办全市"
        "工会组建暨新就业形态劳动者集中入会行动推进会。",
        (
            "湖滨新就业形态联合工会",
            "organizes",
            "全市工会组建暨新就业形态劳动者集中入会行动推进会",
        ),
    ),
    # 由A组织 with an object of its own: not the last event named
    (
        "本报讯 11月22日,2023年中国职工文化体育协会职工旅游分会年会在贵州省毕节市召开。"
        "按照合作协议,贵州省文旅厅将负责提供政策支持,由中国职工国际旅行社总社组织全国劳模"
        "康养医疗、职工培训研学等方面合作。",
        ("中国职工国际旅行社总社", "organizes", "2023年中国职工文化体育协会职工旅游分会年会"),
    ),
    # a national programme a local body promotes (推进) is not one it sets up
    (
        "今年以来,福州市总工会持续深入推进产业工人队伍建设改革,加强“工”字号阵地建设。",
        ("福州市总工会", "establishes", "产业工人队伍建设改革"),
    ),
    # 加强 with its own object, then a clause end before the programme
    (
        "抓住全国总工会推广应用人工智能的契机,太原市总工会加强学习,职工书屋越办越好。",
        ("太原市总工会", "establishes", "职工书屋"),
    ),
    # a programme written after 在 names where the event is held: the bodies holding the
    # event do not set it up
    (NANNING, ("南宁市出租汽车协会", "establishes", "工会驿站")),
    (NANNING, ("南宁市总工会", "establishes", "工会驿站")),
    # 把X打造成Y: X is made into a likeness, Y is not set up
    (
        "此外,襄阳市总工会探索创新爱心托管服务模式,把爱心托管班打造成职工子女的“温暖之家”。",
        ("襄阳市总工会", "establishes", "温暖之家"),
    ),
    # a national initiative (relations.yaml national_programmes) is no local body's
    (
        "北京市总工会举办培训班,开设“一带一路”倡议、雄安新区建设等专题。",
        ("北京市总工会", "establishes", "一带一路倡议"),
    ),
    # a body listed with a venue after 在 is a venue too, not who acts
    (
        "郑州市总工会在河南省职工医院和郑州市职工文体中心两地同步开展“关爱职工健康,"
        "体检送温暖”活动。",
        ("郑州市职工文体中心", "establishes", "关爱职工健康,体检送温暖活动"),
    ),
]


def _triggered(relations):
    return {
        (r.head.display_name, r.predicate.value, r.tail.display_name)
        for r in relations
        if r.rule.startswith("trigger")
    }


@pytest.mark.parametrize(("text", "triple"), CASES)
def test_trigger_gives(analyse, text: str, triple: tuple) -> None:
    _, _, relations = analyse(text)
    assert triple in _triggered(relations), sorted(_triggered(relations))


@pytest.mark.parametrize(("text", "triple"), NOT_CASES)
def test_trigger_does_not_give(analyse, text: str, triple: tuple) -> None:
    _, _, relations = analyse(text)
    assert triple not in _triggered(relations)


GANZI = (
    "本报讯（见习记者 德央）3月19日，州、市总工会与州人力资源社会保障局、州工商联、州邮政"
    "管理局一道，在州总工会共同举办工资集体协商集中要约行动签约仪式，康定地区35家企业的"
    "行政代表和工会主席到场参加。\n仪式最后，主办方对四川“最美快递员”、康定市顺丰快递员"
    "胡发洪进行了表扬。"
)


def test_role_noun_acting_on_others_lists_no_hosts(analyse) -> None:
    """主办方对…进行了表扬: the bodies after the role noun are acted on, not hosts."""
    _, _, relations = analyse(GANZI)
    organizers = {r.head.display_name for r in relations if r.predicate.value == "organizes"}
    assert "州人力资源社会保障局" in organizers
    assert not any("顺丰" in name for name in organizers)


PINGLU = (
    "本报讯 11月19日，平陆运河项目航道HD7标段二工区建设工地红旗招展，2024年西部陆海新通道"
    "建设全国引领性劳动和技能竞赛——（平陆）运河项目劳动竞赛启动仪式在这里举行。\n"
    "此次竞赛的主办方共有11家，分别是自治区总工会、西部陆海新通道领导小组办公室、"
    "自治区人力资源和社会保障厅、南宁海关、中国铁路南宁局集团有限公司。"
)
PINGLU_CONTEST = "2024年西部陆海新通道建设全国引领性劳动和技能竞赛——(平陆)运河项目劳动竞赛"


def test_contest_named_in_its_launch_ceremony_has_the_hosts(analyse) -> None:
    """此次竞赛的主办方…: the hosts organize the contest the ceremony launches (named in
    the ceremony's name), not the ceremony."""
    _, _, relations = analyse(PINGLU)
    organized = {
        (r.head.display_name, r.tail.display_name)
        for r in relations
        if r.predicate.value == "organizes"
    }
    assert ("南宁海关", PINGLU_CONTEST) in organized
    assert ("南宁海关", PINGLU_CONTEST + "启动仪式") not in organized


CHANGSHA = (
    "本报讯 11月27日,以“走进三一•畅享运动乐趣”为主题的湖南省直属基层工会湖南省总工会机关工会"
    "联合趣味运动会开赛,赛场设在三一集团。本次运动会由湖南省直属基层工会工作委员会、湖南省"
    "总工会机关工会委员会共同主办,三一集团协办,具体承办工作由湖南迈越体育产业有限公司负责。"
)


def test_role_named_by_its_work_lists_its_bodies(analyse) -> None:
    """具体承办工作由A负责: A organizes the event (承办工作 is a role like 承办单位)."""
    _, _, relations = analyse(CHANGSHA)
    organizers = {r.head.display_name for r in relations if r.predicate.value == "organizes"}
    assert "湖南迈越体育产业有限公司" in organizers


# an organisation's own programme written right after it (org-programme); not the body a
# title is granted to
OWN = [
    # the quoted names chained to the body's own programme are its own too
    (
        "这项活动是郑州市总工会2024年“五大行动”“十件实事”中的一项。",
        ("郑州市总工会", "establishes", "十件实事"),
        True,
    ),
    # the abbreviation note and an ordinal between the body and its programme
    (
        "日前,合肥市产业投资控股集团(集团)有限公司(以下简称合肥产投集团)首届“产投匠星”评选揭晓。",
        ("合肥市产业投资控股集团(集团)有限公司", "establishes", "产投匠星"),
        True,
    ),
    (
        "郑州市总工会2024年“五大行动”全面启动。",
        ("郑州市总工会", "establishes", "五大行动"),
        True,
    ),
    (
        "全国层面,中华全国总工会授予鞍山钢铁全国五一劳动奖状。",
        ("鞍山钢铁", "establishes", "全国五一劳动奖状"),
        False,
    ),
]


@pytest.mark.parametrize(("text", "triple", "given"), OWN)
def test_own_programme(analyse, text: str, triple: tuple, given: bool) -> None:
    _, _, relations = analyse(text)
    found = {
        (r.head.display_name, r.predicate.value, r.tail.display_name)
        for r in relations
        if r.rule == "org-programme"
    }
    assert (triple in found) is given, sorted(found)


# a short form in brackets after a body's name is that body: the bodies joined by 与
# around it all act (香港 text); a bracketed aside that is no body joins nothing
BRACKETED_SUBJECTS = [
    (
        "香港工會聯合會(工聯會)與香港海員工會(海員工會)9月25日在工人俱樂部禮堂合辦"
        "「香港海員大罷工勝利100周年紀念大會」。",
        ("香港工会联合会", "organizes", "香港海员大罢工胜利100周年纪念大会"),
        True,
    ),
    (
        "香港工會聯合會(工聯會)與香港海員工會(海員工會)9月25日在工人俱樂部禮堂合辦"
        "「香港海員大罷工勝利100周年紀念大會」。",
        ("香港海员工会", "organizes", "香港海员大罢工胜利100周年纪念大会"),
        True,
    ),
    (
        "西安市总工会(以下简称市总)与陕西省总工会举行2024年职工技能大赛。",
        ("西安市总工会", "organizes", "2024年职工技能大赛"),
        True,
    ),
    (
        "西安市总工会(成立于1950年)与陕西省总工会在西安举办第二届职工技能大赛。",
        ("西安市总工会", "organizes", "第二届职工技能大赛"),
        False,
    ),
]


def _relations(relations):
    return {(r.head.display_name, r.predicate.value, r.tail.display_name) for r in relations}


@pytest.mark.parametrize(("text", "triple", "present"), BRACKETED_SUBJECTS)
def test_bracketed_short_form_joins_the_subjects(analyse, text, triple, present) -> None:
    _, _, relations = analyse(text)
    assert (triple in _relations(relations)) is present, sorted(_relations(relations))


def _located(relations) -> set[tuple[str, str]]:
    return {
        (r.head.display_name, r.tail.display_name)
        for r in relations
        if r.predicate.value == "locatedIn"
    }


# 在 PLACE … 建立/建设 X: what is set up there is there; PLACE的“X”、“Y”: the place's programmes
LOCATED = [
    (
        "秉持“顺应新形势、打造新阵地”理念,在钱塘智慧城探索建立杭州市首个网络直播行业工会联合会,"
        "持续做好新就业形态劳动者的入会和服务工作。",
        ("网络直播行业工会联合会", "钱塘智慧城"),
    ),
    (
        "青海省总主动与浙江省总携手,还在海西蒙古族藏族自治州布局建设了10个职工疗休养基地。",
        ("职工疗休养基地", "海西蒙古族藏族自治州"),
    ),
    (
        "慰问团参观了拉萨火车站的“党员先锋岗”、“爱国主义教育基地”和青藏铁路路线图。",
        ("爱国主义教育基地", "拉萨火车站"),
    ),
    # an event started or opened at a place a few words after 在 is held there (d38)
    (
        "6月25日,2024年“世界海员日”关爱船员主题活动在广西防城港市的防城国际海员俱乐部启动。",
        ("2024年世界海员日关爱船员主题活动", "防城港市"),
    ),
    # 挂牌 opens what was named before 在; with nothing named there, 挂牌成立 sets up (d32)
    (
        "顺丰建立了矛盾纠纷调解机制,申通则在上海挂牌成立了当地快递网点的首个工会驿站。",
        ("工会驿站", "上海市"),
    ),
]
NOT_LOCATED = [
    # a programme after the clause that set something up in the place is not there
    (
        "该市在高新区建立了职工服务中心,同时推出职工书屋。",
        ("职工书屋", "高新区"),
    ),
]


@pytest.mark.parametrize(("text", "pair"), LOCATED)
def test_located_in(analyse, text: str, pair: tuple) -> None:
    _, _, relations = analyse(text)
    assert pair in _located(relations), sorted(_located(relations))


@pytest.mark.parametrize(("text", "pair"), NOT_LOCATED)
def test_not_located_in(analyse, text: str, pair: tuple) -> None:
    _, _, relations = analyse(text)
    assert pair not in _located(relations)
