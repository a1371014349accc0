"""Administration of the dialogues features: each feature registers its own models."""

from dialogues.pledges import admin as pledges_admin  # noqa: F401  (registers on import)
