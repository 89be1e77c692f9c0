"""The widgets layer: notebook widgets and HTML blocks that compose maps and topics for a lesson."""
