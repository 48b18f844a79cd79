"""Plain, testable build logic for the site. The files in hooks/ are thin MkDocs
event functions that call into this package; nothing here imports MkDocs plugins."""
