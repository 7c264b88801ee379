"""Pack translations: ``lang/<code>.toml`` in a pack folder, keyed by id and field, each with the hash of its source.

The file (written by ``citizen translate extract``, see docs/translating.md)::

    [translation]
    pack = "rongcheng"
    language = "sv"

    [strings]
    # en = "The residents' committee needs hands"
    "event.volunteer_call.title" = { text = "Bostadsrättsföreningen behöver folk", hash = "5d41402a" }

``hash`` is :func:`source_hash` of the source text the translation was made from; when the pack's
text changes, the translation is **stale** and is not used (the source shows instead) until a
translator updates it. A pack may translate its dependencies' items too; a later pack's
translation of a key wins. Translation files are untrusted like packs: size-limited, UTF-8 TOML,
every key and value checked; nothing in them runs.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from game.packs.interpolation import InterpolationError, parse, tokens
from game.packs.layers import Layered, ancestors
from game.packs.locate import LineIndex
from game.packs.problems import Problems
from game.packs.reader import display_path, toml_words
from game.packs.translatable import Source, sources, translated
from game.safe_text import visible
from game.text_files import read_small

FOLDER = "lang"
"""The folder of a pack that holds its translations (not read as pack content)."""
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ENTRIES = 50_000
MAX_TEXT = 4000
LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?\Z")
"""A language code as a translation file's name: ``sv``, ``nl``, ``pt_BR``."""
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.([A-Za-z0-9_+\-]+))+\Z")
HASH = re.compile(r"^[0-9a-f]{8}\Z")
PLACEHOLDER = re.compile(r"\{[^{}\n]{0,100}\}")
"""A placeholder of text interpolation (``{name}``, ``{days_until(...)}``): a translation keeps each one."""
MARKUP = re.compile(r"\[/?(b|i|red|green|yellow|blue|magenta|cyan|grey)\]")
"""The safe markup subset (game/safe_text.py): a translation keeps the same tags."""
SOURCE_COMMENT = re.compile(r"^#\s*([a-z]{2,3}(?:_[A-Z]{2})?)\s*=\s*(\".*\")\s*$")
"""``# en = "…"``: the source text the entry below was made from (a TOML string), for stale reports."""


def source_hash(text: str) -> str:
    """The short hash of a source text that a translation records (8 hex digits of SHA-256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def placeholders(text: str) -> Counter[str]:
    """The placeholders of ``text`` (``{weekday}``, ``{name:chen_yu}``; not the escaped braces ``{{`` ``}}``), counted."""
    return tokens(text)


def unparsed(text: str) -> str:
    """Why the braces of ``text`` do not parse as placeholders, or ``""``."""
    try:
        parse(text)
    except InterpolationError as exc:
        return str(exc)
    return ""


def markup(text: str) -> Counter[str]:
    return Counter(m.group(0) for m in MARKUP.finditer(text))


def mismatch(source: str, text: str) -> str:
    """What a translation does wrong with the source's placeholders or markup, or ``""``."""
    want, got = placeholders(source), placeholders(text)
    if want != got:
        lost, extra = sorted((want - got).elements()), sorted((got - want).elements())
        parts = [f"lacks {', '.join(lost)}"] if lost else []
        parts += [f"adds {', '.join(extra)}"] if extra else []
        return f"placeholders differ from the source: the translation {' and '.join(parts)}"
    if (broken := unparsed(text)) and not unparsed(source):
        return f"the translation's braces do not parse: {broken}"
    want_tags, got_tags = markup(source), markup(text)
    if want_tags != got_tags:
        return (
            f"markup differs from the source: the source has {' '.join(sorted(want_tags.elements())) or 'none'}, "
            f"the translation {' '.join(sorted(got_tags.elements())) or 'none'}"
        )
    return ""


@dataclass
class Entry:
    """One translated string as written in a file."""

    key: str
    text: str
    hash: str
    line: int
    old_source: str | None = None
    """The source text in the ``# en = "…"`` comment above it, if the file kept one."""


@dataclass
class TranslationFile:
    """One ``lang/<code>.toml``: whose pack, which language, and its entries."""

    path: Path
    pack: str
    language: str
    entries: dict[str, Entry] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        return display_path(self.path)


