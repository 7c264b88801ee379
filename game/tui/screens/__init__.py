"""The game's screens; each one's styles sit in a .tcss file of the same name, nested under its type."""
