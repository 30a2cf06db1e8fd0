"""The article's actor as owner of programmes no trigger gave one (kg.extract.topic)."""

from __future__ import annotations

import pytest

BODY = (
    "本报讯 记者日前获悉,北京市昌平区总工会出台职工创新助推管理办法。"
    "昌平区总工会党组书记、常务副主席王冰说,这是好事。昌平区总工会还召开会议。"
)

CASES = [
    # a quoted kind is the brand's name
    (
        "## 咸安3处“工会驿站”升级投用\n\n本报讯 咸安区总工会日前对辖区驿站进行了升级。",
        ("咸安区总工会", "工会驿站"),
    ),
    # a national title stays with a national actor
    (
        "## 河北电网一线集体和职工获全国五一劳动奖\n\n"
        "本报讯 中华全国总工会日前表彰了一批先进集体。",
        ("中华全国总工会", "全国五一劳动奖"),
    ),
    (
        "重庆市总工会开展走访。此外，重庆全市共有3万名专兼职工会干部参与“牵手”行动，"
        "他们将走进困难职工家中。",
        ("重庆市总工会", "牵手行动"),
    ),
    # the headline writes the actor with a place more and a short head (北京昌平区总)
    ("## 北京昌平区总出台举措激励“一室一盟”建设\n\n" + BODY, ("昌平区总工会", "一室一盟")),
    # bodies gone to (走进A、B) are venues: the actor still holds the event
    (
        "山西省总工会推进职工书屋建设。与会人员走进山西五建集团公司、太原热力集团公司,"
        "现场察看两家企业的职工书屋,随后参加了“再读我的语文书”全省职工经典诵读分享会。",
        ("山西省总工会", "再读我的语文书全省职工经典诵读分享会"),
    ),
    # a body after 在 is where the event is held: the actor still holds it
    (
        "云南省总工会推动工匠学院建设。本报讯（记者赵黎浩）云南工匠学院授牌仪式1月13日在"
        "云南省交通规划设计院有限公司举行。",
        ("云南省总工会", "云南工匠学院授牌仪式"),
    ),
    # a site named by the actor's own place, or by its own street
    (
        "五华区总工会关爱骑手。他一路小跑躲进五华区工会驿站,端起一杯热姜茶。",
        ("五华区总工会", "五华区工会驿站"),
    ),
    (
        "红云街道总工会关爱骑手。他一路小跑躲进红云街道工会驿站,端起一杯热姜茶。",
        ("红云街道总工会", "红云街道工会驿站"),
    ),
]

# the owner fallback of a trigger with no subject of its own
FALLBACK_CASES = [
    (
        "湖北省襄阳市总工会关爱女职工。近年来,全市工会累计投入300余万元,建成爱心母婴室121家。",
        ("湖北省襄阳市总工会", "爱心母婴室"),
    ),
    # 简称“…” is no speech
    (
        "中国人寿保险股份有限公司湖南省分公司(以下简称“湖南国寿”)联合所属14个市州分公司,"
        "开展“情暖驿站”服务。",
        ("中国人寿保险股份有限公司湖南省分公司", "情暖驿站"),
    ),
]

NOT_FALLBACK_CASES = [
    # set up in what someone says
    (
        "锡林浩特市总工会为女职工送健康。徐振福表示,开展“两癌”筛查是工会落实“我为群众办实事”"
        "实践活动的具体举措。",
        ("锡林浩特市总工会", "我为群众办实事"),
    ),
    (
        "天津市滨海新区总工会举办阅读活动。李贤表示,职工阅读活动要始终突出思想政治引领,"
        "为天津实施制造强市战略、推动高质量发展输送人才。",
        ("天津市滨海新区总工会", "制造强市战略"),
    ),
    # a purpose, not a deed
    (
        "丰台区总工会举办培训班。每晚还安排了传统文化课程帮助学员减压,"
        "为今后开展职工文化艺术活动积累经验。",
        ("丰台区总工会", "职工文化艺术活动"),
    ),
]

