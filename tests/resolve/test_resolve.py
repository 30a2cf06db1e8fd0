"""Resolution: one node per real-world thing, canonical name = fullest form."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.pipeline import build_documents


def _entities(*texts: str):
    documents = [
        parse_text(t, source=f"d{i}.txt", document_id=f"d{i}") for i, t in enumerate(texts)
    ]
    result = build_documents(documents)
    return {e.name: e for e in result.entities}, result


def test_short_form_is_qualified_by_the_article_place() -> None:
    entities, _ = _entities(
        "## 西安工会精准送岗\n\n近日,西安市总工会举办招聘会。市总工会常务副主席王雷介绍了情况。"
    )
    union = entities["西安市总工会"]
    assert "市总工会" in union.aliases
    assert "市总工会" not in entities


def test_abbreviation_declared_in_text_is_an_alias() -> None:
    entities, _ = _entities(
        "日前,合肥市产业投资控股集团(集团)有限公司(以下简称合肥产投集团)首届评选揭晓。"
        "合肥产投集团工会采取基层组织推荐等措施。"
    )
    company = entities["合肥市产业投资控股集团(集团)有限公司"]
    assert "合肥产投集团" in company.aliases
    assert "合肥市产业投资控股集团(集团)有限公司工会" in entities


def test_place_prefixed_variants_are_one_node() -> None:
    entities, _ = _entities(
        "## 北京昌平区总出台举措\n\n北京市昌平区总工会出台办法。昌平区总工会党组书记王冰说。"
    )
    unions = [e for e in entities.values() if e.type.value == "Union"]
    assert len(unions) == 1, [u.name for u in unions]
    assert {"昌平区总工会", "北京昌平区总工会"} <= set(unions[0].aliases) | {unions[0].name}


def test_place_without_suffix_takes_its_full_name() -> None:
    entities, _ = _entities("吉林推动“产改”工作提质增效。吉林省总工会召开会议。")
    assert "吉林省" in entities
    assert "吉林" in entities["吉林省"].aliases


def test_same_name_across_documents_is_one_node() -> None:
    entities, result = _entities("襄阳市总工会设立爱心母婴室。", "襄阳市总工会建成职工书屋。")
    ids = [e.id for e in result.entities if e.name == "襄阳市总工会"]
    assert len(ids) == 1
    assert {p.document_id for p in entities["襄阳市总工会"].provenance} == {"d0", "d1"}


def test_relations_are_lifted_onto_entities() -> None:
    _, result = _entities("昌平区总工会党组书记、常务副主席王冰说。")
    rel = next(r for r in result.relations if r.predicate.value == "memberOf")
    assert (rel.head, rel.tail, rel.role) == (
        "Person/王冰",
        "Union/昌平区总工会",
        "党组书记、常务副主席",
    )


def test_abbreviated_department_name_joins_the_full_one() -> None:
    entities, _ = _entities(
        "中国职工国际旅行社总社与贵州省文化和旅游厅签订协议。贵州省文旅厅将负责提供政策支持。"
    )
    bodies = [e for e in entities.values() if e.type.value == "GovernmentBody"]
    assert [b.name for b in bodies] == ["贵州省文化和旅游厅"]
    assert "贵州省文旅厅" in bodies[0].aliases


def test_place_union_written_with_and_without_zong_is_one_node() -> None:
    entities, _ = _entities("西安市总工会举办招聘会。西安市工会将联合人社等部门开展招聘活动。")
    unions = [e for e in entities.values() if e.type.value == "Union"]
    assert len(unions) == 1, [u.name for u in unions]


def test_qualified_short_form_is_located_in_the_place() -> None:
    _, result = _entities(
        "## 西安工会精准送岗\n\n近日,西安市举办招聘会。市总工会常务副主席王雷介绍了情况。"
    )
    assert ("Union/西安市总工会", "locatedIn", "Place/西安市") in {
        (r.head, r.predicate.value, r.tail) for r in result.relations
    }


def test_autonomous_prefecture_short_form_is_one_node() -> None:
    entities, _ = _entities(
        "## 海西州工会开展关爱货车司机活动\n\n"
        "青海省海西蒙古族藏族自治州工会开展关爱货车司机系列活动。海西州工会着力加强服务阵地建设。"
    )
    assert "海西州" in entities["海西蒙古族藏族自治州"].aliases
    unions = [e for e in entities.values() if e.type.value == "Union"]
    assert len(unions) == 1, [u.name for u in unions]


def test_autonomous_county_and_its_stem_are_one_node() -> None:
    entities, _ = _entities(
        "近年来,龙胜各族自治县总工会积极推进新时期产业工人队伍建设改革工作,先后组织举办全县电力行业、"
        "卫生系统和矿业行业职工职业技能竞赛,以建设知识型、技能型、创新型产业工人队伍为目标,搭平台,"
        "强助力,不断提升产业工人政治素养和业务能力,加速培育新质生产力,推动了龙胜产业工人队伍建设改革"
        "工作全面开展。"
    )
    places = sorted(e.name for e in entities.values() if e.type.value == "Place")
    assert places == ["龙胜各族自治县"], places


def test_district_written_without_its_level_is_one_node() -> None:
    entities, _ = _entities(
        "## 上城区总工会团结企业与职工走出共济共赢新路\n\n"
        "上城区总工会聚焦构建和谐劳动关系,用实际行动展现上城工会的硬核担当。"
    )
    assert "上城工会" in entities["上城区总工会"].aliases


def test_programme_named_by_its_users_joins_the_named_one() -> None:
    entities, _ = _entities(
        "襄阳市总工会设立爱心母婴室、爱心托管班。襄阳市总自筹资金200余万元,设立职工子女托管班56家。"
    )
    assert "职工子女托管班" in entities["爱心托管班"].aliases
    assert "爱心母婴室" in entities


def test_graded_programmes_stay_apart() -> None:
    entities, _ = _entities(
        "上城区总工会新增市级示范职工之家3家、先进职工之家5家,建成职工之家120家。"
    )
    assert {"示范职工之家", "先进职工之家", "职工之家"} <= set(entities)


def _located(result) -> set[tuple[str, str]]:
    names = {e.id: e.name for e in result.entities}
    return {
        (names[r.head], names[r.tail]) for r in result.relations if r.predicate.value == "locatedIn"
    }


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # written together (黑龙江省抚远市): linked although 佳木斯市 lies between
        (
            "黑龙江省佳木斯市抚远市信访局主动协助。黑龙江省抚远市总工会建立工会信访网格化管理机制。",
            [("抚远市", "佳木斯市"), ("佳木斯市", "黑龙江省"), ("抚远市", "黑龙江省")],
            [],
        ),
        # only geography: the link skipping the named 佳木斯市 is dropped
        (
            "黑龙江省佳木斯市抚远市信访局主动协助。抚远市总工会建立工会信访网格化管理机制。",
            [("抚远市", "佳木斯市"), ("佳木斯市", "黑龙江省")],
            [("抚远市", "黑龙江省")],
        ),
        # one article names both, neither writes them together: no link from the
        # division table alone (GUIDELINES: never from world knowledge alone)
        (
            "杭州市总工会召开全市工会推进会。上城区总工会开展高温慰问。",
            [],
            [("上城区", "杭州市"), ("上城区总工会", "杭州市")],
        ),
        # every level a name writes (GUIDELINES: place-qualified names at every level)
        (
            "江门市新会区总工会主办活动。",
            [("江门市新会区总工会", "新会区"), ("江门市新会区总工会", "江门市")],
            [],
        ),
    ],
)
def test_divisions_link_as_written_and_to_the_nearest_named_parent(
    text: str, present: list, absent: list
) -> None:
    _, result = _entities(text)
    located = _located(result)
    assert set(present) <= located
    assert not set(absent) & located


def test_division_parent_needs_the_same_article() -> None:
    _, result = _entities(
        "## 杭州工会召开会议\n\n杭州市总工会召开全市工会数字化改革推进会。\n\n"
        "## 上城区总工会团结企业与职工走出共济共赢新路\n\n上城区总工会聚焦和谐劳动关系。",
        "上城区总工会开展高温慰问。",
    )
    assert ("上城区", "杭州市") not in _located(result)
    _, result = _entities("杭州市上城区总工会开展高温慰问。")
    assert ("上城区", "杭州市") in _located(result)


def test_short_form_takes_the_nearest_place_in_its_sentence() -> None:
    entities, _ = _entities(
        "## 上城区总工会团结企业\n\n区总工会带队考察四川广元市。"
        "高质量承办浙江省劳模工匠学习贯彻省第十五次党代会精神暨助力志愿服务交流对接活动。"
    )
    assert "浙江省第十五次党代会" in entities
    assert "四川省第十五次党代会" not in entities


def test_year_prefixed_short_event_name_is_qualified() -> None:
    entities, _ = _entities(
        "## 2022年市社会化职业化工会工作者招聘笔试举行\n\n"
        "根据相关工作安排,2022年杭州市社会化职业化工会工作者招聘笔试于近期举行。"
    )
    event = entities["2022年杭州市社会化职业化工会工作者招聘笔试"]
    assert "2022年市社会化职业化工会工作者招聘笔试" in event.aliases


def test_headline_short_name_of_an_event_joins_the_full_one() -> None:
    entities, _ = _entities(
        "## 市总工会召开深入构建新时代和谐劳动关系工作交流会\n\n"
        "杭州市总工会召开贯彻党的二十大精神深入构建新时代和谐劳动关系工作交流视频会议。"
    )
    events = [e for e in entities.values() if e.type.value == "Event" and e.name != "党的二十大"]
    assert len(events) == 1, [e.name for e in events]


def test_place_union_joins_the_federation_named_with_its_province() -> None:
    entities, _ = _entities(
        "## 西安工会精准送岗\n\n陕西省西安市总工会举办招聘会。西安工会还开展直播带岗。"
    )
    assert "西安工会" in entities["陕西省西安市总工会"].aliases


def test_short_forms_follow_the_chain_to_the_fullest_name() -> None:
    entities, _ = _entities(
        "## 河北清河县总在健康服务站配备智能体检仪\n\n"
        "日前,河北省邢台市清河县总工会组织职工体检。据清河县总工会党组书记王涛介绍。"
        "“县总将分批组织全县职工免费体检。”"
    )
    unions = [e for e in entities.values() if e.type.value == "Union"]
    assert len(unions) == 1, [u.name for u in unions]
    assert {"清河县总工会", "县总"} <= set(unions[0].aliases)


# across documents: the same thing written with and without its outer places is one
# node when the place chains agree (issue item 4); sentences from the seeds and dev set
ACROSS = [
    (
        ("陕西省西安市总工会举办招聘会。", "西安市总工会党组书记薛振虎出席活动。"),
        {"西安市总工会"},
        {"陕西省西安市总工会"},
    ),
    (
        ("浙江省杭州市总工会召开推进会。", "杭州市总工会召开全市工会数字化改革推进会。"),
        {"杭州市总工会"},
        {"浙江省杭州市总工会"},
    ),
    (
        ("美团公司工会开展活动。美团在全国设立站点。", "美团骑手在驿站休息,美团工会负责人介绍。"),
        {"美团"},
        {"美团公司"},
    ),
    # 党的 only says whose congress it is (d07, d19)
    (
        (
            "深入学习贯彻党的十九大精神,推动工会改革。",
            "课程既有工会改革与工会组织面临的形势任务、十九大精神解读。",
        ),
        {"党的十九大"},
        {"十九大"},
    ),
    # a name without places is not the one qualified by a place (issue 8 item 4: of the
    # six such pairs when the 45 dev texts are built together, none is one thing): a
    # national company and its regional branch, a programme and a province's one
    (
        ("广西顺丰速运有限公司工会举办活动。", "顺丰速运有限公司派出快递员参加比赛。"),
        {"广西顺丰速运有限公司", "顺丰速运有限公司"},
        set(),
    ),
    (
        ("吉林工匠学院揭牌成立。", "各地工会纷纷成立工匠学院,培育技能人才。"),
        {"吉林工匠学院", "工匠学院"},
        set(),
    ),
    # the places disagree: two districts of the same name stay two unions
    (
        ("北京市朝阳区总工会开展活动。", "吉林省长春市朝阳区总工会开展活动。"),
        {"北京市朝阳区总工会", "吉林省长春市朝阳区总工会"},
        set(),
    ),
]


@pytest.mark.parametrize(("texts", "present", "absent"), ACROSS)
def test_names_merge_across_documents_when_places_agree(texts, present, absent) -> None:
    entities, _ = _entities(*texts)
    assert present <= set(entities)
    assert not absent & set(entities)


_SHORT_FORM_QUALIFIED = [
    # a division written without its level word qualifies the name after it
    (
        "本报讯 5月28日,黔南工匠学院揭牌暨黔南州劳模和工匠人才创新工作室领衔人创新能力"
        "培训班开班仪式举行,仪式由贵州省电子信息技师学院与黔南州总工会联合举办。",
        "黔南工匠学院",
        "Place/黔南州",
        True,
    ),
    (
        "云南省人大常委会副主任、省总工会主席王树芬代表省总,为4家单位授予“云南工匠学院”牌匾,"
        "它们是云南铜业高级技工学校、云南交投集团职工培训中心、云南技师学院和玉溪技师学院。",
        "云南交投集团职工培训中心",
        "Place/云南省",
        True,
    ),
    # only a short form that begins the name qualifies it
    (
        "本报讯 5月28日,黔南工匠学院揭牌暨黔南州劳模和工匠人才创新工作室领衔人创新能力"
        "培训班开班仪式举行,仪式由贵州省电子信息技师学院与黔南州总工会联合举办。",
        "贵州省电子信息技师学院",
        "Place/黔南州",
        False,
    ),
]


@pytest.mark.parametrize(("text", "name", "place", "located"), _SHORT_FORM_QUALIFIED)
def test_division_short_form_in_a_name_gives_located_in(
    text: str, name: str, place: str, located: bool
) -> None:
    entities, result = _entities(text)
    assert name in entities
    pairs = {(r.head, r.predicate.value, r.tail) for r in result.relations}
    assert ((entities[name].id, "locatedIn", place) in pairs) is located


_ONE_PROGRAMME_OR_BODY = [
    # 职工 / 工会服务 before a programme are generic words
    (
        "2023年4月，新会区骑行之家工会宣告成立，此后在新会区总工会推进职工户外爱心驿站建设中"
        "出了不少力。新会区总工会表示，下一步将以户外爱心驿站站点建设为抓手，吸引更多新业态"
        "劳动者加入工会。",
        "职工户外爱心驿站",
        "户外爱心驿站",
    ),
    (
        "签约结束后,与会人员参观了金兰物流基地和工会服务司机之家。"
        "本报讯(记者 赵院刚)聚盟公路港8月4日迎来西安市物流园区的首个“司机之家”。",
        "工会服务司机之家",
        "司机之家",
    ),
    # 政府 = 人民政府, 文化宫 = 工人文化宫
    (
        "本网讯（金正林）2017年12月25日下午，西双版纳州人民政府与州总工会联席会议举行。"
        "会议认为，州总工会始终紧扣州委、西双版纳州政府的中心任务。",
        "西双版纳州人民政府",
        "西双版纳州政府",
    ),
    (
        "在乒乓球训练场,阎京华驻足察看职工训练情况,认为吴忠市文化宫场地宽敞、环境优美,"
        "希望吴忠市总工会精心谋划,把工人文化宫打造成职工群众满意的健身场所。"
        "随后,阎京华一行沿着景观步道走到吴忠市工人文化宫的室外场地。",
        "吴忠市工人文化宫",
        "吴忠市文化宫",
    ),
]


@pytest.mark.parametrize(("text", "canonical", "other"), _ONE_PROGRAMME_OR_BODY)
def test_qualified_and_generic_forms_are_one_node(text: str, canonical: str, other: str) -> None:
    entities, _ = _entities(text)
    assert canonical in entities
    assert other not in entities
    assert other in entities[canonical].aliases


_APART = [
    # a prefix that is neither a place, an organisation nor a generic word keeps two
    # programmes apart
    (
        "公司建成孙礼玲职工创新工作室。区总工会命名了十家职工创新工作室。",
        "职工创新工作室",
    ),
    # a site named only by its users and head is the kind of site, apart from the one
    # site a community or a body qualifies (GUIDELINES: service sites; d09, d18)
    (
        "五华区总工会联合多方力量,建起56个工会驿站。"
        "他一路小跑躲进云南省昆明市五华区红云街道银河社区工会驿站,端起一杯热姜茶。",
        "工会驿站",
    ),
    (
        "电力作家王震带着新作走进国网甘肃省电力公司培训中心职工书屋,与读者分享创作历程。"
        "职工书屋作为全国总工会创办的一项公益文化品牌工程,在甘肃不断扩面提质。",
        "职工书屋",
    ),
]


@pytest.mark.parametrize(("text", "name"), _APART)
def test_programme_with_a_person_prefix_or_a_generic_site_stays_apart(text: str, name: str) -> None:
    entities, _ = _entities(text)
    assert name in entities
    assert any(n != name and n.endswith(name) for n in entities)


# names of one thing that differ by a written form (synonyms, level words, grades);
# sentences from the dev set
_ONE_NODE = [
    # 高新区 = 高新技术产业园区
    (
        "会议传达了达州高新技术产业园区总工会产改会议精神。高新区总工会以及康瑞新材料科技"
        "公司工会负责人参加。达州高新区总工会表示将继续推进。",
        "达州高新技术产业园区总工会",
        "达州高新区总工会",
    ),
    # 领导小组 = 工作领导小组
    (
        "琼海市产改工作领导小组召开会议。市产改领导小组副组长林茹出席。琼海市产改领导小组"
        "各成员单位协同发力。",
        "琼海市产改工作领导小组",
        "琼海市产改领导小组",
    ),
    # 新区 is a level word: 新区文旅局 in a Binhai article is 滨海新区文化和旅游局
    (
        "由天津市滨海新区总工会和滨海新区文化和旅游局共同主办。阅读年期间,新区总工会和"
        "新区文旅局将推选100名职工领读者。",
        "滨海新区文化和旅游局",
        "新区文旅局",
    ),
    # 黄州工业园 is 黄州区工业园 when the document writes both
    (
        "## 黄州区工业园工会联合会正式成立\n\n本报讯 11月28日,黄州工业园工会联合会第一次会员"
        "代表大会召开。这次大会由黄州区总工会和黄州工业园管委会共同推动筹备。",
        "黄州区工业园工会联合会",
        "黄州工业园工会联合会",
    ),
    # a venue is qualified like an organisation
    (
        "滨海新区职工阅读年启动仪式在滨海新区图书馆举行。"
        "新区图书馆还将为区内的职工书屋开展活动提供场地。",
        "滨海新区图书馆",
        "新区图书馆",
    ),
]


@pytest.mark.parametrize(("text", "canonical", "other"), _ONE_NODE)
def test_written_forms_of_one_name_are_one_node(text: str, canonical: str, other: str) -> None:
    entities, _ = _entities(text)
    assert canonical in entities, sorted(entities)
    assert other not in entities
    assert other in entities[canonical].aliases


_NOT_SHORT_FORMS = [
    # 县级 is a grade: the national programme is not qualified with the article's county
    (
        "辽源市总工会和东丰县总工会分别汇报了“县级工会加强年”工作推进情况。",
        "县级工会加强年",
        "东丰县级工会加强年",
    ),
    # 全国职工书屋 named too: 职工书屋 is the national programme, not the district's site
    (
        "签约后双方一同为“滨海新区职工书屋”揭牌。新区图书馆还将为区内的全国职工书屋、"
        "活力职工书屋开展活动提供场地。双方共同推动职工书屋建设。",
        "职工书屋",
        "滨海新区职工书屋",
    ),
]


@pytest.mark.parametrize(("text", "name", "other"), _NOT_SHORT_FORMS)
def test_grades_and_national_programmes_stay_their_own_nodes(
    text: str, name: str, other: str
) -> None:
    entities, _ = _entities(text)
    assert name in entities, sorted(entities)
    if other in entities:
        assert name not in entities[other].aliases


def test_programme_after_a_generic_word_is_one_node_across_documents() -> None:
    entities, _ = _entities(
        "签约结束后,与会人员参观了金兰物流基地和工会服务司机之家。",
        "聚盟公路港8月4日迎来西安市物流园区的首个“司机之家”。",
    )
    programmes = [n for n, e in entities.items() if e.type.value == "Programme"]
    assert len([n for n in programmes if n.endswith("司机之家")]) == 1, programmes


# a company's short name and its full name in one document: (names in the document,
# short, full or None when the short name must stay its own node); real names
COMPANY_PAIRS = [
    (["大庆市众惠人力资源有限公司", "众惠公司"], "众惠公司", "大庆市众惠人力资源有限公司"),
    (["万事利集团", "万事利"], "万事利", "万事利集团"),
    (["顺丰速运有限公司", "顺丰"], "顺丰", "顺丰速运有限公司"),
    (["中国国家铁路集团有限公司", "国铁集团"], "国铁集团", "中国国家铁路集团有限公司"),
    # a regional branch (it names a place the short name does not) is not what the short
    # name means, beside its parent
    (
        ["中国国家铁路集团有限公司", "中国铁路南宁局集团有限公司", "国铁集团"],
        "国铁集团",
        "中国国家铁路集团有限公司",
    ),
    # two companies fit and neither is a branch: the short name says neither
    (
        ["中国国家铁路集团有限公司", "中国铁路工程集团有限公司", "国铁集团"],
        "国铁集团",
        None,
    ),
    # a branch is not its parent's short name
    (["国网甘肃省电力公司", "国网"], "国网", None),
    # the places disagree
    (["大庆市众惠人力资源有限公司", "哈尔滨市众惠公司"], "哈尔滨市众惠公司", None),
    # not a business word after the short name
    (["江苏科森科技公司", "江苏科森医疗器械厂"], "江苏科森科技公司", None),
    # another class of company
    (["美团集团", "美团有限公司"], "美团有限公司", None),
]


@pytest.mark.parametrize(("names", "short", "full"), COMPANY_PAIRS)
def test_company_short_names(names: list[str], short: str, full: str | None) -> None:
    from kg.resolve.resolver import _company_short_names, _place_forms

    renames = _company_short_names(sorted(names), _place_forms(["大庆市", "哈尔滨市"]))
    assert renames.get(short) == full


ORGANIZATION_PAIRS = [
    (["法律援助中心", "法律援助服务中心"], "法律援助中心", "法律援助服务中心"),
    # not business words between them
    (["职工中心", "职工文体中心"], "职工中心", None),
    # no initials for organisations: 帮扶中心 is not 困难职工帮扶中心 (d18)
    (["帮扶中心", "困难职工帮扶中心"], "帮扶中心", None),
    # the places disagree
    (["大庆市法律援助中心", "哈尔滨市法律援助服务中心"], "大庆市法律援助中心", None),
]


@pytest.mark.parametrize(("names", "short", "full"), ORGANIZATION_PAIRS)
def test_organization_short_names(names: list[str], short: str, full: str | None) -> None:
    from kg.resolve.resolver import _company_short_names, _place_forms

    forms = _place_forms(["大庆市", "哈尔滨市"])
    renames = _company_short_names(sorted(names), forms, "organizations")
    assert renames.get(short) == full


def test_company_short_name_in_an_article_joins_the_full_name() -> None:
    entities, _ = _entities(
        "其中,通过大庆市众惠人力资源有限公司合作,市总向江苏、山东等沿海地区送去不少求职者。"
        "仅今年初,大庆市总就通过众惠公司向江苏科森科技公司输送职工221人。"
    )
    assert "众惠公司" in entities["大庆市众惠人力资源有限公司"].aliases
    assert "众惠公司" not in entities


def test_a_leading_filler_is_not_part_of_a_company_name() -> None:
    entities, _ = _entities(
        "发挥辖区娃哈哈、万事利两家省级产改试点企业示范带动作用。"
        "注重榜样引领,指导辖区万事利集团成功创建“全国和谐劳动关系创建示范企业”。"
    )
    company = entities["万事利集团"]
    assert {"万事利", "辖区万事利集团"} <= set(company.aliases)


_TRADITIONAL = [
    # Taiwan's press writes 中市 for 台中市; the spelling of the source stays an alias
    (
        "台中市勞工總工會第一屆第一次會員代表大會暨成立大會18日登場。"
        "為落實「自立自強、專業服務」,中市勞工總工會提出三項具體做法。",
        "台中市劳工总工会",
        {"中市劳工总工会", "台中市勞工總工會"},
    ),
]


@pytest.mark.parametrize(("text", "canonical", "aliases"), _TRADITIONAL)
def test_traditional_text_keeps_its_spelling_as_aliases(
    text: str, canonical: str, aliases: set[str]
) -> None:
    entities, _ = _entities(text)
    assert canonical in entities, sorted(entities)
    assert aliases <= set(entities[canonical].aliases)


def test_national_union_under_its_formal_name_is_one_node() -> None:
    entities, _ = _entities(
        "中国海员建设工会全国委员会举办主题活动。中国海员建设工会主席出席并讲话。"
    )
    assert "中国海员建设工会全国委员会" in entities["中国海员建设工会"].aliases
    assert entities["中国海员建设工会"].type.value == "Union"


def test_short_event_name_ending_a_themed_name_joins_it() -> None:
    entities, _ = _entities(
        "“中国梦·劳动美——学习二十大 建功新时代”职工书屋阅读交流会当天在此举办。"
        "接连推出以及职工书屋阅读交流会等系列主题活动。"
    )
    events = [n for n, e in entities.items() if e.type.value == "Event"]
    assert len([n for n in events if n.endswith("职工书屋阅读交流会")]) == 1, events


def test_programme_short_form_stays_in_its_article(built_seeds) -> None:
    """Seed 001 is a page of several articles: its Guizhou article quotes “县工级工会加强年”
    and another article names 滨海县; the programme is not that county's."""
    ttl = (built_seeds / "graph.ttl").read_text(encoding="utf-8")
    assert '"县工级工会加强年"@zh' in ttl
    assert "滨海县工级工会加强年" not in ttl


