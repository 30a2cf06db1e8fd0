"""Entity recognition on real sentences of the seed corpus."""

from __future__ import annotations

import pytest

from kg.nlp import COMPONENTS, create_pipeline
from kg.nlp.components.spans import settle
from kg.nlp.doc import Candidate
from kg.types import EntityType as T

FOUND = [
    # unions: place + body + suffix, short forms, abbreviations
    ("昌平区总工会党组书记、常务副主席王冰说。", T.UNION, "昌平区总工会"),
    ("湖北省襄阳市总工会近年来围绕女职工关心的生育问题。", T.UNION, "湖北省襄阳市总工会"),
    ("中建安装苏杭公司工会坚持工作思路。", T.UNION, "中建安装苏杭公司工会"),
    ("襄阳市总支持各级单位开展福利性托育工作。", T.UNION, "襄阳市总工会"),
    ("香港工联会湾区社职工黄润豆有感而发。", T.UNION, "香港工联会"),
    ("天津市总劳动关系部负责人介绍。", T.UNION, "天津市总工会劳动关系部"),
    # enterprises, government bodies, other organisations
    ("直播间内,王雷走进陕西海川医药有限公司。", T.ENTERPRISE, "陕西海川医药有限公司"),
    # a trade name jieba mis-tags, right after a place, belongs to the company
    (
        "鄂尔多斯市呼能运销有限公司职工高蓉就是受益人之一。",
        T.ENTERPRISE,
        "鄂尔多斯市呼能运销有限公司",
    ),
    ("江苏唯得康医疗科技有限公司工会主席陈敬纳介绍。", T.UNION, "江苏唯得康医疗科技有限公司工会"),
    # a union's short form owns the programme after it
    ("河北省邢台市清河县总工会建成清河县总职工健康服务站。", T.PROGRAMME, "职工健康服务站"),
    ("所属4家企业在中铁十八局集团试点。", T.ENTERPRISE, "中铁十八局集团"),
    (
        "中国职工国际旅行社总社与贵州省文化和旅游厅签订战略合作框架协议。",
        T.GOVERNMENT_BODY,
        "贵州省文化和旅游厅",
    ),
    ("黑龙江省佳木斯市抚远市信访局主动协助。", T.GOVERNMENT_BODY, "黑龙江省佳木斯市抚远市信访局"),
    ("现场,西安市人大常委会副主任薛振虎正帮助求职者。", T.GOVERNMENT_BODY, "西安市人大常委会"),
    ("启动仪式在内蒙古工业大学举行。", T.ORGANIZATION, "内蒙古工业大学"),
    ("2023年,吉林省政府与省总工会召开联席会议。", T.GOVERNMENT_BODY, "吉林省政府"),
    # an alliance named after a body is an organisation, one named by its members' kind a
    # programme (GUIDELINES: alliances); quotes inside names
    (
        "会上成立了机械冶金建材行业“女焊花”创新工作室联盟,命名30个单位。",
        T.PROGRAMME,
        "机械冶金建材行业女焊花创新工作室联盟",
    ),
    (
        "昌平农服中心劳模创新工作室联盟将取得的9项创新成果在全区推广。",
        T.ORGANIZATION,
        "昌平农服中心劳模创新工作室联盟",
    ),
    ("区级职工创新工作室51家,职工创新工作室联盟7个。", T.PROGRAMME, "职工创新工作室联盟"),
    ("充分发挥职工维权帮扶服务中心积极作用。", T.PROGRAMME, "职工维权帮扶服务中心"),
    (
        "联合区人社局共同创建上城区“红·领·带”技能工匠联盟。",
        T.ORGANIZATION,
        "上城区红·领·带技能工匠联盟",
    ),
    ("“十典九章”志愿者服务队走进工地。", T.ORGANIZATION, "十典九章志愿者服务队"),
    # a venue that acts is an organisation; one where things happen is a place
    (
        "活动由广州市总工会主办,市第二工人文化宫、南沙区总工会承办。",
        T.ORGANIZATION,
        "市第二工人文化宫",
    ),
    ("招聘会在陕西省西安市土门工人文化宫举行。", T.PLACE, "陕西省西安市土门工人文化宫"),
    ("2023年中国职工文化体育协会职工旅游分会年会召开。", T.ORGANIZATION, "中国职工文化体育协会"),
    # people: bylines, posts, enumerations, speech
    ("本报讯(记者彭冰 柳柳)全面提升劳动和技能竞赛质效。", T.PERSON, "彭冰"),
    ("本报讯(记者彭冰 柳柳)全面提升劳动和技能竞赛质效。", T.PERSON, "柳柳"),
    ("本报讯(记者张翀 通讯员董子川 龚晓雪)记者近日获悉。", T.PERSON, "龚晓雪"),
    ("本报讯(杨明清 记者张楠)3月11日,拨打热线电话求助。", T.PERSON, "杨明清"),
    ("市总工会常务副主席王雷。", T.PERSON, "王雷"),
    ("为深入贯彻习近平总书记关于构建和谐劳动关系的重要论述。", T.PERSON, "习近平"),
    ("邀请了廖丽娟、白妙馨、王雪梅3名来自不同行业的自治区女劳模。", T.PERSON, "白妙馨"),
    ("中铁十八局集团投资公司党委副书记、工会主席王旭东说。", T.PERSON, "王旭东"),
    # programmes
    ("设立爱心母婴室、福利托育所、爱心托管班,全方位关爱服务女职工。", T.PROGRAMME, "爱心母婴室"),
    ("内蒙古启动年度“劳模工匠进校园”行动。", T.PROGRAMME, "劳模工匠进校园行动"),
    ("合肥产投集团首届“产投匠星”评选揭晓。", T.PROGRAMME, "产投匠星"),
    ("持续深化改革,创新建设吉林“六新产业”工匠学院……近日。", T.PROGRAMME, "吉林六新产业工匠学院"),
    ("天津市总去年适时启动“云端职代会”系统建设。", T.PROGRAMME, "云端职代会系统"),
    ("持续开展“红棉之心”“红棉之旅”等12个板块的文化展演。", T.PROGRAMME, "红棉之旅"),
    ("“春风行动”是西安市工会就业服务的开年大戏。", T.PROGRAMME, "春风行动"),
    # places and events
    ("近日,陕西省西安市土门工人文化宫内人头攒动。", T.PLACE, "陕西省"),
    ("推进会在江苏省南京市召开。", T.PLACE, "南京市"),
    # county-level divisions jieba cuts up (上 / 城区) are known from divisions.tsv
    ("上城区总工会团结企业与职工走出共济共赢新路", T.PLACE, "上城区"),
    ("网络直播行业工会联合会在杭州市上城区成立。", T.PLACE, "上城区"),
    ("都兰县总工会投资32.5万元建成巴隆乡“司机之家”。", T.PLACE, "都兰县"),
    # towns and villages written after a known place, and enumerated after one
    ("近日,江苏省盐城市滨海县滨海港镇干河村党总支书记、村主任宋国光介绍。", T.PLACE, "滨海港镇"),
    ("近日,江苏省盐城市滨海县滨海港镇干河村党总支书记、村主任宋国光介绍。", T.PLACE, "干河村"),
    ("滨海县陈涛镇五层村、六联村与合作社签订协议。", T.PLACE, "六联村"),
    ("近日,记者从吉林省总工会获悉。", T.PLACE, "吉林省"),
    (
        "全国机械冶金建材系统产业工人队伍建设改革现场推进会在江苏省南京市召开。",
        T.EVENT,
        "全国机械冶金建材系统产业工人队伍建设改革现场推进会",
    ),
    (
        "其中,吉林省第二届职工职业技能大赛开展20个省级一类竞赛项目。",
        T.EVENT,
        "吉林省第二届职工职业技能大赛",
    ),
    # events: 暨 with a ceremony is one event; a quoted event before 暨; headless events
    (
        "由内蒙古自治区总工会联合开展的“劳模工匠进校园”行动启动仪式暨首场报告会在内蒙古工业大学举行。",
        T.EVENT,
        "劳模工匠进校园行动启动仪式暨首场报告会",
    ),
    (
        "日前,2023餐饮数字峰会暨长沙战略合作启动会举行。",
        T.EVENT,
        "2023餐饮数字峰会暨长沙战略合作启动会",
    ),
    # A暨B is one event named in full (GUIDELINES, Clarifications)
    (
        "近日,吉林省总工会召开“大国工匠吉林行”暨吉林省首届职工创新成果交流(交易)大会。",
        T.EVENT,
        "大国工匠吉林行暨吉林省首届职工创新成果交流(交易)大会",
    ),
    # a place before 举行 is where, not part of the name
    ("成都市锦江区举行职工之家提质行动启动仪式。", T.EVENT, "职工之家提质行动启动仪式"),
    ("党的十八大以来,在党中央坚强领导下。", T.EVENT, "党的十八大"),
    # a verb that holds an event opens its name (召开|…会议)
    (
        "市总工会召开贯彻党的二十大精神深入构建新时代和谐劳动关系工作交流视频会议,总结工作。",
        T.EVENT,
        "贯彻党的二十大精神深入构建新时代和谐劳动关系工作交流视频会议",
    ),
    (
        "疗休养活动见行见效。举行抗疫一线职工疗休养首发团启动仪式,划拨352万元。",
        T.EVENT,
        "抗疫一线职工疗休养首发团启动仪式",
    ),
    ("认真落实全市工会数字化改革推进会精神。", T.EVENT, "全市工会数字化改革推进会"),
    ("学习贯彻省第十五次党代会精神。", T.EVENT, "省第十五次党代会"),
    ("明年是落实我市工会第十六次代表大会要求的开局之年。", T.EVENT, "市工会第十六次代表大会"),
]

