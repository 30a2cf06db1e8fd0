"""Layout rules: the packaged YAML loads, and real seed lines get the right kind."""

from __future__ import annotations

import copy
import importlib.resources

import pytest
import yaml

from kg.errors import ResourceError
from kg.ingest.layout import LineKind, iter_lines, layout_from_mapping, load_layout


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("杭州工运", LineKind.MASTHEAD),
        ("新闻热线:(0571)87160990", LineKind.MASTHEAD),
        ("投稿邮箱: http://www.hzgh.org/tg.htm", LineKind.MASTHEAD),
        ("2022年12月27日 星期二 农历壬寅年十二月初五 第471期", LineKind.MASTHEAD),
        ("出版:杭州市总工会 准印证号:浙企准字第A286号", LineKind.MASTHEAD),
        ("社址:杭州市上城区东宁路501号 邮编:310017", LineKind.MASTHEAD),
        ("责任编辑:侯英帅", LineKind.MASTHEAD),
        ("区域工运·东北", LineKind.MASTHEAD),  # a page name with its region: no place named
        ("工会新闻·川渝", LineKind.MASTHEAD),
        ("新春送温暖·基层行", LineKind.HEADLINE),  # no page name: a headline
        ("(上接第1版)", LineKind.CONTINUED_FROM),
        ("(上接第1版)关于工会工作,习近平总书记指出。", LineKind.CONTINUED_FROM),
        ("阅读提示", LineKind.BOX),
        ("新闻特写", LineKind.LABEL),
        ("本报记者 叶小钟 赵思远", LineKind.BYLINE),
        ("本报记者 毛浓曦 本报通讯员 祝盼", LineKind.BYLINE),
        ("本报记者 张世光 本报实习生 王乾志", LineKind.BYLINE),
        ("本报通讯员 张媛 刘俊平", LineKind.BYLINE),
        ("新华社记者 王松 摄", LineKind.PHOTO_CREDIT),
        ("本报通讯员 魏国军 刘婷婷 摄", LineKind.PHOTO_CREDIT),
        ("本报讯(记者李玉波)近日,内蒙古自治区总工会下拨补助。", LineKind.OPENING),
        ("本报南京11月22日电(记者黄洪涛)今天,推进会召开。", LineKind.OPENING),
        ("本报讯(杨明清 记者张楠)3月11日,拨打热线电话求助。", LineKind.OPENING),
        ("“非遗广播操”", LineKind.HEADLINE),
        ("这里的招聘会何以如此火热?", LineKind.HEADLINE),
        ("小网络,大作用", LineKind.HEADLINE),
        ("大庆市总精准匹配资源,让求职者稳稳地就业——", LineKind.HEADLINE),
        ("中国职工国际旅行社总社与贵州省文旅厅签订合作协议 打造文旅康养品牌 共享资源服务职工",
         LineKind.HEADLINE),
        ("全国广大企业和企业家们:", LineKind.BODY),
        ("2024年3月19日", LineKind.BODY),
        ("(上城区总工会)", LineKind.BODY),
        ("“你们的晋升空间大吗?”", LineKind.BODY),
        ("“两报告”一是定期对12351热线数据分析形成月度报告,准确把握全市职工诉求热点",
         LineKind.BODY),
        ("记者走进工地", LineKind.HEADLINE),  # a role word alone makes no byline
        ("近日,中原油田开展巡检。", LineKind.BODY),
    ],
)  # fmt: skip
def test_classify(line: str, kind: LineKind) -> None:
    assert load_layout().classify(line) is kind


def test_markdown_lines() -> None:
    lines = list(iter_lines("## 确保安全生产 ##\n### 阅读提示\n\n正文。"))
    assert [(ln.kind, ln.level, ln.content) for ln in lines] == [
        (LineKind.HEADING, 2, "确保安全生产"),
        (LineKind.BOX, 3, "阅读提示"),
        (LineKind.BLANK, 0, ""),
        (LineKind.BODY, 0, "正文。"),
    ]
    assert lines[3].blank_before == 1


@pytest.fixture
def raw_rules() -> dict:
    resource = importlib.resources.files("kg.ingest") / "data" / "layout.yaml"
    return yaml.safe_load(resource.read_text(encoding="utf-8"))


def test_packaged_rules_load(raw_rules: dict) -> None:
    assert layout_from_mapping(raw_rules) == load_layout()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["masthead"]["patterns"].append("(unclosed"), "bad regex"),
        (lambda d: d.pop("byline"), "missing or bad key"),
    ],
)
def test_broken_rules(raw_rules: dict, edit, message: str) -> None:
    rules = copy.deepcopy(raw_rules)
    edit(rules)
    with pytest.raises(ResourceError, match=r"^\[E102\] layout\.yaml") as err:
        layout_from_mapping(rules)
    assert message in str(err.value)
