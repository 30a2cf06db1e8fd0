"""Names that the post and jieba rules of kg_persons used to miss or cut, on real
sentences of the dev set, negatives included."""

from __future__ import annotations

import pytest

from kg.types import EntityType as T

PERSONS = [
    # a name jieba cut before 正在 is the three-character name the text writes elsewhere
    (
        "工聯總會理事長李從正在會上作工作報告。李從正表示,工聯總會正全力打造職工服務體系。",
        "李从正",
    ),
    ("李從正表示,工聯總會正全力打造一套覆蓋整個灣區的職工服務體系。", "李从正"),
    # transliterated names, parts joined by a dot
    ("代表团一行25人在总书记斯勒哈提姆·阿勒艾敏带领下来到海南考察访问。", "斯勒哈提姆·阿勒艾敏"),
    (
        "慰问组看望了遇难护边员的家属拜谢纳力·朱马力、受伤护边员艾山巴依·塔巴力迪。",
        "拜谢纳力·朱马力",
    ),
    (
        "慰问组看望了遇难护边员的家属拜谢纳力·朱马力、受伤护边员艾山巴依·塔巴力迪。",
        "艾山巴依·塔巴力迪",
    ),
    ("向“好人—阿里木江·哈力克”志愿服务团队致以问候。", "阿里木江·哈力克"),
    # a name jieba tagged as one before a word that follows names, or before a number
    ("会上，州总工会常务副主席田力通报了2017年全州工会工作。", "田力"),
    ("方山县总工会常务副主席刘海珍2人获评先进个人。", "刘海珍"),
    # a three-character name jieba tagged as one ends on a character that mostly follows
    # names (正) when a word that follows names comes next
    ("工联会理事长李从正表示，要加强培训。", "李从正"),
    ("会长李从正出席活动并致辞。", "李从正"),
    # the other names of a list of people
    (
        "鼎城区领导雷建国、邱孝、谢梦、彭炜、徐建新、黄秋云、杨友明、周伟建、李论出席开幕式。",
        "雷建国",
    ),
    (
        "鼎城区领导雷建国、邱孝、谢梦、彭炜、徐建新、黄秋云、杨友明、周伟建、李论出席开幕式。",
        "周伟建",
    ),
    # a dotted name before a verb that follows names (赠送, lexicon name_followers)
    ("图为陈海波向苏丹工联总书记斯勒哈提姆·阿勒艾敏赠送纪念品。", "斯勒哈提姆·阿勒艾敏"),
    # a name jieba reads as one transliterated name (nrt) right after a post, with no
    # Chinese surname (a Mongolian name)
    (
        "锡林浩特市人大副主任、总工会主席托娅到场,把一张张免费“两癌”筛查体检卡交到新业态女性手中。",
        "托娅",
    ),
    # common surnames the list lacked (傅)
    (
        "2月14日至15日,中国劳动关系学院校长傅德印带领中华全国总工会调研组来到辽源市。",
        "傅德印",
    ),
    # rare surnames the list lacked (卯)
    ("山东省总工会副主席卯金涛说,要为工匠人才钻研技术、创新创造、提升素质搭建更大平台。", "卯金涛"),
]
# in a byline in brackets a name needs no Chinese surname (a Tibetan name, d04)
PERSONS += [
    (
        "本报讯（见习记者 德央）3月19日，州、市总工会与州人力资源社会保障局一道举办活动。",
        "德央",
    ),
]
# after a post, a name jieba read as a dictionary word and a bound character (高利|媛)
PERSONS += [
    (
        "太重煤机液压润滑分公司刘胡兰小组副组长高利媛介绍了集团刘胡兰小组成立的经过。",
        "高利媛",
    ),
]
# a rarer surname of the list (松)
PERSONS += [
    (
        "4月17日,迪庆州人大常委会副主任,州总工会主席松永丽率考察团一行到昆明市工人文化宫学习考察"
        "职工疗休养基地建设管理、职工服务阵地建设管理等工作。",
        "松永丽",
    ),
]
# a married name of two surnames (HK): a one-character surname and a three-character name
PERSONS += [
    (
        "為慶祝工聯會成立75周年,大會舉行簡單而隆重的啟動儀式,主禮嘉賓︰財政司司長陳茂波,中央政府駐港聯絡辦"
        "秘書長王松苗,駐港國安公署副署長孫青野,外交部駐港公署副特派員楊義瑞,駐港部隊副司令員鄭國躍,立法會主席"
        "梁君彥,行政會議非官守議員召集人葉劉淑儀等,連同工聯會會長吳秋北,理事長黃國,榮譽會長林淑儀、黃國健一起"
        "用手按「75周年燈柱」點亮全場,希望工聯會繼續不忘初心,薪火相傳,發光發亮。",
        "叶刘淑仪",
    ),
]
# dotted names: a syllable jieba read as a word of its own (吾/r), a one-character last
# part before a speech verb, a contestant (选手) before the name
PERSONS += [
    (
        "获得一等奖的选手阿依古再丽·吾普尔说:“在比赛中获得奖项,让我更加坚信努力就会有回报。",
        "阿依古再丽·吾普尔",
    ),
    (
        "“工会将继续加强与各纺织企业的合作,激发职工的创新创造和积极性,选拔和培养一批技术精湛、业务过硬的"
        "优秀人才,共同推动岳普湖县纺织行业高质量发展。”岳普湖县总工会副主席努尔斯曼·周说。",
        "努尔斯曼·周",
    ),
]
# a two-character name whose previous character makes a name found elsewhere is that
# name (周|常青指出 beside 主席周常青出席); a name before 携 (with) ends there
PERSONS += [
    (
        "市委常委、市总工会主席周常青出席仪式并讲话。周常青指出举办劳动和技能竞赛,是深入贯彻落实习近平"
        "总书记关于发展新质生产力重要论述的实际行动,也是扎实推进新时代产业工人队伍建设改革工作的重要"
        "抓手。",
        "周常青",
    ),
    (
        "来自宇中公司的劳模赵苗泉携徒弟俞华炎、杭州新联电器公司劳模陈建法携徒弟章峰、杭州恒生科技股份"
        "有限公司劳模李德顺携徒弟程庆仲在现场劳模的见证下进行了结对签约。",
        "李德顺",
    ),
]
# surnames the list lacked (巨); an occupation before a name (环卫工, 学员)
PERSONS += [
    (
        "1月6日,全国总工会兼职副主席巨晓林率领全总慰问组莅临天津经开区,开展2025年元旦春节期间"
        "“工会送温暖行动”,将党和政府的关心关怀、工会组织的关爱温暖送到一线劳动者身边。",
        "巨晓林",
    ),
    ("”在河南省鄭州市金水區杜嶺街工會驛站裡感受過多少溫暖,環衛工李立已記不清。", "李立"),
    (
        "国家级创新工作室、枣庄供电公司滕州客服中心李强创新工作室骨干成员、滕州工匠杨斌与学员刘鑫签订了"
        "名师带徒协议。",
        "刘鑫",
    ),
]
# after a post, a dictionary word and one character a comma closes (乔家|华,); a post
# whose last character jieba read into the name (主|任何|少驹)
PERSONS += [
    (
        "深圳市人大常委会副主任、市总工会主席乔家华,中国银行深圳市分行行长宁效云,市总工会副主席张素芬,"
        "市总工会经费审查委员会主任何少驹,中国银行深圳市分行副行长叶新阶等出席签约仪式。",
        "乔家华",
    ),
    (
        "深圳市人大常委会副主任、市总工会主席乔家华,中国银行深圳市分行行长宁效云,市总工会副主席张素芬,"
        "市总工会经费审查委员会主任何少驹,中国银行深圳市分行副行长叶新阶等出席签约仪式。",
        "何少驹",
    ),
]
# a post jieba joined to the organ's short name before it (市委书记, 政协主席)
PERSONS += [
    (
        "6月26日,四平市工会第六次代表大会在四平会堂召开。市委书记郭灵计出席会议并讲话,市政协主席侯川"
        "出席会议;省总工会副主席孙在旗应邀到会祝贺。",
        "郭灵计",
    ),
    (
        "6月26日,四平市工会第六次代表大会在四平会堂召开。市委书记郭灵计出席会议并讲话,市政协主席侯川"
        "出席会议;省总工会副主席孙在旗应邀到会祝贺。",
        "侯川",
    ),
]
# a line of just a name under the headline: the writer's byline
PERSONS += [
    (
        "江蘇寶應縣職工服務陣地受熱捧\n“來到這里就像回到‘家’”\n黃洪濤\n"
        "2024年10月09日09:46  來源:工人日報",
        "黄洪涛",
    ),
    ("賡續百年紅色血脈 譜寫天津工運華章\n張璽\n2025年03月17日09:05 來源:工人日報", "张玺"),
]
# a rarer surname (昂); a union's cadre (干部, a weak post)
PERSONS += [
    (
        "安徽省住建厅建设建材工会调研员邱亮,肥东县总工会党组书记、主席王家华,肥东县总工会权益保障部、劳动和经济工作部部长吴"
        "国庆,撮镇镇工会主席昂连荣,公司党委副书记、工会主席、纪委书记田福军,分公司经理刘清松和各项目15支代表队共150余"
        "人出席仪式。",
        "昂连荣",
    ),
    ("”日前,吴忠市总工会干部张冬在参加“我是工人”体验式劳动实践后深有感触地说。", "张冬"),
]
NOT_PERSONS = [
    # 暨 joins two names of an event; it is no surname here
    (
        "5月11日上午,由安徽省劳动竞赛委员会、安徽省总工会主办,安徽建工集团控股有限公司、安徽省引江济淮集团有限公司承办的20"
        "22年安徽省劳动和技能竞赛暨引江济淮二期工程劳动竞赛启动仪式在安徽省路港工程有限责任公司承建的引江济淮工程派河口船闸项目"
        "现场举行。",
        "暨引江",
    ),
    # a post that begins a longer word (职工宿舍, 职工公寓) has no name after it
    (
        "田爱平一行在召开座谈会、征集职工意见后,来到四公司东乡项目部驻地,分别查看了项目部办公区、"
        "生活区,特别查看了职工宿舍、职工食堂等区域。",
        "宿舍",
    ),
    (
        "”朱燕洁的丈夫祝敬毫是来自河南的货车维修工,一家人就住在山东省青岛市西海岸新区开投集卡中心的"
        "共享职工公寓里。",
        "公寓里",
    ),
    # a place's name before a post that opens an organisation's name (萧山|技师学院)
    (
        "仪式上,萧山区总工会与萧山技师学院签署产业工人培育合作协议书,首批8家产业工人培训基地也在现场"
        "获得授牌。",
        "萧山",
    ),
    # a word of the dictionary in brackets is no name (重点工程(项目))
    (
        "本网讯 为深入推进产业工人队伍建设改革,充分发挥劳动和技能竞赛在提升广大职工综合素质、"
        "激发职工群众劳动热情方面的重要作用,6月26日,市劳动竞赛委员会办公室、市重大项目建设领导小组办公室、"
        "市总工会在“十四五”全国引领性劳动竞赛项目-深远海装备无锡研发基地建设工程项目现场,举行2024年"
        "无锡市重点工程(项目)示范引领性劳动竞赛暨2024-2025年度全市“安康杯”竞赛启动式。",
        "项目",
    ),
    (
        "市委常委、市总工会主席周常青出席仪式并讲话。周常青指出举办劳动和技能竞赛,是深入贯彻落实习近平"
        "总书记关于发展新质生产力重要论述的实际行动,也是扎实推进新时代产业工人队伍建设改革工作的重要"
        "抓手。",
        "常青",
    ),
    # a place's name listed after 、 is no person (滕州: jieba nr)
    (
        "国家级创新工作室、枣庄供电公司滕州客服中心李强创新工作室骨干成员、滕州工匠杨斌与学员刘鑫签订了"
        "名师带徒协议。",
        "滕州",
    ),
    # the first part of a name joined by a dot is not a name of its own
    ("图为陈海波向苏丹工联总书记斯勒哈提姆·阿勒艾敏赠送纪念品。", "斯勒哈"),
    ("代表团一行25人在总书记斯勒哈提姆·阿勒艾敏带领下来到海南考察访问。", "斯勒哈提姆"),
    # a surname-initial word that is no name (傅 starts none here: 师傅们)
    ("司机师傅们歇脚喝水的工夫,就能翻上几页书。", "傅们"),
    # 濮 begins a place's name after a post, not a person's (濮阳市)
    ("河南省总工会副主席濮阳市劳模王伟出席。", "濮阳市劳"),
    ("慰问组看望了遇难护边员的家属拜谢纳力·朱马力。", "家属拜谢纳力·朱马力"),
    ("“送温暖·基层行”活动走进社区。", "送温暖·基层行"),
    ("新闻·川渝\n重庆市总工会赴彭水开展慰问。", "新闻·川渝"),
    ("2024年英雄花开英雄城·传递工运力量主题活动启动。", "英雄城·传递"),
    ("会上，州总工会常务副主席田力通报了2017年全州工会工作。", "田力通"),
    ("主席李从正在会上讲话。", "李从正"),
    (
        "鼎城区领导雷建国、邱孝、谢梦、彭炜、徐建新、黄秋云、杨友明、周伟建、李论出席开幕式。",
        "周伟",
    ),
    ("推动康养度假、温泉旅游、生态农业、文化创意等产业发展。", "温泉旅游"),
    # a common word jieba's dictionary tags as a name, before a post (做文明职工), and a
    # village's name (杨庄村) are no persons
    ("这是市总工会开展“建和谐企业做文明职工”心理健康辅导进基层宣讲活动。", "文明"),
    ("贾红举与雷效娟等相关同志一起到广阔天地乡杨庄村开展文明单位“四送一助力”活动。", "杨庄村"),
    # surname + 家 + 港 names a place (张家港), not a person
    (
        "广州港、宁波舟山港、上海洋山港、汕头港、湛江港、张家港港、福州港等多个港区开通了公益班车线路。",
        "张家港",
    ),
    # a surname with a form of address is no full name
    ("单位职工钟先生今年首次参加住院医疗互助保障项目。", "钟先生"),
    # a reporter's role outside a bracketed byline: the words after it are no name
    (
        "在书台社区“工会驿站”,记者看到屋内干净明亮。3处驿站统一配备了饮水机、微波炉、冰柜、药箱、雨伞。",
        "冰柜",
    ),
    # everyday nouns jieba's dictionary tags as names (毛巾/nr), listed
    (
        "为每名参加活动的户外工作者送上包括板蓝根、十滴水、水杯、风油精、花露水、毛巾等防暑降温物品。",
        "毛巾",
    ),
]


@pytest.mark.parametrize(("text", "name"), PERSONS)
def test_persons(analyse, text: str, name: str) -> None:
    _, mentions, _ = analyse(text)
    assert (T.PERSON, name) in {(m.label, m.display_name) for m in mentions}


@pytest.mark.parametrize(("text", "word"), NOT_PERSONS)
def test_not_persons(analyse, text: str, word: str) -> None:
    _, mentions, _ = analyse(text)
    assert word not in {m.display_name for m in mentions if m.label == T.PERSON}
