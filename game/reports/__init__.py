"""The debrief: figures computed from replayed lives, rendered as HTML, Markdown or Rich."""
