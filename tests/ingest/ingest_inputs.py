"""Input files the ingest tests make themselves: web pages, PDFs, Word documents.

Nothing is fetched: pages are real-shaped (navigation, ad, "相关阅读" aside, footer with
an address), PDFs are drawn with reportlab's built-in CJK font ``STSong-Light`` (no font
file needed), ``.docx`` files are written with python-docx.
"""

from __future__ import annotations

from pathlib import Path

HEADLINE = "广东启动产业工人技能提质行动"
BODY = (
    "本报讯(记者王晓 通讯员刘洋)5月9日,广东省总工会在广州召开产业工人队伍建设改革推进会,"
    "部署开展产业工人技能提质行动。",
    "会议提出,今年将在全省建设100家职工创新工作室,推动劳模工匠进企业、进车间,"
    "帮助一线职工提升技能水平。",
    "广东省总工会主席王东在会上表示,各级工会要把产业工人队伍建设改革作为重点工作,"
    "持续深化工匠学院建设。",
    "据了解,深圳市总工会已联合比亚迪股份有限公司设立工匠学院,去年以来累计培训职工3.2万人次。",
    "下一步,广东省总工会还将开展“春风行动”,为返岗务工人员提供就业岗位和技能培训服务。",
)
#: words of the page's boilerplate: none may reach the article text or become an entity
BOILERPLATE = (
    "首页",
    "登录",
    "腾飞科技有限公司",
    "400-800-1234",
    "相关阅读",
    "重庆市总工会",
    "浙江省总工会",
    "上海市总工会",
    "版权所有",
    "天河区",
    "体育西路",
    "粤ICP备",
    "关于我们",
    "责任编辑",
    "来源",
)


def news_page(*, body: tuple[str, ...] = BODY, headline: str = HEADLINE) -> str:
    """A saved news page of a union news site, boilerplate and all."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    related = "".join(
        f'<li><a href="/a/{i}.html">{t}</a></li>'
        for i, t in enumerate(
            [
                "重庆市总工会开展“春风行动”送岗位",
                "浙江省总工会发布职工疗休养新政",
                "上海市总工会建成爱心母婴室500家",
            ]
        )
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{headline}_工人日报网</title>
<meta property="og:title" content="{headline}">
<meta property="og:site_name" content="工人日报网">
<meta name="publishdate" content="2024-05-10 09:30:00">
<meta name="author" content="王晓">
<link rel="stylesheet" href="/css/main.css"><script src="/js/stat.js"></script>
</head><body>
<div class="topbar"><a href="/">首页</a> | <a href="/login">登录</a> | <a href="/reg">注册</a></div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/yw">要闻</a></li>
<li><a href="/gh">工会</a></li><li><a href="/zg">职工</a></li></ul></nav>
<div class="ad banner"><a href="http://ad.example.com/c">深圳市腾飞科技有限公司 诚招代理
全国热线400-800-1234</a></div>
<div class="wrap"><div class="main"><div class="article">
<h1>{headline}</h1>
<div class="info">来源:工人日报 2024-05-10 09:30 编辑:李明</div>
<div class="content">
{paragraphs}
<p>责任编辑:张华</p>
</div></div>
<aside class="related"><h3>相关阅读</h3><ul>{related}</ul></aside>
</div></div>
<footer><div class="links"><a href="/about">关于我们</a> <a href="/contact">联系我们</a></div>
<p>版权所有 © 广州天河网络科技有限公司 地址:广州市天河区体育西路123号 邮编:510620</p>
<p>粤ICP备12345678号 违法和不良信息举报电话:020-12345678</p></footer>
</body></html>"""


#: articles of one 版面 (page) of a digital newspaper
PAGE_ARTICLES = (
    (
        "西安市总工会为快递小哥建成司机之家",
        (
            "本报讯(记者毛浓曦)近日,西安市总工会在雁塔区建成10家司机之家,"
            "为货车司机和快递小哥提供休息、饮水、充电等服务。",
            "据介绍,今年西安市总工会计划再建设30家司机之家。",
        ),
    ),
    (
        "杭州市总工会开展春风行动",
        (
            "本报讯(记者叶小钟)2月20日,杭州市总工会联合杭州市人力资源和社会保障局开展春风行动,"
            "为2000余名返岗职工提供就业岗位。",
            "活动现场,100余家企业提供岗位5000多个。",
        ),
    ),
    (
        "吉林省总工会设立工匠学院",
        (
            "本报讯(记者柳姗姗)吉林省总工会日前与长春工业大学共建工匠学院,首批学员120人入学。",
            "工匠学院将开设数控加工、焊接等12个专业。",
        ),
    ),
)


