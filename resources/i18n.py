"""Translations of the messages raised below the GUI (validation, unlock, sync, audit, PDF
headings): standard gettext catalogues, one per language, in resources/locale/.

Standard library only, so every layer can mark its messages where it raises them (sync/
cannot import app/). `_()` translates into the language chosen with `set_language` (the GUI
switches it with the user's; the command line stays in English); `N_()` only marks a text
for the catalogue when it is translated later, where it is shown (labels in tables).

Sources: resources/locale/<lang>/LC_MESSAGES/outpost.po. The compiled .mo beside each is
built by `make` (pybabel compile); a source checkout without it compiles the .po in memory.
"""

from __future__ import annotations

import gettext
import io
import logging
from pathlib import Path

DOMAIN = "outpost"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE_LANGUAGE = "en"

log = logging.getLogger(__name__)

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def shipped_languages() -> list[str]:
    """English and every language with a catalogue."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return [SOURCE_LANGUAGE, *found]


def catalogue(code: str) -> gettext.NullTranslations | None:
    """The compiled catalogue of a language, or None when it has none."""
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    compiled, source = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if compiled.exists() and (
        not source.exists() or compiled.stat().st_mtime >= source.stat().st_mtime
    ):
        with compiled.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if not source.exists():
        return None
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with source.open("rb") as handle:
        messages = read_po(handle, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, messages)
    buffer.seek(0)
    log.info("compiled %s in memory (run make to build the .mo)", source.name)
    return gettext.GNUTranslations(buffer)


def set_language(code: str) -> bool:
    """Switches `_()` to `code`; False (and English) when there is no catalogue for it."""
    global _current, _language
    if code == SOURCE_LANGUAGE:
        _current, _language = gettext.NullTranslations(), SOURCE_LANGUAGE
        return True
    found = catalogue(code)
    if found is None:
        _current, _language = gettext.NullTranslations(), SOURCE_LANGUAGE
        return False
    _current, _language = found, code
    return True


def language() -> str:
    return _language


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks `message` for the catalogue; it is translated where it is shown."""
    return message
