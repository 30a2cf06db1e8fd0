"""Programme names (kg_programmes and the programme side of kg_organisations), each rule
on real sentences of the seeds and dev set d01–d30, negatives included."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T


def _names(mentions, label=None) -> set[str]:
    return {m.display_name for m in mentions if label is None or m.label == label}


# 劳模和工匠人才 is one domain term: the programme named after it keeps it whole
DOMAIN_TERMS = [
    (
        "建成劳模和工匠人才创新工作室8个,省级、市州级、县区级分别为1个、4个、3个。",
        "劳模和工匠人才创新工作室",
    ),
    (
        "揭牌仪式后,黔南工匠学院首期黔南劳模和工匠人才创新工作室领衔人创新能力提升班随即开班。",
        "黔南劳模和工匠人才创新工作室",
    ),
    # a count of hours opens a service's name (24小时)
    (
        "工會會員人數超過300萬人、救助和慰問患病職工24萬余人次、建設24小時智能化服務驛站2006家……天津工會"
        "在黨的領導下,認真履行團結動員廣大職工聽黨話、跟黨走的政治責任和維權服務基本職責,為譜寫中國式"
        "現代化天津篇章作出重要貢獻。",
        "24小时智能化服务驿站",
    ),
    # a gazetteer short form right after a verb jieba tags as a noun (深化/j) is the verb's
    # object, not the end of another body's name
    (
        "2026年,财贸轻纺烟草工会将聚焦主责主业、发挥特色优势,突出“54331”工作目标,开展“两团双百”宣传"
        "宣讲,抓好300家龙头企业和50个产业集群深化产改,加强劳模工匠创新工作室建设,做好新就业群体建会"
        "入会、维权服务,做实工会“爱心餐”、工会关爱服务外卖骑手专项工作,开展“工会惠工促消费”“工会金蓝领"
        "大学堂”,用好“职工之家”APP数智赋能,优化工作体系、加强工作协同,为实现“十五五”良好开局更好发挥"
        "产业工会作用。",
        "产业工人队伍建设改革",
    ),
]
NOT_DOMAIN_TERMS = [
    (
        "建成劳模和工匠人才创新工作室8个,省级、市州级、县区级分别为1个、4个、3个。",
        "工匠人才创新工作室",
    ),
]


@pytest.mark.parametrize(("text", "name"), DOMAIN_TERMS)
def test_programme_named_by_a_domain_term(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "word"), NOT_DOMAIN_TERMS)
def test_domain_term_is_not_cut(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)


# a 中心 named, after its owners, only by its users and purpose is a service site
# (GUIDELINES: service sites); a 工作室联盟 with no place or body in its name is a programme
# (GUIDELINES: alliances)
SITES = [
    ("代表团先后考察了三亚市总工会帮扶中心,走进海航集团展览馆。", "三亚市总工会帮扶中心"),
    ("调研组先后来到延吉市总工会职工服务中心、职工驿站。", "延吉市总工会职工服务中心"),
    (
        "11月18日上午,沙头角深港国际消费合作区职工服务中心在沙盐路东顺雅苑揭牌。",
        "沙头角深港国际消费合作区职工服务中心",
    ),
    (
        "会上成立了全国机械冶金建材行业劳模和工匠人才创新工作室联盟。",
        "全国机械冶金建材行业劳模和工匠人才创新工作室联盟",
    ),
    # a central station (服务总站) and an e-station (服务e站) of workers' services
    ("昨天(12月22日),苏州户外劳动者服务总站同步揭牌启用。", "苏州户外劳动者服务总站"),
    ("10月1日至7日,全市143个福州职工服务e站(工会驿站)持续开放。", "福州职工服务e站"),
    # a complex of workers' services (综合体) after its quoted name; a series of actions
    (
        "随后,巨晓林一行到经开区总工会,实地调研“三基地一中心”服务职工综合体。",
        "三基地一中心服务职工综合体",
    ),
    (
        "工聯會4月25日在香港會議展覽中心舉行「五.一」國際勞動節慶祝工聯會成立75周年暨「服務市民走在前」"
        "系列行動啟動禮,標誌著工聯會的服務將會繼往開來,在新時代開啟新篇章。",
        "服务市民走在前系列行动",
    ),
]
NOT_SITES = [
    # a site that organises acts: an organisation (GUIDELINES: a venue that acts)
    (
        "据了解,此次活动的主办单位是厦门市总工会,承办单位为厦门市工人文化宫、厦门市职工服务中心。",
        "厦门市职工服务中心",
    ),
    ("昌平农服中心劳模创新工作室联盟成立。", "昌平农服中心劳模创新工作室联盟"),
    (
        "7月4日来河南省郑州市职工文体中心五楼健康管理中心体检的一位女职工。",
        "河南省郑州市职工文体中心",
    ),
]


@pytest.mark.parametrize(("text", "name"), SITES)
def test_service_sites_and_kind_named_alliances(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_SITES)
def test_bodies_with_a_shared_head_stay_organisations(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.ORGANIZATION)


# award titles: the object of 被评为 / 获评 / 荣获, or of 获得 before 称号 (GUIDELINES: award
# titles), each item of a 、 list; a contest's 先进个人 title names the contest; a level
# grade (省级) is not part of the title
AWARD_TITLES = [
    (
        "该学院已连续15年获得省优秀培训机构称号,2011年获评省金牌职业技能鉴定所,"
        "次年又获评国家示范职业技能鉴定所。",
        "省优秀培训机构",
    ),
    (
        "该学院已连续15年获得省优秀培训机构称号,2011年获评省金牌职业技能鉴定所,"
        "次年又获评国家示范职业技能鉴定所。",
        "国家示范职业技能鉴定所",
    ),
    (
        "荣获黔西南州2021年度模范职工之家(小家)、黔西南州2021年度厂务公开民主管理示范单位等荣誉。",
        "黔西南州2021年度厂务公开民主管理示范单位",
    ),
    (
        "鞍钢集团钢铁研究院一级研究员于淑娟等被评为优秀岗位争先创优带头人。",
        "优秀岗位争先创优带头人",
    ),
    (
        "他获得2022年度滇中引水工程劳动和技能竞赛先进个人称号。",
        "2022年度滇中引水工程劳动和技能竞赛",
    ),
    ("其间,荣获省级工人先锋号1个,市级示范职工之家1个。", "工人先锋号"),
    # the ones counted before a title receive it; the title opens on its place
    (
        "经严格评选,河南省总工会决定授予魏金龙等356名同志河南省五一劳动奖章,授予恒天重工股份"
        "有限公司等63个单位河南省五一劳动奖状,授予郑州市第一人民医院郑州岐伯山医院等147个集"
        "体河南省工人先锋号。",
        "河南省工人先锋号",
    ),
    # a quoted title is a name as written (之 inside it); a chain of quoted titles gives
    # one title each
    (
        "竞赛涌现了一批优秀的员工和单位,国网重庆市北供电公司夺得团体一等奖,国网重庆市北供电公司李静怡"
        "等10名选手荣获“重庆市供电服务之星”称号。",
        "重庆市供电服务之星",
    ),
    (
        "据悉,沙坪坝区工会第五次代表大会以来,该区各级工会组织先后荣获全国“双15工程重要贡献单位”"
        "“厂务公开民主管理先进单位”等15项国家级荣誉,“沙磁工韵”新范例、“骑手友好街区”等7个创新案例"
        "在全国推广、数量居全市第一。",
        "厂务公开民主管理先进单位",
    ),
]
NOT_AWARD_TITLES = [
    # the people awarded (356名同志) are no part of the title
    (
        "经严格评选,河南省总工会决定授予魏金龙等356名同志河南省五一劳动奖章,授予恒天重工股份"
        "有限公司等63个单位河南省五一劳动奖状,授予郑州市第一人民医院郑州岐伯山医院等147个集"
        "体河南省工人先锋号。",
        "同志河南省五一劳动奖章",
    ),
    ("获评的3家单位顺利通过了验收评审等各个环节。", "3家单位"),
    ("目前获得这一称号的所属单位已达32家。", "这一"),
    ("他获得2022年度滇中引水工程劳动和技能竞赛先进个人称号。", "技能竞赛先进个人"),
    ("其间,荣获省级工人先锋号1个,市级示范职工之家1个。", "省级工人先锋号"),
    ("在广州市直机关职工羽毛球赛中荣获男子团体一等奖。", "男子团体一等奖"),
    # 等 of a prize rank (一等奖) ends no title
    (
        "鼓励扬子江船业、大明集团、长强系统、中建钢构、中燃油品等企业开展形式多样的职工技能比赛;"
        "协助中建钢构承办“2023年江苏省钢结构机器人焊接技能竞赛”,并荣获团体一等奖,职工谢煜"
        "杰获得第二名,为提升企业综合实力、推进幸福企业建设奠定了人才基础。",
        "团体一",
    ),
    ("项目部获得2万元资金支持。", "2万元资金支持"),
]


@pytest.mark.parametrize(("text", "name"), AWARD_TITLES)
def test_award_titles_after_their_verb(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "word"), NOT_AWARD_TITLES)
def test_no_award_title_after_the_verb(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(word in n for n in _names(mentions, T.PROGRAMME))


# a word jieba tags as a time (现代/t) between a place and the rest of a name belongs to it;
# a time word of the clause (今年, 目前) does not
TIME_WORDS_INSIDE = [
    (
        "研修班还组织学员前往内蒙古机电职业技术学院和内蒙古现代乳业工匠学院,实地学习。",
        "内蒙古现代乳业工匠学院",
    ),
]
NOT_TIME_WORDS_INSIDE = [
    ("齐齐哈尔市今年新建工匠学院10个。", "齐齐哈尔市今年新建工匠学院"),
]


@pytest.mark.parametrize(("text", "name"), TIME_WORDS_INSIDE)
def test_time_tagged_word_inside_a_name(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "word"), NOT_TIME_WORDS_INSIDE)
def test_time_word_of_the_clause_is_outside(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(word in n for n in _names(mentions))


# quoted names joined by 、 / 和 make one chain: a set-up verb before it, or a count and a
# class word after it (两项服务), makes each of them a programme
QUOTED_CHAINS = [
    ("此外,现场还有“新春写福”和“爱心义诊”两项服务,分别为职工送上祝福和健康。", "新春写福"),
    ("此外,现场还有“新春写福”和“爱心义诊”两项服务,分别为职工送上祝福和健康。", "爱心义诊"),
]
NOT_QUOTED_CHAINS = [
    ("让驿站成为户外劳动者身边的“歇脚地”和“加油站”。", "加油站"),
    ("屋内传来“飞花令”“读书沙龙”的声音。", "读书沙龙"),
]


@pytest.mark.parametrize(("text", "name"), QUOTED_CHAINS)
def test_quoted_chain_with_a_counted_class_word(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "word"), NOT_QUOTED_CHAINS)
def test_quoted_chain_without_a_cue(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)


# a place written right before a quoted programme name qualifies it and is part of the name;
# after a venue preposition (在) or a set-up verb (建成) it is where something is
QUALIFIED_QUOTES = [
    ("去年以来,先后有4人获得镇江市“五一劳动奖章”。", "镇江市五一劳动奖章"),
]
NOT_QUALIFIED_QUOTES = [
    ("在书台社区“工会驿站”,记者看到屋内干净明亮。", "书台社区工会驿站"),
    ("其中,都兰县总工会投资32.5万元建成巴隆乡“司机之家”,总面积220平方米。", "巴隆乡司机之家"),
]


@pytest.mark.parametrize(("text", "name"), QUALIFIED_QUOTES)
def test_place_before_a_quoted_name_qualifies_it(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_QUALIFIED_QUOTES)
def test_place_after_a_venue_preposition_stays_apart(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions)


# organisation heads and name-internal verbs (lexicon org_suffixes, name_internal_verbs):
# a hospital of Chinese medicine (中医院), a research office (研究室), a power research
# institute (电科院); 帮困 inside a foundation's name; a bare head names no body
ORG_HEADS = [
    ("在区中医院,邓朝霞看望了省部级劳模代表代云鑫。", "区中医院"),
    ("国网河北电科院常杰2名职工被河北省总工会表彰。", "国网河北电科院"),
    ("这是上海农商银行与上海市职工帮困基金会联手开展的公益活动。", "上海市职工帮困基金会"),
]
NOT_ORG_HEADS = [
    ("职工可以到中医院免费体检。", "中医院"),
    ("这是上海农商银行与上海市职工帮困基金会联手开展的公益活动。", "基金会"),
]


@pytest.mark.parametrize(("text", "name"), ORG_HEADS)
def test_organisation_heads(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.ORGANIZATION)


@pytest.mark.parametrize(("text", "word"), NOT_ORG_HEADS)
def test_bare_organisation_heads(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)


# two fields joined by 与 inside a faculty's or an institute's name (conjoined_heads); a
# name before 与 is another body (a partner), and a bare head (学校) is not part of it
CONJOINED = [
    ("并参观了学校机械与汽车学院、材料与化学工程学院的实训室。", "机械与汽车学院"),
    ("并参观了学校机械与汽车学院、材料与化学工程学院的实训室。", "材料与化学工程学院"),
    (
        "鞍钢集团钢铁研究院环境与资源研究所一级研究员于淑娟等被评为先进。",
        "鞍钢集团钢铁研究院环境与资源研究所",
    ),
]
NOT_CONJOINED = [
    ("并参观了学校机械与汽车学院、材料与化学工程学院的实训室。", "学校机械与汽车学院"),
    ("内蒙古工业大学与呼和浩特职业学院签订合作协议。", "内蒙古工业大学与呼和浩特职业学院"),
]


@pytest.mark.parametrize(("text", "name"), CONJOINED)
def test_fields_joined_inside_a_name(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.ORGANIZATION)


@pytest.mark.parametrize(("text", "word"), NOT_CONJOINED)
def test_bodies_joined_stay_apart(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)


# a region's literary name (云岭, 北疆: regional_title_names) names a 工匠 title like a place
REGIONAL_TITLES = [
    ("五年来已累计选树云岭工匠129名、创新工作室与技师工作站471个。", "云岭工匠"),
    ("3名来自不同行业的自治区女劳模、北疆工匠与同学们面对面交流。", "北疆工匠"),
]
NOT_REGIONAL_TITLES = [
    ("为云南培养输送更多的高技能工匠。", "高技能工匠"),
]


@pytest.mark.parametrize(("text", "name"), REGIONAL_TITLES)
def test_regional_titles(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "word"), NOT_REGIONAL_TITLES)
def test_no_title_without_a_place_or_region(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in _names(mentions)


# 示范性 is a grade, a generic modifier: it is not part of a programme's name
GENERIC_GRADES = [
    ("北京市总工会确立了建成首都示范性工匠学院的目标。", "工匠学院"),
]
NOT_GENERIC_GRADES = [
    ("北京市总工会确立了建成首都示范性工匠学院的目标。", "示范性工匠学院"),
]


@pytest.mark.parametrize(("text", "name"), GENERIC_GRADES)
def test_programme_without_its_grade(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "word"), NOT_GENERIC_GRADES)
def test_grade_is_not_in_the_name(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(word in n for n in _names(mentions))


# programme heads of service rooms, showcase points and model posts (programme_suffixes)
SITE_HEADS = [
    ("沙头角职工服务中心设有权益保障室、心理咨询室等功能区。", "权益保障室"),
    ("慰问团参观了拉萨火车站的“党员先锋岗”。", "党员先锋岗"),
    ("与会人员参观了萧山区产改展示点。", "萧山区产改展示点"),
]
NOT_SITE_HEADS = [
    ("工会把职工权益保障放在首位。", "权益保障"),
]


@pytest.mark.parametrize(("text", "name"), SITE_HEADS)
def test_site_heads(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "word"), NOT_SITE_HEADS)
def test_no_site_without_its_head(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(word in n for n in _names(mentions, T.PROGRAMME))


# 示范 inside a name before its head (name_internal_verbs): 精益工匠|示范|培育基地
INTERNAL_GRADES = [
    (
        "同时,持续发挥吉林省精益工匠示范培育基地等平台作用,省市县90个培训基地累计培训职工。",
        "吉林省精益工匠示范培育基地",
    ),
]


@pytest.mark.parametrize(("text", "name"), INTERNAL_GRADES)
def test_grade_verb_inside_a_name(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


NOT_INTERNAL_GRADES = [
    ("要充分发挥劳模工匠示范带头作用。", "示范"),
]


@pytest.mark.parametrize(("text", "word"), NOT_INTERNAL_GRADES)
def test_grade_verb_without_a_head(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert not any(word in n for n in _names(mentions))


# a 竞赛活动 runs as a campaign like a 劳动竞赛: a Programme; a 技能大赛 / 技能竞赛 is a
# one-off contest, an Event (GUIDELINES: Programme vs Event)
CAMPAIGN_CONTESTS = [
    (
        "辽宁省总工会组织的“三有三优”建功立业竞赛活动中,鞍钢集团钢铁研究院环境与资源研究所"
        "一级研究员于淑娟等被评为优秀岗位争先创优带头人。",
        "三有三优建功立业竞赛活动",
    ),
]
ONE_OFF_CONTESTS = [
    ("2024年辽宁省炼钢行业职工职业技能大赛在鞍山举行。", "2024年辽宁省炼钢行业职工职业技能大赛"),
]


@pytest.mark.parametrize(("text", "name"), CAMPAIGN_CONTESTS)
def test_contest_campaign_is_a_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)
    assert name not in _names(mentions, T.EVENT)


@pytest.mark.parametrize(("text", "name"), ONE_OFF_CONTESTS)
def test_one_off_contest_stays_an_event(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.EVENT)
    assert name not in _names(mentions, T.PROGRAMME)


# a service site named after the union that runs it, by its users and purpose only, keeps
# the union in its name (GUIDELINES: service sites); a union's short form is its owner only
OWNER_NAMED_SITES = [
    (
        "搭建起以区法律援助中心为龙头,镇街司法所、区总工会法律援助工作站和村居法律援助服务"
        "网点为支撑的多级联动法律援助网络。",
        "区总工会法律援助工作站",
    ),
]
OWNER_ONLY_SITES = [
    ("日前,河北清河县总职工健康服务站配备了智能体检仪。", "清河县总职工健康服务站"),
]


@pytest.mark.parametrize(("text", "name"), OWNER_NAMED_SITES)
def test_site_named_after_its_union(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), OWNER_ONLY_SITES)
def test_union_short_form_is_only_the_owner(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions)


# a quoted slogan of two phrases joined by a comma is one name; a class word after it may
# belong to it (实践活动, 关爱活动); a contest run as a campaign after it keeps its own 和
SLOGANS = [
    (
        "1月22日,在辖区“九里小鸽”户外劳动者驿站,金牛区九里堤街道总工会启动“留蓉不孤单,"
        "工会服务不打烊”系列“暖新”主题活动。",
        "留蓉不孤单,工会服务不打烊",
    ),
    (
        "郑州市总工会在河南省职工医院和郑州市职工文体中心两地同步开展“关爱职工健康,"
        "体检送温暖”活动。",
        "关爱职工健康,体检送温暖活动",
    ),
    (
        "针对这一情况,吴忠市总推出“你为吴忠添光彩,工会为你送健康”关爱活动,联合市卫生健康委员会"
        "组织开展免费体检。",
        "你为吴忠添光彩,工会为你送健康关爱活动",
    ),
    (
        "也是工会落实“我为群众办实事”实践活动的具体举措。",
        "我为群众办实事实践活动",
    ),
    (
        "据介绍,重庆市总工会从7月起启动“当好主人翁,建功新时代”网上劳动和技能竞赛,同步开展"
        "劳模和工匠人才创新示范工作室创建活动。",
        "当好主人翁,建功新时代网上劳动和技能竞赛",
    ),
]
# speech with a sentence end inside, the theme of an event (…驿站慰问活动), a contest phrase
# reached through a function word
NOT_SLOGANS = [
    (
        "“能喝上水、充上电,真的很贴心,我们跑单的总算有个歇脚的地方了。”一名外卖配送员说。",
        "能喝上水、充上电,真的很贴心,我们跑单的总算有个歇脚的地方了",
    ),
    (
        "湖南国寿联合所属14个市州分公司,开展“粽叶飘香,情暖驿站”户外劳动者驿站慰问活动,"
        "为坚守一线的户外劳动者送去节日问候。",
        "粽叶飘香,情暖驿站",
    ),
    (
        "这项在全国率先推出的网上竞赛,第一次把“互联网+”引入传统的劳动和技能竞赛。",
        "互联网+引入传统的劳动和技能竞赛",
    ),
]


@pytest.mark.parametrize(("text", "name"), SLOGANS)
def test_quoted_slogan_is_a_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_SLOGANS)
def test_quoted_speech_or_theme_is_no_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# an enterprise written right before its workers' site (users and purpose only), or before
# a quoted name that goes on to a head, is part of the programme's name
FIRM_NAMED = [
    ("福州农商银行城门支行工会驿站获评“全国最美工会驿站”。", "福州农商银行城门支行工会驿站"),
    ("仪式结束后,杰牌控股集团“五员合一”培训班随即开课。", "杰牌控股集团五员合一培训班"),
]
# a government body before a quoted name with its class word is only its owner
NOT_FIRM_NAMED = [
    ("福州农商银行城门支行工会驿站获评“全国最美工会驿站”。", "工会驿站"),
    ("仪式结束后,杰牌控股集团“五员合一”培训班随即开课。", "五员合一培训班"),
    (
        "陕西省人力资源和社会保障厅“秦云就业”小程序上线了职工求职专区。",
        "陕西省人力资源和社会保障厅秦云就业小程序",
    ),
]


@pytest.mark.parametrize(("text", "name"), FIRM_NAMED)
def test_enterprise_names_its_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_FIRM_NAMED)
def test_programme_without_its_owner(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# the system of a standing joint meeting is a programme named with its parties
MEETING_SYSTEMS = [
    ("政府与工会联席会议制度的建立，正是落实这一部署的重要抓手。", "政府与工会联席会议制度"),
    (
        "会议提出,今年琼海将继续落实市政府与市总工会联席会议制度,着力解决部门协调联动不够"
        "顺畅的问题。",
        "市政府与市总工会联席会议制度",
    ),
]
# no party written before it, or a verb before the last party
NOT_MEETING_SYSTEMS = [
    ("争取政府更加重视和支持联席会议制度建设并发挥主导作用。", "支持联席会议制度"),
    ("争取政府更加重视和支持联席会议制度建设并发挥主导作用。", "联席会议制度"),
    (
        "会议提出,今年琼海将继续落实市政府与市总工会联席会议制度,着力解决部门协调联动不够"
        "顺畅的问题。",
        "落实市政府与市总工会联席会议制度",
    ),
]


@pytest.mark.parametrize(("text", "name"), MEETING_SYSTEMS)
def test_joint_meeting_system(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_MEETING_SYSTEMS)
def test_no_joint_meeting_system_without_parties(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# a class word after a chain of quotes names each; site heads and the words inside a site's
# name (健身, 托管); a conjunction jieba joined to the next word is not in the name; the
# body after a granting verb receives the title
MORE_NAMES = [
    (
        "持续发力,形成了一批有亮点的创新做法,其中帮助企业“审家规”和“劳模聚”服务等得到了"
        "全国总工会的肯定。",
        "审家规",
    ),
    ("将徐汇区首批上海市职工健康服务点和一处区职工健身驿站落在这里。", "区职工健身驿站"),
    ("把心灵驿站、学习驿站和爱心托管站等功能集于一身。", "爱心托管站"),
    ("中心还设有非遗传习室和职工书屋。", "非遗传习室"),
    ("一层设有前台服务区和暖蜂驿站,快递员、外卖员等户外劳动者可以在这里喝水。", "暖蜂驿站"),
    ("全国层面,中华全国总工会授予鞍山钢铁全国五一劳动奖状。", "全国五一劳动奖状"),
]
NOT_MORE_NAMES = [
    (
        "一层设有前台服务区和暖蜂驿站,快递员、外卖员等户外劳动者可以在这里喝水。",
        "前台服务区和暖蜂驿站",
    ),
    ("全国层面,中华全国总工会授予鞍山钢铁全国五一劳动奖状。", "鞍山钢铁全国五一劳动奖状"),
    # a chain of quotes with no class word after it
    ("另一方面也是工会落实国家“六稳”“六保”要求的具体行动。", "六稳"),
]


@pytest.mark.parametrize(("text", "name"), MORE_NAMES)
def test_more_programme_names(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_MORE_NAMES)
def test_not_more_programme_names(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# an item listed with a programme and ending in the same head is a programme too; not an
# item ending in another head, nor one opened by an adverb or verb
LISTED = [
    (
        "金牌职工奖、十佳职工创新成果奖、十佳金点子奖以及2018年重庆市劳模和工匠人才创新示范"
        "工作室奖牌也在现场一一颁发。",
        "金牌职工奖",
    ),
    (
        "金牌职工奖、十佳职工创新成果奖、十佳金点子奖以及2018年重庆市劳模和工匠人才创新示范"
        "工作室奖牌也在现场一一颁发。",
        "十佳金点子奖",
    ),
]
NOT_LISTED = [
    (
        "把工会驿站、就享家服务站、心灵驿站、志愿者服务站、学习驿站、“法治e站”和爱心托管站"
        "等功能集于一身。",
        "就享家服务站",
    ),
    ("站内还配有职工书屋、妈咪小屋和职工健身驿站。", "妈咪小屋和职工健身驿站"),
]


@pytest.mark.parametrize(("text", "name"), LISTED)
def test_listed_with_a_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_LISTED)
def test_not_listed_with_a_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# a 工程 named with a construction marker is a construction site (a place), not a programme
SITES_D01 = (
    "其中，6个设在重点项目建筑工地，分别是深中通道建设工程（东岛）、宝安公共文化艺术中心项目"
    "地基基础工程、深圳地铁12号线共建管廊工程、深圳地铁13号线建设工程、宝安滨海廊桥工程以及"
    "欣旺达锂离子电池智能制造产业园项目工程；2个依托碧头社区、臣田社区的职工服务亭设立；另外"
    "2个分别落在新安公园充电站休息室和顺丰速运收派（创业）营业部。"
)
CONSTRUCTION_SITES = [
    (
        SITES_D01,
        "宝安滨海廊桥工程",
    ),
    (
        SITES_D01,
        "宝安公共文化艺术中心项目地基基础工程",
    ),
]
PROGRAMME_WORKS = [
    ("贺淑荣说,此次职工阅读年系列活动是落实文化惠民工程的一项具体举措。", "文化惠民工程"),
]


@pytest.mark.parametrize(("text", "name"), CONSTRUCTION_SITES)
def test_construction_site_is_a_place(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)
    assert name in _names(mentions, T.PLACE)


@pytest.mark.parametrize(("text", "name"), PROGRAMME_WORKS)
def test_programme_works_stay_programmes(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


# a programme named before the launch word of its launch event, quotes inside kept out of
# the name; not the event's theme in quotes, nor a part ending in an event's head
LAUNCHED = [
    (
        "网讯 由内蒙古锡林浩特市总工会和锡林浩特市卫健委共同举办的新就业形态女职工免费“两癌”"
        "筛查活动启动仪式,近日在锡林浩特市妇幼保健院举行。",
        "新就业形态女职工免费两癌筛查活动",
    ),
    (
        "近日,萧山区新时代产业工人队伍培育行动计划启动暨杰牌控股集团“五员合一”培训班开班仪式"
        "举行,地点设在靖江街道。",
        "萧山区新时代产业工人队伍培育行动计划",
    ),
]
NOT_LAUNCHED = [
    (
        "近日,萧山区新时代产业工人队伍培育行动计划启动暨杰牌控股集团“五员合一”培训班开班仪式"
        "举行,地点设在靖江街道。",
        "暨杰牌控股集团五员合一培训班",
    ),
    (
        "由天津市滨海新区总工会和滨海新区文化和旅游局共同主办的“中国梦·劳动美——凝心铸魂跟党走"
        " 团结奋斗新征程”滨海新区职工阅读年启动暨滨海新区职工书屋揭牌仪式举行。",
        "中国梦·劳动美——凝心铸魂跟党走 团结奋斗新征程滨海新区职工阅读年",
    ),
]


@pytest.mark.parametrize(("text", "name"), LAUNCHED)
def test_launched_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_LAUNCHED)
def test_not_launched_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# the items a counted quote sums up are programmes, and the quoted name with its class
# word; the list item before the quote is not part of the quoted programme's name
SEASONS = (
    "断拓宽关心关爱职工的方法途径,持续开展了春送岗位、夏送清凉、金秋助学、冬送温暖“四送”活动,"
    "并通过节日慰问等形式。"
)
BAOAN = (
    "二是围绕户外劳动者的实际需要，不断丰富服务方式和专项活动内容，在扎实做好送清凉、送安全等"
    "“四送”服务的基础上，还为户外劳动者张罗起了“生日会”。"
)
COUNTED = [
    (SEASONS, "春送岗位"),
    (SEASONS, "冬送温暖"),
    (SEASONS, "四送活动"),
    (BAOAN, "送清凉"),
    (BAOAN, "送安全"),
]
NOT_COUNTED = [
    (SEASONS, "冬送温暖四送活动"),
    (SEASONS, "持续开展了春送岗位"),
    (BAOAN, "做好送清凉"),
    # more items than the quote counts
    ("开展了甲乙丙丁、戊己庚辛、壬癸子丑“两送”活动。", "甲乙丙丁"),
]


@pytest.mark.parametrize(("text", "name"), COUNTED)
def test_counted_items(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_COUNTED)
def test_not_counted_items(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# a bare quote of parallel phrases joined by 、 is a slogan; with a class word after it,
# or a programme head inside, it names a programme
SLOGANS = [
    "為落實「自立自強、專業服務」,中市勞工總工會提出三項具體做法。",
    "为落实“安全舒心、诚信可靠”,公司制定了服务标准。",
]
NAMED_WITH_A_CLASS_WORD = [
    ("市总工会开展“走基层、进企业”活动。", "走基层、进企业活动"),
]


@pytest.mark.parametrize("text", SLOGANS)
def test_parallel_phrases_in_quotes_are_a_slogan(analyse, text: str) -> None:
    _, mentions, _ = analyse(text)
    assert not [n for n in _names(mentions, T.PROGRAMME) if "、" in n]


@pytest.mark.parametrize(("text", "name"), NAMED_WITH_A_CLASS_WORD)
def test_parallel_phrases_with_a_class_word_name_a_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


# a programme's name opening a body's name (…工匠学院|联盟) is not mentioned on its own; a
# body inside a programme's name leaves the programme
BODY_OPENERS = [
    ("## 山东省工匠学院联盟成立\n\n本报讯 被誉为“人民工匠”的许振超为联盟揭牌。", "山东省工匠学院"),
]
BODY_INSIDE = [
    ("福州农商银行城门支行工会驿站获评“全国最美工会驿站”。", "福州农商银行城门支行工会驿站"),
]


@pytest.mark.parametrize(("text", "name"), BODY_OPENERS)
def test_programme_opening_a_body_name(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), BODY_INSIDE)
def test_body_inside_a_programme_name(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


# a quote chained to a quoted programme is a programme too; not a quote chained to a
# quote that is none
CHAINED = [
    ("这项活动是郑州市总工会2024年“五大行动”“十件实事”中的一项。", "十件实事"),
]
NOT_CHAINED = [
    ("另一方面也是工会落实国家“六稳”“六保”要求的具体行动。", "六保"),
]


@pytest.mark.parametrize(("text", "name"), CHAINED)
def test_chained_to_a_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_CHAINED)
def test_not_chained_to_a_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# class words of named lists, initiatives and integrated modes (清单, 倡议, 一体化); a verb
# right after the quote starts no description
CLASS_WORDS = [
    (
        "劳动者提出的这些“微心愿”,都被五华区总工会写进了“为骑手办实事”清单。",
        "为骑手办实事清单",
    ),
    ("课程还有“一带一路”倡议、雄安新区建设等专题。", "一带一路倡议"),
    ("推动“会站家”一体化运行，努力当好骑友的娘家人。", "会站家一体化"),
]
NOT_CLASS_WORDS = [
    ("五华区总工会还把骑手的“微心愿”列入办实事清单。", "微心愿列入办实事清单"),
]


@pytest.mark.parametrize(("text", "name"), CLASS_WORDS)
def test_class_word_after_a_quote(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_CLASS_WORDS)
def test_verb_after_a_quote(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# a union's full name opening an owned head alone stays in the name; 暨 joins two names,
# so no name grows across it
YUNNAN = (
    "本报讯 5月16日,“匠心智造 产教同行——云南省教育卫生科研工会工匠学院推介暨产教融合创新行动”"
    "在昆明冶金高等专科学校安宁校区启动。"
)
OWNED = [(YUNNAN, "云南省教育卫生科研工会工匠学院")]
NOT_OWNED = [
    (YUNNAN, "卫生科研工会工匠学院推介暨产教融合创新行动"),
    ("日前,河北清河县总职工健康服务站配备了智能体检仪。", "清河县总职工健康服务站"),
]


@pytest.mark.parametrize(("text", "name"), OWNED)
def test_union_opens_an_owned_head(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_OWNED)
def test_no_name_across_ji(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# a weak head right before a launch word needs no set-up verb before it; a union's short
# name before an owned head (会员卡) stays in the name
LAUNCHED_AFTER = [
    (
        "今年以来,福州市总工会继续在产改上发力:福州工匠培育工程正式启动,首批入选的50名产业工人"
        "即将进入集中培训。",
        "福州工匠培育工程",
    ),
    (
        "早在2011年,上海农商银行就和上海市总工会一起推出上海工会会员卡,已为600多万名工会会员"
        "提供实体会员身份认证。",
        "上海工会会员卡",
    ),
]
NOT_LAUNCHED_AFTER = [
    ("这项工程质量过硬,经得起检验。", "这项工程"),
]


@pytest.mark.parametrize(("text", "name"), LAUNCHED_AFTER)
def test_weak_head_launched_after(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_LAUNCHED_AFTER)
def test_weak_head_without_launch(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# a set-up verb ending a descriptive name is part of it: the name starts after the verb
# before it (持续开展|…星级创建|活动)
CREATION_CAMPAIGNS = [
    (
        "陕煤集团持续开展厂务公开职代会星级创建活动,目前已自主认定厂务公开职代会四星单位18家。",
        "厂务公开职代会星级创建活动",
    ),
    (
        "据介绍,重庆市总工会从7月起启动网上竞赛,同步开展劳模和工匠人才创新示范工作室创建活动。",
        "劳模和工匠人才创新示范工作室创建活动",
    ),
]
NOT_CREATION_CAMPAIGNS = [
    ("陕煤集团持续开展厂务公开职代会星级创建活动。", "持续开展厂务公开职代会星级创建活动"),
]


@pytest.mark.parametrize(("text", "name"), CREATION_CAMPAIGNS)
def test_creation_campaign(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_CREATION_CAMPAIGNS)
def test_creation_campaign_without_its_verb(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# a campus of a programme run as a school is part of the programme, and so is a campus
# listed right after it; a university's campus stays a venue
CAMPUSES = [
    (
        "值得一提的是，云南工匠学院电网校区、普洱校区被全国总工会列为2024年度重点支持的100家"
        "工匠学院。",
        "云南工匠学院电网校区",
    ),
    (
        "值得一提的是，云南工匠学院电网校区、普洱校区被全国总工会列为2024年度重点支持的100家"
        "工匠学院。",
        "普洱校区",
    ),
]
NOT_CAMPUSES = [
    ("活动在昆明冶金高等专科学校安宁校区启动。", "昆明冶金高等专科学校安宁校区"),
]


@pytest.mark.parametrize(("text", "name"), CAMPUSES)
def test_programme_campus(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_CAMPUSES)
def test_school_campus_is_no_programme(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# the round written before a programme's name is part of it (第六期…推进月)
ROUNDS = [("石狮市总工会把今年8月作为第六期职工医疗互助推进月。", "第六期职工医疗互助推进月")]
NOT_ROUNDS = [("石狮市总工会把今年8月作为第六期职工医疗互助推进月。", "职工医疗互助推进月")]


@pytest.mark.parametrize(("text", "name"), ROUNDS)
def test_round_in_the_name(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)


@pytest.mark.parametrize(("text", "name"), NOT_ROUNDS)
def test_name_without_its_round(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name not in _names(mentions, T.PROGRAMME)


# a union's service card is a programme (lexicon programme_suffixes: 服务卡)
CARDS = [
    (
        "据介绍,湖北职工服务卡将统一名称、统一形象、统一标识,并将新一轮“三万”活动与开展群众路线实践教育活动结合起来,与改进工"
        "作作风、克服和反对“四风”结合起来,坚持求真务实,切实帮助职工解决实际困难,不断提高服务职工的质量和水平。",
        "湖北职工服务卡",
    ),
]


@pytest.mark.parametrize(("text", "name"), CARDS)
def test_service_cards(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert name in _names(mentions, T.PROGRAMME)
