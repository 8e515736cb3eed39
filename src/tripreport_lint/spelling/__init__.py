"""The dictionaries the spelling rules use, loaded once per process."""
