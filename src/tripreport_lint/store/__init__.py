"""The caches of a cache folder."""
