"""The Jinja environment for the site's own partials: the theme's (same loader,
filters and globals), with autoescaping on.

MkDocs makes the theme's environment without autoescape, and Material's templates
rely on that, so it cannot be switched on there. The partials the hooks render
(quizzes, figures, the course's lists and sheets) use this one instead: every value
is escaped unless our own code made it safe HTML (markupsafe.Markup)."""
from __future__ import annotations

from jinja2 import Environment


def autoescaping(theme_env: Environment) -> Environment:
    return theme_env.overlay(autoescape=True)
