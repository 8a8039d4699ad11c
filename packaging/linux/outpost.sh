#!/bin/sh
# /usr/bin/@PROGRAM@: starts the Outpost bundle installed under /opt/outpost.
exec /opt/outpost/@PROGRAM@ "$@"
