"""The data layer: read and check the pack's files, and the words and dates they use. Imports no other layer."""