def files_of(folder: Path) -> dict[str, Path]:
    """The translation files of the pack at ``folder``: language → path (only well-named plain files)."""
    lang = folder / FOLDER
    if lang.is_symlink() or not lang.is_dir():
        return {}
    found: dict[str, Path] = {}
    try:
        names = sorted(os.listdir(lang))
    except OSError:
        return {}
    for name in names:
        stem, _, ext = name.partition(".")
        if ext == "toml" and LANGUAGE.match(stem) and (lang / name).is_file() and not (lang / name).is_symlink():
            found[stem] = lang / name
    return found


def unread(folder: Path) -> list[tuple[Path, str, bool]]:
    """What in the pack's ``lang/`` looks meant as a translation but is never read: (path, why, is_error).

    :func:`files_of` takes only plain files named by a language code; this says what it left out and why,
    so that ``validate`` and ``translate check`` name each one instead of passing over it in silence:
    a link (to anything, also a loop), a folder, pipe or device under a language's name, a ``.toml``
    whose name is no language code, and a language the game is never played in.
    """
    from game.config import LANGUAGES

    lang = folder / FOLDER
    if lang.is_symlink():
        return [(lang, "lang/ may not be a symbolic link: translations are read only from a folder inside the pack", True)]
    try:
        names = sorted(os.listdir(lang)) if lang.is_dir() else []
    except OSError as exc:
        return [(lang, f"cannot read this folder: {exc.strerror or exc}", True)]
    found: list[tuple[Path, str, bool]] = []
    for name in names:
        path = lang / name
        stem, _, ext = name.partition(".")
        if ext != "toml":
            continue
        if not LANGUAGE.match(stem):
            found.append((path, "not a translation file's name (lang/CODE.toml, e.g. sv.toml or pt_BR.toml); not read", False))
        elif path.is_symlink():
            found.append((path, "a translation file may not be a symbolic link; copy the file into lang/ (it is not read)", True))
        elif not path.is_file():
            found.append((path, "not a file (a folder, pipe or device); remove it (it is not read)", True))
        elif stem.split("_")[0] not in LANGUAGES:
            found.append((path, f"the game is played in {', '.join(LANGUAGES)} only: this translation is never shown", False))
    return found


def check_unread(folders: list[Path], problems: Problems) -> None:
    """Report :func:`unread` of each pack folder (errors and warnings, with the file)."""
    for folder in folders:
        for path, why, is_error in unread(folder):
            (problems.error if is_error else problems.warning)(visible(display_path(path)), 0, why)


def read_file(path: Path, pack: str, language: str, problems: Problems) -> TranslationFile | None:
    """Read and check one translation file; every problem goes to ``problems`` (None: unusable)."""
    shown = display_path(path)
    try:
        if path.is_symlink():
            problems.error(shown, 0, "a translation file may not be a symbolic link; copy the file into lang/")
            return None
        raw = read_small(path, MAX_FILE_BYTES)
    except OSError as exc:
        problems.error(shown, 0, f"cannot read this translation file: {exc.strerror or exc}")
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.error(shown, 0, f"the translation file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; split the pack")
        return None
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.error(shown, line, "the translation file is not valid UTF-8; save it as UTF-8")
        return None
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        problems.error(shown, getattr(exc, "lineno", 0) or 0, f"TOML syntax error: {toml_words(getattr(exc, 'msg', str(exc)))}")
        return None
    except RecursionError:
        problems.error(shown, 0, "TOML is nested too deeply")
        return None
    index = LineIndex(text)
    head = data.get("translation")
    if not isinstance(head, dict) or head.get("pack") != pack or head.get("language") != language:
        problems.error(
            shown,
            index.line_of("translation") if isinstance(head, dict) else 1,
            f'the file must start with [translation] pack = "{pack}" and language = "{language}" (its folder and name)',
        )
        return None
    for key in data:
        if key not in ("translation", "strings"):
            problems.error(
                shown, index.line_of(key), f"unknown table '{key[:60]}': a translation file has [translation] and [strings]"
            )
    strings = data.get("strings", {})
    if not isinstance(strings, dict):
        problems.error(shown, index.line_of("strings"), '[strings] must be a table of "ID.FIELD" = { text = …, hash = … }')
        return None
    if len(strings) > MAX_ENTRIES:
        problems.error(shown, index.line_of("strings"), f"{len(strings)} strings; the limit is {MAX_ENTRIES}")
        return None
    result = TranslationFile(path, pack, language)
    comments = _source_comments(text)
    lines = _key_lines(text)
    for key, value in strings.items():
        line = lines.get(key) or index.line_of("strings")
        entry = _entry(key, value, line, shown, problems)
        if entry is not None:
            entry.old_source = comments.get(line)
            result.entries[key] = entry
    return result


