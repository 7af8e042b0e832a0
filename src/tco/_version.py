"""The version of tco, in one place: the package and its outputs read it from here."""

__version__ = "0.1.0"
