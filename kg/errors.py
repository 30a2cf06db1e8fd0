"""Every error message of the project, in one place (after spaCy's ``errors.py``).

Raise the matching exception with ``Errors.X.format(...)`` so wording stays consistent
and tests can match on the message code.
"""

from __future__ import annotations

__all__ = [
    "Errors",
    "GoldFormatError",
    "IngestError",
    "KGError",
    "OutputError",
    "QueryError",
    "ResourceError",
    "ViewError",
]


class Errors:
    # ingest
    E001 = "[E001] {source}: file not found"
    E002 = "[E002] {source}: binary file (NUL bytes or non-text content), skipped"
    E003 = "[E003] {source}: cannot decode as UTF-8, UTF-16 or GB18030, skipped"
    E004 = "[E004] {source}: empty file (no visible text), skipped"
    E005 = "[E005] {source}: {size} bytes is over the {limit}-byte limit, skipped"
    E006 = (
        "[E006] {source}: unsupported file type {suffix!r} "
        "(use .txt, .md, .html/.htm, .pdf or .docx)"
    )
    E007 = "[E007] {source}: cannot read file: {reason}"
    E008 = "[E008] no input documents found under {paths}"
    E009 = "[E009] {source}: not a regular file ({kind}), skipped"
    E010 = "[E010] {source}: no article text found (only page furniture), skipped"
    E011 = "[E011] {source}: cannot be read ({reason}), skipped"
    E013 = "[E013] {source}: no text layer in its {pages} page(s); OCR it first, skipped"
    E014 = "[E014] {source}: cannot parse the file ({reason}), skipped"
    E015 = (
        "[E015] {source}: old binary Word format (.doc) is not supported; save it as .docx "
        "(Word: Save As; LibreOffice: soffice --headless --convert-to docx), skipped"
    )
    E017 = "[E017] {source}: analysis failed ({reason}); the document is left out"
    E016 = "[E016] {source}: not an input format kg reads ({suffix!r}), skipped"
    E012 = (
        "[E012] {source}: decodes only as {encoding} with almost no Chinese text; "
        "undecodable, skipped"
    )
    # resources
    E101 = "[E101] resource {name!r} is missing from the kg package (broken install?)"
    E102 = "[E102] {name}: line {line}: {reason}"
    # query
    E201 = "[E201] cannot parse SPARQL query: {reason}"
    E202 = "[E202] graph file {path} cannot be read: {reason}"
    E203 = "[E203] unknown output format {fmt!r}; choose one of {choices}"
    E204 = "[E204] cannot export node {node!r}: unknown entity type {type!r}"
    E205 = "[E205] cannot export edge {head!r} -> {tail!r}: unknown relation {predicate!r}"
    E206 = "[E206] bad binding {value!r}: {reason}"
    E207 = "[E207] query file {path} cannot be read: {reason}"
    E208 = "[E208] SPARQL query failed: {reason}"
    E209 = "[E209] store {path} cannot be opened: {reason}"
    E210 = "[E210] --bind {name}: the query has no variable ?{name} (its variables: {variables})"
    E211 = (
        "[E211] the query calls a remote endpoint (SERVICE), refused: kg works offline "
        "(pass --allow-service to allow it)"
    )
    E212 = "[E212] cannot start the SPARQL server: {reason}"
    # eval
    E301 = "[E301] {path}: line {line}: {reason}"
    E302 = "[E302] {path}: gold file not found"
    E303 = "[E303] {path}: cannot read gold file: {reason}"
    E304 = "[E304] graph file {path} cannot be read: {reason}"
    # output (kg.output)
    E401 = "[E401] cannot write {path}: {reason}; the previous outputs are unchanged"
    E402 = (
        "[E402] another kg build is writing into {out} (it holds {lock}); "
        "wait for it to finish or choose another output folder"
    )
    E403 = "[E403] the {name!r} writer created nothing at {path}"
    E404 = (
        "[E404] the process writing {names} ended without a result (exit code {code}); "
        "the previous outputs are unchanged"
    )
    # build: workers, Dask, cache
    E511 = "[E511] --dask {address}: Dask is not installed (pip install 'kg[dask]')"
    E512 = "[E512] --dask {address}: use local, local:N (N ≥ 1) or a scheduler address"
    E513 = "[E513] --dask {address}: cannot reach the scheduler: {reason}"
    E514 = "[E514] -j {jobs}: the number of worker processes must be at least 1"
    # views
    E601 = "[E601] no node {name!r} to focus on: {hint}"
    E602 = "[E602] unknown entity type(s) {types}; choose from {choices}"


class KGError(Exception):
    """Base class of the project's errors."""


class IngestError(KGError):
    """A file could not be turned into a document."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(message)
        self.source = source


class ResourceError(KGError):
    """A lexicon, pattern or ontology file is missing or malformed."""


class QueryError(KGError):
    """A SPARQL query or the graph it runs over is unusable."""


class OutputError(KGError):
    """The output set could not be written; the previous one is left in place."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path

    def __reduce__(self) -> tuple:  # keeps ``path`` when sent from a writer process
        return (type(self), (str(self), self.path))


class GoldFormatError(KGError):
    """A gold JSONL file does not follow GUIDELINES.md."""


class ViewError(KGError):
    """A view was asked for a node or type the graph does not have."""