# (text, short form's membership: person, the body it must be, a body it must not be)
_QUALIFIED_IN_ITS_ARTICLE = [
    # the chain writes the place: 西宁市委常委、…、市总工会 → 西宁市总工会, not the
    # article's other city union
    (
        "## 青海:高温时节送清凉\n\n本报讯 7月23日,省委常委王宇燕在西宁市委常委、宣传部部长、"
        "市总工会主席王霞等陪同下,慰问一线交警。当天,西安市总工会开行返乡专列。",
        "王霞",
        "西宁市总工会",
        "西安市总工会",
    ),
    # the headline's province qualifies 省总工会 before another article's 甘肃省总工会
    (
        "## 甘肃:书香满陇原\n\n这场由甘肃省总工会主办的阅读交流会在兰州举行。\n\n"
        "## 青海:高温时节送清凉\n\n本报讯 7月23日,省总工会党组书记、常务副主席李忠慰问交警。",
        "李忠",
        "青海省总工会",
        "甘肃省总工会",
    ),
    # negative: no place written before it, the article's own union is meant
    (
        "## 西安工会精准送岗\n\n近日,西安市总工会举办招聘会。陕西省人社厅和市总工会主席王雷出席。",
        "王雷",
        "西安市总工会",
        "陕西省总工会",
    ),
]


