"""Every fixed player-facing string of the game, in one table, so it can be translated.

Keys are ids; values are ``str.format`` templates. Pack text is not here: it lives in the packs
(translated in their ``lang/`` folders). :data:`SOURCE` and :data:`PLURALS` are the English;
:data:`S` and :func:`plural` give them in the language chosen with :func:`use_language`, from the
gettext catalogs in ``game/locale/`` (``msgctxt`` = the key, ``msgid`` = the English; read with the
standard library's :mod:`gettext`, so choosing a language costs no Babel import). A string a catalog
lacks is the English (marked ``⟦en⟧`` with ``CITIZEN_LANG_STRICT=1``). See docs/translating.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

SOURCE: dict[str, str] = {
    # titles and framing
    "game_title": "AAA Citizen",
    "intro_1": "Every act has a number. Every number has a rule.",
    "intro_2": "Live a citizen's days under the score, and see what it lets you do.",
    "life_header": "{title} — {scenario} (seed {seed}, {days} days)",
    "you_are": "You are {name}, {age}. {job}. {home}.",
    "goals_header": "Goals:",
    "goal_line": "  • {text} (by day {by})",
    "goal_terms": " — {terms}",
    "goal_after": "after: {goals}",
    "goal_grade": "needs grade {grade} in {system}",
    "day_header": "=== Day {day} of {length} · {date} ===",
    "day_n": "Day {day}",
    # status
    "score_line": "{system}: {score} ({tier})",
    "score_tier_only": "{system}: grade {tier}",
    "lists_line": "On lists: {lists}",
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
    "lock_tier_revokes_hidden": "Barred from {privilege} by {system}",
    "lock_tier_hidden": "Needs a better standing in {system}",
    "lock_standing": "Depends on your standing in {system}",
    "lock_list_revokes": "On the {list} — barred from {privilege}",
    "unlock_tier": "; lifted at grade {tier}, {short} points short",
    "unlock_tier_grade": "; lifted at grade {tier}",
    "unlock_no_tier": "; no grade of {system} lifts it",
    "unlock_list": "; lifted only when you are off the list",
    "lock_tier_short": "Needs grade {tier} or better in {system} — you are {now}, {short} points short",
    "lock_compare_short": "Needs {label} {op} {value} (you have {now}, {short} short)",
    "lock_compare_over": "Needs {label} {op} {value} (you have {now}, {over} too many)",
    "lock_privilege_missing": "You do not have {privilege}",
    "lock_privilege_join": "{privilege} comes with {system}, and you are not in it",
    "lock_privilege_nowhere": "You do not have {privilege}, and nothing in this life grants it",
    "lock_privilege_tier": "{privilege} needs grade {tier}{up} in {system} — you are {now}, {short} points short",
    "lock_privilege_tier_grade": "{privilege} needs grade {tier}{up} in {system} — you are {now}",
    "lock_privilege_tier_only": "{privilege} comes with grade {tier} of {system} only — you are {now}",
    "lock_privilege_tier_hidden": "{privilege} needs a better standing in {system}",
    "grade_and_above": " or better",
    "lock_listed": "Not for people on the {list}; open again once you are off it",
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
    "by_tier_hidden": "(by {system})",
    "mark_as_reported": "‡ as reported",
    "mark": "‡",
    "by_list": "({list})",
    "list_on": "Your name is now on the {list}.",
    "list_off": "Your name has been removed from the {list}.",
    "stat_change": "{stat} {delta} (now {value})",
    "friend_on": "{character} is now your friend.",
    "friend_off": "You are no longer friends with {character}.",
    "enrolled": "You joined {system}.",
    "moved_city": "You move to {city}. Its rules apply from today.",
    "left_system": "You left {system}.",
    "goal_met": "Goal met: {goal}",
    "goal_missed": "Goal missed: {goal}",
    "quiet_day": "A quiet day. Nothing asks anything of you.",
    # end of life
    "end_header": "=== The end of this life (day {day}) ===",
    "final_score": "{system}: {score} (grade {tier})",
    "final_tier_only": "{system}: grade {tier}",
    "goals_result": "Goals:",
    "epilogue_header": "What became of it:",
    "goal_result_met": "  ✓ {text} (day {day})",
    "goal_result_missed": "  ✗ {text}",
    "lost_header": "Privileges lost along the way:",
    "lost_until_end": " (still barred at the end)",
    "lost_none": "No privilege was lost.",
    "record_line": "  Day {day}: {points} {rule} ({system}) — source: {source}",
    "compare_header": "The same life under other rules:",
    "compare_line": "  {system}: {score} (grade {tier})",
    "no_source": "no source note",
    # saves on the command line (citizen play --plain, citizen saves)
    "cli_saved": "Saved as '{name}' in {folder}. Go on later with: citizen play --plain --continue",
    "cli_save_failed": "Could not save: {error}",
    "save_in_use": (
        "the life '{name}' is open in another game (saves folder {folder}); "
        "close it there, or start a new life"
    ),
    "crash_saved": "citizen: an internal error stopped the game; your life is saved as '{name}'. The details are in {log}",
    "crash_unsaved": "citizen: an internal error stopped the game; the details are in {log}",
    "serve_full": "The room is full: {n} games are running. Try again when a player has finished.",
    "workshop_own_life_only": "In a workshop each player goes on with their own life only: other saves cannot be opened here.",
    "crash_command": "citizen: an internal error stopped the command; the details are in {log}",
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
    "saves_no_grade": "no score",
    "saves_ended": " · over",
    "saves_check_ok": "ok: {path} replays to the same state ({n} choices, day {day})",
    "saves_check_changed": "{path}: the packs changed since this save: {changes}; load it to choose how to go on",
    "saves_delete_ask": "Delete the save '{name}' and its {n} backup(s)? [y/N] ",
    "saves_delete_kept": "Nothing deleted.",
    "saves_deleted": "Deleted '{name}' ({n} file(s)).",
    # causes (present.cause_text)
    "cause_choice": "{event}: {choice}",
    "cause_daily": "Overnight: {rule}",
    "cause_night": "Overnight",
    "cause_start": "At the start",
    # TUI: keys and commands
    "key_help": "Help",
    "key_quit": "Quit",
    "key_theme": "Theme",
    "key_back": "Back",
    "key_record": "Record",
    "key_history": "History",
    "key_friends": "People",
    "key_save": "Save as",
    "key_choose": "Choose {n}",
    "key_filter": "Filter",
    "key_close": "Close",
    "key_new_life": "New life",
    "key_title": "Title screen",
    "key_start": "Start",
    "key_delete": "Delete",
    "cmd_theme_dark": "Dark theme",
    "cmd_theme_light": "Light theme",
    "cmd_theme_contrast": "High-contrast theme",
    "cmd_theme_help": "Switch the colours: {theme}",
    "cmd_title_help": "Go back to the title screen (New life, Continue, Load)",
    "cmd_new_life_help": "Choose a scenario and start a new life",
    "config_file": "Settings file: {path} ({state})",
    "config_file_there": "in use",
    "config_file_missing": "not there yet: 'citizen config set KEY VALUE' creates it",
    "config_line": "  {key:<9} {value}  ({source})",
    "config_from_env": "from {variable}",
    "config_from_file": "from the file, line {line}",
    "config_from_default": "default",
    "config_first_scenario": "the first scenario of the installed packs",
    "config_order": "A flag (--theme, --lang, --saves, --scenario) overrides its CITIZEN_* variable, which overrides the file.",
    "config_written": "{key} = {value} written to {path}",
    "config_shadowed": "Note: {variable} is set in this shell and overrides the file.",
    "dash_title": "Dashboard — {title}",
    "dash_col_player": "Player",
    "dash_col_day": "Day",
    "dash_col_goals": "Goals",
    "dash_col_lock": "Last lock",
    "dash_day": "{day} of {length}",
    "dash_ended": "ended ({day})",
    "dash_unreadable": "unreadable",
    "dash_grades": "Grades now",
    "dash_nobody": "Nobody has started yet. Saves will appear in {folder}.",
    "dash_stopped": "Stopped for more than {minutes} min",
    "dash_stopped_line": "  {player}: {minutes} min, on day {day}",
    "dash_stopped_none": "  nobody",
    "dash_prompts": "Prompts to raise",
    "dash_prompt_reached": "{about}, reached by {n}",
    "dash_prompts_none": "  none yet: they appear when a player reaches their moment",
    "theme_not_remembered": "The theme is not remembered for next time: {error}",
    "cmd_action_help": "Key: {key}",
    # what an action does, for the palette (cmd_help_ + the action's name; the key is added)
    "cmd_help_record": "Every score change so far, with its rule and where it comes from (key: {key})",
    "cmd_help_history": "Your scores day by day, with the grade bands (key: {key})",
    "cmd_help_friends": "The people of this life, their scores and who counts as your friend (key: {key})",
    "cmd_help_save_as": "Keep this life under another name (key: {key})",
    "cmd_help_why": "Why the choices are locked, and what would open them (key: {key})",
    "cmd_help_rule_book": (
        "The rules of each system you are scored in: what each act costs or earns, its caps, and what each grade"
        " grants and bars, with where each rule comes from (key: {key})"
    ),
    "cmd_help_myths": "Common claims about social credit beside what the sources say (key: {key})",
    "cmd_help_help": "How to play, and every key (key: {key})",
    "cmd_help_start": "Start the life set on this screen (key: {key})",
    # TUI: title screen
    "menu_new": "New life",
    "menu_continue": "Continue",
    "menu_continue_none": "Continue (no saved life yet)",
    "menu_load": "Load",
    "menu_help": "Help",
    "menu_quit": "Quit",
    "menu_language": "Language: {language}",
    "key_language": "Language",
    "cmd_help_language": "Switch the game's language: English, Svenska, Nederlands (key: {key})",
    "language_now": "The game now speaks {language}.",
    "language_not_remembered": "The language is not remembered for next time: {error}",
    # TUI: new life
    "new_life_title": "A new life",
    "new_scenarios": "Scenarios",
    "new_city": "City: {city}",
    "new_systems": "Scored by: {systems}",
    "new_optional": "May join: {systems}",
    "new_compare": "Compared with: {systems}",
    "new_length": "Length: {days} days, from {date}",
    "new_character": "You: {name}, {age}. {job}. {home}.",
    "new_seed": "Seed",
    "new_days": "Days",
    "new_start": "Start this life",
    "new_bad_seed": "The seed must be a whole number, for example 1234.",
    "new_bad_days": "The length must be a whole number of days from 1 to 365.",
    "new_none": "No scenario is installed. Add a pack with a [scenarios.ID] table.",
    # TUI: day screen
    "day_last": "Day {day} of {length} · {date} · the last day",
    "status_scores": "Scores",
    "status_stats": "Stats",
    "status_privileges": "Privileges",
    "status_barred": "Barred",
    "status_lists": "Lists",
    "status_goals": "Goals",
    "status_none": "none",
    "tier_up": "▲ {points} to {tier}",
    "tier_down": "▼ {points} to {tier}",
    "tier_top": "▲ top grade",
    "tier_bottom": "▼ lowest grade",
    "goal_open": "○ {text} (by day {by})",
    "goal_done": "✓ {text} (day {day})",
    "goal_failed": "✗ {text}",
    "today_header": "What happened",
    "day_summary": "Day {day} in one line: {moves}.",
    "day_summary_nothing": "Day {day} in one line: nothing moved.",
    "day_summary_score": "{system} {points} ({why})",
    "day_summary_grade": ", now grade {tier}",
    "day_summary_tier_only": "{system} now grade {tier}",
    "day_summary_undisclosed": "{system} moved (its reasons are not disclosed)",
    "day_summary_lost": "lost {privileges}",
    "day_summary_gained": "gained {privileges}",
    "day_summary_listed": "put on the {list}",
    "day_summary_delisted": "taken off the {list}",
    "day_summary_friend": "friends with {character}",
    "day_summary_unfriend": "no longer friends with {character}",
    "locked_mark": "locked",
    "saved_as": "Saved as “{name}”.",
    "save_failed": "Could not save: {error}",
    # TUI: tier change modal
    "tier_modal_up": "Your grade went up.",
    "tier_modal_down": "Your grade went down.",
    "tier_modal_gained": "Gained:",
    "tier_modal_lost": "Lost:",
    "tier_modal_nothing": "Nothing you may do has changed.",
    "tier_modal_ok": "Go on",
    # TUI: record
    "record_title": "The record",
    "record_all": "All systems",
    "record_col_day": "Day",
    "record_col_system": "System",
    "record_col_rule": "Rule",
    "record_col_points": "Points",
    "record_col_score": "Score",
    "record_col_cause": "Cause",
    "record_col_source": "Source",
    "record_empty": "Nothing has been recorded yet.",
    "record_undisclosed": "(not disclosed)",
    "record_detail_title": "{rule} — {system}, day {day}",
    "record_detail_points": "{points} points; score after: {score}",
    "record_detail_cause": "Why: {cause}",
    "record_detail_category": "Category: {category}",
    "record_detail_source": "Where this rule comes from:",
    "record_detail_shadow": "Recorded in a comparison system only.",
    "record_detail_reported": "‡ As reported, not documented: played as documented, this rule does not apply.",
    "record_detail_override": (
        "The facilitator changed this rule's points for this workshop: the note below speaks of the rule as the pack has it."
    ),
    "reported_rule_hint": "‡ reported, not documented: W opens where it comes from",
    # TUI: friends
    "friends_title": "People",
    "friends_col_name": "Name",
    "friends_col_relation": "Who they are",
    "friends_col_friend": "Counted as your friend",
    "friends_yes": "yes",
    "friends_no": "no",
    "friends_none": "Nobody in this life yet.",
    "friends_mean": "Your friends' mean {system}: {score}",
    # TUI: history
    "history_title": "History",
    "history_empty": "No day has ended yet: the chart starts after the first night.",
    "history_tier_only": "Only the grade is shown: {tier}.",
    # TUI: end of life
    "end_title": "The end of this life",
    "end_day": "Day {day} of {length}",
    "end_final": "Final grades",
    "end_epilogue": "What became of it",
    "end_goals": "Goals",
    "end_lost": "What was locked",
    "end_compare": "Under other rules",
    "end_compare_none": "This world offers no comparison system.",
    "end_chart": "The whole run",
    # TUI: load and save
    "load_title": "Saved lives",
    "load_none": "No saved life yet.",
    "load_row": "{name} · {player} · {scenario} · day {day} of {length} · {grades} · {when}{ended}",
    "load_bad": "{name} · cannot be read: {problem}",
    "load_backup": "{name} (backup {n})",
    "load_failed": "Could not load: {error}",
    "loaded": "Going on with “{name}” from day {day}.",
    "loaded_new_slot": "Going on with “{name}” from day {day}; the old save stays as it was, this life now saves as “{slot}”.",
    "changed_title": "The packs changed since this life was saved",
    "changed_text": "Changed: {changes}.\nGo on exactly where the save stopped, or replay your choices under the new packs? "
    "The old save is kept either way.",
    "changed_snapshot": "Go on from the save",
    "changed_replay": "Replay my choices",
    "changed_cancel": "Cancel",
    "replay_partial": "Replayed {n} of {total} choices under the new packs; the next one no longer fits ({reason}).",
    "delete_title": "Delete this save?",
    "delete_text": "The save “{name}” and its backups will be deleted for good.",
    "quit_save_failed": "This life could not be saved ({error}). Quit anyway and lose today?",
    "save_title": "Save this life as",
    "save_name": "Name",
    "save_bad_name": "Give the save a name.",
    # TUI: quit, size, help
    "quit_title": "Quit?",
    "quit_text": "This life is not saved and will be lost.",
    "quit_yes": "Quit",
    "quit_no": "Stay",
    "too_small": "Please enlarge the terminal to at least {width}×{height} (now {now_w}×{now_h}).",
    "help_title": "Help",
    "help_text": (
        "[b]Keys[/b]\n"
        "1–9 or ↑↓ and Enter: choose. w: why (the note behind a locked choice you tried, or the event). "
        "m: myth and fact. r: the record. b: the rule book. h: history. f: people. s: save as.\n"
        "F1 or ?: this help. Ctrl+P: every action by name. Ctrl+T: theme. Escape: back. q: quit.\n\n"
        "[b]Scores and grades[/b]\n"
        "Each score system turns what you do into points, and points into a grade (a tier). "
        "Grades grant privileges (a deposit-free flat, an honour board) and revoke others "
        "(high-speed rail, flights, loans). A list, like a court blacklist, revokes privileges whatever the score.\n\n"
        "[b]Locked choices[/b]\n"
        "A choice you may not take stays on screen, dimmed, with the reason. '‡ as reported' marks a lock the "
        "press described but the documents do not show: press w to read both.\n\n"
        "[b]Where the rules come from[/b]\n"
        "Every rule carries a source note: the rule book (b) lists every rule and grade of your systems with its "
        "note, and the record (r) shows the rules that moved your score; pick an entry to read it. "
        "Some systems are opaque: they show a grade and never say why it moved."
    ),
    # debrief reports (HTML, Markdown, terminal) and the end-of-life debrief
    "report_title": "Debrief: {title}",
    "report_subtitle": "{scenario} · {players}",
    "report_n_players": "{n} players",
    "report_one_player": "one player",
    "report_settings": "The world they lived in",
    "report_set_scores": "Scores shown to players",
    "report_scores_shown": "number and grade",
    "report_scores_tier": "grade only",
    "report_scores_hidden": "hidden",
    "report_set_disclosed": "Rules disclosed to players",
    "report_set_setting": "Setting: {setting}",
    "report_set_override": "Rule changed by the facilitator: {rule}",
    "report_yes": "yes",
    "report_no": "no",
    "report_class": "The class",
    "report_tiers": "Final grades",
    "report_tiers_of": "{system}: final grades",
    "report_trajectories": "Every life's {system}, day by day",
    "report_stance": "Safe or defiant",
    "report_stance_note": (
        "A choice counts as defiant when, in any life of this class, taking it led to a deduction; "
        "every other choice counts as safe."
    ),
    "report_stance_total": "Choices made: {safe} safe, {defiant} defiant",
    "report_choices": "What the class chose",
    "report_choices_note": (
        "Each event that more than one player met: the share of those players who took each choice the first time they met it."
    ),
    "report_event_meta": "First met on day {day} · by {n} of {total} players",
    "report_losses": "Who lost what, and when",
    "report_losses_none": "Nobody lost a privilege.",
    "report_movers": "The choices that moved scores most",
    "report_movers_note": "Mean points per time the choice was taken, in the systems each player was enrolled in.",
    "report_col_player": "Player",
    "report_col_privilege": "Privilege",
    "report_col_day": "Day",
    "report_col_why": "Why",
    "report_col_choice": "Choice",
    "report_col_taken": "Taken",
    "report_col_mean": "Mean points",
    "report_col_rules": "Rules",
    "report_col_safe": "Safe",
    "report_col_defiant": "Defiant",
    "report_col_system": "System",
    "report_col_rule": "Rule",
    "report_col_points": "Points",
    "report_col_score": "Score",
    "report_col_cause": "Cause",
    "report_col_source": "Where the rule comes from",
    "report_col_share": "Share",
    "report_col_final": "Final",
    "report_discuss": "Discuss:",
    "report_discussion": "Discussion",
    "report_about_event": "about '{event}', which nobody met",
    "report_about_rule": "about the rule {rule}, which nobody triggered",
    "report_about_privilege": "about {privilege}, which nobody lost",
    "report_life_of": "The life of {player}",
    "report_unfinished": "Unfinished: stopped on day {day} of {length}",
    "report_finished": "finished",
    "report_seat": "Seat {n}",
    "report_grades_only": (
        "The class saw grades, not exact scores, so this report shows grades (citizen debrief --scores shows the numbers)."
    ),
    "report_col_goals": "Goals met",
    "report_col_players": "Players",
    "report_col_lost": "Privileges lost",
    "report_col_status": "Life",
    "report_life_meta": "{scenario} · seed {seed} · day {day} of {length}",
    "report_ended_early": "The life ended early, on day {day}.",
    "report_goals": "Goals",
    "report_epilogue": "What became of it",
    "report_goal_met": "met on day {day}",
    "report_goal_missed": "missed",
    "report_scores": "Scores",
    "report_shadow": "comparison",
    "report_other_rules": "The same life under other rules",
    "report_privileges": "Privileges lost and regained",
    "report_priv_lost": "Day {day}: lost {privilege} ({why})",
    "report_priv_regained": "Day {day}: regained {privilege} ({why})",
    "report_priv_none": "No privilege was lost.",
    "report_priv_lost_short": "Lost: {privilege}",
    "report_priv_regained_short": "Regained: {privilege}",
    "report_not_enrolled": "not enrolled",
    "report_cause_night": "grades recomputed overnight",
    "report_timeline": "Day by day",
    "report_day": "Day {day} · {date}",
    "report_overnight": "Overnight",
    "report_quiet": "A quiet day.",
    "report_record": "The record",
    "report_no_records": "No score changed.",
    "note_title": "Where this comes from",
    "note_reported_rule": "As reported, not documented: grade {tier}, {system}",
    "note_reported_single_rule": "As reported, not documented: {rule} ({system})",
    "note_list": "The list: {list}",
    "note_privilege": "{privilege}",
    "note_event": "This situation: {event}",
    "note_rule": "{rule} ({system})",
    "note_reliability": "Reliability: {level}",
    "note_none": "No note for this.",
    "myth_here_mark": "⚑ A common claim comes up here: press m for myth and fact.",
    "myth_here_plain": "  ⚑ A common claim comes up here: {claim}",
    "myth_here_fact": "    What the sources say: {fact}",
    "note_myth_hint": "Press m for the myth and the fact: {claim}",
    "locked_choice_why": "Press w to read where this comes from.",
    "key_why": "Why?",
    "key_myths": "Myth and fact",
    "key_rule_book": "Rule book",
    "rulebook_title": "Rule book",
    "rulebook_premise_reported": (
        "This life plays the premise as reported: the rules and bans marked ‡ were reported by the press but are not"
        " in the published documents, and they apply here."
    ),
    "rulebook_premise_documented": (
        "This life plays the system as documented: the rules and bans marked ‡ were reported by the press but are not"
        " in the published documents, and they do not apply here."
    ),
    "rulebook_standing": "you are {tier} ({score})",
    "rulebook_standing_grade": "you are {tier}",
    "rulebook_rules": "The rule table: what each act costs or earns",
    "rulebook_grades": "The grades: what each grants and bars",
    "rulebook_points_vary": "varies",
    "rulebook_limit_days": "at most {n} times in {days} days",
    "rulebook_from": "from {score}",
    "rulebook_you": "← you",
    "rulebook_grants": "Grants: {list}",
    "rulebook_revokes": "Bars: {list}",
    "rulebook_reported_revokes": "Bars, as reported ‡: {list}",
    "rulebook_reported_not_applied": "As reported it would bar ‡ (not applied as documented): {list}",
    "rulebook_nothing": "No perks and no bans.",
    "rulebook_not_applied": "(not applied: played as documented)",
    "rulebook_source": "Source ({level}):",
    "rulebook_source_above": "the system's note, above.",
    "rulebook_withheld": "This workshop does not show the rule table of this system; its grades are below.",
    "rulebook_none": "No score system you can see scores this life.",
    "plain_cmd_rules": "rules",
    "plain_rules_hint": "Type 'rules' at any choice for the rule book: every system's rules and grades, with their sources.",
    "menu_myths": "Myth and fact",
    "myths_title": "Myth and fact",
    "myths_intro": (
        "There is no single national social credit score in China. Before you play, here are common claims"
        " beside what the sources say."
    ),
    "myths_intro_plain": (
        "There is no single national social credit score in China: each system here is separate. A locked choice"
        " says where its rule comes from and how reliable that is."
    ),
    "myths_none": "The loaded packs hold no myths.",
    "myth_claim": "The claim: {claim}",
    "myth_fact": "What the sources say: {fact}",
    "myth_reliability": "How reliable the claim is: {level}",
    "myth_sources": "Sources:",
    "myth_source": "  • {source}",
    "new_premise": "The premise (grade D and trains)",
    "new_premise_reported": "As reported",
    "new_premise_documented": "As documented",
    "new_myths_first": "Myth and fact first",
    "end_sources": "Where this life's rules come from",
    "opaque_known": "{system} publishes what it counts and nothing more:",
    "opaque_factor": "  • {factor}",
    "opaque_secret": "How much each counts, and the formula, are secret.",
    "report_premise_reported": "played as reported (a low city grade bars trains)",
    "report_premise_documented": "played as documented (only the court list bars trains)",
    "report_premises": "The same lives under both premises",
    "report_premises_note": (
        "Each life's choices were replayed under the other premise: as reported (the press's picture, where a low"
        " city grade bars trains and flights and the rules marked ‡ count) and as documented (a city score gates"
        " small perks; only the court's list bars trains and flights). What changed:"
    ),
    "report_premises_player": "{player}, played {premise}",
    "premises_reported": "as reported",
    "premises_documented": "as documented",
    "premises_stopped": "The other premise parted from this life at choice {n} of {total} (another event came, or"
    " the choice was not open); both are compared up to there.",
    "premises_class_lock": "{privilege}: locked in {reported} of {n} lives as reported; {documented} of {n} as documented",
    "premises_same": "Nothing changed: the same grades, the same locks, the same rules counted.",
    "premises_grade_at": "{tier} ({score})",
    "premises_grade": "{system}: {reported} as reported; {documented} as documented",
    "premises_locked_from": "locked from day {day}",
    "premises_never_locked": "never locked",
    "premises_lock": "{privilege}: {reported} as reported; {documented} as documented",
    "premises_not_counted": "not counted",
    "premises_rule": "{rule} ({system}): {reported} as reported; {documented} as documented",
    "report_premises_choices": "Choices locked under one premise only",
    "premises_day": "Day {days}",
    "premises_days": "Days {days}",
    "premises_choice_lock": "{when}, {choice}: locked {locked}, open {open}. Why: {why}. Reliability: {reliability}.",
    "report_col_locked": "Locked",
    "report_col_open": "Open",
    "report_col_reliability": "Reliability",
    "report_myths": "Myth and fact",
    "report_myths_note": (
        "Common claims about China's social credit systems, what the sources say, and where this class met each one."
    ),
    "report_myth_claim": "The claim",
    "report_myth_fact": "What the sources say",
    "report_myth_reliability": "How reliable the claim is: {level}",
    "report_myth_sources": "Sources",
    "report_myth_met": "Where the class met it",
    "report_myth_not_met": "Nobody met it in these lives.",
    "report_myth_moment": "{player}, day {day}: {text}",
    "report_myth_moment_life": "{player}: {text}",
    "myth_moment_event": "{event}",
    "myth_moment_choice": "{event}: chose '{choice}'",
    "myth_moment_lost": "lost {privilege}",
    "myth_moment_rule": "{rule} {points} ({system})",
    "myth_moment_system": "scored by {system}",
    "myth_moment_list": "on the {list}",
    "reliability_official_document": "an official document",
    "reliability_reported": "reported by a named outlet",
    "reliability_second_hand": "second-hand: seen only through a summary",
    "reliability_unconfirmed": "unconfirmed: repeated, not found in a primary text",
    "reliability_disputed": "disputed, misreported or contradicted by the documents",
    "reliability_opinion": "opinion: a commentator's view or forecast",
    "reliability_invented": "invented for the game",
    "reliability_none": "not stated",
    "report_footer": "Made with AAA Citizen {version}. Every figure is computed from the saved lives.",
    "report_term_final": "{system}: {score} (grade {tier})",
    "report_term_top_events": "What the class chose (first time each player met the event)",
    "report_term_hint": "For the full report: citizen debrief {paths} --html report.html (or --md report.md)",
    "short_header": "Debrief",
    "short_costliest": "Your costliest choice: {choice} ({points} in {system}, rule: {rule}).",
    "short_best": "Your best-paid choice: {choice} ({points} in {system}, rule: {rule}).",
    "short_source": "Where that rule comes from: {source}",
    "short_lost": "You lost {privilege} on day {day} ({why}).",
    "short_no_loss": "You kept every privilege.",
    "short_regained": "You lost no privilege, and won back {privileges} (day {day}).",
    "short_stance": "Of your {n} choices, {defiant} led to a deduction and {safe} did not.",
    "short_prompt": "Think about: {text}",
    # the same life under other rules, in words (reports/other_rules.py)
    "other_rules_header": "Under {system}:",
    "other_rules_act": "{rule}{times} ({points})",
    "other_rules_times": " ×{n}",
    "other_rules_counted": "  It counted these of your acts: {acts}.",
    "other_rules_counted_none": "  None of your acts is in its table: it recorded nothing about you.",
    "other_rules_ignored": "  It never saw {acts}.",
    "other_rules_ignored_none": "  Everything your own system recorded, it recorded too.",
    "other_rules_spared": "  Your grades barred you from {privileges}; the grades of {system} would not have.",
    "other_rules_missed": "  Your grades opened {privileges} for you; the grades of {system} would not have.",
    "other_rules_worse": "  Under {system} you would have lost {privileges}.",
    "other_rules_better": "  Under {system} you would have gained {privileges}.",
    "other_rules_same_doors": "  Its grades would have opened and closed the same doors as yours.",
    "list_and": "{first} and {last}",
    "list_more": "{n} more",
    # workshops
    "workshop_welcome": "Workshop: {title}",
    "workshop_ask_name": "Your name (or seat number): ",
    "workshop_bad_name": "'{name}' cannot name a save: use at least one letter or digit.",
    "workshop_no_name": "no name was given; the first line of input must be the player's name (or seat number)",
    "workshop_resumed": "Welcome back, {name}: your life goes on from day {day}.",
    "workshop_resume_failed": "Your earlier life could not be loaded ({error}); a new one starts in a new save.",
    "workshop_saved": "Saved as '{slot}' in {folder}",
    "seat_code_ask": "Seat code of '{name}' (six digits, as 123-456): ",
    "seat_code_title": "'{name}' has a seat here already. Type its seat code to go on.",
    "seat_code_wrong": (
        "That is not the seat code of '{name}'; nothing was opened or changed. "
        "Type it again, or ask your teacher for a new one."
    ),
    "seat_code_no_more": (
        "the seat code of '{name}' was wrong {n} times; ask your teacher for a new one (citizen workshop reset-code)"
    ),
    "seat_code_new": "Your seat code is {code}. Write it down: you need it, with your name, to come back to this seat.",
    "seat_code_new_title": "Your seat code",
    "seat_code_ok": "I have written it down",
    "seat_code_no_seat": "no player named '{name}' has a save in {folder}; 'citizen workshop seats FILE' lists them",
    "seat_code_reset": "The new seat code of '{name}' is {code} (the old one no longer works). Saves changed: {slots}",
    "seats_header": "{player:<24} {slot:<20} {day:>9}  {code}",
    "seats_code_set": "yes",
    "seats_code_none": "none yet",
    "seats_none": "No player has a save in {folder} yet.",
    "serve_open": "Open {url} in a web browser; each browser is a separate player. Ctrl+C stops the server.",
    "serve_room": "Listening on every network of this computer. Give the class one of these addresses:",
    "serve_room_note": "Players must be on the same network; if their browsers cannot connect, allow the port in the firewall.",
    "serve_not_loopback": "Listening on {host}: other computers that can reach this address can play.",
    # the workshop file that 'citizen workshop new' writes (game/workshop/example.py): comments, title, prompts
    "workshop_template": """\
