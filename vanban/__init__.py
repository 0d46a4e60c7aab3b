"""vanban: a knowledge base of Vietnamese Party and State policy documents.

Stages, each a plain function over plain data:
load (``load``) → model (``model``) → checks (``checks``) → graph (``graph``)
→ render pages (``site.pages``) → mkdocs build (``site.build``).
Only ``site.build`` writes files; only ``cli`` prints or exits.
"""
