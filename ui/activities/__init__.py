"""Activity screens: the activity form with quick attendance, and the contact ledger screens."""
