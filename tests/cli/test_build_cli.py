"""``kg build`` end to end: summary, outputs, determinism, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> tuple[Path, Path]:
    outs = []
    for name in ("first", "second"):
        out = tmp_path_factory.mktemp(name)
        result = runner.invoke(app, ["build", str(seeds_dir), "-o", str(out)])
        assert result.exit_code == 0, result.output
        outs.append(out)
    return outs[0], outs[1]


def test_build_writes_outputs_and_summary(two_builds: tuple[Path, Path]) -> None:
    out, _ = two_builds
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (out / name).stat().st_size > 0, name
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    summary = report["summary"]
    assert summary["documents"] == 5
    assert summary["articles"] >= 30
    assert set(summary["entities_by_type"]) == {
        "Enterprise",
        "Event",
        "GovernmentBody",
        "Organization",
        "Person",
        "Place",
        "Programme",
        "Union",
    }
    assert summary["relations_by_type"]["memberOf"] > 0
    assert summary["warnings"] == []


def test_same_input_gives_byte_identical_output(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_summary_is_printed(seeds_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["build", str(seeds_dir / "000_94a1c972eb8362e8.txt"), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0
    assert "documents: 1" in result.stdout
    assert "entities:" in result.stdout and "Union=" in result.stdout
    assert "relations:" in result.stdout and "memberOf=" in result.stdout


def test_bad_files_are_named_and_the_rest_still_builds(seeds_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("昌平区总工会党组书记、常务副主席王冰说。\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "undecodable.txt").write_bytes(b"\x81\x20\xfe\x30" * 50)
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--no-html"])
    assert result.exit_code == 0, result.output
    for name in ("binary.txt", "undecodable.txt", "empty.txt"):
        assert name in result.stderr, name
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["documents"] == 1
    assert len(report["problems"]) == 3
    assert "王冰" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "E008" in result.stderr


def test_other_rdf_formats(seeds_dir: Path, tmp_path: Path) -> None:
    source = str(seeds_dir / "001_71b934195b22698b.txt")
    result = runner.invoke(
        app, ["build", source, "-o", str(tmp_path), "-f", "jsonld", "-f", "nt", "--no-html"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.jsonld").stat().st_size > 0
    assert (tmp_path / "graph.nt").stat().st_size > 0
