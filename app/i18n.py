"""The user's language for everything app/ shows: messages (gettext, resources/i18n.py),
country names (the ISO 3166 translations pycountry ships), dates and numbers (Babel, CLDR).

The GUI calls `set_language` with the user's choice; the command line stays in English.
"""

from __future__ import annotations

import gettext
from datetime import datetime, timedelta
from functools import lru_cache

import pycountry
from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time
from babel.dates import format_timedelta
from babel.numbers import format_decimal

from app.clock import parse_rfc3339
from resources.i18n import N_, _, language, ngettext, shipped_languages
from resources.i18n import set_language as _set_messages

__all__ = [
    "N_",
    "_",
    "country_name",
    "format_age",
    "format_date",
    "format_moment",
    "format_number",
    "language",
    "ngettext",
    "set_language",
    "shipped_languages",
]


def set_language(code: str) -> bool:
    return _set_messages(code)


@lru_cache(maxsize=8)
def _iso3166(code: str) -> gettext.NullTranslations:
    if code == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code], fallback=True)


def country_name(english: str) -> str:
    """A country's ISO 3166 name in the user's language (English when none is shipped)."""
    return _iso3166(language()).gettext(english)


def _locale() -> Locale:
    return Locale.parse(language())


def format_moment(rfc3339: str | None, *, seconds: bool = False) -> str:
    """A stored UTC time as the user reads it: local time zone, the language's own order."""
    if not rfc3339:
        return ""
    try:
        moment = parse_rfc3339(rfc3339).astimezone()
    except ValueError:
        return rfc3339
    day = _babel_date(moment, format="medium", locale=_locale())
    clock = _babel_time(moment, format="medium" if seconds else "short", locale=_locale())
    return f"{day} {clock}"


def format_age(rfc3339: str | None, now: datetime | None = None) -> str:
    """How long ago a stored UTC time was, in the user's language ("3 hours ago")."""
    if not rfc3339:
        return ""
    try:
        moment = parse_rfc3339(rfc3339)
    except ValueError:
        return rfc3339
    current = now if now is not None else datetime.now(moment.tzinfo)
    age = max(current - moment, timedelta(seconds=1))  # never "in 0 seconds"
    return format_timedelta(-age, add_direction=True, threshold=1.0, locale=_locale())


def format_date(day: str) -> str:
    """A YYYY-MM-DD day in the user's language."""
    return _babel_date(datetime.fromisoformat(day).date(), format="medium", locale=_locale())


def format_number(value: float | int, decimals: int = 0) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale())
