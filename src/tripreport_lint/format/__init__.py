"""Normalisation: mdformat, accepted only when it provably changes no meaning."""
