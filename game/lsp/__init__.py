"""The language server for pack files (``citizen lsp``)."""