NOT_ENTITIES = [
    ("企业工会平常都会组织哪些活动?", "企业工会"),
    ("全市工会累计投入300余万元。", "全市工会"),
    ("各级工会要着眼服务全局。", "各级工会"),
    ("和谐劳动关系事关企业发展和职工利益。", "企业"),
    ("和谐劳动关系事关企业发展和职工利益。", "职工"),
    ("今年6月,张某等32名职工被企业拖欠工资87万元。", "张某"),
    ("提升了职工的获得感、幸福感、安全感。", "幸福感"),
    ("为乳儿班配备两名护士1名教师。", "护士"),
    # a division name (西安区) inside other words is not a place
    ("西安区域内的职工服务阵地不断完善。", "西安区"),
    ("城区内新建爱心驿站。", "城区"),
    ("陈涛镇是全县山芋种植大镇。", "大镇"),
    ("休息区、就餐区、学习区等免费开放。", "休息区"),
    ("干河村村委会和县雄越果老首乌食品公司签订合作协议。", "和县"),
    # idioms ending in a body head; common words after an ambiguous surname
    ("要发扬识大体、顾大局的光荣传统。", "顾大局"),
    ("继续深化工会改革和建设。", "深化工会"),
    ("培养造就更多大国工匠和高技能人才。", "和高技"),
    ("联手策划文化体验旅游、康养度假、温泉旅游等主题产品。", "康养"),
    ("站在第一次全国劳动大会旧址前。", "第一次全国劳动大会"),
    ("落实以职工代表大会为基本形式的企业民主管理制度。", "以职工代表大会"),
    ("据了解,辽宁理工职业大学利用学校场地、设备等资源。", "辽宁理工职业大学利用学校"),
    ("开发电子商务、家政服务、钟点工等就业岗位。", "钟点工"),
    # generic unions, a preposition jieba glued to a name, rooms, quantity phrases
    (
        "大连市总对直属基层工会、小微企业工会、科技型中小企业工会实施经费补助。",
        "科技型中小企业工会",
    ),
    ("全面落实企业工会经费缓缴20%和小微企业工会经费全额退还政策。", "小微企业工会"),
    ("有些岗位需要长时间站立,于是向众惠公司提出了调整岗位的要求。", "向众惠公司"),
    ("大庆市龙凤区东光街道光明社区举办了一场有针对性的招聘会。", "一场有针对性的招聘会"),
    ("肖师傅惊喜地发现里面有洗漱用品、花露水、蚊香等防暑降温物品。", "花露水"),
    # a locative ends a name: 政治上 is no part of a programme called 行动
    ("在思想上政治上行动上同党中央保持高度一致。", "政治上行动"),
    # a quoted sentence before a name is not part of it
    ("“高效便捷。”中铁十八局集团投资公司党委副书记王旭东说。", "高效便捷。中铁十八局集团投资公司"),
]


