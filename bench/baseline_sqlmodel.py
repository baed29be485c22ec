"""Baseline for memory: the bare Textual app in a process that has also imported SQLModel,
the stack the brief fixes (issue 17: peak RSS is measured against this)."""

import sqlmodel  # noqa: F401  (imported for its memory, as hr-wizard's store imports it)
from baseline_app import BareApp

if __name__ == "__main__":
    BareApp().run()
