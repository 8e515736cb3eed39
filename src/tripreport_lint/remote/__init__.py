"""Remote link checks: their settings, the checker and the address guard."""
