"""The meetings views: the visitor's pages (visitor.py) and the exhibitor portal's (portal.py)."""
