"""``citizen lsp``: the language server for pack files, over stdio (see docs/writing-packs.md, "The language server")."""

from __future__ import annotations

import argparse

from game.tools.common import CliError


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lsp", help="language server for pack TOML (diagnostics, completion, hover, definition) on stdio")
    p.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default; for editors)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from game.lsp.framing import FramingError
        from game.lsp.server import serve_stdio
    except ImportError as exc:  # pygls is a dependency; a broken install says so plainly
        raise CliError(f"the language server needs pygls ({exc}); reinstall aaa-citizen", 1) from None
    try:
        serve_stdio()
    except FramingError as exc:
        raise CliError(
            f"lsp: {exc}; the server stopped. It speaks the Language Server Protocol over "
            "stdin and stdout: start it from an editor's LSP client (docs/writing-packs.md, "
            "'Editor support')",
            1,
        ) from None
    return 0