# a page of several articles (d10, d18): a short form binds to its own article's place
# or name, never to another article's; sentences from the dev set
_OWN_ARTICLE = [
    (
        "## 海南政府与工会联席会议聚焦新就业形态劳动者\n\n"
        "本报讯 海南省政府与海南省总工会联席会议9月4日上午召开。\n\n"
        "2023年琼海市人民政府与市总工会联席会议6月29日召开。"
        "市人大常委会副主任、市总工会主席林茹出席。\n\n"
        "## 苏丹工联代表团来琼考察访问\n\n代表团考察了三亚市总工会帮扶中心。\n\n"
        "## 柳州市职工职业技能大赛落幕\n\n"
        "大赛由柳州市总工会、柳州市人大常委会主办。市总工会主席梁日春说。",
        {"琼海市总工会": "市总工会", "琼海市人大常委会": "市人大常委会"},
        {"三亚市总工会": "市总工会", "柳州市人大常委会": "市人大常委会"},
    ),
    (
        "## 青海:高温时节送清凉 关爱一线劳动者\n\n"
        "青海省委常委王宇燕,省总工会党组书记李忠参加慰问。"
        "西宁市委常委、市总工会主席王霞一同慰问。\n\n"
        "## 西安工会开行平安返乡爱心专列\n\n西安市总工会开行平安返乡爱心专列。\n\n"
        "## 甘肃:让工会小书屋成为职工精神大花园\n\n活动由甘肃省总工会主办。",
        {"青海省总工会": "省总工会", "西宁市总工会": "市总工会"},
        {"甘肃省总工会": "省总工会", "西安市总工会": "市总工会"},
    ),
    # two written forms of one union in the article (高新区 = 高新技术产业园区) are one
    # fuller name, not two that leave 区总工会 unresolved (d08)
    (
        "## 达州高新区总工会投入26.62万元开展春节送温暖\n\n"
        "本报讯 新春将至,达州高新技术产业园区总工会开展春节“送温暖”慰问。"
        "活动中,区总工会党组书记、副主席郭广恩带队走访。\n\n"
        "## 网约车司机有了自己的“家”\n\n成都市锦江区总工会为网约车司机建起驿站。",
        {"达州高新技术产业园区总工会": "区总工会"},
        {"锦江区总工会": "区总工会"},
    ),
    # a collective place (各县市) qualifies nothing
    (
        "## 郑州:体检送健康\n\n郑州市总工会在郑州市职工文体中心开展体检。"
        "职工由各县市(区)总工会筛选,可到市职工文体中心体检。",
        {"郑州市职工文体中心": "市职工文体中心"},
        {"各县市职工文体中心": "市职工文体中心"},
    ),
]