_QUOTED_KEY = re.compile(r'^\s*"([^"\\]{1,400})"\s*=')


def _key_lines(text: str) -> dict[str, int]:
    """The line of each quoted key (``"event.x.title" = …``), which the key-path index cannot name."""
    out: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if match := _QUOTED_KEY.match(line):
            out.setdefault(match.group(1), number)
    return out


def _entry(key: str, value: Any, line: int, shown: str, problems: Problems) -> Entry | None:
    if not KEY.match(key) or len(key) > 400:
        problems.error(shown, line, f'\'{key[:80]}\' is not a string\'s key: write "ID.FIELD", e.g. "event.red_light.title"')
        return None
    if not isinstance(value, dict) or set(value) - {"text", "hash"}:
        problems.error(shown, line, f'{key}: write {{ text = "…", hash = "…" }} (only text and hash)')
        return None
    text, digest = value.get("text", ""), value.get("hash", "")
    if not isinstance(text, str) or not isinstance(digest, str):
        problems.error(shown, line, f"{key}: text and hash must be text in quotes")
        return None
    if len(text) > MAX_TEXT:
        problems.error(shown, line, f"{key}: the translation is too long: at most {MAX_TEXT} characters; shorten it")
        return None
    if digest and not HASH.match(digest):
        problems.error(
            shown, line, f"{key}: hash '{digest[:20]}' is not one 'citizen translate extract' writes; delete it and run extract"
        )
        return None
    return Entry(key, text, digest, line)


def _source_comments(text: str) -> dict[int, str]:
    """Line of an entry → the source text in the ``# en = "…"`` comment lines right above it."""
    out: dict[int, str] = {}
    pending: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        match = SOURCE_COMMENT.match(stripped)
        if match:
            try:
                pending = tomli.loads(f"s = {match.group(2)}")["s"]
            except tomli.TOMLDecodeError:
                pending = None
            continue
        if stripped.startswith("#"):
            continue
        if pending is not None and stripped:
            out[number] = pending
        pending = None
    return out


@dataclass
class Finding:
    """One thing a translator should look at."""

    kind: str
    """``missing``, ``stale``, ``extra``, ``unconfirmed`` (no hash), ``mismatch`` (placeholders or markup)."""
    file: str
    line: int
    key: str
    message: str
    language: str
    pack: str

    @property
    def is_error(self) -> bool:
        return self.kind == "mismatch"

    def shown(self) -> str:
        return f"{self.file}:{self.line}: {'error' if self.is_error else 'warning'}: {self.message}"


def _short(text: str, limit: int = 120) -> str:
    text = json.dumps(text, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 2] + '…"'


@dataclass
class Outcome:
    """A language's translations compared with the layered packs: what applies and what a translator should see."""

    language: str
    texts: dict[str, str] = field(default_factory=dict)
    """Key → the translation to use (current, and without mismatches)."""
    findings: list[Finding] = field(default_factory=list)
    files: list[TranslationFile] = field(default_factory=list)
    strings: dict[str, Source] = field(default_factory=dict)


