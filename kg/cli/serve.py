"""``kg serve``: a SPARQL 1.1 Protocol endpoint over a build's store."""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from kg.errors import KGError

__all__ = ["command"]

log = logging.getLogger(__name__)


def command(
    build: Annotated[Path, typer.Argument(help="Build folder (its store/) or store folder.")],
    port: Annotated[int, typer.Option("--port", "-p", help="Port to listen on.")] = 7878,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    writable: Annotated[
        bool, typer.Option("--writable", help="Accept SPARQL updates (read-only by default).")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds a query may run before it is cut.")
    ] = 30.0,
    max_result_bytes: Annotated[
        int, typer.Option("--max-result-bytes", help="Largest answer sent, in bytes.")
    ] = 50_000_000,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Allow federated SERVICE calls.")
    ] = False,
) -> None:
    """Serve the store of BUILD as a SPARQL endpoint (http://HOST:PORT/query) for
    SPARQLWrapper, YASGUI, Protégé or a web app. Logs each query with its time."""
    from kg.query.server import SparqlServer

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    server_log = logging.getLogger("kg.query.server")
    server_log.addHandler(handler)
    server_log.setLevel(logging.INFO)
    server_log.propagate = False
    try:
        server = SparqlServer(
            build,
            host=host,
            port=port,
            writable=writable,
            timeout=timeout,
            max_result_bytes=max_result_bytes,
            allow_service=allow_service,
        ).start()
    except KGError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    typer.echo(f"SPARQL endpoint: {server.url} ({server.mode}); Ctrl-C stops it", err=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.wait()
