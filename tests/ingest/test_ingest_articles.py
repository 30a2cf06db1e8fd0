"""Article splitting on the five seed pages and on small made-up pages."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kg.ingest import parse_text, read_document
from kg.types import Article, Document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PREFIXES = ["000", "001", "002", "003", "004"]


@cache
def seed(prefix: str) -> Document:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return read_document(path)


def by_headline(doc: Document, start: str) -> Article:
    [article] = [a for a in doc.articles if a.headline.startswith(start)]
    return article


HEADLINES = {
    "000": [
        "构建和谐劳动关系倡议书",
        "拓展技能提升体系 完善激励评价机制 吉林推动“产改”工作提质增效",
        "襄阳市总设立爱心母婴室、福利托育所、爱心托管班 “三育”服务缓解女职工生育后顾之忧",
        "合肥产投集团评出首届15名“产投匠星”",
        "“非遗广播操”",
        "确保安全生产",
        "打卡红色地标 传递工运力量",  # "新闻特写" is a column label, not headline
        "内蒙古启动年度“劳模工匠进校园”行动 弘扬“三个精神” 培育劳模工匠",
        "北京昌平区总出台举措激励“一室一盟”建设 提升星级的职工创新工作室可获补助",
        "在西安,工会主席走进招聘会现场、电视台直播间、园区企业,精准送岗助就业—— "
        "这里的招聘会何以如此火热?",
    ],
    "001": [
        # three headline lines in a row: the first two head an article whose body is
        # elsewhere on the page (the orphan "会的补充…" below)
        "天津探索“互联网+民主管理”工作模式,上线“云端职代会”系统 "
        "单位可定制云端会议议程 职工能随时随地线上参会",
        "全国机械冶金建材系统产业工人队伍建设改革现场推进会召开",
        "中国职工国际旅行社总社与贵州省文旅厅签订合作协议 打造文旅康养品牌 共享资源服务职工",
        "黑龙江抚远市信访局联合市总工会做好维权工作 建立网格化管理机制 注重多部门联动协调",
        "老瓷厂变身文创产业园",
        "",  # "会的补充,线上职代会…": body after a closed photo item
        "送法进工地",
        "江苏滨海县总牵线搭桥助力乡村振兴 “百村+百企”合作促双赢",
        "长沙:商家联合平台 共建500个骑士驿站",
        "海西州工会开展关爱货车司机活动",
        "",  # "(上接第1版)关于工会工作…": a continuation from page 1
    ],
    "002": [
        "联结企业和职工 联系发展与稳定 市总工会召开深入构建新时代和谐劳动关系工作交流会",
        "在基层构建和谐稳定的劳动关系 中建安装苏杭公司把工会组织建在项目部上",
        "2022年市社会化职业化工会工作者招聘笔试举行",
        "协力促和谐 聚力助共富 上城区总工会团结企业与职工走出共济共赢新路",
    ],
    "003": [
        "青岛市总建立维权线索清单,开展劳动关系风险监测预警 “两清单两报告”高效化解劳动者维权难事",
        "广西举行就业服务线上线下活动 细化招聘服务 突出精准送岗",
        "湖北省总实施“数智木兰”技能提升工程",
        "白山市总强化职工思想引领 “五力五解”创新职工思政工作模式",
        "河北清河县总在健康服务站配备智能体检仪 仅用10分钟,职工可享全面体检",
        "“求学圆梦”照亮职工人生路",
        "春耕一线的科技小组",
        "开展订单、定制、定向式技能培训 锦州工匠学院助职工“赋能成才”",
        "常州工会实施企事业单位民主管理三年行动计划,企业与职工共建共赢—— 让民主管理的成效真切可感",
    ],
    "004": [
        "在促发展保稳定中展现工会担当 杭州:构建和谐劳动关系 助力经济稳进提质",
        "给建设者送清凉",
        "西安:十条措施引领职工建功高质量发展",
        "“司机之家”越来越温馨了",
        "大连:设立专项基金拉动消费助企纾困",
        "“坝坝书屋”开张了",
        "大庆市总精准匹配资源,让求职者稳稳地就业—— 职工求职,“娘家人”帮到底",
        "进一步规范全民健身等相关工会经费使用管理",
        "",  # second "(上接第1版)" continuation, without a jump headline
        "内蒙古自治区总工会下拨“产改”试点补助",
    ],
}


@pytest.mark.parametrize("prefix", PREFIXES)
def test_seed_headlines(prefix: str) -> None:
    assert [a.headline for a in seed(prefix).articles] == HEADLINES[prefix]


def test_seed_000_named_headlines() -> None:
    headlines = [a.headline for a in seed("000").articles]
    assert "拓展技能提升体系 完善激励评价机制 吉林推动“产改”工作提质增效" in headlines
    assert any(h.startswith("内蒙古启动年度“劳模工匠进校园”行动") for h in headlines)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_seed_invariants(prefix: str) -> None:
    doc = seed(prefix)
    assert len(doc.text) == len(doc.analysis_text)
    previous_end = 0
    for index, article in enumerate(doc.articles):
        assert article.id == f"{doc.id}-a{index:02d}"
        assert article.document_id == doc.id and article.source == doc.source
        assert doc.text[article.start : article.end] == article.text
        assert doc.analysis_text[article.start : article.end] == article.analysis_text
        assert article.start >= previous_end  # in page order, no overlap
        previous_end = article.end
        assert article.text == article.text.strip()
        # the span includes the headline lines (after a column label like 新闻特写)
        assert article.headline.split(" ")[0] in article.text[: len(article.headline) + 8]
        assert article.sentences
        for s in article.sentences:
            assert doc.text[s.start : s.end] == s.text
            assert article.start <= s.start < s.end <= article.end
            assert s.text == s.text.strip() and s.text
            assert not s.text.startswith("#")


MASTHEAD_002 = [
    "杭州工运",
    "新闻热线:(0571)87160990",
    "投稿邮箱: http://www.hzgh.org/tg.htm",
    "2022年12月27日 星期二 农历壬寅年十二月初五 第471期",
    "出版:杭州市总工会 准印证号:浙企准字第A286号",
    "社址:杭州市上城区东宁路501号 邮编:310017",
    "责任编辑:侯英帅",
]


@pytest.mark.parametrize("line", MASTHEAD_002)
def test_masthead_is_in_no_article(line: str) -> None:
    doc = seed("002")
    at = doc.text.index(line)  # still in the document text
    assert all(not (a.start <= at < a.end) for a in doc.articles)
    assert all(line not in a.text for a in doc.articles)


@pytest.mark.parametrize(
    ("prefix", "headline", "credit"),
    [
        ("000", "确保安全生产", "本报通讯员 魏国军 刘婷婷 摄"),
        ("001", "老瓷厂变身文创产业园", "新华社记者 杨世尧 摄"),
        ("001", "送法进工地", "本报通讯员 高鹏 摄"),
        ("003", "春耕一线的科技小组", "新华社记者 王松 摄"),
        ("004", "给建设者送清凉", "本报记者 赖志凯 摄"),
        ("004", "“坝坝书屋”开张了", "本报通讯员 陈仕川 摄"),
    ],
)
def test_photo_captions_are_short_articles(prefix: str, headline: str, credit: str) -> None:
    article = by_headline(seed(prefix), headline)
    assert article.headline == headline
    assert article.text.startswith(headline)
    assert article.text.endswith(credit)
    assert article.byline == credit
    assert len(article.sentences) <= 5


@pytest.mark.parametrize(
    ("prefix", "headline", "byline"),
    [
        ("000", "打卡红色地标", "本报记者 叶小钟 赵思远"),
        ("000", "在西安", "本报记者 毛浓曦 本报通讯员 祝盼"),
        ("003", "“求学圆梦”", "本报记者 李玉波\n本报通讯员 张媛 刘俊平"),
        ("004", "大庆市总", "本报记者 张世光 本报实习生 王乾志"),
        ("000", "拓展技能提升体系", "本报讯(记者彭冰 柳柳)"),
        ("001", "全国机械冶金", "本报南京11月22日电(记者黄洪涛)"),
        ("003", "青岛市总", "本报讯(杨明清 记者张楠)"),
        ("000", "“非遗广播操”", "本报通讯员 胡晋飞"),
        ("002", "在基层构建", "(臧业扬)"),
    ],
)
def test_bylines_in_field_and_text(prefix: str, headline: str, byline: str) -> None:
    article = by_headline(seed(prefix), headline)
    assert article.byline == byline
    for line in byline.split("\n"):
        assert line in article.text
        assert any(line in s.text for s in article.sentences)


@pytest.mark.parametrize(
    ("prefix", "headline", "inside"),
    [
        ("000", "在西安", ["### 阅读提示", "西安各级工会创新招聘形式", "着本次招聘会的相关信息"]),
        (
            "003",
            "常州工会",
            ["阅读提示", "企业职工共建共赢", "效益共创利益共享", "议事共商机制共建"],
        ),
        ("004", "大庆市总", ["阅读提示", "小网络,大作用", "免费学,有钱赚", "“娘家人”,帮到底"]),
        ("002", "协力促和谐", ["聚焦主责主业", "聚焦建功立业", "聚焦共同富裕", "(上城区总工会)"]),
        ("001", "", ["(上接第1版)关于工会工作", "充分发挥工人阶级主力军作用", "(原载《人民日报》"]),
        ("004", "进一步规范全民健身", ["(上接第1版)", "通知强调"]),
    ],
)
def test_boxes_and_section_heads_stay_inside(prefix: str, headline: str, inside: list[str]) -> None:
    doc = seed(prefix)
    article = [a for a in doc.articles if a.headline.startswith(headline)][-1]
    for text in inside:
        assert text in article.text
    assert all(a.headline not in {"阅读提示", "企业职工共建共赢"} for a in doc.articles)


def test_orphan_and_continuation_articles() -> None:
    doc = seed("001")
    orphan = doc.articles[5]
    assert orphan.text.startswith("会的补充,线上职代会")
    assert orphan.text.endswith("工会主席王旭东说。")
    assert doc.articles[-1].text.startswith("(上接第1版)关于工会工作")
    second = seed("004").articles[8]
    assert second.text.startswith("(上接第1版)\n\n值得关注的是")


# -- small pages ------------------------------------------------------------------------


def test_markdown_page() -> None:
    page = (
        "# 第一条新闻\n\n今天开会。\n\n### 小标题\n\n会议继续。\n\n"
        "## 第二条新闻\n\n本报记者 张三\n\n明天放假。(下转第2版)\n"
    )
    doc = parse_text(page, source="p.md", document_id="p", fmt="md")
    assert [a.headline for a in doc.articles] == ["第一条新闻", "第二条新闻"]
    first, second = doc.articles
    assert "小标题" in first.text  # a level-3 heading inside an article is a section head
    assert second.byline == "本报记者 张三"
    assert second.text.endswith("(下转第2版)")  # stays with the article it interrupts
    assert [s.text for s in first.sentences] == ["第一条新闻", "今天开会。", "小标题", "会议继续。"]


def test_masthead_between_articles() -> None:
    page = (
        "杭州工运\n\n责任编辑:侯英帅\n\n市总工会召开交流会\n\n12月21日,市总工会召开会议。(王钰哲)\n\n"
        "2022年12月27日 星期二 农历壬寅年十二月初五 第471期\n\n上城区总工会团结企业\n\n"
        "上城区总工会聚焦主题主线。"
    )
    doc = parse_text(page, source="p.txt", document_id="p")
    assert [a.headline for a in doc.articles] == ["市总工会召开交流会", "上城区总工会团结企业"]
    assert all("星期二" not in a.text and "侯英帅" not in a.text for a in doc.articles)


def test_headline_line_is_one_sentence() -> None:
    doc = parse_text(
        "## 好!再出发\n\n本报记者 张三\n\n正文一。正文二!", source="p", document_id="p"
    )
    [article] = doc.articles
    assert [s.text for s in article.sentences] == [
        "好!再出发",
        "本报记者 张三",
        "正文一。",
        "正文二!",
    ]
