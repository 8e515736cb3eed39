"""MKP rules: Markdown the page shows as text, as the site's engine (Goldmark or kramdown) reads it."""
