"""Relation extraction on real sentences of the seed corpus."""

from __future__ import annotations

import pytest

from kg.extract import parse_post_chain

CASES = [
    # memberOf: post chains, one membership per body
    (
        "昌平区总工会党组书记、常务副主席王冰说。",
        ("王冰", "memberOf", "昌平区总工会", "党组书记、常务副主席"),
    ),
    (
        "现场,西安市人大常委会副主任、市总工会主席薛振虎正帮助求职者。",
        ("薛振虎", "memberOf", "西安市人大常委会", "副主任"),
    ),
    (
        "现场,西安市人大常委会副主任、市总工会主席薛振虎正帮助求职者。",
        ("薛振虎", "memberOf", "市总工会", "主席"),
    ),
    (
        "据襄州区妇幼保健院婴幼儿托育早教服务中心负责人姜茜介绍。",
        ("姜茜", "memberOf", "襄州区妇幼保健院婴幼儿托育早教服务中心", "负责人"),
    ),
    (
        "“高效便捷。”中铁十八局集团投资公司党委副书记、工会主席王旭东说。",
        ("王旭东", "memberOf", "中铁十八局集团投资公司", "党委副书记、工会主席"),
    ),
    (
        "西安市北得龙金属材料有限公司工会主席同艳等纷纷参与到直播送岗活动中。",
        ("同艳", "memberOf", "西安市北得龙金属材料有限公司工会", "主席"),
    ),
    (
        "当天,西咸新区沣东新城先进制造产业园副主任易梅森参与直播。",
        ("易梅森", "memberOf", "西咸新区沣东新城先进制造产业园", "副主任"),
    ),
    # a post in a unit the text names as a body of its own goes to that body
    (
        "随后,中国铁路西安局集团有限公司工会主席、副总经理张黎克在仪式上代表铁路部门讲话。",
        ("张黎克", "memberOf", "中国铁路西安局集团有限公司工会", "主席"),
    ),
    (
        "随后,中国铁路西安局集团有限公司工会主席、副总经理张黎克在仪式上代表铁路部门讲话。",
        ("张黎克", "memberOf", "中国铁路西安局集团有限公司", "副总经理"),
    ),
    # a chain crosses a comma to an earlier body
    (
        "天津市总工会党组成员、副主席李贤,滨海新区人大常委会副主任,区总工会党组书记、主席宫丽艳,"
        "滨海新区文化和旅游局局长贺淑荣出席并讲话。",
        ("宫丽艳", "memberOf", "滨海新区人大常委会", "副主任"),
    ),
    # in a list of people, a post with no body takes the body of the person before it
    (
        "开封大学党委书记陈灿,党委副书记储建新,党委委员、卫校党委书记曾小平,党委委员、"
        "副校长赵辉等出席。",
        ("储建新", "memberOf", "开封大学", "党委副书记"),
    ),
    (
        "开封大学党委书记陈灿,党委副书记储建新,党委委员、卫校党委书记曾小平,党委委员、"
        "副校长赵辉等出席。",
        ("曾小平", "memberOf", "开封大学", "党委委员、卫校党委书记"),
    ),
    (
        "福州市总工会四级调研员陈明军,福州市商贸工会主席张继焰、副主席王道仿参加揭牌。",
        ("王道仿", "memberOf", "福州市商贸工会", "副主席"),
    ),
    # a head post after a short qualifier
    (
        "福州市总工会四级调研员陈明军,福州市商贸工会主席张继焰、副主席王道仿参加揭牌。",
        ("陈明军", "memberOf", "福州市总工会", "四级调研员"),
    ),
    (
        "安徽孜衿实业有限公司总经理李宝琦当选经费审查委员会主任;"
        "安徽省品匠健康产业发展有限公司营销经理张荣当选女职工委员会主任。",
        ("张荣", "memberOf", "安徽省品匠健康产业发展有限公司", "营销经理"),
    ),
    # PERSON 当选 ORG POST
    (
        "大会进行了选举,王雄之等9人全票当选进贤县制笔行业工会联合会第一届委员会委员。",
        ("王雄之", "memberOf", "进贤县制笔行业工会联合会", "第一届委员会委员"),
    ),
    # a body written by its head noun alone: the one of the place of the body before it
    (
        "吴忠市总工会开展活动。宁夏回族自治区总工会常务副主席马利明,吴忠市政协副主席、"
        "总工会主席陈克安等陪同。",
        ("陈克安", "memberOf", "吴忠市总工会", "主席"),
    ),
    (
        "吴忠市总工会开展活动。宁夏回族自治区总工会常务副主席马利明,吴忠市政协副主席、"
        "总工会主席陈克安等陪同。",
        ("陈克安", "memberOf", "吴忠市政协", "副主席"),
    ),
    # 当选 the body by its head noun, a committee of it, or the body just elected
    (
        "浙江商贸城楼宇工会联合会成立。安徽徽大姐家政服务集团有限公司总经理张向丽当选联合会主席;"
        "安徽亘日物资设备有限公司工会主席赵德胜当选副主席;"
        "安徽孜衿实业有限公司总经理李宝琦当选经费审查委员会主任。",
        ("赵德胜", "memberOf", "浙江商贸城楼宇工会联合会", "副主席"),
    ),
    (
        "浙江商贸城楼宇工会联合会成立。安徽徽大姐家政服务集团有限公司总经理张向丽当选联合会主席;"
        "安徽亘日物资设备有限公司工会主席赵德胜当选副主席;"
        "安徽孜衿实业有限公司总经理李宝琦当选经费审查委员会主任。",
        ("李宝琦", "memberOf", "浙江商贸城楼宇工会联合会", "经费审查委员会主任"),
    ),
    # a post naming its own level of government: the article's one such government
    (
        "2023年琼海市人民政府与市总工会联席会议6月29日召开。市人大常委会副主任、"
        "市总工会主席林茹,副市长王春泉出席。",
        ("王春泉", "memberOf", "琼海市人民政府", "副市长"),
    ),
    # nesting: place qualifiers and sub-organisations
    (
        "湖北省襄阳市总工会近年来围绕女职工关心的问题开展工作。",
        ("湖北省襄阳市总工会", "locatedIn", "襄阳市", None),
    ),
    (
        "湖北省襄阳市总工会近年来围绕女职工关心的问题开展工作。",
        ("襄阳市", "locatedIn", "湖北省", None),
    ),
    (
        "中建安装苏杭公司工会坚持工作思路。",
        ("中建安装苏杭公司工会", "subOrganizationOf", "中建安装苏杭公司", None),
    ),
    # establishes / organizes / partnerOf / locatedIn from triggers
    (
        "湖北省襄阳市总工会近年来设立爱心母婴室、福利托育所、爱心托管班。",
        ("湖北省襄阳市总工会", "establishes", "爱心托管班", None),
    ),
    (
        "当天,2024年英雄花开英雄城·传递工运力量主题活动启动。活动由广州市总工会主办,南沙区总工会承办。",
        ("南沙区总工会", "organizes", "2024年英雄花开英雄城·传递工运力量主题活动", None),
    ),
    (
        "会上,中国职工国际旅行社总社与贵州省文化和旅游厅签订战略合作框架协议。",
        ("中国职工国际旅行社总社", "partnerOf", "贵州省文化和旅游厅", None),
    ),
    (
        "全国机械冶金建材系统产业工人队伍建设改革现场推进会在江苏省南京市召开。",
        ("全国机械冶金建材系统产业工人队伍建设改革现场推进会", "locatedIn", "南京市", None),
    ),
    ("据了解,合肥产投集团位于安徽省合肥市。", (None, "locatedIn", "合肥市", None)),
    # a place the article names, written inside a longer name
    (
        "太原市是省会。中国铁路太原局集团有限公司工会开展慰问。",
        ("中国铁路太原局集团有限公司工会", "locatedIn", "太原市", None),
    ),
    # a place written right before a programme's name
    (
        "其中,都兰县总工会投资32.5万元建成巴隆乡“司机之家”,总面积220平方米。",
        ("司机之家", "locatedIn", "巴隆乡", None),
    ),
    # subOrganizationOf: a company named with a group's stem
    (
        "鞍钢集团工会积极组织。鞍钢工程重机公司灵山机械重型车间班长陈世谊获奖。",
        ("鞍钢工程重机公司", "subOrganizationOf", "鞍钢集团", None),
    ),
    # partnerOf: A with each body of the list after 与/联合
    (
        "市总工会先后与三明学院、三明医学科技职业学院、三明市农业学校签订合作协议。",
        ("市总工会", "partnerOf", "三明市农业学校", None),
    ),
    (
        "服务站刚一启用,徐汇区总工会便联合区卫健委、区体育局为它“加码”。",
        ("徐汇区总工会", "partnerOf", "区体育局", None),
    ),
    # A和B that act together or sign are partners
    (
        "由天津市滨海新区总工会和滨海新区文化和旅游局共同主办的滨海新区职工阅读年启动仪式举行。",
        ("天津市滨海新区总工会", "partnerOf", "滨海新区文化和旅游局", None),
    ),
    # …联合B、C / …并与B、C等14家企业开展合作: the body named before, with each
    (
        "针对这一情况,吴忠市总工会推出关爱活动,联合市卫生局、计生局,为全市1000名生产一线"
        "困难女工免费检查身体。",
        ("吴忠市总工会", "partnerOf", "计生局", None),
    ),
    (
        "三明市总工会与5所院校分别签署了合作框架协议,并与福建金牛水泥集团有限公司、"
        "福建兵工装备有限公司、福建省轴承有限责任公司等14家企业开展合作办学试点。",
        ("三明市总工会", "partnerOf", "福建兵工装备有限公司", None),
    ),
    # A与B、C签署…,并与D、E合作: the lead of the list before with each, not its last member
    (
        "三明市总工会与三明学院、三明技师学院5所院校分别签署了合作框架协议,并与福建金牛水泥集团"
        "有限公司、福建兵工装备有限公司等14家企业开展合作办学试点。",
        ("三明市总工会", "partnerOf", "福建兵工装备有限公司", None),
    ),
    # the first of a list that acts jointly, with each of the others
    (
        "这个由滨州市总工会、滨州市卫生健康委员会和滨州市人民医院三方共同建设的服务阵地当天正式投用。",
        ("滨州市总工会", "partnerOf", "滨州市人民医院", None),
    ),
    # establishes: X是A和B携手共建的 (the name before the bodies)
    (
        "刘猛介绍,黔南工匠学院是贵州省黔南州总工会和贵州省电子信息技师学院携手共建的。",
        ("贵州省电子信息技师学院", "establishes", "黔南工匠学院", None),
    ),
    (
        "本报讯 11月28日,黄州工业园工会联合会第一次会员代表大会召开。这次大会由黄州区总工会和"
        "黄州工业园管委会共同推动筹备,与会代表以无记名投票方式选举。",
        ("黄州工业园管委会", "organizes", "黄州工业园工会联合会第一次会员代表大会", None),
    ),
    # an event named after two bodies joined by 与 is held by both
    (
        "本报讯 海南省政府与海南省总工会联席会议9月4日上午在省总工会常委会议室召开。",
        ("海南省总工会", "organizes", "海南省政府与海南省总工会联席会议", None),
    ),
    # 该行已建起…: the body 该<noun> refers to, not the article's union
    (
        "福州市总工会主席张继焰,福州农商银行党委书记林向前参加揭牌。截至目前,"
        "该行已建起26家劳动者驿站,各驿站每月都会开展活动。",
        ("福州农商银行", "establishes", "劳动者驿站", None),
    ),
    # organizes: role nouns, passive chains, an event referred to by 本届/此次
    (
        "厦门市总工会举办新就业形态劳动者中秋嘉年华。据了解,"
        "此次活动的主办单位是厦门市总工会,承办单位为厦门市工人文化宫、厦门市职工服务中心。",
        ("厦门市职工服务中心", "organizes", "新就业形态劳动者中秋嘉年华", None),
    ),
    (
        "这场由甘肃省总工会主办,甘肃省电力工会承办的“中国梦·劳动美”职工书屋阅读交流会当天举办。",
        ("甘肃省总工会", "organizes", "中国梦·劳动美职工书屋阅读交流会", None),
    ),
    (
        "2021年柳州市职工职业技能大赛落下帷幕。本届大赛由柳州市总工会牵头,"
        "与柳州市工业和信息化局、市科学技术局等单位联合主办。",
        ("柳州市工业和信息化局", "organizes", "2021年柳州市职工职业技能大赛", None),
    ),
    # a sentence naming no actor takes the union last seen acting, not one just set up
    (
        "上城区总工会聚焦和谐劳动关系。在钱塘智慧城探索建立杭州市首个网络直播行业工会联合会。"
        "建成开放29家“爱心驿站”等基层服务站点。",
        ("上城区总工会", "establishes", "爱心驿站", None),
    ),
    # a launch event's organisers set up the programme it launches
    (
        "内蒙古启动年度“劳模工匠进校园”行动。近日,由内蒙古自治区总工会、自治区教育厅联合开展的"
        "“劳模工匠进校园”行动启动仪式暨首场报告会在内蒙古工业大学举行。",
        ("自治区教育厅", "establishes", "劳模工匠进校园行动", None),
    ),
    # each part of an A启动暨B揭牌仪式 launches its own programme
    (
        "贺淑荣说,此次职工阅读年系列活动是一项具体举措。区总工会与新区图书馆共建职工书屋。"
        "4月10日,由天津市滨海新区总工会和滨海新区文化和旅游局共同主办的滨海新区职工阅读年启动"
        "暨滨海新区职工书屋揭牌仪式,在滨海新区图书馆举行。",
        ("滨海新区文化和旅游局", "establishes", "滨海新区职工书屋", None),
    ),
    # a programme held right after the verb: each co-holder sets it up
    (
        "3月19日,州、市总工会与州人力资源社会保障局、州工商联、州邮政管理局一道,"
        "在州总工会共同举办工资集体协商集中要约行动签约仪式。",
        ("州邮政管理局", "establishes", "工资集体协商集中要约行动", None),
    ),
    # a programme the article names without a subject or a venue word is its actor's
    (
        "重庆市总工会开展走访。李绍玉劳模工作室面积达200平方米。",
        ("重庆市总工会", "establishes", "李绍玉劳模工作室", None),
    ),
    # an organisation's own programme written right after it, a year between
    (
        "这项活动是郑州市总工会2024年“五大行动”“十件实事”中的一项。",
        ("郑州市总工会", "establishes", "五大行动", None),
    ),
    # the awarding body establishes the award
    (
        "全国层面,中华全国总工会授予鞍山钢铁全国五一劳动奖状。",
        ("中华全国总工会", "establishes", None, None),
    ),
    # 会场设在…: the event is held there
    (
        "进贤县制笔行业工会联合会成立大会暨第一次会员代表大会5月18日上午召开,"
        "会场设在进贤县文港镇政府会议室。",
        ("进贤县制笔行业工会联合会成立大会暨第一次会员代表大会", "locatedIn", "进贤县", None),
    ),
    # co-hosts listed after the role noun (in the next clause) are partners of the first
    (
        "平陆运河项目劳动竞赛启动仪式在这里举行。此次竞赛的主办方共有3家，分别是"
        "广西壮族自治区总工会、广西壮族自治区人力资源和社会保障厅、南宁海关。",
        ("广西壮族自治区总工会", "partnerOf", "南宁海关", None),
    ),
    # the bodies of a joint meeting named A与B联席会议 are partners
    (
        "本报讯 海南省政府与海南省总工会联席会议9月4日上午在省总工会常委会议室召开。",
        ("海南省政府", "partnerOf", "海南省总工会", None),
    ),
]

