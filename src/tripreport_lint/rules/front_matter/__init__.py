"""FM rules: the front matter block, its schema, dates, taxonomies and images."""
