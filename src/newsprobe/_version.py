"""The package version: one place, read by pyproject.toml and stamped into every report."""

__version__ = "0.1.0"
