"""Benchmarks: ``python -m bench`` prints each figure as a ratio against a reference measured in the same run."""
