"""The player's settings: a TOML file in the platform's config folder, under environment variables and flags.

Each setting is looked up in this order, the first that is set wins:

1. the command-line flag (``--theme``, ``--lang``, ``--saves``, ``--scenario``);
2. the environment variable (``CITIZEN_THEME``, ``CITIZEN_LANGUAGE``, ``CITIZEN_SAVES``, ``CITIZEN_SCENARIO``);
3. the config file (``CITIZEN_CONFIG``, else ``config.toml`` in the platform's config folder);
4. for the language only, the locale: ``LC_ALL``, else ``LC_MESSAGES``, else ``LANG`` (``nl_NL.UTF-8`` is Dutch);
5. the built-in default.

(A workshop's ``language`` comes right after ``--lang``: see :func:`language`.)

The file is small and read when a setting is asked for; it is never trusted: unknown keys and wrong
values are one :class:`ConfigError` naming the file, the line and the fix.
:func:`remember` changes one key and keeps the rest of the file (comments too).
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from game.safe_text import is_clean, visible

APP_NAME = "aaa-citizen"
FILE_NAME = "config.toml"

THEMES = {"dark": "textual-dark", "light": "citizen-light", "high-contrast": "citizen-high-contrast"}
"""Theme names a player may write → the Textual theme, in the order Ctrl+T cycles them."""

FORMER_THEMES = {"textual-light": "light"}
"""Textual names a settings file may hold from before a theme became our own → the short name."""

LANGUAGES = ("en", "sv", "nl")
"""Languages the game's own text is available in (game/locale/); packs translate theirs in lang/ (docs/translating.md)."""

LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The POSIX locale variables, the first set one deciding (as gettext reads them)."""

ENV = {
    "theme": "CITIZEN_THEME",
    "language": "CITIZEN_LANGUAGE",
    "saves": "CITIZEN_SAVES",
    "scenario": "CITIZEN_SCENARIO",
}
"""Each setting → the environment variable that overrides the file."""

FLAGS = {"theme": "--theme", "language": "--lang", "saves": "--saves", "scenario": "--scenario"}
"""Each setting → the flag that overrides everything."""

DEFAULTS = {"theme": "dark", "language": "en"}
"""Built-in defaults; ``saves`` and ``scenario`` depend on the install and the packs (see :mod:`game.paths`)."""

MAX_BYTES = 64 * 1024
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class ConfigError(Exception):
    """A setting that cannot be used: one message with where it came from and how to fix it."""


@dataclass(frozen=True)
class Setting:
    """A setting's value and where it came from: ``flag``, ``env``, ``file`` or ``default`` (value None: unset)."""

    key: str
    value: str | None
    source: str
    origin: str = ""
    """The flag, the environment variable or the file (with its line) that set it."""


def config_path() -> Path:
    """The config file: ``CITIZEN_CONFIG``, else ``config.toml`` in the platform's user config folder."""
    if env := os.environ.get("CITIZEN_CONFIG"):
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / FILE_NAME


def read_file(path: Path | None = None) -> dict[str, tuple[str, int]]:
    """The settings in the config file as key → (value, line); {} when there is no file.

    Raises:
        ConfigError: the file cannot be read, is not TOML, or has an unknown key or a wrong value.
    """
    path = path or config_path()
    text = _text_of(path)
    if text is None:
        return {}
    import tomli

    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 0) or 1
        words = _toml_words(getattr(exc, "msg", str(exc)))
        raise ConfigError(f"{path}:{line}: not valid TOML: {words}; fix that line, or delete the file to start again") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply; fix the file, or delete it to start again") from None
    lines = _key_lines(text)
    out: dict[str, tuple[str, int]] = {}
    for key, value in data.items():
        line = lines.get(key, 1)
        where = f"{path}:{line}"
        if key not in ENV:
            close = difflib.get_close_matches(key, list(ENV), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ConfigError(f"{where}: unknown setting '{_quoted(key)}'{hint}; settings: {', '.join(ENV)}")
        if not isinstance(value, str):
            raise ConfigError(f'{where}: {key} must be a string in quotes, e.g. {key} = "{_example(key)}"')
        out[key] = (check(key, value, where), line)
    return out


def _text_of(path: Path) -> str | None:
    """The file's text, None when there is no file; read only if it is a regular file of at most MAX_BYTES."""
    from game.text_files import NotARegularFile, read_small

    try:
        raw = read_small(path, MAX_BYTES)
    except FileNotFoundError:
        return None  # also a link to nowhere: as if there were no file (config set replaces the link)
    except NotARegularFile as exc:
        raise ConfigError(
            f"{path}: cannot read the config file: {exc.strerror}; remove it (or point CITIZEN_CONFIG at a file)"
        ) from None
    except PermissionError:
        raise ConfigError(f"{path}: cannot read the config file: permission denied; make it readable (chmod u+rw)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc.strerror or exc}; remove it or fix it") from None
    if len(raw) > MAX_BYTES:
        size = max(len(raw), _size(path))
        raise ConfigError(
            f"{path}: {size // 1024} KiB is too big for a config file (at most {MAX_BYTES // 1024} KiB); "
            "it holds four settings: delete it and use 'citizen config set'"
        )
    try:
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{path}:{line}: the config file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        ) from None


def _toml_words(message: str) -> str:
    """tomli's message, with what to do for the slip a settings file invites (a value's closing quote)."""
    if message.startswith(("Illegal character '\\n'", "Unterminated string")):
        return f"a quoted text is not closed on this line: add the closing quote ({message})"
    return message