def newspaper_page() -> str:
    """A digital newspaper's 版面 page: several articles, each under its headline."""
    blocks = "".join(
        f'<div class="bm-art"><h3>{h}</h3>' + "".join(f"<p>{p}</p>" for p in ps) + "</div>"
        for h, ps in PAGE_ARTICLES
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>工人日报 2024年05月08日 第03版:工会新闻</title></head><body>
<div class="header"><a href="p2.html">上一版</a> <a href="p4.html">下一版</a>
<a href="/history">往期回顾</a></div>
<div class="paper-date">2024年5月8日 星期三</div>
<div class="bm-list"><ul><li><a href="p1.html">第01版:要闻</a></li>
<li><a href="p2.html">第02版:要闻</a></li><li><a href="p3.html">第03版:工会新闻</a></li></ul></div>
<div class="bm-content">{blocks}</div>
<div class="footer">工人日报社 版权所有 地址:北京市东城区安德路甲61号</div></body></html>"""


#: the two columns of the PDF page: each a headline and its paragraphs
PDF_COLUMNS = (
    (
        "西安市总工会建成司机之家",
        "本报讯(记者毛浓曦)近日,西安市总工会在雁塔区建成10家司机之家,为货车司机和"
        "快递小哥提供休息、饮水、充电等服务。据介绍,今年西安市总工会计划再建设30家"
        "司机之家,让新就业形态劳动者随时有个歇脚的地方。",
    ),
    (
        "吉林省总工会设立工匠学院",
        "本报讯(记者柳姗姗)吉林省总工会日前与长春工业大学共建工匠学院,首批学员120人"
        "入学。工匠学院将开设数控加工、焊接等12个专业,由劳模和大国工匠担任导师,"
        "培养更多高技能人才。",
    ),
)
PDF_MASTHEAD = "2024年5月8日 星期三"


def two_column_pdf(path: Path, *, second_page: tuple[str, str] | None = None) -> Path:
    """A newspaper-like PDF: a masthead date line, then two columns of Chinese text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    c.setFont("STSong-Light", 10)
    c.drawString(40, height - 40, PDF_MASTHEAD)
    column_width = (width - 100) / 2
    for col, (headline, text) in enumerate(PDF_COLUMNS):
        x = 40 + col * (column_width + 20)
        y = height - 90
        c.setFont("STSong-Light", 16)
        c.drawString(x, y, headline)
        y -= 30
        c.setFont("STSong-Light", 10)
        per_line = int(column_width // 10)
        for i in range(0, len(text), per_line):
            c.drawString(x, y, text[i : i + per_line])
            y -= 14
    if second_page:
        c.showPage()
        c.setFont("STSong-Light", 16)
        c.drawString(40, height - 90, second_page[0])
        c.setFont("STSong-Light", 10)
        text = second_page[1]
        for n, i in enumerate(range(0, len(text), 40)):
            c.drawString(40, height - 120 - 14 * n, text[i : i + 40])
    c.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A scanned page: an image and no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    for i in range(20):  # dark bars standing in for a scan
        c.rect(40, 800 - 30 * i, 500, 12, fill=1, stroke=0)
    c.save()
    return path


DOCX_HEADING = "2023年度工会工作报告"
DOCX_SECTIONS = (
    (
        "一、职工服务",
        "全年,青岛市总工会新建爱心母婴室25家,建成司机之家12家,服务新就业形态劳动者3万余人次。",
    ),
    (
        "二、技能提升",
        "市总工会联合青岛海尔集团设立职工创新工作室8个,举办职业技能竞赛15场。",
    ),
)


def word_report(path: Path) -> Path:
    """A Word work report: a title, section headings and paragraphs."""
    import docx

    document = docx.Document()
    document.add_heading(DOCX_HEADING, level=1)
    for heading, text in DOCX_SECTIONS:
        document.add_heading(heading, level=2)
        document.add_paragraph(text)
    document.core_properties.author = "青岛市总工会办公室"
    document.save(str(path))
    return path