@pytest.mark.parametrize(("text", "person", "body", "not_body"), _QUALIFIED_IN_ITS_ARTICLE)
def test_level_short_form_takes_its_own_articles_place(
    text: str, person: str, body: str, not_body: str
) -> None:
    _, result = _entities(text)
    ids = {e.id: e.name for e in result.entities}
    member = {
        ids[r.tail]
        for r in result.relations
        if r.predicate.value == "memberOf" and ids[r.head] == person
    }
    assert body in member
    assert not_body not in member


# a zone named after its division (开发区, 新区, 工业园) lies in it, and so does what is
# named after the zone; a place whose name only begins like another's short form does not
_ZONES = [
    (
        "## 天门工会阵地建设\n\n天门市总工会调研。"
        "随后,龚红敏一行先后来到东方社区、天门经济开发区总工会。",
        ("天门经济开发区总工会", "天门市"),
        True,
    ),
    (
        "## 天门工会阵地建设\n\n天门市总工会调研。"
        "随后,龚红敏一行先后来到东方社区、天门经济开发区总工会。",
        ("天门经济开发区", "天门市"),
        True,
    ),
    (
        "本报讯 10月27日上午,江苏省连云港市连云区产业工人队伍建设改革专题辅导报告会召开。"
        "连云港市总工会有关负责人出席。",
        ("连云港市总工会", "连云区"),
        False,
    ),
    (
        "本报讯 2020年11月23日下午,合肥市瑶海区浙江商贸城楼宇工会联合会成立大会召开。",
        ("合肥市瑶海区浙江商贸城楼宇工会联合会", "浙江省"),
        False,
    ),
]


