"""Bundled resources (code lists, icons, translations) and how to find them on disk."""

from importlib.resources import files
from pathlib import Path


def resource_path(name: str) -> Path:
    """Path of a bundled resource file, e.g. resource_path("codelists/tlp.json").

    Resources are installed as plain files (also in the PyInstaller one-folder bundle),
    so the importlib.resources location is a real filesystem path.
    """
    return Path(str(files(__name__).joinpath(*name.split("/"))))
