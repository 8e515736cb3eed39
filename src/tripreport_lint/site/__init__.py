"""The site a post belongs to: its root, files, pages, anchors and vocabulary."""
