"""The portal's web console: server-rendered pages for the operator and the focal points
(Starlette + Jinja2, no JavaScript framework, every asset served by the portal itself).
See docs/portal.md."""
