"""``citizen config``: where the settings file is and what is set, from where; ``config set KEY VALUE``.

The settings and their order (flag, environment variable, file, default) are
:mod:`game.config`'s; this command only shows them and writes one key.
"""

from __future__ import annotations

import argparse

from game import config
from game.strings import S


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="show the settings file and what is set (theme, language, saves, scenario)")
    p.add_argument("--path", action="store_true", help="print only the settings file's path")
    p.set_defaults(run=run_show)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    show = actions.add_parser("show", help="where the file is and each setting with where it came from (the default)")
    show.set_defaults(run=run_show)
    put = actions.add_parser("set", help="write one setting into the file (the rest of the file is kept)")
    put.add_argument("key", choices=list(config.ENV), help="the setting")
    put.add_argument("value", help="its value, e.g. light")
    put.set_defaults(run=run_set)


def run_show(args: argparse.Namespace) -> int:
    path = config.config_path()
    if getattr(args, "path", False):
        print(path)
        return 0
    state = S["config_file_there"] if path.is_file() else S["config_file_missing"]
    print(S["config_file"].format(path=path, state=state))
    for key in config.ENV:
        found = config.setting(key)
        value = found.value if found.value is not None else _unset(key)
        if key == "saves" and found.value is not None:
            value = str(config.saves_from_settings())
        print(S["config_line"].format(key=key, value=value, source=_source(found)))
    print(S["config_order"])
    return 0


def _unset(key: str) -> str:
    if key == "saves":
        from game import paths

        return str(paths.fallback_saves_dir())
    return S["config_first_scenario"]


def _source(found: config.Setting) -> str:
    if found.source == "env":
        return S["config_from_env"].format(variable=found.origin)
    if found.source == "file":
        return S["config_from_file"].format(line=found.origin.rsplit(":", 1)[-1])
    return S["config_from_default"]


def run_set(args: argparse.Namespace) -> int:
    path = config.remember(args.key, args.value)
    print(S["config_written"].format(key=args.key, value=config.read_file(path)[args.key][0], path=path))
    found = config.setting(args.key)
    if found.source == "env":
        print(S["config_shadowed"].format(variable=found.origin))
    return 0