#:schema ./{schema}
# A workshop file for AAA Citizen.
# Check it with:   citizen validate {name}
# Play it with:    citizen play --workshop {name}
# Serve a room:    citizen serve --workshop {name} --host 0.0.0.0
# Debrief:         citizen debrief {saves_hint} --html report.html
# The reference for every key is docs/workshop-guide.md; the first line points
# editors (Taplo, Even Better TOML) at the schema written with this file, for completion.

title = "{title}"

# Which scenario everyone lives (ids: citizen validate lists the packs; scenarios here: {scenarios}).
scenario = "{scenario}"

# The seed fixes every random draw. One number: the whole class lives the same
# draws, so the debrief can compare choices. "per_player": each name gets its own life.
seed = {seed}

# Length of the life in days (1-365). Remove the line to use the scenario's ({scenario_days}).
days = {days}

# Language of the session: {languages}. Each player's game and the debrief speak it.
language = "{language}"

# How much of the scores players see: "shown" (number and grade), "tier" (grade only)
# or "hidden". One word for every system, or a table per system, for example
# scores = {{ {system} = "tier" }}
scores = "shown"

# Is the algorithm disclosed? true: players see each rule and its points.
# false: opaque, they see that their score moved but not why. Remove the line
# to keep each system's own setting (opaque systems stay opaque).
disclosed = true

