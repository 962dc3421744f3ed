"""mtnorm's rule packs and lexicons, as data: ``rules/common`` and ``rules/<lang>``.

This package holds no code; it exists so that the data ships in the wheel and is
found with ``importlib.resources``. See ``rules/README.md`` for the file formats.
"""
