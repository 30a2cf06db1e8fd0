"""`kg build` over a folder of every input format: outputs, report.json, dates (issue #10)."""

from __future__ import annotations

import json
from pathlib import Path

import ingest_inputs as fixtures
from rdflib import Graph
from rdflib import namespace as ns

from kg.rdf.namespace import KG


def test_build_of_a_mixed_folder(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    src = tmp_path / "in"
    src.mkdir()
    (src / "news.html").write_text(fixtures.news_page(), encoding="utf-8")
    fixtures.two_column_pdf(src / "page.pdf")
    fixtures.image_only_pdf(src / "scan.pdf")
    fixtures.word_report(src / "report.docx")
    (src / "old.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504)
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(src), "-o", str(out), "--no-html", "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(Path(d["source"]).name for d in report["documents"]) == [
        "news.html",
        "page.pdf",
        "report.docx",
    ]
    skipped = {Path(p["source"]).name: p["reason"][:6] for p in report["problems"]}
    assert skipped == {"scan.pdf": "[E013]", "old.doc": "[E015]", "photo.jpg": "[E016]"}
    assert len(report["summary"]["warnings"]) == 3
    graph = Graph().parse(out / "graph.ttl")
    dates = {(str(d), d.datatype) for d in graph.objects(None, ns.DCTERMS.date)}
    assert dates == {("2024-05-10", ns.XSD.date), ("2024-05-08", ns.XSD.date)}
    assert {int(p) for p in graph.objects(None, KG.pageNumber)} == {1}
    boilerplate = ("科技有限公司", "天河区", "相关阅读", "重庆市总工会")
    assert not [str(o) for o in graph.objects() if any(w in str(o) for w in boilerplate)]
