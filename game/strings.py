"""Every fixed player-facing string of the game, in one table, so it can be translated.

Keys are ids; values are ``str.format`` templates. Pack text is not here: it
lives in the packs. A translation replaces this table without touching logic.
"""

from __future__ import annotations

S: dict[str, str] = {
    # titles and framing
    "game_title": "AAA Citizen",
    "intro_1": "Every act has a number. Every number has a rule.",
    "intro_2": "Live a citizen's days under the score, and see what it lets you do.",
    "life_header": "{title} — {scenario} (seed {seed}, {days} days)",
    "you_are": "You are {name}, {age}, {job}. {home}",
    "goals_header": "Goals:",
    "goal_line": "  • {text} (by day {by})",
    "day_header": "=== Day {day} of {length} · {date} ===",
    "day_n": "Day {day}",
    # status
    "score_line": "{system}: {score} ({tier})",
    "score_tier_only": "{system}: grade {tier}",
    "lists_line": "On lists: {lists}",
    "locked_privileges": "Barred from: {privileges}",
    "not_enrolled": "not enrolled",
    # choices
    "choice_line": "  {n}. {label}",
    "locked_choice_line": "  {n}. [locked] {label} — {reason}",
    "prompt": "Your choice (1–{n}): ",
    "bad_choice": "Please type a number from 1 to {n}.",
    "locked_choice": "That choice is locked: {reason}",
    "input_ended": "Input ended. The life stops here, on day {day}.",
    # locks
    "lock_tier_revokes": "Grade {tier} — barred from {privilege} ({system})",
    "lock_list_revokes": "On the {list} — barred from {privilege}",
    "lock_privilege_missing": "You do not have {privilege}",
    "lock_listed": "Not for people on the {list}",
    "lock_not_listed": "Only for people on the {list}",
    "lock_tier": "Needs grade {tier} or better in {system} (you are {now})",
    "lock_friend": "Only if {character} is your friend",
    "lock_not_friend": "Not while {character} is your friend",
    "lock_compare": "Needs {label} {op} {value} (you have {now})",
    "lock_other": "Not available now",
    "op_lt": "below",
    "op_le": "at most",
    "op_gt": "above",
    "op_ge": "at least",
    "op_eq": "exactly",
    "op_ne": "other than",
    # notices
    "score_change": "{points} {rule} ({system}) → {score}",
    "score_moved_opaque": "Your {system} score changed. The reasons are not disclosed.",
    "tier_change": "{system}: grade {old} → {new}",
    "privilege_gained": "You may now use: {privilege}",
    "privilege_lost": "You lost: {privilege} {why}",
    "by_tier": "(grade {tier}, {system})",
    "by_list": "({list})",
    "list_on": "Your name is now on the {list}.",
    "list_off": "Your name has been removed from the {list}.",
    "stat_change": "{stat} {delta} (now {value})",
    "friend_on": "{character} is now your friend.",
    "friend_off": "You are no longer friends with {character}.",
    "enrolled": "You joined {system}.",
    "left_system": "You left {system}.",
    "goal_met": "Goal met: {goal}",
    "goal_missed": "Goal missed: {goal}",
    "quiet_day": "A quiet day. Nothing asks anything of you.",
    # end of life
    "end_header": "=== The end of this life (day {day}) ===",
    "final_score": "{system}: {score} (grade {tier})",
    "final_tier_only": "{system}: grade {tier}",
    "goals_result": "Goals:",
    "goal_result_met": "  ✓ {text} (day {day})",
    "goal_result_missed": "  ✗ {text}",
    "lost_header": "Privileges lost along the way:",
    "lost_line": "  {privilege}: from day {start} for {days} days{until}",
    "lost_until_end": " (still barred at the end)",
    "lost_none": "No privilege was lost.",
    "records_header": "The record ({n} entries):",
    "record_line": "  Day {day}: {points} {rule} ({system}) — source: {source}",
    "compare_header": "The same life under other rules:",
    "compare_line": "  {system}: {score} (grade {tier})",
    "no_source": "no source note",
    # saves on the command line (citizen play --plain, citizen saves)
    "cli_saved": "Saved as '{name}' in {folder}. Go on later with: citizen play --plain --continue",
    "cli_save_failed": "Could not save: {error}",
    "cli_resumed": "Going on with the save '{name}' from day {day}.",
    "cli_resumed_new_slot": "The old save stays as it was; this life now saves as '{slot}'.",
    "cli_no_life_to_continue": "no unfinished life is saved in {folder}; start one with 'citizen play', or see 'citizen saves'",
    "cli_changed": (
        "{path}: the packs changed since this life was saved: {changes}.\n"
        "Choose how to go on (the old save is kept; the life goes on as '{slot}'):\n"
        "  {cmd} --changed snapshot   continue exactly where you stopped, under the new packs\n"
        "  {cmd} --changed replay     replay your choices under the new packs (the life may turn out differently)"
    ),
    "cli_replay_partial": "Replayed {n} of {total} choices under the new packs; the next one no longer fits ({reason}).",
    "cli_backups_header": "Backups of '{name}' that can be loaded:",
    "cli_backup_line": "  {n}. day {day} of {length}, saved {when}: {cmd}",
    "saves_header": "Saved lives in {folder}:",
    "saves_none": "No saved life in {folder}.",
    "saves_row": "  {name} · {player} · {scenario} · day {day} of {length} · {grades} · saved {when}{ended}",
    "saves_row_bad": "  {name} · cannot be read: {problem}",
    "saves_no_player": "no name",
    "saves_ended": " · over",
    "saves_check_ok": "ok: {path} replays to the same state ({n} choices, day {day})",
    "saves_check_changed": "{path}: the packs changed since this save: {changes}; load it to choose how to go on",
    "saves_delete_ask": "Delete the save '{name}' and its {n} backup(s)? [y/N] ",
    "saves_delete_kept": "Nothing deleted.",
    "saves_deleted": "Deleted '{name}' ({n} file(s)).",
}