# Does the appeals office exist? false removes the appeals path from the game.
appeals = true

# The premise: "reported" plays it as the press described it (a low city grade
# bars trains and flights); "documented" plays the system as the documents show
# it (a city score gates small perks; only the court's list bars trains).
# Remove the line to keep the scenario's own.
premise = "reported"

# Where the players' saves go, relative to this file (one file per player).
saves = "{saves}"

# Other switches the packs declare, read by events as setting.ID.
# [settings]
# some_switch = true

# Rule overrides: a harsher (or milder) world. [overrides.SYSTEM] then RULE = points.
{overrides}
# Discussion prompts for the debrief. Tie one to an event (and optionally one of
# its choices), to a rule ("SYSTEM.RULE", or a rule id for every system), or to
# a privilege; the report puts it next to that moment. Untied prompts go into
# the general discussion.
[[prompt]]
text = "Which choice did you hesitate over the longest, and what tipped it?"
{event_prompt}{rule_prompt}{privilege_prompt}""",
    "workshop_example_title": "A month under the score",
    "workshop_prompt_event": "What did you do here, and what did you expect to happen?",
    "workshop_prompt_rule": "Is this rule fair? Who decides what it costs?",
    "workshop_prompt_privilege": "What did losing this change in your life? Who else would it hit hardest?",
    "workshop_override_twice": "twice the pack's {points}",
    # live reload for writers (citizen play --watch)
    "reload_ok": "Packs reloaded: all {total} choices replayed under the new content.",
    "reload_partial": "Packs reloaded: {replayed} of {total} choices still fit; the life goes on from there.",
    "reload_failed": "The packs have errors; the game goes on with the last good version:",
    "reload_more": "… and {n} more",
    "reload_no_life": "Packs reloaded: the next life uses them.",
    "reload_scenario_gone": "scenario '{scenario}' is gone from the packs; put it back to reload",
    "watch_needs_pack": "--watch needs --pack PATH: the pack folder to watch",
}


PLURALS: dict[str, tuple[str, str]] = {
    "lost_line": (
        "  {privilege}: from day {start} for {days} day{until}",
        "  {privilege}: from day {start} for {days} days{until}",
    ),
    "records_header": ("The record ({n} entry):", "The record ({n} entries):"),
    "day_bar": ("Day {day} of {length} · {date} · {left} day left", "Day {day} of {length} · {date} · {left} days left"),
    "history_system": ("{system} ({n} day)", "{system} ({n} days)"),
    "end_record": ("The record: {n} entry (press r to read it)", "The record: {n} entries (press r to read it)"),
    "short_lost_more": ("You also lost {privileges}.", "You also lost {n} more: {privileges}."),
    "short_records": ("One score change was recorded about you.", "{n} score changes were recorded about you."),
    "rulebook_cooldown": ("once a day", "once in {days} days"),
    "rulebook_limit": ("once in a life", "at most {n} times in a life"),
}
"""Strings that change with a count: key → (English for one, English for more). :func:`plural` picks the
form by the language's plural rule (CLDR's, written into each catalog's header by Babel)."""

