"""The files ``citizen new-pack`` writes: a small, complete pack that validates and simulates cleanly.

Templates use ``string.Template``: ``${id}`` is the pack id, ``${name}`` its
name. Every id in the pack starts with the pack id, so the new pack loads beside
the built-in packs without a clash. Each feature of the format appears once,
with a comment saying what it does.
"""

from __future__ import annotations

PACK = """\
#:schema ./schema/pack.schema.json
# The pack's identity. Run `citizen validate ${folder}` after every change.
[pack]
id = "${id}"
name = "${name}"
version = "0.1.0"
description = "A small river town with a neighbourhood score. A starting point: copy, rename, rewrite."
authors = []
license = "CC-BY-4.0"
languages = ["en"]
depends = []          # ids of packs that must load first (e.g. ["core"]); you may then use their ids
"""

WORLD = """\
#:schema ./schema/content.schema.json
# The world: what the citizen carries, what they may do, and the score that judges them.
# Every id starts with "${id}_" so this pack can load beside the built-in packs without clashing.

[stats.${id}_money]          # a number the citizen carries; read in expressions as stat.${id}_money
name = "Money"
start = 300
max = 5000
unit = "¥"

[stats.${id}_stress]
name = "Stress"
max = 10

[privileges.${id}_library]   # held from the start (default = true) unless a tier or a list takes it away
reliability = "invented"    # how far the real world backs this: official_document, reported, second_hand,
                             # unconfirmed, disputed, opinion or invented (docs/pack-format.md)
name = "Library card"
source = "Invented for this example pack."

[privileges.${id}_honour_board]
reliability = "invented"
name = "A photo on the honour board"
default = false              # only tier A grants it

[settings.${id}_informants]  # a switch a workshop can turn off; read as setting.${id}_informants
name = "Neighbours may report each other"
default = true

[cities.${id}_town]
name = "Riverside"

[systems.${id}_points]       # a score system; the player sees the number and the grade (public)
reliability = "invented"
name = "Riverside neighbourhood points"
min = 0
max = 200
start = 110
visibility = "public"        # public | private | opaque (opaque: grade only, rules hidden)
tiers = [
  { id = "A", min = 120, color = "#2e7d32", grant = ["${id}_honour_board"] },
  { id = "B", min = 80 },
  { id = "C", min = 40 },
  { id = "D", min = 0, color = "#c62828", revoke = ["${id}_library"] },
]
source = "Invented; modelled loosely on municipal point schemes."

# Acts are what events record; each system's rule table says what an act is worth there.
[acts.${id}_litter]
reliability = "invented"    # rules pricing this act inherit it
name = "Dropping litter"
category = "street"

[acts.${id}_volunteer]
reliability = "invented"    # rules pricing this act inherit it
name = "Volunteering"
category = "civic"

[acts.${id}_late_fee]
reliability = "invented"    # rules pricing this act inherit it
name = "Paying a bill late"
category = "money"

[acts.${id}_helped]
reliability = "invented"    # rules pricing this act inherit it
name = "Helping a neighbour"
category = "civic"

[rules.${id}_points.${id}_litter]
points = -10
source = "Say where a figure comes from, and whether it is disputed."

[rules.${id}_points.${id}_volunteer]
points = 15
cooldown = 2                 # at most once every 2 days

[rules.${id}_points.${id}_late_fee]
points = -8

[rules.${id}_points.${id}_helped]
points = 5
limit = 2                    # at most 2 records ...
limit_days = 7               # ... in any 7 days

[lists.${id}_late_payers]    # a list takes privileges away whatever the score
reliability = "invented"
name = "Late payers' list"
kind = "black"
public = true
revoke = ["${id}_library"]

[characters.${id}_neighbour]  # a person with a score of their own that drifts each night
name = "Mr Lindqvist"
relation = "neighbour"
scores = { ${id}_points = 90 }
drift = { ${id}_points = [-3, 3] }

[[daily]]                    # applied every night while `when` holds
reliability = "invented"
id = "${id}_rent"
when = "day % 7 == 0"
stats = { ${id}_money = -100 }
text = "Rent left your account overnight."
"""