NOT_TRIPLES = [
    # …并与D、E合作 after A与B、C签署: the list's last member is no partner of D
    (
        "三明市总工会与三明学院、三明技师学院5所院校分别签署了合作框架协议,并与福建金牛水泥集团"
        "有限公司、福建兵工装备有限公司等14家企业开展合作办学试点。",
        ("三明技师学院", "partnerOf", None),
    ),
    # 此次竞赛 names the contest, not the ceremony that launched it
    (
        "平陆运河项目劳动竞赛启动仪式在这里举行。此次竞赛的主办方共有3家，分别是"
        "广西壮族自治区总工会、广西壮族自治区人力资源和社会保障厅、南宁海关。",
        ("南宁海关", "organizes", None),
    ),
    # 被授予: the body before the verb receives, it does not set up
    (
        "据悉,鞍山钢铁集团有限公司工会被授予“模范职工之家”称号。",
        ("鞍山钢铁集团有限公司工会", "establishes", None),
    ),
    # a body's founding ceremony is held for it, not by it
    (
        "(记者 田国垒)山东省工匠学院联盟成立仪式11月7日在济南举行。",
        ("山东省工匠学院联盟", "organizes", None),
    ),
    # a body after 在 is the venue, not who holds the event
    (
        "近日,由内蒙古自治区总工会、自治区教育厅联合开展的“劳模工匠进校园”行动启动仪式暨首场"
        "报告会在内蒙古工业大学举行。",
        ("内蒙古工业大学", "organizes", None),
    ),
    # a programme the article's actor only visits is not one it set up
    (
        "天门市总工会调研职工阵地建设。在天门市工人文化宫,龚红敏逐一察看了职工书屋、职工婚恋中心。",
        ("天门市总工会", "establishes", "职工书屋"),
    ),
    # a programme is established, not held: 举行 there is about another thing
    (
        "重庆市总工会经审会主任王平告诉记者,今年不再举行集中发放仪式,“送温暖”资金统一打进"
        "困难职工的银行卡。",
        ("重庆市总工会", "organizes", "送温暖"),
    ),
    # a bare 总工会 is not another place's union named elsewhere
    (
        "陕西省总工会开展活动。西安市人大常委会副主任、总工会主席薛振虎出席。",
        ("薛振虎", "memberOf", "陕西省总工会"),
    ),
    # the outer place of a written chain is not where the event was held
    (
        "全国机械冶金建材系统产业工人队伍建设改革现场推进会在江苏省南京市召开。",
        ("全国机械冶金建材系统产业工人队伍建设改革现场推进会", "locatedIn", "江苏省"),
    ),
    # a national title is not set up by a provincial body
    (
        "山西省总工会开展全国职工书屋示范点创建工作。",
        ("山西省总工会", "establishes", "全国职工书屋示范点"),
    ),
    # a company whose name begins with a nearer body is part of that body, not the group
    (
        "鞍钢集团工会积极组织。鞍钢矿渣开发公司微粉分公司技术副经理刘丽娜获奖。",
        ("鞍钢矿渣开发公司微粉分公司", "subOrganizationOf", "鞍钢集团"),
    ),
    # the person listed before passes a body on, but not to a post naming its own body
    # (a government's head) nor to a title that is no post in a body (劳模)
    ("市人大常委会副主任、市总工会主席林茹,副市长王春泉出席。", ("王春泉", "memberOf", None)),
    ("盐田区总工会主席朱杰,全国劳模李红出席。", ("李红", "memberOf", None)),
    # a national programme is not established by a local body that carries it out
    (
        "本报讯(记者李玉波)近日,内蒙古自治区总工会向第一批21个试点地区和单位下拨530万元"
        "“产改”试点专项补助,进一步推进自治区产业工人队伍建设改革工作深入开展。",
        ("内蒙古自治区总工会", "establishes", "产业工人队伍建设改革"),
    ),
    (
        "本报讯(记者彭冰 柳柳)全面提升劳动和技能竞赛质效,持续深化产业工人队伍建设改革,"
        "创新建设吉林“六新产业”工匠学院。吉林省总工会持续深化产业工人队伍建设改革。",
        ("吉林省总工会", "establishes", "产业工人队伍建设改革"),
    ),
    (
        "上城区总工会聚焦和谐劳动关系。在钱塘智慧城探索建立杭州市首个网络直播行业工会联合会。"
        "建成开放29家“爱心驿站”等基层服务站点。",
        ("网络直播行业工会联合会", "establishes", "爱心驿站"),
    ),
    # honours received are not programmes the actor set up, also later in the list
    (
        "中建安装苏杭公司工会坚持建家。其间,荣获省级工人先锋号1个,市级示范职工之家1个。",
        ("中建安装苏杭公司工会", "establishes", "示范职工之家"),
    ),
    # an event whose 精神 is carried out is referred to, not held
    (
        "上城区总工会推进数字化改革。要认真落实全市工会数字化改革推进会精神。",
        ("上城区总工会", "organizes", "全市工会数字化改革推进会"),
    ),
    # a national event is not held by the article's local union
    (
        "山西建龙实业有限公司工会获奖。全国工会系统先进集体、先进工作者和劳动模范表彰大会在北京举行。",
        ("山西建龙实业有限公司工会", "organizes", None),
    ),
    # what is set up lies in the trigger's clause: a later clause's programme is another's
    (
        "依托西安市总工会人才市场平台开设线上招聘专区,并同步链接至陕西省人力资源和社会保障厅"
        "“秦云就业”小程序。",
        ("西安市总工会", "establishes", "秦云就业小程序"),
    ),
    # a verb's object in an earlier clause is not the subject of a later one
    (
        "放大湖滨新就业形态联合工会作为全省首家新就业形态联合工会的优势,"
        "承办全市工会组建暨新就业形态劳动者集中入会行动推进会。",
        ("湖滨新就业形态联合工会", "organizes", None),
    ),
    # a programme written after 在 at its clause's start is where something happens
    (
        "重庆市总工会党组成员、副主席程国家一行来到彭水开展走访。在李绍玉劳模工作室,"
        "程国家一行参观了苗绣作品展厅。",
        ("重庆市总工会", "establishes", "李绍玉劳模工作室"),
    ),
    (
        "成都市总工会开展慰问。1月22日,在辖区“九里小鸽”户外劳动者驿站,职工志愿者为骑手端上热奶茶。",
        ("成都市总工会", "establishes", "九里小鸽户外劳动者驿站"),
    ),
]

