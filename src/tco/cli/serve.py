"""``tco serve``: run the HTTP service (needs the ``service`` extra)."""

from __future__ import annotations

import argparse
import sys

from tco.cli.command import Command
from tco.io.optional import require

__all__: list[str] = []


def _configure(p: argparse.ArgumentParser) -> None:
    p.description = (
        "Run the HTTP service: evaluate, validate and analyse tenders sent as JSON or YAML "
        "(OpenAPI document at /openapi.json; see docs/integration.md)."
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="TCP port (default 8000)")
    p.add_argument("--workers", type=int, help="worker processes (default: number of CPUs)")
    p.add_argument("--timeout", type=float, help="longest time one request may compute [s]")
    p.add_argument("--log-level", default="warning", help="uvicorn log level (default warning)")
    p.add_argument(
        "--loop",
        choices=("auto", "uvloop", "asyncio"),
        default="auto",
        help="event loop: uvloop when installed (auto, the default), or the one named",
    )
    p.add_argument(
        "--queue",
        type=int,
        help="most requests waiting for a free worker; more are answered 503 (default 64)",
    )
    p.add_argument(
        "--queue-wait",
        type=float,
        help="longest time a request waits for a free worker before a 503 [s] (default 20)",
    )
    p.add_argument("--max-connections", type=int, help="most open connections (default 500)")
    p.add_argument(
        "--header-timeout",
        type=float,
        help="longest time a client may take to send a request's headers [s] (default 10)",
    )
    p.add_argument(
        "--body-timeout",
        type=float,
        help="longest time a client may take to send a request's body [s] (default 30)",
    )
    p.add_argument(
        "--cors-origin",
        action="append",
        metavar="ORIGIN",
        help="a browser origin whose pages may call the service, such as "
        "https://intranet.example (repeatable; default none)",
    )
    p.add_argument("--openapi", metavar="FILE", help="write the OpenAPI document to FILE and exit")


def _run(args: argparse.Namespace) -> int:
    for module in ("fastapi", "uvicorn", "fastapi_offline"):
        require(module, "service")
    origins = [_origin(o) for o in args.cors_origin or ()]
    if args.openapi:
        from tco.service.app import openapi_text
        from tco.views.safe import write_output

        write_output(openapi_text(), args.openapi, "OpenAPI document")
        from tco.views.i18n import text

        print(text("cli.wrote", args.lang, path=args.openapi), file=sys.stderr)
        return 0
    from tco.service import serve

    serve(
        args.host,
        args.port,
        workers=args.workers,
        timeout=args.timeout,
        log_level=args.log_level,
        loop=args.loop,
        queue=args.queue,
        queue_wait=args.queue_wait,
        max_connections=args.max_connections,
        header_timeout=args.header_timeout,
        body_timeout=args.body_timeout,
        cors_origins=origins,
        lang=args.lang,
    )
    return 0


def _origin(given: str) -> str:
    """A ``--cors-origin`` as a browser sends it (``https://host[:port]``), or a user error."""
    import re

    origin = given.strip().rstrip("/")
    if origin == "*" or re.fullmatch(r"https?://[A-Za-z0-9.\-\[\]:]+", origin):
        return origin
    from tco.errors import SpecError

    raise SpecError(
        f"'{given}' is not a browser origin",
        path=("--cors-origin",),
        value=given,
        expected="a scheme and host, such as https://intranet.example or http://127.0.0.1:8080",
    ).speaks("serve_cors_origin", given=given)


#: The subcommands of this module: name -> (configure the parser, run, help).
COMMANDS: dict[str, Command] = {
    "serve": (_configure, _run, "run the HTTP service (needs the service extra)"),
}
