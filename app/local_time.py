"""The time an officer types (their own clock, to the minute) and the UTC time stored.

The form takes "YYYY-MM-DD HH:MM" as text and reads it strictly: a month 13 or a minute 99
is an error with a message, never silently rolled into another date.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from app.clock import parse_rfc3339, to_rfc3339
from app.errors import InvalidInput
from resources.i18n import _

LOCAL_FORMAT = "%Y-%m-%d %H:%M"
_SHAPE = re.compile(r"\s*([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2})\s*")


def parse_local_minute(text: str, zone: tzinfo | None = None) -> str:
    """`text` in the device's time zone (or `zone`) as an RFC 3339 UTC time."""
    match = _SHAPE.fullmatch(text)
    example = "2026-11-28 14:05"
    if match is None:
        raise InvalidInput(
            _(
                "“{text}” is not a date and time: type it as YYYY-MM-DD HH:MM, e.g. {example}"
            ).format(text=text.strip(), example=example)
        )
    year, month, day, hour, minute = (int(g) for g in match.groups())
    try:
        moment = datetime(year, month, day, hour, minute)
    except ValueError:
        raise InvalidInput(
            _(
                "“{text}” is not a real date and time (check the month, day, hour and minute)"
            ).format(text=text.strip())
        ) from None
    aware = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return to_rfc3339(aware)


def format_local_minute(rfc3339: str, zone: tzinfo | None = None) -> str:
    """A stored UTC time as the form shows it (device time zone, or `zone`)."""
    moment = parse_rfc3339(rfc3339)
    return (moment.astimezone(zone) if zone is not None else moment.astimezone()).strftime(
        LOCAL_FORMAT
    )


def now_local_minute(now: datetime) -> str:
    return now.astimezone().strftime(LOCAL_FORMAT)
