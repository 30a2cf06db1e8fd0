"""``kg validate`` (pyshacl) and ``kg eval`` on a corpus build (--document), for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
SEED = "000_94a1c972eb8362e8"

BROKEN = """\
@prefix kg: <https://w3id.org/cn-union-kg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/cn-union-kg/id/Person/x> a kg:Person ;
    dcterms:identifier "Person/x" ;
    kg:locatedIn <https://w3id.org/cn-union-kg/id/Union/y> .
<https://w3id.org/cn-union-kg/id/Union/y> a kg:Union ; rdfs:label "某工会"@zh ;
    dcterms:identifier "Union/y" .
"""


def test_validate_a_built_graph_conforms(tmp_path: Path) -> None:
    import kg

    (tmp_path / "a.txt").write_text(
        "西安市总工会主席薛振虎在会上讲话，陕西省总工会在西安市举行劳模表彰大会。", encoding="utf-8"
    )
    kg.build(tmp_path).write(tmp_path / "out", html=False)
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "validate", str(tmp_path / "out" / "graph.ttl")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conforms" in proc.stdout


def test_validate_reports_violations_with_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(BROKEN, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1, result.output
    assert "Constraint Violation" in result.stdout
    assert "rdfs:label" in result.stdout or "label" in result.stdout
    assert "violation" in result.stderr


def test_validate_unreadable_graph_is_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.ttl").write_text("not turtle {", encoding="utf-8")
    assert runner.invoke(app, ["validate", str(tmp_path / "x.ttl")]).exit_code == 2
    assert runner.invoke(app, ["validate", str(tmp_path / "none.ttl")]).exit_code == 2


def test_eval_on_a_corpus_names_uncovered_documents(built_seeds: Path, gold_dir: Path) -> None:
    graph, gold = str(built_seeds / "graph.ttl"), str(gold_dir / f"{SEED}.jsonl")
    whole = runner.invoke(app, ["eval", graph, gold, "--json"])
    assert whole.exit_code == 0, whole.output
    assert "holds 5 documents; the gold covers 1" in whole.stderr
    for other in ("001_71b934195b22698b", "004_29044a719f15d67f"):
        assert other in whole.stderr
    assert "--document" in whole.stderr
    one = runner.invoke(app, ["eval", graph, gold, "--json", "--document", SEED])
    assert one.exit_code == 0, one.output
    assert "not covered" not in one.stderr.lower()
    import json

    f1 = lambda out: json.loads(out)["entities"]["typed"]["f1"]  # noqa: E731
    p = lambda out: json.loads(out)["entities"]["typed"]["precision"]  # noqa: E731
    assert p(one.stdout) > p(whole.stdout) + 0.2
    assert f1(one.stdout) > f1(whole.stdout)


def test_eval_unknown_document_is_usage_error(built_seeds: Path, gold_dir: Path) -> None:
    result = runner.invoke(
        app,
        ["eval", str(built_seeds / "graph.ttl"), str(gold_dir / f"{SEED}.jsonl"), "-d", "nope"],
    )
    assert result.exit_code == 2 and SEED in result.stderr
