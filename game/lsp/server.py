"""``citizen lsp``: a language server for pack TOML over stdio (pygls).

Diagnostics come from the validator (on open, change and save, with the
line's range); completion offers ids where a key takes ids and names and
functions inside expressions; hover shows what an id is (a rule's points per
system, an event's title and conditions, the source and reliability); go to
definition jumps to the declaration, in this pack or one it depends on.
The analysis itself is in :mod:`game.lsp.analysis`; what comes in is framed and bounded
by :mod:`game.lsp.framing`, and what cannot be used is answered by :mod:`game.lsp.errors`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from game import __version__
from game.lsp.analysis import Workspace, complete, definitions, hover, line_range, pack_files, word_at
from game.lsp.errors import CitizenProtocol, CitizenServer, quiet_logging
from game.lsp.framing import GuardedInput

SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}
KIND = {
    "id": types.CompletionItemKind.Value,
    "function": types.CompletionItemKind.Function,
    "namespace": types.CompletionItemKind.Module,
    "name": types.CompletionItemKind.Keyword,
}


def path_of(uri: str) -> Path:
    return Path(unquote(urlparse(uri).path))


def build_server() -> LanguageServer:
    server = CitizenServer("citizen-lsp", __version__, protocol_cls=CitizenProtocol)
    workspace = Workspace()

    def publish(uri: str, unsaved: str | None) -> None:
        path = path_of(uri)
        analysis = workspace.analyse(path, unsaved)
        if analysis is None:
            return
        for file in pack_files(analysis.folder):
            text = unsaved if file == path.resolve() and unsaved is not None else _read(file)
            diagnostics = []
            for problem in analysis.problems.get(str(file), []):
                line, start, end = line_range(text, problem.line)
                diagnostics.append(
                    types.Diagnostic(
                        range=types.Range(types.Position(line, start), types.Position(line, end)),
                        message=problem.message,
                        severity=SEVERITY.get(problem.severity, types.DiagnosticSeverity.Information),
                        source="citizen validate",
                    )
                )
            server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=file.as_uri(), diagnostics=diagnostics))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri, params.text_document.text)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        document = ls.workspace.get_text_document(params.text_document.uri)
        publish(params.text_document.uri, document.source)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        publish(params.text_document.uri, None)

    def text_and_catalogue(ls: LanguageServer, uri: str):
        document = ls.workspace.get_text_document(uri)
        analysis = workspace.for_file(path_of(uri))
        return document.source, (analysis.catalogue if analysis else None)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=['"', ".", "[", "(", " ", "{", ","])
    )
    def completion(ls: LanguageServer, params: types.CompletionParams) -> types.CompletionList:
        text, catalogue = text_and_catalogue(ls, params.text_document.uri)
        if catalogue is None:
            return types.CompletionList(is_incomplete=False, items=[])
        found = complete(catalogue, text, params.position.line, params.position.character)
        items = [
            types.CompletionItem(
                label=s.label,
                kind=KIND.get(s.kind),
                detail=s.detail,
                documentation=s.documentation or None,
            )
            for s in found
        ]
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
        text, catalogue = text_and_catalogue(ls, params.text_document.uri)
        word = word_at(text, params.position.line, params.position.character)
        shown = hover(catalogue, word) if catalogue and word else ""
        if not shown:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=shown))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: LanguageServer, params: types.DefinitionParams) -> list[types.Location]:
        text, catalogue = text_and_catalogue(ls, params.text_document.uri)
        word = word_at(text, params.position.line, params.position.character)
        if not catalogue or not word:
            return []
        out = []
        for file, line in definitions(catalogue, word):
            number, start, end = line_range(_read(Path(file)), line)
            out.append(
                types.Location(
                    uri=Path(file).as_uri(), range=types.Range(types.Position(number, start), types.Position(number, end))
                )
            )
        return out

    return server


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def serve_stdio() -> None:
    """Run the server on standard input and output until the client shuts it down.

    Raises :class:`game.lsp.framing.FramingError` when the client breaks the framing.
    """
    quiet_logging()
    build_server().start_io(stdin=GuardedInput(sys.stdin.buffer), stdout=sys.stdout.buffer)  # type: ignore[arg-type]