NOT_CASES = [
    # a paper the text cites (据…日报报道) is no actor when no union is named
    (
        "据皖西日报报道 1月14日上午,由市政府主办,市人社局承办的六安市2023年“春风行动”专项活动"
        "启动仪式在城区万达广场举行。今年已是六安市连续第二十年举办“春风行动”专项活动。",
        ("皖西日报", "春风行动专项活动"),
    ),
    # a programme named inside another's name is a part of that name
    (
        "6月28日起,郑州市总工会在河南省职工医院和郑州市职工文体中心两地同步开展“关爱职工健康,"
        "体检送温暖”活动。",
        ("郑州市总工会", "送温暖"),
    ),
    # 以X为基础: drawn upon, not set up
    (
        "苏杭公司工会开展技能比武。为此,苏杭公司工会以王志永劳模创新工作室为基础,开展“号手岗队”活动。",
        ("苏杭公司工会", "王志永劳模创新工作室"),
    ),
    # a site's kind named alone (职工之家) is no one site the actor set up
    (
        "天门经济开发区总工会开展活动。龚红敏要求,全市各级工会要抓紧推进职工活动阵地的新建和"
        "改建,让职工活动阵地真正成为助力职工职业发展的职工之家。",
        ("天门经济开发区总工会", "职工之家"),
    ),
    # a title people hold is not shown set up by the actor
    (
        "北京市总工会举办培训班。挂牌现场,大国工匠张嘉、北京大工匠王月鹏讲述了各自的奋斗经历。",
        ("北京市总工会", "北京大工匠"),
    ),
    # a programme named in what someone says
    (
        "郑州市总工会开展体检。“冬天送温暖、夏天送清凉,现在又来送健康,工会真贴心。”"
        "说这话的是一位环卫工人。",
        ("郑州市总工会", "送温暖"),
    ),
    # a programme after 把 is what a later verb disposes of, not one the actor set up
    (
        "沙洋县总工会开展送清凉活动。驿站面积130平方米,把工会驿站、心灵驿站、志愿者服务站"
        "和爱心托管站等功能集于一身,一站多用。",
        ("沙洋县总工会", "心灵驿站"),
    ),
    (
        "重庆市总工会开展走访。程国家勉励李绍玉工作团队继续发扬劳模工匠精神,把苗绣工作室"
        "建设成对外展示苗族文化的窗口。",
        ("重庆市总工会", "苗绣工作室"),
    ),
    # a national event joined by 暨 (A暨全国…表彰大会) is not held by a local body
    (
        "黑龙江省绥阳重点国有林管理局获得表彰。本报讯(记者霍枭涵)近日,庆祝“五一”国际劳动节暨"
        "全国五一劳动奖状、奖章和全国工人先锋号表彰大会在北京召开。",
        (
            "黑龙江省绥阳重点国有林管理局",
            "庆祝五一国际劳动节暨全国五一劳动奖状、奖章和全国工人先锋号表彰大会",
        ),
    ),
    # a place gone to and visited; a figure of speech
    (
        "北京市总工会举办培训班。课程还涉及工会财务管理和劳动关系协调,"
        "学员们还将到企业和工会服务站参观交流。",
        ("北京市总工会", "工会服务站"),
    ),
    (
        "饿了么推出关爱骑手计划。据介绍,500家遍布长沙的商家店铺将化身“爱心驿站”,"
        "为骑手提供免费饮水。",
        ("饿了么", "爱心驿站"),
    ),
    # drawn upon (结合/依托), not shown set up
    (
        "贵州省总工会推动疗休养。结合“县级工会加强年”专项工作部署,促进资源共享,加强团结协作。",
        ("贵州省总工会", "县级工会加强年"),
    ),
    # parts of a facility (还有…), a trigger inside a relative clause (开展心理疏导的) aside
    (
        "深圳市总工会开展服务。中心里还有提供法律咨询的权益保障室、开展心理疏导的心灵驿站,"
        "以及专为女职工准备的爱心妈妈小屋。",
        ("深圳市总工会", "心灵驿站"),
    ),
    (
        "深圳市总工会开展服务。中心里还有提供法律咨询的权益保障室、开展心理疏导的心灵驿站,"
        "以及专为女职工准备的爱心妈妈小屋。",
        ("深圳市总工会", "爱心妈妈小屋"),
    ),
    # a site or event named by a town, street or community below the actor's level
    (
        "徐汇区总工会为职工服务。华泾镇关港职工服务站“泾工港”启用。",
        ("徐汇区总工会", "华泾镇关港职工服务站"),
    ),
    (
        "五华区总工会关爱骑手。他一路小跑躲进云南省昆明市五华区红云街道银河社区工会驿站,"
        "端起一杯热姜茶。",
        ("五华区总工会", "云南省昆明市五华区红云街道银河社区工会驿站"),
    ),
    (
        "深圳市总工会为职工服务。揭牌仪式后,嘉宾们还参加了沙头角街道“深港聚力 ‘绳’采飞扬”"
        "职工拔河比赛的开幕式。",
        ("深圳市总工会", "沙头角街道深港聚力 ‘绳’采飞扬职工拔河比赛的开幕式"),
    ),
    # a meeting for the national reform (产改) is not shown held by a local union
    (
        "福州市总工会推动产改。本报讯(记者 李白蕾)福州市深化产业工人队伍建设改革专题会议"
        "8月12日下午召开,会场设在福州市总工会。",
        ("福州市总工会", "福州市深化产业工人队伍建设改革专题会议"),
    ),
    (
        "## 连云区举办产改专题辅导报告会\n\n本报讯 10月27日上午,连云区总工会邀请专家作报告。",
        ("连云区总工会", "产改专题辅导报告会"),
    ),
    # another district's union acts in the headline: not the actor
    ("## 北京朝阳区总出台举措激励“一室一盟”建设\n\n" + BODY, ("昌平区总工会", "一室一盟")),
]


def _topic(relations):
    return {
        (r.head.display_name, r.tail.display_name) for r in relations if r.rule.startswith("topic-")
    }


@pytest.mark.parametrize(("text", "pair"), CASES)
def test_actor_owns(analyse, text: str, pair: tuple) -> None:
    _, _, relations = analyse(text)
    assert pair in _topic(relations), sorted(_topic(relations))


@pytest.mark.parametrize(("text", "pair"), NOT_CASES)
def test_actor_does_not_own(analyse, text: str, pair: tuple) -> None:
    _, _, relations = analyse(text)
    assert pair not in _topic(relations)


def _established(relations):
    return {
        (r.head.display_name, r.tail.display_name)
        for r in relations
        if r.predicate.value == "establishes"
    }


@pytest.mark.parametrize(("text", "pair"), FALLBACK_CASES)
def test_fallback_owns(analyse, text: str, pair: tuple) -> None:
    _, _, relations = analyse(text)
    assert pair in _established(relations), sorted(_established(relations))


@pytest.mark.parametrize(("text", "pair"), NOT_FALLBACK_CASES)
def test_no_fallback_in_speech_or_purpose(analyse, text: str, pair: tuple) -> None:
    _, _, relations = analyse(text)
    assert pair not in _established(relations)
