"""The Outpost reference portal: an ASGI (Starlette) server for the sync API v1.

Start it with `outpost-portal serve`; see docs/protocol.md, section 5, for the HTTP API.
The portal imports only `sync.protocol` and `sync.http_signatures` from the client side.
"""
