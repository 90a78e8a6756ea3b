"""Statistical disclosure control: table suppression, interval audit, release ledger, k-anonymity."""
