"""Widgets of the game: they lay out what a screen hands them and post messages up."""
