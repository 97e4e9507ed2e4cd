"""Models: participants, meeting requests and meetings (the cloud exhibition issue)."""