NOT_RELATIONS = [
    # A和B in a plain list, with no joint action or agreement, are no partners
    (
        "职工志愿者为美团和饿了么的骑手、顺丰的快递员等新业态劳动者端上热奶茶、送上春联福字。",
        "partnerOf",
    ),
    # two city governments named: 副市长 alone says neither
    ("三亚市人民政府与琼海市人民政府召开会议。副市长王春泉出席。", "memberOf"),
    # 与 B with no joint action after it is no partnership
    ("吴忠市总工会慰问了与市卫生局有关的困难女工。", "partnerOf"),
    # a post with no organisation before it links nobody
    ("项目经理刘小军是公司青春课堂的主讲人之一。", "memberOf"),
    # two bodies in a list are not partners unless they act jointly
    ("浙江聚弘凯电气有限公司、临安区总工会分别作了交流发言。", "partnerOf"),
]


def _triples(relations):
    return {
        (r.head.display_name, r.predicate.value, r.tail.display_name, r.role) for r in relations
    }


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_extracts(analyse, text: str, expected: tuple) -> None:
    _, _, relations = analyse(text)
    head, rel, tail, role = expected
    found = [
        t
        for t in _triples(relations)
        if t[1] == rel and head in (None, t[0]) and tail in (None, t[2]) and role in (None, t[3])
    ]
    assert found, f"no {expected} in {sorted(_triples(relations))}"


