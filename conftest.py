"""pytest set-up for the whole repository: nbval's notebook cells have their figures
compared as well as their text (tests/figures.py)."""

pytest_plugins = ["tests.figures"]