def compare(layered: Layered, language: str, problems: Problems, known: dict[str, Source] | None = None) -> Outcome:
    """Read every loaded pack's ``lang/<language>.toml`` and compare it with the packs' current text.

    A pack's file may translate its own items and those of the packs it depends on; a key another
    pack's item now holds (overridden later) is left to that pack. Later packs win.
    """
    strings = known if known is not None else sources(layered)
    outcome = Outcome(language, strings=strings)
    ancestors_of = ancestors(layered.packs)
    for pack in layered.packs:
        if pack.meta is None or language in (pack.meta.languages[:1] or ["en"]):
            continue
        path = files_of(pack.path).get(language)
        if path is None:
            continue
        read = read_file(path, pack.id, language, problems)
        if read is None:
            continue
        outcome.files.append(read)
        mine = {pack.id} | ancestors_of.get(pack.id, set())
        for key, entry in read.entries.items():
            source = strings.get(key)
            if source is None:
                outcome.findings.append(
                    Finding(
                        "extra",
                        read.shown,
                        entry.line,
                        key,
                        f"{key}: no such string in the packs any more; delete it",
                        language,
                        pack.id,
                    )
                )
                continue
            if source.pack not in mine:
                continue  # a later pack replaced the item: its own translation speaks for it
            if not entry.text:
                continue
            now = source_hash(source.text)
            if entry.hash and entry.hash != now:
                old = entry.old_source
                was = f"from {_short(old)} " if old is not None else "(the old text is not in the file) "
                outcome.findings.append(
                    Finding(
                        "stale",
                        read.shown,
                        entry.line,
                        key,
                        f"{key}: stale: the source changed {was}to {_short(source.text)} ({source.file}:{source.line}); "
                        "update the translation, delete its hash and run 'citizen translate extract'",
                        language,
                        pack.id,
                    )
                )
                outcome.texts.pop(key, None)
                continue
            # Placeholders and markup are compared only with the English the translation was made from:
            # a stale entry is reported as stale, not as a mismatch with text it never translated.
            if problem := mismatch(source.text, entry.text):
                outcome.findings.append(Finding("mismatch", read.shown, entry.line, key, f"{key}: {problem}", language, pack.id))
                continue
            if not entry.hash:
                outcome.findings.append(
                    Finding(
                        "unconfirmed",
                        read.shown,
                        entry.line,
                        key,
                        f"{key}: no hash: run 'citizen translate extract' to record which text this translates",
                        language,
                        pack.id,
                    )
                )
            outcome.texts[key] = entry.text
    return outcome


def missing(outcome: Outcome, packs: set[str]) -> list[Finding]:
    """The strings of ``packs`` that no file translates, at the source's file and line (a stale or
    mismatched translation is reported as such, not as missing)."""
    found: list[Finding] = []
    written = {key for f in outcome.files for key, entry in f.entries.items() if entry.text}
    for key, source in outcome.strings.items():
        if source.pack in packs and key not in outcome.texts and key not in written:
            found.append(
                Finding(
                    "missing",
                    source.file,
                    source.line,
                    key,
                    f"{key}: not translated into {outcome.language}",
                    outcome.language,
                    source.pack,
                )
            )
    return found


FALLBACK_MARK = "⟦{language}⟧ "
"""Put before a string that falls back to the source when ``CITIZEN_LANG_STRICT`` is set (tests, proofreading)."""


def strict_fallback() -> bool:
    """Whether to mark untranslated text (``CITIZEN_LANG_STRICT=1``), so a run shows every fallback."""
    return os.environ.get("CITIZEN_LANG_STRICT", "") not in ("", "0")


def apply(layered: Layered, language: str, problems: Problems | None = None) -> Outcome:
    """Put ``language``'s current translations into the layered items; the rest stay in the source language.

    With ``CITIZEN_LANG_STRICT`` set, every string left in the source is marked (:data:`FALLBACK_MARK`).
    Problems of the files go to ``problems`` (a throwaway collector when None: a broken translation
    never stops the game; the source text shows instead).
    """
    outcome = compare(layered, language, problems if problems is not None else Problems())
    texts = dict(outcome.texts)
    own_language = {p.id: (p.meta.languages[:1] or ["en"])[0] for p in layered.packs if p.meta}
    if strict_fallback():
        for key, source in outcome.strings.items():
            source_language = own_language.get(source.pack, "en")
            if key not in texts and source_language != language:
                texts[key] = FALLBACK_MARK.format(language=source_language) + source.text
    if not texts:
        return outcome
    by_item: dict[int, dict[str, str]] = {}
    for key, text in texts.items():
        by_item.setdefault(id(outcome.strings[key].item), {})[key] = text
    from game.packs.translatable import items_of

    for prefix, item in items_of(layered):
        if (mine := by_item.get(id(item))) is not None:
            item.value = translated(item.value, mine, prefix)
    return outcome


def languages_of(layered: Layered) -> list[str]:
    """Every language some loaded pack has a translation file for."""
    return sorted({lang for pack in layered.packs for lang in files_of(pack.path)})


def check_all(layered: Layered, problems: Problems) -> None:
    """``citizen validate``'s part: every translation file's problems, stale and extra strings and
    mismatches (a missing translation is not a problem here: ``citizen translate check`` lists those)."""
    strings = sources(layered)
    check_unread([pack.path for pack in layered.packs], problems)
    for language in languages_of(layered):
        outcome = compare(layered, language, problems, strings)
        for finding in outcome.findings:
            if finding.is_error:
                problems.error(finding.file, finding.line, finding.message)
            else:
                problems.warning(finding.file, finding.line, finding.message)
