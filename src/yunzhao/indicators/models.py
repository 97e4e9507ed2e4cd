"""Models: written by this app's issue."""
