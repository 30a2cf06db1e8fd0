"""HTML: visible text only, blocks as paragraphs, headings as headline lines."""

from __future__ import annotations

import pytest

from kg.ingest import parse_text
from kg.ingest.html_text import html_to_text

PAGE = """<!DOCTYPE html>
<html><head><title>工人日报 标题栏</title>
<style>p { color: red } .x::after { content: "样式文字" }</style>
<script>var s = "脚本文字"; document.write("<p>写入</p>");</script>
</head>
<body>
<!-- 注释文字 -->
<nav><a href="/">首页</a> | <a href="/yw">导航文字</a></nav>
<h1>内蒙古启动年度“劳模工匠进校园”行动</h1>
<h3>弘扬“三个精神” 培育劳模工匠</h3>
<p>本报讯(记者李玉波)近日,由内蒙古自治区总工会、自治区教育厅联合开展的
“劳模工匠进校园”行动启动仪式暨首场报告会在内蒙古工业大学举行。</p>
<p>此次宣讲报告会邀请了<b>廖丽娟</b>、白妙馨、王雪梅3名劳模。<br>同学们被感动。</p>
<noscript>无脚本文字</noscript>
<template><p>模板文字</p></template>
<svg><text>图形文字</text></svg>
<p hidden>隐藏文字</p><p style="display: none">不显示文字</p>
<div aria-hidden="true">读屏隐藏文字</div>
<h2>确保安全生产</h2>
<div><p>近日,中原油田白9储气库运维人员开展巡检。</p>
<p>本报通讯员 魏国军 刘婷婷 摄</p></div>
<p>Hello   world &amp; friends</p>
</body></html>"""


@pytest.fixture(scope="module")
def text() -> str:
    return html_to_text(PAGE)


@pytest.mark.parametrize(
    "hidden",
    ["工人日报 标题栏", "样式文字", "脚本文字", "写入", "注释文字", "导航文字", "无脚本文字",
     "模板文字", "图形文字", "隐藏文字", "不显示文字", "读屏隐藏文字", "<", "&amp;"],
)  # fmt: skip
def test_invisible_text_is_dropped(text: str, hidden: str) -> None:
    assert hidden not in text


def test_layout(text: str) -> None:
    assert text.split("\n\n") == [
        "## 内蒙古启动年度“劳模工匠进校园”行动",
        "### 弘扬“三个精神” 培育劳模工匠",
        # the source line break between two CJK characters vanishes
        "本报讯(记者李玉波)近日,由内蒙古自治区总工会、自治区教育厅联合开展的"
        "“劳模工匠进校园”行动启动仪式暨首场报告会在内蒙古工业大学举行。",
        "此次宣讲报告会邀请了廖丽娟、白妙馨、王雪梅3名劳模。\n同学们被感动。",  # <br>
        "## 确保安全生产",
        "近日,中原油田白9储气库运维人员开展巡检。",
        "本报通讯员 魏国军 刘婷婷 摄",
        "Hello world & friends",
    ]


def test_html_articles() -> None:
    doc = parse_text(PAGE, source="page.html", document_id="page", fmt="html")
    assert [a.headline for a in doc.articles] == [
        "内蒙古启动年度“劳模工匠进校园”行动 弘扬“三个精神” 培育劳模工匠",
        "确保安全生产",
        "Hello world & friends",
    ]
    first = doc.articles[0]
    assert first.byline == "本报讯(记者李玉波)"
    assert first.text.startswith("内蒙古启动年度")
    assert doc.articles[1].text.endswith("本报通讯员 魏国军 刘婷婷 摄")


def test_only_script_is_empty() -> None:
    assert html_to_text("<html><script>x()</script><style>p{}</style></html>") == ""