LANGUAGE_NAMES = {"en": "English", "sv": "Svenska", "nl": "Nederlands"}
"""Each language by its own name (the same in every language, so not translated)."""

DOMAIN = "citizen"
"""The catalogs' gettext domain: ``game/locale/<code>/LC_MESSAGES/citizen.mo``."""
STRICT_MARK = "⟦en⟧ "
_language = "en"
_catalog: gettext.GNUTranslations | None = None
_strict = False


class Table(Mapping[str, str]):
    """The string table in the current language: ``S["key"]`` is the translation of ``SOURCE["key"]``."""

    def __getitem__(self, key: str) -> str:
        source = SOURCE[key]
        if _catalog is None:
            return source
        found = _catalog._catalog.get(f"{key}\x04{source}")  # type: ignore[attr-defined]
        if found:
            return str(found)
        return STRICT_MARK + source if _strict else source

    def __iter__(self) -> Iterator[str]:
        return iter(SOURCE)

    def __len__(self) -> int:
        return len(SOURCE)


S = Table()


def language() -> str:
    """The language the game speaks now (``en`` until :func:`use_language`)."""
    return _language


def use_language(code: str) -> None:
    """Speak ``code`` from now on: the string table, dates and numbers, and the packs loaded after this.

    A language without a catalog speaks English (the packs are still translated if they can be).
    """
    global _language, _catalog, _strict
    _language = code
    _strict = os.environ.get("CITIZEN_LANG_STRICT", "") not in ("", "0")
    _catalog = None if code == "en" else _load_catalog(code)


def _load_catalog(code: str) -> gettext.GNUTranslations | None:
    import gettext
    from pathlib import Path

    path = Path(__file__).parent / "locale" / code / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as f:
            return gettext.GNUTranslations(f)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def plural(key: str, n: float) -> str:
    """The template of ``key`` for a count of ``n``, in the current language's plural form.

    A language with more forms than English has them in its catalog; the count decides, never the text.
    """
    one, other = PLURALS[key]
    if _catalog is None:
        return one if n == 1 else other
    ident = f"{key}\x04{one}"
    rule = _catalog.plural  # type: ignore[attr-defined]  # the catalog's Plural-Forms, compiled by gettext
    index = rule(int(n) if float(n).is_integer() else 0)  # a fraction takes the form of 0 (CLDR's "other")
    found = _catalog._catalog.get((ident, index))  # type: ignore[attr-defined]
    if found:
        return str(found)
    fallback = one if n == 1 else other
    return STRICT_MARK + fallback if _strict else fallback