@pytest.mark.parametrize(("text", "label", "name"), FOUND)
def test_recognises(analyse, text: str, label: T, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (label, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_ENTITIES)
def test_generic_words_are_not_entities(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions} | {m.text for m in mentions}


def test_pipeline_components_are_registered_factories() -> None:
    nlp = create_pipeline()
    assert tuple(nlp.pipe_names) == COMPONENTS
    assert nlp.lang == "zh"


def test_each_component_runs_alone() -> None:
    nlp = create_pipeline(["kg_words", "kg_persons", "kg_spans"])
    doc = nlp("市总工会常务副主席王雷介绍。")
    assert [(s.label_, s.text) for s in doc.spans["kg"]] == [("Person", "王雷")]
    assert all(t.tag_ for t in doc)


def test_spans_align_to_tokens_even_inside_jieba_words() -> None:
    nlp = create_pipeline()
    doc = nlp("“欢迎大家咨询。”王雷为直播间的观众介绍招聘会的情况。")
    names = {s.text for s in doc.spans["kg"]}
    assert "王雷" in names


def test_settle_keeps_nested_and_drops_crossing() -> None:
    outer = Candidate(0, 6, T.UNION, "西安市总工会", "org", 30)
    nested = Candidate(0, 3, T.PLACE, "西安市", "ns", 20)
    crossing = Candidate(4, 8, T.PROGRAMME, "工会主席", "x", 10)
    assert settle([crossing, nested, outer]) == [outer, nested]
