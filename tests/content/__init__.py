"""Content checks on the built site: spelling, readability, language parity,
structure, scan errors and external links.

Each check is one plain function that takes parsed pages (see `site.load_site`)
and returns a list of `Problem`s; an empty list means the check passes.
`tests/test_content.py` runs them on the site built once per test session, and
`tests/tools/` has scripts that print reports for authors. The word lists, the
scan-error patterns and the allowed hosts are plain text files beside this file."""
