"""Conventions every command follows: flags, --version, exit codes, warnings once, tables.

Run through Typer's runner and, where the process matters, as a real subprocess.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.cli._console import fit_table

runner = CliRunner()
KG = [sys.executable, "-m", "kg"]
GOOD = "西安市总工会主席薛振虎在会上讲话。\n"
LONG = (
    "西安市总工会主席薛振虎在全市劳模工匠表彰大会上讲话，号召全市广大职工以劳模为榜样，"
    "弘扬劳模精神、劳动精神、工匠精神，在推动高质量发展中建功立业，陕西省总工会在西安市举行"
    "劳模表彰大会。\n"
)


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "long.txt").write_text(LONG, encoding="utf-8")
    out = corpus / "out"
    kg.build(corpus).write(out, html=False)
    return out


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KG, *args], capture_output=True, text=True, timeout=300, cwd=cwd, check=False
    )


def test_version_through_runner_and_process() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"kg {kg.__version__}"
    proc = _run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"kg {kg.__version__}"


def test_help_shows_flag_pairs_and_exit_codes() -> None:
    result = runner.invoke(app, ["build", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for pair in ("-q, --quiet / --no-quiet", "--html / --no-html", "--strict / --no-strict"):
        assert pair in text, pair
    assert "<bool>" not in text
    assert "Exit status" in runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout


def test_a_flag_takes_no_value(tmp_path: Path) -> None:
    """``--quiet true``: ``true`` is an input path, and a missing one is a usage error."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(
        app, ["build", "--quiet", "true", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "true" in result.stderr and "E001" in result.stderr
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_mistyped_input_exits_2_unless_keep_going(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    missing = str(tmp_path / "typo.txt")
    proc = _run("build", str(tmp_path / "a.txt"), missing, "-o", str(tmp_path / "o"), "-q")
    assert proc.returncode == 2, proc.stderr
    assert "typo.txt" in proc.stderr and "--keep-going" in proc.stderr
    result = runner.invoke(
        app,
        ["build", str(tmp_path / "a.txt"), missing, "-o", str(tmp_path / "o"), "-k", "--no-html"],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.count("typo.txt") == 1
    assert (tmp_path / "o" / "graph.ttl").is_file()


def test_each_warning_printed_once_and_strict(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    out = str(tmp_path / "o")
    result = runner.invoke(app, ["build", str(corpus), "-o", out, "--no-html"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("empty.txt") == 1, result.stderr
    strict = runner.invoke(app, ["build", str(corpus), "-o", out, "--no-html", "--strict", "-q"])
    assert strict.exit_code == 1
    assert strict.stderr.count("empty.txt") == 1 and strict.stdout == ""


def test_unknown_option_and_format_are_usage_errors(tmp_path: Path) -> None:
    assert runner.invoke(app, ["build", str(tmp_path), "--frobnicate"]).exit_code == 2
    result = runner.invoke(app, ["build", str(tmp_path), "-f", "dot"])
    assert result.exit_code == 2 and "E203" in result.stderr


def test_text_tables_fit_the_terminal_and_tsv_stays_full(small_build: Path) -> None:
    from rich.cells import cell_len

    graph = str(small_build / "graph.ttl")
    args = ["query", graph, "fact_provenance"]
    narrow = runner.invoke(app, args, env={"COLUMNS": "60"})
    assert narrow.exit_code == 0, narrow.output
    lines = narrow.stdout.splitlines()
    assert len(lines) > 4 and max(cell_len(line) for line in lines) <= 60
    assert "…" in narrow.stdout and LONG.strip() not in narrow.stdout
    full = runner.invoke(app, [*args, "-f", "tsv"], env={"COLUMNS": "60"})
    assert full.exit_code == 0
    assert LONG.strip() in full.stdout
    assert len(full.stdout.splitlines()) == len(lines) - 2  # no rule line, no row count


def test_fit_table_counts_cjk_as_two_cells() -> None:
    from rich.cells import cell_len

    text = fit_table(["名称", "post"], [["中华全国总工会" * 4, "x" * 50]], width=40)
    assert all(cell_len(line) <= 40 for line in text.splitlines())
    assert fit_table(["a"], [["西安"]], width=None).splitlines()[2] == "西安"


def test_help_does_not_load_the_heavy_stack() -> None:
    code = (
        "import sys; from kg.cli import app\n"
        "heavy = ('spacy', 'rdflib', 'pyvis', 'jieba', 'networkx')\n"
        "print([m for m in heavy if m in sys.modules])"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize("command", ["build", "query", "view", "eval", "validate"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout
