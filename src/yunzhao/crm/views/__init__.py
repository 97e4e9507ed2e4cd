"""Back-office pages of enterprises, contacts, channels and activities, one module per subject."""