@pytest.mark.parametrize(("text", "rel"), NOT_RELATIONS)
def test_does_not_extract(analyse, text: str, rel: str) -> None:
    _, _, relations = analyse(text)
    assert rel not in {r.predicate.value for r in relations}


@pytest.mark.parametrize(("text", "triple"), NOT_TRIPLES)
def test_does_not_extract_triple(analyse, text: str, triple: tuple) -> None:
    _, _, relations = analyse(text)
    head, rel, tail = triple
    assert not [
        t for t in _triples(relations) if (t[0], t[1]) == (head, rel) and tail in (None, t[2])
    ]


def test_evidence_is_the_source_sentence(analyse) -> None:
    text = "近年来,襄阳市总工会设立爱心母婴室。另一句话没有关系。"
    document, _, relations = analyse(text)
    rel = next(r for r in relations if r.predicate.value == "establishes")
    assert rel.evidence.sentence == "近年来,襄阳市总工会设立爱心母婴室。"
    assert document.text[rel.evidence.start : rel.evidence.end].strip() == rel.evidence.sentence


@pytest.mark.parametrize(
    ("text", "chain"),
    [
        ("党组书记、常务副主席", "党组书记、常务副主席"),
        ("主席", "主席"),
        ("帮助退役军人", None),
        ("主席、", None),
    ],
)
def test_parse_post_chain(text: str, chain: str | None) -> None:
    assert parse_post_chain(text) == chain