@pytest.mark.parametrize(("text", "pair", "present"), _ZONES)
def test_zone_lies_in_the_division_it_is_named_after(
    text: str, pair: tuple[str, str], present: bool
) -> None:
    _, result = _entities(text)
    assert (pair in _located(result)) is present


@pytest.mark.parametrize(("text", "joined", "apart"), _OWN_ARTICLE)
def test_short_forms_bind_to_their_own_article(
    text: str, joined: dict[str, str], apart: dict[str, str]
) -> None:
    entities, _ = _entities(text)
    for name, short in joined.items():
        assert short in entities[name].aliases, (name, entities[name].aliases)
    for name, short in apart.items():
        assert name not in entities or short not in entities[name].aliases, name


def test_a_declared_short_form_binds_within_its_own_article() -> None:
    # two articles of one page each declare 产投集团 for their own city's company
    entities, _ = _entities(
        "## 合肥产投集团首届评选揭晓\n\n"
        "日前,合肥市产业投资控股集团(集团)有限公司(以下简称产投集团)首届评选揭晓。"
        "产投集团工会采取基层组织推荐等措施。\n\n"
        "## 芜湖产投集团开展技能竞赛\n\n"
        "芜湖市产业投资集团有限公司(以下简称产投集团)开展技能竞赛。"
        "产投集团工会采取基层组织推荐等措施。"
    )
    assert "合肥市产业投资控股集团(集团)有限公司工会" in entities
    assert "芜湖市产业投资集团有限公司工会" in entities
