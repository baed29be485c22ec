"""The statuses of an application in SQL, for counting and filtering in the database.

The store and quickread use these very strings; tests/core/test_applications.py proves they
agree with applications.status_of. A module of its own, so that quickread, which runs before
the first frame, does not load the application rules.
"""

STATUS_SQL = {
    "offboarded": "(offboarded_on IS NOT NULL)",
    "active": "(offboarded_on IS NULL AND letter_received IS NOT NULL AND finished_on IS NOT NULL)",
    "letter": "(offboarded_on IS NULL AND letter_received IS NOT NULL AND finished_on IS NULL)",
    "new": "(offboarded_on IS NULL AND letter_received IS NULL AND applied_on IS NULL)",
    "late": "(offboarded_on IS NULL AND letter_received IS NULL AND applied_on IS NOT NULL AND letter_due < :today)",
    "waiting": "(offboarded_on IS NULL AND letter_received IS NULL AND applied_on IS NOT NULL"
               " AND (letter_due IS NULL OR letter_due >= :today))",
}