def _quoted(value: str) -> str:
    """A value from the file or a flag, fit to quote in a one-line message: escapes shown, at most 80 characters."""
    return visible(value[:80]) + ("…" if len(value) > 80 else "")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def _key_lines(text: str) -> dict[str, int]:
    """The line of each top-level ``key =`` (the settings are all top-level)."""
    out: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("["):
            break
        if match := _KEY_LINE.match(line):
            out.setdefault(match.group(1), number)
    return out


def _example(key: str) -> str:
    return {"theme": "light", "language": "en", "saves": "~/citizen-saves", "scenario": "rongcheng_worker"}[key]


def check(key: str, value: str, where: str) -> str:
    """``value`` made canonical for ``key`` (a theme's short name, a path expanded), or ConfigError naming ``where``."""
    if key == "theme":
        return theme_name(value, where)
    if key == "language":
        value = value.strip().lower().replace("-", "_").split("_")[0] if where == "--lang" else value
        if value not in LANGUAGES:
            raise ConfigError(f"{where}: language '{_quoted(value)}' is not available; available: {', '.join(LANGUAGES)}")
        return value
    if key == "scenario":
        if not _ID.match(value):
            raise ConfigError(f"{where}: scenario '{_quoted(value)}' is not a scenario id (lower case letters, digits and _)")
        return value
    if not value.strip():
        raise ConfigError(f'{where}: saves is empty; give a folder, e.g. saves = "{_example("saves")}"')
    if not is_clean(value):
        raise ConfigError(f"{where}: the saves folder '{_quoted(value)}' has control characters in its name; write a plain path")
    return value


def theme_name(value: str, where: str) -> str:
    """The short name of a theme given by its short or its Textual name, or ConfigError with the closest name."""
    if value in THEMES:
        return value
    by_textual = {textual: short for short, textual in THEMES.items()} | FORMER_THEMES
    if value in by_textual:
        return by_textual[value]
    close = difflib.get_close_matches(value, [*THEMES, *by_textual], n=1)
    hint = f" (did you mean '{by_textual.get(close[0], close[0])}'?)" if close else ""
    raise ConfigError(f"{where}: no theme '{_quoted(value)}'{hint}; themes: {', '.join(THEMES)}")


def setting(key: str, flag: object = None) -> Setting:
    """``key`` from ``flag`` (the command line's value, None if not given), the environment, the file or the default."""
    if flag is not None:
        return Setting(key, check(key, str(flag), FLAGS.get(key, key)), "flag", FLAGS.get(key, key))
    variable = ENV[key]
    if env := os.environ.get(variable):
        return Setting(key, check(key, env, f"${variable}"), "env", f"${variable}")
    found = read_file().get(key)
    if found is not None:
        value, line = found
        return Setting(key, value, "file", f"{config_path()}:{line}")
    if key == "language" and (from_locale := locale_language()) is not None:
        return from_locale
    return Setting(key, DEFAULTS.get(key), "default")


def locale_language() -> Setting | None:
    """The language of the first set locale variable (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), if the game has it.

    ``nl_NL.UTF-8`` and ``nl`` are Dutch; ``C``, ``POSIX`` and a language the game lacks give None (English).
    """
    for variable in LOCALE_VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return Setting("language", code, "env", f"${variable}") if code in LANGUAGES else None
    return None


def language(flag: str | None = None, workshop: str | None = None) -> Setting:
    """The language to play in: ``--lang``, a workshop's ``language``, ``CITIZEN_LANGUAGE``, the config
    file, the locale (``LC_ALL``/``LC_MESSAGES``/``LANG``), else English."""
    if flag is None and workshop:
        code = workshop.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return Setting("language", code, "workshop", "the workshop file")
    return setting("language", flag)


def saves_from_settings(flag: Path | None = None) -> Path | None:
    """The saves folder a flag, ``CITIZEN_SAVES`` or the config file names (a relative path in the file is
    relative to the file's folder); None when none does."""
    found = setting("saves", flag)
    if found.value is None:
        return None
    path = Path(found.value).expanduser()
    if found.source == "file" and not path.is_absolute():
        path = config_path().parent / path
    return path


def remember(key: str, value: str) -> Path:
    """Set ``key`` to ``value`` in the config file, keeping every other line; returns the file's path.

    The file is replaced in one step (a temporary file renamed), and never when it is unreadable.

    Raises:
        ConfigError: the value is wrong, the file is broken, or it cannot be written.
    """
    path = config_path()
    value = check(key, value, key)
    read_file(path)  # a broken file is reported, not overwritten
    text = _text_of(path)  # checked just above: a regular UTF-8 file of settings, or none
    lines = text.splitlines() if text is not None else []
    new_line = f"{key} = {_toml_string(value)}"
    for i, line in enumerate(lines):
        if line.lstrip().startswith("["):
            lines.insert(i, new_line)
            break
        match = _KEY_LINE.match(line)
        if match and match.group(1) == key:
            lines[i] = new_line
            break
    else:
        if not lines:
            lines = ["# AAA Citizen settings (see 'citizen config'). Flags and CITIZEN_* variables override them."]
        lines.append(new_line)
    _write(path, "\n".join(lines) + "\n")
    return path


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and TOML also wants DEL escaped."""
    import json

    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _write(path: Path, text: str) -> None:
    from game.text_files import replace_text

    try:
        replace_text(path, text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the config file: {exc.strerror or exc}") from None