EVERYDAY = """\
#:schema ../schema/content.schema.json
# Everyday events. Keep a few routines that are always eligible, so that no day is empty:
# `citizen simulate --pack ${folder} --strict` fails on days with no eligible event.
# Any other event waits 10 days before it comes back (`cooldown` sets its own gap),
# and each time it was seen its weight halves; a routine (`repeatable = true`) does neither.

[[event]]
reliability = "invented"
id = "${id}_market"
title = "Market day"
text = "The stalls are out along the river. You buy a bag of plums."
weight = 3                   # drawn three times as often as a weight-1 event
repeatable = true            # a routine: it may come back the next day

[[event.choice]]
id = "bin"
label = "Carry the wrapper to a bin"
stats = { ${id}_stress = 1 }

[[event.choice]]
id = "drop"
label = "Drop the wrapper behind the stall"
[[event.choice.outcome]]     # chance outcomes: one is drawn; the rest of the probability is "nothing happens"
chance = 0.5
text = "A warden with a tablet writes down your name."
record = ["${id}_litter"]

[[event]]
reliability = "invented"
id = "${id}_cleanup"
title = "Riverbank clean-up"
text = "A volunteer group is picking bottles out of the reeds."
cooldown = 2                 # not again for 2 days

[[event.choice]]
id = "join"
label = "Join them for the morning"
record = ["${id}_volunteer"]
stats = { ${id}_stress = 1 }

[[event.choice]]
id = "pass"
label = "Walk on"
stats = { ${id}_stress = -1 }

[[event]]
reliability = "invented"
id = "${id}_library_visit"
title = "The library"
text = "It is raining. The library is warm."
weight = 2
repeatable = true

[[event.choice]]
id = "borrow"
label = "Borrow a book"
requires = ["${id}_library"]  # locked, with the reason shown, without this privilege

[[event.choice]]
id = "park"
label = "Read an old paperback in the bus shelter"
stats = { ${id}_stress = -1 }

[[event]]
reliability = "invented"
id = "${id}_water_bill"
title = "The water bill"
text = "A brown envelope: the quarter's water bill."
weight = "1 + stat.${id}_stress / 5"   # a weight can be an expression: more bills feel due when you are stressed
days = [2, 30]               # only from day 2
cooldown = 4

[[event.choice]]
id = "pay"
label = "Pay it now (¥60)"
enable_if = "stat.${id}_money >= 60"   # locked below ¥60; the lock says so
stats = { ${id}_money = -60 }

[[event.choice]]
id = "wait"
label = "Let it wait"
record = ["${id}_late_fee"]
flags = ["${id}_owes"]       # read later as flag.${id}_owes

[[event]]
reliability = "invented"
id = "${id}_neighbour"
title = "Mr Lindqvist's shopping"
text = "Your neighbour is struggling up the stairs with four bags."
character = "${id}_neighbour"

[[event.choice]]
id = "help"
label = "Carry two bags"
record = ["${id}_helped"]
befriend = ["${id}_neighbour"]

[[event.choice]]
id = "report"
label = "Tell the warden his music was loud last night"
show_if = "setting.${id}_informants"   # hidden when the workshop turns informants off
unfriend = ["${id}_neighbour"]
character_scores = { ${id}_neighbour = { ${id}_points = -10 } }

[[event.choice]]
id = "ignore"
label = "Pretend you did not see him"

[[event]]
reliability = "invented"
id = "${id}_honour"
title = "The honour board"
text = "The committee wants your photo for the board outside the town hall."
when = "has(\\"${id}_honour_board\\")"   # only while tier A grants the privilege
once = true

[[event.choice]]
id = "smile"
label = "Smile for the camera"
stats = { ${id}_stress = -2 }

[[event.choice]]
id = "decline"
label = "Decline politely"

[[event]]
reliability = "invented"
id = "${id}_festival"
title = "The river festival"
text = "Lanterns on the water, and a stall that needs hands."
days = [8, 14]
once = true

[[event.choice]]
id = "stall"
label = "Work the stall"
record = ["${id}_volunteer"]

[[event.choice]]
id = "enjoy"
label = "Just enjoy the evening"
stats = { ${id}_stress = -2 }
"""

