"""The gettext catalogs of the game's own text, and the tool that keeps them (``python -m game.locale``).

``<code>/LC_MESSAGES/citizen.po`` is the translation (edit it, e.g. in Poedit); ``citizen.mo`` beside it is
what the game reads, compiled by ``python -m game.locale compile`` and shipped in the wheel. Each entry's
``msgctxt`` is the key of :data:`game.strings.SOURCE` (or :data:`~game.strings.PLURALS`) and its ``msgid``
the English, so a changed English sentence makes the entry fuzzy (not used) until a translator checks it.
Babel is needed here only; the game reads the ``.mo`` files with the standard library.
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import TYPE_CHECKING

from game.strings import DOMAIN, PLURALS, SOURCE

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

HERE = Path(__file__).parent
HEADER = "# The game's own text (game/strings.py)."
LANGUAGES = ("sv", "nl")
"""The languages with a catalog (English is the source)."""
PROJECT = "AAA Citizen"
CREATED = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
"""A fixed POT-Creation-Date, so that an update changes only what changed."""


def po_path(code: str) -> Path:
    return HERE / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(code: str) -> Path:
    return HERE / code / "LC_MESSAGES" / f"{DOMAIN}.mo"


def template() -> Catalog:
    """The English source as a catalog: every key of the string table, with the key as context."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(domain=DOMAIN, project=PROJECT, fuzzy=False, creation_date=CREATED, header_comment=HEADER)
    for key, text in SOURCE.items():
        catalog.add(text, context=key, auto_comments=["keep each {placeholder} as it is"] if "{" in text else [])
    for key, (one, other) in PLURALS.items():
        catalog.add((one, other), context=key)
    return catalog


def read(code: str) -> Catalog:
    from babel.messages.pofile import read_po

    with po_path(code).open("rb") as f:
        return read_po(f, locale=code, domain=DOMAIN)


def write(code: str, catalog: Catalog) -> None:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_previous=True, omit_header=False)
    po_path(code).parent.mkdir(parents=True, exist_ok=True)
    po_path(code).write_bytes(buffer.getvalue())


def compiled(catalog: Catalog) -> bytes:
    """The ``.mo`` bytes of ``catalog`` (fuzzy entries left out: they are not used)."""
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update() -> list[str]:
    """Bring every ``.po`` up to date with the string table (new keys added, changed English made fuzzy);
    then compile. Returns what it did, one line per language."""
    source = template()
    said = []
    for code in LANGUAGES:
        if po_path(code).exists():
            catalog = read(code)
            catalog.update(source, no_fuzzy_matching=True, update_header_comment=False)
        else:
            from babel.messages.catalog import Catalog

            catalog = Catalog(locale=code, domain=DOMAIN, project=PROJECT, fuzzy=False, revision_date=CREATED)
            catalog.update(source, no_fuzzy_matching=True)
        write(code, catalog)
        said.append(f"{po_path(code)}: {_counts(catalog)}")
    said += compile_all()
    return said


def _counts(catalog: Catalog) -> str:
    entries = [m for m in catalog if m.id]
    todo = sum(1 for m in entries if not _translated(m))
    fuzzy = sum(1 for m in entries if m.fuzzy)
    return f"{len(entries)} strings, {todo} to translate, {fuzzy} fuzzy (changed in English: check, then remove the fuzzy flag)"


def _translated(message: object) -> bool:
    string = getattr(message, "string", "")
    return all(string) if isinstance(string, tuple | list) else bool(string)


def compile_all() -> list[str]:
    """Write each language's ``.mo`` from its ``.po``."""
    said = []
    for code in LANGUAGES:
        mo_path(code).write_bytes(compiled(read(code)))
        said.append(f"{mo_path(code)}: compiled")
    return said
