"""Benchmarks: `make bench` (or `python -m bench SUITE`). Each prints a table and ratios
against a baseline measured in the same run."""