STORY = """\
#:schema ../schema/content.schema.json
# A story arc: the unpaid bill comes back, and a list follows.

[[event]]
reliability = "invented"
id = "${id}_collector"
title = "A letter from the water company"
text = "The bill you let wait is now a demand, with a fee."
when = "flag.${id}_owes and not listed(\\"${id}_late_payers\\")"
once = true

[[event.choice]]
id = "pay"
label = "Pay the bill and the fee (¥150)"
enable_if = "stat.${id}_money >= 150"
locked_text = "You do not have the money this week."   # extra words for the lock reason
stats = { ${id}_money = -150 }
unflag = ["${id}_owes"]

[[event.choice]]
id = "refuse"
label = "Write back that the meter is wrong"
enlist = ["${id}_late_payers"]
schedule = [{ event = "${id}_hearing", after = 2 }]   # a follow-up two days later

[[event]]
reliability = "invented"
id = "${id}_hearing"
title = "The list office"
text = "A clerk explains how a name comes off the late payers' list."
weight = 0                   # never drawn: it only happens when scheduled

[[event.choice]]
id = "settle"
label = "Pay everything and ask to be removed (¥100)"
enable_if = "stat.${id}_money >= 100"
stats = { ${id}_money = -100 }
unflag = ["${id}_owes"]
delist = ["${id}_late_payers"]

[[event.choice]]
id = "wait"
label = "Say you will think about it"
stats = { ${id}_stress = 2 }

[[event.choice]]
id = "leave"
label = "Take the night bus out of Riverside"
end = "You leave with one bag. The list stays behind with your name on it."   # ends the life early
"""

SCENARIOS = """\
#:schema ./schema/content.schema.json
# A life to live. Run it with `citizen play --pack ${folder} --scenario ${id}_life`.

[scenarios.${id}_life]
reliability = "invented"
name = "Twenty days in Riverside"
description = "A new arrival in a river town that keeps score."
city = "${id}_town"
systems = ["${id}_points"]   # enrolled from the start
days = 20
events_per_day = [1, 2]
stats = { ${id}_money = 400 } # overrides the stat's start

[scenarios.${id}_life.character]
name = "Sam"
age = 29
job = "Bus driver"
home = "A room above the bakery"

[[scenarios.${id}_life.goals]]
id = "${id}_grade_a"
text = "Get your photo on the honour board"
when = "at_least(\\"${id}_points\\", \\"A\\")"
by = 20

[[scenarios.${id}_life.goals]]
id = "${id}_off_the_list"
text = "End the twenty days off the late payers' list"
when = "day >= 20 and not listed(\\"${id}_late_payers\\")"
"""

README = """\
# ${name}

A pack for AAA Citizen, made with `citizen new-pack`. Every id starts with `${id}_`.

- `pack.toml`: who made the pack and what it depends on.
- `world.toml`: stats, privileges, a score system with tiers, acts and their rules, a list, a character, a daily rule.
- `events/`: everyday events and a story arc.
- `scenarios.toml`: a life to play, with goals.
- `schema/`: JSON Schema for editors; each file's first line (`#:schema ...`) points at it.
  Refresh it after upgrading the game with `citizen schema --out ${folder}/schema`.

Check and try it:

    citizen validate ${folder}
    citizen simulate --pack ${folder} --runs 200 --strict
    citizen play --pack ${folder} --scenario ${id}_life
"""

FILES = {
    "pack.toml": PACK,
    "world.toml": WORLD,
    "events/everyday.toml": EVERYDAY,
    "events/story.toml": STORY,
    "scenarios.toml": SCENARIOS,
    "README.md": README,
}
"""Path inside the new pack → its template."""
